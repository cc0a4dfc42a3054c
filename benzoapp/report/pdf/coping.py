"""Coping guidance from the source documents that applies to this person, with sources."""

from __future__ import annotations

from reportlab.platypus import Flowable, Paragraph

from benzoapp.report.data import CitedText
from benzoapp.report.pdf.medications import cited
from benzoapp.report.pdf.outline import PartHeading
from benzoapp.report.pdf.styles import Styles, room_for


def coping_story(rows: tuple[CitedText, ...], styles: Styles) -> list[Flowable]:
    story: list[Flowable] = room_for(PartHeading("Coping along the way", styles.heading))
    if not rows:
        story.append(Paragraph("No coping guidance was selected.", styles.body))
        return story
    story.append(
        Paragraph(
            "Ideas from the source documents. Some help some people and not others; "
            "check anything new with the prescriber first.",
            styles.body,
        )
    )
    story.extend(Paragraph(cited(row), styles.bullet, bulletText="•") for row in rows)
    return story
