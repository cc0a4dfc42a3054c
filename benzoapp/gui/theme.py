"""Calm colours: a dark, muted palette by default, a light one on request, larger text.

Levels and warnings are told apart by words and shapes, never by colour alone, and no
colour here is a saturated red: bright alarms are hard on a sensitised nervous system.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

from benzoapp.paths import resource_path


class ThemeName(StrEnum):
    """The themes a person can choose."""

    DARK = "dark"
    LIGHT = "light"
    SYSTEM = "system"  # follow the desktop's light or dark setting


@dataclass(frozen=True)
class Colours:
    """The few colours the whole interface is drawn with."""

    window: str
    base: str
    alt_base: str
    text: str
    muted_text: str
    button: str
    highlight: str
    highlight_text: str
    accent: str
    # Non-text contrast (WCAG 2.2, 1.4.11): at least 3:1 against every background the
    # thing sits on (window, base, alternate base, button); checked by a test.
    edge: str  # the border of a field, button or checkbox
    focus: str  # the ring round whatever has the keyboard focus
    check: str  # the tick drawn on a ticked box (on the accent colour)


DARK = Colours(
    window="#23262b",
    base="#1c1f23",
    alt_base="#262a30",
    text="#d6d3cc",
    muted_text="#a19e96",
    button="#2d3137",
    highlight="#3f5a66",
    highlight_text="#eeeae2",
    accent="#8fb3a8",
    edge="#858891",
    focus="#e0b85c",
    check="#1c1f23",
)
LIGHT = Colours(
    window="#f2efe8",
    base="#fbf9f4",
    alt_base="#ece8df",
    text="#2b2b29",
    muted_text="#5f5d58",
    button="#e6e2d8",
    highlight="#b9d0c9",
    highlight_text="#1f2624",
    accent="#3d6b5f",
    edge="#76736c",
    focus="#1f5f8b",
    check="#fbf9f4",
)


class TextSize(StrEnum):
    """The text sizes a person can choose (View > Text size)."""

    NORMAL = "normal"
    MEDIUM = "medium"
    LARGE = "large"


# "Large" is a real step: at least one and a half times the normal size.
POINT_SIZES: dict[TextSize, int] = {TextSize.NORMAL: 11, TextSize.MEDIUM: 14, TextSize.LARGE: 17}
NORMAL_POINT_SIZE = POINT_SIZES[TextSize.NORMAL]
LARGE_POINT_SIZE = POINT_SIZES[TextSize.LARGE]
TEXT_SIZE_LABELS: dict[TextSize, str] = {
    TextSize.NORMAL: "&Normal",
    TextSize.MEDIUM: "&Medium",
    TextSize.LARGE: "&Large",
}


def resolve_theme(theme: ThemeName) -> ThemeName:
    """Turn SYSTEM into DARK or LIGHT from the desktop's colour scheme (dark if unknown)."""
    if theme is not ThemeName.SYSTEM:
        return theme
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication

    scheme = QGuiApplication.styleHints().colorScheme()
    return ThemeName.LIGHT if scheme == Qt.ColorScheme.Light else ThemeName.DARK


def colours_for(theme: ThemeName) -> Colours:
    """The colour set of a theme."""
    return LIGHT if resolve_theme(theme) is ThemeName.LIGHT else DARK


def current_colours() -> Colours:
    """The colours in force now, read back from the application palette's window colour."""
    app = QApplication.instance()
    if isinstance(app, QApplication):
        window = app.palette().color(QPalette.ColorRole.Window).name()
        if window == LIGHT.window:
            return LIGHT
    return DARK


def point_size(text_size: TextSize | bool) -> int:
    """The point size of a text size (``True``/``False``: large or normal, older callers)."""
    if isinstance(text_size, bool):
        text_size = TextSize.LARGE if text_size else TextSize.NORMAL
    return POINT_SIZES[TextSize(text_size)]


def apply_theme(app: QApplication, theme: ThemeName, large_text: TextSize | bool) -> None:
    """Set Fusion with our palette and font size on the whole application.

    ``large_text`` is a ``TextSize`` (or a bool: large or normal, as older callers pass).
    """
    app.setStyle("Fusion")
    c = colours_for(theme)
    palette = QPalette()
    role = QPalette.ColorRole
    palette.setColor(role.Window, QColor(c.window))
    palette.setColor(role.WindowText, QColor(c.text))
    palette.setColor(role.Base, QColor(c.base))
    palette.setColor(role.AlternateBase, QColor(c.alt_base))
    palette.setColor(role.Text, QColor(c.text))
    palette.setColor(role.PlaceholderText, QColor(c.muted_text))
    palette.setColor(role.Button, QColor(c.button))
    palette.setColor(role.ButtonText, QColor(c.text))
    palette.setColor(role.ToolTipBase, QColor(c.alt_base))
    palette.setColor(role.ToolTipText, QColor(c.text))
    palette.setColor(role.Highlight, QColor(c.highlight))
    palette.setColor(role.HighlightedText, QColor(c.highlight_text))
    palette.setColor(role.Link, QColor(c.accent))
    palette.setColor(role.BrightText, QColor(c.highlight_text))
    disabled = QPalette.ColorGroup.Disabled
    for r in (role.Text, role.WindowText, role.ButtonText):
        palette.setColor(disabled, r, QColor(c.muted_text))
    app.setPalette(palette)
    size = point_size(large_text)
    font = QFont(app.font())
    font.setPointSize(size)
    app.setFont(font)
    # With a style sheet in force, widgets that exist already ignore a new application
    # font; sizes in the sheet reach them all.
    app.setStyleSheet(
        f"QWidget {{ font-size: {size}pt; }}\n"
        f'QLabel[role="title"] {{ font-size: {size + 4}pt; font-weight: 600; }}\n' + _stylesheet(c)
    )


def _stylesheet(c: Colours) -> str:
    """The bundled style sheet with this theme's colours filled in."""
    text = resource_path("styles", "base.qss").read_text(encoding="utf-8")
    name = "light" if c is LIGHT else "dark"
    values = dict(vars(c))
    for image in ("tick", "arrow-up", "arrow-down"):
        path = resource_path("styles", f"{image}-{name}.svg").as_posix()
        values[image.replace("-", "_") + "_image"] = path
    for name, value in values.items():
        text = text.replace("{" + name + "}", value)
    return text
