"""The Plan page driven by keyboard and mouse: live validation, table, chart, undoable edits."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QInputDialog
from pytestqt.qtbot import QtBot

from benzoapp.gui.plan_dialogs import EditStepDialog
from benzoapp.gui.plan_model import COLUMNS
from benzoapp.gui.plan_page import PlanPage


@pytest.fixture
def page(qtbot: QtBot, planner, plans, undo_stack, today) -> PlanPage:
    widget = PlanPage(planner, plans, undo_stack, today=lambda: today)
    qtbot.addWidget(widget)
    widget.show()
    QAbstractItemModelTester(
        widget.model, QAbstractItemModelTester.FailureReportingMode.Fatal, widget
    )
    return widget


def cell(page: PlanPage, row: int, column: str) -> str:
    return page.proxy.index(row, COLUMNS.index(column)).data()


def test_typing_a_regimen_validates_and_builds_the_table(qtbot: QtBot, page: PlanPage) -> None:
    qtbot.keyClicks(page.regimen, "clonazepam 0.5 mg")
    assert page.regimen_message.text().startswith("Not yet:")
    assert page.model.rowCount() == 0
    qtbot.keyClicks(page.regimen, " 08:00")
    assert page.regimen_message.text() == "✓ Understood: clonazepam 0.5 mg a day."
    assert page.model.rowCount() > 1
    assert cell(page, 0, "Total") == "0.5 mg"
    assert cell(page, 1, "Total") == "0.45 mg"
    assert "steps from 0.5 mg" in page.chart.accessibleDescription()
    assert "approximate" in page.table_note.text()


def test_changing_the_rate_updates_table_and_shows_warning_with_source(
    qtbot: QtBot, page: PlanPage
) -> None:
    qtbot.keyClicks(page.regimen, "clonazepam 1 mg 08:00")
    rows_at_10 = page.model.rowCount()
    page.rate.setFocus()
    page.rate.selectAll()
    qtbot.keyClicks(page.rate, "20")
    qtbot.keyClick(page.rate, Qt.Key.Key_Tab)
    assert page.state.settings.rate_percent == Decimal(20)
    assert page.model.rowCount() < rows_at_10
    assert "▲ Caution: Faster than 10% per step" in page.plan_warnings.text()
    assert "Source: ASAM 2025 Rec. 6" in page.plan_warnings.text()
    # a warning caused by a step is shown in that step's row
    assert cell(page, 1, "Notes") == "◇ Note: A big first cut"  # the level's word leads
    assert cell(page, 1, "Step") == "2 ◇"
    page.table.setFocus()
    page.table.selectRow(1)
    assert "◇ Note: A big first cut Source: test" in page.step_details.text()
    assert page.step_details.text().startswith("Step 2: ")


def test_every_edit_is_undoable(qtbot: QtBot, page: PlanPage, undo_stack) -> None:
    qtbot.keyClicks(page.regimen, "clonazepam 1 mg 08:00")
    page.every.setValue(7)
    assert page.state.plan is not None
    assert page.state.plan.steps[1].start == page.state.plan.steps[0].start + dt.timedelta(7)
    undo_stack.undo()
    assert page.every.value() == 14
    assert page.state.settings.every_days == 14
    undo_stack.undo()
    assert page.regimen.text() == ""
    assert page.model.rowCount() == 0
    undo_stack.redo()
    assert page.regimen.text() == "clonazepam 1 mg 08:00"
    assert page.model.rowCount() > 0


def test_insert_hold_goes_through_core_and_undoes(
    qtbot: QtBot, page: PlanPage, undo_stack, monkeypatch: pytest.MonkeyPatch
) -> None:
    qtbot.keyClicks(page.regimen, "clonazepam 1 mg 08:00")
    rows = page.model.rowCount()
    page.table.selectRow(2)
    monkeypatch.setattr(QInputDialog, "getInt", lambda *a, **k: (10, True))
    qtbot.mouseClick(page.hold_button, Qt.MouseButton.LeftButton)
    assert page.model.rowCount() == rows + 1
    assert cell(page, 3, "Days") == "10"
    assert cell(page, 3, "Notes") == "Hold"
    assert undo_stack.undoText() == "Insert 10-day hold"
    undo_stack.undo()
    assert page.model.rowCount() == rows


def test_edit_step_dialog_changes_the_dose(
    qtbot: QtBot, page: PlanPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    qtbot.keyClicks(page.regimen, "clonazepam 1 mg 08:00")
    page.table.selectRow(1)

    def answer(dialog: EditStepDialog) -> int:
        dialog.amounts[0].setText("0.875")
        dialog.days.setValue(21)
        return EditStepDialog.DialogCode.Accepted

    monkeypatch.setattr(EditStepDialog, "exec", answer)
    qtbot.mouseClick(page.edit_button, Qt.MouseButton.LeftButton)
    assert cell(page, 1, "Total") == "0.875 mg"
    assert cell(page, 1, "Days") == "21"
    assert "Edited by hand" in cell(page, 1, "Notes")


def test_replan_from_today_and_use_plan_stores_it(
    qtbot: QtBot, page: PlanPage, plans, today, monkeypatch: pytest.MonkeyPatch
) -> None:
    qtbot.keyClicks(page.regimen, "clonazepam 1 mg 08:00")
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("clonazepam 0.75 mg 08:00", True))
    qtbot.mouseClick(page.replan_button, Qt.MouseButton.LeftButton)
    assert cell(page, 0, "Total") == "0.75 mg"
    assert page.state.plan is not None
    assert page.state.plan.steps[0].start == today
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert plans.active() == (1, page.state.plan)
    page.every.setValue(7)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert plans.active() == (1, page.state.plan)
    assert len(plans.versions) == 2


def test_sorting_by_total_uses_values(qtbot: QtBot, page: PlanPage) -> None:
    qtbot.keyClicks(page.regimen, "clonazepam 1 mg 08:00")
    page.table.sortByColumn(
        page.table.view_column(COLUMNS.index("Total")), Qt.SortOrder.AscendingOrder
    )
    assert cell(page, 0, "Total") == "0 mg"
    page.table.selectRow(0)
    assert page.selected_step() == page.model.rowCount() - 1
