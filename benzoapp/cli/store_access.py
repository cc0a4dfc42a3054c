"""Opening the data folder from a command, with the restore offer added to store errors."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from benzoapp.core.errors import InputError
from benzoapp.paths import check_data_folder, resolve_data_dir
from benzoapp.store import StoreError, open_store
from benzoapp.store.schema import DB_FILENAME

if TYPE_CHECKING:
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


def checked_output(args: argparse.Namespace, path: str | Path) -> Path:
    """An output path of a command, refused (exit 2, nothing written) when it names the
    data file or its side files, the backups folder or anything in it, a folder or a
    device (:func:`benzoapp.output_guard.check_output_path`)."""
    from benzoapp.output_guard import check_output_path

    return check_output_path(path, [resolve_data_dir(getattr(args, "data_dir", None))])


def print_notices(command: str, store: Store) -> None:
    """The store's one-line notes (a data folder others can read) on stderr."""
    for notice in store.notices:
        print(f"benzoapp {command}: note: {notice}", file=sys.stderr)


def with_restore_hint(error: StoreError) -> StoreError:
    """The same error, its message ending with how to restore one of the listed backups."""
    if not error.backups:
        return error
    return type(error)(f"{error.plain_message}\n{RESTORE_HINT}", error.backups)


def refuse_unless_writable(folder: Path, doing: str) -> None:
    """Stop a command that writes before it starts, when the data folder cannot be written.

    Raises ``ReadOnlyDatabaseError`` (exit 2) saying why and what to do; nothing is changed.
    """
    from benzoapp.store.access import require_writable

    if folder.is_dir():
        require_writable(folder, folder / DB_FILENAME, doing)


def open_for_command(
    args: argparse.Namespace, must_exist: bool = False, *, writes: str = ""
) -> Store:
    """Open the store of ``--data-dir`` (or the default folder) for a headless command.

    ``must_exist`` refuses a folder with no data file instead of creating one (for
    commands that only read or copy what is there). ``writes`` names what a command that
    saves would do ("import the file"): such a command is refused up front when the
    folder cannot be written. A command that only reads works on a read-only folder, with
    one line on stderr saying that nothing can be saved there.
    """
    folder = data_dir_of(args)
    if must_exist and not (folder / DB_FILENAME).exists():
        raise InputError(f"There is no BenzoApp data in {folder} yet; nothing was done.")
    if writes:
        refuse_unless_writable(folder, writes)
    try:
        store = open_store(folder)
    except StoreError as error:
        raise with_restore_hint(error) from error
    command = getattr(args, "command", None) or "benzoapp"
    print_notices(command, store)
    if store.read_only:
        print(f"benzoapp {command}: note: {store.read_only_reason}", file=sys.stderr)
    return store
