"""What the bundled schema is, and which revision a data file holds (plain sqlite3, no Alembic).

Start-up reads the stored revision with the standard library only and imports Alembic
just when it differs from :data:`SCHEMA_HEAD`, which keeps the common start fast. A test
checks these constants against the migration scripts in ``db/versions``.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

DB_FILENAME = "benzoapp.sqlite3"
BACKUP_FOLDER = "backups"

# Every revision this build knows, oldest first; the last one is the head.
KNOWN_REVISIONS: tuple[str, ...] = (
    "0001_initial",
    "0002_mecfs_history",
    "0003_taper_settings",
    "0004_modified_release",
    "0005_taper_guidance",
    "0006_products",
)
SCHEMA_HEAD = KNOWN_REVISIONS[-1]


def read_stored_revision(db_path: Path, *, folder_writable: bool | None = None) -> str | None:
    """The Alembic revision stored in ``db_path``; None for a new or empty file.

    ``folder_writable=False`` says the caller already knows the folder cannot be written
    (the data is being opened read-only); by default the folder's permissions are asked.

    Raises ``sqlite3.DatabaseError`` when the file is not a database or is damaged, and
    ``sqlite3.OperationalError`` when it cannot be opened; the caller turns both into a
    plain message.
    """
    if not db_path.exists() or db_path.stat().st_size == 0:
        return None
    uri = f"{db_path.as_uri()}?mode=ro"
    try:
        return _revision_at(uri)
    except sqlite3.OperationalError as error:
        # In a folder that cannot be written SQLite cannot make the write-ahead log's
        # index, so even a read-only open fails; nothing can be writing there, so the
        # file can be read as immutable.
        if folder_writable is None:
            if not fails_for_unwritable_folder(error) or os.access(db_path.parent, os.W_OK):
                raise
        elif folder_writable or not immutable_may_help(error):
            raise
        try:
            return _revision_at(f"{uri}&immutable=1")
        except sqlite3.OperationalError:
            raise error from None


def fails_for_unwritable_folder(error: sqlite3.OperationalError) -> bool:
    """Whether SQLite's error is how a read-only open fails in a folder it cannot write.

    Which words it uses depends on the SQLite version and the reason: "attempt to write a
    readonly database" where it may not create the log's index, "unable to open database
    file" on a read-only file system (SQLite 3.40, for one).
    """
    text = str(error).lower()
    return "readonly" in text or "unable to open database file" in text


def immutable_may_help(error: sqlite3.OperationalError) -> bool:
    """Whether reading the file as immutable is worth trying after a read-only open failed.

    Not for a file another program is busy writing: reading it as immutable could show a
    half-written state.
    """
    text = str(error).lower()
    return "locked" not in text and "busy" not in text


def _revision_at(uri: str) -> str | None:
    conn = sqlite3.connect(uri, uri=True)
    try:
        return revision_in(conn)
    finally:
        conn.close()


def revision_in(conn: sqlite3.Connection) -> str | None:
    """The Alembic revision of an open database; None when it has no tables at all.

    Shared by the start-up check above and the quick read, which asks inside its own
    read transaction so the revision and the rows it reads belong to one snapshot.
    """
    # Reading the schema forces SQLite to parse the header: a non-database fails here.
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if not tables:
        return None
    if "alembic_version" not in tables:
        raise sqlite3.DatabaseError("file is a database, but not one made by BenzoApp")
    rows = conn.execute("SELECT version_num FROM alembic_version").fetchall()
    if len(rows) != 1 or not isinstance(rows[0][0], str) or not rows[0][0]:
        # An emptied (or doubled) version table: not a file to upgrade or build over.
        raise sqlite3.DatabaseError("its schema version record is missing or damaged")
    return str(rows[0][0])
