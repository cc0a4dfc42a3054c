"""Calm handling of unexpected errors: log everything, show copyable details, lose nothing.

Layers: ``faulthandler`` writes a hard crash (segfault) to a file in the data folder; the
excepthook logs any uncaught Python error with its traceback to ``benzoapp.log`` and shows
a quiet dialog (``crash_dialog``, loaded only when needed) whose details can be copied.
Data is saved as it is entered (every edit goes straight to the store), so an error never
takes away what was already typed.
"""

from __future__ import annotations

import contextlib
import faulthandler
import logging
import os
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import IO

from PySide6.QtWidgets import QApplication

from benzoapp import __version__
from benzoapp.core.errors import BenzoAppError

LOG_NAME = "benzoapp.log"
MAX_LOG_BYTES = 1_000_000
FAULT_NAME = "crash-native.log"
log = logging.getLogger("benzoapp")

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], None]


def setup_logging(data_dir: Path) -> Path:
    """Log to a rotating file in the data folder; returns its path."""
    data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    path = data_dir / LOG_NAME
    if not any(getattr(h, "baseFilename", None) == str(path) for h in log.handlers):
        # Rotated by hand at start: logging.handlers costs start-up time we avoid.
        if path.exists() and path.stat().st_size > MAX_LOG_BYTES:
            path.replace(path.with_suffix(".log.1"))
        handler = logging.FileHandler(path, encoding="utf-8")
        if os.name == "posix":
            path.chmod(0o600)  # the log names medicines: the owner's eyes only
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        log.addHandler(handler)
        log.setLevel(logging.INFO)
    return path


def enable_faulthandler(data_dir: Path) -> IO[str]:
    """Write native crashes (which Python cannot catch) to a file; keep the file open."""
    stream = (data_dir / FAULT_NAME).open("a", encoding="utf-8")
    if os.name == "posix":
        (data_dir / FAULT_NAME).chmod(0o600)
    faulthandler.enable(stream)
    return stream


def disable_faulthandler(stream: IO[str]) -> None:
    """Stop writing native crashes to the file, then close it (at a clean exit)."""
    faulthandler.disable()
    if stream not in (sys.stderr, sys.__stderr__):  # the terminal is not ours to close
        stream.close()


def format_details(
    kind: type[BaseException], error: BaseException, tb: TracebackType | None
) -> str:
    """Version, platform and traceback: what a developer needs, nothing personal."""
    trace = "".join(traceback.format_exception(kind, error, tb))
    return f"BenzoApp {__version__}, Python {sys.version.split()[0]} on {sys.platform}\n\n{trace}"


NOT_SAVED = "Not saved"
NOT_DONE = "Could not do that"


def plain_title(error: BenzoAppError) -> str:
    """The title of a plain error's box, saying what happened.

    "Not saved" only when a save was refused or failed (a folder that cannot be written,
    a full disk, a save the database turned down); anything else (a busy or damaged
    file, a bad entry) gets a neutral title, so the person is not told something was
    lost that never was being saved.
    """
    from benzoapp.store.errors import ReadOnlyDatabaseError, StoreError

    if isinstance(error, ReadOnlyDatabaseError):
        return NOT_SAVED
    if isinstance(error, StoreError) and error.plain_message.startswith("This could not be saved"):
        return NOT_SAVED
    return NOT_DONE


def make_excepthook(
    log_path: Path | None,
    show: Callable[[str, Path | None], None] | None = None,
    explain: Callable[[str, str], None] | None = None,
) -> ExceptHook:
    """An excepthook that logs the error and shows the calm dialog instead of dying.

    The dialog is kept modal but the event loop goes on, so the window and everything in
    it stay as they were. A ``BenzoAppError`` (say, the disk filled up during a save) is
    a problem the person can act on, not a bug: it is shown as its own plain message
    under a title saying what happened (:func:`plain_title`), with no traceback
    (``explain(title, message)``), and logged with its traceback for a developer.
    """

    def explain_plainly(title: str, message: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        parent = QApplication.activeWindow()
        QMessageBox(QMessageBox.Icon.Information, title, message, parent=parent).exec()

    def show_dialog(details: str, path: Path | None) -> None:
        from benzoapp.gui.crash_dialog import CrashDialog

        parent = QApplication.activeWindow()
        CrashDialog(details, path, parent).exec()

    presenter = show or show_dialog
    explainer = explain or explain_plainly

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, tb)
            return
        details = format_details(kind, error, tb)
        if QApplication.instance() is None:
            log.error("unexpected error\n%s", details)
            sys.__excepthook__(kind, error, tb)
            return
        if isinstance(error, BenzoAppError):
            log.warning("could not be done\n%s", details)
            explainer(plain_title(error), str(error))
            return
        log.error("unexpected error\n%s", details)
        presenter(details, log_path)

    return hook


def install(data_dir: Path) -> IO[str]:
    """Log file, faulthandler and excepthook, in that order; returns the fault stream.

    A data folder that cannot be written (read-only disk, permissions) must not stop the
    app from opening: the log then goes to stderr, with one line saying so.
    """
    log_path: Path | None
    try:
        log_path = setup_logging(data_dir)
        stream = enable_faulthandler(data_dir)
    except OSError as error:
        print(
            f"BenzoApp: cannot write the log in {data_dir} ({error.strerror or error}); "
            "logging to the terminal instead.",
            file=sys.stderr,
        )
        log_to_stderr()
        log_path = None
        stream = sys.__stderr__ or sys.stderr
        with contextlib.suppress(OSError, ValueError):  # a stream without a file descriptor
            faulthandler.enable(stream)
    sys.excepthook = make_excepthook(log_path)
    return stream


def log_to_stderr() -> None:
    """Send the log to stderr when no log file can be opened (once, however often called)."""
    if not any(getattr(h, "stream", None) is sys.stderr for h in log.handlers):
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        log.addHandler(handler)
        log.setLevel(logging.INFO)
