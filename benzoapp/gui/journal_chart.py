"""Symptom load over time, calm by default: the weekly mean, the dose steps behind it.

Painted with QPainter in palette colours only. By default the chart draws one line, the
mean load of each week (``benzoapp.core.journal.weekly``), over the plan's dose steps and
the marked waves and windows; the day-by-day line (``show_daily``) and the markers of
flares after exertion (``show_markers``) appear only when asked for. Waves and windows
differ by fill pattern and by a text label, flares by a triangle, so nothing is told by
colour alone; the accessible description says in words what the chart shows.

Every piece of text is placed by :meth:`JournalChart.layout` from the font's metrics,
and a label that would overlap another is left out (the legend, the description and the
written summary still say it), so labels never overlap or run past the edge at any size.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
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
from benzoapp.core.journal.weekly import WeekMean, weekly_means
from benzoapp.core.model import Plan
from benzoapp.gui.theme import current_colours

PAD = 8  # space round the chart and between labels
MIN_PLOT_LINES = 4  # the plot keeps at least this many text lines of height
SWATCH = 16  # width of a legend swatch
BAND_ALPHA = 110
WAVE_PATTERN = Qt.BrushStyle.BDiagPattern
WINDOW_PATTERN = Qt.BrushStyle.Dense6Pattern

WEEKLY = "Weekly mean"
DAILY = "Each day"
WAVE = "Wave (worse)"
WINDOW = "Window (better)"
FLARE = "Flare after exertion"
EXERTION = "Exertion"
DOSE = "Dose step"


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
    weeks: tuple[WeekMean, ...]
    bands: tuple[_Band, ...]
    flares: tuple[tuple[dt.date, int], ...]  # day and load of each flare after exertion
    exertion_days: tuple[dt.date, ...]
    steps: tuple[tuple[dt.date, dt.date, Decimal], ...]  # start, end, diazepam-eq. mg
    caption: str  # how often worsening followed exertion, in words


@dataclass(frozen=True)
class ChartLabel:
    """One piece of text on the chart and the box it is drawn in."""

    rect: QRectF
    text: str
    kind: str  # legend, axis, tick, dose, band or caption
    align: int = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)


@dataclass(frozen=True)
class ChartLayout:
    """Where the plot goes and every label round it, for one size and font."""

    plot: QRectF
    labels: tuple[ChartLabel, ...]
    swatches: tuple[tuple[str, QRectF], ...]  # legend item and its swatch box


class JournalChart(QWidget):
    """The weekly mean of the symptom load, dose steps as a muted step line behind it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Symptom load chart")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # reachable, so readers can announce it
        self._data: _ChartData | None = None
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
        self._data = _ChartData(
            start=series.start,
            end=series.end,
            loads=series.loads,
            weeks=weekly_means(series),
            bands=tuple(_Band(e.kind, e.start, e.end, e.label) for e in summary.episodes),
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
        """The plot area and every label, from the font: nothing overlaps, all inside."""
        metrics = metrics or self.fontMetrics()
        data = self._data
        width, height = float(self.width()), float(self.height())
        line = float(metrics.height())
        labels, swatches, top = self._legend(metrics, width)
        if data is None:
            return ChartLayout(QRectF(PAD, top, width - 2 * PAD, height - top - PAD), (), ())
        # Axis titles on their own row above the plot.
        load_title = "load"
        dose_title = "dose (mg DE)" if data.steps else ""
        labels.append(
            ChartLabel(
                QRectF(PAD, top, metrics.horizontalAdvance(load_title), line), load_title, "axis"
            )
        )
        if dose_title:
            w = metrics.horizontalAdvance(dose_title)
            labels.append(ChartLabel(QRectF(width - PAD - w, top, w, line), dose_title, "axis"))
        top += line + PAD / 2
        # The caption under everything, wrapped to the width.
        caption_rect = metrics.boundingRect(
            QRectF(0, 0, width - 2 * PAD, 10_000).toRect(),
            int(Qt.TextFlag.TextWordWrap),
            data.caption,
        )
        caption_height = float(caption_rect.height()) if data.caption else 0.0
        # Short of room, the caption gives way first (the summary beside it says it too).
        room = height - top - 2 * line - 2 * PAD
        if room - caption_height < max(MIN_PLOT_LINES * line, 0.45 * height):
            caption_height = 0.0
        bottom = height - PAD - caption_height - (PAD / 2 if caption_height else 0)
        tick_top = bottom - line
        top_load = _top_load(data)
        y_texts = [str(v) for v in (0, top_load // 2, top_load)]
        left: float = PAD + max(metrics.horizontalAdvance(t) for t in y_texts) + PAD
        dose_texts = [_mg_text(mg) for mg in _dose_marks(data)]
        right_room = max((metrics.horizontalAdvance(t) for t in dose_texts), default=0)
        right = width - PAD - (right_room + PAD if right_room else 0)
        # Half a date label of room each side of the plot, so end ticks are not cut.
        half_tick = metrics.horizontalAdvance("2026-12-31") / 2
        left = max(left, PAD + half_tick)
        right = min(right, width - PAD - half_tick)
        plot = QRectF(left, top, max(1.0, right - left), max(1.0, tick_top - line / 2 - 2 - top))
        if caption_height:
            labels.append(
                ChartLabel(
                    QRectF(PAD, height - PAD - caption_height, width - 2 * PAD, caption_height),
                    data.caption,
                    "caption",
                    int(Qt.AlignmentFlag.AlignLeft) | int(Qt.TextFlag.TextWordWrap),
                )
            )
        placed: list[QRectF] = [label.rect for label in labels]

        def place(label: ChartLabel) -> None:
            """Add a label unless it would overlap one already placed or leave the widget."""
            inside = QRectF(0, 0, width, height).contains(label.rect)
            if inside and not any(label.rect.intersects(r) for r in placed):
                labels.append(label)
                placed.append(label.rect)

        right_align = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        for value, text in zip(
            (top_load, 0, top_load // 2), (y_texts[2], y_texts[0], y_texts[1]), strict=True
        ):
            y_pos = _y(plot, top_load, value)
            place(
                ChartLabel(
                    QRectF(PAD, y_pos - line / 2, left - 2 * PAD + PAD / 2, line),
                    text,
                    "axis",
                    right_align,
                )
            )
        if data.steps:
            highest = max(s[2] for s in data.steps) or Decimal(1)
            for mg, text in zip(_dose_marks(data), dose_texts, strict=True):
                y_pos = _dose_y(plot, mg, highest)
                place(
                    ChartLabel(
                        QRectF(plot.right() + PAD, y_pos - line / 2, right_room, line), text, "dose"
                    )
                )
        for date_label in self._date_labels(plot, data, metrics, tick_top):
            place(date_label)
        # Band labels inside the top of the plot, on two rows.
        for row_band in self._band_labels(plot, data, metrics):
            place(row_band)
        return ChartLayout(plot, tuple(labels), tuple(swatches))

    def _legend(
        self, metrics: QFontMetrics, width: float
    ) -> tuple[list[ChartLabel], list[tuple[str, QRectF]], float]:
        """The legend, flowing onto more rows rather than past the right edge; and its bottom."""
        line = float(metrics.height())
        labels: list[ChartLabel] = []
        swatches: list[tuple[str, QRectF]] = []
        x, y = float(PAD), float(PAD)
        for item in self.layers():
            item_width = SWATCH + 4 + metrics.horizontalAdvance(item)
            if x > PAD and x + item_width > width - PAD:
                x, y = float(PAD), y + line + 2
            swatches.append((item, QRectF(x, y + (line - 12) / 2, SWATCH, 12)))
            labels.append(
                ChartLabel(QRectF(x + SWATCH + 4, y, item_width - SWATCH - 4, line), item, "legend")
            )
            x += item_width + 2 * PAD
        return labels, swatches, (y + line + PAD if swatches else float(PAD))

    @staticmethod
    def _date_labels(
        plot: QRectF, data: _ChartData, metrics: QFontMetrics, top: float
    ) -> list[ChartLabel]:
        """Dates under the plot: as many as fit with room between them, the ends first."""
        line = float(metrics.height())
        centre = int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter)
        date_width = metrics.horizontalAdvance("2026-12-31") + 2 * PAD
        span = (data.end - data.start).days
        fit = int(plot.width() // date_width) if date_width else 0
        ticks = max(1, min(4, span, fit - 1)) if span else 0
        order = [0, ticks, *range(1, ticks)] if ticks else [0]
        found = []
        for n in order:
            day = data.start + dt.timedelta(days=round(span * n / ticks) if ticks else 0)
            x_pos = _x(plot, data, day)
            text = day.isoformat()
            w = metrics.horizontalAdvance(text) + 2
            found.append(ChartLabel(QRectF(x_pos - w / 2, top, w, line), text, "tick", centre))
        return found

    def _band_labels(
        self, plot: QRectF, data: _ChartData, metrics: QFontMetrics
    ) -> list[ChartLabel]:
        """Where each band's label goes, on two rows; one that would overlap is left out."""
        placed: list[ChartLabel] = []
        last_right = [-1e9, -1e9]
        line = metrics.height()
        for band in data.bands:
            middle = (_x(plot, data, band.start, 0) + _x(plot, data, band.end, 1)) / 2
            w = metrics.horizontalAdvance(band.label) + 6
            left = min(max(middle - w / 2, plot.left()), plot.right() - w)
            free = [row for row in (0, 1) if left > last_right[row] + 4]
            if not free or w > plot.width():
                continue
            last_right[free[0]] = left + w
            top = plot.top() + 2 + free[0] * line
            placed.append(
                ChartLabel(
                    QRectF(left, top, w, line),
                    band.label,
                    "band",
                    int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter),
                )
            )
        return placed

    # painting -----------------------------------------------------------------------

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
            left = _x(plot, data, band.start, 0)
            right = _x(plot, data, band.end, 1)
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

    def _draw_steps(self, p: QPainter, plot: QRectF, data: _ChartData, palette: QPalette) -> None:
        if not data.steps:
            return
        highest = max(s[2] for s in data.steps) or Decimal(1)
        path = QPainterPath()
        for n, (start, end, mg) in enumerate(data.steps):
            y = _dose_y(plot, mg, highest)
            x1 = _x(plot, data, max(start, data.start), 0)
            x2 = _x(plot, data, min(end, data.end), 1)
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

    def _draw_daily(self, p: QPainter, plot: QRectF, data: _ChartData, palette: QPalette) -> None:
        top = _top_load(data)
        path = QPainterPath()
        drawing = False
        for i, value in enumerate(data.loads):
            if value is None:
                drawing = False
                continue
            point = QPointF(_x(plot, data, data.start + dt.timedelta(days=i)), _y(plot, top, value))
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
        top = _top_load(data)
        runs: list[list[QPointF]] = [[]]
        for week in data.weeks:
            if week.mean is None:
                if runs[-1]:
                    runs.append([])
                continue
            day = min(max(week.middle, data.start), data.end)
            runs[-1].append(QPointF(_x(plot, data, day), _y(plot, top, week.mean)))
        return [run for run in runs if run]

    def _draw_weekly(self, p: QPainter, plot: QRectF, data: _ChartData, palette: QPalette) -> None:
        p.setPen(QPen(palette.color(QPalette.ColorRole.Text), 2.2))
        p.setBrush(Qt.BrushStyle.NoBrush)
        for run in self.weekly_points(plot):
            if len(run) == 1:
                p.drawEllipse(run[0], 2, 2)
                continue
            p.drawPolyline(QPolygonF(run))

    def _draw_markers(self, p: QPainter, plot: QRectF, data: _ChartData, palette: QPalette) -> None:
        text = palette.color(QPalette.ColorRole.Text)
        top = _top_load(data)
        p.setPen(text)
        p.setBrush(QBrush(text))
        for day, load in data.flares:
            x, y = _x(plot, data, day), _y(plot, top, load) - 6
            p.drawPolygon(QPolygonF([QPointF(x, y - 9), QPointF(x - 6, y), QPointF(x + 6, y)]))
        p.setBrush(Qt.BrushStyle.NoBrush)
        for day in data.exertion_days:
            p.drawEllipse(QPointF(_x(plot, data, day), plot.bottom() - 6), 4, 4)

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


def _x(plot: QRectF, data: _ChartData, day: dt.date, edge: float = 0.5) -> float:
    """Horizontal position of a day: edge 0 is its left side, 0.5 its middle, 1 its right."""
    span = (data.end - data.start).days + 1
    return plot.left() + plot.width() * ((day - data.start).days + edge) / span


def _top_load(data: _ChartData) -> int:
    return max(10, max((v for v in data.loads if v is not None), default=0))


def _y(plot: QRectF, top_load: int, load: float) -> float:
    return plot.bottom() - plot.height() * load / (top_load * 1.15)


def _dose_y(plot: QRectF, mg: Decimal, highest: Decimal) -> float:
    return plot.bottom() - plot.height() * 0.9 * float(mg / highest)


def _dose_marks(data: _ChartData) -> list[Decimal]:
    """The doses labelled on the right: the highest and the latest."""
    if not data.steps:
        return []
    return list(dict.fromkeys((max(s[2] for s in data.steps), data.steps[-1][2])))


def _mg_text(mg: Decimal) -> str:
    return f"{mg.normalize():f}"


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
