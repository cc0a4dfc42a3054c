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


DARK = Colours(
    window="#23262b",
    base="#1c1f23",
    alt_base="#262a30",
    text="#d6d3cc",
    muted_text="#9a978f",
    button="#2d3137",
    highlight="#3f5a66",
    highlight_text="#eeeae2",
    accent="#8fb3a8",
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
)

NORMAL_POINT_SIZE = 11
LARGE_POINT_SIZE = 14


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


def apply_theme(app: QApplication, theme: ThemeName, large_text: bool) -> None:
    """Set Fusion with our palette and font size on the whole application."""
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
    size = LARGE_POINT_SIZE if large_text else NORMAL_POINT_SIZE
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
    for name, value in vars(c).items():
        text = text.replace("{" + name + "}", value)
    return text
