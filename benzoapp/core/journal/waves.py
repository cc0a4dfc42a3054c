"""Windows (better stretches) and waves (worse stretches) in the symptom load.

Heuristics, stated as such: a day is *worse* when its load is above the usual level
around it (a nine-week rolling median) by at least the largest of
``SPREAD_FACTOR`` times the journal's usual day-to-day spread, ``MIN_CHANGE_POINTS``
severity points, and ``MIN_CHANGE_FRACTION`` of the usual level; *better* likewise below
it. A wave or window is a run of at least ``MIN_EPISODE_DAYS`` such days, where a single
ordinary or unlogged day inside the run does not break it. The mecfs-overlap document
(“Where the Conditions Differ”) names this windows-and-waves texture as typical of
protracted withdrawal.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from benzoapp.core.journal.entries import check_days
from benzoapp.core.journal.series import LoadSeries, load_series
from benzoapp.core.model import JournalDay

SPREAD_FACTOR = 1.5  # three days in a row beyond 1.5 sd by chance: about 1 in 3000
MIN_CHANGE_POINTS = 2.0  # never less than two severity points in all
MIN_CHANGE_FRACTION = 0.15  # and never less than 15% of the usual level
MIN_EPISODE_DAYS = 3  # qualifying days an episode needs
BRIDGE_DAYS = 1  # an ordinary or unlogged day inside a run does not end it


class EpisodeKind(StrEnum):
    """Better or worse than usual."""

    WINDOW = "window"
    WAVE = "wave"


@dataclass(frozen=True)
class Episode:
    """A stretch of days clearly better (window) or worse (wave) than usual."""

    kind: EpisodeKind
    start: dt.date
    end: dt.date  # inclusive
    mean_load: float  # over the logged days of the stretch
    usual_load: float  # the usual level around it
    extreme_load: int  # highest load of a wave, lowest of a window

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    @property
    def label(self) -> str:
        return "Window" if self.kind is EpisodeKind.WINDOW else "Wave"

    def describe(self) -> str:
        """One plain sentence, for screen readers, the CLI and the PDF."""
        way = "better" if self.kind is EpisodeKind.WINDOW else "worse"
        return (
            f"{self.label} from {self.start.isoformat()} to {self.end.isoformat()} "
            f"({self.days} days): load {self.mean_load:.1f} on average, {way} than the usual "
            f"{self.usual_load:.1f}"
        )


def day_signs(series: LoadSeries) -> list[int | None]:
    """+1 worse, -1 better, 0 ordinary, None unlogged, for each day of the series."""
    floor_spread = SPREAD_FACTOR * series.spread
    signs: list[int | None] = []
    for value, usual in zip(series.loads, series.usual, strict=True):
        if value is None or usual is None:
            signs.append(None)
            continue
        threshold = max(floor_spread, MIN_CHANGE_POINTS, MIN_CHANGE_FRACTION * usual)
        deviation = value - usual
        signs.append(1 if deviation >= threshold else -1 if deviation <= -threshold else 0)
    return signs


def _groups(signs: Sequence[int | None], sign: int) -> list[list[int]]:
    """Indices of qualifying days, grouped into runs that tolerate short bridges."""
    groups: list[list[int]] = []
    for i, s in enumerate(signs):
        if s != sign:
            continue
        if groups:
            last = groups[-1][-1]
            between = signs[last + 1 : i]
            if i - last - 1 <= BRIDGE_DAYS and -sign not in between:
                groups[-1].append(i)
                continue
        groups.append([i])
    return groups


def episodes_from_series(series: LoadSeries) -> list[Episode]:
    """Windows and waves of a prepared series, in date order."""
    signs = day_signs(series)
    found: list[Episode] = []
    for sign, kind in ((1, EpisodeKind.WAVE), (-1, EpisodeKind.WINDOW)):
        for group in _groups(signs, sign):
            if len(group) < MIN_EPISODE_DAYS:
                continue
            first, last = group[0], group[-1]
            loads = [v for v in series.loads[first : last + 1] if v is not None]
            usual = [u for u in series.usual[first : last + 1] if u is not None]
            found.append(
                Episode(
                    kind=kind,
                    start=series.date_at(first),
                    end=series.date_at(last),
                    mean_load=sum(loads) / len(loads),
                    usual_load=sum(usual) / len(usual),
                    extreme_load=max(loads) if sign > 0 else min(loads),
                )
            )
    return sorted(found, key=lambda e: e.start)


def find_windows_and_waves(days: Sequence[JournalDay]) -> list[Episode]:
    """The journal's windows and waves; an empty list when there are none."""
    series = load_series(check_days(days))
    return episodes_from_series(series) if series else []
