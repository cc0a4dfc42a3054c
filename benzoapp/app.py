"""Composition root: builds the services and the window, and wires them in one place.

Order matters for start-up time: the window (with empty pages) is shown first; the data
folder is opened and the heavy modules (SQLAlchemy, the taper engine, the checker) are
imported only after the first paint, then the real pages take their places.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from benzoapp import APP_NAME, __version__
from benzoapp.paths import resolve_data_dir

if TYPE_CHECKING:
    from PySide6.QtGui import QAction, QUndoStack
    from PySide6.QtWidgets import QApplication, QWidget

    from benzoapp.core.cautions import Checker
    from benzoapp.core.model import Plan
    from benzoapp.gui.adapters import CorePlanner
    from benzoapp.gui.journal_page import JournalPage
    from benzoapp.gui.main_window import MainWindow
    from benzoapp.gui.medications_page import MedicationsPage
    from benzoapp.gui.plan_page import PlanPage
    from benzoapp.gui.today_page import TodayPage
    from benzoapp.store.facade import Store


def run_gui(data_dir: str | None, argv: list[str] | None = None) -> int:
    """Open the main window on the chosen data folder and run until it closes."""
    from benzoapp.gui import crash
    from benzoapp.gui.first_paint import after_first_paint, quit_on_first_paint_if_asked
    from benzoapp.gui.qt_app import make_application
    from benzoapp.gui.single_instance import InstanceServer, hand_over, start_instance_server

    folder = resolve_data_dir(data_dir)
    problem = data_folder_problem(folder)
    app = make_application(argv if argv is not None else sys.argv[:1])
    if problem:
        show_folder_problem(problem)
        return 2
    if hand_over(folder):
        print(f"{APP_NAME} is already open on {folder}; it has been brought forward.")
        return 0
    fault_stream = crash.install(folder)
    window, undo_stack = create_window(app, folder)
    servers: list[InstanceServer] = []

    def after_paint() -> None:
        server = start_instance_server(folder, app, window.bring_forward)
        if server is not None:
            servers.append(server)
        attach_data(window, folder, undo_stack, staged=True)

    quit_on_first_paint_if_asked(window)
    after_first_paint(window, after_paint)
    window.show()
    try:
        return app.exec()
    finally:
        for server in servers:
            server.close()
        crash.disable_faulthandler(fault_stream)


def data_folder_problem(folder: Path) -> str:
    """Why the data folder cannot be used, in plain words; empty when it is fine.

    Checked before anything else opens, so a path that names a file, or a folder that
    cannot be created, gets a calm message instead of a crash.
    """
    from benzoapp.core.errors import InputError
    from benzoapp.paths import check_data_folder

    try:
        check_data_folder(folder)
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)  # the person's eyes only
    except InputError as error:
        return str(error)
    except OSError as error:
        return f"The data folder {folder} cannot be created ({error.strerror or error})."
    return ""


def show_folder_problem(message: str) -> None:
    """A quiet information box (no alarm icon): nothing was changed, here is what to do."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Information, APP_NAME, message)
    box.setInformativeText("Nothing was changed. BenzoApp will close now.")
    box.exec()


def create_window(app: QApplication, folder: Path) -> tuple[MainWindow, QUndoStack]:
    """Names, preferences, theme and the (still empty) main window with its undo stack."""
    from PySide6.QtGui import QUndoStack

    from benzoapp.gui.app_icon import app_icon
    from benzoapp.gui.main_window import MainWindow
    from benzoapp.gui.preferences import Preferences
    from benzoapp.gui.theme import TextSize, ThemeName, apply_theme

    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName(APP_NAME)
    app.setWindowIcon(app_icon())
    prefs = Preferences(folder)
    apply_theme(
        app, ThemeName(str(prefs.get("view/theme"))), TextSize(str(prefs.get("view/text_size")))
    )
    undo_stack = QUndoStack(app)
    return MainWindow(undo_stack=undo_stack, prefs=prefs), undo_stack


def attach_data(
    window: MainWindow, folder: Path, undo_stack: QUndoStack, *, staged: bool = False
) -> None:
    """Open the data and put the real pages in place (after the first paint).

    Today comes first: it needs only the store. With ``staged`` (the running app), Today
    first shows the person's day from a read-only snapshot read with plain sqlite3 (when
    the file needs no upgrade), before SQLAlchemy is even imported; the store opens on
    the next turn of the event loop and Today is handed to it. The other sections, which
    load the drug data, the knowledge base and the journal catalogue, follow on the turn
    after. Every service is built here and handed to the page that needs it; the
    connections between pages and menus are all in ``_connect``.
    """
    from PySide6.QtCore import QTimer

    from benzoapp.gui.first_paint import quit_when_loaded_if_asked

    early = _today_read_only(window, folder, undo_stack) if staged else None
    if early is None:
        _attach_store(window, folder, undo_stack, staged=staged)
        return
    if quit_when_loaded_if_asked(window, "today"):
        return
    QTimer.singleShot(
        0, window, lambda: _attach_store(window, folder, undo_stack, staged=True, today=early)
    )


