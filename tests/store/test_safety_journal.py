"""What a crash leaves beside the data file is handled as SQLite intends; restore leaves none.

A leftover rollback journal (``-journal``) is rolled back by one read-write open, so the
file is as it was before the interrupted save; a journal that is not hot is dropped. A
restore moves the old file's side files away in the same step as the swap, so a stale
journal can never be rolled back onto the restored file.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from benzoapp.core.model import Medication
from benzoapp.main import main
from benzoapp.store import open_store, restore_backup
from benzoapp.store.schema import DB_FILENAME

SIDES = ("-journal", "-wal", "-shm")


def medicines(folder: Path) -> list[str]:
    with open_store(folder) as store:
        return [m.name for _, m in store.medications.list()]


def interrupt_a_save(db: Path) -> None:
    """In another process: switch to a rollback journal, change pages, die before commit."""
    script = textwrap.dedent(
        f"""
        import os, sqlite3
        conn = sqlite3.connect({str(db)!r}, isolation_level=None)
        conn.execute("PRAGMA journal_mode=DELETE")
        conn.execute("PRAGMA cache_size=1")  # spill changed pages into the file itself
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("UPDATE medications SET name = 'half-saved', notes = ?", ("y" * 3000,))
        for n in range(200):
            conn.execute("INSERT INTO medications (name, kind, dose, notes) "
                         "VALUES ('half', 'medication', '', ?)", ("z" * 3000,))
        os._exit(0)  # no commit, no rollback: the journal is left hot
        """
    )
    subprocess.run([sys.executable, "-c", script], check=True, timeout=60)


def test_a_hot_journal_is_rolled_back_and_every_command_works(
    fresh_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with open_store(fresh_dir) as store:
        for n in range(20):
            store.medications.add(Medication(f"medicine {n}", notes="x" * 500))
    before = medicines(fresh_dir)
    db = fresh_dir / DB_FILENAME
    interrupt_a_save(db)
    journal = db.with_name(db.name + "-journal")
    assert journal.stat().st_size > 0
    out = tmp_path / "out.json"
    assert main(["--data-dir", str(fresh_dir), "export", str(out)]) == 0
    assert not journal.exists()
    assert medicines(fresh_dir) == before  # the interrupted save was undone, nothing else
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    finally:
        conn.close()
    capsys.readouterr()


def test_a_journal_that_is_not_hot_is_dropped(fresh_dir: Path, tmp_path: Path) -> None:
    with open_store(fresh_dir) as store:
        store.medications.add(Medication("mine"))
    db = fresh_dir / DB_FILENAME
    db.with_name(db.name + "-journal").write_bytes(b"left over by something else" * 40)
    assert main(["--data-dir", str(fresh_dir), "export", str(tmp_path / "out.json")]) == 0
    assert medicines(fresh_dir) == ["mine"]


def test_restore_leaves_no_stale_side_files_beside_the_restored_file(fresh_dir: Path) -> None:
    with open_store(fresh_dir) as store:
        store.medications.add(Medication("in the backup"))
        backup = store.backup_now("manual")
        store.medications.add(Medication("after the backup"))
    db = fresh_dir / DB_FILENAME
    for suffix in SIDES:
        db.with_name(db.name + suffix).write_bytes(b"stale " * 100)
    kept = restore_backup(fresh_dir, backup)
    assert kept is not None
    assert [s for s in SIDES if db.with_name(db.name + s).exists()] == []
    assert not list(fresh_dir.glob(".*restore*"))  # nothing half-moved left behind
    assert medicines(fresh_dir) == ["in the backup"]


def test_restore_keeps_what_a_hot_journal_protected(fresh_dir: Path) -> None:
    """The current file is settled (its journal rolled back) before it is kept."""
    with open_store(fresh_dir) as store:
        store.medications.add(Medication("current"))
        backup = store.backup_now("manual")
        store.medications.add(Medication("newer"))
    interrupt_a_save(fresh_dir / DB_FILENAME)
    kept = restore_backup(fresh_dir, backup)
    assert kept is not None
    conn = sqlite3.connect(kept)
    try:
        names = [r[0] for r in conn.execute("SELECT name FROM medications ORDER BY id")]
    finally:
        conn.close()
    assert names == ["current", "newer"]
