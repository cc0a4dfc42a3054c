"""Staged start on a year of data: Today from the read-only snapshot first, then the store."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from dataclasses import replace
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

import benzoapp.store
from benzoapp.app import attach_data, create_window
from benzoapp.gui.first_paint import LOADED_ENV
from benzoapp.gui.formatting import mg
from benzoapp.gui.main_window import MainWindow
from benzoapp.gui.today_page import TodayPage, step_on
from benzoapp.store import open_store
from benzoapp.store.demo import fill_demo
from benzoapp.store.schema import DB_FILENAME

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")
STORE_FIXTURES = Path(__file__).resolve().parent.parent / "store" / "fixtures"


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("demo-template")
    with open_store(folder) as store:
        fill_demo(store, dt.date.today())
    (folder / "settings.ini").write_text("[app]\nfirst_run_done=true\n", encoding="utf-8")
    return folder


@pytest.fixture
def demo_dir(tmp_path: Path, demo_template: Path) -> Path:
    folder = tmp_path / "demo"
    shutil.copytree(demo_template, folder)
    return folder


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Every folder the app opens the full store on, in order."""
    calls: list[Path] = []
    real = benzoapp.store.open_store

    def recording(folder: Path, *args: Any, **kwargs: Any) -> Any:
        calls.append(folder)
        return real(folder, *args, **kwargs)

    monkeypatch.setattr(benzoapp.store, "open_store", recording)
    return calls


def start(qtbot: QtBot, folder: Path) -> MainWindow:
    app = QApplication.instance()
    window, undo_stack = create_window(app, folder)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    attach_data(window, folder, undo_stack, staged=True)
    return window


def shown(page: TodayPage) -> list[tuple[str, bool, str]]:
    return [(r.label.text(), r.taken.isChecked(), r.amount.text()) for r in page.rows]


def stored_today(folder: Path) -> list[tuple[str, Decimal, Decimal | None]]:
    today = dt.date.today()
    with open_store(folder) as store:
        return [(e.time, e.planned_mg, e.taken_mg) for e in store.dose_log.between(today, today)]


def planned_today(folder: Path) -> list[tuple[str, str, Decimal]]:
    """(label, time, mg) of each dose the store's active plan has for today."""
    with open_store(folder) as store:
        active = store.plans.active()
    assert active is not None
    step = step_on(active[1], dt.date.today())
    assert step is not None
    return [(f"{d.time}   {d.drug} {mg(d.mg)}", d.time, d.mg) for d in step.doses]


def fully_loaded(window: MainWindow) -> bool:
    return all(p.objectName() != "placeholder" for p in window.pages.values())


def test_today_shows_the_snapshot_first_then_writes_to_the_store(
    qtbot: QtBot, demo_dir: Path, opened: list[Path]
) -> None:
    window = start(qtbot, demo_dir)
    page = window.pages["Today"]
    assert isinstance(page, TodayPage)
    # Shown before the store was opened, from the read-only snapshot.
    assert opened == []
    assert page.is_read_only()
    ((label, time, amount),) = planned_today(demo_dir)  # the demo: one dose left today
    before = shown(page)
    assert before == [(label, False, format(amount.normalize(), "f"))]
    assert not page.rows[0].taken.isEnabled()
    assert not page.rows[0].amount.isEnabled()
    assert not page.check_in_group.isEnabled()
    symptoms = {key: spin.value() for key, spin in page.symptoms.items()}
    assert any(symptoms.values())  # today's journal day, from the snapshot
    rows = list(page.rows)
    # A click while read-only does nothing (the control is disabled) and writes nothing.
    qtbot.mouseClick(page.rows[0].taken, Qt.MouseButton.LeftButton)
    assert not page.rows[0].taken.isChecked()

    qtbot.waitUntil(lambda: not page.is_read_only())
    assert opened == [demo_dir]
    assert window.pages["Today"] is page
    assert page.rows == rows  # the same widgets, updated in place
    assert shown(page) == before
    assert {key: spin.value() for key, spin in page.symptoms.items()} == symptoms
    assert page.rows[0].taken.isEnabled()
    assert page.check_in_group.isEnabled()
    qtbot.waitUntil(lambda: fully_loaded(window))

    qtbot.mouseClick(page.rows[0].taken, Qt.MouseButton.LeftButton)
    assert stored_today(demo_dir) == [(time, amount, amount)]
    window.close()
    QApplication.instance().aboutToQuit.emit()  # closes the store as at a real exit


def test_a_changed_amount_shows_the_same_before_and_after_the_store_opens(
    qtbot: QtBot, demo_dir: Path
) -> None:
    today = dt.date.today()
    with open_store(demo_dir) as store:
        (entry,) = store.dose_log.between(today, today)
        more = entry.planned_mg + Decimal("0.25")
        store.dose_log.record(replace(entry, taken_mg=more))
    ((label, _, _),) = planned_today(demo_dir)
    expected = [(label, True, format(more.normalize(), "f"))]
    window = start(qtbot, demo_dir)
    page = window.pages["Today"]
    assert isinstance(page, TodayPage)
    assert page.is_read_only()
    assert shown(page) == expected
    qtbot.waitUntil(lambda: not page.is_read_only())
    assert shown(page) == expected
    qtbot.waitUntil(lambda: fully_loaded(window))
    qtbot.mouseClick(page.rows[0].taken, Qt.MouseButton.LeftButton)  # untick
    assert stored_today(demo_dir) == []
    window.close()
    QApplication.instance().aboutToQuit.emit()


def test_an_older_data_file_takes_the_normal_path(
    qtbot: QtBot, data_dir: Path, opened: list[Path]
) -> None:
    shutil.copyfile(STORE_FIXTURES / "0002_mecfs_history.sqlite3", data_dir / DB_FILENAME)
    window = start(qtbot, data_dir)
    page = window.pages["Today"]
    assert opened == [data_dir]  # opened (and upgraded) at once, no snapshot
    assert isinstance(page, TodayPage)
    assert not page.is_read_only()
    qtbot.waitUntil(lambda: fully_loaded(window))
    window.close()
    QApplication.instance().aboutToQuit.emit()


def test_the_app_shows_today_without_importing_sqlalchemy(demo_dir: Path) -> None:
    """The whole start, as the benchmark runs it, until Today shows the demo year."""
    env = {**os.environ, LOADED_ENV: "today", "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "benzoapp", "--data-dir", str(demo_dir)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "loaded-today" in result.stdout
    imported = [line for line in result.stderr.splitlines() if line.startswith("import time")]
    assert any("benzoapp.store.quick_read" in line for line in imported)
    assert not [line for line in imported if "sqlalchemy" in line or "alembic" in line]
