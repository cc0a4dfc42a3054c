"""One source of truth: Today's check-in and the Journal edit the same stored day.

Every edit goes through ``Operations``: it writes, then announces; each page reloads
what it shows, and a save that would replace values the person did not see asks first.
Both orders are driven by keyboard, as a person would.
"""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from benzoapp.core.changes import Changes
from benzoapp.core.errors import BenzoAppError
from benzoapp.core.journal import load_catalogue
from benzoapp.core.model import JournalDay
from benzoapp.gui.journal_page import JournalPage
from benzoapp.gui.operations import Operations
from benzoapp.gui.today_page import TodayPage


@pytest.fixture
def ops(undo_stack) -> Operations:
    return Operations(undo_stack)


@pytest.fixture
def pages(qtbot: QtBot, *, plans, dose_log, journal, undo_stack, today, ops):
    today_page = TodayPage(
        plans, dose_log, journal, undo_stack, today=lambda: today, operations=ops
    )
    journal_page = JournalPage(
        load_catalogue(), journal, plans, undo_stack, today=lambda: today, operations=ops
    )
    for page in (today_page, journal_page):
        qtbot.addWidget(page)
        page.show()
    return today_page, journal_page


def type_value(qtbot: QtBot, spin, value: int) -> None:
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, str(value))


def answer_next_question(qtbot: QtBot, keys: str, seen: list[str]) -> None:
    """Answer the question box the next save opens: Escape, or the button whose
    mnemonic ``keys`` names ("Alt+R"), pressed with the space bar once focused."""

    def press() -> None:
        boxes = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, QMessageBox) and w.isVisible()
        ]
        if not boxes:  # not open yet: look again on the next turn of the event loop
            QTimer.singleShot(10, press)
            return
        box = boxes[0]
        seen.append(box.text() + "\n" + box.informativeText())
        if keys == "Escape":
            qtbot.keyClick(box, Qt.Key.Key_Escape)
            return
        mnemonic = "&" + keys[-1].lower()
        found = [b for b in box.buttons() if mnemonic in b.text().lower()]
        if len(found) != 1:
            box.reject()  # never leave a test waiting on a box
            raise AssertionError(f"no single button for {keys}")
        (button,) = found
        button.setFocus()
        qtbot.keyClick(button, Qt.Key.Key_Space)

    QTimer.singleShot(0, press)


