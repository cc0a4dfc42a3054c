"""Today and the Journal: what they answer, warn and refuse is text a screen reader can
read (the description kept current) and is said aloud when it changes; every document a
warning or the summary cites opens in the source reader at its section, by keyboard."""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, QAccessibleEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from benzoapp.core.journal import load_catalogue
from benzoapp.core.model import JournalDay, PlanSettings, PlanWarning, WarningLevel
from benzoapp.core.taper.warnings import KINDLING
from benzoapp.gui.journal_page import JournalPage
from benzoapp.gui.source_reader import SourceReader, visible_blocks
from benzoapp.gui.today_page import TodayPage


@pytest.fixture
def heard(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    said: list[tuple[str, str]] = []

    def listen(event: QAccessibleEvent) -> None:
        if isinstance(event, QAccessibleAnnouncementEvent):
            said.append((event.object().accessibleName(), event.message()))

    monkeypatch.setattr(QAccessible, "isActive", staticmethod(lambda: True))
    monkeypatch.setattr(QAccessible, "updateAccessibility", staticmethod(listen))
    return said


@pytest.fixture
def plan(planner, today):
    regimen = planner.parse_regimen("clonazepam 0.5 mg 08:00")
    return planner.build(regimen, PlanSettings(start=today - dt.timedelta(days=3)))


@pytest.fixture
def today_page(qtbot: QtBot, *, plans, dose_log, journal, undo_stack, today, plan) -> TodayPage:
    plans.save(plan, "mine")
    page = TodayPage(plans, dose_log, journal, undo_stack, today=lambda: today)
    qtbot.addWidget(page)
    page.show()
    return page


def _reader() -> SourceReader:
    readers = [w for w in QApplication.topLevelWidgets() if isinstance(w, SourceReader)]
    assert readers, "no source reader opened"
    return readers[-1]


def test_a_new_warning_on_today_is_said_and_described(
    today_page: TodayPage, heard, plans, plan
) -> None:
    warned = replace(
        plan,
        warnings=(PlanWarning("kindling", WarningLevel.CAUTION, "Go slower.", KINDLING),),
    )
    plans.save(warned, "warned")
    today_page.refresh()
    text = f"▲ Caution: Go slower. (source: {KINDLING})"
    assert ("Warnings in force", text) in heard
    assert today_page.warnings.accessibleDescription() == text
    count = len(heard)
    today_page.refresh()  # the same warnings again: nothing more is said
    assert len(heard) == count


def test_a_refused_amount_on_today_is_said(qtbot: QtBot, today_page: TodayPage, heard) -> None:
    row = today_page.rows[0]
    row.amount.setFocus()
    row.amount.selectAll()
    qtbot.keyClicks(row.amount, "lots")
    row.taken.setFocus()
    qtbot.keyClick(row.taken, Qt.Key.Key_Space)
    said = [message for name, message in heard if name == "Dose message"]
    assert len(said) == 1
    assert said[0].startswith("Not recorded: ")
    assert today_page.dose_message.accessibleDescription() == said[0]


def test_each_document_a_warning_on_today_cites_opens_by_keyboard(
    qtbot: QtBot, today_page: TodayPage, plans, plan
) -> None:
    warned = replace(
        plan,
        warnings=(
            PlanWarning("kindling", WarningLevel.CAUTION, "Go slower.", KINDLING),
            PlanWarning("pace", WarningLevel.CAUTION, "Ten percent.", "ASAM 2025 Rec. 6"),
        ),
    )
    plans.save(warned, "warned")
    today_page.refresh()
    links = today_page.warning_sources.links
    assert [link.citation.document for link in links] == ["induced-symptoms"]
    assert links[0].isVisible()
    # Tab reaches the link after the doses, before the check-in.
    order = [today_page.rows[0].taken, today_page.rows[0].amount, links[0]]
    for here, there in itertools.pairwise(order):
        assert here.nextInFocusChain() is there
    links[0].setFocus()
    qtbot.keyClick(links[0], Qt.Key.Key_Space)
    reader = _reader()
    assert reader.document.id == "induced-symptoms"
    section = "Benzodiazepine-Induced or Increased Symptoms"
    assert reader.where.text() == f"Showing induced-symptoms, {section}."
    assert any(section in block for block in visible_blocks(reader.text))
    reader.close()


@pytest.fixture
def journal_page(qtbot: QtBot, *, journal, plans, undo_stack, today) -> JournalPage:
    for back in range(1, 15):
        journal.save_day(JournalDay(today - dt.timedelta(days=back), {"fatigue": 3, "pain": 2}))
    page = JournalPage(load_catalogue(), journal, plans, undo_stack, today=lambda: today)
    qtbot.addWidget(page)
    page.show()
    return page


def test_the_journal_summary_is_described_and_its_change_said(
    qtbot: QtBot, journal_page: JournalPage, heard, today
) -> None:
    assert journal_page.summary.accessibleDescription() == journal_page.summary.text()
    spin = journal_page.entry.spin_box("fatigue")
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, "9")
    qtbot.keyClick(spin, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    said = [message for name, message in heard if name == "Journal summary"]
    assert len(said) == 1
    assert said[0].startswith(f"Journal {(today - dt.timedelta(days=14)).isoformat()} to ")
    assert said[0] in journal_page.summary.text().replace("\n", " ")
    assert journal_page.summary.accessibleDescription() == journal_page.summary.text()


def test_each_document_the_journal_summary_cites_opens_by_keyboard(
    qtbot: QtBot, journal_page: JournalPage
) -> None:
    links = journal_page.summary_sources.links
    documents = [link.citation.document for link in links]
    assert "mecfs-overlap" in documents
    for link in links:  # every cited document is named in the summary's text
        assert link.citation.document in journal_page.summary.text()
    link = links[documents.index("mecfs-overlap")]
    link.setFocus()
    qtbot.keyClick(link, Qt.Key.Key_Return)
    reader = _reader()
    assert reader.document.id == "mecfs-overlap"
    section = "How ME/CFS Is Currently Defined"
    assert reader.where.text() == f"Showing mecfs-overlap, {section}."
    assert any(section in block for block in visible_blocks(reader.text))
    reader.close()


def test_regimen_flag_links_shown_later_keep_their_place_in_the_tab_order(
    today_page: TodayPage,
) -> None:
    """The flags arrive after the page is built (the checker loads later, a medicine is
    added on another page): their links still come before the check-in, not last."""
    from benzoapp.core.cautions.kb import Level
    from benzoapp.core.cautions.regimen import RegimenFlag

    flag = RegimenFlag(
        "second_benzodiazepine",
        Level.CAUTION,
        ("alprazolam",),
        "A second benzodiazepine adds to the sedation.",
        "muscular-effects, What to Avoid",
    )
    today_page.regimen_flags.show_flags([flag])
    (link,) = today_page.regimen_flags.links
    first_symptom = next(iter(today_page.symptoms.values()))
    assert today_page.rows[-1].amount.nextInFocusChain() is link
    assert link.nextInFocusChain() is first_symptom
