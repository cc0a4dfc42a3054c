"""Preferences declared once (key, type, default) and kept in QSettings with the window state.

Every preference the app knows is listed in ``PREFERENCES``; reading an unknown key or a
stored value of the wrong type falls back to the declared default, so a damaged settings
file can never stop the app from starting.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

SETTINGS_VERSION = 2  # 2: view/text_size replaces the large-text switch


@dataclass(frozen=True)
class Pref:
    """One preference: its key, its Python type and what it is when never set."""

    key: str
    type: type
    default: object
    choices: tuple[str, ...] = ()
    minimum: int | None = None  # for int preferences: the allowed range, inclusive
    maximum: int | None = None

    def allows(self, value: object) -> bool:
        """Whether ``value`` is one of the choices and inside the range (if declared)."""
        if self.choices and value not in self.choices:
            return False
        if isinstance(value, int) and not isinstance(value, bool):
            if self.minimum is not None and value < self.minimum:
                return False
            if self.maximum is not None and value > self.maximum:
                return False
        return True


# The same key, default and range as benzoapp.store.settings, which reads this one for
# the command line (kept as literals here: importing the store costs start-up time).
KEEP_BACKUPS = Pref("data/keep_backups", int, 14, minimum=2, maximum=365)
# The country whose products plans use ("" for the common strengths); the same key and
# choices as benzoapp.store.settings.COUNTRY_KEY and the drug data's countries (a test
# checks both).
COUNTRY = Pref("taper/country", str, "", ("", "AU", "CA", "GB", "SE", "US"))

PREFERENCES: tuple[Pref, ...] = (
    Pref("view/theme", str, "dark", ("dark", "light", "system")),
    Pref("view/large_text", bool, False),  # kept in step with view/text_size (large or not)
    Pref("view/text_size", str, "normal", ("normal", "medium", "large")),
    Pref("app/first_run_done", bool, False),
    Pref("app/last_page", int, 0),
    KEEP_BACKUPS,
    COUNTRY,
)
_BY_KEY = {p.key: p for p in PREFERENCES}


class Preferences:
    """Typed access to the declared preferences, stored in an INI file in the data folder.

    Keeping the file beside the data (not in the user's global settings) means each data
    folder remembers its own window, and tests never touch the real user's settings.
    """

    def __init__(self, data_dir: Path) -> None:
        self._settings = QSettings(str(data_dir / "settings.ini"), QSettings.Format.IniFormat)
        self._upgrade()

    def _upgrade(self) -> None:
        """Bring a settings file written by an older version up to date."""
        version = self._settings.value("meta/version", 0)
        try:
            stored = int(str(version))
        except ValueError:
            stored = 0
        if stored < 2 and self.get("view/large_text") is True:
            self._settings.setValue("view/text_size", "large")
        if stored < SETTINGS_VERSION:
            self._settings.setValue("meta/version", SETTINGS_VERSION)

    def get(self, key: str) -> object:
        """The stored value converted to the declared type, or the default."""
        pref = _BY_KEY[key]
        raw = self._settings.value(key, None)
        if raw is None:
            return pref.default
        value: object
        try:
            if pref.type is bool:
                value = raw if isinstance(raw, bool) else str(raw).lower() in {"true", "1"}
            elif pref.type is int:
                value = int(str(raw))
            else:
                value = str(raw)
        except ValueError:
            return pref.default
        if not pref.allows(value):
            return pref.default
        return value

    def set(self, key: str, value: object) -> None:
        """Store a declared preference; an undeclared key or wrong type is a programming error."""
        pref = _BY_KEY[key]
        if not isinstance(value, pref.type):
            raise TypeError(f"preference {key} takes {pref.type.__name__}, not {value!r}")
        if not pref.allows(value):
            raise ValueError(f"preference {key} cannot be {value!r}")
        self._settings.setValue(key, value)

    def window_state(self) -> tuple[QByteArray | None, QByteArray | None]:
        """Saved geometry and dock/toolbar state of the main window, if any."""
        geometry = self._settings.value("window/geometry", None)
        state = self._settings.value("window/state", None)
        return (
            geometry if isinstance(geometry, QByteArray) else None,
            state if isinstance(state, QByteArray) else None,
        )

    def save_window_state(self, geometry: QByteArray, state: QByteArray) -> None:
        self._settings.setValue("window/geometry", geometry)
        self._settings.setValue("window/state", state)

    def sync(self) -> None:
        """Write to disk now (Qt otherwise writes lazily)."""
        self._settings.sync()
