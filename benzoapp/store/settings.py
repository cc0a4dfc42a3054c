"""The one preference the data layer honours, read from the window's settings file.

The window keeps its preferences in ``settings.ini`` in the data folder (QSettings, INI
format). How many backups to keep is one of them, and every command must honour it too:
pruning to a smaller default would delete backups the person chose to keep. So it is
read here with the standard library, by the same rules as the window (a missing,
damaged or out-of-range value means the default).
"""

from __future__ import annotations

from pathlib import Path

from benzoapp.store.backups import DEFAULT_KEEP_BACKUPS

SETTINGS_FILENAME = "settings.ini"
KEEP_BACKUPS_KEY = "data/keep_backups"
MIN_KEEP_BACKUPS = 2
MAX_KEEP_BACKUPS = 365


def keep_backups_setting(data_dir: Path) -> int:
    """How many backups the person chose to keep (``DEFAULT_KEEP_BACKUPS`` if not set)."""
    import configparser

    path = data_dir / SETTINGS_FILENAME
    parser = configparser.RawConfigParser(strict=False)
    try:
        parser.read(path, encoding="utf-8")
        section, key = KEEP_BACKUPS_KEY.split("/")
        value = int(parser.get(section, key, fallback=str(DEFAULT_KEEP_BACKUPS)))
    except (configparser.Error, OSError, UnicodeDecodeError, ValueError):
        return DEFAULT_KEEP_BACKUPS
    if not MIN_KEEP_BACKUPS <= value <= MAX_KEEP_BACKUPS:
        return DEFAULT_KEEP_BACKUPS
    return value
