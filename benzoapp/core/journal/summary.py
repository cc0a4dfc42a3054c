"""One call for everything the journal shows: the CLI, the PDF clinician page and the GUI."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from benzoapp.core.journal.entries import check_days
from benzoapp.core.journal.framework import FrameworkAnswers, FrameworkNote, framework_notes
from benzoapp.core.journal.hold import HoldSuggestion, hold_from_series
from benzoapp.core.journal.pem import PemReport, pem_from_series
from benzoapp.core.journal.series import LoadSeries, load_series
from benzoapp.core.journal.waves import Episode, EpisodeKind, episodes_from_series
from benzoapp.core.model import JournalDay, Plan, Profile

HEURISTIC_NOTE = (
    "Windows, waves and post-exertional worsening are found by simple rules that compare "
    "each day with your own usual level; they are prompts for a conversation, not findings."
)


@dataclass(frozen=True)
class JournalSummary:
    """The journal's detections bundled for display."""

    first_day: dt.date | None
    last_day: dt.date | None
    days_logged: int
    mean_load: float | None
    episodes: tuple[Episode, ...]
    pem: PemReport
    hold: HoldSuggestion | None
    framework: FrameworkNote | None  # None when no profile or answers were given
    series: LoadSeries | None = None  # the daily loads, for charts; None when nothing logged

    @property
    def waves(self) -> tuple[Episode, ...]:
        return tuple(e for e in self.episodes if e.kind is EpisodeKind.WAVE)

    @property
    def windows(self) -> tuple[Episode, ...]:
        return tuple(e for e in self.episodes if e.kind is EpisodeKind.WINDOW)


def analyse_journal(
    days: Sequence[JournalDay],
    plan: Plan | None = None,
    profile: Profile | FrameworkAnswers | None = None,
    today: dt.date | None = None,
) -> JournalSummary:
    """Check the days once, then run every detection on the same series.

    ``today`` defaults to the last journal day, so an old journal is judged as of its end.
    """
    ordered = check_days(days)
    series = load_series(ordered)
    logged = [d for d in ordered if d.symptoms]
    pem = pem_from_series(series, ordered)
    when = today or (ordered[-1].day if ordered else dt.date.today())
    return JournalSummary(
        first_day=series.start if series else None,
        last_day=series.end if series else None,
        days_logged=len(logged),
        mean_load=(sum(v for v in series.loads if v is not None) / len(logged) if series else None),
        episodes=tuple(episodes_from_series(series)) if series else (),
        pem=pem,
        hold=hold_from_series(series, plan, when) if plan is not None else None,
        framework=framework_notes(profile, ordered, pem) if profile is not None else None,
        series=series,
    )


# Where the 24-72 hour delay of a flare after exertion is described.
PEM_SOURCE = "mecfs-overlap, “How ME/CFS Is Currently Defined”"


def summary_sources(summary: JournalSummary) -> list[str]:
    """Every source the summary's lines cite, once each, in the order they are cited
    (so a window can offer each one to open beside the text)."""
    if summary.first_day is None or summary.last_day is None:
        return []
    cited = [PEM_SOURCE]
    if summary.hold:
        cited += [s.text for r in summary.hold.reasons for s in r.sources]
    if summary.framework:
        cited += [s.text for s in summary.framework.sources]
    return list(dict.fromkeys(cited))


def summary_lines(summary: JournalSummary) -> list[str]:
    """The summary as plain lines of text, each advice line with its source."""
    if summary.first_day is None or summary.last_day is None:
        return ["No symptoms are logged yet."]
    lines = [
        f"Journal {summary.first_day.isoformat()} to {summary.last_day.isoformat()}: "
        f"{summary.days_logged} days logged, mean symptom load {summary.mean_load or 0:.1f}.",
        f"Windows (better stretches): {len(summary.windows)}; waves (worse stretches): "
        f"{len(summary.waves)}.",
    ]
    lines += [f"  {e.describe()}" for e in summary.episodes]
    lines.append(summary.pem.describe())
    lines += [f"  {o.describe()}" for o in summary.pem.occurrences]
    lines.append(f"  Source: {PEM_SOURCE} (24-72 hour delay).")
    if summary.hold:
        lines.append("Hold suggestion: " + summary.hold.message)
        lines += [
            f"  - {r.text} ({'; '.join(s.text for s in r.sources)})" for r in summary.hold.reasons
        ]
    note = summary.framework
    if note:
        lines.append("Framework: " + note.discuss)
        lines.append(f"  {note.why}")
        if note.position:
            lines.append(f"  {note.position.fits_when} {note.position.management}")
        lines += [f"  Still open: {q}" for q in note.open_questions]
        lines.append(f"  {note.pem_note}")
        lines.append("  Conditions withdrawal can be mistaken for: " + note.mimics_note)
        for m in note.mimics:
            shared = f" (shares: {', '.join(m.shared_symptoms)})" if m.shared_symptoms else ""
            lines.append(f"    {m.mimic.name}: {m.mimic.resemblance}{shared}")
        lines.append("  Sources: " + "; ".join(s.text for s in note.sources))
    lines.append(HEURISTIC_NOTE)
    return lines
