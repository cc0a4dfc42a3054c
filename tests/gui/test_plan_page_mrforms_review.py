"""The Plan page and modified-release products: the regimen text decides, parts refused."""

from __future__ import annotations

import datetime as dt

import pytest
from pytestqt.qtbot import QtBot

from benzoapp.core.drugs import load_catalog
from benzoapp.gui.adapters import CorePlanner
from benzoapp.gui.plan_page import PlanPage

START = dt.date(2026, 1, 5)


@pytest.fixture(scope="module")
def core_planner() -> CorePlanner:
    return CorePlanner(load_catalog())


@pytest.fixture
def page(qtbot: QtBot, core_planner: CorePlanner, plans, undo_stack) -> PlanPage:
    widget = PlanPage(core_planner, plans, undo_stack, today=lambda: START)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_half_an_xr_tablet_is_not_yet_understood(qtbot: QtBot, page: PlanPage) -> None:
    qtbot.keyClicks(page.regimen, "Xanax XR 1/2 tablet of 1 mg 08:00")
    assert page.state.plan is None
    message = page.regimen_message.text()
    assert message.startswith("Not yet: ")
    assert "must be swallowed whole, never split, crushed or cut" in message
