"""The Check page while typing: the answers list follows each keystroke at once, the full
answer beside it when typing pauses; until then the earlier answer is greyed out so it is
never taken for the answer to what is typed now."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from benzoapp.core.cautions import Checker, load_knowledge_base
from benzoapp.gui.check_page import CheckPage

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing the keyboard)")


@pytest.fixture
def page(qtbot: QtBot) -> CheckPage:
    widget = CheckPage(Checker(load_knowledge_base()))
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    widget.search.setFocus()
    return widget


def test_the_list_follows_each_keystroke_and_the_answer_follows_the_pause(
    qtbot: QtBot, page: CheckPage
) -> None:
    with qtbot.waitSignal(page.detail_shown):
        qtbot.keyClicks(page.search, "Valium")
    assert page.level_label.text() == "✕ Avoid"
    qtbot.keyClick(page.search, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(page.search, "heat yoga")
    assert page.model.index(0, 0).data() is not None
    assert page.current is not None
    assert page.current.query == "heat yoga"  # the list row is the new answer already
    assert page.detail_pending
    assert not page.detail.isEnabled()  # the Valium answer is greyed out meanwhile
    with qtbot.waitSignal(page.detail_shown):
        pass
    assert page.detail.isEnabled()
    assert page.level_label.text() == "? Not covered"
    assert "'heat yoga' may name one thing" in page.notes_label.text()


def test_enter_shows_the_full_answer_at_once(qtbot: QtBot, page: CheckPage) -> None:
    qtbot.keyClicks(page.search, "deep tissue massage")
    assert page.detail_pending
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    assert not page.detail_pending
    assert page.level_label.text() == "✕ Avoid"
