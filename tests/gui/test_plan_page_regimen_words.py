"""The Plan page reads a regimen as people write it, through the core's parser, and
refuses an implausible dose in one line until it is confirmed."""

from __future__ import annotations

from decimal import Decimal

from pytestqt.qtbot import QtBot

from benzoapp.gui.plan_page import PlanPage


def test_words_and_am_pm_are_understood(qtbot: QtBot, real_plan_page: PlanPage) -> None:
    page = real_plan_page
    qtbot.keyClicks(page.regimen, "clonazepam 0.5 mg morning and 1 mg at 10pm")
    assert page.regimen_message.text() == "✓ Understood: clonazepam 1.5 mg a day."
    plan = page.state.plan
    assert plan is not None
    assert [(d.time, d.mg) for d in plan.regimen.doses] == [
        ("08:00", Decimal("0.5")),
        ("22:00", Decimal(1)),
    ]


def test_a_mg_for_mcg_slip_is_not_planned(qtbot: QtBot, real_plan_page: PlanPage) -> None:
    page = real_plan_page
    qtbot.keyClicks(page.regimen, "clonazepam 500mg 22:00")
    message = page.regimen_message.text()
    assert message.startswith("Not yet:")
    assert "500 mcg" in message
    assert page.state.plan is None
