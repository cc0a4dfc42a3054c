"""The pharmacy list: how much of each strength the whole plan and each period needs."""

from __future__ import annotations

import datetime as dt

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph

from benzoapp.report.data import PharmacyRow, ReportData
from benzoapp.report.pdf.styles import Styles
from benzoapp.report.pdf.tables import plain_table
from benzoapp.report.text import format_date, format_mg, format_number


def product(row: PharmacyRow) -> str:
    if row.unit == "ml":
        return f"{row.drug} oral solution, {format_mg(row.strength_mg)} per ml"
    return f"{row.drug} {format_mg(row.strength_mg)}"


def period_rows(data: ReportData) -> list[list[str]]:
    """One row per prescription period: its dates and what each product needs then."""
    plan = data.plan
    if not plan.steps or plan.end_date is None:
        return []
    days = data.options.prescription_days
    count = max(len(r.per_period) for r in data.pharmacy)
    rows = []
    for index in range(count):
        start = plan.steps[0].start + dt.timedelta(days=index * days)
        end = min(start + dt.timedelta(days=days - 1), plan.end_date)
        needs = [
            f"{product(r)}: {format_number(r.per_period[index])} {r.unit}"
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


def pharmacy_story(data: ReportData, styles: Styles, width: float) -> list[Flowable]:
    story: list[Flowable] = [Paragraph("For the pharmacy", styles.heading)]
    if not data.pharmacy:
        story.append(Paragraph("No quantities were worked out for this plan's form.", styles.body))
        return story
    story.append(
        Paragraph(
            "How much of each strength the plan uses, counting splits as parts of whole "
            "tablets. Spares for lost or dropped doses are not included.",
            styles.body,
        )
    )
    story.append(
        plain_table(
            ["Product", "Whole plan"],
            [[product(r), f"{format_number(r.total)} {r.unit}"] for r in data.pharmacy],
            [width - 45 * mm, 45 * mm],
        )
    )
    rows = period_rows(data)
    if rows:
        story.append(
            Paragraph(
                f"Per prescription period of {data.options.prescription_days} days",
                styles.subheading,
            )
        )
        story.append(
            plain_table(["Period", "Dates", "Needed"], rows, [20 * mm, 40 * mm, width - 60 * mm])
        )
    return story
