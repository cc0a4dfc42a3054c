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
    from PySide6.QtWidgets import QApplication

    from benzoapp.gui.main_window import MainWindow


def run_gui(data_dir: str | None, argv: list[str] | None = None) -> int:
    """Open the main window on the chosen data folder and run until it closes."""
    from PySide6.QtWidgets import QApplication

    from benzoapp.gui import crash
    from benzoapp.gui.first_paint import after_first_paint, quit_on_first_paint_if_asked
    from benzoapp.gui.single_instance import InstanceServer, hand_over

    folder = resolve_data_dir(data_dir)
    folder.mkdir(parents=True, exist_ok=True)
    app = QApplication(argv if argv is not None else sys.argv[:1])
    if hand_over(folder):
        print(f"{APP_NAME} is already open on {folder}; it has been brought forward.")
        return 0
    fault_stream = crash.install(folder)
    window, undo_stack = create_window(app, folder)
    servers: list[InstanceServer] = []

    def after_paint() -> None:
        server = InstanceServer(folder, app)
        server.listen()
        server.activate.connect(window.bring_forward)
        servers.append(server)
        attach_data(window, folder, undo_stack)

    quit_on_first_paint_if_asked(window)
    after_first_paint(window, after_paint)
    window.show()
    try:
        return app.exec()
    finally:
        for server in servers:
            server.close()
        crash.disable_faulthandler(fault_stream)


def create_window(app: QApplication, folder: Path) -> tuple[MainWindow, QUndoStack]:
    """Names, preferences, theme and the (still empty) main window with its undo stack."""
    from PySide6.QtGui import QUndoStack

    from benzoapp.gui.main_window import MainWindow
    from benzoapp.gui.preferences import Preferences
    from benzoapp.gui.theme import ThemeName, apply_theme

    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName(APP_NAME)
    prefs = Preferences(folder)
    apply_theme(app, ThemeName(str(prefs.get("view/theme"))), bool(prefs.get("view/large_text")))
    undo_stack = QUndoStack(app)
    return MainWindow(undo_stack=undo_stack, prefs=prefs), undo_stack


def attach_data(window: MainWindow, folder: Path, undo_stack: QUndoStack) -> None:
    """Load the services and put the real pages in place (after the first paint).

    Only the parts present in this build are attached; a section whose service is not
    here yet keeps a page that says so.
    """
    from benzoapp.core.cautions import Checker, load_knowledge_base
    from benzoapp.core.drugs import load_catalog
    from benzoapp.gui.adapters import CorePlanner
    from benzoapp.gui.check_page import CheckPage
    from benzoapp.gui.first_paint import quit_when_loaded_if_asked
    from benzoapp.gui.plan_page import PlanPage

    checker = Checker(load_knowledge_base())
    window.set_page("Check", CheckPage(checker))
    # No store in this build yet: the plan can be made and printed, not kept.
    planner = CorePlanner(load_catalog())
    plan_page = PlanPage(planner, None, undo_stack)
    window.set_page("Plan", plan_page)

    def new_plan() -> None:
        window.show_page("Plan")
        plan_page.new_plan()

    def print_plan() -> None:
        from benzoapp.gui.file_actions import print_plan as show_preview

        plan = plan_page.state.plan
        if plan is not None:
            show_preview(window, plan, planner.table_label(plan.settings.table))

    window.registry["file.new_plan"].triggered.connect(new_plan)
    window.registry["file.new_plan"].setEnabled(True)
    window.registry["file.print"].triggered.connect(print_plan)
    window.registry["file.print"].setEnabled(True)
    window.finish_loading()
    quit_when_loaded_if_asked(window)
