"""Other medicines, supplements and therapies, with their caution level and cited reasons."""

from __future__ import annotations

from reportlab.platypus import Flowable, KeepTogether, Paragraph

from benzoapp.report.data import CitedText, MedicationRow
from benzoapp.report.pdf.outline import PartHeading
from benzoapp.report.pdf.styles import Styles, room_for, typed


def cited(item: CitedText) -> str:
    """The text, then its source in brackets, both escaped."""
    citation = f" <i>({typed(item.citation)})</i>" if item.citation else ""
    return f"{typed(item.text)}{citation}"


def medication_block(row: MedicationRow, styles: Styles) -> Flowable:
    name = f"<b>{typed(row.name)}</b>"
    if row.matched and row.matched.strip().lower() != row.name.strip().lower():
        name += f" (recognised as {typed(row.matched)})"
    elif not row.matched:
        name += " (not recognised: ask the prescriber or pharmacist)"
    if row.kind:
        name += f", {typed(row.kind)}"
    level = typed(row.level) if row.level else "not assessed"
    parts: list[Flowable] = [
        Paragraph(f"{name}. Level: <b>{level}</b>", styles.body),
    ]
    parts.extend(Paragraph(cited(r), styles.bullet, bulletText="–") for r in row.reasons)
    return KeepTogether(parts)


def medications_story(rows: tuple[MedicationRow, ...], styles: Styles) -> list[Flowable]:
    story: list[Flowable] = room_for(
        PartHeading("Other medicines, supplements and therapies", styles.heading)
    )
    if not rows:
        story.append(Paragraph("None were entered.", styles.body))
        return story
    story.append(
        Paragraph(
            "What the source documents say to be careful about, with where each reason "
            "comes from. A level is a prompt to talk it over, not an instruction.",
            styles.body,
        )
    )
    story.extend(medication_block(row, styles) for row in rows)
    return story
