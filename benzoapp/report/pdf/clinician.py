"""The page for the prescriber: history, every warning with its source, framework notes."""

from __future__ import annotations

from reportlab.platypus import Flowable, Paragraph

from benzoapp.core.model import Profile
from benzoapp.report.data import ReportData
from benzoapp.report.pdf.medications import cited
from benzoapp.report.pdf.styles import Styles, typed
from benzoapp.report.pdf.summary import warning_line
from benzoapp.report.text import STATEMENT, format_date


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


def clinician_story(data: ReportData, styles: Styles) -> list[Flowable]:
    plan = data.plan
    notes = data.clinician
    story: list[Flowable] = [Paragraph("For the prescriber", styles.heading)]
    name = data.person_name
    about = f" for {typed(name)}" if name else ""
    story.append(
        Paragraph(
            f"A summary of the taper plan{about}, made with BenzoApp "
            f"{typed(data.options.app_version)} on {format_date(data.options.generated_on)}. "
            f"Equivalences: {typed(data.equivalence_table)}. {typed(STATEMENT)}",
            styles.body,
        )
    )

    story.append(Paragraph("History", styles.subheading))
    history = (profile_lines(data.profile) if data.profile else []) + list(notes.history)
    if history:
        story.extend(Paragraph(typed(line), styles.bullet, bulletText="•") for line in history)
    else:
        story.append(Paragraph("No history was entered.", styles.body))

    story.append(Paragraph("Warnings", styles.subheading))
    warnings = (*plan.warnings, *notes.warnings)
    if warnings:
        story.extend(
            Paragraph(warning_line(w, plan), styles.bullet, bulletText="•") for w in warnings
        )
    else:
        story.append(Paragraph("The plan raised no warnings.", styles.body))

    story.append(Paragraph("Which framework fits", styles.subheading))
    if notes.framework_notes:
        story.extend(
            Paragraph(cited(n), styles.bullet, bulletText="•") for n in notes.framework_notes
        )
    else:
        story.append(
            Paragraph(
                "No journal notes on this yet (they need some weeks of entries).", styles.body
            )
        )

    if notes.mimic_conditions:
        story.append(Paragraph("Conditions withdrawal can be mistaken for", styles.subheading))
        story.extend(
            Paragraph(cited(c), styles.bullet, bulletText="•") for c in notes.mimic_conditions
        )

    flagged = [m for m in data.medications if m.level]
    if flagged:
        story.append(Paragraph("Other medicines and their levels", styles.subheading))
        story.extend(
            Paragraph(f"{typed(m.name)}: <b>{typed(m.level)}</b>", styles.bullet, bulletText="•")
            for m in flagged
        )
    return story
