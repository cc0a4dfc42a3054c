"""The main window shell: sections reachable by keyboard and named for screen readers."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from benzoapp.gui.main_window import PAGE_TITLES, MainWindow


def test_sections_are_listed_and_named(qtbot: QtBot) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    titles = [window.navigation.item(i).text() for i in range(window.navigation.count())]
    assert titles == list(PAGE_TITLES)
    assert window.navigation.accessibleName() == "Sections"


def test_arrow_keys_move_between_sections(qtbot: QtBot) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.navigation.setFocus()
    qtbot.keyClick(window.navigation, Qt.Key.Key_Down)
    assert window.stack.currentIndex() == 1
    assert window.stack.currentWidget().accessibleName() == PAGE_TITLES[1]
