"""Post-exertional worsening: symptoms rising one to three days after logged exertion.

The mecfs-overlap document (“How ME/CFS Is Currently Defined”) describes post-exertional
malaise as worsening after physical, cognitive or emotional exertion, often delayed by
24 to 72 hours and out of proportion to the effort; in protracted withdrawal the pattern
is more variable (“Where Protracted Withdrawal and ME/CFS Overlap”).

Heuristics, stated as such:

* An *exertion day* is one where any kind of exertion is at least ``EXERTION_MIN`` and at
  least ``EXERTION_ABOVE_USUAL`` above the person's own median for that kind. Consecutive
  exertion days form one exertion event.
* The *reference* is the mean load of the event's first day and the ``REFERENCE_DAYS_BEFORE``
  days before it. The *delayed window* is days 1 to 3 after the event's last day.
* Worsening *follows* the event when the highest load in the delayed window exceeds the
  reference by at least the largest of ``MIN_RISE_POINTS``, ``MIN_RISE_FRACTION`` of the
  reference and ``SPREAD_FACTOR`` times the journal's usual spread.
* The same test on quiet days (no exertion day within three days either side) gives the
  chance rate: how often such a rise follows a day without exertion.
"""

from __future__ import annotations

import datetime as dt
import itertools
import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from benzoapp.core.journal.entries import EXERTION_KINDS, check_days
from benzoapp.core.journal.series import LoadSeries, load_series
from benzoapp.core.model import JournalDay

EXERTION_MIN = 5
EXERTION_ABOVE_USUAL = 2
REFERENCE_DAYS_BEFORE = 2
DELAY_FIRST_DAY = 1  # 24 hours
DELAY_LAST_DAY = 3  # 72 hours
MIN_RISE_POINTS = 2.0
MIN_RISE_FRACTION = 0.2
SPREAD_FACTOR = 1.5
# "Repeated" needs this many occurrences, at least this share of the assessable events,
# and a share clearly above the chance rate on quiet days.
REPEATED_MIN_OCCURRENCES = 3
REPEATED_MIN_RATE = 0.5
REPEATED_ABOVE_CHANCE = 0.25


class PemPattern(StrEnum):
    """How the journal's exertion and symptoms relate, in plain categories."""

    NO_EXERTION = "no_exertion"  # no exertion day stands out, nothing to assess
    NOT_SEEN = "not_seen"
    OCCASIONAL = "occasional"
    REPEATED = "repeated"


@dataclass(frozen=True)
class ExertionEvent:
    """One or more consecutive days of clearly more exertion than usual."""

    start: dt.date
    end: dt.date
    kinds: tuple[str, ...]  # which kinds were above usual
    level: int  # the highest exertion rating in the event


@dataclass(frozen=True)
class PemOccurrence:
    """Worsening found one to three days after an exertion event."""

    event: ExertionEvent
    reference_load: float
    flare_day: dt.date
    flare_load: int

    @property
    def delay_days(self) -> int:
        return (self.flare_day - self.event.end).days

    @property
    def rise(self) -> float:
        return self.flare_load - self.reference_load

    def describe(self) -> str:
        kinds = ", ".join(self.event.kinds)
        return (
            f"{kinds} exertion on {self.event.end.isoformat()} (level {self.event.level}), "
            f"symptom load {self.flare_load} on {self.flare_day.isoformat()} "
            f"({self.delay_days * 24} hours later) against {self.reference_load:.1f} before"
        )


@dataclass(frozen=True)
class KindCount:
    """For one kind of exertion: events assessed and worsening found after them."""

    kind: str
    assessed: int
    occurrences: int


@dataclass(frozen=True)
class PemReport:
    """What the journal shows about worsening after exertion, and how often."""

    events: tuple[ExertionEvent, ...]
    assessed: int  # events with enough logged days around them
    occurrences: tuple[PemOccurrence, ...]
    by_kind: tuple[KindCount, ...]
    chance_rate: float | None  # the same rise after quiet days, as a share
    pattern: PemPattern

    @property
    def rate(self) -> float | None:
        return len(self.occurrences) / self.assessed if self.assessed else None

    @property
    def typical_delay_days(self) -> int | None:
        if not self.occurrences:
            return None
        return round(statistics.median(o.delay_days for o in self.occurrences))

    def describe(self) -> str:
        """How often, in one or two plain sentences."""
        if not self.events:
            return (
                "No day of clearly more exertion than usual is logged, "
                "so there is nothing to compare yet."
            )
        if not self.assessed:
            return "Exertion is logged, but the days around it have no symptom ratings to compare."
        text = (
            f"Worsening 24-72 hours after exertion: {len(self.occurrences)} of "
            f"{self.assessed} times exertion was clearly above your usual."
        )
        if self.chance_rate is not None:
            text += f" After quiet days a similar rise came {self.chance_rate:.0%} of the time."
        return text


def _usual_exertion(days: Sequence[JournalDay]) -> dict[str, float]:
    usual = {}
    for kind in EXERTION_KINDS:
        values = [d.exertion[kind] for d in days if kind in d.exertion]
        usual[kind] = statistics.median(values) if values else 0.0
    return usual


def exertion_events(days: Sequence[JournalDay]) -> list[ExertionEvent]:
    """Exertion events of checked, date-ordered days."""
    usual = _usual_exertion(days)
    threshold = {k: max(EXERTION_MIN, usual[k] + EXERTION_ABOVE_USUAL) for k in EXERTION_KINDS}
    lowest = min(threshold.values())
    events: list[ExertionEvent] = []
    for entry in days:
        if not entry.exertion or max(entry.exertion.values()) < lowest:
            continue  # the common case: an ordinary day
        kinds = tuple(k for k in EXERTION_KINDS if entry.exertion.get(k, 0) >= threshold[k])
        if not kinds:
            continue
        level = max(entry.exertion[k] for k in kinds)
        previous = events[-1] if events else None
        if previous and (entry.day - previous.end).days == 1:
            merged = tuple(k for k in EXERTION_KINDS if k in previous.kinds or k in kinds)
            events[-1] = ExertionEvent(
                previous.start, entry.day, merged, max(level, previous.level)
            )
        else:
            events.append(ExertionEvent(entry.day, entry.day, kinds, level))
    return events


