"""The window on a data folder that cannot be written: everything shown, nothing saved, said once.

The write check meets a read-only disk's ``OSError`` (simulated at
``benzoapp.store.access.probe_write``, since tests may run as root); the store then opens
SQLite read-only for real, so any write that slipped through would fail loudly.
"""

from __future__ import annotations

import errno
import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from benzoapp.app import attach_data, create_window
from benzoapp.gui.main_window import MainWindow
from benzoapp.gui.single_instance import InstanceServer, start_instance_server
from benzoapp.store import ReadOnlyDatabaseError, open_store
from benzoapp.store.demo import fill_demo
from benzoapp.store.schema import DB_FILENAME

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing the keyboard)")


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("template")
    with open_store(folder) as store:
        fill_demo(store)
    shutil.rmtree(folder / "backups", ignore_errors=True)
    return folder


@pytest.fixture
def folder(tmp_path: Path, demo_template: Path, writes_refused: None) -> Path:
    copy = tmp_path / "data"
    shutil.copytree(demo_template, copy)
    return copy


@pytest.fixture
def window(qtbot: QtBot, folder: Path):
    app = QApplication.instance()
    win, undo_stack = create_window(app, folder)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.dismiss_welcome()
    attach_data(win, folder, undo_stack)
    yield win
    win.close()
    app.aboutToQuit.emit()


def test_the_reason_is_said_once_and_kept_in_view(window: MainWindow, folder: Path) -> None:
    boxes = window.findChildren(QMessageBox, "read_only_box")
    assert len(boxes) == 1
    box = boxes[0]
    assert box.isVisible()
    assert box.icon() == QMessageBox.Icon.Information  # calm, no alarm
    assert str(folder) in box.text()
    assert "Changes cannot be saved" in box.text()
    assert "read-only" in box.text()
    note = window.findChild(QLabel, "read_only_note")
    assert note is not None
    assert note.text() == "Read-only: changes cannot be saved"
    assert str(folder) in note.toolTip()
    assert not window.registry["file.backup"].isEnabled()
    assert not window.registry["file.restore"].isEnabled()
    assert window.registry["file.export_pdf"].isEnabled()  # printing still works
    assert window.registry["file.print"].isEnabled()


def test_everything_is_shown_and_nothing_can_be_written(
    qtbot: QtBot, window: MainWindow, folder: Path
) -> None:
    before = digest(folder / DB_FILENAME)
    today = window.pages["Today"]
    assert today.rows  # the demo plan's doses for today are shown
    for row in today.rows:
        assert not row.taken.isEnabled()
        qtbot.mouseClick(row.taken, Qt.MouseButton.LeftButton)
    assert not today.check_in_group.isEnabled()
    plan = window.pages["Plan"]
    assert plan.state.plan is not None
    assert plan.model.rowCount() > 0
    assert not plan.save_button.isEnabled()
    assert str(folder) in plan.save_button.toolTip()
    plan.regimen.selectAll()
    qtbot.keyClicks(plan.regimen, "diazepam 5mg 08:00")
    assert plan.state.plan is not None  # plans can still be drawn up and printed
    assert not plan.save_button.isEnabled()
    assert not plan.has_unsaved_changes()  # closing does not offer to keep it
    meds = window.pages["Medications & supplements"]
    assert meds.model.rowCount() > 0
    rows = meds.model.rowCount()
    assert not meds.add_button.isEnabled()
    qtbot.keyClicks(meds.name, "magnesium")
    qtbot.keyClick(meds.name, Qt.Key.Key_Return)
    assert meds.model.rowCount() == rows
    journal = window.pages["Journal"]
    assert not journal.entry.save_button.isEnabled()
    journal.entry.save()  # as Ctrl+Return does
    assert "Not saved" in journal.message.text()
    assert window.undo_stack.count() <= 1  # only the Plan page's on-screen regimen change
    assert digest(folder / DB_FILENAME) == before
    assert not (folder / "backups").exists()
    assert window.close()


def test_a_server_that_cannot_listen_does_not_stop_the_start(
    qtbot: QtBot, data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    parent = QObject()
    working = start_instance_server(data_dir, parent, lambda: None)
    assert working is not None
    working.close()
    monkeypatch.setenv("TMPDIR", str(tmp_path / "no-such-folder"))
    shown: list[bool] = []
    assert start_instance_server(data_dir, parent, lambda: shown.append(True)) is None

    def broken(self: InstanceServer) -> bool:
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.delenv("TMPDIR")
    monkeypatch.setattr(InstanceServer, "listen", broken)
    assert start_instance_server(data_dir, parent, lambda: shown.append(True)) is None
    assert shown == []


def test_a_save_that_fails_later_is_explained_plainly_not_as_a_crash(
    qtbot: QtBot, data_dir: Path
) -> None:
    """The disk fills up after start-up: the save's plain message, no traceback dialog."""
    from benzoapp.gui.crash import make_excepthook
    from benzoapp.store.engine import translate

    crashes: list[str] = []
    explained: list[tuple[str, str]] = []
    hook = make_excepthook(
        None, show=lambda d, p: crashes.append(d), explain=lambda t, m: explained.append((t, m))
    )
    error = translate(sqlite3.OperationalError("database or disk is full"), list)
    try:
        raise error
    except ReadOnlyDatabaseError as caught:
        hook(type(caught), caught, caught.__traceback__)
    assert crashes == []
    ((title, message),) = explained
    assert title == "Not saved"
    assert message.startswith("This could not be saved: the disk is full.")
    assert "Traceback" not in message
