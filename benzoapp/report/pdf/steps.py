"""The step table: dates, the dose at each time of day and how to make it, and flags."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph

from benzoapp.core.model import Plan, Step
from benzoapp.core.taper.crossover import OVERLAP
from benzoapp.report.pdf.outline import PartHeading
from benzoapp.report.pdf.styles import Styles, room_for, typed
from benzoapp.report.pdf.tables import plain_table
from benzoapp.report.text import (
    dose_times,
    doses_at,
    format_date,
    format_mg,
    several_drugs,
    step_flags,
)


def dose_cell(step: Step, time: str, several: bool) -> str:
    """The dose(s) at one time of day, each with how to make it up on the next line."""
    lines = []
    for dose in doses_at(step, time):
        lines.append(f"{dose.drug} {format_mg(dose.mg)}" if several else format_mg(dose.mg))
        if dose.units:
            lines.append(dose.units)
    return "\n".join(lines) or "–"


def dates_cell(step: Step, stop: bool = False) -> str:
    if stop:
        return f"from {format_date(step.start)}"
    if step.days == 1:
        return format_date(step.start)
    return f"{format_date(step.start)}\nto {format_date(step.end)}"


def step_rows(plan: Plan, noted: dict[int, int]) -> tuple[list[str], list[list[str]]]:
    """Header and rows of the step table; ``noted`` maps step index to note number.

    A daily plan leaves out the Days column (always 1), and a plan with nothing to flag
    leaves out Notes: a thousand rows of empty cells only cost paper and time.
    """
    times = dose_times(plan)
    with_equivalent = several_drugs(plan)
    with_days = any(step.days != 1 for step in plan.steps)
    flags = [step_flags(step, plan) for step in plan.steps]
    for step, step_flag in zip(plan.steps, flags, strict=True):
        if step.index in noted:
            step_flag.append(f"see note {noted[step.index]}")
    with_notes = any(flags)
    # Milligrams of different drugs do not add up: with several, only the equivalent does.
    header = ["Step", "Dates" if with_days else "Date", *(["Days"] if with_days else []), *times]
    header.append("Diazepam\nequivalent" if with_equivalent else "A day")
    if with_notes:
        header.append("Notes")
    rows = []
    for number, (step, step_flag) in enumerate(zip(plan.steps, flags, strict=True), start=1):
        stop = plan.is_stop(step)
        days = "–" if stop else str(step.days)
        row = [str(number), dates_cell(step, stop), *([days] if with_days else [])]
        if stop:
            row += ["none from here on", *(["–"] * (len(times) - 1))]
        else:
            row += [dose_cell(step, t, with_equivalent) for t in times]
        row.append(format_mg(step.diazepam_equivalent_mg if with_equivalent else step.total_mg))
        if with_notes:
            row.append("\n".join(step_flag))
        rows.append(row)
    return header, rows


def column_widths(header: list[str], dose_count: int, width: float) -> list[float]:
    """Fixed widths for the fixed columns; the dose columns share what is left."""
    fixed = {"Step": 14 * mm, "Dates": 32 * mm, "Date": 28 * mm, "Days": 14 * mm}
    tail = {"A day": 22 * mm, "Diazepam\nequivalent": 27 * mm, "Notes": 24 * mm}
    known = sum(fixed.get(h, 0) + tail.get(h, 0) for h in header)
    each = (width - known) / max(dose_count, 1)
    return [fixed.get(h) or tail.get(h) or each for h in header]


def steps_story(plan: Plan, styles: Styles, width: float) -> list[Flowable]:
    heading = PartHeading("Step by step", styles.heading)
    if not plan.steps:
        return [heading, Paragraph("The plan has no steps.", styles.body)]
    intro = Paragraph(
        "Each row is a stretch of days on the same doses. The dose is the amount at "
        "that time of day; the line under it says how to make it up. "
        "Rows marked <b>hold</b> keep the dose the same for a while.",
        styles.body,
    )
    if any(OVERLAP in s.note for s in plan.steps):
        intro = Paragraph(
            intro.text + " Rows marked <b>reducing while switching</b> hold both drugs: the "
            "old one is reduced while the switch is made (hatched on the chart).",
            styles.body,
        )
    story: list[Flowable] = []
    noted = {s.index: n for n, s in enumerate((s for s in plan.steps if s.note), start=1)}
    header, rows = step_rows(plan, noted)
    widths = column_widths(header, len(dose_times(plan)), width)
    holds = [i for i, step in enumerate(plan.steps) if step.hold]
    right = [header.index(h) for h in ("Days", "A day", "Diazepam\nequivalent") if h in header]
    story.append(
        plain_table(
            header, rows, widths, shade_rows=holds, align_right=right, lead=[heading, intro]
        )
    )
    if noted:
        story += room_for(Paragraph("Notes on steps", styles.subheading))
        for number, step in enumerate(plan.steps, start=1):
            if step.index in noted:
                story.append(
                    Paragraph(
                        f"<b>Note {noted[step.index]}, step {number}:</b> {typed(step.note)}",
                        styles.bullet,
                    )
                )
    return story
