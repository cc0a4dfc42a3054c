"""Opening the data folder from a command, with the restore offer added to store errors."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from benzoapp.core.errors import InputError
from benzoapp.paths import check_data_folder, resolve_data_dir
from benzoapp.store import StoreError, open_store
from benzoapp.store.schema import DB_FILENAME

if TYPE_CHECKING:
    from pathlib import Path

    from benzoapp.store.facade import Store

RESTORE_HINT = (
    "To put a backup in place, run: benzoapp backup --restore FILE "
    "(your current file is copied to the backups folder first)."
)


def data_dir_of(args: argparse.Namespace) -> Path:
    """The chosen data folder; a path naming a file is refused plainly (exit 2)."""
    folder = resolve_data_dir(getattr(args, "data_dir", None))
    check_data_folder(folder)
    return folder


def with_restore_hint(error: StoreError) -> StoreError:
    """The same error, its message ending with how to restore one of the listed backups."""
    if not error.backups:
        return error
    return type(error)(f"{error.plain_message}\n{RESTORE_HINT}", error.backups)


def open_for_command(args: argparse.Namespace, must_exist: bool = False) -> Store:
    """Open the store of ``--data-dir`` (or the default folder) for a headless command.

    ``must_exist`` refuses a folder with no data file instead of creating one (for
    commands that only read or copy what is there).
    """
    folder = data_dir_of(args)
    if must_exist and not (folder / DB_FILENAME).exists():
        raise InputError(f"There is no BenzoApp data in {folder} yet; nothing was done.")
    try:
        return open_store(folder)
    except StoreError as error:
        raise with_restore_hint(error) from error
