"""Consistent copies of the data file: automatic backups, pruning, restore, atomic writes.

Only the standard library is used here, so backups (and the error messages that list
them) work even when the database layer cannot start. Copies go through SQLite's online
backup API, which gives a consistent snapshot even while the app is writing.

Three rules keep the good copies (see docs/store.md, "What cannot destroy your data"):

- A backup is made only of a file that passes ``PRAGMA quick_check``; a damaged file is
  refused, so it can never push good backups out.
- Pruning keeps the newest good backups of distinct days, never deletes the last good
  ones, and runs only after the operation it guarded succeeded.
- Backups are ordered by the time the file system recorded for each file, not by its
  name; a time in the future (a clock once ahead) cannot be believed, so such a backup
  counts as older than every backup with a believable time and a new backup is never
  the one pruned.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import os
import shutil
import sqlite3
from collections.abc import Sequence
from pathlib import Path

from benzoapp.store.errors import CorruptDatabaseError, NewerDatabaseError, StoreError
from benzoapp.store.schema import BACKUP_FOLDER, DB_FILENAME, KNOWN_REVISIONS, revision_in

DEFAULT_KEEP_BACKUPS = 14
PREFIX = "benzoapp-"
SUFFIX = ".sqlite3"
STAMP = "%Y%m%d-%H%M%S-%f"
DAMAGED_PREFIX = "damaged-"  # kept copies of a damaged file: never listed, never pruned
SIDE_SUFFIXES = ("-journal", "-wal", "-shm")


class BackupError(StoreError):
    """A backup could not be written (a full disk, no permission, ``backups`` not a folder)."""

    def __init__(self, message: str, cause: OSError | None = None) -> None:
        super().__init__(message)
        self.cause = cause
        self.args = (message,)

    def __str__(self) -> str:
        return self.plain_message


def db_path_of(data_dir: Path) -> Path:
    return data_dir / DB_FILENAME


def backups_dir_of(data_dir: Path) -> Path:
    return data_dir / BACKUP_FOLDER


def side_files(db_path: Path) -> list[Path]:
    """The data file's SQLite side files that exist now (journal, write-ahead log, index)."""
    return [
        side
        for side in (db_path.with_name(db_path.name + s) for s in SIDE_SUFFIXES)
        if side.exists()
    ]


def owner_only(path: Path) -> None:
    """Make a file readable and writable by its owner only (POSIX; elsewhere a no-op)."""
    if os.name == "posix" and path.exists():
        path.chmod(0o600)


def write_atomically(target: Path, data: bytes) -> None:
    """Write ``data`` to a temporary sibling (owner-only), flush it, then rename it into place.

    A crash leaves either the old file or the new one, never half of either. The file is
    created with mode 600, so an export is never readable by others, even for a moment.
    """
    tmp = target.with_name(f".{target.name}.tmp-{os.getpid()}")
    try:
        tmp.unlink(missing_ok=True)
        fd = os.open(tmp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)


def recorded_time(path: Path) -> float:
    """When the file system says the backup was written (seconds); 0 when it cannot say."""
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


def _order_key(path: Path, now: float) -> tuple[bool, float, str]:
    """Sort key, newest last. A time in the future (a clock once ahead) cannot be
    believed: such a backup already existed before any made now, so it counts as older
    than every backup with a believable time (among themselves, by their times)."""
    made = recorded_time(path)
    return (made <= now, made, path.name)


def list_backups(backups_dir: Path, now: dt.datetime | None = None) -> list[Path]:
    """Backups in ``backups_dir``, newest first by their recorded time, not their names."""
    try:
        if not backups_dir.is_dir():
            return []
        found = [p for p in backups_dir.glob(f"{PREFIX}*{SUFFIX}") if p.is_file()]
    except OSError:
        return []
    clock = (now or dt.datetime.now()).timestamp()
    return sorted(found, key=lambda p: _order_key(p, clock), reverse=True)


def backup_day(path: Path) -> dt.date:
    """The day a backup was made, by its recorded time (a future day never counts as
    today, so a clock once ahead cannot stop today's backup)."""
    return dt.datetime.fromtimestamp(recorded_time(path)).date()


def file_problem(db_path: Path, *, settled: bool = False) -> str:
    """What ``PRAGMA quick_check`` finds wrong with a database file; "" when it is sound.

    An empty file and one with no BenzoApp tables count as problems too: neither is a
    copy worth keeping in place of a good one. ``settled`` says nothing writes the file
    and nothing is left beside it (a backup): it is then read as immutable, which leaves
    no side files behind in the backups folder.
    """
    try:
        if db_path.stat().st_size == 0:
            return "the file is empty (0 bytes)"
        conn = _connect_ro(db_path, settled)
        try:
            found = [str(r[0]) for r in conn.execute("PRAGMA quick_check")]
            tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        finally:
            conn.close()
    except (sqlite3.Error, OSError) as error:
        return str(error)
    if found != ["ok"]:
        return found[0] if found else "the check gave no answer"
    if not tables:
        return "the file holds no BenzoApp data"
    return ""


