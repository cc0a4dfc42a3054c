"""The Check page, driven as a person would: typing, choosing a suggestion, reading.

A "did you mean" button says what the suggestion is (a look-alike may be a very
different medicine), and nothing is checked in its place until the person chooses it.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from benzoapp.core.cautions import Checker, load_knowledge_base
from benzoapp.gui.check_page import HINT, CheckPage

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
    """Type as a person does, then pause: the full answer follows when typing pauses."""
    page.search.setFocus()
    page.search.selectAll()
    with qtbot.waitSignal(page.detail_shown):
        qtbot.keyClick(page.search, Qt.Key.Key_Delete)
        qtbot.keyClicks(page.search, text)
    page.completer.popup().hide()


def test_search_box_is_named_and_labelled(page: CheckPage) -> None:
    assert page.search.accessibleName()
    assert page.search_label.buddy() is page.search
    assert page.match_label.text() == HINT


def test_results_update_as_you_type(qtbot: QtBot, page: CheckPage) -> None:
    seen = []
    page.result_shown.connect(seen.append)
    type_into(qtbot, page, "Valium")
    assert len([r for r in seen if r is not None]) >= 6  # one result per keystroke
    assert page.level_label.text() == "✕ Avoid"
    assert page.match_label.text() == (
        "You typed “Valium”, matched “Valium” (brand name), which is diazepam."
    )
    assert "(muscular-effects, What to Avoid)" in page.reasons_label.text()
    assert page.suggestion_row.isHidden()


def test_a_weak_spelling_is_offered_as_a_button_to_confirm(qtbot: QtBot, page: CheckPage) -> None:
    type_into(qtbot, page, "ambiem")
    assert page.level_label.text() == "? Not covered"
    assert "nothing in the knowledge base matches it" in page.match_label.text()
    button = page.suggestion_buttons[0]
    assert button.isVisible()
    assert button.text() == "Ambien (zolpidem, a Z-drug sleeping pill)"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert page.search.text() == "Ambien"
    assert page.level_label.text() == "✕ Avoid"
    assert "which is zolpidem" in page.match_label.text()


def test_a_partly_typed_name_offers_names_that_start_that_way(
    qtbot: QtBot, page: CheckPage
) -> None:
    type_into(qtbot, page, "Lexo")
    assert page.level_label.text() == "? Not covered"
    assert page.match_label.text().endswith(
        "Names that start this way: Lexomil, Lexotan, Lexotanil."
    )


def test_a_close_spelling_is_only_offered(qtbot: QtBot, page: CheckPage) -> None:
    type_into(qtbot, page, "gabapentn")
    assert page.level_label.text() == "? Not covered"
    assert page.suggestion_buttons[0].text().startswith("gabapentin")


def test_combination_shows_each_ingredient(qtbot: QtBot, page: CheckPage) -> None:
    type_into(qtbot, page, "Benadryl")
    text = page.ingredients_label.text()
    assert "US: Benadryl: diphenhydramine: ? Not covered" in text
    assert "UK: Benadryl Allergy: cetirizine: ? Not covered" in text
    type_into(qtbot, page, "Soma Compound")
    assert page.level_label.text() == "✕ Avoid"
    assert "carisoprodol: ✕ Avoid" in page.ingredients_label.text()
    assert "aspirin: ▲ Caution" in page.ingredients_label.text()


def test_not_covered_explains_itself(qtbot: QtBot, page: CheckPage) -> None:
    type_into(qtbot, page, "qwertyuiop")
    assert page.level_label.text() == "? Not covered"
    assert "The documents do not cover this; ask your prescriber or pharmacist." in (
        page.notes_label.text()
    )
    assert page.reasons_label.isHidden()


def test_typed_markup_is_shown_as_plain_text(qtbot: QtBot, page: CheckPage) -> None:
    type_into(qtbot, page, "<b>valium</b>")
    assert page.match_label.textFormat() == Qt.TextFormat.PlainText
    assert "“<b>valium</b>”" in page.match_label.text()


def test_clearing_the_box_goes_back_to_the_hint(qtbot: QtBot, page: CheckPage) -> None:
    type_into(qtbot, page, "heat")
    assert page.level_label.text() == "● Supportive"
    type_into(qtbot, page, "")
    assert page.match_label.text() == HINT
    assert page.current is None


def test_completer_offers_brand_and_generic_names(qtbot: QtBot, page: CheckPage) -> None:
    page.search.setFocus()
    qtbot.keyClicks(page.search, "Klon")
    model = page.completer.completionModel()
    offered = [model.index(i, 0).data() for i in range(model.rowCount())]
    assert offered == ["Klonopin"]
    page.completer.popup().hide()


def test_typing_for_long_does_not_wear_down_none(qtbot: QtBot, page: CheckPage) -> None:
    """PySide6 6.12.0 under Python 3.11 dropped a reference to None on every void Qt call,
    so a long session of typing aborted the app ("none_dealloc"); pyproject pins it out."""
    import gc
    import sys

    type_into(qtbot, page, "Valium")
    gc.collect()  # a collection during the loop frees ordinary references to None
    before = sys.getrefcount(None)
    for _ in range(200):
        page.show_query("Tylenol PM")
        page.show_query("ambiem")
    gc.collect()
    # The leak lost several references per query (thousands here); ordinary churn is
    # a few dozen either way.
    assert sys.getrefcount(None) >= before - 200


# -- "did you mean": each suggestion says what it is; nothing is applied unchosen --


def test_a_known_medicine_is_not_covered_with_no_look_alike_offered(
    qtbot: QtBot, page: CheckPage
) -> None:
    type_into(qtbot, page, "Antivert")
    assert page.level_label.text() == "? Not covered"
    assert page.suggestion_row.isHidden()
    assert "which is meclizine" in page.match_label.text()
    notes = page.notes_label.text()
    assert "meclizine is a travel-sickness antihistamine" in notes
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
