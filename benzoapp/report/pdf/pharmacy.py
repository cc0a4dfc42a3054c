"""The pharmacy list: whole tablets and whole bottles to dispense, for the plan and per period.

A pharmacy dispenses whole tablets (or capsules) and whole bottles, so that is what each
period asks for, with the amount the period uses beside it. A split tablet or an opened
bottle left at the end of a period is used first in the next, so nothing is counted twice.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph

from benzoapp.report.data import DEFAULT_BOTTLE_ML, PharmacyRow, ReportData
from benzoapp.report.pdf.outline import PartHeading
from benzoapp.report.pdf.styles import Styles
from benzoapp.report.pdf.tables import plain_table
from benzoapp.report.text import format_date, format_mg, format_number


def product(row: PharmacyRow) -> str:
    if row.unit == "ml":
        return f"{row.drug} oral solution, {format_mg(row.strength_mg)} per ml"
    if row.unit == "mg weighed":
        return f"{row.drug} {format_mg(row.strength_mg)} tablets, to weigh doses from"
    return f"{row.drug} {format_mg(row.strength_mg)}"


def _count(number: int, row: PharmacyRow) -> str:
    if row.dispense_unit == "bottles":
        size = format_number(row.bottle_ml or DEFAULT_BOTTLE_ML)
        return f"{number} bottle{'' if number == 1 else 's'} of {size} ml"
    return f"{number} tablet{'' if number == 1 else 's'}"


def _used(amount: Decimal, row: PharmacyRow) -> str:
    unit = {"tablets": "tablets", "ml": "ml", "mg weighed": "mg"}.get(row.unit, row.unit)
    return f"{format_number(amount)} {unit} used"


def dispense_text(row: PharmacyRow, period: int) -> str:
    """``diazepam 2 mg: 18 tablets (17.5 tablets used)`` for one period."""
    counts = row.whole_counts
    number = counts[period] if period < len(counts) else 0
    used = row.per_period[period]
    if number == 0:  # what is left over from the last period covers this one
        left = "the bottle already open" if row.dispense_unit == "bottles" else "last period"
        return f"{product(row)}: none new ({_used(used, row)}, left from {left})"
    return f"{product(row)}: {_count(number, row)} ({_used(used, row)})"


def whole_plan_text(row: PharmacyRow) -> str:
    """What the whole plan needs: whole units, and the amount used when it differs."""
    if row.whole_counts:
        whole = _count(sum(row.whole_counts), row)
        return f"{whole} ({_used(row.total, row)})"
    return f"{format_number(row.total)} {row.unit}"


def period_dates(data: ReportData, index: int) -> tuple[dt.date, dt.date]:
    plan = data.plan
    days = data.options.prescription_days
    start = plan.steps[0].start + dt.timedelta(days=index * days)
    end = start + dt.timedelta(days=days - 1)
    return start, min(end, plan.end_date) if plan.end_date else end


def period_count(data: ReportData) -> int:
    return max((len(r.per_period) for r in data.pharmacy), default=0)


def period_rows(data: ReportData) -> list[list[str]]:
    """One row per prescription period: its dates and what to dispense for it."""
    plan = data.plan
    if not plan.steps or plan.end_date is None:
        return []
    rows = []
    for index in range(period_count(data)):
        start, end = period_dates(data, index)
        needs = [
            dispense_text(r, index)
            for r in data.pharmacy
            if index < len(r.per_period) and r.per_period[index] > 0
        ]
        rows.append(
            [
                str(index + 1),
                f"{format_date(start)}\nto {format_date(end)}",
                "\n".join(needs) or "nothing",
            ]
        )
    return rows


def next_period_index(data: ReportData) -> int | None:
    """The first period starting on or after the report's day: the prescription to write
    at this visit. When the plan ends inside the current period, that period; None after."""
    plan = data.plan
    count = period_count(data)
    if not plan.steps or count == 0:
        return None
    elapsed = (data.options.generated_on - plan.steps[0].start).days
    days = data.options.prescription_days
    upcoming = max(0, -(-elapsed // days))  # ceiling division
    if upcoming < count:
        return upcoming
    current = elapsed // days
    return current if current < count else None


def next_prescription(data: ReportData) -> str:
    """The next prescription in whole tablets or bottles, one line, for the summary page."""
    if not data.pharmacy:
        return "not worked out for this plan's form (see the step table)"
    index = next_period_index(data)
    if index is None:
        return "none: the plan has no more doses to dispense"
    start, end = period_dates(data, index)
    needs = [
        dispense_text(r, index)
        for r in data.pharmacy
        if index < len(r.per_period) and r.per_period[index] > 0
    ]
    return f"period {index + 1}, {format_date(start)} to {format_date(end)}: " + (
        "; ".join(needs) or "nothing"
    )


def pharmacy_story(data: ReportData, styles: Styles, width: float) -> list[Flowable]:
    heading = PartHeading("For the pharmacy", styles.heading)
    if not data.pharmacy:
        return [
            heading,
            Paragraph("No quantities were worked out for this plan's form.", styles.body),
        ]
    bottles = [r for r in data.pharmacy if r.dispense_unit == "bottles"]
    intro = (
        "Whole tablets (or capsules) to dispense, with the amount the plan uses beside it. "
        "A split tablet left at the end of a period is used first in the next one. Spares "
        "for lost or dropped doses are not included."
    )
    if bottles:
        size = format_number(bottles[0].bottle_ml or DEFAULT_BOTTLE_ML)
        intro += (
            f" Liquids are counted in whole bottles of {size} ml (pack sizes differ: choose "
            "the size when printing, e.g. <b>--bottle-ml 150</b>); an opened bottle is "
            "finished before a new one is started. Check its shelf life once opened."
        )
    story: list[Flowable] = [
        plain_table(
            ["Product", "Whole plan"],
            [[product(r), whole_plan_text(r)] for r in data.pharmacy],
            [width - 70 * mm, 70 * mm],
            lead=[heading, Paragraph(intro, styles.body)],
        )
    ]
    rows = period_rows(data)
    if rows:
        story.append(
            plain_table(
                ["Period", "Dates", "To dispense (used)"],
                rows,
                [20 * mm, 40 * mm, width - 60 * mm],
                lead=[
                    Paragraph(
                        f"Per prescription period of {data.options.prescription_days} days",
                        styles.subheading,
                    )
                ],
            )
        )
    return story
