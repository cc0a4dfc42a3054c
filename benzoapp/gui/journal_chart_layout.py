"""Where everything on the journal chart goes: the plot and every label, from the font.

Pure geometry, no painting: ``layout_chart`` places the legend (flowing onto more rows),
the axis titles, the caption, the load and dose values and the dates, and leaves out a
label that would overlap one already placed or leave the chart, so labels never overlap
or run past the edge at any size or text size (tests/gui/test_journal_chart.py).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFontMetrics

from benzoapp.core.journal import EpisodeKind
from benzoapp.core.journal.weekly import WeekMean

PAD = 8  # space round the chart and between labels
MIN_PLOT_LINES = 4  # the plot keeps at least this many text lines of height
SWATCH = 16  # width of a legend swatch

WEEKLY = "Weekly mean"
DAILY = "Each day"
WAVE = "Wave (worse)"
WINDOW = "Window (better)"
FLARE = "Flare after exertion"
EXERTION = "Exertion"
DOSE = "Dose step"


@dataclass(frozen=True)
class Band:
    """A marked wave or window and its label."""

    kind: EpisodeKind
    start: dt.date
    end: dt.date
    label: str


@dataclass(frozen=True)
class ChartData:
    """What the chart shows, taken from the journal's analysis and the plan."""

    start: dt.date
    end: dt.date
    loads: tuple[int | None, ...]  # one per day from start
    weeks: tuple[WeekMean, ...]
    bands: tuple[Band, ...]
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


def layout_chart(
    data: ChartData | None,
    layers: tuple[str, ...],
    metrics: QFontMetrics,
    width: float,
    height: float,
) -> ChartLayout:
    """The plot area and every label, from the font: nothing overlaps, all inside."""
    line = float(metrics.height())
    labels, swatches, top = _legend(layers, metrics, width)
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
    highest_load = top_load(data)
    y_texts = [str(v) for v in (0, highest_load // 2, highest_load)]
    left: float = PAD + max(metrics.horizontalAdvance(t) for t in y_texts) + PAD
    dose_texts = [mg_text(mg) for mg in dose_marks(data)]
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
        (highest_load, 0, highest_load // 2), (y_texts[2], y_texts[0], y_texts[1]), strict=True
    ):
        y_pos = y_of(plot, highest_load, value)
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
        for mg, text in zip(dose_marks(data), dose_texts, strict=True):
            y_pos = dose_y(plot, mg, highest)
            place(
                ChartLabel(
                    QRectF(plot.right() + PAD, y_pos - line / 2, right_room, line), text, "dose"
                )
            )
    for date_label in _date_labels(plot, data, metrics, tick_top):
        place(date_label)
    # Band labels inside the top of the plot, on two rows.
    for row_band in _band_labels(plot, data, metrics):
        place(row_band)
    return ChartLayout(plot, tuple(labels), tuple(swatches))


def _legend(
    layers: tuple[str, ...], metrics: QFontMetrics, width: float
) -> tuple[list[ChartLabel], list[tuple[str, QRectF]], float]:
    """The legend, flowing onto more rows rather than past the right edge; and its bottom."""
    line = float(metrics.height())
    labels: list[ChartLabel] = []
    swatches: list[tuple[str, QRectF]] = []
    x, y = float(PAD), float(PAD)
    for item in layers:
        item_width = SWATCH + 4 + metrics.horizontalAdvance(item)
        if x > PAD and x + item_width > width - PAD:
            x, y = float(PAD), y + line + 2
        swatches.append((item, QRectF(x, y + (line - 12) / 2, SWATCH, 12)))
        labels.append(
            ChartLabel(QRectF(x + SWATCH + 4, y, item_width - SWATCH - 4, line), item, "legend")
        )
        x += item_width + 2 * PAD
    return labels, swatches, (y + line + PAD if swatches else float(PAD))


def _date_labels(
    plot: QRectF, data: ChartData, metrics: QFontMetrics, top: float
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
        x_pos = x_of(plot, data, day)
        text = day.isoformat()
        w = metrics.horizontalAdvance(text) + 2
        found.append(ChartLabel(QRectF(x_pos - w / 2, top, w, line), text, "tick", centre))
    return found


def _band_labels(plot: QRectF, data: ChartData, metrics: QFontMetrics) -> list[ChartLabel]:
    """Where each band's label goes, on two rows; one that would overlap is left out."""
    placed: list[ChartLabel] = []
    last_right = [-1e9, -1e9]
    line = metrics.height()
    for band in data.bands:
        middle = (x_of(plot, data, band.start, 0) + x_of(plot, data, band.end, 1)) / 2
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


def x_of(plot: QRectF, data: ChartData, day: dt.date, edge: float = 0.5) -> float:
    """Horizontal position of a day: edge 0 is its left side, 0.5 its middle, 1 its right."""
    span = (data.end - data.start).days + 1
    return plot.left() + plot.width() * ((day - data.start).days + edge) / span


def top_load(data: ChartData) -> int:
    return max(10, max((v for v in data.loads if v is not None), default=0))


def y_of(plot: QRectF, top_load: int, load: float) -> float:
    return plot.bottom() - plot.height() * load / (top_load * 1.15)


def dose_y(plot: QRectF, mg: Decimal, highest: Decimal) -> float:
    return plot.bottom() - plot.height() * 0.9 * float(mg / highest)


def dose_marks(data: ChartData) -> list[Decimal]:
    """The doses labelled on the right: the highest and the latest."""
    if not data.steps:
        return []
    return list(dict.fromkeys((max(s[2] for s in data.steps), data.steps[-1][2])))


def mg_text(mg: Decimal) -> str:
    return f"{mg.normalize():f}"
