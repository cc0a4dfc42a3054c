"""Other medicines, supplements and therapies: their caution level, cited reasons, what to
do instead, the regimen flags in full and the prescriber note.

Each thing is printed once: an alternative the checker gives for several medicines is
listed under the first and named for the others; the prescriber note ("do not stop or
change it without the prescriber") is one paragraph naming every medicine it covers; the
regimen flags stand here in full with their sources (the prescriber's summary page has
one line each).
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.platypus import Flowable, KeepTogether, Paragraph

from benzoapp.core.cautions import LEVEL_WORDS
from benzoapp.core.levels import level_word
from benzoapp.report.data import CitedText, FlagRow, MedicationRow
from benzoapp.report.pdf.outline import PartHeading
from benzoapp.report.pdf.styles import Styles, room_for, typed


def cited(item: CitedText) -> str:
    """The text, then its source in brackets, both escaped."""
    citation = f" <i>({typed(item.citation)})</i>" if item.citation else ""
    return f"{typed(item.text)}{citation}"


def shown_level(level: str) -> str:
    """The level in the core's words, whether the row holds an id or the words already."""
    return level_word(level.strip().lower().replace(" ", "_")) if level else "not assessed"


def loudness(level: str) -> int:
    """Where a checker level stands, loudest (avoid) first, as ``LEVEL_WORDS`` orders them;
    a level it does not know comes last."""
    word = shown_level(level)
    order = list(LEVEL_WORDS.values())
    return order.index(word) if word in order else len(order)


def medication_block(
    row: MedicationRow, styles: Styles, seen: dict[str, str] | None = None
) -> Flowable:
    """One medicine: name, level, reasons and what to do instead.

    ``seen`` maps an alternative's text to the medicine it was first printed under, so a
    shared one is named, not repeated.
    """
    seen = {} if seen is None else seen
    name = f"<b>{typed(row.name)}</b>"
    if row.matched and row.matched.strip().lower() != row.name.strip().lower():
        name += f" (recognised as {typed(row.matched)})"
    elif not row.matched:
        name += " (not recognised: ask the prescriber or pharmacist)"
    if row.kind:
        name += f", {typed(row.kind)}"
    parts: list[Flowable] = [
        Paragraph(f"{name}. Level: <b>{typed(shown_level(row.level))}</b>", styles.body),
    ]
    parts.extend(Paragraph(cited(r), styles.bullet, bulletText="–") for r in row.reasons)
    fresh = [a for a in row.alternatives if a.text not in seen]
    shared = sorted({seen[a.text] for a in row.alternatives if a.text in seen})
    if fresh:
        parts.append(Paragraph("<i>What to do instead:</i>", styles.bullet))
        parts.extend(Paragraph(cited(a), styles.bullet, bulletText="→") for a in fresh)
    if shared:
        parts.append(
            Paragraph(
                f"<i>What to do instead:</i> as under {typed(', '.join(shared))} above.",
                styles.bullet,
            )
        )
    for a in fresh:
        seen[a.text] = row.name
    return KeepTogether(parts)


def flags_story(flags: Sequence[FlagRow], styles: Styles) -> list[Flowable]:
    """The regimen flags in full, each with its level, the medicines and its source."""
    if not flags:
        return []
    story: list[Flowable] = room_for(Paragraph("The medicines taken together", styles.subheading))
    for flag in flags:
        items = f" ({typed(', '.join(flag.items))})" if flag.items else ""
        source = f" <i>(Source: {typed(flag.source)})</i>" if flag.source else ""
        story.append(
            Paragraph(
                f"<b>{typed(shown_level(flag.level))}{items}:</b> {typed(flag.message)}{source}",
                styles.bullet,
                bulletText="•",
            )
        )
    return story


def prescriber_note_story(rows: Sequence[MedicationRow], styles: Styles) -> list[Flowable]:
    """Each distinct prescriber note once, naming the medicines it covers."""
    notes: dict[str, tuple[CitedText, list[str]]] = {}
    for row in rows:
        if row.prescriber_note is not None:
            notes.setdefault(row.prescriber_note.text, (row.prescriber_note, []))[1].append(
                row.name
            )
    story: list[Flowable] = []
    for note, names in notes.values():
        story.append(
            Paragraph(
                f"<b>For {typed(', '.join(names))}:</b> {cited(note)}",
                styles.body,
            )
        )
    return story


def medications_story(
    rows: tuple[MedicationRow, ...], styles: Styles, flags: Sequence[FlagRow] = ()
) -> list[Flowable]:
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
    seen: dict[str, str] = {}
    story.extend(medication_block(row, styles, seen) for row in rows)
    story += flags_story(flags, styles)
    story += prescriber_note_story(rows, styles)
    return story
