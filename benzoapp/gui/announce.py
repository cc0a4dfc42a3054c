"""Telling screen readers what changed: descriptions kept current, changes announced.

A person using a screen reader cannot see an answer appear beside the box they type in.
Each page keeps the accessible description of what it shows up to date (read on
request) and announces a short summary when the answer changes (read without asking),
politely, so it never cuts into what is being read.
"""

from __future__ import annotations

from typing import Any

from PySide6 import QtGui
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QWidget

# Qt 6.8 added announcements; with an older Qt (the app allows 6.7) the description,
# kept current, is what a screen reader gets.
ANNOUNCEMENT_EVENT: Any = getattr(QtGui, "QAccessibleAnnouncementEvent", None)


class Announcer(QObject):
    """Announces text on behalf of one widget; repeats of the same text stay silent."""

    announced = Signal(str)

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self._widget = widget
        self.last = ""

    def say(self, text: str) -> None:
        """Send ``text`` to assistive technology as a polite announcement."""
        text = " ".join(text.split())
        if not text or text == self.last:
            return
        self.last = text
        if ANNOUNCEMENT_EVENT is not None:
            event = ANNOUNCEMENT_EVENT(self._widget, text)
            event.setPoliteness(QAccessible.AnnouncementPoliteness.Polite)
            QAccessible.updateAccessibility(event)
        self.announced.emit(text)

    def forget(self) -> None:
        """Let the next announcement through even if it repeats the last one."""
        self.last = ""


def describe(widget: QWidget, text: str) -> None:
    """Keep ``widget``'s accessible description current (Qt tells listeners it changed)."""
    if widget.accessibleDescription() != text:
        widget.setAccessibleDescription(text)
