"""Two programs opening a brand-new folder at once both succeed; ``demo`` is all or nothing."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from benzoapp.main import main
from benzoapp.store import open_store
from benzoapp.store.schema import DB_FILENAME

OPENER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from benzoapp.core.model import Medication
    from benzoapp.store import open_store
    folder, go, name = Path(sys.argv[1]), float(sys.argv[2]), sys.argv[3]
    while time.time() < go:
        pass
    with open_store(folder) as store:
        store.medications.add(Medication(name))
    """
)


@pytest.mark.slow
def test_processes_opening_a_new_folder_at_once_all_succeed(tmp_path: Path) -> None:
    for attempt in range(3):
        folder = tmp_path / f"new-{attempt}"
        go = time.time() + 2.0  # every process is loaded and spinning by then
        runs = [
            subprocess.Popen(
                [sys.executable, "-c", OPENER, str(folder), str(go), f"p{n}"],
                stderr=subprocess.PIPE,
                text=True,
            )
            for n in range(3)
        ]
        errors = [run.communicate(timeout=120)[1] for run in runs]
        assert [run.returncode for run in runs] == [0, 0, 0], errors
        with open_store(folder) as store:
            assert sorted(m.name for _, m in store.medications.list()) == ["p0", "p1", "p2"]


def test_a_demo_that_fails_midway_leaves_the_folder_empty(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from benzoapp.store.records import JournalRepository

    def power_cut(*_args: object) -> None:
        raise KeyboardInterrupt  # what Ctrl+C does halfway

    folder = tmp_path / "demo"
    monkeypatch.setattr(JournalRepository, "save_days", power_cut)
    with pytest.raises(KeyboardInterrupt):
        main(["--data-dir", str(folder), "demo"])
    monkeypatch.undo()
    with open_store(folder) as store:
        assert store.is_empty()
    assert [p.name for p in folder.iterdir() if p.name.startswith(".demo")] == []
    assert main(["--data-dir", str(folder), "demo"]) == 0  # and it can simply be run again
    with open_store(folder) as store:
        assert not store.is_empty()
    capsys.readouterr()


@pytest.mark.slow
def test_a_killed_demo_leaves_nothing_or_everything(tmp_path: Path) -> None:
    for n, delay in enumerate((0.6, 0.9, 1.2, 1.5, 1.8)):
        folder = tmp_path / f"demo-{n}"
        run = subprocess.Popen(
            [sys.executable, "-m", "benzoapp", "--data-dir", str(folder), "demo"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(delay)
        run.send_signal(signal.SIGKILL)
        run.wait(timeout=60)
        if not (folder / DB_FILENAME).exists():
            continue
        with open_store(folder) as store:
            complete = (
                len(store.journal.all()) == 365
                and len(store.medications.list()) == 5
                and store.plans.active() is not None
            )
            assert store.is_empty() or complete
        assert os.path.exists(folder / DB_FILENAME)


def test_what_a_killed_creation_or_demo_left_is_cleared(tmp_path: Path) -> None:
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    pid = int(dead.stdout)  # that process has ended
    folder = tmp_path / "data"
    open_store(folder).close()
    leftovers = [folder / f".{DB_FILENAME}.new-{pid}", folder / f".demo-{pid}"]
    leftovers[0].write_bytes(b"half a new file")
    leftovers[1].mkdir()
    mine = folder / f".demo-{os.getpid()}"  # a live process's: left alone
    mine.mkdir()
    open_store(folder).close()
    assert [p.exists() for p in leftovers] == [False, False]
    assert mine.exists()
