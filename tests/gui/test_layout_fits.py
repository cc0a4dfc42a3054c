"""Layouts that hold: every page measured at every window size, theme and text size.

On the real window with a year of demo data, each section is shown at 1024x700, 1280x800
and 1920x1080, in the dark and the light theme, at each text size, and measured:

* the window keeps the size asked for (the page's minimum fits in it);
* no scroll area, table or text box needs a sideways scroll bar;
* no label is cut: a wrapped label has the height its text needs at its width, a
  one-line label the width, and no label runs outside the widget that holds it (except
  inside a scroll area, which scrolls up and down to it);
* every button is wide enough for its text;
* every table row fits in its table's view.

Pages rebuilt in parallel elsewhere and known to fail are marked below, each with the
page and what fails, so nothing else can hide behind them.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QApplication,
    QHeaderView,
    QLabel,
    QTableView,
    QWidget,
)

from benzoapp.app import attach_data, create_window
from benzoapp.gui.link_button import LinkButton
from benzoapp.gui.main_window import PAGE_TITLES, MainWindow
from benzoapp.gui.screenshots import SIZES, THEMES, set_view
from benzoapp.gui.theme import TextSize
from benzoapp.store import open_store
from benzoapp.store.demo import fill_demo

pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support (raise|grabbing the keyboard|propagateSizeHints)"
)

SLACK = 1  # pixels of rounding allowed

# (page, window size, text size) known to fail on pages being rebuilt elsewhere: reason.
KNOWN: dict[tuple[str, tuple[int, int] | None, TextSize | None], str] = {
    ("Medications & supplements", None, None): (
        "Medications & supplements page (being rebuilt for issue 15 point 4 as a compact "
        "list beside a detail pane): a row with long reasons is taller than the table's view"
    ),
}


def _known(title: str, size: tuple[int, int], text: TextSize) -> str | None:
    for (page, known_size, known_text), reason in KNOWN.items():
        if page == title and known_size in (None, size) and known_text in (None, text):
            return reason
    return None


def describe(widget: QWidget) -> str:
    name = widget.accessibleName() or widget.objectName()
    text = str(widget.property("text") or "")[:40]
    return f"{type(widget).__name__}({name or text!r})"


def _runs_outside(widget: QWidget, page: QWidget) -> str | None:
    """The first ancestor (up to the page) that cuts ``widget`` off, if any.

    Inside a scroll area's view the content may run on: the area scrolls to it (a
    sideways scroll bar is reported on its own).
    """
    top_left = QPoint(0, 0)
    ancestor = widget.parentWidget()
    while ancestor is not None:
        holder = ancestor.parentWidget()
        if isinstance(holder, QAbstractScrollArea) and holder.viewport() is ancestor:
            return None
        mapped = QRect(widget.mapTo(ancestor, top_left), widget.size())
        if not ancestor.rect().adjusted(-SLACK, -SLACK, SLACK, SLACK).contains(mapped):
            return describe(ancestor)
        if ancestor is page:
            return None
        ancestor = holder
    return None


def clip_problems(page: QWidget) -> list[str]:
    """Everything on ``page`` that is cut off or needs scrolling sideways."""
    problems: list[str] = []
    for area in page.findChildren(QAbstractScrollArea):
        if area.isVisible() and area.horizontalScrollBar().maximum() > 0:
            problems.append(f"{describe(area)} scrolls sideways")
    for label in page.findChildren(QLabel):
        if label.isVisible() and label.text().strip() and label.width() > 0:
            problems += _label_problems(label, page)
    for button in page.findChildren(QAbstractButton):
        shown = button.isVisible() and button.text()
        if shown and isinstance(button, LinkButton):
            # A link wraps: cut only if its lines do not fit, or its longest word.
            if button.needs_more_room() or button.width() < button.minimumSizeHint().width():
                problems.append(f"{describe(button)} is cut (it wraps in {button.width()}px)")
        elif shown and button.sizeHint().width() > button.width() + SLACK:
            problems.append(
                f"{describe(button)} needs {button.sizeHint().width()}px, has {button.width()}"
            )
    for table in page.findChildren(QTableView):
        if table.isVisible() and table.model() is not None:
            view = table.viewport().height()
            rows = range(min(table.model().rowCount(), 200))
            tall = next((row for row in rows if table.rowHeight(row) > view), None)
            if tall is not None:
                problems.append(f"{describe(table)} row {tall} is taller than the view")
    return problems


def _label_problems(label: QLabel, page: QWidget) -> list[str]:
    problems = []
    if label.wordWrap():
        needed = label.heightForWidth(label.width())
        if needed > label.height() + SLACK:
            problems.append(f"{describe(label)} needs {needed}px high, has {label.height()}")
    elif label.pixmap().isNull():
        hint = label.sizeHint()
        if hint.width() > label.width() + SLACK:
            problems.append(f"{describe(label)} needs {hint.width()}px, has {label.width()}")
        if label.minimumSizeHint().height() > label.height() + SLACK:
            problems.append(f"{describe(label)} is cut at top or bottom")
    outside = _runs_outside(label, page)
    if outside:
        problems.append(f"{describe(label)} runs outside {outside}")
    return problems


# -- the real window -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def window(qapp: QApplication, tmp_path_factory: pytest.TempPathFactory) -> Iterator[MainWindow]:
    folder = tmp_path_factory.mktemp("layout") / "data"
    template = tmp_path_factory.mktemp("layout-template")
    with open_store(template) as store:
        fill_demo(store)
    shutil.copytree(template, folder)
    win, undo_stack = create_window(qapp, folder)
    win.resize(1280, 800)
    win.show()
    QTest.qWaitForWindowExposed(win)
    win.dismiss_welcome()
    attach_data(win, folder, undo_stack)
    QApplication.processEvents()
    yield win
    set_view(win, (1280, 800), "dark", TextSize.NORMAL)
    win.close()
    win.deleteLater()
    qapp.aboutToQuit.emit()


def _settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


_MEASURED: dict[tuple[tuple[int, int], TextSize, str], dict[str, list[str]]] = {}


def measured(
    window: MainWindow, size: tuple[int, int], text: TextSize, theme: str
) -> dict[str, list[str]]:
    """Every page's problems in one variant (measured once: changing theme restyles all)."""
    key = (size, text, theme)
    if key not in _MEASURED:
        set_view(window, size, theme, text)
        results = {}
        for title in PAGE_TITLES:
            window.show_page(title)
            _settle()
            page = window.pages[title]
            results[title] = _fits(window, page, size) + clip_problems(page)
        _MEASURED[key] = results
    return _MEASURED[key]


