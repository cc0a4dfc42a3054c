"""A full disk or a folder that cannot be written: one plain line, nothing half-written.

Tests run as root in CI, where permissions do not stop writes, so the operating system's
errors are raised where a file is opened or flushed, as a full disk or a read-only
folder would raise them.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from benzoapp.main import main
from benzoapp.store import open_store
from benzoapp.store.demo import fill_demo

REGIMEN = ["plan", "--regimen", "diazepam 5mg 22:00"]


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    with open_store(folder) as store:
        fill_demo(store)
    return folder


def failing(code: int) -> Callable[[int], None]:
    def fsync(_fd: int) -> None:
        raise OSError(code, os.strerror(code))

    return fsync


COMMANDS: dict[str, Callable[[Path], list[str]]] = {
    "export": lambda out: ["export", str(out)],
    "report": lambda out: ["report", str(out)],
    "plan --pdf": lambda out: [*REGIMEN, "--pdf", str(out)],
    "plan --csv": lambda out: [*REGIMEN, "--csv", str(out)],
    "plan --ics": lambda out: [*REGIMEN, "--ics", str(out)],
}


@pytest.mark.parametrize("command", sorted(COMMANDS))
@pytest.mark.parametrize(
    "failure", [(errno.ENOSPC, "the disk is full"), (errno.EACCES, "may not write there")]
)
def test_a_write_that_fails_says_so_and_keeps_the_old_file(
    data_dir: Path,
    command: str,
    failure: tuple[int, str],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, said = failure
    out_dir = data_dir.parent / "out"
    out_dir.mkdir()
    target = out_dir / "target.out"
    target.write_bytes(b"the previous file")
    open_store(data_dir).close()  # today's backup made before the disk "fills"
    monkeypatch.setattr(os, "fsync", failing(code))
    status = main(["--data-dir", str(data_dir), *COMMANDS[command](target)])
    err = capsys.readouterr().err
    assert status == 2
    assert "Traceback" not in err
    assert said in err
    assert target.read_bytes() == b"the previous file"
    assert [p.name for p in out_dir.iterdir()] == ["target.out"]  # no temporary left


def test_an_unwritable_output_folder_is_one_plain_line(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import tempfile

    def refuse(*_args: object, **_kwargs: object) -> tuple[int, str]:
        raise PermissionError(errno.EACCES, "Permission denied", str(data_dir.parent))

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    status = main(["--data-dir", str(data_dir), "report", str(data_dir.parent / "plan.pdf")])
    lines = capsys.readouterr().err.strip().splitlines()
    assert status == 2
    assert lines[-1].startswith("benzoapp report: could not use")
    assert "may not write there" in lines[-1]
