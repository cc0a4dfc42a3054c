"""A read-only data folder as SQLite really meets it: the read-only open itself may fail.

In a folder that cannot be written, SQLite cannot make a write-ahead-log database's index
file, so even ``mode=ro`` fails; how it says so depends on its version and the file
system ("attempt to write a readonly database", or "unable to open database file" on a
read-only mount with SQLite 3.40). Most tests make ``sqlite3.connect`` fail that way for
a plain read-only open (which works as root and in CI); one uses a real read-only bind
mount and runs only as root where ``mount`` works.
"""

from __future__ import annotations

import datetime as dt
import errno
import hashlib
import os
import shutil
import sqlite3
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from benzoapp.core.model import JournalDay, Plan
from benzoapp.main import main
from benzoapp.store import BusyDatabaseError, ReadOnlyDatabaseError, open_store
from benzoapp.store.schema import DB_FILENAME, SCHEMA_HEAD, read_stored_revision

FIXTURES = Path(__file__).resolve().parent / "fixtures"
REAL_CONNECT = sqlite3.connect


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def cannot_write(monkeypatch: pytest.MonkeyPatch) -> None:
    """The write check meets a read-only disk (root may write anywhere, so simulated)."""

    def refuse(data_dir: Path, db_path: Path) -> None:
        raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(data_dir))

    monkeypatch.setattr("benzoapp.store.access.probe_write", refuse)


def sqlite_fails_read_only(monkeypatch: pytest.MonkeyPatch, message: str) -> list[str]:
    """A plain read-only open fails as on a read-only mount; returns the URIs tried."""
    tried: list[str] = []

    def connect(database: Any, *args: Any, **kwargs: Any) -> sqlite3.Connection:
        text = str(database)
        if kwargs.get("uri") and "mode=ro" in text:
            tried.append(text)
            if "immutable=1" not in text:
                raise sqlite3.OperationalError(message)
        return REAL_CONNECT(database, *args, **kwargs)

    monkeypatch.setattr(sqlite3, "connect", connect)
    return tried


@pytest.fixture
def filled_dir(fresh_dir: Path, plan_factory: Callable[..., Plan]) -> Path:
    with open_store(fresh_dir) as store:
        store.plans.save(plan_factory(), "My plan")
        store.journal.save_day(JournalDay(dt.date(2030, 1, 8), {"tinnitus": 4}, {}, "ok"))
    shutil.rmtree(fresh_dir / "backups", ignore_errors=True)
    return fresh_dir


@pytest.mark.parametrize(
    "message", ["unable to open database file", "attempt to write a readonly database"]
)
def test_a_failing_read_only_open_falls_back_to_reading_the_file_as_immutable(
    filled_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    plan_factory: Callable[..., Plan],
    message: str,
) -> None:
    before = digest(filled_dir / DB_FILENAME)
    cannot_write(monkeypatch)
    tried = sqlite_fails_read_only(monkeypatch, message)
    with open_store(filled_dir) as store:
        assert store.read_only
        assert "cannot be written" in store.read_only_reason
        active = store.plans.active()
        assert active is not None
        assert active[1] == plan_factory()
        day = store.journal.get(dt.date(2030, 1, 8))
        assert day is not None
        assert day.notes == "ok"
        with pytest.raises(ReadOnlyDatabaseError):
            store.journal.save_day(JournalDay(dt.date(2030, 1, 9), {}, {}, ""))
    assert any("immutable=1" in uri for uri in tried)
    assert digest(filled_dir / DB_FILENAME) == before


