"""The Plan page with modified-release products and a drug with no equivalence figure."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from benzoapp.gui.adapters import CorePlanner
from benzoapp.gui.plan_model import COLUMNS, NOT_AVAILABLE, STOP_TEXT
from benzoapp.gui.plan_page import PlanPage

START = dt.date(2026, 1, 5)


@pytest.fixture
def page(real_plan_page: PlanPage) -> PlanPage:
    return real_plan_page


def _column(page: PlanPage, name: str) -> list[str]:
    column = COLUMNS.index(name)
    # The table keeps amounts together with no-break spaces; read them as plain spaces.
    return [
        str(page.proxy.index(r, column).data()).replace("\u00a0", " ")
        for r in range(page.proxy.rowCount())
    ]


def test_typing_xanax_xr_plans_whole_xr_tablets_and_warns(qtbot: QtBot, page: PlanPage) -> None:
    qtbot.keyClicks(page.regimen, "Xanax XR 2mg 08:00")
    assert page.regimen_message.text() == (
        "✓ Understood: alprazolam 2 mg modified-release (whole tablets only) a day."
    )
    plan = page.state.plan
    assert plan is not None
    doses = [line for cell in _column(page, "Doses") for line in cell.split("\n")]
    taken = [line for line in doses if line != STOP_TEXT]
    assert taken
    assert all(line.endswith("XR)") and "/" not in line for line in taken)
    shown = page.plan_warnings.text()
    assert "must be swallowed whole, never split, crushed or cut" in shown
    assert "immediate-release alprazolam" in shown
    assert "ASAM 2025 Rec. 7" in shown


def test_the_same_text_without_xr_may_split(qtbot: QtBot, page: PlanPage) -> None:
    qtbot.keyClicks(page.regimen, "alprazolam 2mg 08:00")
    assert page.regimen_message.text() == "✓ Understood: alprazolam 2 mg a day."
    assert any("1/2 x" in cell or "1/4 x" in cell for cell in _column(page, "Doses"))
    assert "swallowed whole" not in page.plan_warnings.text()


def test_lunesta_is_planned_with_no_equivalent_shown(
    qtbot: QtBot, page: PlanPage, undo_stack
) -> None:
    qtbot.keyClicks(page.regimen, "Lunesta 3mg 22:00")
    plan = page.state.plan
    assert plan is not None
    assert _column(page, "Diazepam eq.") == [NOT_AVAILABLE] * len(plan.steps)
    assert _column(page, "Total") == ["3 mg", "2 mg", "1 mg", "0 mg"]
    assert "no diazepam equivalent" in page.table_note.text()
    assert "no diazepam-equivalent figure for eszopiclone" in page.plan_warnings.text()
    assert "mg of eszopiclone" in page.chart.axis_label()
    assert "diazepam equivalent)" not in page.chart.describe()
    undo_stack.undo()  # back to an empty regimen: the note speaks of equivalents again
    assert "approximate" in page.table_note.text()


def test_lunesta_with_another_drug_says_why_it_cannot_be_planned(
    qtbot: QtBot, page: PlanPage
) -> None:
    qtbot.keyClicks(page.regimen, "Lunesta 3mg 22:00; diazepam 5mg 08:00")
    assert page.state.plan is None
    assert page.regimen_message.text().startswith("Cannot plan this:")
    assert "cannot be counted with diazepam" in page.regimen_message.text()


def test_a_saved_xr_plan_reads_back_as_xr(
    qtbot: QtBot, core_planner: CorePlanner, plans, undo_stack
) -> None:
    first = PlanPage(core_planner, plans, undo_stack, today=lambda: START)
    qtbot.addWidget(first)
    qtbot.keyClicks(first.regimen, "Xanax XR 2mg 08:00")
    qtbot.mouseClick(first.save_button, Qt.MouseButton.LeftButton)
    again = PlanPage(core_planner, plans, undo_stack, today=lambda: START)
    qtbot.addWidget(again)
    assert again.regimen.text() == "alprazolam-xr 2mg 08:00"
    assert "modified-release (whole tablets only)" in again.regimen_message.text()
    qtbot.keyClicks(again.regimen, "; diazepam 2mg 22:00")  # an edit re-plans: still XR
    plan = again.state.plan
    assert plan is not None
    assert all(
        d.units.endswith("XR")
        for s in plan.steps
        for d in s.doses
        if d.drug == "alprazolam" and d.mg
    )
