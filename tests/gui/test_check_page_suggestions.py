"""The Check page's "did you mean": each button says what it is, and nothing is applied
until the person chooses it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from benzoapp.core.cautions import Checker, load_knowledge_base
from benzoapp.gui.check_page import CheckPage

# The completer's popup asks the offscreen platform to raise it and grab the keyboard,
# which that platform cannot do; harmless, and not ours.
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
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def type_into(qtbot: QtBot, page: CheckPage, text: str) -> None:
    page.search.setFocus()
    page.search.selectAll()
    qtbot.keyClick(page.search, Qt.Key.Key_Delete)
    qtbot.keyClicks(page.search, text)
    page.completer.popup().hide()


def test_a_known_medicine_is_not_covered_with_no_look_alike_offered(
    qtbot: QtBot, page: CheckPage
) -> None:
    type_into(qtbot, page, "Dramamine")
    assert page.level_label.text() == "? Not covered"
    assert page.suggestion_row.isHidden()
    assert "which is dimenhydrinate" in page.match_label.text()
    notes = page.notes_label.text()
    assert "dimenhydrinate is a travel-sickness antihistamine" in notes
    assert "The documents do not cover this; ask your prescriber or pharmacist." in notes
    assert "Dalmane" not in notes + page.match_label.text()


def test_a_suggestion_says_what_it_is_and_waits_to_be_chosen(qtbot: QtBot, page: CheckPage) -> None:
    type_into(qtbot, page, "Dalmain")
    button = page.suggestion_buttons[0]
    assert button.isVisible()
    assert button.text() == "Dalmane (flurazepam, a benzodiazepine)"
    assert button.accessibleName() == "Check Dalmane (flurazepam, a benzodiazepine) instead"
    assert not page.suggestion_buttons[1].isVisible()
    assert page.level_label.text() == "? Not covered"
    # Enter in the box does not take the suggestion.
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    assert page.search.text() == "Dalmain"
    assert page.level_label.text() == "? Not covered"
    # The person chooses it from the keyboard: only then is Dalmane checked.
    button.setFocus()
    with qtbot.waitSignal(page.result_shown) as shown:
        qtbot.keyClick(button, Qt.Key.Key_Space)
    assert shown.args is not None
    assert shown.args[0].match.name == "Dalmane"
    assert page.search.text() == "Dalmane"
    assert page.level_label.text() == "✕ Avoid"
    assert "which is flurazepam" in page.match_label.text()
    assert page.search.hasFocus()
