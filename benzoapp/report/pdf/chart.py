"""The dose chart: the daily dose as a step line over the calendar, holds shaded.

Drawn with ReportLab's vector shapes, so it stays sharp when printed and needs no image
library. Positions are floats; the doses they stand for stay exact in the table.
"""

from __future__ import annotations

import datetime as dt
import math

from reportlab.graphics.shapes import Drawing, Line, PolyLine, Rect, String
from reportlab.platypus import Flowable, KeepTogether, Paragraph

from benzoapp.core.dates import month_year
from benzoapp.core.model import Plan
from benzoapp.core.plan_chart import daily_value, dose_series, plots_equivalent
from benzoapp.report.pdf.outline import PartHeading
from benzoapp.report.pdf.styles import FONT, INK, MUTED, RULE, SHADE, Styles
from benzoapp.report.text import format_date, format_mg

CHART_HEIGHT = 190.0
LEFT_GUTTER = 46.0
BOTTOM_GUTTER = 22.0
TOP_GAP = 8.0


def nice_step(top: float, ticks: int = 4) -> float:
    """A round tick spacing (1, 2, 2.5 or 5 times a power of ten) covering ``top``."""
    if top <= 0:
        return 1.0
    raw = top / ticks
    magnitude = 10.0 ** math.floor(math.log10(raw))
    for factor in (1, 2, 2.5, 5, 10):
        if factor * magnitude >= raw:
            return factor * magnitude
    return 10 * magnitude


