"""The value an edit returns (Changes) and the rule for values a save would replace unseen."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from benzoapp.core.changes import Changes
from benzoapp.core.journal.overwrite import unseen_replacements
from benzoapp.core.model import JournalDay

DAY = dt.date(2026, 3, 2)


def test_changes_combine_and_say_what_they_touch() -> None:
    both = Changes.of_journal([DAY]) | Changes.of_log([DAY + dt.timedelta(days=1)])
    assert both.touches_journal(DAY)
    assert not both.touches_journal(DAY + dt.timedelta(days=1))
    assert both.touches_log()
    assert not both.touches_plan()
    assert not both.touches_medications()
    everything = Changes.of_everything()
    assert everything.touches_plan()
    assert everything.touches_medications()
    assert everything.touches_journal(DAY)
    assert Changes().is_empty()
    assert not Changes.of_plan().is_empty()


ratings = st.dictionaries(
    st.sampled_from(["fatigue", "pain", "cognitive", "muscle_tension"]),
    st.integers(0, 10),
    max_size=4,
)
days = st.builds(
    JournalDay,
    day=st.just(DAY),
    symptoms=ratings,
    exertion=st.dictionaries(st.sampled_from(["physical", "cognitive"]), st.integers(0, 10)),
    notes=st.sampled_from(["", "slept badly", "a good walk"]),
)


@given(seen=days, written=days)
def test_nothing_is_asked_when_the_stored_day_is_the_one_seen(seen, written) -> None:
    assert unseen_replacements(seen, seen, written) == ()


@given(seen=st.none() | days, stored=st.none() | days, written=days)
def test_every_value_listed_changed_elsewhere_and_would_change_again(seen, stored, written) -> None:
    def value(day: JournalDay | None, kind: str, key: str) -> object:
        if day is None:
            return None
        if kind == "symptom":
            return day.symptoms.get(key)
        if kind == "exertion":
            return day.exertion.get(key)
        return day.notes or None

    for item in unseen_replacements(seen, stored, written):
        assert item.stored == value(stored, item.kind, item.key)
        assert item.stored != value(seen, item.kind, item.key)
        assert item.written == value(written, item.kind, item.key)
        assert item.written != item.stored


def test_a_journal_day_saved_elsewhere_is_listed() -> None:
    seen = JournalDay(DAY, {"fatigue": 0})
    stored = JournalDay(DAY, {"fatigue": 7, "pain": 6})
    written = JournalDay(DAY, {"fatigue": 2, "pain": 6})
    (only,) = unseen_replacements(seen, stored, written)
    assert (only.kind, only.key, only.stored, only.written) == ("symptom", "fatigue", 7, 2)
