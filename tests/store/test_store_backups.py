"""Backups: before every upgrade, once a day, the newest N kept, restore keeps the current file."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from pathlib import Path

import pytest

from benzoapp.core.model import JournalDay, Medication
from benzoapp.store import CorruptDatabaseError, NewerDatabaseError, open_store, restore_backup
from benzoapp.store.backups import list_backups, make_backup, prune_backups, write_atomically
from benzoapp.store.schema import DB_FILENAME

DAY = dt.date(2030, 5, 1)


def test_daily_backup_once_per_day(fresh_dir: Path) -> None:
    for _ in range(3):
        open_store(fresh_dir, today=DAY).close()
    assert len(list_backups(fresh_dir / "backups")) == 1
    open_store(fresh_dir, today=DAY + dt.timedelta(days=1)).close()
    assert len(list_backups(fresh_dir / "backups")) == 2


def test_a_backup_holds_the_data_as_it_was(fresh_dir: Path) -> None:
    with open_store(fresh_dir) as store:
        store.medications.add(Medication("before"))
        made = store.backup_now("manual")
        store.medications.add(Medication("after"))
    with sqlite3.connect(made) as conn:
        names = [r[0] for r in conn.execute("SELECT name FROM medications ORDER BY id")]
    conn.close()
    assert names == ["before"]
    assert sqlite3.connect(made).execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_only_the_newest_are_kept(fresh_dir: Path) -> None:
    db = fresh_dir / DB_FILENAME
    folder = fresh_dir / "backups"
    start = dt.datetime(2030, 1, 1, 12)
    for i in range(20):
        make_backup(db, folder, "daily", now=start + dt.timedelta(days=i))
    removed = prune_backups(folder, 14)
    kept = list_backups(folder)
    assert len(kept) == 14
    assert len(removed) == 6
    assert kept[0].name.startswith("benzoapp-20300120")  # newest first
    assert all(p.name < kept[-1].name for p in removed)


def test_keep_setting_is_honoured_at_open(fresh_dir: Path) -> None:
    for i in range(5):
        open_store(fresh_dir, keep_backups=3, today=DAY + dt.timedelta(days=i)).close()
    assert len(list_backups(fresh_dir / "backups")) == 3


def test_restore_puts_the_backup_back_and_keeps_the_current_file(fresh_dir: Path) -> None:
    with open_store(fresh_dir) as store:
        store.journal.save_day(JournalDay(DAY, {"pain": 2}))
        backup = store.backup_now("manual")
        store.journal.save_day(JournalDay(DAY, {"pain": 9}, {}, "worse"))
    kept = restore_backup(fresh_dir, backup)
    assert kept is not None
    assert "before-restore" in kept.name
    with open_store(fresh_dir) as store:
        assert store.journal.all() == [JournalDay(DAY, {"pain": 2})]
    with sqlite3.connect(kept) as conn:
        assert conn.execute("SELECT notes FROM journal_days").fetchall() == [("worse",)]
    conn.close()


def test_restore_refuses_a_damaged_backup(fresh_dir: Path, tmp_path: Path) -> None:
    with open_store(fresh_dir) as store:
        store.medications.add(Medication("mine"))
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"garbage" * 1000)
    with pytest.raises(CorruptDatabaseError, match="nothing was restored"):
        restore_backup(fresh_dir, bad)
    with open_store(fresh_dir) as store:
        assert [m.name for _, m in store.medications.list()] == ["mine"]


def test_restore_refuses_a_backup_from_a_newer_build(fresh_dir: Path, tmp_path: Path) -> None:
    newer = tmp_path / "newer.sqlite3"
    shutil.copyfile(fresh_dir / DB_FILENAME, newer)
    with sqlite3.connect(newer) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0099_future'")
    conn.close()
    with pytest.raises(NewerDatabaseError):
        restore_backup(fresh_dir, newer)


def test_restore_over_a_corrupt_file_keeps_a_raw_copy(fresh_dir: Path) -> None:
    with open_store(fresh_dir) as store:
        store.medications.add(Medication("saved"))
        backup = store.backup_now("manual")
    (fresh_dir / DB_FILENAME).write_bytes(b"broken" * 500)
    kept = restore_backup(fresh_dir, backup)
    assert kept is not None
    assert kept.read_bytes() == b"broken" * 500
    with open_store(fresh_dir) as store:
        assert [m.name for _, m in store.medications.list()] == ["saved"]


def test_atomic_write_replaces_whole_or_not_at_all(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    target.write_text("old", encoding="utf-8")
    write_atomically(target, b"new")
    assert target.read_text(encoding="utf-8") == "new"
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]  # no temporary left behind


def test_refused_restore_offers_the_data_folders_backups(fresh_dir: Path, tmp_path: Path) -> None:
    with open_store(fresh_dir) as store:
        made = store.backup_now("manual")
    bad = tmp_path / "elsewhere" / "bad.sqlite3"
    bad.parent.mkdir()
    bad.write_bytes(b"garbage" * 1000)
    with pytest.raises(CorruptDatabaseError) as refused:
        restore_backup(fresh_dir, bad)
    assert made in refused.value.backups
    assert "There is no backup to restore yet" not in str(refused.value)
    assert str(made) in str(refused.value)
