"""Quit right after the first paint of a widget: how start-up benchmarks time the window."""

from __future__ import annotations

import os
import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

QUIT_ON_PAINT_ENV = "BENZOAPP_QUIT_ON_FIRST_PAINT"


class _FirstPaintQuitter(QObject):
    """Event filter that reports the first paint on stdout and quits the event loop."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            print(f"first-paint {time.perf_counter():.6f}", flush=True)
            QTimer.singleShot(0, QApplication.quit)
        return False


def quit_on_first_paint_if_asked(window: QWidget) -> None:
    """When the benchmark environment variable is set, quit after ``window`` paints once."""
    if os.environ.get(QUIT_ON_PAINT_ENV):
        quitter = _FirstPaintQuitter(window)
        window.installEventFilter(quitter)
        sys.stdout.flush()
