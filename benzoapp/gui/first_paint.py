"""Quit right after the first paint of a widget: how start-up benchmarks time the window."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable

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


class _AfterFirstPaint(QObject):
    """Runs a callback once, on the next turn of the event loop after the first paint."""

    def __init__(self, widget: QWidget, callback: Callable[[], None]) -> None:
        super().__init__(widget)
        self._callback = callback

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._callback)
        return False


def after_first_paint(widget: QWidget, callback: Callable[[], None]) -> None:
    """Defer ``callback`` (heavy imports, opening the data) until ``widget`` has painted.

    The person sees the window at once; the data arrives a moment later. When the
    start-up benchmark asks to quit at first paint, nothing is loaded at all.
    """
    if os.environ.get(QUIT_ON_PAINT_ENV):
        return
    widget.installEventFilter(_AfterFirstPaint(widget, callback))


LOADED_ENV = "BENZOAPP_QUIT_WHEN_LOADED"


def quit_when_loaded_if_asked(widget: QWidget, stage: str) -> bool:
    """For the benchmark: once ``stage`` is on screen, report it and quit.

    ``BENZOAPP_QUIT_WHEN_LOADED=today`` (or ``1``) stops when Today shows the data;
    ``=all`` when every section is filled. Returns True when it is quitting.
    """
    wanted = os.environ.get(LOADED_ENV)
    if wanted and (wanted == stage or (wanted == "1" and stage == "today")):
        widget.repaint()
        print(f"loaded-{stage} {time.perf_counter():.6f}", flush=True)
        QTimer.singleShot(0, QApplication.quit)
        return True
    return False
