"""The Journal page: a day typed in is stored (undoably) and drawn with the doses behind."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QScrollArea
from pytestqt.qtbot import QtBot

from benzoapp.core.journal import load_catalogue
from benzoapp.core.model import JournalDay, PlanSettings
from benzoapp.gui.journal_page import JournalPage


@pytest.fixture
def page(qtbot: QtBot, *, journal, plans, planner, undo_stack, today) -> JournalPage:
    regimen = planner.parse_regimen("clonazepam 1 mg 08:00")
    plans.save(planner.build(regimen, PlanSettings(start=today - dt.timedelta(days=30))), "p")
    for back in range(1, 15):
        day = today - dt.timedelta(days=back)
        journal.save_day(JournalDay(day, {"fatigue": 3 + back % 3, "pain": 2}))
    widget = JournalPage(load_catalogue(), journal, plans, undo_stack, today=lambda: today)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_typing_a_day_and_saving_stores_it_and_undo_restores(
    qtbot: QtBot, page: JournalPage, journal, undo_stack, today
) -> None:
    spin = page.entry.spin_box("fatigue")
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, "7")
    qtbot.keyClicks(page.entry.notes_edit, "walked to the shop")
    qtbot.keyClick(page.entry.notes_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    saved = journal.get(today)
    assert saved is not None
    assert saved.symptoms["fatigue"] == 7
    assert saved.notes == "walked to the shop"
    assert page.message.text() == f"✓ Saved {today.isoformat()}."
    assert str(today) in page.chart.accessibleDescription()
    undo_stack.undo()
    assert journal.get(today) is None


def test_chart_and_summary_show_the_stored_days(page: JournalPage, today) -> None:
    first = today - dt.timedelta(days=14)
    assert f"Symptom load from {first}" in page.chart.accessibleDescription()
    assert page.summary.text().startswith(f"Journal {first.isoformat()}")


def test_every_symptom_hint_is_readable_without_scrolling_sideways(
    qtbot: QtBot, page: JournalPage
) -> None:
    page.resize(900, 700)
    page.show()
    qtbot.waitExposed(page)
    scroll = next(s for s in page.findChildren(QScrollArea) if s.widget() is page.entry)
    visible = scroll.viewport().width()
    hints = [
        label
        for label in page.entry.findChildren(QLabel)
        if label.property("role") == "muted" and label.wordWrap()
    ]
    assert len(hints) >= 10
    for hint in hints:
        right = hint.mapTo(page.entry, hint.rect().topRight()).x()
        assert right <= visible, hint.text()
        assert hint.heightForWidth(hint.width()) <= hint.height() + 1  # nothing cut below