def _today_read_only(window: MainWindow, folder: Path, undo_stack: QUndoStack) -> TodayPage | None:
    """Today from the start-up snapshot, its writing controls disabled; None if unavailable."""
    from benzoapp.gui.today_page import TodayPage
    from benzoapp.store.quick_read import read_today

    snapshot = read_today(folder, dt.date.today())
    if snapshot is None:
        return None
    undo_stack.clear()
    today = TodayPage.read_only(snapshot, undo_stack)
    window.set_page("Today", today)
    return today


def _attach_store(
    window: MainWindow,
    folder: Path,
    undo_stack: QUndoStack,
    *,
    staged: bool,
    today: TodayPage | None = None,
) -> None:
    """Open the store, give Today its repositories, then the other sections.

    ``today`` is the read-only page already shown, if any: it is handed the store's
    repositories rather than replaced, so the rows the person sees stay as they are. If
    the store cannot be opened it stays read-only (it shows what the file holds, and
    nothing can be written).
    """
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from benzoapp.gui.first_paint import quit_when_loaded_if_asked
    from benzoapp.gui.today_page import TodayPage

    store = _open_store_or_explain(window, folder)
    if store is None:
        window.finish_loading()
        return
    from benzoapp.gui import crash

    for notice in store.notices:  # e.g. a data folder others can read: said once, logged
        window.statusBar().showMessage(notice, 15_000)
        crash.log.warning(notice)
    app = QApplication.instance()
    if app is not None:
        app.aboutToQuit.connect(store.close)
    undo_stack.clear()
    # A folder that cannot be written: Today is read-only from the moment it has the
    # store, not a turn of the event loop later, so its ticks never look usable.
    if today is None:
        today = TodayPage(store.plans, store.dose_log, store.journal, undo_stack)
        if store.read_only:
            today.set_read_only(store.read_only_reason)
        window.set_page("Today", today)
        if quit_when_loaded_if_asked(window, "today"):
            return
    else:
        today.attach(store.plans, store.dose_log, store.journal)
        if store.read_only:
            today.set_read_only(store.read_only_reason)
    page = today

    def rest() -> None:
        _attach_rest(window, store, page, folder=folder, undo_stack=undo_stack)

    if staged:
        QTimer.singleShot(0, rest)
    else:
        rest()


def _attach_rest(
    window: MainWindow, store: Store, today: TodayPage, *, folder: Path, undo_stack: QUndoStack
) -> None:
    """Plan, Medications & supplements, Check and Journal, then all the wiring."""
    from benzoapp.core.cautions import Checker, load_knowledge_base
    from benzoapp.core.drugs import load_catalog
    from benzoapp.core.journal import load_catalogue
    from benzoapp.gui.adapters import CheckerLookup, CorePlanner
    from benzoapp.gui.check_page import CheckPage
    from benzoapp.gui.first_paint import quit_when_loaded_if_asked
    from benzoapp.gui.journal_page import JournalPage
    from benzoapp.gui.medications_page import MedicationsPage
    from benzoapp.gui.plan_page import PlanPage

    checker = Checker(load_knowledge_base())
    profile = store.profile.get()
    planner = CorePlanner(load_catalog(), profile)
    lookup = CheckerLookup(checker)
    operations = today.operations  # one announcement for every page
    pages = Pages(
        today=today,
        plan=PlanPage(planner, store.plans, undo_stack, operations=operations),
        medications=MedicationsPage(
            store.medications, lookup, undo_stack, plans=store.plans, operations=operations
        ),
        check=CheckPage(checker, plans=store.plans),
        journal=JournalPage(
            load_catalogue(),
            store.journal,
            store.plans,
            undo_stack,
            profile=profile,
            operations=operations,
        ),
    )
    window.set_page("Plan", pages.plan)
    _follow_country(window, pages.plan)
    window.set_page("Medications & supplements", pages.medications)
    window.set_page("Check", pages.check)
    window.set_page("Journal", pages.journal)
    # Today's warnings about what is taken: the same regimen check as Medications.
    today.regimen_flags.attach(
        lambda: lookup.check_regimen([m for _, m in store.medications.list()], _active_plan(store))
    )
    _connect(window, store, planner, pages, checker=checker, folder=folder, undo_stack=undo_stack)
    if store.read_only:  # a folder that cannot be written: show everything, save nothing
        for page in (pages.plan, pages.medications, pages.journal):  # Today already is
            page.set_read_only(store.read_only_reason)
        window.show_read_only(store.read_only_reason)
    window.finish_loading()
    quit_when_loaded_if_asked(window, "all")


