"""The window says once, in the status bar, when others can read the data folder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from benzoapp.app import attach_data, create_window
from benzoapp.store import open_store

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")


def test_a_folder_others_can_read_is_said_in_the_status_bar(qtbot: QtBot, tmp_path: Path) -> None:
    folder = tmp_path / "data"
    open_store(folder).close()
    folder.chmod(0o755)
    app = QApplication.instance()
    window, undo_stack = create_window(app, folder)
    qtbot.addWidget(window)
    window.dismiss_welcome()
    attach_data(window, folder, undo_stack)
    assert "can be read by other users" in window.statusBar().currentMessage()
    window.close()
    app.aboutToQuit.emit()
