"""The prescriber's part after the one-page summary: history, then the journal appendix.

Each list is printed once: the warnings stand in full on page 1 and one line each on the
summary page; the medicines in full under "Other medicines"; the journal's episodes,
exertion findings, framework notes and the conditions withdrawal can be mistaken for
only here, in the appendix, with the summary page giving their counts.
"""

from __future__ import annotations

from collections import Counter

from reportlab.platypus import Flowable, Paragraph

from benzoapp.core.model import Profile
from benzoapp.report.data import CitedText, ReportData
from benzoapp.report.pdf.medications import cited
from benzoapp.report.pdf.outline import PartHeading
from benzoapp.report.pdf.styles import Styles, room_for, typed
from benzoapp.report.text import format_date

APPENDIX_TITLE = "Appendix: the journal in full"
HEURISTIC = (
    "Windows, waves and worsening after exertion are found by simple rules that compare "
    "each day with the person's own usual level: prompts for a conversation, not findings."
)


def _yes_no(value: bool | None) -> str:
    return "not answered" if value is None else ("yes" if value else "no")


def profile_lines(profile: Profile) -> list[str]:
    """The history the source documents say matters, in plain words (plain text)."""
    lines = []
    if profile.benzo_start:
        lines.append(f"Taking benzodiazepines or Z-drugs since {format_date(profile.benzo_start)}")
    lines += [
        f"Earlier tapers: {profile.prior_tapers}",
        f"Earlier withdrawals: {profile.prior_withdrawals}",
        f"Reinstatements: {profile.reinstatements}",
        f"Well before the first exposure: {_yes_no(profile.well_before_exposure)}",
        f"A classical trigger (such as a viral illness) before onset: "
        f"{_yes_no(profile.classical_trigger)}",
        f"Symptoms began during or after a taper: {_yes_no(profile.onset_during_or_after_taper)}",
        f"Post-exertional malaise: {_yes_no(profile.post_exertional_malaise)}",
    ]
    if profile.notes.strip():
        lines.append(f"Notes: {profile.notes.strip()}")
    return lines


def history_story(data: ReportData, styles: Styles) -> list[Flowable]:
    """The person's history as entered, after the summary page."""
    story: list[Flowable] = room_for(Paragraph("History", styles.subheading))
    history = (profile_lines(data.profile) if data.profile else []) + list(data.clinician.history)
    if history:
        story.extend(Paragraph(typed(line), styles.bullet, bulletText="•") for line in history)
    else:
        story.append(Paragraph("No history was entered.", styles.body))
    return story


def _bullets(lines: tuple[str, ...] | list[str], styles: Styles, empty: str) -> list[Flowable]:
    if not lines:
        return [Paragraph(empty, styles.body)]
    return [Paragraph(typed(line), styles.bullet, bulletText="•") for line in lines]


def cited_list(items: tuple[CitedText, ...], styles: Styles) -> list[Flowable]:
    """Bullets with their sources; a source shared by several is printed once, after them."""
    shared = Counter(item.citation for item in items if item.citation)
    story: list[Flowable] = []
    for item in items:
        text = typed(item.text) if shared[item.citation] > 1 else cited(item)
        story.append(Paragraph(text, styles.bullet, bulletText="•"))
    story += [
        Paragraph(f"<i>Sources of the {count} points above: {typed(citation)}</i>", styles.small)
        for citation, count in shared.items()
        if count > 1
    ]
    return story


def appendix_story(data: ReportData, styles: Styles) -> list[Flowable]:
    """Every journal finding, each list once, with the framework notes and mimics."""
    notes = data.clinician
    found = notes.journal
    story: list[Flowable] = room_for(PartHeading(APPENDIX_TITLE, styles.heading))
    if found is None:
        story.append(Paragraph("No symptoms are logged in the journal yet.", styles.body))
    else:
        story.append(Paragraph(typed(HEURISTIC), styles.small))
        story += room_for(
            Paragraph(f"Windows: better stretches ({len(found.windows)})", styles.subheading)
        )
        story += _bullets(found.windows, styles, "None found.")
        story += room_for(
            Paragraph(f"Waves: worse stretches ({len(found.waves)})", styles.subheading)
        )
        story += _bullets(found.waves, styles, "None found.")
        story += room_for(
            Paragraph(f"Worsening after exertion ({len(found.exertion_found)})", styles.subheading)
        )
        story.append(Paragraph(typed(found.exertion_summary), styles.body))
        story += [
            Paragraph(typed(line), styles.bullet, bulletText="•") for line in found.exertion_found
        ]
        story.append(
            Paragraph(
                "<i>(mecfs-overlap, “How ME/CFS Is Currently Defined”: the 24-72 hour delay)</i>",
                styles.small,
            )
        )
        if found.hold_suggestion:
            story += room_for(Paragraph("Hold suggestion", styles.subheading))
            story.append(Paragraph(typed(found.hold_suggestion), styles.body))
    story += room_for(Paragraph("Which framework fits", styles.subheading))
    if notes.framework_notes:
        story += cited_list(notes.framework_notes, styles)
    else:
        story.append(
            Paragraph(
                "No journal notes on this yet (they need some weeks of entries).", styles.body
            )
        )
    if notes.mimic_conditions:
        story += room_for(Paragraph("Conditions withdrawal can be mistaken for", styles.subheading))
        story += cited_list(notes.mimic_conditions, styles)
    return story
