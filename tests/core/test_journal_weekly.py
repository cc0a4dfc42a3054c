"""Weekly means of the symptom load: one per Monday-to-Sunday week, none for a thin week."""

from __future__ import annotations

import datetime as dt
import itertools

from hypothesis import given
from hypothesis import strategies as st

from benzoapp.core.journal.series import LoadSeries
from benzoapp.core.journal.weekly import MIN_LOGGED_DAYS, weekly_means

loads = st.lists(st.one_of(st.none(), st.integers(0, 50)), min_size=1, max_size=120)
starts = st.dates(dt.date(2020, 1, 1), dt.date(2030, 12, 31))


def _series(start: dt.date, values: list[int | None]) -> LoadSeries:
    return LoadSeries(start, tuple(values), tuple(None for _ in values), 1.0)


@given(starts, loads)
def test_each_week_is_the_mean_of_its_logged_days(start: dt.date, values: list[int | None]) -> None:
    series = _series(start, values)
    weeks = weekly_means(series)
    assert weeks[0].monday <= start < weeks[0].monday + dt.timedelta(days=7)
    assert weeks[-1].monday <= series.end < weeks[-1].monday + dt.timedelta(days=7)
    for earlier, later in itertools.pairwise(weeks):
        assert later.monday - earlier.monday == dt.timedelta(days=7)
    total_logged = 0
    for week in weeks:
        assert week.monday.weekday() == 0
        days = [
            values[i]
            for i in range(len(values))
            if week.monday <= start + dt.timedelta(days=i) <= week.monday + dt.timedelta(days=6)
        ]
        logged = [v for v in days if v is not None]
        total_logged += len(logged)
        assert week.logged_days == len(logged)
        if len(logged) < MIN_LOGGED_DAYS:
            assert week.mean is None
        else:
            assert week.mean is not None
            assert min(logged) <= week.mean <= max(logged)
            assert abs(week.mean * len(logged) - sum(logged)) < 1e-9
    assert total_logged == sum(1 for v in values if v is not None)


def test_a_spiky_fortnight_becomes_two_calm_points() -> None:
    monday = dt.date(2026, 3, 2)
    weeks = weekly_means(_series(monday, [0, 20, 0, 20, 0, 20, 10, 5, 5, 5, 5, 5, 5, 5]))
    assert [w.mean for w in weeks] == [10.0, 5.0]
    assert weeks[0].middle == dt.date(2026, 3, 5)
