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
    QFontMetrics,
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
LEGEND_Y = 19  # baseline of the legend's first row
LEGEND_ITEMS = ("Wave (worse)", "Window (better)", "Flare after exertion", "Exertion", "Dose step")
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
            # The first sentence under the chart; the written summary beside it has all.
            caption=_first_sentence(summary.pem.describe()),
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
        metrics = painter.fontMetrics()
        legend = self._legend_layout(metrics)
        top = MARGIN_TOP + max(y for _, _, y in legend) - LEGEND_Y  # a wrapped legend
        caption_width = max(1, self.width() - MARGIN_LEFT - 8)
        caption_lines = 1 if metrics.horizontalAdvance(self._data.caption) <= caption_width else 2
        caption_height = caption_lines * metrics.lineSpacing()
        bottom = MARGIN_BOTTOM - 18 + caption_height
        plot = QRectF(
            MARGIN_LEFT,
            top,
            max(1, self.width() - MARGIN_LEFT - MARGIN_RIGHT),
            max(1, self.height() - top - bottom),
        )
        data = self._data
        self._draw_bands(painter, plot, data, palette)
        self._draw_steps(painter, plot, data, palette)
        self._draw_load(painter, plot, data, palette)
        self._draw_axes(painter, plot, data, palette)
        self._draw_legend(painter, palette, legend)
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        caption = QRectF(
            MARGIN_LEFT, self.height() - caption_height - 2, caption_width, caption_height
        )
        painter.drawText(
            caption,
            int(Qt.AlignmentFlag.AlignLeft) | int(Qt.TextFlag.TextWordWrap),
            data.caption,
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
        """Shaded, patterned bands, labelled in words where there is room."""
        for band in data.bands:
            left = self._x(plot, data, band.start, 0)
            right = self._x(plot, data, band.end, 1)
            rect = QRectF(left, plot.top(), max(2.0, right - left), plot.height())
            p.fillRect(rect, _band_brush(band.kind, palette))
        p.setPen(palette.color(QPalette.ColorRole.Text))
        for where, label in self._band_labels(plot, data, p.fontMetrics()):
            p.drawText(where, Qt.AlignmentFlag.AlignHCenter, label)

    def _band_labels(
        self, plot: QRectF, data: _ChartData, metrics: QFontMetrics
    ) -> list[tuple[QRectF, str]]:
        """Where each band's label goes, on two rows; none overlaps another.

        Where bands crowd, a label that would overlap is left out rather than printed
        over another: its pattern, the legend and the written summary still say it.
        """
        placed: list[tuple[QRectF, str]] = []
        last_right = [-1e9, -1e9]
        for band in data.bands:
            middle = (self._x(plot, data, band.start, 0) + self._x(plot, data, band.end, 1)) / 2
            width = metrics.horizontalAdvance(band.label) + 6
            left = middle - width / 2
            free = [row for row in (0, 1) if left > last_right[row]]
            if not free:
                continue
            last_right[free[0]] = left + width
            top = plot.top() + 2 + free[0] * metrics.height()
            placed.append((QRectF(left, top, width, metrics.height()), band.label))
        return placed

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

    def _legend_layout(self, metrics: QFontMetrics) -> list[tuple[int, float, int]]:
        """Where each legend item goes: (item, x, baseline y), wrapping onto a new row
        rather than running past the chart's right edge."""
        layout = []
        x, y = float(MARGIN_LEFT), LEGEND_Y
        for n, label in enumerate(LEGEND_ITEMS):
            width = 30 + metrics.horizontalAdvance(label)
            if x > MARGIN_LEFT and x + width - 10 > self.width() - 4:
                x, y = float(MARGIN_LEFT), y + metrics.height() + 4
            layout.append((n, x, y))
            x += width
        return layout

    def _draw_legend(
        self, p: QPainter, palette: QPalette, layout: list[tuple[int, float, int]]
    ) -> None:
        text = palette.color(QPalette.ColorRole.Text)
        for n, x, baseline in layout:
            label = LEGEND_ITEMS[n]
            mid = baseline - 5
            swatch = QRectF(x, mid - 6, 16, 12)
            if n == 0:
                p.fillRect(swatch, _band_brush(EpisodeKind.WAVE, palette))
            elif n == 1:
                p.fillRect(swatch, _band_brush(EpisodeKind.WINDOW, palette))
            elif n == 2:
                p.setBrush(QBrush(text))
                p.setPen(text)
                p.drawPolygon(
                    QPolygonF(
                        [QPointF(x + 8, mid - 6), QPointF(x + 2, mid + 6), QPointF(x + 14, mid + 6)]
                    )
                )
                p.setBrush(Qt.BrushStyle.NoBrush)
            elif n == 3:
                p.setPen(text)
                p.drawEllipse(QPointF(x + 8, mid), 4, 4)
            else:
                muted = palette.color(QPalette.ColorRole.PlaceholderText)
                p.setPen(QPen(muted, 1.5, Qt.PenStyle.DashLine))
                p.drawLine(QPointF(x, mid), QPointF(x + 16, mid))
            p.setPen(text)
            p.drawText(QPointF(x + 20, baseline), label)


def _first_sentence(text: str) -> str:
    head, dot, rest = text.partition(". ")
    return f"{head}." if dot and rest else text


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
