"""The prescriber's chart: the weekly mean symptom load over the dose steps, holds shaded.

One picture answers "did the symptoms follow the cuts?": the dose as a step line on the
left axis, each week's mean symptom load as a dot on the right axis, and the holds as
shaded stretches. Vector shapes only, so it prints sharply and photocopies in grey.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable

from reportlab.graphics.shapes import Circle, Drawing, Line, PolyLine, Rect, String

from benzoapp.core.model import Plan
from benzoapp.report.data import WeekLoad
from benzoapp.report.pdf.chart import day_ticks, month_ticks, nice_step
from benzoapp.report.pdf.styles import FONT, INK, MUTED, RULE, SHADE
from benzoapp.report.text import format_date, several_drugs

HEIGHT = 120.0
LEFT = 40.0
RIGHT = 40.0
BOTTOM = 20.0
TOP = 16.0


def chart_span(plan: Plan, weeks: tuple[WeekLoad, ...], today: dt.date) -> tuple[dt.date, dt.date]:
    """From the earlier of plan start and first rated week to the later of the last
    rated week and today, never past the day after the plan ends."""
    first = plan.steps[0].start
    last = today
    if weeks:
        first = min(first, weeks[0].start)
        last = max(last, weeks[-1].start + dt.timedelta(days=6))
    end_of_plan = plan.steps[-1].end + dt.timedelta(days=1)
    return first, min(last, end_of_plan) if last > first else end_of_plan


def load_chart(plan: Plan, weeks: tuple[WeekLoad, ...], width: float, today: dt.date) -> Drawing:
    """Dose steps (left axis, mg) and weekly mean symptom load (right axis)."""
    drawing = Drawing(width, HEIGHT)
    drawing.initialFontName = FONT
    if not plan.steps:
        return drawing
    first, last = chart_span(plan, weeks, today)
    span = max((last - first).days, 1)
    plot_w = width - LEFT - RIGHT
    plot_h = HEIGHT - BOTTOM - TOP
    use_equivalent = several_drugs(plan)

    def x_of(day: dt.date) -> float:
        days = min(max((day - first).days, 0), span)
        return LEFT + plot_w * days / span

    steps = [s for s in plan.steps if s.end >= first and s.start <= last and not s.history]
    doses = [float(s.diazepam_equivalent_mg if use_equivalent else s.total_mg) for s in steps]
    dose_top = max(doses, default=1.0) or 1.0
    dose_tick = nice_step(dose_top)
    dose_top = dose_tick * math.ceil(dose_top / dose_tick)
    load_top = max((w.mean for w in weeks), default=1.0) or 1.0
    load_tick = nice_step(load_top)
    load_top = load_tick * math.ceil(load_top / load_tick)

    for s in steps:
        if s.hold:
            left, right = x_of(s.start), x_of(s.end + dt.timedelta(days=1))
            drawing.add(Rect(left, BOTTOM, right - left, plot_h, fillColor=SHADE, strokeColor=None))
    _axes(drawing, (dose_top, dose_tick, load_top), plot_w, plot_h, use_equivalent)
    _time_axis(drawing, first, last, span, x_of)
    drawing.add(Line(LEFT, BOTTOM, LEFT + plot_w, BOTTOM, strokeColor=INK, strokeWidth=0.6))
    points: list[float] = []
    for s, value in zip(steps, doses, strict=True):
        y = BOTTOM + plot_h * value / dose_top
        points += [x_of(s.start), y, x_of(s.end + dt.timedelta(days=1)), y]
    if points:
        drawing.add(PolyLine(points, strokeColor=INK, strokeWidth=1.6, strokeLineJoin=0))
    trail: list[float] = []
    for week in weeks:
        middle = week.start + dt.timedelta(days=3)
        if not first <= middle <= last:
            continue
        x, y = x_of(middle), BOTTOM + plot_h * week.mean / load_top
        trail += [x, y]
        drawing.add(Circle(x, y, 1.8, fillColor=MUTED, strokeColor=None))
    if len(trail) >= 4:
        drawing.add(PolyLine(trail, strokeColor=MUTED, strokeWidth=0.6, strokeDashArray=[2, 2]))
    return drawing


def _axes(
    drawing: Drawing,
    scale: tuple[float, float, float],
    plot_w: float,
    plot_h: float,
    use_equivalent: bool,
) -> None:
    """Grid lines with the dose scale on the left and the load scale on the right."""
    dose_top, dose_tick, load_top = scale
    width = drawing.width
    tick = 0.0
    while tick <= dose_top + 1e-9:
        y = BOTTOM + plot_h * tick / dose_top
        drawing.add(Line(LEFT, y, LEFT + plot_w, y, strokeColor=RULE, strokeWidth=0.3))
        drawing.add(_label(LEFT - 4, y - 3, f"{tick:g}", "end"))
        drawing.add(_label(LEFT + plot_w + 4, y - 3, f"{load_top * tick / dose_top:.3g}", "start"))
        tick += dose_tick
    what = "mg (diazepam eq.)" if use_equivalent else "mg a day"
    drawing.add(_label(0, HEIGHT - 10, what, "start"))
    drawing.add(_label(width, HEIGHT - 10, "symptom load", "end"))


def _time_axis(
    drawing: Drawing,
    first: dt.date,
    last: dt.date,
    span: int,
    x_of: Callable[[dt.date], float],
) -> None:
    ticks = month_ticks(first, last, most=6) if span > 92 else day_ticks(first, last, most=5)
    for day in ticks:
        x = x_of(day)
        drawing.add(Line(x, BOTTOM, x, BOTTOM - 3, strokeColor=RULE, strokeWidth=0.5))
        label = f"{day:%b %Y}" if span > 92 else format_date(day)
        drawing.add(_label(x, BOTTOM - 12, label, "middle"))


def _label(x: float, y: float, text: str, anchor: str) -> String:
    return String(x, y, text, fontName=FONT, fontSize=8, fillColor=MUTED, textAnchor=anchor)
