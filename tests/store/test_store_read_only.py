"""A data folder that cannot be written: the data opens read-only, saves are refused plainly.

Tests run as root in CI, where ``chmod`` does not stop writes, so most tests make the
write check meet the ``OSError`` a read-only or full disk gives (the seam is
``benzoapp.store.access.probe_write``); the store then opens SQLite read-only for real.
One test uses real permissions and is skipped under root.
"""

from __future__ import annotations

import datetime as dt
import errno
import hashlib
import os
import shutil
import sqlite3
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest

from benzoapp.core.model import JournalDay, Plan
from benzoapp.store import (
    NewerDatabaseError,
    ReadOnlyDatabaseError,
    open_store,
)
from benzoapp.store.access import probe_write
from benzoapp.store.engine import translate
from benzoapp.store.schema import DB_FILENAME, SCHEMA_HEAD, read_stored_revision

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def cannot_write(monkeypatch: pytest.MonkeyPatch, code: int = errno.EROFS) -> None:
    """Every write check meets the error the disk would give."""

    def refuse(data_dir: Path, db_path: Path) -> None:
        raise OSError(code, os.strerror(code), str(data_dir))

    monkeypatch.setattr("benzoapp.store.access.probe_write", refuse)


@pytest.fixture
def filled_dir(fresh_dir: Path, plan_factory: Callable[..., Plan]) -> Path:
    with open_store(fresh_dir) as store:
        store.plans.save(plan_factory(), "My plan")
        store.journal.save_day(JournalDay(dt.date(2030, 1, 8), {"tinnitus": 4}, {}, "ok"))
    shutil.rmtree(fresh_dir / "backups", ignore_errors=True)
    return fresh_dir


def test_unwritable_folder_opens_read_only_and_shows_the_data(
    filled_dir: Path, monkeypatch: pytest.MonkeyPatch, plan_factory: Callable[..., Plan]
) -> None:
    cannot_write(monkeypatch)
    db = filled_dir / DB_FILENAME
    before = digest(db)
    with open_store(filled_dir) as store:
        assert store.read_only
        reason = store.read_only_reason
        assert str(filled_dir) in reason
        assert "cannot be saved" in reason
        assert "read-only" in reason
        assert "see and print" in reason
        assert "make the folder writable" in reason
        active = store.plans.active()
        assert active is not None
        assert active[1] == plan_factory()
        assert store.journal.get(dt.date(2030, 1, 8)) is not None
        with pytest.raises(ReadOnlyDatabaseError) as caught:
            store.journal.save_day(JournalDay(dt.date(2030, 1, 9), {"tinnitus": 1}, {}, ""))
        assert str(caught.value) == reason  # no backups list tacked on
        with pytest.raises(ReadOnlyDatabaseError):
            store.plans.save(plan_factory(), "Another")
        with pytest.raises(ReadOnlyDatabaseError):
            store.backup_now("manual")
    assert digest(db) == before
    assert not (filled_dir / "backups").exists()  # no daily backup either


def test_sqlite_itself_refuses_writes_on_the_read_only_connection(
    filled_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Even past the store's own guard, the connection cannot write (true for root too)."""
    cannot_write(monkeypatch)
    with open_store(filled_dir) as store:
        store.db.read_only_reason = ""  # take the guard away
        with pytest.raises(ReadOnlyDatabaseError, match="cannot be written"):
            store.journal.save_day(JournalDay(dt.date(2030, 1, 9), {"tinnitus": 1}, {}, ""))
    with open_store(filled_dir) as store:
        assert store.journal.get(dt.date(2030, 1, 9)) is None


def test_full_disk_says_so_and_what_to_do(
    filled_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cannot_write(monkeypatch, errno.ENOSPC)
    with open_store(filled_dir) as store:
        assert "the disk is full" in store.read_only_reason
        assert "free some space" in store.read_only_reason


def test_full_disk_during_a_save_is_a_plain_error() -> None:
    error = translate(sqlite3.OperationalError("database or disk is full"), list)
    assert isinstance(error, ReadOnlyDatabaseError)
    assert "disk is full" in str(error)
    assert "Nothing was changed" in str(error)


def test_older_file_is_shown_from_an_upgraded_copy_and_left_untouched(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = data_dir / DB_FILENAME
    shutil.copyfile(FIXTURES / "0001_initial.sqlite3", db)
    before = digest(db)
    scratch_before = set(Path(tempfile.gettempdir()).glob("benzoapp-read-only-*"))
    cannot_write(monkeypatch)
    with open_store(data_dir) as store:
        assert store.read_only
        assert "older BenzoApp" in store.read_only_reason
        assert "left exactly as it was" in store.read_only_reason
        assert store.plans.active() is not None
        assert store.journal.all()
    assert digest(db) == before
    assert read_stored_revision(db) == "0001_initial"  # never half-upgraded
    assert read_stored_revision(db) != SCHEMA_HEAD
    assert not (data_dir / "backups").exists()
    assert set(Path(tempfile.gettempdir()).glob("benzoapp-read-only-*")) == scratch_before


def test_newer_file_is_still_refused_when_read_only(
    fresh_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with sqlite3.connect(fresh_dir / DB_FILENAME) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0099_future'")
    conn.close()
    cannot_write(monkeypatch)
    with pytest.raises(NewerDatabaseError):
        open_store(fresh_dir)


def test_unwritable_folder_without_data_is_refused_plainly(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cannot_write(monkeypatch)
    with pytest.raises(ReadOnlyDatabaseError, match="holds no BenzoApp data yet") as caught:
        open_store(data_dir)
    assert str(data_dir) in str(caught.value)
    assert list(data_dir.iterdir()) == []


def test_the_write_check_leaves_nothing_behind(fresh_dir: Path) -> None:
    before = sorted(p.name for p in fresh_dir.iterdir())
    probe_write(fresh_dir, fresh_dir / DB_FILENAME)
    assert sorted(p.name for p in fresh_dir.iterdir()) == before


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs POSIX modes, not root")
def test_really_read_only_folder_opens_read_only(
    filled_dir: Path, plan_factory: Callable[..., Plan]
) -> None:
    db = filled_dir / DB_FILENAME
    for suffix in ("-wal", "-shm"):
        assert not db.with_name(db.name + suffix).exists()  # closed cleanly
    before = digest(db)
    db.chmod(0o400)
    filled_dir.chmod(0o500)
    try:
        with open_store(filled_dir) as store:
            assert store.read_only
            assert "may not write" in store.read_only_reason
            active = store.plans.active()
            assert active is not None
            assert active[1] == plan_factory()
            with pytest.raises(ReadOnlyDatabaseError):
                store.journal.save_day(JournalDay(dt.date(2030, 1, 9), {}, {}, ""))
    finally:
        filled_dir.chmod(0o700)
        db.chmod(0o600)
    assert digest(db) == before
