"""Post-exertional worsening on synthetic journals with known flares."""

from __future__ import annotations

import datetime as dt
import statistics

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from benzoapp.core.journal import PemPattern, find_post_exertional, load_series
from benzoapp.core.journal.synthetic import Exertion, make_journal
from benzoapp.core.model import JournalDay

START = dt.date(2024, 1, 1)


def day(offset: int) -> dt.date:
    return START + dt.timedelta(days=offset)


@pytest.mark.parametrize("delay", [1, 2, 3])
def test_a_flare_24_to_72_hours_after_exertion_is_found(delay: int) -> None:
    days = make_journal(START, 60, exertions=(Exertion(30, flare=8, delay=delay),))
    report = find_post_exertional(days)
    assert report.assessed == 1
    (occurrence,) = report.occurrences
    assert occurrence.event.start == day(30)
    assert occurrence.flare_day == day(30 + delay)
    assert occurrence.delay_days == delay
    assert occurrence.rise == 8
    assert f"({delay * 24} hours later)" in occurrence.describe()


@pytest.mark.parametrize("delay", [0, 5])
def test_worsening_outside_the_delay_is_not_counted(delay: int) -> None:
    days = make_journal(START, 60, exertions=(Exertion(30, flare=8, delay=delay),))
    report = find_post_exertional(days)
    assert report.assessed == 1
    assert report.occurrences == ()
    assert report.pattern is PemPattern.NOT_SEEN


def test_none_where_there_is_none_without_exertion() -> None:
    report = find_post_exertional(make_journal(START, 120, noise=3, seed=2))
    assert report.events == ()
    assert report.pattern is PemPattern.NO_EXERTION
    assert report.rate is None
    assert "nothing to compare" in report.describe()


def test_exertion_without_worsening_is_not_seen() -> None:
    events = tuple(Exertion(20 * k, kind="cognitive") for k in range(1, 6))
    report = find_post_exertional(make_journal(START, 120, noise=2, seed=1, exertions=events))
    assert report.assessed == 5
    assert report.occurrences == ()
    assert report.pattern is PemPattern.NOT_SEEN
    assert "0 of 5 times" in report.describe()


def test_how_often_it_happened_by_kind() -> None:
    events = (
        Exertion(20, "physical", flare=10, delay=1),
        Exertion(40, "physical", flare=10, delay=2),
        Exertion(60, "emotional", flare=10, delay=3),
        Exertion(80, "emotional", flare=10, delay=2),
        Exertion(100, "cognitive"),
    )
    report = find_post_exertional(make_journal(START, 130, noise=1, seed=5, exertions=events))
    assert [o.flare_day for o in report.occurrences] == [day(21), day(42), day(63), day(82)]
    assert report.rate == pytest.approx(4 / 5)
    assert report.typical_delay_days == 2
    counts = {k.kind: (k.occurrences, k.assessed) for k in report.by_kind}
    assert counts == {"physical": (2, 2), "cognitive": (0, 1), "emotional": (2, 2)}
    assert report.chance_rate is not None
    assert report.chance_rate < 0.2
    assert report.pattern is PemPattern.REPEATED
    assert "4 of 5 times" in report.describe()


def test_exertion_that_is_usual_for_the_person_is_not_an_event() -> None:
    # Someone who logs physical 7 every day: a 7 is their ordinary day, not an event.
    days = [
        JournalDay(day(i), {"fatigue": 5, "pain": 4}, {"physical": 7, "cognitive": 2})
        for i in range(40)
    ]
    assert find_post_exertional(days).events == ()
    days[20] = JournalDay(day(20), {"fatigue": 5, "pain": 4}, {"physical": 10, "cognitive": 2})
    assert [e.start for e in find_post_exertional(days).events] == [day(20)]


def test_consecutive_exertion_days_make_one_event() -> None:
    events = (Exertion(30, "physical"), Exertion(31, "cognitive", flare=9, delay=2))
    report = find_post_exertional(make_journal(START, 60, exertions=events))
    (event,) = report.events
    assert (event.start, event.end, event.kinds) == (day(30), day(31), ("physical", "cognitive"))
    assert [o.flare_day for o in report.occurrences] == [day(33)]


