"""One check for every file BenzoApp writes on request: it must never be the person's data.

An export, a PDF, a calendar or a CSV goes wherever the person says. Said carelessly
("export ~/.local/share/BenzoApp/benzoapp.sqlite3"), that would replace the data file,
its SQLite side files or a backup with a JSON or PDF file, and the data would be gone. So
every output path is checked here first, by the command line, the window and the report
writers alike, and refused with one plain line when it names:

- the data file, its ``-wal``, ``-shm`` or ``-journal`` (by resolved path, and by
  same-file identity, so a symbolic or hard link to them is caught too);
- the backups folder or anything in it (a hard link to a backup is caught as well);
- an existing folder or anything that is not a plain file (a device, a pipe, a socket);
- a folder that does not exist.

Standard library only, and outside the layers, so the core's callers, the store, the
report writers and the window can all use the same function. Data folders are named
explicitly by the caller, and every folder a store opens is remembered too
(:func:`protect_data_folder`), so a writer that does not know the data folder is still
checked against it.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from pathlib import Path

from benzoapp.core.errors import InputError

DB_FILENAME = "benzoapp.sqlite3"
BACKUP_FOLDER = "backups"
SIDE_SUFFIXES = ("", "-wal", "-shm", "-journal")

_protected: set[Path] = set()


class UnsafeOutputError(InputError):
    """An output path that would overwrite the data, a backup, a folder or a device."""


def protect_data_folder(data_dir: Path) -> None:
    """Remember ``data_dir`` for every later check in this process."""
    try:
        _protected.add(Path(data_dir).expanduser().resolve())
    except (OSError, RuntimeError):
        _protected.add(Path(data_dir).expanduser().absolute())


def protected_folders() -> tuple[Path, ...]:
    return tuple(sorted(_protected))


def check_output_path(path: str | os.PathLike[str], data_dirs: Iterable[Path] = ()) -> Path:
    """The path to write, or ``UnsafeOutputError`` (one plain line) when it is not safe.

    ``data_dirs`` are checked as well as every folder remembered by
    :func:`protect_data_folder`. Nothing is written or created here.
    """
    target = Path(path).expanduser()
    shown = str(target)
    try:
        resolved = target.resolve()
    except (OSError, RuntimeError) as error:  # a loop of symbolic links
        raise _refuse(shown, f"the path cannot be followed ({error})") from None
    info = _stat(target)
    if info is not None:
        if stat.S_ISDIR(info.st_mode):
            raise _refuse(shown, "it is a folder; give a file name inside it")
        if not stat.S_ISREG(info.st_mode):
            raise _refuse(shown, "it is not a plain file (a device, pipe or socket)")
    folders = {*(_resolved(d) for d in data_dirs), *_protected}
    for folder in folders:
        reason = _names_data(resolved, info, folder)
        if reason:
            raise _refuse(shown, reason)
    parent = resolved.parent
    if not parent.is_dir():
        raise _refuse(shown, f"the folder {target.parent} does not exist")
    return target


def _names_data(resolved: Path, info: os.stat_result | None, folder: Path) -> str:
    """Why ``resolved`` would overwrite something of the data folder ``folder``; "" if not."""
    db = folder / DB_FILENAME
    for suffix in SIDE_SUFFIXES:
        side = db.with_name(db.name + suffix)
        if resolved == _resolved(side) or _same_file(info, side):
            what = "your data file" if not suffix else f"your data file's {suffix[1:]} file"
            return f"it is {what} ({side})"
    backups = folder / BACKUP_FOLDER
    backups_real = _resolved(backups)
    if resolved in (backups, backups_real) or backups_real in resolved.parents:
        return f"it is in your backups folder ({backups})"
    if backups in resolved.parents:
        return f"it is in your backups folder ({backups})"
    if info is not None and backups.is_dir():
        try:
            with os.scandir(backups) as entries:
                for entry in entries:
                    if _same_file(info, Path(entry.path)):
                        return f"it is one of your backups ({entry.path})"
        except OSError:
            pass
    return ""


def _refuse(shown: str, reason: str) -> UnsafeOutputError:
    return UnsafeOutputError(
        f"cannot write {shown}: {reason}. Nothing was written; choose another file."
    )


def _stat(path: Path) -> os.stat_result | None:
    try:
        return os.stat(path)
    except (OSError, ValueError):
        return None


def _same_file(info: os.stat_result | None, other: Path) -> bool:
    if info is None:
        return False
    theirs = _stat(other)
    return theirs is not None and (info.st_dev, info.st_ino) == (theirs.st_dev, theirs.st_ino)


def _resolved(path: Path) -> Path:
    try:
        return Path(path).expanduser().resolve()
    except (OSError, RuntimeError):
        return Path(path).expanduser().absolute()
