"""Typed errors of the local database, with plain messages and the backups one could restore."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from benzoapp.core.errors import BenzoAppError


class StoreError(BenzoAppError):
    """The data file cannot be used as it is; nothing has been changed or overwritten.

    ``backups`` lists the copies that could be restored (newest first), so the GUI and
    the CLI can offer them without knowing where backups live.
    """

    def __init__(self, message: str, backups: Sequence[Path] = ()) -> None:
        self.backups: tuple[Path, ...] = tuple(backups)
        self.plain_message = message
        if self.backups:
            listed = "\n".join(f"  {p}" for p in self.backups)
            message = f"{message}\nBackups you can restore (newest first):\n{listed}"
        else:
            message = f"{message}\nThere is no backup to restore yet."
        super().__init__(message)


class CorruptDatabaseError(StoreError):
    """The data file is damaged or is not a BenzoApp database."""


class UnreadableDatabaseError(StoreError):
    """The data file exists but cannot be opened (permissions, a locked or missing disk)."""


class NewerDatabaseError(StoreError):
    """The data file was written by a newer BenzoApp; this older build must not touch it."""


class BusyDatabaseError(StoreError):
    """Another program kept the data file locked for longer than we were willing to wait."""


class ReadOnlyDatabaseError(StoreError):
    """The data can be read but not saved (a read-only or full disk, or no permission).

    Nothing is wrong with the file, so the message says what to do about the folder and
    offers no backups.
    """

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.args = (message,)

    def __str__(self) -> str:
        return self.plain_message
