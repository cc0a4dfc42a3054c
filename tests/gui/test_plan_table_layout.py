"""The Plan page's steps table at 1280x800: every dose readable, no sideways scrolling."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication, QScrollArea
from pytestqt.qtbot import QtBot

from benzoapp.app import attach_data, create_window
from benzoapp.gui.main_window import MainWindow
from benzoapp.gui.plan_model import COLUMNS, dose_line
from benzoapp.gui.plan_table import DOSES, ROW_PADDING, StepTable
from benzoapp.store import open_store
from benzoapp.store.demo import fill_demo

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing the keyboard)")


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("template")
    with open_store(folder) as store:
        fill_demo(store)
    return folder


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path, demo_template: Path):
    folder = tmp_path / "data"
    shutil.copytree(demo_template, folder)
    app = QApplication.instance()
    win, undo_stack = create_window(app, folder)
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    qtbot.waitExposed(win)
    win.dismiss_welcome()
    attach_data(win, folder, undo_stack)
    win.show_page("Plan")
    yield win
    win.close()
    app.aboutToQuit.emit()


def fitted(qtbot: QtBot, table: StepTable) -> None:
    qtbot.waitUntil(lambda: table._fitted_width == table.viewport().width() > 0)


def assert_doses_shown_in_full(table: StepTable) -> None:
    """Every row's doses, wrapped at the column's width, fit inside its cell."""
    metrics = table.fontMetrics()
    margin = table._margin()
    inner = table.columnWidth(DOSES) - 2 * margin
    flags = int(Qt.TextFlag.TextWordWrap)
    assert table.model().rowCount() > 20
    for row in range(table.model().rowCount()):
        text = str(table.model().index(row, DOSES).data())
        needed = metrics.boundingRect(QRect(0, 0, inner, 1_000_000), flags, text)
        assert needed.width() <= inner, (row, text)  # no word runs past the edge
        assert needed.height() <= table.rowHeight(row) - ROW_PADDING, (row, text)


def test_at_1280x800_the_doses_are_readable_without_scrolling_sideways(
    qtbot: QtBot, window: MainWindow
) -> None:
    table = window.pages["Plan"].table
    fitted(qtbot, table)
    header = table.horizontalHeader()
    assert header.length() <= table.viewport().width()
    assert table.horizontalScrollBar().maximum() == 0
    assert not table.horizontalScrollBar().isVisible()
    assert all(header.sectionSize(c) > 0 for c in range(len(COLUMNS)))  # nothing hidden
    assert_doses_shown_in_full(table)
    # A dose wraps only between its parts, never between a number and its unit.
    line = dose_line("08:00", "clonazepam", "0.5 mg", "1/2 x 1 mg + 1 x 0.25 mg")
    assert line == (
        "08:00 clonazepam 0.5\u00a0mg (1/2\u00a0x\u00a01\u00a0mg\u00a0+ 1\u00a0x\u00a00.25\u00a0mg)"
    )


def test_with_room_each_dose_takes_one_line_and_large_text_still_shows_them(
    qtbot: QtBot, window: MainWindow
) -> None:
    table = window.pages["Plan"].table
    window.resize(1900, 1000)
    fitted(qtbot, table)
    metrics = table.fontMetrics()
    inner = table.columnWidth(DOSES) - 2 * table._margin()
    for row in range(table.model().rowCount()):
        for line in str(table.model().index(row, DOSES).data()).split("\n"):
            assert metrics.horizontalAdvance(line) <= inner
    assert table.horizontalScrollBar().maximum() == 0
    # Large text at 1280 pixels leaves too little room for every column; the doses are
    # still shown whole (wrapped), and the notes give way first.
    window.resize(1280, 800)
    window.registry["view.large_text"].setChecked(True)
    qtbot.waitUntil(lambda: table.fontMetrics().averageCharWidth() > metrics.averageCharWidth())
    fitted(qtbot, table)
    qtbot.waitUntil(lambda: table._measured is not None)
    assert_doses_shown_in_full(table)
    window.registry["view.large_text"].setChecked(False)


def test_with_large_text_the_settings_pane_is_not_cut_off(qtbot: QtBot, window: MainWindow) -> None:
    """Label and field side by side do not fit the pane with large text: the field goes
    under its label instead of running past the pane's edge, and the notes wrap."""
    page = window.pages["Plan"]
    window.registry["view.large_text"].setChecked(True)
    scroll = page.findChild(QScrollArea)
    assert scroll is not None
    content = scroll.widget()
    qtbot.waitUntil(lambda: content.width() <= scroll.viewport().width())
    assert content.minimumSizeHint().width() <= scroll.viewport().width()
    for field in (page.method, page.crossover, page.start):
        right = field.mapTo(content, field.rect().topRight()).x()
        assert right <= scroll.viewport().width()
    window.registry["view.large_text"].setChecked(False)