def _follow_country(window: MainWindow, plan_page: PlanPage) -> None:
    """Plans use the products of the country chosen in Preferences: new plans at once,
    the plan on screen re-made (undoably) when the person changes it there."""
    from benzoapp.gui.preferences import COUNTRY

    prefs = window.prefs
    if prefs is None:
        return
    plan_page.set_country(str(prefs.get(COUNTRY.key)))
    # Connected after the window's own handler, so this runs once the dialog is closed.
    window.registry["edit.preferences"].triggered.connect(
        lambda: plan_page.set_country(str(prefs.get(COUNTRY.key)), replan=True)
    )


def _active_plan(store: Store) -> Plan | None:
    found = store.plans.active()
    return found[1] if found else None


@dataclass
class Pages:
    """The pages built from the data, so the wiring can name them."""

    today: TodayPage
    plan: PlanPage
    medications: MedicationsPage
    check: QWidget
    journal: JournalPage


def _connect(
    window: MainWindow,
    store: Store,
    planner: CorePlanner,
    pages: Pages,
    *,
    checker: Checker,
    folder: Path,
    undo_stack: QUndoStack,
) -> None:
    """Every connection between pages, menus and the data, in one readable place."""
    from PySide6.QtWidgets import QMessageBox

    from benzoapp.gui import file_actions

    actions = window.registry
    # Every page follows the store through one announcement (gui/operations.py): each
    # page connected its own handler when it was given the shared Operations. Today's
    # regimen flags follow the list and the plan in use the same way.
    today_flags = pages.today.regimen_flags
    pages.today.operations.changed.connect(today_flags.follow)

    def new_plan() -> None:
        window.show_page("Plan")
        pages.plan.new_plan()

    def current_plan() -> Plan | None:
        found = store.plans.active()
        return pages.plan.state.plan or (found[1] if found else None)

    def print_plan() -> None:
        plan = current_plan()
        if plan is not None:
            file_actions.print_plan(window, plan, planner.table_label(plan.settings.table))

    def export_pdf() -> None:
        plan = current_plan()
        if plan is None:
            return
        from benzoapp.gui.report_export import render_pdf
        from benzoapp.report.gather import gather_report_data

        data = gather_report_data(
            plan,
            catalog=planner.catalog,
            kb=checker.kb,
            checker=checker,
            profile=store.profile.get(),
            medications=[m for _, m in store.medications.list()],
            journal=store.journal.all(),
        )
        suggested = Path.home() / f"taper-plan-{dt.date.today().isoformat()}.pdf"
        saved = file_actions.export_pdf(window, lambda: render_pdf(data), suggested)
        if saved is not None:
            window.statusBar().showMessage(f"Saved {saved}", 8000)

    def back_up() -> None:
        path = store.backup_now("manual", keep=window.keep_backups())
        window.statusBar().showMessage(f"Backed up to {path}", 8000)

    def restore() -> None:
        picked = file_actions.choose_backup(window, store.list_backups())
        if picked is None:
            return
        from benzoapp.store import StoreError, restore_backup

        store.close()
        try:
            restore_backup(folder, picked)
        except StoreError as error:
            QMessageBox.warning(window, "Restore", str(error))
        attach_data(window, folder, undo_stack)

    for action_id, slot in (
        ("file.new_plan", new_plan),
        ("file.export_pdf", export_pdf),
        ("file.print", print_plan),
        ("file.backup", back_up),
        ("file.restore", restore),
    ):
        action = actions[action_id]
        action.setEnabled(True)
        _reconnect(action, slot)


def _reconnect(action: QAction, slot: Callable[[], None]) -> None:
    """Point an action at a new slot (after a restore the data objects are new)."""
    with contextlib.suppress(RuntimeError, TypeError):
        action.triggered.disconnect()
    action.triggered.connect(slot)


def _open_store_or_explain(window: MainWindow, folder: Path) -> Store | None:
    """Open the data; if it cannot be used, say why calmly and offer the backups."""
    from PySide6.QtWidgets import QMessageBox

    from benzoapp.gui.file_actions import choose_backup
    from benzoapp.store import StoreError, open_store, restore_backup

    while True:
        try:
            return open_store(folder, keep_backups=window.keep_backups())
        except StoreError as error:
            box = QMessageBox(window)
            box.setWindowTitle("Your data could not be opened")
            box.setText(error.plain_message)
            box.setInformativeText(
                "Nothing has been changed. You can restore a backup, or close BenzoApp "
                "and ask for help with the file."
            )
            restore_button = box.addButton("Restore a backup…", QMessageBox.ButtonRole.AcceptRole)
            box.addButton("Close", QMessageBox.ButtonRole.RejectRole)
            restore_button.setEnabled(bool(error.backups))
            box.exec()
            if box.clickedButton() is not restore_button:
                return None
            picked = choose_backup(window, list(error.backups))
            if picked is None:
                return None
            try:
                restore_backup(folder, picked)
            except StoreError as again:
                QMessageBox.warning(window, "Restore", str(again))
                return None
