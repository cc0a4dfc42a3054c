"""Text size: View > Text size offers a few sizes, large is a real step, the choice is kept."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from benzoapp.gui.main_window import MainWindow
from benzoapp.gui.preferences import Preferences
from benzoapp.gui.theme import POINT_SIZES, TextSize, ThemeName, apply_theme


@pytest.fixture
def window(qtbot: QtBot, data_dir: Path):
    win = MainWindow(undo_stack=QUndoStack(), prefs=Preferences(data_dir))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    apply_theme(QApplication.instance(), ThemeName.DARK, TextSize.NORMAL)


def _size_menu(window: MainWindow) -> QMenu:
    menus = [m for m in window.findChildren(QMenu) if m.title() == "Text &size"]
    assert len(menus) == 1
    return menus[0]


def test_each_text_size_can_be_chosen_from_the_view_menu(
    window: MainWindow, data_dir: Path
) -> None:
    app = QApplication.instance()
    menu = _size_menu(window)
    choices = [a for a in menu.actions() if a.isCheckable()]
    assert [a.text().replace("&", "") for a in choices] == ["Normal", "Medium", "Large"]
    for action, size in zip(choices, TextSize, strict=True):
        action.trigger()
        assert app.font().pointSize() == POINT_SIZES[size]
        assert action.isChecked()
        assert window.registry["view.large_text"].isChecked() == (size is TextSize.LARGE)
    assert Preferences(data_dir).get("view/text_size") == "large"


def test_ctrl_shift_l_switches_large_text_on_and_back(qtbot: QtBot, window: MainWindow) -> None:
    app = QApplication.instance()
    window.dismiss_welcome()
    qtbot.keyClick(
        window,
        Qt.Key.Key_L,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert (
        app.font().pointSize() == POINT_SIZES[TextSize.LARGE] >= 1.5 * POINT_SIZES[TextSize.NORMAL]
    )
    assert window.registry["view.text_size.large"].isChecked()
    qtbot.keyClick(
        window,
        Qt.Key.Key_L,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert app.font().pointSize() == POINT_SIZES[TextSize.NORMAL]
    assert window.registry["view.text_size.normal"].isChecked()


def test_a_settings_file_from_before_text_sizes_keeps_large_text(
    qtbot: QtBot, data_dir: Path
) -> None:
    (data_dir / "settings.ini").write_text("[view]\nlarge_text=true\n")
    window = MainWindow(undo_stack=QUndoStack(), prefs=Preferences(data_dir))
    qtbot.addWidget(window)
    assert window.text_size() is TextSize.LARGE
    assert window.registry["view.text_size.large"].isChecked()


def test_the_text_size_is_also_a_preference_in_the_dialog(
    qtbot: QtBot, window: MainWindow, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QDialogButtonBox

    from benzoapp.gui.preferences_dialog import PreferencesDialog

    def answer(dialog: PreferencesDialog) -> int:
        combo = dialog.text_size
        assert combo.count() == len(TextSize)
        assert combo.currentData() == "normal"
        combo.setFocus()
        qtbot.keyClick(combo, Qt.Key.Key_End)  # the last, largest size
        qtbot.mouseClick(
            dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
        )
        return int(dialog.result())

    monkeypatch.setattr(PreferencesDialog, "exec", answer)
    window.registry["edit.preferences"].trigger()
    assert QApplication.instance().font().pointSize() == POINT_SIZES[TextSize.LARGE]
    assert window.registry["view.text_size.large"].isChecked()
    assert Preferences(data_dir).get("view/text_size") == "large"