def _fits(window: MainWindow, page: QWidget, size: tuple[int, int]) -> list[str]:
    """Whether the page's smallest layout fits beside the section list in this window."""
    margins = window.stack.contentsMargins()
    width = size[0] - window.navigation.width() - margins.left() - margins.right()
    height = size[1] - window.menuBar().sizeHint().height() - margins.top() - margins.bottom()
    least = page.minimumSizeHint()
    found = []
    if least.width() > width:
        found.append(f"needs {least.width()}px wide beside the sections, has {width}")
    if least.height() > height:
        found.append(f"needs {least.height()}px high, has {height}")
    return found


@pytest.mark.slow
@pytest.mark.parametrize("text", list(TextSize), ids=lambda t: t.value)
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("title", PAGE_TITLES)
def test_nothing_is_cut_off_or_scrolls_sideways(
    window: MainWindow, title: str, size: tuple[int, int], text: TextSize
) -> None:
    found = [
        f"{theme}: {problem}"
        for theme in THEMES
        for problem in measured(window, size, text, theme)[title]
    ]
    reason = _known(title, size, text)
    if reason and found:
        pytest.xfail(reason)
    assert not found


# -- the measures themselves, on small widgets ------------------------------------------------


def test_the_measures_catch_a_cut_label_a_narrow_button_and_a_sideways_table(qtbot) -> None:
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QPushButton, QVBoxLayout

    page = QWidget()
    qtbot.addWidget(page)
    box = QVBoxLayout(page)
    label = QLabel("A label much too long to fit in the narrow width it is given here")
    label.setMaximumWidth(80)
    wrapped = QLabel("Wrapped text that needs several lines at this narrow width. " * 3)
    wrapped.setWordWrap(True)
    wrapped.setFixedSize(120, 20)
    button = QPushButton("A button whose text is long")
    button.setMaximumWidth(60)
    table = QTableView()
    model = QStandardItemModel(3, 8, table)
    for c in range(8):
        model.setItem(0, c, QStandardItem("wide column text"))
    table.setModel(model)
    table.resizeColumnsToContents()
    table.setMaximumWidth(200)
    for widget in (label, wrapped, button, table):
        box.addWidget(widget)
    page.resize(400, 400)
    page.show()
    qtbot.waitExposed(page)
    problems = " | ".join(clip_problems(page))
    assert "QLabel('A label much" in problems
    assert "QLabel('Wrapped text" in problems
    assert "QPushButton('A button" in problems
    assert "scrolls sideways" in problems
    label.setMaximumWidth(10_000)
    wrapped.setFixedSize(380, 200)
    button.setMaximumWidth(10_000)
    table.setMaximumWidth(10_000)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    page.resize(1600, 500)
    QApplication.processEvents()
    assert clip_problems(page) == []


