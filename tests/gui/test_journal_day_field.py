"""The Journal's Day field: another day shows that day; typing is kept and the save asks.

Also: the Notes label stays with its field however tall the window is.
"""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QGroupBox, QLabel
from pytestqt.qtbot import QtBot

from benzoapp.core.journal import load_catalogue
from benzoapp.core.model import JournalDay
from benzoapp.gui import journal_page
from benzoapp.gui.journal_page import JournalPage
from benzoapp.gui.replace_prompt import Answer
from benzoapp.gui.theme import TextSize, ThemeName, apply_theme


@pytest.fixture
def page(qtbot: QtBot, *, journal, plans, undo_stack, today) -> JournalPage:
    journal.save_day(JournalDay(today - dt.timedelta(days=1), {"fatigue": 8}, notes="bad day"))
    journal.save_day(JournalDay(today - dt.timedelta(days=2), {"fatigue": 4}))
    widget = JournalPage(load_catalogue(), journal, plans, undo_stack, today=lambda: today)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def _day_before(qtbot: QtBot, page: JournalPage) -> None:
    """One day back in the Day field by keyboard (Down on the day), as a person would."""
    edit = page.entry.date_edit
    edit.setFocus()
    edit.setCurrentSection(edit.Section.DaySection)
    qtbot.keyClick(edit, Qt.Key.Key_Down)


def test_another_day_in_the_day_field_shows_that_day_as_saved(
    qtbot: QtBot, page: JournalPage, today
) -> None:
    earlier = today - dt.timedelta(days=1)
    assert page.entry.spin_box("fatigue").value() == 0  # today: nothing saved
    _day_before(qtbot, page)
    assert page.entry.current_day().day == earlier
    assert page.entry.spin_box("fatigue").value() == 8
    assert page.entry.notes_edit.toPlainText() == "bad day"
    assert not page.entry.is_edited()
    assert page.entry.copy_button.isEnabled()  # the day before it is saved
    assert page.message.text() == f"Showing {earlier.isoformat()} as saved."
    assert page.message.accessibleDescription() == page.message.text()


def test_a_day_with_nothing_saved_shows_a_blank_form(
    qtbot: QtBot, page: JournalPage, today
) -> None:
    page.entry.date_edit.setDate(QDate(2026, 2, 28))  # today - 2: fatigue 4
    assert page.entry.spin_box("fatigue").value() == 4
    page.entry.date_edit.setDate(QDate(2026, 2, 20))
    assert page.entry.spin_box("fatigue").value() == 0
    assert "nothing saved yet" in page.message.text()


def test_typing_is_kept_when_the_day_changes_and_the_save_asks(
    qtbot: QtBot, page: JournalPage, journal, today, monkeypatch
) -> None:
    asked: list[list[str]] = []

    def ask(_parent, _day, lines):
        asked.append(list(lines))
        return Answer.CANCEL

    monkeypatch.setattr(journal_page, "ask_before_replacing", ask)
    spin = page.entry.spin_box("fatigue")
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, "5")
    earlier = today - dt.timedelta(days=1)
    _day_before(qtbot, page)
    assert spin.value() == 5  # the typing stays
    assert "unsaved values are kept" in page.message.text()
    qtbot.keyClick(spin, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert asked
    assert any("Fatigue" in line for line in asked[0])
    assert journal.get(earlier).symptoms["fatigue"] == 8  # nothing replaced unasked
    assert "Not saved yet" in page.message.text()


def test_the_notes_label_sits_with_its_field_in_a_tall_window(
    qtbot: QtBot, page: JournalPage
) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    apply_theme(app, ThemeName.LIGHT, TextSize.NORMAL)  # the window's own style sheet
    try:
        _notes_with_their_label(qtbot, page)
    finally:
        apply_theme(app, ThemeName.DARK, TextSize.NORMAL)


def _notes_with_their_label(qtbot: QtBot, page: JournalPage) -> None:
    # Taller than the entry needs at any text size, as a 1920x1080 screen is with
    # normal text: the spare height must not open between the label and its field.
    page.resize(1920, 2200)
    qtbot.waitExposed(page)
    page.grab()  # drawn as a person sees it: every pending layout is done
    field = page.entry.notes_edit
    label = next(w for w in page.entry.findChildren(QLabel) if w.buddy() is field)
    label_bottom = label.mapTo(page, label.rect().bottomLeft()).y()
    field_top = field.mapTo(page, field.rect().topLeft()).y()
    assert 0 <= field_top - label_bottom <= 8
    # A label taller than its text draws the text in its middle, far from the field.
    assert label.height() <= label.sizeHint().height() + 4
    # ... and with the form above it: the spare height goes below the buttons.
    exertion = next(g for g in page.entry.findChildren(QGroupBox) if "Exertion" in g.title())
    exertion_bottom = exertion.mapTo(page, exertion.rect().bottomLeft()).y()
    label_top = label.mapTo(page, label.rect().topLeft()).y()
    assert 0 <= label_top - exertion_bottom <= 24
