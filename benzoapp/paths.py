"""The one place that knows where bundled files and the person's data live.

Bundled files (``resources/`` and the migrations in ``db/``) sit at the same relative
places in a source checkout, an installed wheel and a PyInstaller build, so callers never
branch on how the app was started.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

DATA_DIR_ENV = "BENZOAPP_DATA_DIR"


class MissingResourceError(FileNotFoundError):
    """A file the app ships with is not where it should be (a broken install)."""


def bundle_root() -> Path:
    """Return the folder holding ``resources/`` and ``db/``.

    Frozen builds unpack them under ``sys._MEIPASS``; a source checkout has them beside
    the package; a wheel carries them inside the package as ``_bundled``.
    """
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root)
    package_dir = Path(__file__).resolve().parent
    source_root = package_dir.parent
    if (source_root / "resources").is_dir() and (source_root / "db").is_dir():
        return source_root
    return package_dir / "_bundled"


def resource_path(*parts: str) -> Path:
    """Path of a bundled resource; raises a clear error if the install is missing it."""
    path = bundle_root().joinpath("resources", *parts)
    if not path.exists():
        raise MissingResourceError(
            f"A file BenzoApp needs is missing: resources/{'/'.join(parts)}. "
            "Reinstall the app; your own data is not affected."
        )
    return path


def migrations_path() -> Path:
    """Folder of the Alembic environment (``env.py`` and ``versions/``)."""
    path = bundle_root() / "db"
    if not (path / "env.py").exists():
        raise MissingResourceError(
            "The database migrations are missing (db/env.py). Reinstall the app; "
            "your own data is not affected."
        )
    return path


def default_data_dir() -> Path:
    """The platform's per-user data folder, never inside the bundle."""
    from platformdirs import user_data_dir

    return Path(user_data_dir("BenzoApp", appauthor=False))


def check_data_folder(folder: Path) -> None:
    """Refuse a data folder that names a file (or lies inside one), with a plain message.

    Creating the folder would otherwise fail deep inside with FileExistsError or
    NotADirectoryError, which tells a tired person nothing.
    """
    from benzoapp.core.errors import InputError

    for place in (folder, *folder.parents):
        if place.exists():
            if not place.is_dir():
                raise InputError(
                    f"The data folder {folder} cannot be used: {place} is a file, not a "
                    "folder. Choose another folder (--data-dir) or move the file."
                )
            return


def resolve_data_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """Pick the data folder: ``--data-dir`` first, then the environment, then the default."""
    if explicit:
        return Path(explicit).expanduser().resolve()
    from_env = os.environ.get(DATA_DIR_ENV)
    if from_env:
        return Path(from_env).expanduser().resolve()
    return default_data_dir()
