"""Persistence: SQLAlchemy models and repositories. The only package that touches SQLAlchemy.

Importing this package is cheap; SQLAlchemy loads when a store is opened, so callers
can import the error types and ``open_store`` before the first paint.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from benzoapp.store.backups import DEFAULT_KEEP_BACKUPS, list_backups, restore_backup
from benzoapp.store.errors import (
    BusyDatabaseError,
    CorruptDatabaseError,
    NewerDatabaseError,
    ReadOnlyDatabaseError,
    StoreError,
    UnreadableDatabaseError,
)

if TYPE_CHECKING:
    import datetime as dt

    from benzoapp.store.facade import Store

__all__ = [
    "DEFAULT_KEEP_BACKUPS",
    "BusyDatabaseError",
    "CorruptDatabaseError",
    "NewerDatabaseError",
    "ReadOnlyDatabaseError",
    "StoreError",
    "UnreadableDatabaseError",
    "list_backups",
    "open_store",
    "restore_backup",
]


def open_store(
    data_dir: Path, keep_backups: int | None = None, today: dt.date | None = None
) -> Store:
    """Open (creating or upgrading) the data file in ``data_dir``.

    Runs pending migrations after a backup, makes the once-a-day backup, keeps the newest
    ``keep_backups`` (by default the number chosen in the window's preferences, else
    ``DEFAULT_KEEP_BACKUPS``). Raises ``NewerDatabaseError``, ``CorruptDatabaseError`` or
    ``UnreadableDatabaseError`` (each listing the backups) without changing anything.

    A folder that cannot be written (read-only, no permission, a full disk) opens the
    data for reading only: ``store.read_only`` is True, ``store.read_only_reason`` says
    why in plain words, every save raises ``ReadOnlyDatabaseError`` with that message,
    and no backup or upgrade touches the file. With no data to read it raises
    ``ReadOnlyDatabaseError``.
    """
    from benzoapp.store.facade import open_store_now

    if keep_backups is None:
        from benzoapp.store.settings import keep_backups_setting

        keep_backups = keep_backups_setting(Path(data_dir))
    return open_store_now(Path(data_dir), keep_backups, today)
