"""The app's icon, drawn from the bundled SVG so it stays sharp at every size."""

from __future__ import annotations

from PySide6.QtGui import QIcon

from benzoapp.paths import resource_path


def app_icon() -> QIcon:
    """The BenzoApp icon for windows, the taskbar and the dock (Linux has no exe icon)."""
    return QIcon(str(resource_path("icons", "benzoapp.svg")))
