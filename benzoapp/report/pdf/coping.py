"""Coping guidance from the source documents that applies to this person, with sources.

Guidance already printed as the reason for something the person takes or does (pacing,
compression stockings) is not printed again here; the section names it instead.
"""

from __future__ import annotations

from reportlab.platypus import Flowable, Paragraph

from benzoapp.report.data import CitedText, MedicationRow
from benzoapp.report.pdf.medications import cited
from benzoapp.report.pdf.outline import PartHeading
from benzoapp.report.pdf.styles import Styles, room_for, typed


def _said(text: str) -> str:
    return " ".join(text.split()).casefold()


def not_yet_printed(
    rows: tuple[CitedText, ...], medications: tuple[MedicationRow, ...]
) -> tuple[list[CitedText], list[str]]:
    """The coping rows whose advice no medication's reason already gives, and the titles
    of those left out (a row reads ``Title: advice``)."""
    reasons = {_said(r.text) for m in medications for r in m.reasons}
    kept, left_out = [], []
    for row in rows:
        title, _, advice = row.text.partition(": ")
        if advice and _said(advice) in reasons:
            left_out.append(title)
        else:
            kept.append(row)
    return kept, left_out


def coping_story(
    rows: tuple[CitedText, ...], styles: Styles, medications: tuple[MedicationRow, ...] = ()
) -> list[Flowable]:
    story: list[Flowable] = room_for(PartHeading("Coping along the way", styles.heading))
    if not rows:
        story.append(Paragraph("No coping guidance was selected.", styles.body))
        return story
    kept, left_out = not_yet_printed(rows, medications)
    intro = (
        "Ideas from the source documents. Some help some people and not others; "
        "check anything new with the prescriber first."
    )
    if left_out:
        names = ", ".join(dict.fromkeys(left_out))
        intro += f" Already under “Other medicines” above: {typed(names)}."
    story.append(Paragraph(intro, styles.body))
    story.extend(Paragraph(cited(row), styles.bullet, bulletText="•") for row in kept)
    return story