def _connect_ro(path: Path, settled: bool) -> sqlite3.Connection:
    flags = "mode=ro&immutable=1" if settled else "mode=ro"
    return sqlite3.connect(f"{path.resolve().as_uri()}?{flags}", uri=True)


def backup_into(source: sqlite3.Connection, target: Path) -> None:
    """Copy an open database to a new file with SQLite's online backup API: a consistent
    copy even while another connection writes, unlike copying the file's bytes."""
    if not target.exists():
        os.close(os.open(target, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
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


def ensure_backups_folder(backups_dir: Path) -> None:
    """Create the backups folder (mode 700), or say plainly why it cannot be used."""
    if backups_dir.exists() and not backups_dir.is_dir():
        raise BackupError(
            f"No backup could be made: {backups_dir} is a file, not a folder. Move that "
            "file away so BenzoApp can keep backups there.",
            OSError(errno.ENOTDIR, "not a folder"),
        )
    try:
        backups_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as error:
        raise backup_failed(backups_dir, error) from error


def backup_failed(backups_dir: Path, error: OSError) -> BackupError:
    from benzoapp.store.access import what_to_do, why_not_writable

    return BackupError(
        f"No backup could be made in {backups_dir} ({why_not_writable(error)}); nothing "
        f"was changed. To make backups again, {what_to_do(error)}.",
        error,
    )


def make_backup(
    db_path: Path, backups_dir: Path, reason: str, now: dt.datetime | None = None
) -> Path:
    """Copy the data file into the backups folder; returns the new backup's path.

    Only a file that passes ``quick_check`` is copied: a damaged one raises
    ``CorruptDatabaseError`` and the backups stay as they are. A full disk or a folder
    that cannot be written raises ``BackupError`` (nothing half-written is left).
    """
    problem = file_problem(db_path)
    if problem:
        raise CorruptDatabaseError(
            f"Your data file {db_path} is damaged ({problem}), so no backup was made of it "
            "and your backups were left as they are. Nothing was changed.",
            list_backups(backups_dir),
        )
    ensure_backups_folder(backups_dir)
    when = now or dt.datetime.now()
    target = backups_dir / f"{PREFIX}{when.strftime(STAMP)}-{reason}{SUFFIX}"
    tmp = target.with_name(f".{target.name}.tmp")
    try:
        tmp.unlink(missing_ok=True)
        _copy_with_sqlite(db_path, tmp)
        _rollback_journal_mode(tmp)
        owner_only(tmp)
        os.replace(tmp, target)
        if now is not None:
            os.utime(target, (now.timestamp(), now.timestamp()))
    except OSError as error:
        raise backup_failed(backups_dir, error) from error
    except sqlite3.OperationalError as error:
        if "full" in str(error).lower():
            raise backup_failed(backups_dir, OSError(errno.ENOSPC, str(error))) from error
        raise
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
    return target


def _rollback_journal_mode(path: Path) -> None:
    """A backup keeps no write-ahead log: reading it later leaves no side files beside it."""
    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA journal_mode=DELETE").fetchone()
    finally:
        conn.close()


def keep_damaged_copy(db_path: Path, backups_dir: Path) -> Path:
    """Copy a damaged data file byte for byte (with its side files) before it is replaced.

    Kept apart from the backups (``damaged-*``): it is never offered, counted or pruned,
    but nothing the person had is deleted by a restore.
    """
    ensure_backups_folder(backups_dir)
    stamp = dt.datetime.now().strftime(STAMP)
    target = backups_dir / f"{DAMAGED_PREFIX}{stamp}{SUFFIX}"
    try:
        shutil.copyfile(db_path, target)
        owner_only(target)
        for side in side_files(db_path):
            copy = target.with_name(target.name + side.name.removeprefix(db_path.name))
            shutil.copyfile(side, copy)
            owner_only(copy)
    except OSError as error:
        raise backup_failed(backups_dir, error) from error
    return target


def is_good_backup(path: Path) -> bool:
    """Whether a backup passes ``quick_check`` and holds a revision this build knows."""
    if file_problem(path, settled=True):
        return False
    try:
        conn = _connect_ro(path, True)
        try:
            return revision_in(conn) in KNOWN_REVISIONS
        finally:
            conn.close()
    except (sqlite3.Error, OSError):
        return False


def prune_backups(
    backups_dir: Path, keep: int, now: dt.datetime | None = None, made: Path | None = None
) -> list[Path]:
    """Delete backups beyond the newest ``keep`` good ones; returns what was deleted.

    Kept first: the backup just ``made``, then the newest good backup of each day
    (newest day first), then the newest other good ones, up to ``keep``. A damaged
    backup is never kept in place of a good one, and when no good backup would be left
    nothing is deleted at all.
    """
    keep = max(keep, 1)
    clock = now or dt.datetime.now()
    found = list_backups(backups_dir, clock)
    good = [p for p in found if is_good_backup(p)]
    if not good:
        return []
    kept: list[Path] = [made] if made is not None and made in good else []
    days = {backup_day(p) for p in kept}
    for path in good:
        day = backup_day(path)
        if len(kept) < keep and path not in kept and day not in days:
            kept.append(path)
            days.add(day)
    for path in good:
        if len(kept) < keep and path not in kept:
            kept.append(path)
    doomed = [p for p in found if p not in kept]
    for path in doomed:
        with contextlib.suppress(OSError):
            path.unlink(missing_ok=True)
            for side in SIDE_SUFFIXES:
                path.with_name(path.name + side).unlink(missing_ok=True)
    return doomed


def daily_backup_due(backups_dir: Path, today: dt.date, now: dt.datetime | None = None) -> bool:
    """True when no backup was recorded today."""
    return all(backup_day(p) != today for p in list_backups(backups_dir, now))


def check_backup(backup_path: Path, backups: Sequence[Path] | None = None) -> str:
    """Make sure a backup is whole and readable by this build; returns its revision.

    ``backups`` are the copies to offer instead when it is not; by default the ones
    beside it (a file chosen from elsewhere needs the data folder's list passed in).
    """
    if backups is None:
        backups = list_backups(backup_path.parent)
    try:
        if backup_path.stat().st_size == 0:
            raise sqlite3.DatabaseError("the file is empty")
        # Read as immutable: a backup (or a file chosen to restore) is not being written,
        # and this leaves no side files beside it.
        conn = _connect_ro(backup_path, True)
        try:
            verdict = conn.execute("PRAGMA integrity_check").fetchone()[0]
            revision = revision_in(conn)
        finally:
            conn.close()
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


def settle(db_path: Path) -> None:
    """Let SQLite finish what a crash left beside the data file, as SQLite intends.

    A read-write open rolls back a hot ``-journal`` (a save cut short: its pages go back,
    so the file is as it was before that save) and deletes a journal that is not hot; a
    checkpoint then moves a leftover write-ahead log into the file. Only for a folder
    that can be written (a read-only one is read as immutable instead, see ``access``).
    """
    conn = sqlite3.connect(db_path, timeout=15)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        mode = conn.execute("PRAGMA journal_mode").fetchone()[0]
        if str(mode).lower() == "wal":
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    finally:
        conn.close()


def restore_backup(data_dir: Path, backup_path: Path) -> Path | None:
    """Put a backup in place of the current data file, keeping a copy of the current one.

    Returns the path of that copy (None when there was no current file). The app must
    not have the data file open while this runs. The backup is checked first; if it is
    damaged or newer than this build, nothing changes. Migrations run at the next open.

    The current file's side files (``-journal``, ``-wal``, ``-shm``) belong to it, not to
    the backup: they are moved aside (into the kept copy's place) immediately before the
    restored file is renamed into place, so a stale journal can never be rolled back
    onto the restored file.
    """
    backups_dir = backups_dir_of(data_dir)
    available = list_backups(backups_dir)
    if not backup_path.is_file():
        raise CorruptDatabaseError(f"There is no backup at {backup_path}.", available)
    check_backup(backup_path, available)
    db_path = db_path_of(data_dir)
    kept: Path | None = None
    if db_path.exists():
        with contextlib.suppress(sqlite3.Error, OSError):
            settle(db_path)  # a sound file's leftovers go into the copy kept below
        if file_problem(db_path):
            kept = keep_damaged_copy(db_path, backups_dir)
        else:
            kept = make_backup(db_path, backups_dir, "before-restore")
    tmp = db_path.with_name(f".{db_path.name}.restore-tmp")
    aside = data_dir / f".{db_path.name}.restore-stale"
    try:
        tmp.unlink(missing_ok=True)
        _copy_with_sqlite(backup_path, tmp)
        owner_only(tmp)
        shutil.rmtree(aside, ignore_errors=True)
        aside.mkdir(mode=0o700)
        for side in side_files(db_path):
            os.replace(side, aside / side.name)  # each a rename: nothing half-moved
        os.replace(tmp, db_path)
    except OSError as error:
        for moved in aside.iterdir() if aside.is_dir() else ():
            with contextlib.suppress(OSError):
                os.replace(moved, db_path.with_name(moved.name))  # the old file is back whole
        raise backup_failed(backups_dir, error) from error
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
        shutil.rmtree(aside, ignore_errors=True)
    return kept
