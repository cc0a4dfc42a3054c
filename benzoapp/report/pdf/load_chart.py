"""The prescriber's chart: the weekly mean symptom load over the dose steps, holds shaded.

One picture answers "did the symptoms follow the cuts?": the dose as a step line on the
left axis, each week's mean symptom load as a dot on the right axis, and the holds as
shaded stretches. Drawn straight onto the page canvas as vector lines (ReportLab's shape
objects check every attribute as it is set, which costs more than the whole page), so it
prints sharply and photocopies in grey.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field

from reportlab.platypus import Flowable

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
LABEL_SIZE = 8


@dataclass
class Marks:
    """What the chart draws, in points from its lower-left corner."""

    holds: list[tuple[float, float, float, float]] = field(default_factory=list)  # x, y, w, h
    grid: list[tuple[float, float, float, float]] = field(default_factory=list)  # x1 y1 x2 y2
    ticks: list[tuple[float, float, float, float]] = field(default_factory=list)
    labels: list[tuple[float, float, str, str]] = field(default_factory=list)  # x, y, text, anchor
    dose: list[tuple[float, float]] = field(default_factory=list)
    loads: list[tuple[float, float]] = field(default_factory=list)
    axis: tuple[float, float, float, float] = (0.0, 0.0, 0.0, 0.0)


AHEAD = dt.timedelta(weeks=6)  # the weeks to come: the next cuts and holds


def chart_span(plan: Plan, weeks: tuple[WeekLoad, ...], today: dt.date) -> tuple[dt.date, dt.date]:
    """From the earlier of plan start and first rated week to six weeks past the later of
    the last rated week and today (what comes next), never past the day after the plan."""
    first = plan.steps[0].start
    last = today + AHEAD
    if weeks:
        first = min(first, weeks[0].start)
        last = max(last, weeks[-1].start + dt.timedelta(days=6) + AHEAD)
    end_of_plan = plan.steps[-1].end + dt.timedelta(days=1)
    last = min(last, end_of_plan)
    return first, last if last > first else end_of_plan


def _scale(top: float) -> tuple[float, float]:
    """A round top and tick spacing for values up to ``top``."""
    top = top or 1.0
    tick = nice_step(top)
    return tick * math.ceil(top / tick), tick


def chart_marks(plan: Plan, weeks: tuple[WeekLoad, ...], width: float, today: dt.date) -> Marks:
    """Everything the chart draws, worked out without a canvas (and so testable)."""
    marks = Marks()
    if not plan.steps:
        return marks
    first, last = chart_span(plan, weeks, today)
    span = max((last - first).days, 1)
    plot_w = width - LEFT - RIGHT
    plot_h = HEIGHT - BOTTOM - TOP
    use_equivalent = several_drugs(plan)

    def x_of(day: dt.date) -> float:
        return LEFT + plot_w * min(max((day - first).days, 0), span) / span

    steps = [s for s in plan.steps if s.end >= first and s.start <= last and not s.history]
    doses = [float(s.diazepam_equivalent_mg if use_equivalent else s.total_mg) for s in steps]
    dose_top, dose_tick = _scale(max(doses, default=1.0))
    load_top, _ = _scale(max((w.mean for w in weeks), default=1.0))
    for s in steps:
        if s.hold:
            left, right = x_of(s.start), x_of(s.end + dt.timedelta(days=1))
            marks.holds.append((left, BOTTOM, right - left, plot_h))
    tick = 0.0
    while tick <= dose_top + 1e-9:
        y = BOTTOM + plot_h * tick / dose_top
        marks.grid.append((LEFT, y, LEFT + plot_w, y))
        marks.labels.append((LEFT - 4, y - 3, f"{tick:g}", "end"))
        if weeks:  # no ratings, no load scale
            load = f"{load_top * tick / dose_top:.3g}"
            marks.labels.append((LEFT + plot_w + 4, y - 3, load, "start"))
        tick += dose_tick
    marks.labels.append(
        (0, HEIGHT - 10, "mg (diazepam eq.)" if use_equivalent else "mg a day", "start")
    )
    if weeks:
        marks.labels.append((width, HEIGHT - 10, "symptom load", "end"))
    dates = month_ticks(first, last, most=6) if span > 92 else day_ticks(first, last, most=5)
    for day in dates:
        x = x_of(day)
        marks.ticks.append((x, BOTTOM, x, BOTTOM - 3))
        marks.labels.append(
            (x, BOTTOM - 12, f"{day:%b %Y}" if span > 92 else format_date(day), "middle")
        )
    marks.axis = (LEFT, BOTTOM, LEFT + plot_w, BOTTOM)
    for s, value in zip(steps, doses, strict=True):
        y = BOTTOM + plot_h * value / dose_top
        marks.dose += [(x_of(s.start), y), (x_of(s.end + dt.timedelta(days=1)), y)]
    for week in weeks:
        middle = week.start + dt.timedelta(days=3)
        if first <= middle <= last:
            marks.loads.append((x_of(middle), BOTTOM + plot_h * week.mean / load_top))
    return marks


class LoadChart(Flowable):  # type: ignore[misc]  # ReportLab ships no stubs
    """Dose steps (left axis, mg) and weekly mean symptom load (right axis)."""

    def __init__(self, plan: Plan, weeks: tuple[WeekLoad, ...], width: float, today: dt.date):
        super().__init__()
        self.width, self.height = width, HEIGHT
        self.marks = chart_marks(plan, weeks, width, today)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        canvas, marks = self.canv, self.marks
        canvas.saveState()
        canvas.setFillColor(SHADE)
        for x, y, w, h in marks.holds:
            canvas.rect(x, y, w, h, stroke=0, fill=1)
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.3)
        canvas.lines(marks.grid)
        canvas.setLineWidth(0.5)
        canvas.lines(marks.ticks)
        canvas.setFillColor(MUTED)
        canvas.setFont(FONT, LABEL_SIZE)
        draw = {"start": canvas.drawString, "end": canvas.drawRightString}
        for x, y, text, anchor in marks.labels:
            draw.get(anchor, canvas.drawCentredString)(x, y, text)
        canvas.setStrokeColor(INK)
        canvas.setLineWidth(0.6)
        canvas.line(*marks.axis)
        if marks.dose:
            _polyline(canvas, marks.dose, 1.6)
        canvas.setStrokeColor(MUTED)
        if len(marks.loads) >= 2:
            canvas.setDash(2, 2)
            _polyline(canvas, marks.loads, 0.6)
            canvas.setDash()
        for x, y in marks.loads:
            canvas.circle(x, y, 1.8, stroke=0, fill=1)
        canvas.restoreState()


def _polyline(canvas: object, points: list[tuple[float, float]], width: float) -> None:
    path = canvas.beginPath()  # type: ignore[attr-defined]
    path.moveTo(*points[0])
    for x, y in points[1:]:
        path.lineTo(x, y)
    canvas.setLineWidth(width)  # type: ignore[attr-defined]
    canvas.setLineJoin(0)  # type: ignore[attr-defined]
    canvas.drawPath(path, stroke=1, fill=0)  # type: ignore[attr-defined]
