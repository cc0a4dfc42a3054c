"""Consistent copies of the data file: automatic backups, pruning, restore, atomic writes.

Only the standard library is used here, so backups (and the error messages that list
them) work even when the database layer cannot start. Copies go through SQLite's online
backup API, which gives a consistent snapshot even while the app is writing.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sqlite3
from collections.abc import Sequence
from pathlib import Path

from benzoapp.store.errors import CorruptDatabaseError, NewerDatabaseError
from benzoapp.store.schema import BACKUP_FOLDER, DB_FILENAME, KNOWN_REVISIONS, read_stored_revision

DEFAULT_KEEP_BACKUPS = 14
PREFIX = "benzoapp-"
SUFFIX = ".sqlite3"
STAMP = "%Y%m%d-%H%M%S-%f"


def db_path_of(data_dir: Path) -> Path:
    return data_dir / DB_FILENAME


def backups_dir_of(data_dir: Path) -> Path:
    return data_dir / BACKUP_FOLDER


def owner_only(path: Path) -> None:
    """Make a file readable and writable by its owner only (POSIX; elsewhere a no-op)."""
    if os.name == "posix" and path.exists():
        path.chmod(0o600)


def write_atomically(target: Path, data: bytes) -> None:
    """Write ``data`` to a temporary sibling, flush it to disk, then rename it into place.

    A crash leaves either the old file or the new one, never half of either.
    """
    tmp = target.with_name(f".{target.name}.tmp-{os.getpid()}")
    try:
        with open(tmp, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)


def list_backups(backups_dir: Path) -> list[Path]:
    """Backups in ``backups_dir``, newest first (names carry a sortable timestamp)."""
    if not backups_dir.is_dir():
        return []
    found = [p for p in backups_dir.glob(f"{PREFIX}*{SUFFIX}") if p.is_file()]
    return sorted(found, key=lambda p: p.name, reverse=True)


def backup_day(path: Path) -> dt.date | None:
    """The day a backup was made, read from its name."""
    stamp = path.name.removeprefix(PREFIX)[:8]
    try:
        return dt.datetime.strptime(stamp, "%Y%m%d").date()
    except ValueError:
        return None


def backup_into(source: sqlite3.Connection, target: Path) -> None:
    """Copy an open database to a new file with SQLite's online backup API: a consistent
    copy even while another connection writes, unlike copying the file's bytes."""
    dst = sqlite3.connect(target)
    try:
        source.backup(dst)
    finally:
        dst.close()


def _copy_with_sqlite(source: Path, target: Path) -> None:
    src = sqlite3.connect(f"{source.as_uri()}?mode=ro", uri=True)
    try:
        backup_into(src, target)
    finally:
        src.close()


def make_backup(
    db_path: Path, backups_dir: Path, reason: str, now: dt.datetime | None = None
) -> Path:
    """Copy the data file into the backups folder; returns the new backup's path.

    A file too damaged for SQLite's backup API is copied byte for byte instead (with its
    write-ahead log), so even a broken file is kept before anything replaces it.
    """
    backups_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    stamp = (now or dt.datetime.now()).strftime(STAMP)
    target = backups_dir / f"{PREFIX}{stamp}-{reason}{SUFFIX}"
    tmp = target.with_name(f".{target.name}.tmp")
    tmp.unlink(missing_ok=True)
    try:
        try:
            _copy_with_sqlite(db_path, tmp)
        except sqlite3.DatabaseError:
            tmp.unlink(missing_ok=True)
            target = target.with_name(target.name.replace(SUFFIX, f"-raw{SUFFIX}"))
            shutil.copyfile(db_path, tmp)
            wal = db_path.with_name(db_path.name + "-wal")
            if wal.exists():
                shutil.copyfile(wal, target.with_name(target.name + "-wal"))
        owner_only(tmp)
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
    return target


def prune_backups(backups_dir: Path, keep: int) -> list[Path]:
    """Delete all but the newest ``keep`` backups; returns what was deleted."""
    doomed = list_backups(backups_dir)[max(keep, 1) :]
    for path in doomed:
        path.unlink(missing_ok=True)
        path.with_name(path.name + "-wal").unlink(missing_ok=True)
    return doomed


def daily_backup_due(backups_dir: Path, today: dt.date) -> bool:
    """True when no backup was made today."""
    return all(backup_day(p) != today for p in list_backups(backups_dir))


def check_backup(backup_path: Path, backups: Sequence[Path] | None = None) -> str:
    """Make sure a backup is whole and readable by this build; returns its revision.

    ``backups`` are the copies to offer instead when it is not; by default the ones
    beside it (a file chosen from elsewhere needs the data folder's list passed in).
    """
    if backups is None:
        backups = list_backups(backup_path.parent)
    try:
        conn = sqlite3.connect(f"{backup_path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            verdict = conn.execute("PRAGMA integrity_check").fetchone()[0]
        finally:
            conn.close()
        revision = read_stored_revision(backup_path)
    except sqlite3.DatabaseError as error:
        raise CorruptDatabaseError(
            f"The backup {backup_path} cannot be read ({error}); nothing was restored.", backups
        ) from error
    if verdict != "ok" or revision is None:
        raise CorruptDatabaseError(
            f"The backup {backup_path} is damaged or empty; nothing was restored.", backups
        )
    if revision not in KNOWN_REVISIONS:
        raise NewerDatabaseError(
            f"The backup {backup_path} was made by a newer BenzoApp; nothing was restored.",
            backups,
        )
    return revision


def restore_backup(data_dir: Path, backup_path: Path) -> Path | None:
    """Put a backup in place of the current data file, keeping a copy of the current one.

    Returns the path of that copy (None when there was no current file). The app must
    not have the data file open while this runs. The backup is checked first; if it is
    damaged or newer than this build, nothing changes. Migrations run at the next open.
    """
    available = list_backups(backups_dir_of(data_dir))
    if not backup_path.is_file():
        raise CorruptDatabaseError(f"There is no backup at {backup_path}.", available)
    check_backup(backup_path, available)
    db_path = db_path_of(data_dir)
    kept: Path | None = None
    if db_path.exists():
        kept = make_backup(db_path, backups_dir_of(data_dir), "before-restore")
    tmp = db_path.with_name(f".{db_path.name}.restore-tmp")
    tmp.unlink(missing_ok=True)
    try:
        _copy_with_sqlite(backup_path, tmp)
        owner_only(tmp)
        # A leftover write-ahead log belongs to the old file and must not be replayed
        # onto the restored one; its content is in the copy made above.
        for suffix in ("-wal", "-shm"):
            db_path.with_name(db_path.name + suffix).unlink(missing_ok=True)
        os.replace(tmp, db_path)
    finally:
        tmp.unlink(missing_ok=True)
    return kept
