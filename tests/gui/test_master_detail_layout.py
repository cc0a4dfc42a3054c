"""Medications and Check hold at every window size, theme and text size.

Each page is shown in the main window at 1024x700, 1280x800 and 1920x1080, dark and
light, at normal, large and a 1.5x text size, with real answers (regimen flags, a long
name, a product with ingredients). Measured, not looked at: no sideways scrolling; no
label, button or link shorter or narrower than its text needs; every list row shows its
name (wrapped, never cut) and its level and mark in full; no row taller than its list.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QModelIndex
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QStyleOptionViewItem,
    QWidget,
)
from pytestqt.qtbot import QtBot

from benzoapp.core.cautions import Checker, load_knowledge_base
from benzoapp.core.model import Medication, PlanSettings
from benzoapp.gui import theme
from benzoapp.gui.check_page import CheckPage
from benzoapp.gui.level_list import LevelListView, elided_lines
from benzoapp.gui.link_button import LinkButton
from benzoapp.gui.main_window import MainWindow
from benzoapp.gui.medications_page import MedicationsPage

from .conftest import MemoryMedications, MemoryPlans, SimplePlanner

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing the keyboard)")

SIZES = ((1024, 700), (1280, 800), (1920, 1080))
THEMES = (theme.ThemeName.DARK, theme.ThemeName.LIGHT)
TEXT_SIZES = (("normal", None), ("large", theme.LARGE_POINT_SIZE), ("x1.5", 17))
LONG_NAME = "Natural Calm magnesium citrate powder with calcium and vitamin D (raspberry-lemon)"
TAKEN = ("Klonopin 0.5mg", "Xanax", "Ambien", "magnesium", "Epsom salt bath", LONG_NAME)


@pytest.fixture(scope="module")
def window(qapp: QApplication) -> Iterator[MainWindow]:
    """One window with both pages on real answers; each test sets size, theme and text."""
    saved = (qapp.styleSheet(), qapp.palette(), qapp.font(), theme.LARGE_POINT_SIZE)
    from benzoapp.gui.adapters import CheckerLookup

    checker = Checker(load_knowledge_base())
    medications, plans, planner = MemoryMedications(), MemoryPlans(), SimplePlanner()
    for name in TAKEN:
        medications.add(Medication(name))
    regimen = planner.parse_regimen("clonazepam 1 mg 22:00")
    plans.save(planner.build(regimen, PlanSettings(start=dt.date(2026, 3, 1))), "plan")
    stack = QUndoStack()
    check = CheckPage(checker)
    meds = MedicationsPage(medications, CheckerLookup(checker), stack, plans)
    built = MainWindow(pages={"Medications & supplements": meds, "Check": check}, undo_stack=stack)
    check.search.setText("Soma Compound")
    built.show()
    yield built
    built.close()
    built.deleteLater()
    qapp.setStyleSheet(saved[0])
    qapp.setPalette(saved[1])
    qapp.setFont(saved[2])
    theme.LARGE_POINT_SIZE = saved[3]


def settle(window: MainWindow) -> None:
    for _ in range(4):  # layouts, then the lists' delayed item layout, then repaint
        QApplication.processEvents()


def style(window: MainWindow, name: theme.ThemeName, size: int | None) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    if size is not None:
        theme.LARGE_POINT_SIZE = size
    theme.apply_theme(app, name, large_text=size is not None)
    window.fit_navigation()


def clipped(page: QWidget) -> list[str]:
    """Everything on ``page`` that does not get the room its content needs."""
    problems = []
    needs = page.minimumSizeHint()
    if needs.width() > page.width() or needs.height() > page.height():
        problems.append(f"page needs {needs.width()}x{needs.height()}, has {page.size()}")
    scroll = page.scroll_area  # type: ignore[attr-defined]
    body = scroll.widget()
    viewport = scroll.viewport().width()
    if body.width() > viewport or body.minimumSizeHint().width() > viewport:
        problems.append(f"sideways: {body.minimumSizeHint().width()} needed, {viewport} shown")
    for widget in page.findChildren(QWidget):
        if widget.isVisibleTo(page) and widget.width() > 0:
            problems.extend(widget_problems(widget))
    return problems


def widget_problems(widget: QWidget) -> list[str]:
    """Why one widget does not get the room its content needs (empty when it does)."""
    name = widget.objectName() or type(widget).__name__
    cut = False
    if isinstance(widget, LinkButton):
        cut = widget.needs_more_room() or widget.width() < widget.minimumSizeHint().width()
    elif isinstance(widget, QLabel) and widget.text():
        if widget.wordWrap():
            cut = widget.heightForWidth(widget.width()) > widget.height()
        else:
            cut = widget.sizeHint().width() > widget.width()
    elif isinstance(widget, QAbstractButton) and widget.text():
        cut = widget.sizeHint().width() > widget.width()
    elif isinstance(widget, QLineEdit | QComboBox):
        cut = widget.minimumSizeHint().height() > widget.height()
    elif isinstance(widget, LevelListView):
        return list_problems(widget)
    text = getattr(widget, "text", lambda: "")()
    return [f"cut: {name} {str(text)[:50]!r}"] if cut else []


def list_problems(view: LevelListView) -> list[str]:
    problems = []
    if view.width() < view.minimumSizeHint().width():
        problems.append(f"{view.accessibleName()}: narrower than its level words")
    model = view.model()
    delegate = view.itemDelegate()
    option = QStyleOptionViewItem()
    view.initViewItemOption(option)
    for row in range(model.rowCount()):
        index = model.index(row, 0, QModelIndex())
        rect = view.visualRect(index)
        needed = delegate.sizeHint(option, index)
        if rect.height() < needed.height():
            problems.append(f"row {row} squeezed: {rect.height()} < {needed.height()}")
        if needed.height() > view.viewport().height():
            problems.append(f"row {row} taller than the list: {index.data()!r}")
        if rect.width() > view.viewport().width():
            problems.append(f"row {row} wider than the list")
        problems.extend(f"row {row} cut: {line!r}" for line in elided_lines(view, row))
    return problems


@pytest.mark.parametrize(("label", "size"), TEXT_SIZES, ids=[t[0] for t in TEXT_SIZES])
@pytest.mark.parametrize("name", THEMES, ids=[t.value for t in THEMES])
@pytest.mark.parametrize("window_size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
@pytest.mark.parametrize("title", ["Medications & supplements", "Check"])
def test_nothing_is_cut_and_nothing_scrolls_sideways(
    qtbot: QtBot,
    window: MainWindow,
    *,
    title: str,
    window_size: tuple[int, int],
    name: theme.ThemeName,
    label: str,
    size: int | None,
) -> None:
    style(window, name, size)
    window.resize(*window_size)
    window.show_page(title)
    settle(window)
    assert window.size().width() == window_size[0]  # the page lets the window be this small
    page = window.pages[title]
    assert clipped(page) == []
    view = page.findChild(LevelListView)
    assert view is not None
    assert view.model().rowCount() >= 3  # measured with real rows
