"""The composition root: the window first, then the services and pages after it paints."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit
from pytestqt.qtbot import QtBot

from benzoapp.app import attach_data, create_window
from benzoapp.gui.main_window import PAGE_TITLES

# Completion popups ask the offscreen platform for things it cannot do.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing the keyboard)")


def test_window_then_pages_from_the_data_folder(qtbot: QtBot, data_dir: Path) -> None:
    app = QApplication.instance()
    window, undo_stack = create_window(app, data_dir)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.stack.currentWidget() is window.welcome  # first run
    attach_data(window, data_dir, undo_stack)
    window.welcome.accepted.emit()
    window.show_page("Check")
    search = window.pages["Check"].findChild(QLineEdit, "check_search")
    assert search is not None
    qtbot.keyClicks(search, "Valium")
    shown = " ".join(label.text() for label in window.pages["Check"].findChildren(QLabel))
    assert "diazepam" in shown
    assert [window.navigation.item(i).text() for i in range(5)] == list(PAGE_TITLES)
