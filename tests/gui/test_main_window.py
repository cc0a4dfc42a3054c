"""The main window: sections, menus and shortcuts, theme and text size, first run, state."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QPalette, QUndoCommand, QUndoStack
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from benzoapp.gui.main_window import PAGE_TITLES, MainWindow
from benzoapp.gui.preferences import Preferences
from benzoapp.gui.theme import (
    DARK,
    LARGE_POINT_SIZE,
    LIGHT,
    NORMAL_POINT_SIZE,
    ThemeName,
    apply_theme,
)


@pytest.fixture
def prefs(data_dir: Path) -> Preferences:
    return Preferences(data_dir)


@pytest.fixture
def window(qtbot: QtBot, prefs: Preferences):
    win = MainWindow(undo_stack=QUndoStack(), prefs=prefs)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    app = QApplication.instance()
    apply_theme(app, ThemeName.DARK, large_text=False)


def test_sections_are_listed_and_named(window: MainWindow) -> None:
    titles = [window.navigation.item(i).text() for i in range(window.navigation.count())]
    assert titles == list(PAGE_TITLES)
    assert window.navigation.accessibleName() == "Sections"


def test_first_run_page_shows_once_and_says_what_the_app_is(
    qtbot: QtBot, window: MainWindow, prefs: Preferences
) -> None:
    assert window.stack.currentWidget() is window.welcome
    texts = " ".join(label.text() for label in window.welcome.findChildren(QLabel))
    assert "BenzoApp informs. Your prescriber decides." in texts
    assert "It is not a doctor." in texts
    assert window.welcome.continue_button.hasFocus()
    qtbot.keyClick(window.welcome.continue_button, Qt.Key.Key_Space)
    assert window.stack.currentWidget() is window.pages["Today"]
    assert prefs.get("app/first_run_done") is True
    window.registry["help.welcome"].trigger()
    assert window.stack.currentWidget() is window.welcome


def test_arrow_keys_and_shortcuts_move_between_sections(qtbot: QtBot, window: MainWindow) -> None:
    window.welcome.accepted.emit()
    window.navigation.setFocus()
    qtbot.keyClick(window.navigation, Qt.Key.Key_Down)
    assert window.stack.currentWidget().accessibleName() == PAGE_TITLES[1]
    qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget().accessibleName() == "Check"


def test_menus_hold_the_expected_commands_with_standard_keys(window: MainWindow) -> None:
    menus = {a.text().replace("&", ""): a.menu() for a in window.menuBar().actions()}
    assert {"File", "Edit", "View", "Help"} <= set(menus)
    file_items = [a.text().replace("&", "") for a in menus["File"].actions() if a.text()]
    assert file_items == [
        "New plan…",
        "Export PDF…",
        "Print…",
        "Back up data…",
        "Restore from backup…",
        "Quit",
    ]
    assert window.registry["edit.undo"].shortcut() == QKeySequence(QKeySequence.StandardKey.Undo)
    assert window.registry["file.quit"].shortcut() == QKeySequence(QKeySequence.StandardKey.Quit)


def test_edit_undo_redo_follow_the_shared_stack(window: MainWindow) -> None:
    undo = window.registry["edit.undo"]
    assert not undo.isEnabled()
    seen: list[str] = []

    class Note(QUndoCommand):
        def redo(self) -> None:
            seen.append("do")

        def undo(self) -> None:
            seen.append("undo")

    window.undo_stack.push(Note("type a note"))
    assert undo.isEnabled()
    assert undo.text() == "&Undo type a note"
    undo.trigger()
    assert seen == ["do", "undo"]
    assert window.registry["edit.redo"].isEnabled()


def test_theme_and_text_size_apply_and_are_remembered(
    window: MainWindow, prefs: Preferences
) -> None:
    app = QApplication.instance()
    window.registry["view.theme.light"].trigger()
    assert app.palette().color(QPalette.ColorRole.Window).name() == LIGHT.window
    window.registry["view.large_text"].trigger()
    assert app.font().pointSize() == LARGE_POINT_SIZE
    assert prefs.get("view/theme") == "light"
    assert prefs.get("view/large_text") is True
    window.registry["view.theme.dark"].trigger()
    window.registry["view.large_text"].trigger()
    assert app.palette().color(QPalette.ColorRole.Window).name() == DARK.window
    assert app.font().pointSize() == NORMAL_POINT_SIZE


def test_window_geometry_is_remembered(qtbot: QtBot, data_dir: Path) -> None:
    first = MainWindow(prefs=Preferences(data_dir))
    qtbot.addWidget(first)
    first.show()
    qtbot.waitExposed(first)
    first.resize(760, 520)
    qtbot.waitUntil(lambda: first.width() == 760)
    first.navigation.setCurrentRow(2)
    first.close()
    second = MainWindow(prefs=Preferences(data_dir))
    qtbot.addWidget(second)
    assert (second.width(), second.height()) == (760, 520)
    assert second.navigation.currentRow() == 2


def test_help_statement_says_the_prescriber_decides(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    window.registry["help.statement"].trigger()
    assert len(shown) == 1
    assert shown[0].startswith("BenzoApp informs. Your prescriber decides.")
    assert "decide together" in shown[0]


def test_bad_stored_preference_falls_back_to_default(data_dir: Path) -> None:
    (data_dir / "settings.ini").write_text("[view]\ntheme=purple\nlarge_text=maybe\n")
    prefs = Preferences(data_dir)
    assert prefs.get("view/theme") == "dark"
    assert prefs.get("view/large_text") is False
    with pytest.raises(TypeError):
        prefs.set("view/large_text", "yes")


def test_pages_arrive_after_the_window_and_file_actions_wait_for_data(
    window: MainWindow,
) -> None:
    assert not window.registry["file.print"].isEnabled()
    window.welcome.accepted.emit()
    window.show_page("Plan")
    page = QLabel("the real plan page")
    window.set_page("Plan", page)
    assert window.stack.currentWidget() is page
    assert page.accessibleName() == "Plan"
    assert window.pages["Plan"] is page
    assert window.stack.count() == len(PAGE_TITLES) + 1


def test_after_the_first_run_the_welcome_page_waits_for_help(qtbot: QtBot, data_dir: Path) -> None:
    prefs = Preferences(data_dir)
    prefs.set("app/first_run_done", True)
    window = MainWindow(prefs=prefs)
    qtbot.addWidget(window)
    assert window.welcome is None
    assert window.stack.currentWidget() is window.pages["Today"]
    window.registry["help.welcome"].trigger()
    assert window.stack.currentWidget() is window.welcome
