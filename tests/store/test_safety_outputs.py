"""No output path can overwrite the data, its side files, the backups, a folder or a device.

Every command that writes a file the person names (export, report and its calendar and
CSV, plan --pdf/--ics/--csv) goes through one guard: refused with one plain line, exit
status 2, and nothing written anywhere.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from benzoapp.main import main
from benzoapp.store import open_store
from benzoapp.store.demo import fill_demo
from benzoapp.store.schema import DB_FILENAME

REGIMEN = ["--regimen", "diazepam 5mg 22:00", "--start", "2030-01-07"]


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A data folder with a plan, a backup, and side files beside the data file."""
    folder = tmp_path / "data"
    with open_store(folder) as store:
        fill_demo(store)
        store.backup_now("manual")
    db = folder / DB_FILENAME
    for suffix in ("-wal", "-shm", "-journal"):
        side = db.with_name(db.name + suffix)
        if not side.exists():
            side.write_bytes(b"")
    return folder


def fingerprint(folder: Path) -> dict[str, str]:
    """Every file under the folder with a digest of its bytes."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def targets(folder: Path) -> dict[str, Path]:
    db = folder / DB_FILENAME
    backup = next((folder / "backups").glob("benzoapp-*.sqlite3"))
    return {
        "data file": db,
        "wal": db.with_name(db.name + "-wal"),
        "shm": db.with_name(db.name + "-shm"),
        "journal": db.with_name(db.name + "-journal"),
        "backups folder": folder / "backups",
        "new file in backups": folder / "backups" / "mine.pdf",
        "a backup": backup,
        "through dot-dot": folder / "backups" / ".." / DB_FILENAME,
        "data folder": folder,
    }


COMMANDS: dict[str, Callable[[Path], list[str]]] = {
    "export": lambda t: ["export", str(t)],
    "report": lambda t: ["report", str(t)],
    "report --ics": lambda t: ["report", "elsewhere.pdf", "--ics", str(t)],
    "report --csv": lambda t: ["report", "elsewhere.pdf", "--csv", str(t)],
    "plan --pdf": lambda t: ["plan", *REGIMEN, "--pdf", str(t)],
    "plan --ics": lambda t: ["plan", *REGIMEN, "--ics", str(t)],
    "plan --csv": lambda t: ["plan", *REGIMEN, "--csv", str(t)],
}


@pytest.mark.parametrize("command", sorted(COMMANDS))
@pytest.mark.parametrize(
    "target",
    [
        "data file",
        "wal",
        "shm",
        "journal",
        "backups folder",
        "new file in backups",
        "a backup",
        "through dot-dot",
        "data folder",
    ],
)
def test_no_command_writes_over_the_data_or_its_backups(
    data_dir: Path,
    command: str,
    target: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    tmp_path = data_dir.parent
    monkeypatch.chdir(tmp_path)
    before = fingerprint(data_dir)
    path = targets(data_dir)[target]
    status = main(["--data-dir", str(data_dir), *COMMANDS[command](path)])
    err = capsys.readouterr().err
    assert status == 2
    assert fingerprint(data_dir) == before  # nothing written, nothing backed up or pruned
    assert not (tmp_path / "elsewhere.pdf").exists()  # the other outputs were not written
    lines = [line for line in err.splitlines() if "note:" not in line]
    assert len(lines) == 1
    assert "Nothing was written" in lines[0]
    assert "Traceback" not in err


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_links_to_the_data_file_are_caught(
    data_dir: Path, tmp_path: Path, command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    db = data_dir / DB_FILENAME
    hard = tmp_path / "hard.json"
    os.link(db, hard)
    soft = tmp_path / "soft.json"
    soft.symlink_to(db)
    backup_link = tmp_path / "backup-link.json"
    os.link(next((data_dir / "backups").glob("benzoapp-*.sqlite3")), backup_link)
    before = fingerprint(data_dir)
    for link in (hard, soft, backup_link):
        assert main(["--data-dir", str(data_dir), *COMMANDS[command](link)]) == 2
        assert fingerprint(data_dir) == before
    assert capsys.readouterr().err.count("Nothing was written") == 3


def test_the_default_data_folder_is_protected_without_data_dir(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """plan never opens the store, yet --pdf still may not name the default data file."""
    monkeypatch.setenv("BENZOAPP_DATA_DIR", str(data_dir))
    before = fingerprint(data_dir)
    assert main(["plan", *REGIMEN, "--pdf", str(data_dir / DB_FILENAME)]) == 2
    assert fingerprint(data_dir) == before
    assert "your data file" in capsys.readouterr().err


def test_devices_folders_and_missing_folders_are_refused(tmp_path: Path) -> None:
    from benzoapp.output_guard import UnsafeOutputError, check_output_path

    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    for path, why in (
        (fifo, "not a plain file"),
        (Path(os.devnull), "not a plain file"),  # only checked here, never written
        (tmp_path, "it is a folder"),
        (tmp_path / "missing" / "out.pdf", "does not exist"),
    ):
        with pytest.raises(UnsafeOutputError, match=why):
            check_output_path(path)
    assert check_output_path(tmp_path / "fine.pdf") == tmp_path / "fine.pdf"


def test_a_store_opened_in_this_process_protects_its_folder(data_dir: Path) -> None:
    """The report writers and the window check every data folder opened in the process."""
    from benzoapp.output_guard import UnsafeOutputError
    from benzoapp.report.atomic import write_atomic

    open_store(data_dir).close()
    before = fingerprint(data_dir)
    with pytest.raises(UnsafeOutputError, match="your data file"):
        write_atomic(data_dir / DB_FILENAME, b"%PDF-1.4 not your data")
    assert fingerprint(data_dir) == before


def test_a_plain_output_beside_the_data_is_still_written(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = data_dir / "my-export.json"
    assert main(["--data-dir", str(data_dir), "export", str(out)]) == 0
    assert out.read_text(encoding="utf-8").startswith("{")
    capsys.readouterr()


def test_the_guard_names_the_same_files_as_the_store() -> None:
    """The guard sits below every layer, so it repeats two names; they must not drift."""
    from benzoapp import output_guard
    from benzoapp.store import schema

    assert (output_guard.DB_FILENAME, output_guard.BACKUP_FOLDER) == (
        schema.DB_FILENAME,
        schema.BACKUP_FOLDER,
    )
