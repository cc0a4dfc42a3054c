"""Windows and waves on synthetic journals whose stretches are known in advance."""

from __future__ import annotations

import datetime as dt
import itertools
import statistics

from hypothesis import given, settings
from hypothesis import strategies as st

from benzoapp.core.journal import EpisodeKind, find_windows_and_waves
from benzoapp.core.journal.series import rolling_median
from benzoapp.core.journal.synthetic import DEFAULT_SYMPTOMS, Shift, make_journal, spread_load
from benzoapp.core.journal.waves import MIN_EPISODE_DAYS
from benzoapp.core.model import JournalDay

START = dt.date(2024, 1, 1)


def day(offset: int) -> dt.date:
    return START + dt.timedelta(days=offset)


def test_a_wave_and_a_window_are_found_with_their_dates() -> None:
    days = make_journal(START, 150, noise=2, seed=4, shifts=(Shift(40, 10, 12), Shift(100, 8, -10)))
    found = find_windows_and_waves(days)
    assert [(e.kind, e.start, e.end) for e in found] == [
        (EpisodeKind.WAVE, day(40), day(49)),
        (EpisodeKind.WINDOW, day(100), day(107)),
    ]
    wave, window = found
    assert wave.mean_load > wave.usual_load + 8
    assert window.mean_load < window.usual_load - 6
    assert wave.extreme_load >= 22 + 12 - 2
    assert "Wave from 2024-02-10 to 2024-02-19 (10 days)" in wave.describe()
    assert window.label == "Window"


def test_none_where_there_is_none_in_an_ordinary_noisy_journal() -> None:
    for seed in range(5):
        assert find_windows_and_waves(make_journal(START, 365, noise=3, seed=seed)) == []


def test_slow_steady_improvement_is_not_one_long_window() -> None:
    # From a load of 45 down to 18 over two years: gradual improvement, no stretch stands out,
    # not even at the end of the journal where the usual level can only look back.
    days = [
        JournalDay(day(i), spread_load(45 - i * 27 // 730, DEFAULT_SYMPTOMS)) for i in range(730)
    ]
    assert find_windows_and_waves(days) == []


def test_two_worse_days_are_not_a_wave() -> None:
    days = make_journal(START, 90, shifts=(Shift(40, MIN_EPISODE_DAYS - 1, 15),))
    assert find_windows_and_waves(days) == []
    longer = make_journal(START, 90, shifts=(Shift(40, MIN_EPISODE_DAYS, 15),))
    assert [e.days for e in find_windows_and_waves(longer)] == [MIN_EPISODE_DAYS]


def test_one_missing_day_inside_a_wave_does_not_split_it() -> None:
    days = make_journal(START, 90, shifts=(Shift(40, 9, 12),), skip=frozenset({44}))
    assert [(e.start, e.end) for e in find_windows_and_waves(days)] == [(day(40), day(48))]


def test_a_small_change_below_the_floor_is_not_an_episode() -> None:
    # One severity point in all is within the two-point floor even in a perfectly flat journal.
    days = make_journal(START, 60, shifts=(Shift(20, 10, 1),))
    assert find_windows_and_waves(days) == []


def test_days_without_symptoms_and_an_empty_journal() -> None:
    assert find_windows_and_waves([]) == []
    assert find_windows_and_waves([JournalDay(START, exertion={"physical": 3})]) == []


loads = st.lists(st.one_of(st.none(), st.integers(0, 60)), min_size=1, max_size=200)


def _journal(values: list[int | None]) -> list[JournalDay]:
    return [
        JournalDay(day(i), {"fatigue": min(v, 10), "pain": min(max(v - 10, 0), 10), "sensory": 0})
        for i, v in enumerate(values)
        if v is not None
    ]


@settings(max_examples=150, deadline=None)
@given(loads)
def test_episodes_stay_inside_the_data_and_never_overlap(values: list[int | None]) -> None:
    days = _journal(values)
    found = find_windows_and_waves(days)
    if not days:
        assert found == []
        return
    first, last = days[0].day, days[-1].day
    for episode in found:
        assert first <= episode.start <= episode.end <= last
        assert episode.days >= MIN_EPISODE_DAYS
        logged = [d for d in days if episode.start <= d.day <= episode.end]
        assert logged, "an episode needs logged days"
    for a, b in itertools.pairwise(found):
        assert a.end < b.start


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 10), st.integers(1, 400), st.integers(1, 11))
def test_a_constant_journal_has_no_windows_or_waves(level: int, length: int, width: int) -> None:
    names = [f"own:s{i}" for i in range(width)]
    days = [JournalDay(day(i), dict.fromkeys(names, level)) for i in range(length)]
    assert find_windows_and_waves(days) == []


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(st.none(), st.integers(0, 100)), max_size=120), st.integers(0, 20))
def test_rolling_median_matches_a_plain_median_of_each_window(
    values: list[int | None], half: int
) -> None:
    expected = []
    for i in range(len(values)):
        window = [v for v in values[max(0, i - half) : i + half + 1] if v is not None]
        expected.append(float(statistics.median(window)) if window else None)
    assert rolling_median(values, half) == expected
