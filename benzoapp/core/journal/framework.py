"""Framework notes: which of the three mecfs-overlap positions the answers point to.

The mecfs-overlap document (“What the Label Should Be”) sets out three defensible working
labels for someone with benzodiazepine exposure and an ME/CFS-like picture. The app only
shows which one the person's answers match, as something to discuss with a clinician; it
never labels anyone. The muscular-effects document's list of conditions withdrawal can
be mistaken for is added, each marked with the journal symptoms it shares.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from benzoapp.core.journal.knowledge import Frameworks, Mimic, Position, load_frameworks
from benzoapp.core.journal.pem import PemPattern, PemReport
from benzoapp.core.journal.sources import Source
from benzoapp.core.model import JournalDay, Profile

# A symptom counts as part of the person's picture when its mean rating over the days it
# was rated is at least this (a heuristic: "mild but present" on a 0-10 scale).
NOTABLE_MEAN_SEVERITY = 3.0


@dataclass(frozen=True)
class FrameworkAnswers:
    """The four plain questions; None means not answered."""

    well_before_exposure: bool | None = None
    classical_trigger: bool | None = None
    onset_during_or_after_taper: bool | None = None
    post_exertional_malaise: bool | None = None

    @classmethod
    def from_profile(cls, profile: Profile) -> FrameworkAnswers:
        return cls(
            well_before_exposure=profile.well_before_exposure,
            classical_trigger=profile.classical_trigger,
            onset_during_or_after_taper=profile.onset_during_or_after_taper,
            post_exertional_malaise=profile.post_exertional_malaise,
        )


@dataclass(frozen=True)
class MimicNote:
    """A condition withdrawal can be mistaken for, and the logged symptoms it shares."""

    mimic: Mimic
    shared_symptoms: tuple[str, ...]


@dataclass(frozen=True)
class FrameworkNote:
    """What to bring to a clinician: the matching position (if any) and why."""

    position: Position | None
    why: str  # how the answers lead there, or what is still open
    open_questions: tuple[str, ...]  # question texts not yet answered
    pem_note: str
    discuss: str  # the framing: something to discuss, not a diagnosis
    mimics: tuple[MimicNote, ...]
    mimics_note: str
    sources: tuple[Source, ...]


def match_position(answers: FrameworkAnswers) -> tuple[str | None, str]:
    """The id of the matching position and the reason, or None and what is unclear."""
    well = answers.well_before_exposure
    trigger = answers.classical_trigger
    onset = answers.onset_during_or_after_taper
    if well is False:
        return "both", "An ME/CFS-like illness was there before the drug."
    if trigger is True and onset is False:
        return "mecfs", "A classic trigger came first and the onset is not tied to the taper."
    if well is True and onset is True and trigger is False:
        return (
            "withdrawal_first",
            "You were free of such an illness before the drug, it began during or after the "
            "taper, and there was no classic trigger.",
        )
    if trigger is True and onset is True:
        return None, (
            "A classic trigger and an onset during or after the taper both apply, so the "
            "answers point two ways; that is exactly the question to take to a clinician."
        )
    return None, "Some answers are still open, so no single position fits yet."


def _pem_note(answers: FrameworkAnswers, pem: PemReport | None, fw: Frameworks) -> str:
    parts = [fw.pem_defining]
    if pem is not None and pem.pattern is PemPattern.REPEATED:
        parts.append("Your journal shows worsening after exertion again and again.")
    elif pem is not None and pem.pattern is PemPattern.OCCASIONAL:
        parts.append("Your journal shows worsening after exertion some of the time.")
    if answers.post_exertional_malaise is True or (
        pem is not None and pem.pattern in (PemPattern.REPEATED, PemPattern.OCCASIONAL)
    ):
        parts.append(fw.pem_in_withdrawal)
        parts.append(fw.pem_pacing)
    elif answers.post_exertional_malaise is False:
        parts.append("You answered that effort does not bring on delayed worsening.")
    return " ".join(parts)


def _notable_symptoms(days: Sequence[JournalDay]) -> set[str]:
    totals: dict[str, list[int]] = {}
    for entry in days:
        for name, value in entry.symptoms.items():
            totals.setdefault(name, []).append(value)
    return {n for n, v in totals.items() if sum(v) / len(v) >= NOTABLE_MEAN_SEVERITY}


def framework_notes(
    who: Profile | FrameworkAnswers,
    days: Sequence[JournalDay] = (),
    pem: PemReport | None = None,
    frameworks: Frameworks | None = None,
) -> FrameworkNote:
    """The note for the person's answers, their journal and (if known) its PEM report."""
    fw = frameworks or load_frameworks()
    answers = who if isinstance(who, FrameworkAnswers) else FrameworkAnswers.from_profile(who)
    position_id, why = match_position(answers)
    position = fw.position(position_id) if position_id else None
    open_questions = tuple(q.text for q in fw.questions if getattr(answers, q.id) is None)
    notable = _notable_symptoms(days)
    mimics = tuple(
        MimicNote(m, tuple(s for s in m.related_symptoms if s in notable)) for m in fw.mimics
    )
    if position:
        discuss = (
            f"Your answers match the position “{position.title}”. This is something to "
            "discuss with a clinician, not a diagnosis."
        )
    else:
        discuss = (
            "Which of the three positions fits is worth working out explicitly with a "
            "clinician rather than taking the first label offered."
        )
    sources = (
        *(position.sources if position else fw.position("withdrawal_first").sources[:1]),
        *fw.pem_sources,
        *fw.mimics_note.sources,
    )
    return FrameworkNote(
        position=position,
        why=why,
        open_questions=open_questions,
        pem_note=_pem_note(answers, pem, fw),
        discuss=discuss,
        mimics=mimics,
        mimics_note=fw.mimics_note.text,
        sources=tuple(dict.fromkeys(sources)),
    )
