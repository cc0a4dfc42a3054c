"""Symptom load over time, calm by default: the weekly mean, the dose steps behind it.

Painted with QPainter in palette colours only. By default the chart draws one line, the
mean load of each week (``benzoapp.core.journal.weekly``), over the plan's dose steps and
the marked waves and windows; the day-by-day line (``show_daily``) and the markers of
flares after exertion (``show_markers``) appear only when asked for. Waves and windows
differ by fill pattern and by a text label, flares by a triangle, so nothing is told by
colour alone; the accessible description says in words what the chart shows.

Every piece of text is placed from the font's metrics (``journal_chart_layout``),
and a label that would overlap another is left out (the legend, the description and the
written summary still say it), so labels never overlap or run past the edge at any size.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
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
from benzoapp.core.journal.weekly import weekly_means
from benzoapp.core.model import Plan
from benzoapp.gui.journal_chart_layout import (
    DAILY,
    DOSE,
    EXERTION,
    FLARE,
    MIN_PLOT_LINES,
    PAD,
    WAVE,
    WEEKLY,
    WINDOW,
    Band,
    ChartData,
    ChartLayout,
    dose_y,
    layout_chart,
    top_load,
    x_of,
    y_of,
)
from benzoapp.gui.theme import current_colours

BAND_ALPHA = 110
WAVE_PATTERN = Qt.BrushStyle.BDiagPattern
WINDOW_PATTERN = Qt.BrushStyle.Dense6Pattern


class JournalChart(QWidget):
    """The weekly mean of the symptom load, dose steps as a muted step line behind it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Symptom load chart")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # reachable, so readers can announce it
        self._data: ChartData | None = None
        self._daily = False
        self._markers = False
        self._described = "No symptoms logged yet."
        self.setAccessibleDescription(self._described)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt name)
        line = self.fontMetrics().lineSpacing()
        return QSize(max(480, 40 * line), max(260, 16 * line))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt name)
        """Room for a wrapped legend (three rows), the axis titles, a plot of
        ``MIN_PLOT_LINES`` lines, the dates and a two-line caption, at this font."""
        line = self.fontMetrics().height()
        return QSize(320, max(220, (MIN_PLOT_LINES + 7) * line + 6 * PAD))

    # what is shown ------------------------------------------------------------------

    @property
    def show_daily(self) -> bool:
        return self._daily

    def set_show_daily(self, on: bool) -> None:
        """Details: draw the day-by-day line (thin and muted) under the weekly mean."""
        self._daily = on
        self._update_description()
        self.update()

    @property
    def show_markers(self) -> bool:
        return self._markers

    def set_show_markers(self, on: bool) -> None:
        """Draw a triangle at each flare after exertion and a ring at each exertion."""
        self._markers = on
        self._update_description()
        self.update()

    def layers(self) -> tuple[str, ...]:
        """What is drawn now, in legend order (the weekly line always, when there is data)."""
        data = self._data
        if data is None:
            return ()
        shown = [WEEKLY]
        if self._daily:
            shown.append(DAILY)
        kinds = {b.kind for b in data.bands}
        if EpisodeKind.WAVE in kinds:
            shown.append(WAVE)
        if EpisodeKind.WINDOW in kinds:
            shown.append(WINDOW)
        if self._markers and data.flares:
            shown.append(FLARE)
        if self._markers and data.exertion_days:
            shown.append(EXERTION)
        if data.steps:
            shown.append(DOSE)
        return tuple(shown)

    def set_data(self, summary: JournalSummary, plan: Plan | None = None) -> None:
        """Show a journal's analysis and (optionally) the plan it was logged under."""
        series = summary.series
        if series is None:
            self._data = None
            self._described = "No symptoms logged yet."
            self._update_description()
            self.update()
            return
        self._data = ChartData(
            start=series.start,
            end=series.end,
            loads=series.loads,
            weeks=weekly_means(series),
            bands=tuple(Band(e.kind, e.start, e.end, e.label) for e in summary.episodes),
            flares=tuple((o.flare_day, o.flare_load) for o in summary.pem.occurrences),
            exertion_days=tuple(o.event.end for o in summary.pem.occurrences),
            steps=tuple(
                (s.start, s.end, s.diazepam_equivalent_mg)
                for s in (plan.steps if plan else ())
                if s.end >= series.start and s.start <= series.end
            ),
            # The first sentence under the chart; the written summary beside it has all.
            caption=_first_sentence(summary.pem.describe()),
        )
        self._described = self._describe(summary)
        self._update_description()
        self.update()

    def _update_description(self) -> None:
        if self._data is None:
            self.setAccessibleDescription(self._described)
            return
        extra = []
        if self._daily:
            extra.append("each day's load")
        if self._markers:
            extra.append("markers at flares after exertion")
        shown = "Drawn: the weekly mean of the symptom load" + "".join(
            f", {part}" for part in extra
        )
        self.setAccessibleDescription(f"{shown}. {self._described}")

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

    # layout -------------------------------------------------------------------------

    def chart_layout(self, metrics: QFontMetrics | None = None) -> ChartLayout:
        """The plot area and every label at the current size and font."""
        return layout_chart(
            self._data,
            self.layers(),
            metrics or self.fontMetrics(),
            float(self.width()),
            float(self.height()),
        )

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Base))
        if self._data is None:
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, "No symptoms logged yet")
            self._draw_focus(painter)
            painter.end()
            return
        layout = self.chart_layout(painter.fontMetrics())
        data = self._data
        plot = layout.plot
        for band in data.bands:
            left = x_of(plot, data, band.start, 0)
            right = x_of(plot, data, band.end, 1)
            rect = QRectF(left, plot.top(), max(2.0, right - left), plot.height())
            painter.fillRect(rect, _band_brush(band.kind, palette))
        self._draw_steps(painter, plot, data, palette)
        self._draw_axes(painter, plot, palette)
        if self._daily:
            self._draw_daily(painter, plot, data, palette)
        self._draw_weekly(painter, plot, data, palette)
        if self._markers:
            self._draw_markers(painter, plot, data, palette)
        for item, box in layout.swatches:
            self._draw_swatch(painter, item, box, palette)
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        for label in layout.labels:
            painter.drawText(label.rect, label.align, label.text)
        self._draw_focus(painter)
        painter.end()

    def _draw_focus(self, p: QPainter) -> None:
        """The focus ring, as the style sheet draws it round fields (Tab stops here)."""
        if self.hasFocus():
            p.setPen(QPen(QColor(current_colours().focus), 2))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRect(QRectF(self.rect()).adjusted(1, 1, -1, -1))

    def _draw_steps(self, p: QPainter, plot: QRectF, data: ChartData, palette: QPalette) -> None:
        if not data.steps:
            return
        highest = max(s[2] for s in data.steps) or Decimal(1)
        path = QPainterPath()
        for n, (start, end, mg) in enumerate(data.steps):
            y = dose_y(plot, mg, highest)
            x1 = x_of(plot, data, max(start, data.start), 0)
            x2 = x_of(plot, data, min(end, data.end), 1)
            if n == 0:
                path.moveTo(x1, y)
            else:
                path.lineTo(x1, y)
            path.lineTo(x2, y)
        p.setPen(QPen(palette.color(QPalette.ColorRole.PlaceholderText), 1.5, Qt.PenStyle.DashLine))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawPath(path)

    def _draw_axes(self, p: QPainter, plot: QRectF, palette: QPalette) -> None:
        p.setPen(QPen(palette.color(QPalette.ColorRole.PlaceholderText), 1))
        p.drawLine(plot.bottomLeft(), plot.bottomRight())
        p.drawLine(plot.bottomLeft(), plot.topLeft())

    def _draw_daily(self, p: QPainter, plot: QRectF, data: ChartData, palette: QPalette) -> None:
        top = top_load(data)
        path = QPainterPath()
        drawing = False
        for i, value in enumerate(data.loads):
            if value is None:
                drawing = False
                continue
            point = QPointF(
                x_of(plot, data, data.start + dt.timedelta(days=i)), y_of(plot, top, value)
            )
            if drawing:
                path.lineTo(point)
            else:
                path.moveTo(point)
                drawing = True
        p.setPen(QPen(palette.color(QPalette.ColorRole.PlaceholderText), 1))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawPath(path)

    def weekly_points(self, plot: QRectF) -> list[list[QPointF]]:
        """The weekly mean line as runs of points (a week without a mean breaks the line)."""
        data = self._data
        if data is None:
            return []
        top = top_load(data)
        runs: list[list[QPointF]] = [[]]
        for week in data.weeks:
            if week.mean is None:
                if runs[-1]:
                    runs.append([])
                continue
            day = min(max(week.middle, data.start), data.end)
            runs[-1].append(QPointF(x_of(plot, data, day), y_of(plot, top, week.mean)))
        return [run for run in runs if run]

    def _draw_weekly(self, p: QPainter, plot: QRectF, data: ChartData, palette: QPalette) -> None:
        p.setPen(QPen(palette.color(QPalette.ColorRole.Text), 2.2))
        p.setBrush(Qt.BrushStyle.NoBrush)
        for run in self.weekly_points(plot):
            if len(run) == 1:
                p.drawEllipse(run[0], 2, 2)
                continue
            p.drawPolyline(QPolygonF(run))

    def _draw_markers(self, p: QPainter, plot: QRectF, data: ChartData, palette: QPalette) -> None:
        text = palette.color(QPalette.ColorRole.Text)
        top = top_load(data)
        p.setPen(text)
        p.setBrush(QBrush(text))
        for day, load in data.flares:
            x, y = x_of(plot, data, day), y_of(plot, top, load) - 6
            p.drawPolygon(QPolygonF([QPointF(x, y - 9), QPointF(x - 6, y), QPointF(x + 6, y)]))
        p.setBrush(Qt.BrushStyle.NoBrush)
        for day in data.exertion_days:
            p.drawEllipse(QPointF(x_of(plot, data, day), plot.bottom() - 6), 4, 4)

    @staticmethod
    def _draw_swatch(p: QPainter, item: str, box: QRectF, palette: QPalette) -> None:
        text = palette.color(QPalette.ColorRole.Text)
        muted = palette.color(QPalette.ColorRole.PlaceholderText)
        mid = box.center().y()
        if item == WAVE:
            p.fillRect(box, _band_brush(EpisodeKind.WAVE, palette))
        elif item == WINDOW:
            p.fillRect(box, _band_brush(EpisodeKind.WINDOW, palette))
        elif item == FLARE:
            p.setPen(text)
            p.setBrush(QBrush(text))
            c = box.center()
            p.drawPolygon(
                QPolygonF(
                    [
                        QPointF(c.x(), mid - 6),
                        QPointF(c.x() - 6, mid + 6),
                        QPointF(c.x() + 6, mid + 6),
                    ]
                )
            )
            p.setBrush(Qt.BrushStyle.NoBrush)
        elif item == EXERTION:
            p.setPen(text)
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawEllipse(box.center(), 4, 4)
        else:
            pen = {
                WEEKLY: QPen(text, 2.2),
                DAILY: QPen(muted, 1),
                DOSE: QPen(muted, 1.5, Qt.PenStyle.DashLine),
            }[item]
            p.setPen(pen)
            p.drawLine(QPointF(box.left(), mid), QPointF(box.right(), mid))


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
