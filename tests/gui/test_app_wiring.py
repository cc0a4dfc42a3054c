"""The composition root on a real data folder: every section filled, edits reach the store."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit
from pytestqt.qtbot import QtBot

from benzoapp.app import attach_data, create_window
from benzoapp.gui.level_list import LEVEL_ROLE
from benzoapp.gui.main_window import PAGE_TITLES, MainWindow
from benzoapp.store import open_store

# Completion popups ask the offscreen platform for things it cannot do.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing the keyboard)")


@pytest.fixture
def window(qtbot: QtBot, data_dir: Path):
    app = QApplication.instance()
    win, undo_stack = create_window(app, data_dir)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    assert win.stack.currentWidget() is win.welcome  # first run
    attach_data(win, data_dir, undo_stack)
    win.welcome.accepted.emit()
    yield win
    win.close()
    app.aboutToQuit.emit()  # closes the store as at a real exit


def test_every_section_is_filled(window: MainWindow) -> None:
    assert [window.navigation.item(i).text() for i in range(5)] == list(PAGE_TITLES)
    assert all(p.objectName() != "placeholder" for p in window.pages.values())
    assert window.registry["file.print"].isEnabled()


def test_check_answers_as_you_type(qtbot: QtBot, window: MainWindow) -> None:
    window.show_page("Check")
    search = window.pages["Check"].findChild(QLineEdit, "check_search")
    qtbot.keyClicks(search, "Valium")
    shown = " ".join(label.text() for label in window.pages["Check"].findChildren(QLabel))
    assert "diazepam" in shown


def test_a_plan_used_on_the_plan_page_is_followed_by_today_and_stored(
    qtbot: QtBot, window: MainWindow, data_dir: Path
) -> None:
    plan_page = window.pages["Plan"]
    window.show_page("Plan")
    qtbot.keyClicks(plan_page.regimen, "diazepam 10mg 08:00")
    qtbot.mouseClick(plan_page.save_button, Qt.MouseButton.LeftButton)
    today_page = window.pages["Today"]
    window.show_page("Today")
    assert [row.label.text() for row in today_page.rows] == ["08:00   diazepam 10 mg"]
    qtbot.mouseClick(today_page.rows[0].taken, Qt.MouseButton.LeftButton)
    with open_store(data_dir) as store:
        active = store.plans.active()
        assert active is not None
        assert active[1].steps[0].total_mg == Decimal(10)
        (entry,) = store.dose_log.all()
        assert entry.taken_mg == Decimal(10)
        assert entry.day == dt.date.today()
    window.registry["edit.undo"].trigger()
    with open_store(data_dir) as store:
        assert store.dose_log.all() == []


def test_medications_and_journal_write_to_the_store(
    qtbot: QtBot, window: MainWindow, data_dir: Path
) -> None:
    meds = window.pages["Medications & supplements"]
    qtbot.keyClicks(meds.name, "Epsom salt bath")
    qtbot.mouseClick(meds.add_button, Qt.MouseButton.LeftButton)
    assert meds.model.index(0, 0).data(LEVEL_ROLE) == "✕ Avoid"
    journal = window.pages["Journal"]
    spin = journal.entry.spin_box("fatigue")
    spin.selectAll()
    qtbot.keyClicks(spin, "4")
    journal.entry.save()
    with open_store(data_dir) as store:
        assert [m.name for _, m in store.medications.list()] == ["Epsom salt bath"]
        assert store.journal.get(dt.date.today()).symptoms["fatigue"] == 4


def test_backup_from_the_file_menu(window: MainWindow, data_dir: Path) -> None:
    window.registry["file.backup"].trigger()
    assert "Backed up to" in window.statusBar().currentMessage()
    with open_store(data_dir) as store:
        assert store.list_backups()


def test_closing_with_a_changed_plan_offers_to_keep_it(
    qtbot: QtBot, window: MainWindow, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    qtbot.keyClicks(window.pages["Plan"].regimen, "diazepam 5mg 08:00")
    answers = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save]
    monkeypatch.setattr(QMessageBox, "exec", lambda box: answers.pop(0))
    assert not window.close()  # Cancel: the window stays
    assert window.isVisible()
    assert window.close()  # "Use this plan": kept, then closed
    with open_store(data_dir) as store:
        active = store.plans.active()
        assert active is not None
        assert active[1].steps[0].total_mg == Decimal(5)


def test_restore_from_the_file_menu_brings_back_the_backup(
    qtbot: QtBot, window: MainWindow, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QInputDialog

    window.registry["file.backup"].trigger()
    meds = window.pages["Medications & supplements"]
    qtbot.keyClicks(meds.name, "magnesium")
    qtbot.mouseClick(meds.add_button, Qt.MouseButton.LeftButton)
    assert meds.model.rowCount() == 1
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: (a[3][-1], True))
    window.registry["file.restore"].trigger()
    restored = window.pages["Medications & supplements"]
    assert restored is not meds
    assert restored.model.rowCount() == 0
    with open_store(data_dir) as store:
        assert store.medications.list() == []


def test_export_pdf_writes_the_plan_with_the_medications(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pypdf import PdfReader
    from PySide6.QtWidgets import QFileDialog

    qtbot.keyClicks(window.pages["Plan"].regimen, "diazepam 10mg 08:00")
    qtbot.mouseClick(window.pages["Plan"].save_button, Qt.MouseButton.LeftButton)
    meds = window.pages["Medications & supplements"]
    qtbot.keyClicks(meds.name, "Cipro")
    qtbot.mouseClick(meds.add_button, Qt.MouseButton.LeftButton)
    target = tmp_path / "my plan.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.registry["file.export_pdf"].trigger()
    text = " ".join(page.extract_text() for page in PdfReader(target).pages)
    assert "diazepam" in text
    assert "Cipro" in text
    assert window.statusBar().currentMessage() == f"Saved {target}"


def test_journal_and_today_share_the_stored_day_in_the_running_app(
    qtbot: QtBot, window: MainWindow, data_dir: Path
) -> None:
    """The issue's data loss, on the real store: a Journal save, then Today's check-in,
    keeps the Journal's values (the day's five shared symptoms are not reset)."""
    journal_page, today_page = window.pages["Journal"], window.pages["Today"]
    window.show_page("Journal")
    spin = journal_page.entry.spin_box("fatigue")
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, "7")
    journal_page.entry.save()
    window.show_page("Today")
    assert today_page.symptoms["fatigue"].value() == 7
    qtbot.mouseClick(today_page.save_check_in, Qt.MouseButton.LeftButton)
    with open_store(data_dir) as store:
        stored = store.journal.get(dt.date.today())
        assert stored is not None
        assert stored.symptoms["fatigue"] == 7
