"""The Plan page on the real taper engine: typing, settings, holds and edits end to end."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog
from pytestqt.qtbot import QtBot

from benzoapp.gui.plan_model import COLUMNS, STOP_TEXT
from benzoapp.gui.plan_page import PlanPage

START = dt.date(2026, 1, 5)


@pytest.fixture
def page(real_plan_page: PlanPage) -> PlanPage:
    return real_plan_page


def test_real_regimen_is_validated_as_typed_and_planned(qtbot: QtBot, page: PlanPage) -> None:
    qtbot.keyClicks(page.regimen, "Klonopin 0.5mg")
    assert page.regimen_message.text().startswith("Not yet:")
    qtbot.keyClicks(page.regimen, " 08:00")
    assert page.regimen_message.text() == "✓ Understood: clonazepam 0.5 mg a day."
    plan = page.state.plan
    assert plan is not None
    assert plan.steps[0].total_mg == Decimal("0.5")
    assert plan.steps[-1].total_mg == 0
    assert page.model.rowCount() == len(plan.steps)
    assert "Ashton" in page.table_note.text()
    assert "approximate" in page.table_note.text()


def test_a_fast_rate_brings_a_warning_with_its_source(qtbot: QtBot, page: PlanPage) -> None:
    qtbot.keyClicks(page.regimen, "diazepam 10mg 08:00")
    page.rate.setValue(25.0)
    plan = page.state.plan
    assert plan is not None
    shown = page.plan_warnings.text() + " ".join(
        str(page.proxy.index(r, COLUMNS.index("Notes")).data())
        for r in range(page.proxy.rowCount())
    )
    assert plan.warnings
    for warning in plan.warnings:
        assert warning.message in shown


def test_hold_and_undo_on_the_real_engine(
    qtbot: QtBot, page: PlanPage, undo_stack, monkeypatch: pytest.MonkeyPatch
) -> None:
    qtbot.keyClicks(page.regimen, "diazepam 10mg 08:00")
    before = page.state.plan
    assert before is not None
    page.table.selectRow(1)
    monkeypatch.setattr(QInputDialog, "getInt", lambda *a, **k: (7, True))
    qtbot.mouseClick(page.hold_button, Qt.MouseButton.LeftButton)
    after = page.state.plan
    assert after is not None
    assert after.end_date == before.end_date + dt.timedelta(days=7)
    undo_stack.undo()
    assert page.state.plan == before


def test_replan_suggests_todays_doses_and_keeps_history(
    qtbot: QtBot, page: PlanPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    qtbot.keyClicks(page.regimen, "diazepam 10mg 08:00")
    page.start.setDate(page.start.date().addDays(-20))
    plan = page.state.plan
    assert plan is not None
    running = next(s for s in plan.steps if s.start <= START <= s.end)
    asked: list[str] = []

    def answer(*args: object, **kwargs: object) -> tuple[str, bool]:
        asked.append(str(args[4]))
        return str(args[4]), True

    monkeypatch.setattr(QInputDialog, "getText", answer)
    qtbot.mouseClick(page.replan_button, Qt.MouseButton.LeftButton)
    expected = f"diazepam {format(running.total_mg.normalize(), 'f')}mg 08:00"
    assert asked == [expected]
    replanned = page.state.plan
    assert replanned is not None
    assert any(s.history for s in replanned.steps)
    assert "Before the re-plan" in page.proxy.index(0, COLUMNS.index("Notes")).data()


def test_the_last_row_says_none_from_here_on(qtbot: QtBot, page: PlanPage) -> None:
    qtbot.keyClicks(page.regimen, "diazepam 5mg 22:00")
    last = page.model.rowCount() - 1
    cells = {name: page.model.index(last, COLUMNS.index(name)).data() for name in COLUMNS}
    assert cells["Doses"] == STOP_TEXT
    assert cells["Days"] == "–"
    assert cells["To"] == "–"
    before = page.model.index(last - 1, COLUMNS.index("Doses")).data()
    assert before != STOP_TEXT
    assert "diazepam" in before


def test_a_crossover_plan_never_adds_milligrams_of_two_drugs(qtbot: QtBot, page: PlanPage) -> None:
    qtbot.keyClicks(page.regimen, "clonazepam 0.5mg 08:00; clonazepam 1mg 22:00")
    page.crossover.setCurrentIndex(page.crossover.findData("diazepam"))
    plan = page.state.plan
    assert plan is not None
    mixed = next(
        i for i, s in enumerate(plan.steps) if len({d.drug for d in s.doses if d.mg > 0}) > 1
    )
    total = COLUMNS.index("Total")
    assert {page.model.index(r, total).data() for r in range(page.model.rowCount())} == {"–"}
    tip = page.model.index(mixed, total).data(Qt.ItemDataRole.ToolTipRole)
    assert "do not add up" in tip
    details = page.model.details(mixed)
    first_line = details.splitlines()[0]
    assert "clonazepam" in first_line
    assert "diazepam" in first_line
    assert f"{plan.steps[mixed].total_mg.normalize():f} mg" not in first_line
