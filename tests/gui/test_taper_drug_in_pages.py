"""The plan's own drug under another name, in the window: answered as the taper drug.

With a clonazepam plan, "Klonopin" is the medicine being tapered, not something to avoid:
the Check page and the Medications page (its row, its detail and what adding it says)
show the core's taper-drug answer, as ``benzoapp check --regimen`` does.
"""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from benzoapp.core.cautions import Checker, load_knowledge_base
from benzoapp.core.model import PlanSettings
from benzoapp.gui.check_page import CheckPage
from benzoapp.gui.medications_page import MedicationsPage

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing the keyboard)")


def use_plan(planner, plans, text: str = "clonazepam 1 mg 22:00") -> None:
    plan = planner.build(planner.parse_regimen(text), PlanSettings(start=dt.date(2026, 3, 1)))
    plans.save(plan, "plan")


@pytest.mark.parametrize("typed", ["Klonopin", "rivotril 2mg", "clonazepam"])
def test_the_check_page_answers_the_taper_drug_as_the_taper_drug(
    qtbot: QtBot, plans, planner, typed: str
) -> None:
    use_plan(planner, plans)
    page = CheckPage(Checker(load_knowledge_base()), plans=plans)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    page.search.setFocus()
    qtbot.keyClicks(page.search, typed)
    page.completer.popup().hide()
    assert page.current is not None
    assert page.current.taper_drug == "clonazepam"
    assert page.level_label.text().upper().find("AVOID") == -1
    assert "you are tapering" in page.reasons_label.text()


def test_the_check_page_without_a_plan_still_says_avoid(qtbot: QtBot, plans) -> None:
    page = CheckPage(Checker(load_knowledge_base()), plans=plans)
    qtbot.addWidget(page)
    page.show()
    qtbot.keyClicks(page.search, "Klonopin")
    assert page.current is not None
    assert page.current.level.value == "avoid"


def test_the_check_page_follows_a_plan_saved_later(qtbot: QtBot, plans, planner) -> None:
    page = CheckPage(Checker(load_knowledge_base()), plans=plans)
    qtbot.addWidget(page)
    page.show()
    page.hide()
    use_plan(planner, plans)  # made on the Plan page while Check was hidden
    page.show()
    qtbot.keyClicks(page.search, "Klonopin")
    assert page.current is not None
    assert page.current.taper_drug == "clonazepam"


def test_adding_the_taper_drug_says_the_taper_answer_not_avoid(
    qtbot: QtBot, *, medications, checker, undo_stack, plans, planner
) -> None:
    use_plan(planner, plans)
    page = MedicationsPage(medications, checker, undo_stack, plans)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    said: list[str] = []
    page.announcer.announced.connect(said.append)
    page.name.setFocus()
    qtbot.keyClicks(page.name, "Klonopin 0.5mg")
    qtbot.keyClick(page.name, Qt.Key.Key_Return)
    row = page.current_row()
    assert row is not None
    assert row.result is not None
    assert row.result.taper_drug == "clonazepam"
    assert said
    assert "Avoid" not in said[-1]
    assert "Caution" in said[-1]


def test_the_word_list_is_read_when_the_page_is_shown_not_on_a_keystroke(qtbot: QtBot) -> None:
    from benzoapp.core.cautions.english import EnglishWords

    english = EnglishWords()
    page = CheckPage(Checker(load_knowledge_base(), english))
    qtbot.addWidget(page)
    assert not english.loaded  # building the window does not read it
    page.show()
    qtbot.waitUntil(lambda: english.loaded)  # read once the page is painted
    page.search.setFocus()
    qtbot.keyClicks(page.search, "medicatoin")  # a close spelling: needs the list
    assert page.current is not None
    assert page.current.match is None


def test_the_medications_page_reads_the_word_list_once_shown(
    qtbot: QtBot, *, medications, undo_stack, plans
) -> None:
    from benzoapp.core.cautions.english import EnglishWords
    from benzoapp.gui.adapters import CheckerLookup

    english = EnglishWords()
    lookup = CheckerLookup(Checker(load_knowledge_base(), english))
    page = MedicationsPage(medications, lookup, undo_stack, plans)
    qtbot.addWidget(page)
    assert not english.loaded
    page.show()
    qtbot.waitUntil(lambda: english.loaded)  # before any Enter in the name box
