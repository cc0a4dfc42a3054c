"""Composition root: builds the services and the window, and wires them in one place."""

from __future__ import annotations

import sys

from benzoapp import APP_NAME, __version__
from benzoapp.paths import resolve_data_dir


def run_gui(data_dir: str | None, argv: list[str] | None = None) -> int:
    """Open the main window on the chosen data folder and run until it closes."""
    from PySide6.QtWidgets import QApplication

    from benzoapp.gui.app_icon import app_icon
    from benzoapp.gui.first_paint import quit_on_first_paint_if_asked
    from benzoapp.gui.main_window import MainWindow
    from benzoapp.gui.theme import ThemeName, apply_theme

    folder = resolve_data_dir(data_dir)
    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName(APP_NAME)
    app.setWindowIcon(app_icon())
    apply_theme(app, ThemeName.DARK, large_text=False)
    window = MainWindow()
    window.setProperty("data_dir", str(folder))
    quit_on_first_paint_if_asked(window)
    window.show()
    return app.exec()
