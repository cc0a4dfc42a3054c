"""Bring a data file to the bundled schema at start-up, with a backup first.

The stored revision is read with plain sqlite3; Alembic is imported only when it differs
from the bundled head. A file newer than this build, damaged or unreadable is refused
with a plain message and nothing is written.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from benzoapp.store.backups import list_backups, make_backup, prune_backups
from benzoapp.store.errors import (
    BusyDatabaseError,
    CorruptDatabaseError,
    NewerDatabaseError,
    UnreadableDatabaseError,
)
from benzoapp.store.schema import KNOWN_REVISIONS, SCHEMA_HEAD, read_stored_revision


def stored_revision_or_raise(
    db_path: Path, backups_dir: Path, *, read_only: bool = False
) -> str | None:
    """The stored revision, with every way of failing turned into a typed, plain error.

    ``read_only`` says the folder is known not to be writable (the file is then read as
    immutable if SQLite cannot open it read-only there).
    """
    backups = list_backups(backups_dir)
    # Writing is checked by the caller (a file that can only be read is opened read-only).
    if db_path.exists() and not os.access(db_path, os.R_OK):
        raise UnreadableDatabaseError(
            f"Your data file {db_path} cannot be opened: this user may not read it. "
            "Nothing was changed.",
            backups,
        )
    if db_path.exists() and db_path.stat().st_size == 0:
        raise CorruptDatabaseError(
            f"Your data file {db_path} is empty (0 bytes): the data it held is not in it. "
            "Nothing was changed or overwritten; BenzoApp will not start a new, empty file "
            "in its place.",
            backups,
        )
    try:
        return read_stored_revision(db_path, folder_writable=False if read_only else None)
    except sqlite3.OperationalError as error:
        message = str(error).lower()
        if "locked" in message or "busy" in message:
            raise BusyDatabaseError(
                f"Your data file {db_path} is busy in another program. Nothing was changed.",
                backups,
            ) from error
        raise UnreadableDatabaseError(
            f"Your data file {db_path} cannot be opened ({error}). Nothing was changed.",
            backups,
        ) from error
    except sqlite3.DatabaseError as error:
        raise CorruptDatabaseError(
            f"Your data file {db_path} is damaged or is not a BenzoApp file ({error}). "
            "Nothing was changed or overwritten.",
            backups,
        ) from error


def ensure_schema(db_path: Path, backups_dir: Path, keep_backups: int) -> str | None:
    """Upgrade ``db_path`` to :data:`SCHEMA_HEAD`; returns the revision it was at before.

    An existing file is copied into ``backups_dir`` before any change.
    """
    stored = stored_revision_or_raise(db_path, backups_dir)
    if stored == SCHEMA_HEAD:
        return stored
    if stored is None:
        # A new file is created at the head (``creation``); a file with no tables is not
        # one of ours any more and is never made into a new, empty store.
        raise CorruptDatabaseError(
            f"Your data file {db_path} holds no BenzoApp data (it has no tables). Nothing "
            "was changed or overwritten; move it away to start afresh, or restore a backup.",
            list_backups(backups_dir),
        )
    if stored is not None and stored not in KNOWN_REVISIONS:
        raise NewerDatabaseError(
            f"Your data file {db_path} was written by a newer version of BenzoApp "
            f"(schema {stored}). This version cannot use it safely, so it was left "
            "untouched. Install the newer version, or restore a backup made by this one.",
            list_backups(backups_dir),
        )
    made = make_backup(db_path, backups_dir, f"before-upgrade-from-{stored}")
    upgrade(db_path, SCHEMA_HEAD)
    prune_backups(backups_dir, keep_backups, made=made)  # only once the upgrade succeeded
    return stored


def upgrade(db_path: Path, revision: str) -> None:
    """Run the bundled migrations up to ``revision`` in one transaction (no alembic.ini)."""
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import text

    from benzoapp.paths import migrations_path
    from benzoapp.store.engine import make_engine

    config = Config()
    config.set_main_option("script_location", str(migrations_path()))
    engine = make_engine(db_path, foreign_keys=False)
    try:
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, revision)
            broken = connection.execute(text("PRAGMA foreign_key_check")).fetchall()
            if broken:
                raise CorruptDatabaseError(
                    f"Upgrading your data file left {len(broken)} broken links; "
                    "the upgrade was undone and nothing was changed."
                )
    finally:
        engine.dispose()
