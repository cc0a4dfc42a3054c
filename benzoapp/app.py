"""Composition root: builds the services and the window, and wires them in one place.

Order matters for start-up time: the window (with empty pages) is shown first; the data
folder is opened and the heavy modules (SQLAlchemy, the taper engine, the checker) are
imported only after the first paint, then the real pages take their places.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from benzoapp import APP_NAME, __version__
from benzoapp.paths import resolve_data_dir

if TYPE_CHECKING:
    from PySide6.QtGui import QUndoStack

    from benzoapp.gui.main_window import MainWindow


def run_gui(data_dir: str | None, argv: list[str] | None = None) -> int:
    """Open the main window on the chosen data folder and run until it closes."""
    from PySide6.QtGui import QUndoStack
    from PySide6.QtWidgets import QApplication

    from benzoapp.gui import crash
    from benzoapp.gui.first_paint import after_first_paint, quit_on_first_paint_if_asked
    from benzoapp.gui.main_window import MainWindow
    from benzoapp.gui.preferences import Preferences
    from benzoapp.gui.single_instance import InstanceServer, hand_over
    from benzoapp.gui.theme import ThemeName, apply_theme

    folder = resolve_data_dir(data_dir)
    folder.mkdir(parents=True, exist_ok=True)
    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName(APP_NAME)
    if hand_over(folder):
        print(f"{APP_NAME} is already open on {folder}; it has been brought forward.")
        return 0
    server = InstanceServer(folder, app)
    server.listen()
    fault_stream = crash.install(folder)
    prefs = Preferences(folder)
    apply_theme(app, ThemeName(str(prefs.get("view/theme"))), bool(prefs.get("view/large_text")))
    undo_stack = QUndoStack(app)
    window = MainWindow(undo_stack=undo_stack, prefs=prefs)
    server.activate.connect(window.bring_forward)
    quit_on_first_paint_if_asked(window)
    after_first_paint(window, lambda: attach_data(window, folder, undo_stack))
    window.show()
    try:
        return app.exec()
    finally:
        server.close()
        crash.disable_faulthandler(fault_stream)


def attach_data(window: MainWindow, folder: Path, undo_stack: QUndoStack) -> None:
    """Open the data and put the real pages in place (after the first paint)."""
    from benzoapp.gui.first_paint import quit_when_loaded_if_asked

    quit_when_loaded_if_asked(window)