@dataclass(frozen=True)
class _Windows:
    """Per day: the reference before it and the highest load one to three days after it."""

    reference: list[float | None]
    flare: list[int]  # highest load in the delayed window; -1: nothing logged there
    needed_points: float

    def rise(self, first: int, last: int) -> bool | None:
        """Whether the rise after an event counts; None when it cannot be assessed."""
        size = len(self.flare)
        if not (0 <= first < size and 0 <= last < size):
            return None
        reference = self.reference[first]
        flare = self.flare[last]
        if reference is None or flare < 0:
            return None
        return flare - reference >= max(self.needed_points, MIN_RISE_FRACTION * reference)


def _windows(series: LoadSeries) -> _Windows:
    """Running sums and shifted lists: every event and quiet day then costs a lookup.

    Written as whole-list operations because it runs over every day of the journal.
    """
    filled = [-1 if v is None else v for v in series.loads]
    size = len(filled)
    k = REFERENCE_DAYS_BEFORE
    sums = [0, *itertools.accumulate(v if v > 0 else 0 for v in filled)]
    counts = [0, *itertools.accumulate(v >= 0 for v in filled)]
    low_sums = [0] * k + sums[: size - k] if size > k else [0] * size
    low_counts = [0] * k + counts[: size - k] if size > k else [0] * size
    reference: list[float | None] = [
        (hi - lo) / (chi - clo) if chi > clo else None
        for hi, lo, chi, clo in zip(sums[1:], low_sums, counts[1:], low_counts, strict=True)
    ]
    ahead = [
        filled[offset:] + [-1] * min(offset, size)
        for offset in range(DELAY_FIRST_DAY, DELAY_LAST_DAY + 1)
    ]
    flare = list(map(max, *ahead)) if len(ahead) > 1 else ahead[0]
    return _Windows(reference, flare, max(MIN_RISE_POINTS, SPREAD_FACTOR * series.spread))


def _flare_day(series: LoadSeries, last: int, flare: int) -> dt.date:
    """The first day in the delayed window with the highest load."""
    for j in range(last + DELAY_FIRST_DAY, last + DELAY_LAST_DAY + 1):
        if series.loads[j] == flare:
            return series.date_at(j)
    raise AssertionError("the flare value comes from the delayed window")


def _chance_rate(series: LoadSeries, windows: _Windows, busy: list[int]) -> float | None:
    """Share of quiet days (no exertion within three days either side) followed by a rise."""
    size = len(series.loads)
    near_exertion = [False] * size
    for index in busy:
        for i in range(max(0, index - DELAY_LAST_DAY), min(size, index + DELAY_LAST_DAY + 1)):
            near_exertion[i] = True
    points = windows.needed_points
    rises = [
        flare - reference >= max(points, MIN_RISE_FRACTION * reference)
        for near, reference, flare in zip(
            near_exertion, windows.reference, windows.flare, strict=True
        )
        if not near and reference is not None and flare >= 0
    ]
    return sum(rises) / len(rises) if rises else None


def pem_from_series(series: LoadSeries | None, days: Sequence[JournalDay]) -> PemReport:
    """The report for checked days and their prepared series."""
    events = exertion_events(days)
    occurrences: list[PemOccurrence] = []
    assessed_events: list[ExertionEvent] = []
    chance = None
    if series is not None:
        windows = _windows(series)
        for event in events:
            first, last = series.index_of(event.start), series.index_of(event.end)
            counts = windows.rise(first, last)
            if counts is None:
                continue
            assessed_events.append(event)
            if counts:
                reference = windows.reference[first]
                assert reference is not None
                flare = windows.flare[last]
                day = _flare_day(series, last, flare)
                occurrences.append(PemOccurrence(event, reference, day, flare))
        if assessed_events:
            busy = [
                series.index_of(e.start) + i
                for e in events
                for i in range((e.end - e.start).days + 1)
            ]
            chance = _chance_rate(series, windows, busy)
    by_kind = tuple(
        KindCount(
            kind=k,
            assessed=sum(k in e.kinds for e in assessed_events),
            occurrences=sum(k in o.event.kinds for o in occurrences),
        )
        for k in EXERTION_KINDS
    )
    return PemReport(
        events=tuple(events),
        assessed=len(assessed_events),
        occurrences=tuple(occurrences),
        by_kind=by_kind,
        chance_rate=chance,
        pattern=_pattern(len(assessed_events), len(occurrences), chance),
    )


def _pattern(assessed: int, found: int, chance: float | None) -> PemPattern:
    if not assessed:
        return PemPattern.NO_EXERTION
    if not found:
        return PemPattern.NOT_SEEN
    rate = found / assessed
    above_chance = chance is None or rate >= chance + REPEATED_ABOVE_CHANCE
    if found >= REPEATED_MIN_OCCURRENCES and rate >= REPEATED_MIN_RATE and above_chance:
        return PemPattern.REPEATED
    return PemPattern.OCCASIONAL


def find_post_exertional(days: Sequence[JournalDay]) -> PemReport:
    """Worsening 24-72 hours after logged exertion, and how often it followed."""
    ordered = check_days(days)
    return pem_from_series(load_series(ordered), ordered)
