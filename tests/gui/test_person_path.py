"""A person's path by keyboard alone through the running app, on the real store: the
Journal and Today edit the same day, each page follows the other's save, typing in one is
never overwritten unasked by the other, and Ctrl+Z undoes across pages."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from benzoapp.app import attach_data, create_window
from benzoapp.gui import journal_page as journal_module
from benzoapp.gui.main_window import MainWindow
from benzoapp.gui.replace_prompt import Answer

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing the keyboard)")
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def window(qtbot: QtBot, data_dir: Path) -> Iterator[MainWindow]:
    app = QApplication.instance()
    win, undo_stack = create_window(app, data_dir)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()  # mnemonics (Alt+letter) work in the active window only
    qtbot.waitActive(win)
    attach_data(win, data_dir, undo_stack)
    win.welcome.accepted.emit()
    yield win
    win.close()
    app.aboutToQuit.emit()


def _focus(window: MainWindow) -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    assert window.isAncestorOf(widget)
    return widget


def _tab_to(qtbot: QtBot, window: MainWindow, target: QWidget) -> None:
    """Press Tab until ``target`` has the focus (a few presses, as a person would)."""
    for _ in range(12):
        if QApplication.focusWidget() is target:
            return
        qtbot.keyClick(_focus(window), Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached {target.accessibleName()}")


def _type(qtbot: QtBot, widget: QWidget, text: str) -> None:
    qtbot.keyClick(widget, Qt.Key.Key_A, CTRL)  # select what the box holds
    qtbot.keyClicks(widget, text)


def test_journal_then_today_then_undo_by_keyboard(qtbot: QtBot, window: MainWindow) -> None:
    journal, today = window.pages["Journal"], window.pages["Today"]
    qtbot.keyClick(window, Qt.Key.Key_5, CTRL)  # the Journal, focus on its first symptom
    fatigue = _focus(window)
    assert fatigue is journal.entry.spin_box("fatigue")
    _type(qtbot, fatigue, "7")
    qtbot.keyClick(fatigue, Qt.Key.Key_Return, CTRL)
    assert journal.message.text() == f"✓ Saved {dt.date.today().isoformat()}."
    qtbot.keyClick(window, Qt.Key.Key_1, CTRL)  # Today follows the saved day
    assert today.symptoms["fatigue"].value() == 7
    today.symptoms["fatigue"].setFocus()
    _tab_to(qtbot, window, today.symptoms["cognitive"])
    _type(qtbot, today.symptoms["cognitive"], "4")
    _tab_to(qtbot, window, today.save_check_in)
    qtbot.keyClick(today.save_check_in, Qt.Key.Key_Space)
    assert today.check_in_message.text() == "✓ Saved in your journal."
    qtbot.keyClick(window, Qt.Key.Key_5, CTRL)  # the Journal's form shows Today's save
    assert journal.entry.spin_box("cognitive").value() == 4
    assert journal.entry.spin_box("fatigue").value() == 7
    # Undo Today's save from the Journal (from the section list: F6; inside a field
    # Ctrl+Z undoes that field's own typing first, as in any text box).
    qtbot.keyClick(_focus(window), Qt.Key.Key_F6)
    qtbot.keyClick(_focus(window), Qt.Key.Key_Z, CTRL)
    assert journal.entry.spin_box("cognitive").value() == 0
    assert journal.entry.spin_box("fatigue").value() == 7
    qtbot.keyClick(window, Qt.Key.Key_1, CTRL)
    assert today.symptoms["cognitive"].value() == 0


def test_typing_in_the_journal_survives_a_save_on_today_and_its_save_asks(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[list[str]] = []

    def ask(_parent: object, _day: object, lines: list[str]) -> Answer:
        asked.append(list(lines))
        return Answer.REPLACE

    monkeypatch.setattr(journal_module, "ask_before_replacing", ask)
    journal, today = window.pages["Journal"], window.pages["Today"]
    qtbot.keyClick(window, Qt.Key.Key_5, CTRL)
    _type(qtbot, _focus(window), "6")  # fatigue 6, not saved
    qtbot.keyClick(window, Qt.Key.Key_1, CTRL)
    _tab_to(qtbot, window, today.symptoms["fatigue"])  # no plan yet: the first field
    _type(qtbot, today.symptoms["fatigue"], "2")
    _tab_to(qtbot, window, today.save_check_in)
    qtbot.keyClick(today.save_check_in, Qt.Key.Key_Space)
    assert today.check_in_message.text() == "✓ Saved in your journal."
    qtbot.keyClick(window, Qt.Key.Key_5, CTRL)
    assert journal.entry.spin_box("fatigue").value() == 6  # the typing is kept
    qtbot.keyClick(_focus(window), Qt.Key.Key_Return, CTRL)
    assert asked  # Today's 2 was never on the Journal's screen
    assert any("2" in line for line in asked[0])
    qtbot.keyClick(window, Qt.Key.Key_1, CTRL)
    assert today.symptoms["fatigue"].value() == 6
