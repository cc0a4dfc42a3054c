"""Making a new data file safely, settling what a crash left, and keeping the folder private.

A new data file is built whole under a temporary name (schema and all) and then linked
to the real name, which fails if the name already exists. So:

- two programs opening a brand-new folder at once both succeed: one's file is linked in,
  the other finds it there, drops its own and opens that one;
- a data file that is empty (0 bytes) or holds no tables can only be something that went
  wrong outside BenzoApp, and it is refused rather than silently made into a new, empty
  store (which would then push the good backups out).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import stat
from pathlib import Path

from benzoapp.store.backups import settle

FOLDER_MODE = 0o700


def create_data_file(db_path: Path) -> bool:
    """Create the data file at the bundled schema; False when another program was first."""
    from benzoapp.store.migrate import upgrade
    from benzoapp.store.schema import SCHEMA_HEAD

    tmp = db_path.with_name(f".{db_path.name}.new-{os.getpid()}")
    _remove_with_sides(tmp)
    try:
        os.close(os.open(tmp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
        upgrade(tmp, SCHEMA_HEAD)
        settle(tmp)  # everything in the file itself, no write-ahead log left over
        try:
            os.link(tmp, db_path)
        except FileExistsError:
            return False
        except OSError:
            # A file system without hard links: rename, which still never replaces a
            # file another program linked in first unless it raced within this call.
            if db_path.exists():
                return False
            os.replace(tmp, db_path)
        return True
    finally:
        _remove_with_sides(tmp)


def remove_stale_temporaries(data_dir: Path, db_name: str) -> list[Path]:
    """Remove what a killed ``create_data_file`` or ``demo`` left (its process is gone).

    Names carry the process id; one whose process still runs is left alone.
    """
    removed: list[Path] = []
    patterns = (f".{db_name}.new-*", ".demo-*")
    for pattern in patterns:
        for path in data_dir.glob(pattern):
            pid_text = path.name.rsplit("-", 1)[-1].split(".")[0]
            if not pid_text.isdigit() or _alive(int(pid_text)):
                continue
            if path.is_dir():
                shutil.rmtree(path, ignore_errors=True)
            else:
                _remove_with_sides(path)
            removed.append(path)
    return removed


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError, OverflowError):
        return True  # someone else's process, or cannot tell: leave it
    return True


def _remove_with_sides(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        with contextlib.suppress(OSError):
            path.with_name(path.name + suffix).unlink(missing_ok=True)


def settle_leftovers(db_path: Path) -> None:
    """Roll back a leftover ``-journal`` beside the data file, as SQLite intends.

    A read-only open cannot roll a hot journal back, so every start would fail with
    "attempt to write a readonly database". One read-write open lets SQLite put the
    interrupted save's pages back (or drop a journal that is not hot). A damaged file is
    left to the checks that follow, which explain it.
    """
    journal = db_path.with_name(db_path.name + "-journal")
    if not journal.exists():
        return
    with contextlib.suppress(sqlite3.Error, OSError):
        settle(db_path)


def folder_privacy_note(data_dir: Path) -> str:
    """Keep the data folder private: one line when others may read it ("" when fine).

    The platform's default folder is made owner-only (mode 700) at once; a folder the
    person chose is theirs to decide about, so it only gets the warning.
    """
    if os.name != "posix":
        return ""
    try:
        mode = stat.S_IMODE(data_dir.stat().st_mode)
    except OSError:
        return ""
    if not mode & 0o077:
        return ""
    if _is_default_folder(data_dir):
        with contextlib.suppress(OSError):
            data_dir.chmod(FOLDER_MODE)
            return f"Your data folder {data_dir} could be read by others; it is now yours only."
    return (
        f"Your data folder {data_dir} can be read by other users of this computer "
        f"(mode {mode:o}); to keep your data private, run: chmod 700 '{data_dir}'"
    )


def _is_default_folder(data_dir: Path) -> bool:
    from benzoapp.paths import default_data_dir

    try:
        return data_dir.resolve() == default_data_dir().resolve()
    except (OSError, RuntimeError):
        return False
