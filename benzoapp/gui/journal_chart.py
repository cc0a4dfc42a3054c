"""Symptom load over time, with the plan's dose steps behind it and windows and waves marked.

Painted with QPainter in palette colours only. Waves and windows differ by fill pattern and
by a text label, flares after exertion by a triangle, so nothing is told by colour alone;
the accessible description lists every marked stretch and flare for screen readers.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from benzoapp.core.journal import EpisodeKind, JournalSummary
from benzoapp.core.model import Plan

MARGIN_LEFT = 52
MARGIN_RIGHT = 64
MARGIN_TOP = 40
MARGIN_BOTTOM = 48
BAND_ALPHA = 150
WAVE_PATTERN = Qt.BrushStyle.BDiagPattern
WINDOW_PATTERN = Qt.BrushStyle.Dense6Pattern


@dataclass(frozen=True)
class _Band:
    kind: EpisodeKind
    start: dt.date
    end: dt.date
    label: str


@dataclass(frozen=True)
class _ChartData:
    start: dt.date
    end: dt.date
    loads: tuple[int | None, ...]  # one per day from start
    bands: tuple[_Band, ...]
    flares: tuple[tuple[dt.date, int], ...]  # day and load of each flare after exertion
    exertion_days: tuple[dt.date, ...]
    steps: tuple[tuple[dt.date, dt.date, Decimal], ...]  # start, end, diazepam-eq. mg
    caption: str  # how often worsening followed exertion, in words


class JournalChart(QWidget):
    """A calm line of daily symptom load, dose steps as a muted step line behind it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Symptom load chart")
        self.setMinimumSize(480, 260)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # reachable, so readers can announce it
        self._data: _ChartData | None = None
        self.setAccessibleDescription("No symptoms logged yet.")

    def set_data(self, summary: JournalSummary, plan: Plan | None = None) -> None:
        """Show a journal's analysis and (optionally) the plan it was logged under."""
        series = summary.series
        if series is None:
            self._data = None
            self.setAccessibleDescription("No symptoms logged yet.")
            self.update()
            return
        bands = tuple(_Band(e.kind, e.start, e.end, e.label) for e in summary.episodes)
        flares = tuple((o.flare_day, o.flare_load) for o in summary.pem.occurrences)
        steps = tuple(
            (s.start, s.end, s.diazepam_equivalent_mg)
            for s in (plan.steps if plan else ())
            if s.end >= series.start and s.start <= series.end
        )
        self._data = _ChartData(
            start=series.start,
            end=series.end,
            loads=series.loads,
            bands=bands,
            flares=flares,
            exertion_days=tuple(o.event.end for o in summary.pem.occurrences),
            steps=steps,
            caption=summary.pem.describe(),
        )
        self.setAccessibleDescription(self._describe(summary))
        self.update()

    @staticmethod
    def _describe(summary: JournalSummary) -> str:
        parts = [
            f"Symptom load from {summary.first_day} to {summary.last_day}, "
            f"{_count(len(summary.waves), 'wave')} and "
            f"{_count(len(summary.windows), 'window')} marked."
        ]
        parts += [e.describe() + "." for e in summary.episodes]
        parts += [
            f"Flare after exertion on {o.flare_day.isoformat()}, {o.delay_days * 24} hours "
            f"after {', '.join(o.event.kinds)} exertion."
            for o in summary.pem.occurrences
        ]
        parts.append(summary.pem.describe())
        return " ".join(parts)

    # painting -----------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Base))
        if self._data is None:
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, "No symptoms logged yet")
            painter.end()
            return
        plot = QRectF(
            MARGIN_LEFT,
            MARGIN_TOP,
            max(1, self.width() - MARGIN_LEFT - MARGIN_RIGHT),
            max(1, self.height() - MARGIN_TOP - MARGIN_BOTTOM),
        )
        data = self._data
        self._draw_bands(painter, plot, data, palette)
        self._draw_steps(painter, plot, data, palette)
        self._draw_load(painter, plot, data, palette)
        self._draw_axes(painter, plot, data, palette)
        self._draw_legend(painter, palette)
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        painter.drawText(
            QRectF(MARGIN_LEFT, self.height() - 20, self.width() - MARGIN_LEFT, 18),
            Qt.AlignmentFlag.AlignLeft,
            painter.fontMetrics().elidedText(
                data.caption, Qt.TextElideMode.ElideRight, self.width() - MARGIN_LEFT - 8
            ),
        )
        painter.end()

    @staticmethod
    def _x(plot: QRectF, data: _ChartData, day: dt.date, edge: float = 0.5) -> float:
        """Horizontal position of a day: edge 0 is its left side, 0.5 its middle, 1 its right."""
        span = (data.end - data.start).days + 1
        return plot.left() + plot.width() * ((day - data.start).days + edge) / span

    @staticmethod
    def _top_load(data: _ChartData) -> int:
        return max(10, max((v for v in data.loads if v is not None), default=0))

    def _y(self, plot: QRectF, data: _ChartData, load: float) -> float:
        return plot.bottom() - plot.height() * load / (self._top_load(data) * 1.15)

    def _draw_bands(self, p: QPainter, plot: QRectF, data: _ChartData, palette: QPalette) -> None:
        """Shaded, patterned bands, each labelled in words (alternating rows if crowded)."""
        text = palette.color(QPalette.ColorRole.Text)
        metrics = p.fontMetrics()
        last_label_right = [-1e9, -1e9]
        for band in data.bands:
            left = self._x(plot, data, band.start, 0)
            right = self._x(plot, data, band.end, 1)
            rect = QRectF(left, plot.top(), max(2.0, right - left), plot.height())
            p.fillRect(rect, _band_brush(band.kind, palette))
            width = metrics.horizontalAdvance(band.label) + 6
            label_left = rect.center().x() - width / 2
            row = 0 if label_left > last_label_right[0] else 1
            last_label_right[row] = label_left + width
            p.setPen(text)
            p.drawText(
                QRectF(
                    label_left, plot.top() + 2 + row * metrics.height(), width, metrics.height()
                ),
                Qt.AlignmentFlag.AlignHCenter,
                band.label,
            )

    def _draw_steps(self, p: QPainter, plot: QRectF, data: _ChartData, palette: QPalette) -> None:
        if not data.steps:
            return
        top = max(s[2] for s in data.steps) or Decimal(1)
        muted = palette.color(QPalette.ColorRole.PlaceholderText)
        path = QPainterPath()
        for n, (start, end, mg) in enumerate(data.steps):
            first = max(start, data.start)
            last = min(end, data.end)
            y = plot.bottom() - plot.height() * 0.9 * float(mg / top)
            x1 = self._x(plot, data, first, 0)
            x2 = self._x(plot, data, last, 1)
            if n == 0:
                path.moveTo(x1, y)
            else:
                path.lineTo(x1, y)
            path.lineTo(x2, y)
        p.setPen(QPen(muted, 1.5, Qt.PenStyle.DashLine))
        p.drawPath(path)
        p.setPen(muted)
        p.drawText(
            QRectF(plot.right() - 40, plot.top() - 18, MARGIN_RIGHT + 40, 16),
            Qt.AlignmentFlag.AlignRight,
            "dose (mg DE)",
        )
        for mg in dict.fromkeys((top, data.steps[-1][2])):  # highest and latest dose
            y = plot.bottom() - plot.height() * 0.9 * float(mg / top)
            p.drawText(
                QRectF(plot.right() + 4, y - 8, MARGIN_RIGHT - 6, 16),
                Qt.AlignmentFlag.AlignLeft,
                f"{mg.normalize():f}",
            )

    def _draw_load(self, p: QPainter, plot: QRectF, data: _ChartData, palette: QPalette) -> None:
        text = palette.color(QPalette.ColorRole.Text)
        path = QPainterPath()
        drawing = False
        for i, value in enumerate(data.loads):
            if value is None:
                drawing = False
                continue
            point = QPointF(
                self._x(plot, data, data.start + dt.timedelta(days=i)), self._y(plot, data, value)
            )
            if drawing:
                path.lineTo(point)
            else:
                path.moveTo(point)
                drawing = True
        p.setPen(QPen(text, 1.6))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawPath(path)
        p.setBrush(QBrush(text))
        for day, load in data.flares:
            x, y = self._x(plot, data, day), self._y(plot, data, load) - 6
            p.drawPolygon(QPolygonF([QPointF(x, y - 9), QPointF(x - 6, y), QPointF(x + 6, y)]))
        p.setBrush(Qt.BrushStyle.NoBrush)
        for day in data.exertion_days:
            p.drawEllipse(QPointF(self._x(plot, data, day), plot.bottom() - 6), 4, 4)

    def _draw_axes(self, p: QPainter, plot: QRectF, data: _ChartData, palette: QPalette) -> None:
        muted = palette.color(QPalette.ColorRole.PlaceholderText)
        p.setPen(QPen(muted, 1))
        p.drawLine(plot.bottomLeft(), plot.bottomRight())
        p.drawLine(plot.bottomLeft(), plot.topLeft())
        top = self._top_load(data)
        for value in (0, top // 2, top):
            y = self._y(plot, data, value)
            p.drawText(
                QRectF(0, y - 8, MARGIN_LEFT - 6, 16), Qt.AlignmentFlag.AlignRight, str(value)
            )
        p.drawText(
            QRectF(0, plot.top() - 18, MARGIN_LEFT + 40, 16), Qt.AlignmentFlag.AlignLeft, "load"
        )
        span = (data.end - data.start).days
        ticks = 4 if span >= 4 else span
        for n in range(ticks + 1):
            day = data.start + dt.timedelta(days=round(span * n / ticks) if ticks else 0)
            x = self._x(plot, data, day)
            rect = QRectF(x - 45, plot.bottom() + 6, 90, 18)
            p.drawText(rect, Qt.AlignmentFlag.AlignHCenter, day.isoformat())

    def _draw_legend(self, p: QPainter, palette: QPalette) -> None:
        text = palette.color(QPalette.ColorRole.Text)
        x = float(MARGIN_LEFT)
        metrics = p.fontMetrics()
        items = ("Wave (worse)", "Window (better)", "Flare after exertion", "Exertion", "Dose step")
        for n, label in enumerate(items):
            swatch = QRectF(x, 8, 16, 12)
            if n == 0:
                p.fillRect(swatch, _band_brush(EpisodeKind.WAVE, palette))
            elif n == 1:
                p.fillRect(swatch, _band_brush(EpisodeKind.WINDOW, palette))
            elif n == 2:
                p.setBrush(QBrush(text))
                p.setPen(text)
                p.drawPolygon(
                    QPolygonF([QPointF(x + 8, 8), QPointF(x + 2, 20), QPointF(x + 14, 20)])
                )
                p.setBrush(Qt.BrushStyle.NoBrush)
            elif n == 3:
                p.setPen(text)
                p.drawEllipse(QPointF(x + 8, 14), 4, 4)
            else:
                muted = palette.color(QPalette.ColorRole.PlaceholderText)
                p.setPen(QPen(muted, 1.5, Qt.PenStyle.DashLine))
                p.drawLine(QPointF(x, 14), QPointF(x + 16, 14))
            p.setPen(text)
            p.drawText(QPointF(x + 20, 19), label)
            x += 30 + metrics.horizontalAdvance(label)


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _band_brush(kind: EpisodeKind, palette: QPalette) -> QBrush:
    """Waves hatched, windows dotted: the pattern carries the meaning, not the colour.

    Palette colours, softened with transparency so the bands stay quiet behind the line.
    """
    role = (
        QPalette.ColorRole.PlaceholderText if kind is EpisodeKind.WAVE else QPalette.ColorRole.Link
    )
    colour = palette.color(role)
    colour.setAlpha(BAND_ALPHA)
    return QBrush(colour, WAVE_PATTERN if kind is EpisodeKind.WAVE else WINDOW_PATTERN)
