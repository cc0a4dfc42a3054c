"""The Plan page's compact steps table: one line a step, no sideways scrolling, at every size."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QScrollArea
from pytestqt.qtbot import QtBot

from benzoapp.app import attach_data, create_window
from benzoapp.gui.formatting import badge
from benzoapp.gui.main_window import MainWindow
from benzoapp.gui.plan_table import FROM, NOTES, ROW_PADDING, StepTable
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
    """Wait for the layout to settle: the page may move its settings above the plan
    after measuring, and the table then fits its new width."""

    def settled() -> bool:
        width = table.viewport().width()
        return table._fitted_width == width > 0 and table.horizontalHeader().length() <= width

    qtbot.waitUntil(settled)


def assert_compact_and_whole(table: StepTable) -> None:
    """One line per step; nothing off to the side; short columns whole; Notes wide
    enough for the loudest level's words."""
    metrics = table.fontMetrics()
    header = table.horizontalHeader()
    assert table.model().rowCount() > 20
    assert header.length() <= table.viewport().width()
    assert table.horizontalScrollBar().maximum() == 0
    assert not table.horizontalScrollBar().isVisible()
    shown = table.shown_columns()
    assert NOTES in shown
    # The table's model holds only the shown columns (hidden ones would still be read out).
    assert table.model().columnCount() == len(shown)
    size = {c: header.sectionSize(table.view_column(c)) for c in shown}
    assert all(not table.isColumnHidden(table.view_column(c)) and size[c] > 0 for c in shown)
    assert size[NOTES] >= table.notes_floor()
    assert metrics.horizontalAdvance(badge("strong")) < size[NOTES]
    inner = {c: size[c] - 2 * table._margin() for c in shown}
    for row in range(table.model().rowCount()):
        assert table.rowHeight(row) == metrics.lineSpacing() + ROW_PADDING
        for column in shown:
            text = str(table.model().index(row, table.view_column(column)).data())
            assert "\n" not in text
            if column not in (NOTES, FROM):
                assert metrics.horizontalAdvance(text) <= inner[column], (row, column, text)


@pytest.mark.parametrize("size", [(1024, 700), (1280, 800), (1920, 1080)])
@pytest.mark.parametrize("theme", ["dark", "light"])
def test_the_steps_table_is_compact_at_every_size_and_text_size(
    qtbot: QtBot, window: MainWindow, size: tuple[int, int], theme: str
) -> None:
    table = window.pages["Plan"].table
    window.set_theme(theme)
    window.resize(*size)
    fitted(qtbot, table)
    assert_compact_and_whole(table)
    metrics = table.fontMetrics()
    window.registry["view.large_text"].setChecked(True)
    qtbot.waitUntil(lambda: table.fontMetrics().averageCharWidth() > metrics.averageCharWidth())
    table.fit()
    fitted(qtbot, table)
    assert_compact_and_whole(table)
    window.registry["view.large_text"].setChecked(False)


def test_tab_leaves_the_table_and_arrows_move_inside(qtbot: QtBot, window: MainWindow) -> None:
    page = window.pages["Plan"]
    table = page.table
    table.setFocus()
    table.selectRow(0)
    qtbot.keyClick(table, Qt.Key.Key_Down)
    assert page.selected_step() == 1
    assert page.step_details.text().startswith("Step 2: ")
    qtbot.keyClick(table, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is page.hold_button
    qtbot.keyClick(page.hold_button, Qt.Key.Key_Backtab)
    assert QApplication.focusWidget() is table


def test_with_large_text_the_settings_pane_is_not_cut_off(qtbot: QtBot, window: MainWindow) -> None:
    """Label and field side by side do not fit the pane with large text: the field goes
    under its label instead of running past the pane's edge, and the notes wrap."""
    page = window.pages["Plan"]
    window.registry["view.large_text"].setChecked(True)
    scroll = page.left_scroll
    assert isinstance(scroll, QScrollArea)
    content = scroll.widget()
    qtbot.waitUntil(lambda: content.width() <= scroll.viewport().width())
    assert content.minimumSizeHint().width() <= scroll.viewport().width()
    for field in (page.method, page.crossover, page.start, page.form.guide_button):
        right = field.mapTo(content, field.rect().topRight()).x()
        assert right <= scroll.viewport().width()
    window.registry["view.large_text"].setChecked(False)