def month_ticks(first: dt.date, last: dt.date, most: int = 7) -> list[dt.date]:
    """First days of months between the dates, thinned to at most ``most`` ticks."""
    months = []
    year, month = first.year, first.month
    while True:
        month += 1
        if month > 12:
            year, month = year + 1, 1
        day = dt.date(year, month, 1)
        if day > last:
            break
        months.append(day)
    for every in (1, 2, 3, 4, 6, 12, 24):
        thinned = [d for d in months if (d.year * 12 + d.month - 1) % every == 0]
        if len(thinned) <= most:
            return thinned
    return months[:: max(1, len(months) // most)]


def day_ticks(first: dt.date, last: dt.date, most: int = 6) -> list[dt.date]:
    span = (last - first).days
    every = max(1, math.ceil(span / most))
    return [first + dt.timedelta(days=n) for n in range(0, span + 1, every)]


HATCH_GAP = 6.0  # points between the hatch lines of the overlap


def hatch(drawing: Drawing, left: float, bottom: float, width: float, height: float) -> None:
    """Diagonal lines filling a rectangle, cut at its edges (the shapes have no clipping).

    Hatched, not only tinted, as in the window: the overlap of substitution and
    reduction must read apart from a hold's shading, in grey print too.
    """
    offset = -height
    while offset < width:
        # the line x = left + offset + t, y = bottom + t for t in [0, height], kept inside
        t0 = max(0.0, -offset)
        t1 = min(height, width - offset)
        if t1 > t0:
            drawing.add(
                Line(
                    left + offset + t0,
                    bottom + t0,
                    left + offset + t1,
                    bottom + t1,
                    strokeColor=MUTED,
                    strokeWidth=0.5,
                )
            )
        offset += HATCH_GAP


def overlap_span(plan: Plan) -> tuple[int, int] | None:
    """First and last step number (from 1) where substitution and reduction overlap."""
    from benzoapp.core.taper.engine import overlap_steps

    indexes = set(overlap_steps(plan))
    numbers = [n for n, s in enumerate(plan.steps, start=1) if s.index in indexes]
    return (numbers[0], numbers[-1]) if numbers else None


def dose_chart(plan: Plan, width: float) -> Drawing:
    """A step line of the daily dose from the first day to the day after the plan ends."""
    drawing = Drawing(width, CHART_HEIGHT)
    drawing.initialFontName = FONT  # the renderer would otherwise set unembedded Helvetica
    if not plan.steps:
        return drawing
    values = [float(stretch.mg) for stretch in dose_series(plan)]  # as the window plots
    first = plan.steps[0].start
    end = plan.steps[-1].end + dt.timedelta(days=1)
    span = max((end - first).days, 1)
    step = nice_step(max(values))
    y_top = step * math.ceil(max(values) / step) if max(values) > 0 else step
    plot_w = width - LEFT_GUTTER - 6
    plot_h = CHART_HEIGHT - BOTTOM_GUTTER - TOP_GAP

    def x_of(day: dt.date) -> float:
        return LEFT_GUTTER + plot_w * (day - first).days / span

    def y_of(value: float) -> float:
        return BOTTOM_GUTTER + plot_h * value / y_top

    for s in plan.steps:
        if s.hold:
            left = x_of(s.start)
            right = x_of(s.end + dt.timedelta(days=1))
            drawing.add(
                Rect(left, BOTTOM_GUTTER, right - left, plot_h, fillColor=SHADE, strokeColor=None)
            )
    span_steps = overlap_span(plan)
    if span_steps is not None:
        first_step, last_step = plan.steps[span_steps[0] - 1], plan.steps[span_steps[1] - 1]
        left = x_of(first_step.start)
        right = x_of(last_step.end + dt.timedelta(days=1))
        hatch(drawing, left, BOTTOM_GUTTER, right - left, plot_h)
    tick = 0.0
    while tick <= y_top + 1e-9:
        y = y_of(tick)
        drawing.add(
            Line(LEFT_GUTTER, y, LEFT_GUTTER + plot_w, y, strokeColor=RULE, strokeWidth=0.3)
        )
        drawing.add(
            String(
                LEFT_GUTTER - 4,
                y - 3,
                f"{tick:g}",
                fontName=FONT,
                fontSize=9,
                fillColor=MUTED,
                textAnchor="end",
            )
        )
        tick += step
    drawing.add(
        String(2, BOTTOM_GUTTER + plot_h + 1, "mg", fontName=FONT, fontSize=9, fillColor=MUTED)
    )
    ticks = month_ticks(first, end) if span > 92 else day_ticks(first, end)
    for day in ticks:
        x = x_of(day)
        drawing.add(Line(x, BOTTOM_GUTTER, x, BOTTOM_GUTTER - 3, strokeColor=RULE, strokeWidth=0.5))
        label = month_year(day) if span > 92 else format_date(day)
        drawing.add(
            String(
                x,
                BOTTOM_GUTTER - 13,
                label,
                fontName=FONT,
                fontSize=9,
                fillColor=MUTED,
                textAnchor="middle",
            )
        )
    drawing.add(
        Line(
            LEFT_GUTTER,
            BOTTOM_GUTTER,
            LEFT_GUTTER + plot_w,
            BOTTOM_GUTTER,
            strokeColor=INK,
            strokeWidth=0.6,
        )
    )
    points: list[float] = []
    for s, value in zip(plan.steps, values, strict=True):
        y = y_of(value)
        points += [x_of(s.start), y, x_of(s.end + dt.timedelta(days=1)), y]
    drawing.add(PolyLine(points, strokeColor=INK, strokeWidth=1.6, strokeLineJoin=0))
    return drawing


def overlap_caption(plan: Plan) -> str:
    """Which steps the hatching marks, in words (empty when none overlap)."""
    span = overlap_span(plan)
    if span is None:
        return ""
    first, last = span
    where = f"step {first}" if first == last else f"steps {first} to {last}"
    return (
        f" Hatched: {where}, where the old drug is reduced while the switch is made "
        "(reducing while switching)."
    )


def chart_story(plan: Plan, styles: Styles, width: float) -> list[Flowable]:
    """Heading, chart and caption kept on one page."""
    story: list[Flowable] = [PartHeading("The dose over time", styles.heading)]
    if not plan.steps:
        story.append(Paragraph("The plan has no steps to draw.", styles.body))
        return [KeepTogether(story)]
    what = "in diazepam equivalents, " if plots_equivalent(plan) else ""
    first, last = plan.steps[0], plan.steps[-1]
    start_mg, end_mg = daily_value(plan, first), daily_value(plan, last)
    story.append(dose_chart(plan, width))
    story.append(
        Paragraph(
            f"The line shows the total a day, {what}from {format_mg(start_mg)} on "
            f"{format_date(first.start)} to {format_mg(end_mg)} on "
            f"{format_date(last.end)}."
            + (" Shaded stretches are holds." if any(s.hold for s in plan.steps) else "")
            + overlap_caption(plan),
            styles.small,
        )
    )
    return [KeepTogether(story)]
