"""The level policy, exhaustively: every combination of up to three readings."""

from __future__ import annotations

import itertools

import pytest

from benzoapp.core.cautions import Checker, Level, load_knowledge_base
from benzoapp.core.cautions.kb import strictest
from benzoapp.core.cautions.policy import (
    LOOKS_LIKE_BENZODIAZEPINE,
    Evidence,
    Reading,
    applies,
    decide,
)

ALL_READINGS = [Reading(level, evidence) for level in Level for evidence in Evidence]
RANK = {Level.SUPPORTIVE: 0, Level.NOT_COVERED: 1, Level.MIXED: 2, Level.CAUTION: 3, Level.AVOID: 4}
# The policy does not depend on the order of the readings, so every multiset of up to
# three readings (with and without an unknown word) covers every case.
COMBINATIONS = [
    (combo, unknown)
    for size in range(4)
    for combo in itertools.combinations_with_replacement(ALL_READINGS, size)
    for unknown in (False, True)
]


def _effective(reading: Reading) -> Level:
    return LOOKS_LIKE_BENZODIAZEPINE if reading.evidence is Evidence.CLASS_RULE else reading.level


def test_the_combinations_cover_every_case() -> None:
    n = len(ALL_READINGS)
    multisets = 1 + n + n * (n + 1) // 2 + n * (n + 1) * (n + 2) // 6
    assert len(COMBINATIONS) == 2 * multisets


def test_order_does_not_matter() -> None:
    for combo, unknown in COMBINATIONS:
        for order in itertools.permutations(combo):
            assert decide(order, unknown_words=unknown) is decide(combo, unknown_words=unknown)


def test_the_policy_holds_for_every_combination() -> None:
    for readings, unknown in COMBINATIONS:
        _check_one(readings, unknown)


def _check_one(readings: tuple[Reading, ...], unknown: bool) -> None:
    level = decide(readings, unknown_words=unknown)
    applied = [_effective(r) for r in readings if applies(r)]
    # 1. close spellings never set the level
    if not applied:
        assert level is Level.NOT_COVERED
    # 2. never milder than the strictest thing named
    for named in applied:
        assert RANK[level] >= RANK[named]
    # 3. an unknown word: never supportive
    if unknown:
        assert level is not Level.SUPPORTIVE
    # 4. a name that looks like a benzodiazepine: at least caution
    if any(r.evidence is Evidence.CLASS_RULE for r in readings):
        assert RANK[level] >= RANK[Level.CAUTION]
    # and the level is always one the readings or the unknown word account for
    assert level in {*applied, Level.NOT_COVERED}
    assert level is strictest([*applied, *([Level.NOT_COVERED] if unknown else [])])


def test_a_close_spelling_alone_is_never_applied_whatever_its_level() -> None:
    for level in Level:
        assert decide([Reading(level, Evidence.CLOSE_SPELLING)]) is Level.NOT_COVERED


CHECKER = Checker(load_knowledge_base())


@pytest.mark.parametrize(
    ("query", "not_offered"),
    [
        ("medication", "meditation"),
        ("heart", "heat"),
        ("waiter", "water"),
        ("hearts", "heat"),
        ("medications", "meditation"),
        ("walker", "walking"),
    ],
)
def test_an_ordinary_english_word_is_never_read_or_offered_by_spelling(
    query: str, not_offered: str
) -> None:
    result = CHECKER.check(query)
    assert result.level is Level.NOT_COVERED
    assert result.match is None
    assert not_offered not in [s.name for s in result.suggestions]


@pytest.mark.parametrize("query", ["potassium", "potassium supplement", "potassium tablets"])
def test_potassium_is_not_magnesium_rich_foods(query: str) -> None:
    result = CHECKER.check(query)
    assert result.level is not Level.SUPPORTIVE
    assert "magnesium-potassium-foods" not in result.entry_ids


@pytest.mark.parametrize(
    ("query", "level"),
    [
        ("xyzazolam", Level.CAUTION),
        ("brombazepam", Level.CAUTION),
        ("qwertazepam 2mg", Level.CAUTION),
        ("someclone", Level.CAUTION),
        ("qwertypidem", Level.CAUTION),
        ("xyzazolam and tylenol", Level.CAUTION),
        ("cyclone", Level.NOT_COVERED),  # an English word ending in -clone
    ],
)
def test_an_unknown_name_ending_like_a_benzodiazepine_is_caution(query: str, level: Level) -> None:
    result = CHECKER.check(query)
    assert result.level is level
    if level is Level.CAUTION:
        assert any("looks like the name of a benzodiazepine" in n for n in result.notes)


@pytest.mark.parametrize(
    ("query", "level"),
    [
        ("walking pneumonia", Level.NOT_COVERED),
        ("water pills", Level.NOT_COVERED),
        ("massage gun", Level.NOT_COVERED),
        ("yoga for anxiety", Level.SUPPORTIVE),
        ("acupuncture for anxiety", Level.MIXED),
        ("heat and stretching", Level.SUPPORTIVE),
        ("tylenol and xyzazolam", Level.CAUTION),
        ("tylenol for pain", Level.SUPPORTIVE),
        ("tylenol for sleep", Level.NOT_COVERED),  # may mean a night-time product
        ("ginger ale", Level.NOT_COVERED),  # not alcohol
        ("hot yoga", Level.NOT_COVERED),
        ("bath salts", Level.CAUTION),  # may hold Epsom salt: its own entry
        ("tonic water", Level.NOT_COVERED),
    ],
)
def test_a_phrase_is_never_milder_than_what_it_names_nor_supportive_with_unknown_words(
    query: str, level: Level
) -> None:
    assert CHECKER.check(query).level is level


def test_an_unknown_word_in_a_phrase_offers_its_close_spelling_without_applying_it() -> None:
    result = CHECKER.check("tylenol and xanaxx")
    assert result.level is Level.NOT_COVERED  # Tylenol is supportive; xanaxx is unknown
    assert result.entry_ids == ("acetaminophen",)  # xanaxx was not read as alprazolam
    assert result.suggestions[0].name == "Xanax"
