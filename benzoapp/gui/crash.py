"""Calm handling of unexpected errors: log everything, show copyable details, lose nothing.

Layers: ``faulthandler`` writes a hard crash (segfault) to a file in the data folder; the
excepthook logs any uncaught Python error with its traceback to ``benzoapp.log`` and shows
a quiet dialog whose details can be copied. Data is saved as it is entered (every edit
goes straight to the store), so an error never takes away what was already typed.
"""

from __future__ import annotations

import faulthandler
import logging
import logging.handlers
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import IO

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from benzoapp import __version__

LOG_NAME = "benzoapp.log"
FAULT_NAME = "crash-native.log"
log = logging.getLogger("benzoapp")

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], None]


class CrashDialog(QDialog):
    """Says calmly that something went wrong, that nothing entered is lost, and why."""

    def __init__(self, details: str, log_path: Path | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Something went wrong")
        self.setAccessibleName("Something went wrong")
        box = QVBoxLayout(self)
        box.setSpacing(12)
        where = f" The details are also saved in {log_path}." if log_path else ""
        message = QLabel(
            "BenzoApp met a problem it did not expect. What you had already entered is "
            "saved. You can carry on, or close the app and open it again." + where
        )
        message.setWordWrap(True)
        box.addWidget(message)
        label = QLabel("&Details (you can copy these to report the problem):")
        self.details = QPlainTextEdit(details)
        self.details.setReadOnly(True)
        self.details.setAccessibleName("Error details")
        self.details.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        label.setBuddy(self.details)
        box.addWidget(label)
        box.addWidget(self.details, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = buttons.addButton(
            "&Copy details", QDialogButtonBox.ButtonRole.ActionRole
        )
        self.copy_button.clicked.connect(self.copy_details)
        buttons.rejected.connect(self.reject)
        box.addWidget(buttons)
        self.resize(620, 420)

    def copy_details(self) -> None:
        QApplication.clipboard().setText(self.details.toPlainText())


def setup_logging(data_dir: Path) -> Path:
    """Log to a rotating file in the data folder; returns its path."""
    data_dir.mkdir(parents=True, exist_ok=True)
    path = data_dir / LOG_NAME
    if not any(getattr(h, "baseFilename", None) == str(path) for h in log.handlers):
        handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=1_000_000, backupCount=2, encoding="utf-8"
        )
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        log.addHandler(handler)
        log.setLevel(logging.INFO)
    return path


def enable_faulthandler(data_dir: Path) -> IO[str]:
    """Write native crashes (which Python cannot catch) to a file; keep the file open."""
    stream = (data_dir / FAULT_NAME).open("a", encoding="utf-8")
    faulthandler.enable(stream)
    return stream


def disable_faulthandler(stream: IO[str]) -> None:
    """Stop writing native crashes to the file, then close it (at a clean exit)."""
    faulthandler.disable()
    stream.close()


def format_details(
    kind: type[BaseException], error: BaseException, tb: TracebackType | None
) -> str:
    """Version, platform and traceback: what a developer needs, nothing personal."""
    trace = "".join(traceback.format_exception(kind, error, tb))
    return f"BenzoApp {__version__}, Python {sys.version.split()[0]} on {sys.platform}\n\n{trace}"


def make_excepthook(
    log_path: Path | None, show: Callable[[str, Path | None], None] | None = None
) -> ExceptHook:
    """An excepthook that logs the error and shows the calm dialog instead of dying.

    The dialog is kept modal but the event loop goes on, so the window and everything in
    it stay as they were.
    """

    def show_dialog(details: str, path: Path | None) -> None:
        parent = QApplication.activeWindow()
        CrashDialog(details, path, parent).exec()

    presenter = show or show_dialog

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, tb)
            return
        details = format_details(kind, error, tb)
        log.error("unexpected error\n%s", details)
        if QApplication.instance() is None:
            sys.__excepthook__(kind, error, tb)
            return
        presenter(details, log_path)

    return hook


def install(data_dir: Path) -> IO[str]:
    """Log file, faulthandler and excepthook, in that order; returns the fault stream."""
    log_path = setup_logging(data_dir)
    stream = enable_faulthandler(data_dir)
    sys.excepthook = make_excepthook(log_path)
    return stream
