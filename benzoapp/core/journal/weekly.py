"""Weekly means of the daily symptom load: the calm line the journal chart draws by default.

A day-by-day line of a year is dense and spiky; a week's mean shows the trend without the
noise of single days. Weeks run Monday to Sunday. A week with fewer than
``MIN_LOGGED_DAYS`` logged days has no mean (one or two days say little about a week),
so the line has a gap there rather than a point that looks as sure as the others.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from benzoapp.core.journal.series import LoadSeries

MIN_LOGGED_DAYS = 3


@dataclass(frozen=True)
class WeekMean:
    """The mean load of one Monday-to-Sunday week, or None if too few days were logged."""

    monday: dt.date
    mean: float | None
    logged_days: int

    @property
    def middle(self) -> dt.date:
        """Thursday: where the week's point is drawn."""
        return self.monday + dt.timedelta(days=3)


def weekly_means(series: LoadSeries) -> tuple[WeekMean, ...]:
    """One entry per week touched by the series, oldest first."""
    first_monday = series.start - dt.timedelta(days=series.start.weekday())
    weeks: list[WeekMean] = []
    monday = first_monday
    while monday <= series.end:
        loads = series.loads_between(monday, monday + dt.timedelta(days=6))
        mean = sum(loads) / len(loads) if len(loads) >= MIN_LOGGED_DAYS else None
        weeks.append(WeekMean(monday, mean, len(loads)))
        monday += dt.timedelta(days=7)
    return tuple(weeks)
