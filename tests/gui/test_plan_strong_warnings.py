"""Strong cautions are seen: counted in a banner that goes to the first, named by word
in the step's row, and a held step says why in its row (real taper engine)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from benzoapp.core.model import WarningLevel
from benzoapp.gui.plan_model import COLUMNS
from benzoapp.gui.plan_page import PlanPage


def notes(page: PlanPage, row: int) -> str:
    return str(page.model.index(row, COLUMNS.index("Notes")).data())


def type_plan(qtbot: QtBot, page: PlanPage, regimen: str, every: int) -> None:
    page.regimen.setFocus()
    qtbot.keyClicks(page.regimen, regimen)
    page.every.setFocus()
    page.every.selectAll()
    qtbot.keyClicks(page.every, str(every))
    page.every.interpretText()


def test_banner_counts_strong_cautions_and_goes_to_the_first(
    qtbot: QtBot, real_plan_page: PlanPage
) -> None:
    page = real_plan_page
    type_plan(qtbot, page, "clonazepam 0.5mg 08:00", 14)
    plan = page.state.plan
    assert plan is not None
    strong = [w for w in plan.warnings if w.level is WarningLevel.STRONG]
    assert len(strong) == 2
    assert page.banner.isVisible()
    assert "■ Strong caution: 2 strong cautions in this plan." in page.banner_text.text()
    # By keyboard: the banner's button, then focus is on the first strong step.
    page.banner_button.setFocus()
    qtbot.keyClick(page.banner_button, Qt.Key.Key_Space)
    assert QApplication.focusWidget() is page.table
    assert page.selected_step() == strong[0].step_index
    assert strong[0].message in page.step_details.text()
    assert "Strong caution" in page.step_details.text()


def test_the_row_carries_the_level_word_and_a_hold_says_why(
    qtbot: QtBot, real_plan_page: PlanPage
) -> None:
    page = real_plan_page
    type_plan(qtbot, page, "clonazepam 0.5mg 08:00", 14)
    plan = page.state.plan
    assert plan is not None
    # Asked for 14 days, the first step lasts 98: its row says why.
    assert plan.steps[0].days == 98
    assert notes(page, 0).startswith("held 98 days: the form cannot make a smaller cut sooner")
    # A step with a strong caution: the word leads the row, not only a shape.
    for warning in plan.warnings:
        if warning.level is WarningLevel.STRONG and warning.step_index is not None:
            row = notes(page, warning.step_index)
            assert row.startswith("■ Strong caution: ")
            assert warning.message in row


def test_the_banner_goes_when_the_plan_goes(qtbot: QtBot, real_plan_page: PlanPage) -> None:
    page = real_plan_page
    type_plan(qtbot, page, "clonazepam 0.5mg 08:00", 14)
    assert page.banner.isVisible()
    page.regimen.setFocus()
    page.regimen.selectAll()
    qtbot.keyClick(page.regimen, Qt.Key.Key_Backspace)
    assert page.state.plan is None
    assert not page.banner.isVisible()
