"""Commands on a data folder that cannot be written: reading works, writing exits 2 plainly.

The write check meets the ``OSError`` of a read-only disk (simulated at
``benzoapp.store.access.probe_write``, since tests may run as root).
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import shutil
from pathlib import Path

import pytest

from benzoapp.main import main
from benzoapp.store.schema import DB_FILENAME


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("template") / "demo"
    assert main(["--data-dir", str(folder), "demo"]) == 0
    assert main(["--data-dir", str(folder), "backup"]) == 0
    # Old backups only: a writable open today would make the daily one.
    for n, made in enumerate(sorted((folder / "backups").iterdir())):
        made.rename(made.with_name(f"benzoapp-20200101-09000{n}-000000-manual.sqlite3"))
    return folder


@pytest.fixture
def demo_dir(tmp_path: Path, demo_template: Path) -> Path:
    folder = tmp_path / "demo"
    shutil.copytree(demo_template, folder)
    return folder


@pytest.fixture
def read_only(monkeypatch: pytest.MonkeyPatch, demo_dir: Path, data_dir: Path) -> None:
    """From here on, every write check meets a read-only disk (the folders exist first)."""

    def refuse(folder: Path, db_path: Path) -> None:
        raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(folder))

    monkeypatch.setattr("benzoapp.store.access.probe_write", refuse)


@pytest.mark.usefixtures("read_only")
def test_reading_commands_work_and_say_nothing_can_be_saved(
    demo_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = digest(demo_dir / DB_FILENAME)
    backups_before = sorted((demo_dir / "backups").iterdir())
    target = tmp_path / "out.json"
    code, out, err = run(capsys, "--data-dir", str(demo_dir), "export", str(target), "--json")
    assert code == 0
    assert json.loads(out)["journal_days"] == 365
    assert json.loads(target.read_text(encoding="utf-8"))["format"] == "benzoapp-export"
    assert err.startswith("benzoapp export: note: Changes cannot be saved")
    code, out, _ = run(capsys, "--data-dir", str(demo_dir), "journal", "analyse", "--json")
    assert code == 0
    assert json.loads(out)["days_logged"] == 365
    pdf = tmp_path / "plan.pdf"
    code, out, err = run(capsys, "--data-dir", str(demo_dir), "report", str(pdf), "--json")
    assert code == 0
    assert err.startswith("benzoapp report: note: Changes cannot be saved")
    assert pdf.read_bytes().startswith(b"%PDF")
    code, out, _ = run(capsys, "--data-dir", str(demo_dir), "backup", "--list", "--json")
    assert code == 0
    assert len(json.loads(out)["backups"]) == len(backups_before)
    assert digest(demo_dir / DB_FILENAME) == before
    assert sorted((demo_dir / "backups").iterdir()) == backups_before  # no daily backup


@pytest.mark.usefixtures("read_only")
@pytest.mark.parametrize(
    ("words", "doing"),
    [
        (("backup",), "make a backup"),
        (("backup", "--restore", "BACKUP"), "restore a backup"),
        (("import", "EXPORT", "--replace"), "import the file"),
    ],
)
def test_writing_commands_exit_2_with_a_plain_message(
    demo_dir: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    words: tuple[str, ...],
    doing: str,
) -> None:
    export = tmp_path / "export.json"
    assert run(capsys, "--data-dir", str(demo_dir), "export", str(export))[0] == 0
    backup = sorted((demo_dir / "backups").iterdir())[0]
    args = [{"BACKUP": str(backup), "EXPORT": str(export)}.get(w, w) for w in words]
    before = digest(demo_dir / DB_FILENAME)
    backups_before = sorted((demo_dir / "backups").iterdir())
    code, out, err = run(capsys, "--data-dir", str(demo_dir), *args)
    assert code == 2
    assert out == ""
    first = err.splitlines()[0]
    assert first.startswith(f"benzoapp {words[0]}: Cannot {doing}: your data folder {demo_dir}")
    assert "read-only" in first
    assert "Nothing was changed" in first
    assert "Traceback" not in err
    assert digest(demo_dir / DB_FILENAME) == before
    assert sorted((demo_dir / "backups").iterdir()) == backups_before


@pytest.mark.usefixtures("read_only")
def test_demo_into_an_unwritable_empty_folder_exits_2(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "--data-dir", str(data_dir), "demo")
    assert code == 2
    assert err.startswith(
        f"benzoapp demo: Cannot fill the folder with sample data: your data folder {data_dir}"
    )
    assert list(data_dir.iterdir()) == []
