"""Medications, Check and the source reader, as a screen reader meets them.

Read through Qt's accessibility interfaces (what the platform bridge hands to Orca or
NVDA): every focus stop has a name, list rows read as name, level and mark, and the
answer itself is text, not a fixed label.
"""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from benzoapp.core.cautions import Checker, load_knowledge_base
from benzoapp.core.model import Medication, PlanSettings
from benzoapp.core.source_texts import Citation
from benzoapp.gui.check_page import CheckPage
from benzoapp.gui.medications_page import MedicationsPage
from benzoapp.gui.source_reader import open_citation

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing the keyboard)")


def name_of(widget: QWidget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    assert interface is not None
    return interface.text(QAccessible.Text.Name)


def tab_stops(qtbot: QtBot, first: QWidget, limit: int = 40) -> list[QWidget]:
    """Every widget Tab reaches from ``first`` until it comes round again."""
    first.window().activateWindow()
    qtbot.waitUntil(first.window().isActiveWindow)
    first.setFocus()
    stops = [first]
    for _ in range(limit):
        qtbot.keyClick(stops[-1], Qt.Key.Key_Tab)
        widget = QApplication.focusWidget()
        assert widget is not None, f"focus lost after {stops[-1]!r}"
        if widget is first or widget in stops:
            break
        stops.append(widget)
    return stops


@pytest.fixture
def meds_page(qtbot: QtBot, *, medications, checker, undo_stack, plans, planner) -> MedicationsPage:
    regimen = planner.parse_regimen("clonazepam 0.5 mg 08:00")
    plans.save(planner.build(regimen, PlanSettings(start=dt.date(2026, 3, 1))), "p")
    for name in ("Xanax", "heat pack"):
        medications.add(Medication(name))
    page = MedicationsPage(medications, checker, undo_stack, plans)
    qtbot.addWidget(page)
    page.resize(900, 700)
    page.show()
    qtbot.waitExposed(page)
    return page


def test_every_focus_stop_on_medications_is_named(qtbot: QtBot, meds_page: MedicationsPage) -> None:
    stops = tab_stops(qtbot, meds_page.banner.links[0])
    assert meds_page.list in stops
    assert meds_page.name in stops
    assert stops.index(meds_page.list) < stops.index(meds_page.name)
    for stop in stops:
        assert name_of(stop), f"unnamed focus stop: {stop!r}"


def test_rows_read_as_name_level_and_mark(meds_page: MedicationsPage) -> None:
    interface = QAccessible.queryAccessibleInterface(meds_page.list)
    names = [interface.child(i).text(QAccessible.Text.Name) for i in range(interface.childCount())]
    assert "Xanax, ✕ Avoid, ⚑ Regimen flag" in names
    assert any(n.startswith("heat pack, ") and "Regimen" not in n for n in names)


def test_the_banner_and_the_answer_are_text(meds_page: MedicationsPage) -> None:
    banner = QAccessible.queryAccessibleInterface(meds_page.banner)
    assert meds_page.regimen is not None
    for flag in meds_page.regimen.flags:
        assert flag.message in banner.text(QAccessible.Text.Description)
    detail = QAccessible.queryAccessibleInterface(meds_page.detail)
    assert detail.text(QAccessible.Text.Description).startswith("Xanax\n✕ Avoid")


def test_every_focus_stop_on_check_is_named(qtbot: QtBot) -> None:
    page = CheckPage(Checker(load_knowledge_base()))
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    page.search.setText("ambiem")  # a weak spelling: suggestion buttons too
    stops = tab_stops(qtbot, page.search)
    assert page.answers in stops
    assert any(stop in stops for stop in page.detail.visible_suggestions())
    for stop in stops:
        assert name_of(stop), f"unnamed focus stop: {stop!r}"
    assert name_of(page.detail.visible_suggestions()[0]).startswith("Check Ambien (zolpidem")


def test_every_focus_stop_of_the_reader_is_named_and_it_says_where_it_is(qtbot: QtBot) -> None:
    host = QWidget()
    qtbot.addWidget(host)
    host.show()
    reader = open_citation(host, Citation("mecfs-overlap", "What the Label Should Be"))
    qtbot.waitExposed(reader)
    stops = tab_stops(qtbot, reader.text)
    assert len(stops) == 3  # the text, the section list, Close
    for stop in stops:
        assert name_of(stop)
    text = QAccessible.queryAccessibleInterface(reader.text)
    assert text.text(QAccessible.Text.Description) == (
        "Showing mecfs-overlap, What the Label Should Be."
    )
    assert reader.sections.currentText() == "What the Label Should Be"
    reader.sections.setFocus()
    qtbot.keyClick(reader.sections, Qt.Key.Key_Up)  # the section before, by keyboard
    reader.sections.activated.emit(reader.sections.currentIndex())
    assert reader.where.text() == "Showing mecfs-overlap, What This Means for Management."
    qtbot.keyClick(reader, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not reader.isVisible())