@pytest.mark.parametrize(
    ("size", "text", "side_by_side"),
    [((1600, 900), TextSize.NORMAL, True), ((770, 640), TextSize.LARGE, False)],
)
def test_the_journal_page_stacks_when_narrow_and_cuts_nothing(
    qtbot, size: tuple[int, int], text: TextSize, side_by_side: bool, *, journal, plans, today
) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QUndoStack

    from benzoapp.core.journal import load_catalogue
    from benzoapp.gui.journal_page import JournalPage
    from benzoapp.gui.theme import ThemeName, apply_theme

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    apply_theme(app, ThemeName.DARK, text)
    try:
        page = JournalPage(load_catalogue(), journal, plans, QUndoStack(), today=lambda: today)
        qtbot.addWidget(page)
        page.resize(*size)
        page.show()
        qtbot.waitExposed(page)
        _settle()
        assert page.minimumSizeHint().width() <= size[0]
        wanted = Qt.Orientation.Horizontal if side_by_side else Qt.Orientation.Vertical
        assert page._splitter.orientation() == wanted
        assert clip_problems(page) == []
        if not side_by_side:  # the whole entry shows; the column scrolls instead
            entry = page.entry
            assert page._entry_scroll.verticalScrollBar().maximum() == 0
            assert entry.height() >= entry.heightForWidth(entry.width()) - SLACK
    finally:
        apply_theme(app, ThemeName.DARK, TextSize.NORMAL)


@pytest.mark.parametrize("text", list(TextSize), ids=lambda t: t.value)
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_journal_page_alone_fits_the_room_each_window_leaves_it(
    qtbot, size: tuple[int, int], text: TextSize, *, journal, plans, today
) -> None:
    """Measured at the page's own share of the window, whatever other pages need."""
    from PySide6.QtGui import QUndoStack

    from benzoapp.core.journal import load_catalogue
    from benzoapp.gui.journal_page import JournalPage
    from benzoapp.gui.main_window import NAV_MAX_SHARE, NAV_MIN_WIDTH
    from benzoapp.gui.theme import ThemeName, apply_theme

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    apply_theme(app, ThemeName.DARK, text)
    try:
        page = JournalPage(load_catalogue(), journal, plans, QUndoStack(), today=lambda: today)
        qtbot.addWidget(page)
        room = (
            size[0] - max(NAV_MIN_WIDTH, int(size[0] * NAV_MAX_SHARE)) - 32,
            size[1] - 2 * page.fontMetrics().height() - 24,  # the menu bar and margins
        )
        page.resize(*room)
        page.show()
        qtbot.waitExposed(page)
        _settle()
        assert page.minimumSizeHint().width() <= room[0]
        assert page.minimumSizeHint().height() <= room[1]
        assert clip_problems(page) == []
    finally:
        apply_theme(app, ThemeName.DARK, TextSize.NORMAL)
