"""The Check page as master-detail, for the keyboard and for screen readers.

The answers list holds the whole answer and one row per ingredient; the detail pane shows
the selected one. What is shown is exposed as accessible text (descriptions kept
current) and announced, politely and once, when typing pauses; a refused query says
why, in words, in the same places.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from benzoapp.core.cautions import Checker, load_knowledge_base
from benzoapp.gui import announce
from benzoapp.gui.check_page import CheckPage
from benzoapp.gui.source_reader import SourceReader, visible_blocks

pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support raise", "This plugin does not support grabbing the keyboard"
)


@pytest.fixture(scope="module")
def checker() -> Checker:
    return Checker(load_knowledge_base())


@pytest.fixture
def page(qtbot: QtBot, checker: Checker) -> CheckPage:
    widget = CheckPage(checker)
    qtbot.addWidget(widget)
    widget.resize(900, 700)
    widget.show()
    qtbot.waitExposed(widget)
    QAbstractItemModelTester(
        widget.model, QAbstractItemModelTester.FailureReportingMode.Fatal, widget
    )
    return widget


def type_into(qtbot: QtBot, page: CheckPage, text: str) -> None:
    """Type as a person does, then pause: the full answer follows when typing pauses."""
    page.search.setFocus()
    page.search.selectAll()
    with qtbot.waitSignal(page.detail_shown):
        qtbot.keyClick(page.search, Qt.Key.Key_Delete)
        qtbot.keyClicks(page.search, text)
    page.completer.popup().hide()


def description(widget: QWidget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    assert interface is not None
    return interface.text(QAccessible.Text.Description)


def rows(page: CheckPage) -> list[str]:
    model = page.answers.model()
    return [
        str(model.index(r, 0).data(Qt.ItemDataRole.AccessibleTextRole))
        for r in range(model.rowCount())
    ]


def test_a_product_lists_the_whole_answer_then_each_ingredient(
    qtbot: QtBot, page: CheckPage
) -> None:
    type_into(qtbot, page, "Soma Compound")
    assert rows(page) == [
        "Soma Compound, ✕ Avoid",
        "carisoprodol, ✕ Avoid",
        "aspirin, ▲ Caution",
    ]
    assert page.detail.title_label.text() == "Soma Compound"


def test_arrow_keys_choose_an_ingredient_and_the_detail_shows_only_its_reasons(
    qtbot: QtBot, page: CheckPage
) -> None:
    type_into(qtbot, page, "Soma Compound")
    qtbot.keyClick(page.search, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is page.answers
    qtbot.keyClick(page.answers, Qt.Key.Key_Down)
    qtbot.keyClick(page.answers, Qt.Key.Key_Down)
    assert page.detail.title_label.text() == "aspirin"
    assert page.level_label.text() == "▲ Caution"
    assert "aspirin:" in page.reasons_label.text()
    assert "carisoprodol" not in page.reasons_label.text()
    assert "aspirin" in description(page.detail)


def test_tab_walks_search_answers_suggestions_and_source_links_then_leaves(
    qtbot: QtBot, page: CheckPage
) -> None:
    type_into(qtbot, page, "Valium")
    stops = [page.search]
    for _ in range(len(page.detail.links) + 1):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        stops.append(QApplication.focusWidget())
    assert stops[1] is page.answers  # one stop for the whole list
    assert stops[2:] == page.detail.links
    for stop in stops:
        assert stop.accessibleName(), stop


def test_descriptions_follow_the_answer_as_it_changes(qtbot: QtBot, page: CheckPage) -> None:
    type_into(qtbot, page, "Valium")
    assert description(page.search).startswith("Valium: Avoid.")
    assert "(muscular-effects, What to Avoid)" in description(page.detail)
    type_into(qtbot, page, "heat")
    assert description(page.search).startswith("heat: Supportive.")
    assert "Valium" not in description(page.detail)
    assert "✕" not in description(page.detail)


def test_the_answer_is_announced_once_typing_pauses(
    qtbot: QtBot, page: CheckPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    sent: list[tuple[object, str]] = []

    class Recorder:
        AnnouncementPoliteness = QAccessible.AnnouncementPoliteness

        @staticmethod
        def updateAccessibility(event) -> None:  # noqa: N802 (Qt name)
            sent.append((event.type(), event.message()))

    monkeypatch.setattr(announce, "QAccessible", Recorder)
    with qtbot.waitSignal(page.announcer.announced, timeout=3000) as said:
        type_into(qtbot, page, "Valium")
    assert said.args[0].startswith("Valium: Avoid. ")
    assert sent == [(QAccessible.Event.Announcement, said.args[0])]  # once, not per key
    page.announce()  # the same answer again: nothing more is said
    assert len(sent) == 1


def test_a_refused_query_says_why_in_the_pane_and_to_screen_readers(
    qtbot: QtBot, page: CheckPage
) -> None:
    with qtbot.waitSignal(page.announcer.announced, timeout=3000) as said:
        type_into(qtbot, page, "!!!")
    assert page.current is None
    assert page.match_label.text().startswith("“!!!” cannot be checked: Type the name")
    assert said.args[0] == page.match_label.text()
    assert description(page.search) == page.match_label.text()
    assert rows(page) == []


def test_a_cited_section_opens_in_the_reader_by_keyboard(qtbot: QtBot, page: CheckPage) -> None:
    type_into(qtbot, page, "deep tissue massage")
    link = page.detail.links[0]
    assert link.text().startswith("Read the source: muscular-effects, ")
    link.setFocus()
    qtbot.keyClick(link, Qt.Key.Key_Space)
    reader = page.findChild(SourceReader)
    assert reader is not None
    qtbot.waitExposed(reader)
    section = link.text().removeprefix("Read the source: muscular-effects, ")
    assert visible_blocks(reader.text)[0] == section
    assert reader.text.accessibleDescription() == f"Showing muscular-effects, {section}."
    qtbot.keyClick(reader.text, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not reader.isVisible())


def test_enter_in_the_box_goes_to_the_answers(qtbot: QtBot, page: CheckPage) -> None:
    type_into(qtbot, page, "Valium")
    page.search.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    page.search.setFocus()
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is page.answers
    assert page.answers.currentIndex().row() == 0
