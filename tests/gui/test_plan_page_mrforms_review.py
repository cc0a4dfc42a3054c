"""The Plan page and modified-release products: the regimen text decides, parts refused."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QInputDialog
from pytestqt.qtbot import QtBot

from benzoapp.core.dose_parse import parse_regimen
from benzoapp.core.model import Plan, PlanSettings
from benzoapp.core.taper import build_plan
from benzoapp.gui.adapters import CorePlanner
from benzoapp.gui.plan_page import PlanPage

START = dt.date(2026, 1, 5)


@pytest.fixture
def page(real_plan_page: PlanPage) -> PlanPage:
    return real_plan_page


def test_half_an_xr_tablet_is_not_yet_understood(qtbot: QtBot, page: PlanPage) -> None:
    qtbot.keyClicks(page.regimen, "Xanax XR 1/2 tablet of 1 mg 08:00")
    assert page.state.plan is None
    message = page.regimen_message.text()
    assert message.startswith("Not yet: ")
    assert "must be swallowed whole, never split, crushed or cut" in message


def _units(plan: Plan | None, drug: str = "alprazolam") -> list[str]:
    assert plan is not None
    return [
        d.units for s in plan.steps if not s.history for d in s.doses if d.drug == drug and d.mg
    ]


def _reopen(qtbot: QtBot, core_planner: CorePlanner, plans, undo_stack) -> PlanPage:
    """A page as the app opens it: its own undo history, starting from the saved plan."""
    again = PlanPage(core_planner, plans, undo_stack, today=lambda: START)
    qtbot.addWidget(again)
    again.show()
    return again


def _save_xr_plan(qtbot: QtBot, core_planner: CorePlanner, plans, undo_stack) -> None:
    first = _reopen(qtbot, core_planner, plans, undo_stack)
    qtbot.keyClicks(first.regimen, "Xanax XR 1mg 08:00")
    assert first.state.settings.modified_release == ("alprazolam-xr",)
    qtbot.mouseClick(first.save_button, Qt.MouseButton.LeftButton)


def test_retyping_a_saved_xr_plan_as_the_ordinary_tablet_plans_ordinary_tablets(
    qtbot: QtBot, core_planner: CorePlanner, plans, undo_stack
) -> None:
    _save_xr_plan(qtbot, core_planner, plans, QUndoStack())
    page = _reopen(qtbot, core_planner, plans, undo_stack)
    assert page.regimen.text() == "alprazolam-xr 1mg 08:00"
    page.regimen.selectAll()
    qtbot.keyClicks(page.regimen, "alprazolam 1mg 08:00")
    assert page.regimen_message.text() == "✓ Understood: alprazolam 1 mg a day."
    assert page.state.settings.modified_release == ()
    units = _units(page.state.plan)
    assert units
    assert not any("XR" in u for u in units)
    assert "swallowed whole" not in page.plan_warnings.text()
    undo_stack.undo()  # back to the saved text: XR again
    assert page.regimen.text() == "alprazolam-xr 1mg 08:00"
    assert all(u.endswith(" XR") for u in _units(page.state.plan))


def test_a_reopened_xr_plan_keeps_xr_when_other_things_change(
    qtbot: QtBot, core_planner: CorePlanner, plans, undo_stack
) -> None:
    _save_xr_plan(qtbot, core_planner, plans, undo_stack)
    page = _reopen(qtbot, core_planner, plans, undo_stack)
    page.rate.setValue(20)  # a setting: the regimen text still names the product
    assert all(u.endswith(" XR") for u in _units(page.state.plan))
    qtbot.keyClicks(page.regimen, "; diazepam 2mg 22:00")  # the text still says XR
    assert all(u.endswith(" XR") for u in _units(page.state.plan))
    assert page.state.settings.modified_release == ("alprazolam-xr",)


def test_a_plan_with_the_product_chosen_apart_from_the_regimen_reopens_as_that_product(
    qtbot: QtBot, core_planner: CorePlanner, plans, undo_stack
) -> None:
    catalog = core_planner.catalog
    settings = PlanSettings(start=START, modified_release=("alprazolam-xr",))  # --modified-release
    plan = build_plan(parse_regimen("alprazolam 2mg 08:00", catalog), settings, catalog)
    plans.save(plan, "from the command line")
    page = _reopen(qtbot, core_planner, plans, undo_stack)
    assert page.regimen.text() == "alprazolam-xr 2mg 08:00"
    qtbot.keyClicks(page.regimen, "; diazepam 2mg 22:00")
    assert all(u.endswith(" XR") for u in _units(page.state.plan))


def test_replan_from_today_suggests_and_keeps_the_xr_product(
    qtbot: QtBot, core_planner: CorePlanner, plans, undo_stack, monkeypatch: pytest.MonkeyPatch
) -> None:
    _save_xr_plan(qtbot, core_planner, plans, undo_stack)
    page = _reopen(qtbot, core_planner, plans, undo_stack)
    page.start.setDate(page.start.date().addDays(-20))
    asked: list[str] = []

    def answer(*args: object, **kwargs: object) -> tuple[str, bool]:
        asked.append(str(args[4]))
        return str(args[4]), True

    monkeypatch.setattr(QInputDialog, "getText", answer)
    qtbot.mouseClick(page.replan_button, Qt.MouseButton.LeftButton)
    assert asked == ["alprazolam-xr 1mg 08:00"]
    replanned = page.state.plan
    assert replanned is not None
    assert any(s.history for s in replanned.steps)
    units = _units(replanned)
    assert units
    assert all(u.endswith(" XR") for u in units)


def test_ambien_in_a_cr_only_strength_says_how_to_write_it(qtbot: QtBot, page: PlanPage) -> None:
    qtbot.keyClicks(page.regimen, "Ambien 6.25mg 22:00")
    assert page.regimen_message.text() == "✓ Understood: zolpidem 6.25 mg a day."
    assert page.state.settings.modified_release == ()
    shown = page.plan_warnings.text()
    assert "exists only as zolpidem CR (Ambien CR)" in shown
    assert "Ambien CR 6.25mg 22:00" in shown
