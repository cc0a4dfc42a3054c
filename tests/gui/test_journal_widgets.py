"""Journal widgets: a day typed by keyboard alone, and the chart painted and described."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QLabel, QSpinBox, QWidget
from pytestqt.qtbot import QtBot

from benzoapp.core.journal import analyse_journal, load_catalogue
from benzoapp.core.journal.synthetic import Exertion, Shift, make_journal
from benzoapp.core.model import JournalDay, Plan, PlanSettings, Regimen, RegimenDose, Step, StepDose
from benzoapp.gui.journal_chart import JournalChart
from benzoapp.gui.journal_entry import JournalEntryWidget

DAY = dt.date(2025, 3, 14)


def _entry(qtbot: QtBot) -> JournalEntryWidget:
    widget = JournalEntryWidget(load_catalogue(), own_symptoms=[("own:tinnitus", "Tinnitus")])
    qtbot.addWidget(widget)
    widget.set_day(DAY)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)  # another test's window may still be around
    widget.setFocus()
    first = widget.spin_box(widget.symptom_ids()[0])
    qtbot.waitUntil(lambda: QApplication.focusWidget() is first)
    return widget


def _type_and_tab(qtbot: QtBot, text: str) -> int:
    """Type into whatever has focus, then Tab on, as a person would; returns keys pressed."""
    focused = QApplication.focusWidget()
    assert focused is not None
    if text:
        qtbot.keyClicks(focused, text)
    qtbot.keyClick(focused, Qt.Key.Key_Tab)
    return len(text) + 1


def test_a_day_is_typed_by_keyboard_alone(qtbot: QtBot) -> None:
    widget = _entry(qtbot)
    ids = widget.symptom_ids()
    assert ids[-1] == "own:tinnitus"
    ratings = {symptom_id: (n * 3) % 11 for n, symptom_id in enumerate(ids)}
    # Focus starts on the first symptom; the date (usually today) sits just before it.
    assert QApplication.focusWidget() is widget.spin_box(ids[0])
    keys = 0
    for symptom_id in ids:
        assert QApplication.focusWidget() is widget.spin_box(symptom_id), symptom_id
        keys += _type_and_tab(qtbot, str(ratings[symptom_id]))
    for kind, value in (("physical", "7"), ("cognitive", "2"), ("emotional", "10")):
        assert QApplication.focusWidget() is widget.exertion_box(kind), kind
        keys += _type_and_tab(qtbot, value)
    assert QApplication.focusWidget() is widget.notes_edit
    qtbot.keyClicks(widget.notes_edit, "long walk")
    with qtbot.waitSignal(widget.saved, timeout=2000) as blocker:
        qtbot.keyClick(widget.notes_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    # Ratings, Tabs and Ctrl+Return: under 40 keys, under 30 s even at two keys a second.
    assert keys + 1 < 40
    day = blocker.args[0]
    assert isinstance(day, JournalDay)
    assert day == JournalDay(
        day=DAY,
        symptoms=ratings,
        exertion={"physical": 7, "cognitive": 2, "emotional": 10},
        notes="long walk",
    )


def test_every_spin_box_has_a_label_buddy_and_a_name(qtbot: QtBot) -> None:
    widget = _entry(qtbot)
    buddies = {label.buddy() for label in widget.findChildren(QLabel) if label.buddy()}
    for spin in widget.findChildren(QSpinBox):
        assert spin in buddies
        assert spin.accessibleName()
    assert widget.notes_edit in buddies
    assert widget.date_edit in buddies


def test_previous_day_values_can_be_copied(qtbot: QtBot) -> None:
    widget = _entry(qtbot)
    assert not widget.copy_button.isEnabled()
    previous = JournalDay(
        DAY - dt.timedelta(days=1),
        {"fatigue": 6, "muscle_twitching": 4, "own:jaw_clenching": 5},
        {"physical": 3},
        "note stays",
    )
    widget.set_previous(previous)
    widget.copy_button.setFocus()
    qtbot.keyClick(widget.copy_button, Qt.Key.Key_Space)
    day = widget.current_day()
    assert day.day == DAY
    assert day.notes == ""
    assert day.symptoms["fatigue"] == 6
    assert day.symptoms["muscle_twitching"] == 4
    assert day.symptoms["own:jaw_clenching"] == 5  # a row was added for it
    assert day.symptoms["pain"] == 0
    assert day.exertion == {"physical": 3, "cognitive": 0, "emotional": 0}
    assert widget.spin_box("own:jaw_clenching").accessibleName() == "Jaw clenching"


def _plan(start: dt.date) -> Plan:
    steps = tuple(
        Step(
            i,
            start + dt.timedelta(days=30 * i),
            30,
            (StepDose("diazepam", "08:00", Decimal(mg)),),
            Decimal(mg),
        )
        for i, mg in enumerate(("20", "18", "16"))
    )
    return Plan(
        Regimen((RegimenDose("diazepam", "08:00", Decimal(20)),)), PlanSettings(start=start), steps
    )


def _distinct_colours(widget: QWidget) -> int:
    image = widget.grab().toImage()
    seen: set[int] = set()
    for x in range(0, image.width(), 3):
        for y in range(0, image.height(), 3):
            seen.add(image.pixel(x, y))
    return len(seen)


def test_the_chart_paints_and_describes_its_episodes(qtbot: QtBot) -> None:
    start = dt.date(2025, 1, 1)
    days = make_journal(
        start,
        90,
        noise=1,
        seed=2,
        shifts=(Shift(31, 8, 12), Shift(65, 7, -10)),
        exertions=(Exertion(15, flare=10, delay=2),),
    )
    plan = _plan(start)
    summary = analyse_journal(days, plan=plan)
    chart = JournalChart()
    qtbot.addWidget(chart)
    chart.resize(720, 320)
    empty_colours = _distinct_colours(chart)
    chart.set_data(summary, plan)
    image = chart.grab().toImage()
    assert not image.isNull()
    assert _distinct_colours(chart) > empty_colours + 3
    background = QColor(chart.palette().color(chart.backgroundRole())).rgb()
    assert any(image.pixel(x, 160) != background for x in range(60, 650))
    description = chart.accessibleDescription()
    assert "1 wave and 1 window marked" in description
    assert "Wave from 2025-02-01 to 2025-02-08" in description
    assert "Window from 2025-03-07 to 2025-03-13" in description
    assert "Flare after exertion on 2025-01-18, 48 hours after physical exertion" in description
    assert "1 of 1 times" in description  # how often, in words as well as on the chart


def test_an_empty_chart_says_so(qtbot: QtBot) -> None:
    chart = JournalChart()
    qtbot.addWidget(chart)
    chart.set_data(analyse_journal([]))
    assert chart.accessibleDescription() == "No symptoms logged yet."
    assert not chart.grab().toImage().isNull()