def test_an_older_file_is_upgraded_in_a_copy_when_sqlite_cannot_open_it_read_only(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = data_dir / DB_FILENAME
    shutil.copyfile(FIXTURES / "0001_initial.sqlite3", db)
    before = digest(db)
    cannot_write(monkeypatch)
    sqlite_fails_read_only(monkeypatch, "unable to open database file")
    with open_store(data_dir) as store:
        assert store.read_only
        assert "older BenzoApp" in store.read_only_reason
        assert store.plans.active() is not None
    assert digest(db) == before


def test_export_works_when_sqlite_cannot_open_the_file_read_only(
    filled_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    cannot_write(monkeypatch)
    sqlite_fails_read_only(monkeypatch, "unable to open database file")
    out = tmp_path / "mine.json"
    assert main(["--data-dir", str(filled_dir), "export", str(out)]) == 0
    _, err = capsys.readouterr()
    assert "cannot be written" in err
    assert "cannot be opened" not in err
    assert out.stat().st_size > 0


def test_a_busy_file_is_not_read_as_immutable(
    filled_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another program writing it could be caught half-way: say it is busy instead."""
    cannot_write(monkeypatch)
    tried = sqlite_fails_read_only(monkeypatch, "database is locked")
    with pytest.raises(BusyDatabaseError):
        open_store(filled_dir)
    assert not any("immutable=1" in uri for uri in tried)


def test_the_revision_is_read_as_immutable_only_when_the_folder_cannot_be_written(
    filled_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = filled_dir / DB_FILENAME
    sqlite_fails_read_only(monkeypatch, "unable to open database file")
    assert read_stored_revision(db, folder_writable=False) == SCHEMA_HEAD
    with pytest.raises(sqlite3.OperationalError, match="unable to open"):
        read_stored_revision(db, folder_writable=True)
    with pytest.raises(sqlite3.OperationalError, match="unable to open"):
        read_stored_revision(db)  # root may write the folder: no reason to read it so


@pytest.fixture
def read_only_mount(tmp_path: Path) -> Iterator[tuple[Path, Path]]:
    """A folder and a read-only bind mount of it; always unmounted afterwards."""
    if os.name != "posix" or os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("needs root and mount")
    source = tmp_path / "under-the-mount"
    source.mkdir()
    target = tmp_path / "mounted"
    target.mkdir()
    bound = subprocess.run(
        ["mount", "--bind", str(source), str(target)], capture_output=True, check=False
    )
    if bound.returncode != 0:
        pytest.skip(f"bind mounts do not work here: {bound.stderr.decode().strip()}")
    try:
        made = subprocess.run(
            ["mount", "-o", "remount,bind,ro", str(target)], capture_output=True, check=False
        )
        if made.returncode != 0:
            pytest.skip(f"cannot make the mount read-only: {made.stderr.decode().strip()}")
        yield source, target
    finally:
        if subprocess.run(["umount", str(target)], capture_output=True, check=False).returncode:
            subprocess.run(["umount", "-l", str(target)], capture_output=True, check=False)


def test_a_really_read_only_mount_opens_read_only(
    read_only_mount: tuple[Path, Path],
    template_db: Path,
    plan_factory: Callable[..., Plan],
) -> None:
    source, mounted = read_only_mount
    shutil.copyfile(template_db, source / DB_FILENAME)
    with open_store(source) as store:
        store.plans.save(plan_factory(), "My plan")
    shutil.rmtree(source / "backups", ignore_errors=True)
    before = digest(source / DB_FILENAME)
    with pytest.raises(OSError, match="Read-only"):
        (mounted / "x").write_text("")
    with open_store(mounted) as store:
        assert store.read_only
        assert "the disk or folder is read-only" in store.read_only_reason
        active = store.plans.active()
        assert active is not None
        assert active[1] == plan_factory()
        with pytest.raises(ReadOnlyDatabaseError):
            store.journal.save_day(JournalDay(dt.date(2030, 1, 9), {}, {}, ""))
    assert digest(source / DB_FILENAME) == before


def crash_with_changes_in_the_wal(source: Path, target: Path) -> dt.date:
    """``target`` as after a crash: one journal day saved but still only in the ``-wal`` file.

    A second connection keeps SQLite from moving the log into the file when the store
    closes; the two files are copied then, as a power cut would leave them.
    """
    day = dt.date(2030, 1, 20)
    holder = sqlite3.connect(source / DB_FILENAME)
    try:
        holder.execute("SELECT count(*) FROM sqlite_master").fetchone()
        with open_store(source) as store:
            store.journal.save_day(JournalDay(day, {"tinnitus": 2}, {}, "only in the log"))
        target.mkdir(exist_ok=True)
        for suffix in ("", "-wal"):
            shutil.copyfile(source / f"{DB_FILENAME}{suffix}", target / f"{DB_FILENAME}{suffix}")
    finally:
        holder.close()
    assert (target / f"{DB_FILENAME}-wal").stat().st_size > 0
    return day


def test_changes_left_in_the_log_are_said_to_be_possibly_missing(
    filled_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    crashed = tmp_path / "crashed"
    day = crash_with_changes_in_the_wal(filled_dir, crashed)
    with monkeypatch.context() as patched:
        cannot_write(patched)
        sqlite_fails_read_only(patched, "unable to open database file")
        with open_store(crashed) as store:
            reason = store.read_only_reason
            assert store.journal.get(day) is None  # read as immutable: the log is ignored
            assert store.journal.get(dt.date(2030, 1, 8)) is not None
    assert reason.startswith("Changes cannot be saved")
    assert "The most recent changes may not be shown" in reason
    assert f"{DB_FILENAME}-wal" in reason
    assert "once the folder can be written again" in reason
    assert "print everything" not in reason  # never claims it is complete
    with open_store(crashed) as store:  # writable again: SQLite brings the changes in
        assert not store.read_only
        found = store.journal.get(day)
        assert found is not None
        assert found.notes == "only in the log"


def test_an_interrupted_save_in_a_rollback_journal_is_said_too(
    filled_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (filled_dir / f"{DB_FILENAME}-journal").write_bytes(b"\0" * 512)
    cannot_write(monkeypatch)
    sqlite_fails_read_only(monkeypatch, "unable to open database file")
    with open_store(filled_dir) as store:
        reason = store.read_only_reason
    assert "The most recent changes may not be shown as they are" in reason
    assert f"{DB_FILENAME}-journal" in reason
    assert "print everything" not in reason


def test_an_empty_log_beside_the_file_is_not_mentioned(
    filled_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (filled_dir / f"{DB_FILENAME}-wal").write_bytes(b"")
    cannot_write(monkeypatch)
    with open_store(filled_dir) as store:
        reason = store.read_only_reason
    assert "You can still see and print everything" in reason
    assert "most recent changes" not in reason


def test_a_read_only_mount_after_a_crash_says_recent_changes_may_be_missing(
    read_only_mount: tuple[Path, Path], filled_dir: Path
) -> None:
    source, mounted = read_only_mount
    day = crash_with_changes_in_the_wal(filled_dir, source)
    with open_store(mounted) as store:
        assert store.read_only
        assert "The most recent changes may not be shown" in store.read_only_reason
        assert store.journal.get(day) is None
        assert store.journal.get(dt.date(2030, 1, 8)) is not None
