"""The journal chart is calm by default and its labels never overlap, at any size or text size.

Default: one line, the weekly mean, over the dose steps and the marked waves and windows;
the day-by-day line and the markers appear only when asked for (the page's two switches).
Every label is laid out from the font; the test lays the chart out at many sizes and all
text sizes and checks that no two labels overlap, none leaves the chart and each is wide
enough for its text.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from benzoapp.core.journal import analyse_journal
from benzoapp.core.journal.synthetic import Exertion, Shift, make_journal
from benzoapp.core.journal.weekly import weekly_means
from benzoapp.core.model import Plan, PlanSettings, Regimen, RegimenDose, Step, StepDose
from benzoapp.gui.journal_chart import DAILY, EXERTION, FLARE, WEEKLY, JournalChart
from benzoapp.gui.theme import POINT_SIZES

START = dt.date(2025, 1, 1)


def _plan() -> Plan:
    steps = tuple(
        Step(
            i,
            START + dt.timedelta(days=30 * i),
            30,
            (StepDose("diazepam", "08:00", Decimal(mg)),),
            Decimal(mg),
        )
        for i, mg in enumerate(
            ("20", "18", "16", "14", "12.5", "11", "10", "9", "8", "7", "6", "5")
        )
    )
    return Plan(
        Regimen((RegimenDose("diazepam", "08:00", Decimal(20)),)), PlanSettings(start=START), steps
    )


def _year_chart(qtbot: QtBot) -> JournalChart:
    shifts = tuple(Shift(20 + 12 * k, 6, 14 if k % 2 else -12) for k in range(25))
    exertions = tuple(Exertion(10 + 40 * k, flare=9, delay=2) for k in range(8))
    days = make_journal(START, 365, noise=3, seed=4, shifts=shifts, exertions=exertions)
    plan = _plan()
    chart = JournalChart()
    qtbot.addWidget(chart)
    chart.set_data(analyse_journal(days, plan=plan), plan)
    return chart


def test_by_default_only_the_weekly_mean_is_drawn(qtbot: QtBot) -> None:
    chart = _year_chart(qtbot)
    chart.resize(900, 420)
    assert chart._data is not None
    layers = chart.layers()
    assert layers[0] == WEEKLY
    assert DAILY not in layers
    assert FLARE not in layers
    assert EXERTION not in layers
    plot = chart.chart_layout().plot
    points = [p for run in chart.weekly_points(plot) for p in run]
    weeks = [
        w for w in weekly_means(analyse_journal([]).series or _series(chart)) if w.mean is not None
    ]
    assert len(points) == len(weeks) <= 54  # a point a week, not 365 spikes
    assert "weekly mean" in chart.accessibleDescription()
    chart.set_show_daily(True)
    chart.set_show_markers(True)
    assert {DAILY, FLARE, EXERTION} <= set(chart.layers())
    assert "each day's load" in chart.accessibleDescription()
    assert not chart.grab().toImage().isNull()


def _series(chart: JournalChart):
    from benzoapp.core.journal.series import LoadSeries

    data = chart._data
    assert data is not None
    return LoadSeries(data.start, data.loads, tuple(None for _ in data.loads), 1.0)


def _check_layout(chart: JournalChart, metrics: QFontMetrics) -> int:
    layout = chart.chart_layout(metrics)
    box = QRectF(0, 0, chart.width(), chart.height())
    labels = layout.labels
    for n, label in enumerate(labels):
        assert box.contains(label.rect), (label.text, label.rect, box)
        assert metrics.height() <= label.rect.height() + 0.5, label.text
        if label.kind != "caption":
            assert metrics.horizontalAdvance(label.text) <= label.rect.width() + 0.5, label.text
        for other in labels[n + 1 :]:
            assert not label.rect.intersects(other.rect), (label.text, other.text)
        if label.kind in {"axis", "tick", "dose", "band"}:
            assert not label.rect.intersects(layout.swatches[0][1]), label.text
    assert layout.plot.width() > 0
    assert layout.plot.height() > 0
    return len(labels)


@pytest.mark.parametrize("points", sorted(POINT_SIZES.values()))
@pytest.mark.parametrize(
    "size", [(320, 220), (480, 300), (700, 360), (1000, 500), (1400, 640), (1900, 900)]
)
@pytest.mark.parametrize("details", [False, True])
def test_labels_never_overlap_or_leave_the_chart(
    qtbot: QtBot, points: int, size: tuple[int, int], details: bool
) -> None:
    chart = _year_chart(qtbot)
    font = QFont(QApplication.font())
    font.setPointSize(points)
    chart.setFont(font)
    least = chart.minimumSizeHint()  # a layout never makes it smaller
    chart.resize(max(size[0], least.width()), max(size[1], least.height()))
    chart.set_show_daily(details)
    chart.set_show_markers(details)
    count = _check_layout(chart, QFontMetrics(font))
    kinds = {label.kind for label in chart.chart_layout(QFontMetrics(font)).labels}
    assert {"legend", "axis", "tick"} <= kinds, kinds  # crowding drops labels, never all
    assert count >= 6
    assert not chart.grab().toImage().isNull()


def test_dates_are_spread_and_both_ends_are_labelled(qtbot: QtBot) -> None:
    chart = _year_chart(qtbot)
    chart.resize(1200, 500)
    ticks = [label.text for label in chart.chart_layout().labels if label.kind == "tick"]
    assert ticks[0] == START.isoformat()
    assert ticks[1] == (START + dt.timedelta(days=364)).isoformat()
    assert len(ticks) == 5


def test_the_journal_page_switches_details_and_markers_by_keyboard(
    qtbot: QtBot, journal, plans, undo_stack, today
) -> None:
    from PySide6.QtCore import Qt

    from benzoapp.core.journal import load_catalogue
    from benzoapp.gui.journal_page import JournalPage

    page = JournalPage(load_catalogue(), journal, plans, undo_stack, today=lambda: today)
    qtbot.addWidget(page)
    page.show()
    assert not page.chart.show_daily
    assert not page.chart.show_markers
    page.show_details.setFocus()
    qtbot.keyClick(page.show_details, Qt.Key.Key_Space)
    assert page.chart.show_daily
    qtbot.keyClick(page.show_markers, Qt.Key.Key_Space)
    assert page.chart.show_markers
