"""Every file BenzoApp writes is its owner's only (600) and every folder it creates 700.

An existing data folder that others can read gets a one-line warning, and the platform's
default folder is tightened at once.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from benzoapp.main import main
from benzoapp.store import open_store
from benzoapp.store.demo import fill_demo

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def open_umask() -> object:
    """The usual desktop umask (022), whatever the test runner had."""
    previous = os.umask(0o022)
    yield
    os.umask(previous)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    with open_store(folder) as store:
        fill_demo(store)
    return folder


def test_every_output_of_the_command_line_is_owner_only(
    data_dir: Path, tmp_path: Path, open_umask: object, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    base = ["--data-dir", str(data_dir)]
    assert main([*base, "export", str(out / "data.json")]) == 0
    assert main([*base, "report", str(out / "plan.pdf"), "--ics", str(out / "plan.ics")]) == 0
    plan = ["plan", "--regimen", "diazepam 5mg 22:00", "--csv", str(out / "steps.csv")]
    assert main([*base, *plan]) == 0
    assert main([*base, "backup"]) == 0
    written = sorted(out.iterdir())
    assert [p.name for p in written] == ["data.json", "plan.ics", "plan.pdf", "steps.csv"]
    assert {p.name: mode(p) for p in written} == {p.name: 0o600 for p in written}
    assert {mode(p) for p in (data_dir / "backups").iterdir()} == {0o600}
    assert mode(data_dir / "backups") == 0o700
    capsys.readouterr()


def test_a_new_data_folder_and_everything_in_it_are_owner_only(
    tmp_path: Path, open_umask: object, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "new" / "data"
    assert main(["--data-dir", str(folder), "demo"]) == 0
    assert main(["--data-dir", str(folder), "backup"]) == 0
    assert mode(folder) == 0o700
    for path in folder.rglob("*"):
        assert mode(path) == (0o700 if path.is_dir() else 0o600), path
    capsys.readouterr()


def test_the_window_creates_its_folder_log_and_settings_owner_only(
    tmp_path: Path, open_umask: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What the window writes at start-up: the folder, the log, the crash log, settings."""
    from benzoapp import app

    folder = tmp_path / "window-data"

    def start_as_the_window_does(data_dir: str | None) -> int:
        from benzoapp.gui import crash
        from benzoapp.gui.preferences import Preferences

        where = Path(str(data_dir))
        assert app.data_folder_problem(where) == ""
        crash.setup_logging(where)
        crash.disable_faulthandler(crash.enable_faulthandler(where))
        prefs = Preferences(where)
        prefs.set("data/keep_backups", 5)
        prefs.sync()
        return 0

    monkeypatch.setattr(app, "run_gui", start_as_the_window_does)
    assert main(["--data-dir", str(folder)]) == 0
    assert mode(folder) == 0o700
    files = [p for p in folder.iterdir() if p.is_file()]
    assert {p.name for p in files} >= {"benzoapp.log", "settings.ini"}
    assert {p.name: mode(p) for p in files} == {p.name: 0o600 for p in files}


def test_an_existing_folder_others_can_read_gets_one_warning(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data_dir.chmod(0o755)
    assert main(["--data-dir", str(data_dir), "export", str(tmp_path / "x.json")]) == 0
    notes = [line for line in capsys.readouterr().err.splitlines() if "read by other" in line]
    assert len(notes) == 1
    assert "chmod 700" in notes[0]
    assert mode(data_dir) == 0o755  # a folder the person chose is theirs to decide


def test_the_default_folder_is_tightened(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("BENZOAPP_DATA_DIR", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    from benzoapp.paths import default_data_dir

    folder = default_data_dir()
    assert str(folder).startswith(str(tmp_path))
    folder.mkdir(parents=True, mode=0o755)
    folder.chmod(0o755)
    assert main(["demo"]) == 0
    assert mode(folder) == 0o700
    assert "now yours only" in capsys.readouterr().err