def test_exertion_with_no_symptoms_logged_around_it_is_not_assessed() -> None:
    days = [*make_journal(START, 20), JournalDay(day(40), exertion={"physical": 9})]
    report = find_post_exertional(days)
    assert len(report.events) == 1
    assert report.assessed == 0
    assert "no symptom ratings" in report.describe()


@settings(max_examples=100, deadline=None)
@given(
    st.lists(st.integers(0, 30), min_size=1, max_size=120),
    st.lists(st.tuples(st.integers(0, 119), st.integers(0, 10)), max_size=15),
)
def test_flares_lie_1_to_3_days_after_an_event_inside_the_data(
    loads: list[int], efforts: list[tuple[int, int]]
) -> None:
    exertion = dict(efforts)
    days = [
        JournalDay(
            day(i),
            {
                "fatigue": min(v, 10),
                "pain": min(max(v - 10, 0), 10),
                "own:x": min(max(v - 20, 0), 10),
            },
            {"physical": exertion.get(i, 1)},
        )
        for i, v in enumerate(loads)
    ]
    report = find_post_exertional(days)
    assert len(report.occurrences) <= report.assessed <= len(report.events)
    for occurrence in report.occurrences:
        assert days[0].day <= occurrence.flare_day <= days[-1].day
        assert 1 <= occurrence.delay_days <= 3
        assert occurrence.rise >= 2
    if report.rate is not None:
        assert 0 <= report.rate <= 1


def _naive_flare_days(days: list[JournalDay]) -> list[dt.date]:
    """The documented rules restated plainly, day by day, as a check on the fast version."""
    loads = {d.day: sum(d.symptoms.values()) for d in days if d.symptoms}
    series = load_series(days)
    spread = series.spread if series else 0.0
    usual = {
        k: statistics.median([d.exertion[k] for d in days if k in d.exertion] or [0])
        for k in ("physical", "cognitive", "emotional")
    }
    busy = [d.day for d in days if any(v >= max(5, usual[k] + 2) for k, v in d.exertion.items())]
    events: list[list[dt.date]] = []
    for when in busy:
        if events and (when - events[-1][-1]).days == 1:
            events[-1].append(when)
        else:
            events.append([when])
    flares = []
    one = dt.timedelta(days=1)
    for event in events:
        before = [loads[event[0] - n * one] for n in range(3) if event[0] - n * one in loads]
        after = [
            (loads[event[-1] + n * one], event[-1] + n * one)
            for n in (1, 2, 3)
            if event[-1] + n * one in loads
        ]
        if not before or not after:
            continue
        reference = sum(before) / len(before)
        best = max(value for value, _ in after)
        if best - reference >= max(2, 0.2 * reference, 1.5 * spread):
            flares.append(next(when for value, when in after if value == best))
    return flares


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.one_of(st.none(), st.integers(0, 30)), min_size=1, max_size=90),
    st.lists(
        st.tuples(
            st.integers(0, 89), st.sampled_from(["physical", "emotional"]), st.integers(0, 10)
        ),
        max_size=12,
    ),
)
def test_fast_detection_matches_the_rules_restated_plainly(
    loads: list[int | None], efforts: list[tuple[int, str, int]]
) -> None:
    exertion: dict[int, dict[str, int]] = {}
    for offset, kind, level in efforts:
        exertion.setdefault(offset, {})[kind] = level
    days = [
        JournalDay(
            day(i),
            {}
            if v is None
            else {
                "fatigue": min(v, 10),
                "pain": min(max(v - 10, 0), 10),
                "sensory": min(max(v - 20, 0), 10),
            },
            exertion.get(i, {"physical": 1}),
        )
        for i, v in enumerate(loads)
    ]
    found = [o.flare_day for o in find_post_exertional(days).occurrences]
    assert found == _naive_flare_days(days)
