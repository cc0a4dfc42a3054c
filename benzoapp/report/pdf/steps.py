"""The step table: dates, the dose at each time of day and how to make it, and flags."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph

from benzoapp.core.model import Plan, Step
from benzoapp.report.pdf.styles import Styles, typed
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


def dates_cell(step: Step) -> str:
    if step.days == 1:
        return format_date(step.start)
    return f"{format_date(step.start)}\nto {format_date(step.end)}"


def step_rows(plan: Plan, noted: dict[int, int]) -> tuple[list[str], list[list[str]]]:
    """Header and rows of the step table; ``noted`` maps step index to note number."""
    times = dose_times(plan)
    with_equivalent = several_drugs(plan)
    # Milligrams of different drugs do not add up: with several, only the equivalent does.
    header = ["Step", "Dates", "Days", *times]
    header.append("Diazepam\nequivalent" if with_equivalent else "A day")
    header.append("Notes")
    rows = []
    for number, step in enumerate(plan.steps, start=1):
        flags = step_flags(step, plan)
        if step.index in noted:
            flags.append(f"see note {noted[step.index]}")
        row = [
            str(number),
            dates_cell(step),
            str(step.days),
            *(dose_cell(step, t, with_equivalent) for t in times),
            format_mg(step.diazepam_equivalent_mg if with_equivalent else step.total_mg),
        ]
        row.append("\n".join(flags))
        rows.append(row)
    return header, rows


def column_widths(dose_count: int, with_equivalent: bool, width: float) -> list[float]:
    """Fixed widths for the fixed columns; the dose columns share what is left."""
    fixed = [14 * mm, 32 * mm, 14 * mm]
    tail = [(24 if with_equivalent else 20) * mm, 25 * mm]
    rest = width - sum(fixed) - sum(tail)
    each = rest / max(dose_count, 1)
    return [*fixed, *([each] * dose_count), *tail]


def steps_story(plan: Plan, styles: Styles, width: float) -> list[Flowable]:
    story: list[Flowable] = [Paragraph("Step by step", styles.heading)]
    if not plan.steps:
        story.append(Paragraph("The plan has no steps.", styles.body))
        return story
    story.append(
        Paragraph(
            "Each row is a stretch of days on the same doses. The dose is the amount at "
            "that time of day; the line under it says how to make it up. "
            "Rows marked <b>hold</b> keep the dose the same for a while.",
            styles.body,
        )
    )
    noted = {s.index: n for n, s in enumerate((s for s in plan.steps if s.note), start=1)}
    header, rows = step_rows(plan, noted)
    widths = column_widths(len(dose_times(plan)), several_drugs(plan), width)
    holds = [i for i, step in enumerate(plan.steps) if step.hold]
    right = [2, len(header) - 2]
    story.append(plain_table(header, rows, widths, shade_rows=holds, align_right=right))
    if noted:
        story.append(Paragraph("Notes on steps", styles.subheading))
        for number, step in enumerate(plan.steps, start=1):
            if step.index in noted:
                story.append(
                    Paragraph(
                        f"<b>Note {noted[step.index]}, step {number}:</b> {typed(step.note)}",
                        styles.bullet,
                    )
                )
    return story
