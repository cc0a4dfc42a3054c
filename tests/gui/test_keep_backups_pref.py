""" "Keep backups" is a declared preference: set in Edit > Preferences, honoured when pruning."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from benzoapp.app import attach_data, create_window
from benzoapp.gui.main_window import MainWindow
from benzoapp.gui.preferences import KEEP_BACKUPS, Preferences
from benzoapp.gui.preferences_dialog import PreferencesDialog
from benzoapp.main import main
from benzoapp.store import DEFAULT_KEEP_BACKUPS, list_backups, open_store
from benzoapp.store.backups import backups_dir_of
from benzoapp.store.settings import (
    KEEP_BACKUPS_KEY,
    MAX_KEEP_BACKUPS,
    MIN_KEEP_BACKUPS,
    SETTINGS_FILENAME,
    keep_backups_setting,
)

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing the keyboard)")


def test_the_window_and_the_store_agree_on_key_default_and_range() -> None:
    assert KEEP_BACKUPS.key == KEEP_BACKUPS_KEY
    assert KEEP_BACKUPS.default == DEFAULT_KEEP_BACKUPS == 14
    assert (KEEP_BACKUPS.minimum, KEEP_BACKUPS.maximum) == (MIN_KEEP_BACKUPS, MAX_KEEP_BACKUPS)


def test_default_range_and_damaged_values(data_dir: Path) -> None:
    prefs = Preferences(data_dir)
    assert prefs.get("data/keep_backups") == 14
    with pytest.raises(ValueError, match="cannot be 1"):
        prefs.set("data/keep_backups", 1)
    with pytest.raises(ValueError, match="cannot be 366"):
        prefs.set("data/keep_backups", 366)
    prefs.set("data/keep_backups", 30)
    prefs.sync()
    assert Preferences(data_dir).get("data/keep_backups") == 30
    assert keep_backups_setting(data_dir) == 30  # the command line reads the same file
    for damaged in ("lots", "0", "9999", ""):
        text = (data_dir / SETTINGS_FILENAME).read_text(encoding="utf-8")
        lines = [
            f"keep_backups={damaged}" if line.startswith("keep_backups=") else line
            for line in text.splitlines()
        ]
        (data_dir / SETTINGS_FILENAME).write_text("\n".join(lines) + "\n", encoding="utf-8")
        assert Preferences(data_dir).get("data/keep_backups") == 14
        assert keep_backups_setting(data_dir) == 14
    (data_dir / SETTINGS_FILENAME).write_text("not [an ini\x00", encoding="utf-8")
    assert keep_backups_setting(data_dir) == 14


def test_the_dialog_sets_it_by_keyboard_and_cancel_changes_nothing(
    qtbot: QtBot, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    prefs = Preferences(data_dir)
    window = MainWindow(prefs=prefs)
    qtbot.addWidget(window)
    seen: list[PreferencesDialog] = []

    def answer(dialog: PreferencesDialog, button: QDialogButtonBox.StandardButton) -> int:
        seen.append(dialog)
        spin = dialog.keep_backups
        assert spin.accessibleName() == "Backups to keep"
        assert spin.value() == 14
        assert (spin.minimum(), spin.maximum()) == (2, 365)
        spin.selectAll()
        qtbot.keyClicks(spin, "5")
        qtbot.mouseClick(dialog.buttons.button(button), Qt.MouseButton.LeftButton)
        return int(dialog.result())

    monkeypatch.setattr(
        PreferencesDialog, "exec", lambda d: answer(d, QDialogButtonBox.StandardButton.Cancel)
    )
    window.registry["edit.preferences"].trigger()
    assert prefs.get("data/keep_backups") == 14
    monkeypatch.setattr(
        PreferencesDialog, "exec", lambda d: answer(d, QDialogButtonBox.StandardButton.Ok)
    )
    window.registry["edit.preferences"].trigger()
    assert len(seen) == 2
    assert prefs.get("data/keep_backups") == 5
    assert window.keep_backups() == 5
    assert keep_backups_setting(data_dir) == 5  # written to disk at once


def old_backups(folder: Path, count: int) -> None:
    """``count`` backups dated years ago (copies of the data file)."""
    target = backups_dir_of(folder)
    target.mkdir(exist_ok=True)
    for n in range(count):
        made = target / f"benzoapp-2020010{n + 1}-090000-000000-x.sqlite3"
        shutil.copyfile(folder / "benzoapp.sqlite3", made)
        # Backups are ordered by the time recorded for the file, not by its name.
        when = dt.datetime(2020, 1, n + 1, 9).timestamp()
        os.utime(made, (when, when))


def test_backups_are_pruned_to_the_chosen_number(qtbot: QtBot, data_dir: Path) -> None:
    open_store(data_dir).close()
    old_backups(data_dir, 6)
    prefs = Preferences(data_dir)
    prefs.set("data/keep_backups", 3)
    prefs.sync()
    app = QApplication.instance()
    window, undo_stack = create_window(app, data_dir)
    qtbot.addWidget(window)
    window.dismiss_welcome()
    attach_data(window, data_dir, undo_stack)  # the daily backup, pruned to 3
    backups = list_backups(backups_dir_of(data_dir))
    assert len(backups) == 3
    assert backups[0].name.startswith(f"benzoapp-{dt.date.today():%Y%m%d}")
    window.prefs.set("data/keep_backups", 2)  # as the dialog does
    window.registry["file.backup"].trigger()
    assert len(list_backups(backups_dir_of(data_dir))) == 2
    window.close()
    app.aboutToQuit.emit()


def test_the_command_line_keeps_the_number_chosen_in_the_window(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    open_store(data_dir).close()
    old_backups(data_dir, 8)
    prefs = Preferences(data_dir)
    prefs.set("data/keep_backups", 20)
    prefs.sync()
    assert main(["--data-dir", str(data_dir), "backup"]) == 0  # daily + manual, none pruned
    assert len(list_backups(backups_dir_of(data_dir))) == 10
    prefs.set("data/keep_backups", 4)
    prefs.sync()
    assert main(["--data-dir", str(data_dir), "backup"]) == 0
    assert len(list_backups(backups_dir_of(data_dir))) == 4
    capsys.readouterr()
