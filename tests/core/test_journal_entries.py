"""Journal days: checks, JSON reading and writing, symptom load."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from benzoapp.core.errors import InputError
from benzoapp.core.journal import check_days, days_from_json, days_to_json, symptom_load
from benzoapp.core.model import JournalDay

D = dt.date(2025, 3, 1)


def test_symptom_load_is_the_sum_of_severities() -> None:
    assert symptom_load(JournalDay(D, {"fatigue": 6, "pain": 3, "own:tinnitus": 2})) == 11
    assert symptom_load(JournalDay(D)) == 0


def test_days_come_back_in_date_order() -> None:
    later = JournalDay(D + dt.timedelta(days=1), {"fatigue": 2})
    assert [d.day for d in check_days([later, JournalDay(D, {"fatigue": 1})])] == [D, later.day]


@pytest.mark.parametrize(
    ("days", "message"),
    [
        (
            [JournalDay(D, {"fatigue": 1}), JournalDay(D, {"pain": 2})],
            "two journal entries for 2025-03-01",
        ),
        ([JournalDay(D, {"fatigue": 11})], r"2025-03-01: symptom 'fatigue' is 11; use 0 to 10"),
        ([JournalDay(D, {"fatigue": -1})], "is -1"),
        ([JournalDay(D, {"fatigue": True})], "must be a whole number"),
        ([JournalDay(D, {"fatigue": 2.5})], "must be a whole number"),
        ([JournalDay(D, exertion={"social": 3})], "unknown exertion 'social'"),
        ([JournalDay(D, {" ": 3})], "has no name"),
    ],
)
def test_bad_days_are_refused_with_a_plain_message(days: list[JournalDay], message: str) -> None:
    with pytest.raises(InputError, match=message):
        check_days(days)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"day": "2025-03-01"}, "a JSON list of days"),
        ([{"day": "03/01/2025"}], "entry 1: 'day' must be a date"),
        ([{"day": "2025-03-01"}, {"symptoms": {}}], "entry 2: 'day' must be a date"),
        ([{"day": "2025-03-01", "symptoms": [3]}], "entry 1: 'symptoms' must be an object"),
        ([{"day": "2025-03-01", "symptoms": {"fatigue": "3"}}], "fatigue' must be a whole number"),
        ([{"day": "2025-03-01", "notes": 4}], "'notes' must be text"),
    ],
)
def test_bad_json_names_the_entry(data: Any, message: str) -> None:
    with pytest.raises(InputError, match=message):
        days_from_json(data)


scores = st.dictionaries(st.sampled_from(["fatigue", "pain", "own:x"]), st.integers(0, 10))
exertion = st.dictionaries(
    st.sampled_from(["physical", "cognitive", "emotional"]), st.integers(0, 10)
)


@given(
    st.lists(
        st.builds(JournalDay, day=st.dates(), symptoms=scores, exertion=exertion, notes=st.text()),
        unique_by=lambda d: d.day,
        max_size=20,
    )
)
def test_json_round_trip_keeps_every_day(days: list[JournalDay]) -> None:
    assert days_from_json(days_to_json(days)) == sorted(days, key=lambda d: d.day)
