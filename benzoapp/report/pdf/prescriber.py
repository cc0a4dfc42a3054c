"""The prescriber's one-page summary: everything needed for a ten-minute visit.

Modelled on the published reduction-plan templates (see docs/report.md): who, where the
plan stands, pace, the warnings in force (one line each), the other medicines with the
regimen flags, the next prescription in whole tablets, when to review and what to ask,
the red flags that need urgent help, and one chart of symptoms against the dose. The
full wording of each item is printed once elsewhere; this page points to it.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from benzoapp.core.levels import level_word
from benzoapp.core.model import PlanWarning, WarningLevel
from benzoapp.report.data import ReportData
from benzoapp.report.guidance import QUESTIONS, QUESTIONS_SOURCE, RED_FLAGS, REVIEW_CADENCE
from benzoapp.report.pdf.load_chart import LoadChart
from benzoapp.report.pdf.medications import cited, loudness, shown_level
from benzoapp.report.pdf.outline import PartHeading
from benzoapp.report.pdf.pharmacy import next_prescription
from benzoapp.report.pdf.styles import FONT, FONT_BOLD, INK, Styles, typed
from benzoapp.report.prescriber_facts import (
    equivalent_text,
    first_sentence,
    pace_text,
    position_on,
    review_text,
    warnings_in_force,
)
from benzoapp.report.text import STATEMENT, doses_text, format_date, step_number, today_text


@dataclass(frozen=True)
class Budget:
    """How many lines each list may take; more are counted, their wording is elsewhere."""

    warnings: int
    flags: int
    medicines: int


# Tried in turn until the page fits: long lists shrink to counts, never onto a second page.
# The last steps keep the loudest warning and the loudest flag (an opioid, say) as long
# as they fit: a count alone hides what most needs a look.
BUDGETS = (
    Budget(4, 4, 12),
    Budget(3, 3, 8),
    Budget(2, 2, 5),
    Budget(1, 1, 3),
    Budget(1, 1, 1),
    Budget(1, 1, 0),
    Budget(0, 1, 0),
    Budget(0, 0, 0),
)

_LOUDNESS = {WarningLevel.STRONG: 0, WarningLevel.CAUTION: 1, WarningLevel.INFO: 2}

SUMMARY_TITLE = "For the prescriber: one-page summary"


@dataclass(frozen=True)
class Compact:
    """Smaller type for the one page, still well above the 8 pt readability floor."""

    body: ParagraphStyle
    label: ParagraphStyle
    bullet: ParagraphStyle
    small: ParagraphStyle
    alarm: ParagraphStyle


def compact_styles(styles: Styles) -> Compact:
    body = ParagraphStyle("compact", parent=styles.body, fontSize=9.5, leading=12, spaceAfter=1)
    return Compact(
        body=body,
        label=ParagraphStyle("compact-label", parent=body, fontName=FONT_BOLD),
        bullet=ParagraphStyle("compact-bullet", parent=body, leftIndent=10, bulletIndent=0),
        small=ParagraphStyle("compact-small", parent=styles.small, fontSize=8.5, leading=10.5),
        alarm=ParagraphStyle(
            "compact-alarm",
            parent=styles.statement,
            fontSize=9.5,
            leading=12,
            spaceBefore=4,
            spaceAfter=4,
            borderPadding=4,
        ),
    )


def warning_brief(warning: PlanWarning, data: ReportData) -> str:
    """``Caution: first sentence (step 4)``, as markup."""
    where = ""
    if warning.step_index is not None:
        number = step_number(data.plan, warning.step_index)
        where = f" (step {number})" if number is not None else ""
    level = level_word(warning.level.value)
    return f"<b>{typed(level)}:</b> {typed(first_sentence(warning.message))}{where}"


def _facts(data: ReportData) -> list[tuple[str, str]]:
    plan = data.plan
    today = data.options.generated_on
    here = position_on(plan, today)
    who = data.person_name or "no name given"
    if data.profile is not None and data.profile.benzo_start is not None:
        who += f"; taking benzodiazepines or Z-drugs since {format_date(data.profile.benzo_start)}"
    rows = [("Who", who), ("Today", f"{format_date(today)}: {today_text(plan, today)}")]
    if here is not None:
        rows.append(
            (
                "Where the plan is",
                f"step {here.number} of {here.of}, {format_date(here.step.start)} to "
                f"{format_date(here.step.end)}" + (" (a hold)" if here.step.hold else ""),
            )
        )
    if plan.steps:
        last = plan.steps[-1]
        if here is not None:
            now = equivalent_text(plan, here.step)
        elif today < plan.steps[0].start:
            now = (
                f"before the plan (it starts {format_date(plan.steps[0].start)} at "
                f"{equivalent_text(plan, plan.steps[0])})"
            )
        else:
            now = f"the plan ended on {format_date(last.end)}"
        rows.append(
            (
                "Diazepam eq.",
                f"now {now}; at the end {equivalent_text(plan, last)}, from "
                f"{format_date(last.start)}"
                + ("" if plan.is_stop(last) else f" ({doses_text(last.doses)})"),
            )
        )
    rows.append(("Pace", pace_text(plan, today)))
    rows.append(("Next prescription", next_prescription(data)))
    rows.append(
        (
            "Review next",
            f"{review_text(plan, today)} ({REVIEW_CADENCE.text}: {REVIEW_CADENCE.citation})",
        )
    )
    return rows


def _facts_table(data: ReportData, compact: Compact, width: float) -> Table:
    label_w = 36 * 2.83465
    cells = [
        [Paragraph(label, compact.label), Paragraph(typed(value), compact.body)]
        for label, value in _facts(data)
    ]
    table = Table(cells, colWidths=[label_w, width - label_w], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 4),
                ("TOPPADDING", (0, 0), (-1, -1), 0.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0.5),
                ("TEXTCOLOR", (0, 0), (-1, -1), INK),
                ("FONT", (0, 0), (-1, -1), FONT),
            ]
        )
    )
    return table


def _heading(text: str, compact: Compact) -> Paragraph:
    return Paragraph(
        text,
        ParagraphStyle("compact-heading", parent=compact.label, fontSize=10.5, spaceBefore=5),
    )


def _warnings(data: ReportData, compact: Compact, most: int) -> list[Flowable]:
    warnings = warnings_in_force(data.plan, data.clinician.warnings, data.options.generated_on)
    # the loudest first, so what is cut off past ``most`` is the quietest
    warnings.sort(key=lambda w: _LOUDNESS[w.level])
    more = len(warnings) - most
    where = f"{more} more and the full wording" if more > 0 else "full wording and sources"
    heading = f"Warnings in force ({len(warnings)}; {where} on page 1)"
    story: list[Flowable] = [_heading(heading if warnings else "Warnings in force", compact)]
    if not warnings:
        story.append(Paragraph("None.", compact.body))
        return story
    story += [
        Paragraph(warning_brief(w, data), compact.bullet, bulletText="•") for w in warnings[:most]
    ]
    return story


def shortened(text: str, most: int) -> str:
    """``text`` cut on a whole word to ``most`` characters, with an ellipsis; the full
    wording stands under "Other medicines"."""
    text = " ".join(text.split())
    if len(text) <= most:
        return text
    cut = text[: most - 1].rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:(") + "…"


def _medicines(data: ReportData, compact: Compact, budget: Budget) -> list[Flowable]:
    story: list[Flowable] = [_heading("Other medicines and regimen flags", compact)]
    if not data.medications:
        story.append(
            Paragraph("No other medicines, supplements or therapies entered.", compact.body)
        )
    else:
        # the loudest first, so what is counted past the budget is the quietest
        shown = sorted(data.medications, key=lambda m: loudness(m.level))[: budget.medicines]
        listed = "; ".join(f"{typed(m.name)}: <b>{typed(shown_level(m.level))}</b>" for m in shown)
        more = len(data.medications) - len(shown)
        if more:
            listed += f"{'; ' if shown else ''}{more} more (all under “Other medicines”)"
        story.append(Paragraph(listed, compact.body))
    flags = sorted(data.clinician.regimen_flags, key=lambda f: loudness(f.level))
    if not flags:
        checked = "none found" if data.medications else "none (nothing to check)"
        story.append(Paragraph(f"Regimen flags: {checked}.", compact.body))
        return story
    story += [
        Paragraph(
            f"<b>{typed(shown_level(f.level))}:</b> {typed(first_sentence(f.message, 150))} "
            f"<i>({typed(shortened(f.source, 90))})</i>",
            compact.bullet,
            bulletText="•",
        )
        for f in flags[: budget.flags]
    ]
    if len(flags) > budget.flags:
        story.append(
            Paragraph(
                f"{len(flags) - budget.flags} more flags (all flags in full, with each "
                "medicine's reasons, under “Other medicines”).",
                compact.small,
            )
        )
    return story


def _journal(data: ReportData, compact: Compact) -> list[Flowable]:
    found = data.clinician.journal
    story: list[Flowable] = [_heading("What the journal found", compact)]
    if found is None:
        story.append(Paragraph("No symptoms are logged in the journal yet.", compact.body))
        return story
    lines = [
        f"{found.days_logged} days rated from {format_date(found.first_day)} to "
        f"{format_date(found.last_day)}; mean symptom load {found.mean_load:.1f}.",
        f"Better stretches (windows): {len(found.windows)}; worse stretches (waves): "
        f"{len(found.waves)}.",
        found.exertion_summary,
    ]
    if found.position:
        lines.append(f"Closest framework position: {found.position}.")
    text = " ".join(typed(line) for line in lines if line)
    story.append(Paragraph(text + " Each one is listed in the appendix.", compact.body))
    return story


def _chart(data: ReportData, compact: Compact, width: float) -> list[Flowable]:
    found = data.clinician.journal
    weeks = found.weekly if found is not None else ()
    caption = (
        "Solid line: the daily dose (left axis). Dots: the mean symptom load of each week "
        "(right axis). Shaded: holds."
    )
    if not weeks:
        caption += " No symptom ratings yet, so only the dose is drawn."
    return [
        LoadChart(data.plan, weeks, width, data.options.generated_on),
        Paragraph(caption, compact.small),
    ]


def prescriber_summary_story(
    data: ReportData, styles: Styles, width: float, height: float
) -> list[Flowable]:
    """The one page, kept together so it stands alone when photocopied or faxed.

    Long lists shrink to counts (see ``BUDGETS``) until the page fits ``height``.
    """
    for budget in BUDGETS:
        block = Stack(_page(data, styles, width, budget), width, height)
        if block.height <= height:
            break
    return [block]


class Stack(Flowable):  # type: ignore[misc]  # ReportLab ships no stubs
    """Flowables measured once and drawn one under the other, never split.

    The summary page is measured to choose how long its lists may be; drawing the same
    measured pieces saves laying every paragraph out a second time.
    """

    def __init__(self, items: list[Flowable], width: float, height: float) -> None:
        super().__init__()
        self.items = items
        self.sizes: list[tuple[float, float, float]] = []
        for index, item in enumerate(items):
            _, used = item.wrap(width, height)
            before = item.getSpaceBefore() if index else 0.0  # none at the top of a page
            self.sizes.append((before, used, item.getSpaceAfter()))
        self.width = width
        self.height = sum(before + used + after for before, used, after in self.sizes)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        y = self.height
        for item, (before, used, after) in zip(self.items, self.sizes, strict=True):
            y -= before + used
            item.drawOn(self.canv, 0, y)
            y -= after


def _page(data: ReportData, styles: Styles, width: float, budget: Budget) -> list[Flowable]:
    compact = compact_styles(styles)
    made = (
        f"Made {format_date(data.options.generated_on)} with BenzoApp "
        f"{typed(data.options.app_version)}; equivalences: {typed(data.equivalence_table)}. "
        f"{typed(STATEMENT)}"
    )
    questions = " ".join(f"({n}) {typed(q.text)}" for n, q in enumerate(QUESTIONS, start=1))
    ask = [
        _heading("At each reduction, ask", compact),
        Paragraph(f"{questions} <i>({typed(QUESTIONS_SOURCE)})</i>", compact.body),
    ]
    return [
        PartHeading(SUMMARY_TITLE, styles.heading, "For the prescriber"),
        Paragraph(made, compact.small),
        _facts_table(data, compact, width),
        *_warnings(data, compact, budget.warnings),
        *_medicines(data, compact, budget),
        *ask,
        Paragraph(f"<b>Needs urgent help:</b> {cited(RED_FLAGS)}", compact.alarm),
        *_journal(data, compact),
        *_chart(data, compact, width),
    ]
