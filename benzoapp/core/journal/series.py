"""Symptom load as a calendar series, with each day's usual level and the usual spread.

Everything the detections compare is relative to the person's own journal: a rolling
median says what was usual around each day (so slow improvement over months does not
read as one long window), and a robust spread says how much days normally differ.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left, insort
from collections.abc import Sequence
from dataclasses import dataclass

from benzoapp.core.model import JournalDay

# Half-width of the centred window for the usual level: 31 days each side (nine weeks in
# all). A median ignores anything shorter than half its window, so waves and windows of up
# to about a month stand out against it instead of pulling it along.
USUAL_HALF_WINDOW_DAYS = 31
# Scales a median absolute deviation to a standard deviation for normally spread noise.
MAD_TO_SIGMA = 1.4826


@dataclass(frozen=True)
class LoadSeries:
    """One value per calendar day from ``start``; None where nothing was logged."""

    start: dt.date
    loads: tuple[int | None, ...]
    usual: tuple[float | None, ...]  # rolling median of the logged loads around each day
    spread: float  # robust standard deviation of load minus usual, over the whole journal

    def date_at(self, index: int) -> dt.date:
        return self.start + dt.timedelta(days=index)

    def index_of(self, day: dt.date) -> int:
        """Position of a date (it may fall outside the series: negative or too large)."""
        return (day - self.start).days

    def loads_between(self, first: dt.date, last: dt.date) -> list[int]:
        """The logged loads from first to last inclusive (clipped to the series)."""
        lo = max(0, self.index_of(first))
        hi = min(len(self.loads) - 1, self.index_of(last))
        return [v for v in self.loads[lo : hi + 1] if v is not None] if lo <= hi else []

    @property
    def end(self) -> dt.date:
        return self.date_at(len(self.loads) - 1)


def rolling_median(values: Sequence[int | None], half: int) -> list[float | None]:
    """Centred rolling median over ``half`` days each side, skipping missing values.

    A sorted window updated by insertion and removal keeps ten years of days well under
    a few milliseconds.
    """
    window: list[int] = []
    out: list[float | None] = [None] * len(values)
    lo, hi = 0, -1
    last = len(values) - 1
    for i in range(len(values)):
        new_hi = min(last, i + half)
        while hi < new_hi:
            hi += 1
            value = values[hi]
            if value is not None:
                insort(window, value)
        while lo < i - half:
            value = values[lo]
            if value is not None:
                del window[bisect_left(window, value)]
            lo += 1
        size = len(window)
        if size:
            mid = size // 2
            out[i] = float(window[mid]) if size % 2 else (window[mid - 1] + window[mid]) / 2
    return out


def robust_spread(deviations: Sequence[float]) -> float:
    """Median absolute deviation (around the median), scaled to a standard deviation."""
    if not deviations:
        return 0.0
    ordered = sorted(deviations)
    centre = _median_sorted(ordered)
    return MAD_TO_SIGMA * _median_sorted(sorted(abs(d - centre) for d in ordered))


def _median_sorted(ordered: Sequence[float]) -> float:
    size = len(ordered)
    mid = size // 2
    return float(ordered[mid]) if size % 2 else (ordered[mid - 1] + ordered[mid]) / 2


def load_series(days: Sequence[JournalDay]) -> LoadSeries | None:
    """The calendar series of checked, date-ordered days; None for an empty journal.

    A day with no symptom rated at all counts as not logged (it may hold exertion only).
    """
    logged = [d for d in days if d.symptoms]
    if not logged:
        return None
    start = logged[0].day
    loads: list[int | None] = [None] * ((logged[-1].day - start).days + 1)
    for entry in logged:
        loads[(entry.day - start).days] = sum(entry.symptoms.values())  # symptom_load, inlined
    usual = rolling_median(loads, USUAL_HALF_WINDOW_DAYS)
    deviations = [
        value - base
        for value, base in zip(loads, usual, strict=True)
        if value is not None and base is not None
    ]
    return LoadSeries(
        start=start, loads=tuple(loads), usual=tuple(usual), spread=robust_spread(deviations)
    )
