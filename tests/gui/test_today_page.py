"""The Today page: ticking doses writes the log, amounts, next change, check-in, undo."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from benzoapp.core.model import Plan, PlanSettings, Regimen, RegimenDose, Step, StepDose
from benzoapp.gui.today_page import TodayPage


@pytest.fixture
def active_plan(planner, plans, today):
    regimen = planner.parse_regimen("clonazepam 0.25 mg 22:00; clonazepam 0.5 mg 08:00")
    plan = planner.build(regimen, PlanSettings(start=today - dt.timedelta(days=3)))
    plans.save(plan, "mine")
    return plan


@pytest.fixture
def page(qtbot: QtBot, *, plans, dose_log, journal, undo_stack, today, active_plan) -> TodayPage:
    widget = TodayPage(plans, dose_log, journal, undo_stack, today=lambda: today)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_shows_doses_by_time_and_next_change(page: TodayPage) -> None:
    assert page.heading.text() == "Today, Mon 2 Mar 2026"
    assert [r.label.text() for r in page.rows] == [
        "08:00   clonazepam 0.5 mg",
        "22:00   clonazepam 0.25 mg",
    ]
    assert page.next_change.text() == (
        "Next change: Fri 13 Mar 2026 — 0.675 mg a day (now 0.75 mg)."
    )


def test_ticking_a_dose_records_it_and_undo_removes_it(
    qtbot: QtBot, page: TodayPage, dose_log, undo_stack, today
) -> None:
    qtbot.mouseClick(page.rows[0].taken, Qt.MouseButton.LeftButton)
    (entry,) = dose_log.between(today, today)
    assert (entry.time, entry.drug, entry.taken_mg) == ("08:00", "clonazepam", Decimal("0.5"))
    assert page.rows[0].taken.isChecked()
    undo_stack.undo()
    assert dose_log.between(today, today) == []
    assert not page.rows[0].taken.isChecked()
    undo_stack.redo()
    assert page.rows[0].taken.isChecked()


def test_amount_really_taken_is_stored(
    qtbot: QtBot, page: TodayPage, dose_log, undo_stack, today
) -> None:
    row = page.rows[1]
    row.amount.selectAll()
    qtbot.keyClicks(row.amount, "0.125")
    qtbot.keyClick(row.taken, Qt.Key.Key_Space)
    (entry,) = dose_log.between(today, today)
    assert entry.taken_mg == Decimal("0.125")
    assert entry.planned_mg == Decimal("0.25")
    page.rows[1].amount.setFocus()
    page.rows[1].amount.selectAll()
    qtbot.keyClicks(page.rows[1].amount, "0.2")
    qtbot.keyClick(page.rows[1].amount, Qt.Key.Key_Return)
    (entry,) = dose_log.between(today, today)
    assert entry.taken_mg == Decimal("0.2")
    undo_stack.undo()
    (entry,) = dose_log.between(today, today)
    assert entry.taken_mg == Decimal("0.125")


def test_bad_amount_is_not_stored(qtbot: QtBot, page: TodayPage, dose_log, today) -> None:
    row = page.rows[0]
    row.amount.selectAll()
    qtbot.keyClicks(row.amount, "half")
    qtbot.mouseClick(row.taken, Qt.MouseButton.LeftButton)
    assert dose_log.between(today, today) == []
    assert not page.rows[0].taken.isChecked()
    # The core's own words (dose_parse), in full, beside the doses.
    assert page.dose_message.text().startswith('Not recorded: "half" is not a dose I can read')


def test_check_in_goes_to_the_journal(
    qtbot: QtBot, page: TodayPage, journal, undo_stack, today
) -> None:
    spin = page.symptoms["fatigue"]
    spin.selectAll()
    qtbot.keyClicks(spin, "6")
    qtbot.mouseClick(page.save_check_in, Qt.MouseButton.LeftButton)
    assert journal.get(today).symptoms["fatigue"] == 6
    undo_stack.undo()
    assert journal.get(today) is None
    assert page.symptoms["fatigue"].value() == 0


def test_warnings_in_force_are_shown(
    qtbot: QtBot, *, planner, plans, dose_log, journal, undo_stack, today, active_plan
) -> None:
    fast = planner.build(
        active_plan.regimen, replace(active_plan.settings, rate_percent=Decimal(20))
    )
    plans.save(fast, "fast")
    widget = TodayPage(plans, dose_log, journal, undo_stack, today=lambda: today)
    qtbot.addWidget(widget)
    assert (
        "▲ Caution: Faster than 10% per step (source: ASAM 2025 Rec. 6)" in widget.warnings.text()
    )
    assert "A big first cut" not in widget.warnings.text()  # a later step's warning


def test_without_a_plan_it_says_where_to_make_one(
    qtbot: QtBot, dose_log, journal, undo_stack, today
) -> None:
    widget = TodayPage(None, dose_log, journal, undo_stack, today=lambda: today)
    qtbot.addWidget(widget)
    assert widget.rows == []
    shown = [label.text() for label in widget.doses_group.findChildren(QLabel)]
    assert shown == ["No plan in use for today. Make one on the Plan page."]


def test_next_change_looks_past_a_hold(
    qtbot: QtBot, *, planner, plans, dose_log, journal, undo_stack, today, active_plan
) -> None:
    held = planner.insert_hold(active_plan, 0, 7)
    plans.save(held, "held")
    widget = TodayPage(plans, dose_log, journal, undo_stack, today=lambda: today)
    qtbot.addWidget(widget)
    assert widget.next_change.text() == (
        "Next change: Fri 20 Mar 2026 — 0.675 mg a day (now 0.75 mg). "
        "Before it, a hold keeps today's doses for longer."
    )


def test_ticking_by_keyboard_keeps_the_focus_in_place(
    qtbot: QtBot, page: TodayPage, dose_log, today
) -> None:
    page.activateWindow()
    qtbot.waitActive(page)
    box = page.rows[1].taken
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Space)
    assert page.rows[1].taken is box  # updated in place, not rebuilt
    assert box.hasFocus()
    assert box.isChecked()
    assert [e.time for e in dose_log.between(today, today)] == ["22:00"]


def test_the_page_turns_to_a_new_day_by_itself(
    qtbot: QtBot, *, plans, dose_log, journal, undo_stack, today, active_plan
) -> None:
    days = [today]
    widget = TodayPage(plans, dose_log, journal, undo_stack, today=lambda: days[0])
    qtbot.addWidget(widget)
    days[0] = today + dt.timedelta(days=1)
    widget._day_timer.timeout.emit()
    assert widget.heading.text() == "Today, Tue 3 Mar 2026"


def _crossover_plan(start: dt.date) -> Plan:
    """Clonazepam at night is switched to diazepam: the mg sum jumps, the dose does not."""

    def step(index: int, night: StepDose, equivalent: str) -> Step:
        morning = StepDose("clonazepam", "08:00", Decimal("0.5"), "1 x 0.5 mg")
        return Step(
            index, start + dt.timedelta(days=14 * index), 14, (morning, night), Decimal(equivalent)
        )

    steps = (
        step(0, StepDose("clonazepam", "22:00", Decimal(1), "1 x 1 mg"), "30"),
        step(1, StepDose("diazepam", "22:00", Decimal(20), "2 x 10 mg"), "30"),
    )
    regimen = Regimen(
        (
            RegimenDose("clonazepam", "08:00", Decimal("0.5")),
            RegimenDose("clonazepam", "22:00", Decimal(1)),
        )
    )
    return Plan(regimen, PlanSettings(start=start, crossover_to="diazepam"), steps)


def test_a_crossover_is_announced_by_drug_never_as_a_sum_of_milligrams(
    qtbot: QtBot, *, plans, dose_log, journal, undo_stack, today
) -> None:
    plans.save(_crossover_plan(today - dt.timedelta(days=3)), "crossover")
    widget = TodayPage(plans, dose_log, journal, undo_stack, today=lambda: today)
    qtbot.addWidget(widget)
    text = widget.next_change.text()
    assert text == (
        "Next change: Fri 13 Mar 2026 — clonazepam 0.5 mg, diazepam 20 mg a day "
        "(now clonazepam 1.5 mg)."
    )
    assert "20.5" not in text
