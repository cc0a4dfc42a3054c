"""The journal's findings as a clinician reads them on the prescriber's pages.

The journal's own sentences speak to the person ("your usual", ISO dates for the
command line). The prescriber's pages speak about the person, in the app's one date
format (``core.dates``): "the person's usual level", "3 Mar 2026". Built from the
findings' figures, not by rewriting the person's sentences, so a new wording there
cannot leak onto these pages.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from benzoapp.core.decimals import fmt
from benzoapp.core.journal.hold import HoldSuggestion
from benzoapp.core.journal.pem import PemOccurrence, PemReport
from benzoapp.core.journal.waves import Episode, EpisodeKind
from benzoapp.report.text import format_date


def _span(first: dt.date, last: dt.date) -> str:
    return f"{format_date(first)} to {format_date(last)}"


def episode_line(episode: Episode) -> str:
    """``Window, 9 May 2026 to 15 May 2026 (7 days): mean load 31.0 against the person's
    usual 45.3.``"""
    kind = "Window" if episode.kind is EpisodeKind.WINDOW else "Wave"
    return (
        f"{kind}, {_span(episode.start, episode.end)} ({episode.days} days): mean symptom "
        f"load {episode.mean_load:.1f} against the person's usual {episode.usual_load:.1f}."
    )


def exertion_line(found: PemOccurrence) -> str:
    """One worsening after exertion: when, how hard, the rise and its delay."""
    event = found.event
    kinds = ", ".join(event.kinds)
    hours = found.delay_days * 24
    return (
        f"{format_date(event.end)}: {kinds} exertion rated {event.level}/10; symptom load "
        f"{found.flare_load} on {format_date(found.flare_day)} ({hours} hours later) against "
        f"{found.reference_load:.1f} before."
    )


def exertion_summary(report: PemReport) -> str:
    """How often worsening followed exertion, about the person."""
    if not report.events:
        return "No day of clearly more exertion than the person's usual is logged."
    if not report.assessed:
        return "Exertion is logged, but the days around it have no symptom ratings to compare."
    text = (
        f"Worsening 24-72 hours after exertion: {len(report.occurrences)} of "
        f"{report.assessed} times exertion was clearly above the person's usual."
    )
    if report.chance_rate is not None:
        text += f" After quiet days a similar rise came {report.chance_rate:.0%} of the time."
    return text


# The journal's framework notes speak to the person; on the prescriber's pages they speak
# about them. Subjects first (the verb agrees), then every remaining possessive.
_ABOUT = (
    ("You were ", "The person was "),
    ("You have ", "The person has "),
    ("You answered ", "The person answered "),
    ("Your ", "The person's "),
    (" your ", " the person's "),
    (" you were ", " the person was "),
    (" you have ", " the person has "),
)


def about_the_person(text: str) -> str:
    """A sentence written to the person, rewritten about them for a clinician.

    "Your answers match ..." becomes "The person's answers match ..."; only the forms the
    journal's notes use are rewritten, so a sentence is never mangled into bad grammar.
    """
    padded = f" {text}"
    for mine, theirs in _ABOUT:
        padded = padded.replace(mine, theirs)
    return padded[1:]


def _mg(value: Decimal) -> str:
    return fmt(value)


def hold_line(hold: HoldSuggestion) -> str:
    """The journal's hold suggestion, about the person, for the prescriber to weigh."""
    rise = f" ({hold.rise_percent}% higher)" if hold.level_before else ""
    return (
        f"Since the cut to {_mg(hold.dose_after_mg)} mg (diazepam equivalent) on "
        f"{format_date(hold.cut_date)}, the symptom load has stayed well above the week "
        f"before it: {hold.level_after:.1f} on average over the last week against "
        f"{hold.level_before:.1f}{rise}. Holding at {_mg(hold.dose_after_mg)} mg instead of "
        f"the next cut planned for {format_date(hold.next_cut_date)} may be worth discussing."
    )
