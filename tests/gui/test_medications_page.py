"""Medications & supplements: adding goes through the checker, levels shown in words."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QAbstractItemModelTester
from pytestqt.qtbot import QtBot

from benzoapp.core.model import Medication
from benzoapp.gui.medications_page import MedicationsPage

# The completer's popup asks the offscreen platform for things it cannot do.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing the keyboard)")


@pytest.fixture
def page(qtbot: QtBot, medications, checker, undo_stack) -> MedicationsPage:
    medications.add(Medication("magnesium", kind="supplement"))
    widget = MedicationsPage(medications, checker, undo_stack)
    qtbot.addWidget(widget)
    widget.show()
    QAbstractItemModelTester(
        widget.model, QAbstractItemModelTester.FailureReportingMode.Fatal, widget
    )
    return widget


def shown(page: MedicationsPage, row: int) -> list[str]:
    return [page.model.index(row, c).data() for c in range(page.model.columnCount())]


def test_lists_what_is_taken_with_badge_and_reason(page: MedicationsPage) -> None:
    assert shown(page, 0) == [
        "magnesium",
        "Supplement",
        "",
        "● Supportive",
        "Matched magnesium. Often tolerated Source: doc B",
    ]


def test_adding_checks_first_then_stores_and_undoes(
    qtbot: QtBot, page: MedicationsPage, medications, undo_stack
) -> None:
    qtbot.keyClicks(page.name, "Ciprofloxacin")
    qtbot.keyClicks(page.dose, "500 mg")
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    assert page.result.text().startswith("▲ Caution — Ciprofloxacin: Matched ciprofloxacin.")
    assert [m.name for _, m in medications.list()] == ["magnesium", "Ciprofloxacin"]
    assert shown(page, 1)[3] == "▲ Caution"
    assert page.name.text() == ""
    undo_stack.undo()
    assert [m.name for _, m in medications.list()] == ["magnesium"]
    assert page.model.rowCount() == 1
    undo_stack.redo()
    assert page.model.rowCount() == 2


def test_an_unknown_name_is_not_covered_never_fine(
    qtbot: QtBot, page: MedicationsPage, medications
) -> None:
    qtbot.keyClicks(page.name, "zzzherb")
    qtbot.keyClick(page.name, Qt.Key.Key_Return)
    assert page.result.text().startswith("? Not covered — zzzherb")
    assert shown(page, 1)[3] == "? Not covered"


def test_completion_offers_names_as_you_type(qtbot: QtBot, page: MedicationsPage) -> None:
    qtbot.keyClicks(page.name, "cip")
    assert page.name.completer().model().stringList() == ["ciprofloxacin"]


def test_remove_is_undoable(qtbot: QtBot, page: MedicationsPage, medications, undo_stack) -> None:
    page.table.selectRow(0)
    qtbot.mouseClick(page.remove_button, Qt.MouseButton.LeftButton)
    assert medications.list() == []
    undo_stack.undo()
    assert [m.name for _, m in medications.list()] == ["magnesium"]
