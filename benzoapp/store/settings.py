"""The preferences the data layer and the command line honour, read from the window's
settings file.

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
COUNTRY_KEY = "taper/country"


def _read(data_dir: Path, key: str) -> str | None:
    """The raw stored value of ``section/key``; None when unset or unreadable."""
    import configparser

    parser = configparser.RawConfigParser(strict=False)
    try:
        parser.read(data_dir / SETTINGS_FILENAME, encoding="utf-8")
        section, name = key.split("/")
        return parser.get(section, name, fallback=None)
    except (configparser.Error, OSError, UnicodeDecodeError):
        return None


def country_setting(data_dir: Path, known: tuple[str, ...]) -> str | None:
    """The country the person chose once (its products plan their doses); None when
    unset, damaged or not one of ``known``, which keeps the common strengths."""
    value = (_read(data_dir, COUNTRY_KEY) or "").strip().upper()
    return value if value in known else None


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
