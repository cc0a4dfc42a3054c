"""The first page: who the plan is for, what it does, from when to when, and its warnings."""

from __future__ import annotations

from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from benzoapp.core.levels import level_word
from benzoapp.core.model import Plan, PlanWarning
from benzoapp.report.data import ReportData
from benzoapp.report.pdf.outline import PartHeading
from benzoapp.report.pdf.styles import (
    CELL_PAD,
    FONT,
    FONT_BOLD,
    INK,
    Styles,
    room_for,
    typed,
)
from benzoapp.report.text import (
    STATEMENT,
    doses_text,
    format_date,
    format_duration,
    method_text,
    rate_text,
    regimen_text,
    step_number,
    today_text,
)


def warning_line(warning: PlanWarning, plan: Plan) -> str:
    """``Caution: message (source; step 4, from 3 Mar 2025)`` as Paragraph markup, the
    level in the core's words (``core.levels.level_word``), never its id."""
    where = ""
    if warning.step_index is not None:
        step = next((s for s in plan.steps if s.index == warning.step_index), None)
        where = f"; step {step_number(plan, warning.step_index)}"
        if step is not None:
            where += f", from {format_date(step.start)}"
    source = typed(warning.source) + where
    level = level_word(warning.level.value)
    return f"<b>{typed(level)}:</b> {typed(warning.message)} ({source})"


def summary_story(data: ReportData, styles: Styles, width: float) -> list[Flowable]:
    plan = data.plan
    name = data.person_name
    title = f"Taper plan for {typed(name)}" if name else "Taper plan"
    story: list[Flowable] = [PartHeading(title, styles.title, "Summary")]
    story.append(
        Paragraph(
            f"Made {format_date(data.options.generated_on)} with BenzoApp "
            f"{typed(data.options.app_version)}",
            styles.small,
        )
    )
    story.append(Paragraph(typed(STATEMENT), styles.statement))

    rows: list[tuple[str, str]] = [
        ("Started from", regimen_text(plan)),
        (
            f"Today ({format_date(data.options.generated_on)})",
            today_text(plan, data.options.generated_on),
        ),
        ("Method", method_text(plan)),
        ("Rate", rate_text(plan)),
        ("Equivalence table", data.equivalence_table),
    ]
    if data.guidance.caps:
        rows.append(("Crossover caps", data.guidance.caps))
    rows += list(data.guidance.settings)
    if plan.steps:
        first, last = plan.steps[0], plan.steps[-1]
        days = (last.end - first.start).days + 1
        holds = sum(1 for s in plan.steps if s.hold)
        rows += [
            ("Start", format_date(first.start)),
            ("Expected end", f"{format_date(last.end)} (last day of the last step)"),
            ("Duration", format_duration(days)),
            (
                "Steps",
                f"{len(plan.steps)}" + (f", of which {holds} hold the dose" if holds else ""),
            ),
            ("Last step", doses_text(last.doses)),
        ]
    else:
        rows.append(("Steps", "none: there is nothing to taper"))
    label_width = 42 * 2.83465
    cells = [
        [Paragraph(f"<b>{label}</b>", styles.body), Paragraph(typed(value), styles.body)]
        for label, value in rows
    ]
    table = Table(cells, colWidths=[label_width, width - label_width], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PAD),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                ("TEXTCOLOR", (0, 0), (-1, -1), INK),
                ("FONT", (0, 0), (0, -1), FONT_BOLD),
                ("FONT", (1, 0), (1, -1), FONT),
            ]
        )
    )
    story.append(table)

    # Every warning in full, once: the prescriber's summary page lists them one line each.
    warnings = (*plan.warnings, *data.clinician.warnings)
    story += room_for(Paragraph("Warnings to talk over with the prescriber", styles.subheading))
    if warnings:
        story.extend(
            Paragraph(warning_line(w, plan), styles.bullet, bulletText="•") for w in warnings
        )
    else:
        story.append(Paragraph("The plan raised no warnings.", styles.body))
    story.append(
        Paragraph(
            "Doses are in milligrams per day unless a time of day is given. "
            "Equivalences between drugs are approximate and differ between people.",
            styles.small,
        )
    )
    return story
