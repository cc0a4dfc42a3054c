"""What a screen reader hears, read through Qt's accessibility interface in-process.

On the real window with a year of demo data: every focus stop on every page and in every
dialog has a spoken name; a combo box or date field is announced by its label, never by
its value alone; every table exposes its column headers with their names.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDateTimeEdit,
    QLabel,
    QTableView,
    QWidget,
)

from benzoapp.app import attach_data, create_window
from benzoapp.gui.accessibility import (
    label_name,
    labelled_by,
    name_fields_from_labels,
    spoken_name,
)
from benzoapp.gui.keyboard import focus_stops
from benzoapp.gui.main_window import PAGE_TITLES, MainWindow
from benzoapp.store import open_store
from benzoapp.store.demo import fill_demo

pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support (raise|grabbing the keyboard|propagateSizeHints)"
)


@pytest.fixture(scope="module")
def window(qapp: QApplication, tmp_path_factory: pytest.TempPathFactory) -> Iterator[MainWindow]:
    template = tmp_path_factory.mktemp("names-template")
    with open_store(template) as store:
        fill_demo(store)
    folder = tmp_path_factory.mktemp("names") / "data"
    shutil.copytree(template, folder)
    win, undo_stack = create_window(qapp, folder)
    win.resize(1280, 800)
    win.show()
    QTest.qWaitForWindowExposed(win)
    win.dismiss_welcome()
    attach_data(win, folder, undo_stack)
    QApplication.processEvents()
    yield win
    win.close()
    win.deleteLater()
    qapp.aboutToQuit.emit()


def _buddy_labels(root: QWidget) -> dict[int, str]:
    return {
        id(label.buddy()): label_name(label.text())
        for label in root.findChildren(QLabel)
        if label.buddy() is not None
    }


def _value(widget: QWidget) -> str:
    if isinstance(widget, QComboBox):
        return widget.currentText()
    if isinstance(widget, QAbstractSpinBox):
        return widget.text()
    return ""


def name_problems(root: QWidget) -> list[str]:
    problems = []
    labels = _buddy_labels(root)
    for stop in focus_stops(root):
        name = spoken_name(stop)
        kind = type(stop).__name__
        if not name.strip():
            problems.append(f"{kind} has no spoken name")
            continue
        if isinstance(stop, QComboBox | QDateTimeEdit):
            label = labels.get(id(stop))
            heard = [name, stop.accessibleName(), *(label_name(t) for t in labelled_by(stop))]
            if not label and name == _value(stop) and not stop.accessibleName():
                problems.append(f"{kind} is announced by its value {name!r} alone")
            if label and not any(label.lower() in h.lower() for h in heard if h):
                problems.append(f"{kind} {name!r} is not announced by its label {label!r}")
    return problems


def header_problems(root: QWidget) -> list[str]:
    problems = []
    for table in root.findChildren(QTableView):
        if not table.isVisible() or table.model() is None:
            continue
        if not spoken_name(table):
            problems.append("a table has no spoken name")
        interface = QAccessible.queryAccessibleInterface(table)
        headers = [
            interface.child(n).text(QAccessible.Text.Name)
            for n in range(interface.childCount())
            if interface.child(n).role() == QAccessible.Role.ColumnHeader
        ]
        model = table.model()
        wanted = [
            str(model.headerData(c, Qt.Orientation.Horizontal) or "").replace("\n", " ")
            for c in range(model.columnCount())
            if not table.isColumnHidden(c)
        ]
        spoken = [h.replace("\n", " ") for h in headers]
        if not wanted or spoken[: len(wanted)] != wanted:
            problems.append(f"{spoken_name(table)!r} headers {spoken} instead of {wanted}")
    return problems


@pytest.mark.parametrize("title", PAGE_TITLES)
def test_every_focus_stop_is_named_and_fields_are_announced_by_their_label(
    window: MainWindow, title: str
) -> None:
    window.show_page(title)
    QApplication.processEvents()
    page = window.pages[title]
    assert focus_stops(page)
    assert name_problems(page) == []
    assert name_problems(window.navigation.parentWidget()) == []  # the section list too


# Medications and Check show a compact list (name, level) beside a detail pane, not a table.
@pytest.mark.parametrize("title", ["Plan"])
def test_tables_expose_their_column_headers(window: MainWindow, title: str) -> None:
    window.show_page(title)
    QApplication.processEvents()
    assert window.pages[title].findChildren(QTableView)
    assert header_problems(window.pages[title]) == []


def test_dialogs_name_every_stop(window: MainWindow) -> None:
    from benzoapp.gui.preferences_dialog import PreferencesDialog

    assert window.prefs is not None
    dialog = PreferencesDialog(window.prefs, window)
    dialog.show()
    QApplication.processEvents()
    assert name_problems(dialog) == []
    dialog.reject()


def test_a_combo_box_without_a_name_is_announced_by_its_label(qtbot) -> None:
    from PySide6.QtWidgets import QDateEdit, QFormLayout

    host = QWidget()
    qtbot.addWidget(host)
    form = QFormLayout(host)
    combo = QComboBox()
    combo.addItems(["Tablets", "Liquid"])
    date = QDateEdit()
    combo_label = QLabel("&Form:")
    combo_label.setBuddy(combo)
    date_label = QLabel("S&tart && end:")
    date_label.setBuddy(date)
    form.addRow(combo_label, combo)
    form.addRow(date_label, date)
    unlabelled = QComboBox()
    unlabelled.addItems(["Tablets"])
    form.addRow(unlabelled)
    host.show()
    qtbot.waitExposed(host)
    assert spoken_name(unlabelled) == "Tablets"  # Qt alone reads the value
    assert labelled_by(combo) == ["Form:"]  # the buddy is the "labelled by" relation
    assert any("alone" in p for p in name_problems(host))
    name_fields_from_labels(host)
    assert combo.accessibleName() == "Form"
    assert spoken_name(date) == "Start & end"
    unlabelled.setAccessibleName("Form of the medicine")
    assert name_problems(host) == []
