"""The daily checklist: one row per day, a tick box per dose, for the first few weeks.

A multi-year plan would need hundreds of pages, so the checklist covers a set number of
weeks (from today when the plan is under way) and says how to print more.
"""

from __future__ import annotations

import datetime as dt

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph

from benzoapp.core.dates import format_day
from benzoapp.core.model import Plan, Step
from benzoapp.report.data import ReportData
from benzoapp.report.pdf.outline import PartHeading
from benzoapp.report.pdf.styles import Styles
from benzoapp.report.pdf.tables import plain_table
from benzoapp.report.text import dose_times, doses_at, format_date, format_mg, several_drugs

BOX = "☐"


def checklist_days(data: ReportData) -> list[tuple[dt.date, Step]]:
    """The days the checklist covers, each with the step it falls in."""
    plan = data.plan
    if not plan.steps or data.options.checklist_weeks == 0:
        return []
    first, last = plan.steps[0].start, plan.steps[-1].end
    today = data.options.generated_on
    start = today if first <= today <= last else first
    stop = min(start + dt.timedelta(days=7 * data.options.checklist_weeks - 1), last)
    days = []
    steps = iter(plan.steps)
    step = next(steps)
    day = start
    while day <= stop:
        while step.end < day:
            step = next(steps)
        days.append((day, step))
        day += dt.timedelta(days=1)
    return days


def checklist_rows(plan: Plan, days: list[tuple[dt.date, Step]]) -> list[list[str]]:
    times = dose_times(plan)
    several = several_drugs(plan)
    rows = []
    for day, step in days:
        cells = []
        for time in times:
            boxes = [
                f"{BOX} {d.drug} {format_mg(d.mg)}" if several else f"{BOX} {format_mg(d.mg)}"
                for d in doses_at(step, time)
                if d.mg > 0
            ]
            cells.append("\n".join(boxes))
        rows.append([format_day(day), *cells, ""])
    return rows


def checklist_story(data: ReportData, styles: Styles, width: float) -> list[Flowable]:
    heading = PartHeading("Daily checklist", styles.heading)
    days = checklist_days(data)
    if not days:
        return [heading, Paragraph("No checklist was asked for.", styles.body)]
    first, last = days[0][0], days[-1][0]
    intro = Paragraph(
        f"Tick each dose when you take it. This checklist covers {format_date(first)} to "
        f"{format_date(last)}. To print more weeks, choose a longer checklist when "
        "printing, or run <b>benzoapp report FILE --checklist-weeks 12</b>.",
        styles.body,
    )
    times = dose_times(data.plan)
    header = ["Day", *times, "Notes"]
    date_w = 36 * mm
    base_w = 42 * mm if several_drugs(data.plan) else 30 * mm
    dose_w = min(base_w, (width - date_w - 30 * mm) / max(len(times), 1))
    notes_w = width - date_w - dose_w * len(times)
    widths = [date_w, *([dose_w] * len(times)), notes_w]
    return [plain_table(header, checklist_rows(data.plan, days), widths, lead=[heading, intro])]
