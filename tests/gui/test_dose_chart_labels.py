"""The dose chart's labels are placed from the font: never cut, at any size or text size."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from benzoapp.core.model import PlanSettings
from benzoapp.gui.dose_chart import DoseChart
from benzoapp.gui.theme import POINT_SIZES


@pytest.mark.parametrize("points", sorted(POINT_SIZES.values()))
@pytest.mark.parametrize("size", [(240, 180), (420, 220), (800, 300), (1600, 400)])
def test_title_dates_and_doses_fit_inside_the_chart(
    qtbot: QtBot, planner, points: int, size: tuple[int, int]
) -> None:
    plan = planner.build(
        planner.parse_regimen("clonazepam 0.5 mg 08:00"), PlanSettings(start=dt.date(2026, 1, 5))
    )
    chart = DoseChart()
    qtbot.addWidget(chart)
    font = QFont(QApplication.font())
    font.setPointSize(points)
    chart.setFont(font)
    least = chart.minimumSizeHint()
    chart.resize(max(size[0], least.width()), max(size[1], least.height()))
    chart.set_plan(plan)
    metrics = QFontMetrics(font)
    box = QRectF(chart.rect())
    title = chart._title_rect()
    area = chart.plot_area()
    assert box.contains(title)
    assert area.width() > 0
    assert area.height() >= metrics.height()
    # The top dose label sits half a line above the plot, below the title.
    assert area.top() - metrics.height() / 2 >= title.bottom()
    # Dates sit under the plot, inside the chart.
    assert area.bottom() + 6 + metrics.height() <= chart.height()
    assert chart._left_margin() >= metrics.horizontalAdvance("30 mg") + 6
    assert not chart.grab().toImage().isNull()
