"""The plan's doses over time as a quiet step line, painted with QPainter (no QtCharts)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from benzoapp.core.dates import format_date
from benzoapp.core.model import Plan
from benzoapp.core.plan_chart import (
    axis_words,
    daily_value,
    dose_series,
    plan_drugs,
    plots_equivalent,
)
from benzoapp.core.taper.engine import overlap_steps
from benzoapp.gui.formatting import mg

MARGIN_LEFT = 64
MARGIN = 16


def step_points(plan: Plan) -> list[tuple[dt.date, dt.date, Decimal, bool]]:
    """(start, day after end, mg a day, hold) per step: the core's series
    (``core.plan_chart``), the same line the printed plan draws."""
    return [(p.start, p.stop, p.mg, p.hold) for p in dose_series(plan)]


class DoseChart(QWidget):
    """Daily dose per step (as diazepam equivalent) against the date; holds dashed.

    ``draw_behind`` lets the journal chart reuse it as a faint background.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._plan: Plan | None = None
        self._today: dt.date | None = None
        self.setMinimumHeight(180)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName("Dose chart")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt name)
        return QSize(600, 220)

    def set_plan(self, plan: Plan | None, today: dt.date | None = None) -> None:
        self._plan = plan
        self._today = today
        self.setAccessibleDescription(self.describe())
        self.update()

    def describe(self) -> str:
        """The chart in words, for screen readers and the tooltip."""
        if self._plan is None or not self._plan.steps:
            return "No plan yet."
        plan = self._plan
        first, last = plan.steps[0], plan.steps[-1]
        drugs = plan_drugs(plan) or ("the drug",)
        return (
            f"{len(plan.steps)} steps from {mg(daily_value(plan, first))} on "
            f"{format_date(first.start)} to {mg(daily_value(plan, last))} on "
            f"{format_date(last.end)}, "
            + ("as diazepam equivalent." if plots_equivalent(plan) else f"in mg of {drugs[0]}.")
            + _overlap_words(plan)
        )

    def axis_label(self) -> str:
        """What the dose axis counts: the core's words (diazepam equivalents or own mg)."""
        if self._plan is None:
            return "a day, as diazepam equivalent (approximate)"
        return axis_words(self._plan)

    def _left_margin(self) -> int:
        """Room for the dose labels at the current text size."""
        return max(MARGIN_LEFT, self.fontMetrics().horizontalAdvance("000.00 mg") + 12)

    def _title_rect(self) -> QRectF:
        """Where the axis title goes: across the top, wrapped if the chart is narrow."""
        metrics = self.fontMetrics()
        width = max(1, self.width() - 2 * MARGIN)
        needed = metrics.boundingRect(
            QRectF(0, 0, width, 10_000).toRect(), int(Qt.TextFlag.TextWordWrap), self.axis_label()
        )
        return QRectF(MARGIN, 4, width, needed.height())

    def plot_area(self) -> QRectF:
        """The plot, inside room for the title above, the dates below and the doses left;
        all measured from the font, so no label is cut at any text size."""
        metrics = self.fontMetrics()
        top = self._title_rect().bottom() + 6 + metrics.height() / 2
        bottom = self.height() - metrics.height() - 10
        left = self._left_margin()
        return QRectF(left, top, max(0.0, self.width() - left - MARGIN), max(0.0, bottom - top))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt name)
        return QSize(240, max(180, 8 * self.fontMetrics().height()))

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt name)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        painter.fillRect(self.rect(), pal.color(QPalette.ColorRole.Base))
        area = self.plot_area()
        muted = pal.color(QPalette.ColorRole.PlaceholderText)
        painter.setPen(QPen(muted, 1))
        painter.drawLine(area.bottomLeft(), area.bottomRight())
        painter.drawLine(area.bottomLeft(), area.topLeft())
        if self._plan is None or not self._plan.steps or area.width() <= 0:
            painter.drawText(area, Qt.AlignmentFlag.AlignCenter, "No plan yet")
            painter.end()
            return
        self.draw_steps(painter, area, pal.color(QPalette.ColorRole.Link), with_axes=True)
        painter.end()

    def draw_steps(
        self, painter: QPainter, area: QRectF, colour: QColor, *, with_axes: bool
    ) -> None:
        """Draw the step line into ``area``; shared with charts that draw it behind."""
        assert self._plan is not None
        points = step_points(self._plan)
        start, end = points[0][0], points[-1][1]
        span = max((end - start).days, 1)
        top = max((p[2] for p in points), default=Decimal(1)) or Decimal(1)

        def x(d: dt.date) -> float:
            return area.left() + area.width() * (d - start).days / span

        def y(v: Decimal) -> float:
            return area.bottom() - area.height() * float(v / top)

        overlap = overlap_steps(self._plan)
        if overlap:  # hatched, not only tinted: substitution and reduction overlap here
            steps = self._plan.steps
            band = QRectF(
                QPointF(x(steps[overlap[0]].start), area.top()),
                QPointF(x(steps[overlap[-1]].end + dt.timedelta(days=1)), area.bottom()),
            )
            painter.fillRect(band, QBrush(colour.lighter(170), Qt.BrushStyle.BDiagPattern))
        pen = QPen(colour, 2)
        path = QPainterPath(QPointF(x(start), y(points[0][2])))
        for begin, stop, value, _hold in points:
            path.lineTo(x(begin), y(value))
            path.lineTo(x(stop), y(value))
        painter.setPen(pen)
        painter.drawPath(path)
        hold_pen = QPen(colour, 2, Qt.PenStyle.DashLine)
        painter.setPen(hold_pen)
        for begin, stop, value, hold in points:
            if hold:
                painter.drawLine(QPointF(x(begin), y(value) - 6), QPointF(x(stop), y(value) - 6))
        if not with_axes:
            return
        text_pen = QPen(self.palette().color(QPalette.ColorRole.Text))
        painter.setPen(text_pen)
        metrics = painter.fontMetrics()
        painter.drawText(
            QRectF(0, area.top() - metrics.height() / 2, area.left() - 6, metrics.height()),
            int(Qt.AlignmentFlag.AlignRight),
            mg(top),
        )
        painter.drawText(
            self._title_rect(),
            int(Qt.AlignmentFlag.AlignLeft) | int(Qt.TextFlag.TextWordWrap),
            self.axis_label(),
        )
        painter.drawText(
            QRectF(0, area.bottom() - metrics.height() / 2, area.left() - 6, metrics.height()),
            int(Qt.AlignmentFlag.AlignRight),
            "0 mg",
        )
        painter.drawText(
            QRectF(area.left(), area.bottom() + 6, area.width() / 2, metrics.height()),
            int(Qt.AlignmentFlag.AlignLeft),
            start.isoformat(),
        )
        painter.drawText(
            QRectF(area.center().x(), area.bottom() + 6, area.width() / 2, metrics.height()),
            int(Qt.AlignmentFlag.AlignRight),
            (end - dt.timedelta(days=1)).isoformat(),
        )
        if self._today is not None and start <= self._today < end:
            painter.setPen(
                QPen(
                    self.palette().color(QPalette.ColorRole.PlaceholderText), 1, Qt.PenStyle.DotLine
                )
            )
            painter.drawLine(
                QPointF(x(self._today), area.top()), QPointF(x(self._today), area.bottom())
            )


def _overlap_words(plan: Plan) -> str:
    """Where a capped crossover reduces the old drug while the new one is held."""
    overlap = overlap_steps(plan)
    if not overlap:
        return ""
    first, last = overlap[0] + 1, overlap[-1] + 1
    where = f"step {first}" if first == last else f"steps {first} to {last}"
    return f" Hatched: {where} reduce the old drug while switching."
