"""Starting the window on a data folder that cannot be written: read-only from the first moment.

The write check meets a read-only disk's ``OSError`` (simulated at
``benzoapp.store.access.probe_write``, since tests may run as root).
"""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

import benzoapp.app
from benzoapp.app import attach_data, create_window
from benzoapp.gui.main_window import MainWindow
from benzoapp.gui.today_page import TodayPage
from benzoapp.store import open_store
from benzoapp.store.demo import fill_demo
from benzoapp.store.schema import DB_FILENAME

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing the keyboard)")
REAL_CONNECT = sqlite3.connect


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("template")
    with open_store(folder) as store:
        fill_demo(store, dt.date.today())
    shutil.rmtree(folder / "backups", ignore_errors=True)
    (folder / "settings.ini").write_text("[app]\nfirst_run_done=true\n", encoding="utf-8")
    return folder


@pytest.fixture
def folder(tmp_path: Path, demo_template: Path, writes_refused: None) -> Path:
    copy = tmp_path / "data"
    shutil.copytree(demo_template, copy)
    return copy


def sqlite_fails_read_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """A plain read-only open fails as SQLite 3.40's does on a read-only mount."""

    def connect(database: Any, *args: Any, **kwargs: Any) -> sqlite3.Connection:
        text = str(database)
        if kwargs.get("uri") and "mode=ro" in text and "immutable=1" not in text:
            raise sqlite3.OperationalError("unable to open database file")
        return REAL_CONNECT(database, *args, **kwargs)

    monkeypatch.setattr(sqlite3, "connect", connect)


@pytest.fixture
def start(qtbot: QtBot) -> Iterator[Callable[[Path], MainWindow]]:
    """Start the window as the app does (staged: Today first, the rest a turn later)."""
    windows: list[MainWindow] = []

    def started(folder: Path) -> MainWindow:
        app = QApplication.instance()
        window, undo_stack = create_window(app, folder)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        windows.append(window)
        attach_data(window, folder, undo_stack, staged=True)
        return window

    yield started
    for window in windows:
        qtbot.waitUntil(lambda w=window: fully_loaded(w))  # type: ignore[misc]
        window.close()
    QApplication.instance().aboutToQuit.emit()


def fully_loaded(window: MainWindow) -> bool:
    return all(p.objectName() != "placeholder" for p in window.pages.values())


def writing_enabled(page: TodayPage) -> bool:
    assert page.rows  # the demo plan has a dose today
    return any(r.taken.isEnabled() or r.amount.isEnabled() for r in page.rows) or (
        page.check_in_group.isEnabled()
    )


@pytest.fixture
def today_when_the_rest_loads(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Whether Today's writing controls were enabled on the turn before the other pages."""
    seen: list[bool] = []
    real = benzoapp.app._attach_rest

    def recording(window: MainWindow, store: Any, today: TodayPage, **kwargs: Any) -> None:
        seen.append(writing_enabled(today))
        real(window, store, today, **kwargs)

    monkeypatch.setattr(benzoapp.app, "_attach_rest", recording)
    return seen


def test_today_from_the_snapshot_stays_read_only_when_the_store_is_attached(
    qtbot: QtBot,
    folder: Path,
    start: Callable[[Path], MainWindow],
    today_when_the_rest_loads: list[bool],
) -> None:
    window = start(folder)
    page = window.pages["Today"]
    assert isinstance(page, TodayPage)
    assert not writing_enabled(page)  # the snapshot, before the store opens
    qtbot.waitUntil(lambda: bool(today_when_the_rest_loads))
    assert today_when_the_rest_loads == [False]
    assert window.pages["Today"] is page
    assert str(folder) in page.rows[0].taken.toolTip()


def test_today_built_on_the_store_is_read_only_from_the_start(
    qtbot: QtBot,
    folder: Path,
    start: Callable[[Path], MainWindow],
    today_when_the_rest_loads: list[bool],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """No snapshot (say, SQLite cannot open the file read-only there): Today comes later."""
    sqlite_fails_read_only(monkeypatch)
    start(folder)
    qtbot.waitUntil(lambda: bool(today_when_the_rest_loads))
    assert today_when_the_rest_loads == [False]


def test_changes_left_over_from_a_crash_are_not_claimed_to_be_shown(
    qtbot: QtBot, folder: Path, start: Callable[[Path], MainWindow], monkeypatch: pytest.MonkeyPatch
) -> None:
    (folder / f"{DB_FILENAME}-wal").write_bytes(b"\1" * 4096)  # ignored when read as immutable
    sqlite_fails_read_only(monkeypatch)
    window = start(folder)
    qtbot.waitUntil(lambda: bool(window.findChildren(QMessageBox, "read_only_box")))
    (box,) = window.findChildren(QMessageBox, "read_only_box")
    assert "The most recent changes may not be shown" in box.text()
    assert "print everything" not in box.text()
    assert "as they were saved" not in box.informativeText()
    assert "Nothing in your data folder has been changed" in box.informativeText()