def save_journal(qtbot: QtBot, journal_page: JournalPage) -> None:
    journal_page.entry.spin_box("fatigue").setFocus()
    qtbot.keyClick(journal_page.entry, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


def test_journal_then_today_keeps_the_journal_values(qtbot: QtBot, pages, journal, today) -> None:
    """The issue's data loss: Today's start-up copy written over a Journal day."""
    today_page, journal_page = pages
    type_value(qtbot, journal_page.entry.spin_box("fatigue"), 7)
    type_value(qtbot, journal_page.entry.spin_box("pain"), 6)
    save_journal(qtbot, journal_page)
    assert journal.get(today).symptoms["fatigue"] == 7
    # Today shows what the Journal saved, so saving the check-in loses nothing.
    assert today_page.symptoms["fatigue"].value() == 7
    qtbot.mouseClick(today_page.save_check_in, Qt.MouseButton.LeftButton)
    stored = journal.get(today)
    assert (stored.symptoms["fatigue"], stored.symptoms["pain"]) == (7, 6)


def test_today_edit_then_journal_save_then_today_save_asks(
    qtbot: QtBot, pages, journal, today
) -> None:
    today_page, journal_page = pages
    type_value(qtbot, today_page.symptoms["fatigue"], 2)  # typing, not saved
    type_value(qtbot, journal_page.entry.spin_box("fatigue"), 7)
    save_journal(qtbot, journal_page)
    # The page being typed in is left alone ...
    assert today_page.symptoms["fatigue"].value() == 2
    # ... and its save asks; Escape keeps editing and writes nothing.
    questions: list[str] = []
    answer_next_question(qtbot, "Escape", questions)
    qtbot.mouseClick(today_page.save_check_in, Qt.MouseButton.LeftButton)
    assert "Fatigue: saved 7, this form 2" in questions[0]
    assert journal.get(today).symptoms["fatigue"] == 7
    # Asked again, the person chooses to replace.
    answer_next_question(qtbot, "Alt+R", questions)
    qtbot.mouseClick(today_page.save_check_in, Qt.MouseButton.LeftButton)
    assert journal.get(today).symptoms["fatigue"] == 2
    assert journal_page.entry.spin_box("fatigue").value() == 2  # the Journal follows


def test_today_then_journal_keeps_the_check_in(qtbot: QtBot, pages, journal, today) -> None:
    today_page, journal_page = pages
    type_value(qtbot, today_page.symptoms["fatigue"], 5)
    qtbot.mouseClick(today_page.save_check_in, Qt.MouseButton.LeftButton)
    assert journal_page.entry.spin_box("fatigue").value() == 5
    type_value(qtbot, journal_page.entry.exertion_box("physical"), 3)
    save_journal(qtbot, journal_page)
    stored = journal.get(today)
    assert stored.symptoms["fatigue"] == 5
    assert stored.exertion["physical"] == 3


def test_journal_typing_then_today_save_then_journal_save_asks(
    qtbot: QtBot, pages, journal, today
) -> None:
    today_page, journal_page = pages
    type_value(qtbot, journal_page.entry.spin_box("pain"), 4)  # typing in the Journal
    type_value(qtbot, today_page.symptoms["fatigue"], 5)
    qtbot.mouseClick(today_page.save_check_in, Qt.MouseButton.LeftButton)
    assert journal_page.entry.spin_box("pain").value() == 4  # left alone
    questions: list[str] = []
    answer_next_question(qtbot, "Alt+S", questions)  # show the saved day instead
    save_journal(qtbot, journal_page)
    assert "Fatigue: saved 5, this form 0" in questions[0]
    assert journal.get(today).symptoms == {**journal.get(today).symptoms, "fatigue": 5}
    assert journal_page.entry.spin_box("fatigue").value() == 5
    assert journal_page.entry.spin_box("pain").value() == 0


def test_undo_announces_and_every_page_reloads(
    qtbot: QtBot, pages, journal, undo_stack, today
) -> None:
    today_page, journal_page = pages
    type_value(qtbot, journal_page.entry.spin_box("fatigue"), 7)
    save_journal(qtbot, journal_page)
    assert today_page.symptoms["fatigue"].value() == 7
    undo_stack.undo()
    assert journal.get(today) is None
    assert today_page.symptoms["fatigue"].value() == 0
    assert journal_page.entry.spin_box("fatigue").value() == 0
    undo_stack.redo()
    assert today_page.symptoms["fatigue"].value() == 7


class FailingJournal:
    """A journal whose writes fail as a full or locked disk would."""

    def __init__(self) -> None:
        self.days: dict[dt.date, JournalDay] = {}

    def get(self, day: dt.date) -> JournalDay | None:
        return self.days.get(day)

    def all(self) -> list[JournalDay]:
        return list(self.days.values())

    def save_day(self, day: JournalDay) -> None:
        raise BenzoAppError("The data file is locked by another program.")

    def delete_day(self, day: dt.date) -> None:
        raise BenzoAppError("The data file is locked by another program.")


@pytest.mark.parametrize("page_kind", ["today", "journal"])
def test_a_write_that_fails_leaves_nothing_to_undo(
    qtbot: QtBot, *, plans, dose_log, undo_stack, today, page_kind: str
) -> None:
    failing = FailingJournal()
    if page_kind == "today":
        page = TodayPage(plans, dose_log, failing, undo_stack, today=lambda: today)
        qtbot.addWidget(page)
        page.show()
        type_value(qtbot, page.symptoms["fatigue"], 4)
        qtbot.mouseClick(page.save_check_in, Qt.MouseButton.LeftButton)
        message = page.check_in_message.text()
    else:
        page = JournalPage(load_catalogue(), failing, plans, undo_stack, today=lambda: today)
        qtbot.addWidget(page)
        page.show()
        type_value(qtbot, page.entry.spin_box("fatigue"), 4)
        page.entry.save()
        message = page.message.text()
    assert undo_stack.count() == 0
    assert message == "Not saved: The data file is locked by another program."


def test_a_dose_tick_that_fails_leaves_nothing_to_undo(
    qtbot: QtBot, *, planner, plans, journal, undo_stack, today
) -> None:
    from benzoapp.core.model import PlanSettings

    class FailingLog:
        def between(self, start: dt.date, end: dt.date) -> list:
            return []

        def record(self, entry: object) -> None:
            raise OSError(28, "No space left on device")

        def remove(self, day: dt.date, time: str, drug: str) -> None:
            raise OSError(28, "No space left on device")

    plan = planner.build(
        planner.parse_regimen("clonazepam 0.5 mg 08:00"),
        PlanSettings(start=today - dt.timedelta(days=1)),
    )
    plans.save(plan, "mine")
    page = TodayPage(plans, FailingLog(), journal, undo_stack, today=lambda: today)
    qtbot.addWidget(page)
    page.show()
    qtbot.mouseClick(page.rows[0].taken, Qt.MouseButton.LeftButton)
    assert undo_stack.count() == 0
    assert not page.rows[0].taken.isChecked()
    assert "No space left on device" in page.dose_message.text()


def test_the_initiator_comes_with_the_announcement(qtbot: QtBot, pages, ops, today) -> None:
    today_page, _journal_page = pages
    heard: list[tuple[Changes, object]] = []
    ops.changed.connect(lambda changes, initiator: heard.append((changes, initiator)))
    type_value(qtbot, today_page.symptoms["pain"], 3)
    qtbot.mouseClick(today_page.save_check_in, Qt.MouseButton.LeftButton)
    ops.undo_stack.undo()
    assert heard == [(Changes.of_journal([today]), today_page), (Changes.of_journal([today]), None)]


def test_use_this_plan_announces_and_today_follows(
    qtbot: QtBot, *, planner, plans, dose_log, journal, undo_stack, today, ops
) -> None:
    from benzoapp.gui.plan_page import PlanPage

    today_page = TodayPage(
        plans, dose_log, journal, undo_stack, today=lambda: today, operations=ops
    )
    plan_page = PlanPage(planner, plans, undo_stack, today=lambda: today, operations=ops)
    for page in (today_page, plan_page):
        qtbot.addWidget(page)
        page.show()
    assert today_page.rows == []
    qtbot.keyClicks(plan_page.regimen, "clonazepam 0.5 mg 08:00")
    heard: list[tuple[Changes, object]] = []
    ops.changed.connect(lambda changes, initiator: heard.append((changes, initiator)))
    qtbot.mouseClick(plan_page.save_button, Qt.MouseButton.LeftButton)
    assert heard == [(Changes.of_plan(), plan_page)]
    assert [row.dose.drug for row in today_page.rows] == ["clonazepam"]


def test_use_this_plan_that_cannot_be_saved_says_so(
    qtbot: QtBot, *, planner, undo_stack, today, ops
) -> None:
    from benzoapp.gui.plan_page import PlanPage

    class FullPlans:
        def active(self) -> None:
            return None

        def save(self, plan: object, name: str, active: bool = True) -> int:
            raise OSError(28, "No space left on device")

        def revise(self, plan_id: int, plan: object, note: str = "") -> int:
            raise OSError(28, "No space left on device")

    page = PlanPage(planner, FullPlans(), undo_stack, today=lambda: today, operations=ops)
    qtbot.addWidget(page)
    page.show()
    qtbot.keyClicks(page.regimen, "clonazepam 0.5 mg 08:00")
    before = undo_stack.count()
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert undo_stack.count() == before
    assert "No space left on device" in page.regimen_message.text()
    assert page.has_unsaved_changes()


@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing the keyboard)")
def test_medication_edits_go_through_operations(
    qtbot: QtBot, *, medications, checker, undo_stack, ops
) -> None:
    from benzoapp.gui.medications_page import MedicationsPage

    page = MedicationsPage(medications, checker, undo_stack, operations=ops)
    qtbot.addWidget(page)
    page.show()
    heard: list[Changes] = []
    ops.changed.connect(lambda changes, _initiator: heard.append(changes))
    qtbot.keyClicks(page.name, "magnesium")
    page.check_and_add()
    assert [m.name for _, m in medications.list()] == ["magnesium"]
    assert page.model.rowCount() == 1
    undo_stack.undo()  # announced with no initiator: the list follows the store
    assert medications.list() == []
    assert page.model.rowCount() == 0
    assert heard == [Changes.of_medications(), Changes.of_medications()]
