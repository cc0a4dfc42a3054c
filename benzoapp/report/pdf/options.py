"""For the prescriber: gentler plans and slower paces to weigh, each with its source.

Printed once, after the one-page summary. The taper engine offers them; nothing here
changes the plan: a pace suggestion is offered, never imposed, and the plan printed is
the one the person chose.
"""

from __future__ import annotations

from reportlab.platypus import Flowable, Paragraph

from benzoapp.report.data import ReportData
from benzoapp.report.pdf.outline import PartHeading
from benzoapp.report.pdf.styles import Styles, room_for, typed

OPTIONS_TITLE = "For the prescriber: options to weigh"


def options_story(data: ReportData, styles: Styles) -> list[Flowable]:
    """The gentler alternatives with their figures, then the pace suggestions; nothing
    when the engine offers neither."""
    guidance = data.guidance
    if not guidance.alternatives and not guidance.paces:
        return []
    story: list[Flowable] = room_for(PartHeading(OPTIONS_TITLE, styles.heading))
    story.append(
        Paragraph(
            "The plan above is the one chosen. These are offered for the prescriber and "
            "the person to weigh together; none of them has been applied.",
            styles.body,
        )
    )
    if guidance.alternatives:
        story += room_for(Paragraph("Gentler alternatives", styles.subheading))
        if guidance.own_figures:
            story.append(Paragraph(f"This plan: {typed(guidance.own_figures)}.", styles.body))
        for number, option in enumerate(guidance.alternatives, start=1):
            story.append(
                Paragraph(
                    f"<b>{number}. {typed(option.what)}</b>: {typed(option.figures)}. "
                    f"<i>(Source: {typed(option.source)})</i>",
                    styles.bullet,
                )
            )
    if guidance.paces:
        story += room_for(Paragraph("Pace suggestions (offered, not applied)", styles.subheading))
        for option in guidance.paces:
            story.append(
                Paragraph(
                    f"<b>{typed(option.what)}</b>: {typed(option.figures)} "
                    f"<i>(Source: {typed(option.source)})</i>",
                    styles.bullet,
                    bulletText="•",
                )
            )
    return story
