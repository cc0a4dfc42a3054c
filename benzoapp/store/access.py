"""Whether the data folder can be written, and how to read it when it cannot.

A data folder on a read-only disk, one this user may not write, or a full disk must not
crash the app or hide the person's plan: the data is opened read-only, so it can still
be seen and printed, and one plain message says that changes cannot be saved, why, and
what to do. Only the standard library is used, so the check runs before SQLAlchemy loads.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sqlite3
from pathlib import Path

from benzoapp.store.errors import ReadOnlyDatabaseError
from benzoapp.store.schema import immutable_may_help

PROBE_BYTES = 16 * 1024  # more than a few database pages: a full disk shows up here
FULL = frozenset({errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)})


def probe_write(data_dir: Path, db_path: Path) -> None:
    """Raise the ``OSError`` a save would meet: write and remove a small file, open the data.

    This is the one place that touches the disk to find out; tests simulate an
    unwritable folder here (a root user may write anywhere, so ``chmod`` alone would not).
    """
    probe = data_dir / f".benzoapp-write-check-{os.getpid()}"
    try:
        fd = os.open(probe, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        try:
            os.write(fd, b"\0" * PROBE_BYTES)
            os.fsync(fd)
        finally:
            os.close(fd)
    finally:
        with contextlib.suppress(OSError):
            probe.unlink(missing_ok=True)
    if db_path.exists():
        os.close(os.open(db_path, os.O_RDWR))


def why_not_writable(error: OSError) -> str:
    """The cause in a few plain words."""
    if error.errno in FULL:
        return "the disk is full"
    if error.errno == errno.EROFS:
        return "the disk or folder is read-only"
    if error.errno in (errno.EACCES, errno.EPERM):
        return "your user account may not write there"
    return error.strerror or str(error)


def what_to_do(error: OSError) -> str:
    if error.errno in FULL:
        return "free some space on that disk, then start BenzoApp again"
    return (
        "make the folder writable for your user account (or copy it somewhere writable "
        "and open that copy with --data-dir), then start BenzoApp again"
    )


def write_problem(data_dir: Path, db_path: Path) -> OSError | None:
    """The error a save would meet in ``data_dir``, or None when it can be written."""
    try:
        probe_write(data_dir, db_path)
    except OSError as error:
        return error
    return None


def read_only_message(data_dir: Path, error: OSError, db_path: Path | None = None) -> str:
    """What the person is told once: changes cannot be saved, why, and what to do.

    With ``db_path``, a save left unfinished beside the file (see :func:`left_over`) is
    said too: what is shown may then lack the most recent changes, so the message never
    claims it is everything.
    """
    leftover = left_over(db_path) if db_path is not None else None
    shown = "what your data file holds" if leftover is not None else "everything"
    message = (
        f"Changes cannot be saved: your data folder {data_dir} cannot be written "
        f"({why_not_writable(error)}). You can still see and print {shown}, but nothing "
        f"you change will be kept, and no backup was made today. To save changes, "
        f"{what_to_do(error)}."
    )
    if leftover is not None:
        message += " " + left_over_note(leftover)
    return message


def left_over(db_path: Path) -> Path | None:
    """A non-empty write-ahead log or rollback journal beside ``db_path``, if there is one.

    After a crash or power cut the latest saves may still be only in ``-wal`` (or a save
    half-done with its ``-journal``). SQLite brings them in or undoes them the next time
    the file is opened where it can write; read as immutable, it ignores them.
    """
    for suffix in ("-wal", "-journal"):
        side = db_path.with_name(db_path.name + suffix)
        try:
            if side.stat().st_size > 0:
                return side
        except OSError:
            continue
    return None


def left_over_note(side: Path) -> str:
    """The plain sentence for :func:`left_over`'s file: recent changes may be missing."""
    if side.name.endswith("-wal"):
        return (
            f"The most recent changes may not be shown: they were saved, but BenzoApp "
            f"stopped (perhaps the computer was switched off) before moving them into "
            f"your data file, so they are still in {side.name} beside it. They can be "
            f"brought in only once the folder can be written again; BenzoApp then does "
            f"it by itself when it starts."
        )
    return (
        f"The most recent changes may not be shown as they are: a save was interrupted "
        f"(its {side.name} is still beside your data file), and it can be finished or "
        f"undone only once the folder can be written again; BenzoApp then does it by "
        f"itself when it starts."
    )


def no_data_error(data_dir: Path, error: OSError) -> ReadOnlyDatabaseError:
    """A folder that cannot be written and holds no data yet: there is nothing to show."""
    return ReadOnlyDatabaseError(
        f"Your data folder {data_dir} cannot be written ({why_not_writable(error)}) and "
        f"holds no BenzoApp data yet, so there is nothing to open. Nothing was changed. "
        f"To start, {what_to_do(error)}, or choose another folder with --data-dir."
    )


def require_writable(data_dir: Path, db_path: Path, doing: str) -> None:
    """Refuse up front, plainly, an action that would write to an unwritable folder."""
    error = write_problem(data_dir, db_path)
    if error is not None:
        raise ReadOnlyDatabaseError(
            f"Cannot {doing}: your data folder {data_dir} cannot be written "
            f"({why_not_writable(error)}). Nothing was changed. To do this, "
            f"{what_to_do(error)}."
        )


def read_only_uri(db_path: Path) -> str:
    """A URI that opens ``db_path`` for reading, even in a folder that cannot be written.

    SQLite reads a write-ahead-log database read-only only if it can create the log's
    index file beside it; in a read-only folder it cannot (it says "readonly" or "unable
    to open database file", depending on version and file system), so the file is then
    opened as immutable (nothing can be writing to a folder no one may write to). Only
    used once the folder is known not to be writable.
    """
    plain = f"{db_path.resolve().as_uri()}?mode=ro"
    try:
        _read_schema(plain)
    except sqlite3.OperationalError as error:
        if not immutable_may_help(error):
            raise
        immutable = f"{plain}&immutable=1"
        try:
            _read_schema(immutable)
        except sqlite3.OperationalError:
            raise error from None
        return immutable
    return plain


def _read_schema(uri: str) -> None:
    conn = sqlite3.connect(uri, uri=True)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    finally:
        conn.close()


def connect_read_only(db_path: Path) -> sqlite3.Connection:
    """A standard-library connection that cannot write (``query_only`` as well as ``ro``)."""
    conn = sqlite3.connect(read_only_uri(db_path), uri=True, check_same_thread=False)
    conn.execute("PRAGMA query_only = ON")
    return conn
