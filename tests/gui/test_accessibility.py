"""Every control on the pages has a name for screen readers and is reached by Tab."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QTableView,
    QWidget,
)
from pytestqt.qtbot import QtBot

from benzoapp.core.journal import load_catalogue
from benzoapp.core.model import PlanSettings
from benzoapp.gui.journal_page import JournalPage
from benzoapp.gui.medications_page import MedicationsPage
from benzoapp.gui.plan_page import PlanPage
from benzoapp.gui.today_page import TodayPage

CONTROLS = (QAbstractButton, QAbstractSpinBox, QComboBox, QLineEdit, QTableView)


def build_pages(planner, plans, dose_log, journal, *, medications, checker, today) -> list[QWidget]:
    regimen = planner.parse_regimen("clonazepam 0.5 mg 08:00")
    plans.save(planner.build(regimen, PlanSettings(start=today - dt.timedelta(days=1))), "p")
    stack = QUndoStack()
    return [
        TodayPage(plans, dose_log, journal, stack, today=lambda: today),
        PlanPage(planner, plans, stack, today=lambda: today),
        MedicationsPage(medications, checker, stack),
        JournalPage(load_catalogue(), journal, plans, stack, today=lambda: today),
    ]


@pytest.fixture
def pages(qtbot: QtBot, *, planner, plans, dose_log, journal, medications, checker, today):
    built = build_pages(
        planner, plans, dose_log, journal, medications=medications, checker=checker, today=today
    )
    for page in built:
        qtbot.addWidget(page)
        page.show()
    return built


def test_every_control_has_an_accessible_name(pages: list[QWidget]) -> None:
    for page in pages:
        assert page.accessibleName()
        for control in page.findChildren(QWidget):
            if isinstance(control, CONTROLS) and control.isVisibleTo(page):
                inner = isinstance(control, QLineEdit) and isinstance(
                    control.parent(), QAbstractSpinBox | QComboBox
                )
                if not inner:
                    assert control.accessibleName(), f"{type(control).__name__} on {page}"


def test_tab_walks_the_plan_page_in_reading_order(
    qtbot: QtBot, planner, plans, undo_stack, today
) -> None:
    plan_page = PlanPage(planner, plans, undo_stack, today=lambda: today)
    qtbot.addWidget(plan_page)
    plan_page.show()
    plan_page.regimen.setFocus()
    order = [plan_page.regimen]
    for _ in range(13):  # the date field takes a Tab per section (year, month, day)
        current = plan_page.focusWidget()
        assert current is not None, order
        qtbot.keyClick(current, Qt.Key.Key_Tab)
        focused = plan_page.focusWidget()
        while focused is not None and focused.parent() is not None and not focused.accessibleName():
            focused = focused.parentWidget()
        if focused is not order[-1]:
            order.append(focused)
    assert order[:11] == [
        plan_page.regimen,
        plan_page.form.rows_button,
        plan_page.form.guide_button,
        plan_page.method,
        plan_page.rate,
        plan_page.every,
        plan_page.form_box,
        plan_page.crossover,
        plan_page.start,
        plan_page.options.keep_times,  # the caps and measuring fields show when they apply
        plan_page.table,
    ]
