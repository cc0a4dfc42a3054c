"""Symptom journal logic: catalogue, windows and waves, post-exertional worsening, holds.

Everything here is pure Python over ``JournalDay`` values; the GUI and the CLI show what
these functions return.
"""

from __future__ import annotations

from benzoapp.core.journal.catalogue import (
    Catalogue,
    Domain,
    Symptom,
    load_catalogue,
    own_symptom_id,
    parse_catalogue,
)
from benzoapp.core.journal.entries import (
    EXERTION_KINDS,
    check_days,
    day_from_json,
    day_to_json,
    days_from_json,
    days_to_json,
    symptom_load,
)
from benzoapp.core.journal.framework import (
    FrameworkAnswers,
    FrameworkNote,
    MimicNote,
    framework_notes,
    match_position,
)
from benzoapp.core.journal.hold import HoldSuggestion, suggest_hold
from benzoapp.core.journal.knowledge import (
    Frameworks,
    HoldReason,
    Mimic,
    Position,
    load_frameworks,
    load_hold_reasons,
)
from benzoapp.core.journal.pem import (
    ExertionEvent,
    PemOccurrence,
    PemPattern,
    PemReport,
    find_post_exertional,
)
from benzoapp.core.journal.series import LoadSeries, load_series
from benzoapp.core.journal.sources import Source
from benzoapp.core.journal.summary import (
    JournalSummary,
    analyse_journal,
    summary_lines,
    summary_sources,
)
from benzoapp.core.journal.waves import Episode, EpisodeKind, find_windows_and_waves

__all__ = [
    "EXERTION_KINDS",
    "Catalogue",
    "Domain",
    "Episode",
    "EpisodeKind",
    "ExertionEvent",
    "FrameworkAnswers",
    "FrameworkNote",
    "Frameworks",
    "HoldReason",
    "HoldSuggestion",
    "JournalSummary",
    "LoadSeries",
    "Mimic",
    "MimicNote",
    "PemOccurrence",
    "PemPattern",
    "PemReport",
    "Position",
    "Source",
    "Symptom",
    "analyse_journal",
    "check_days",
    "day_from_json",
    "day_to_json",
    "days_from_json",
    "days_to_json",
    "find_post_exertional",
    "find_windows_and_waves",
    "framework_notes",
    "load_catalogue",
    "load_frameworks",
    "load_hold_reasons",
    "load_series",
    "match_position",
    "own_symptom_id",
    "parse_catalogue",
    "suggest_hold",
    "summary_lines",
    "summary_sources",
    "symptom_load",
]
