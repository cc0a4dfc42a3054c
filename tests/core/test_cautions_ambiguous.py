"""A spelling one slip from two different medicines is read as neither: both are offered,
each saying what it is, and nothing is checked in their place."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from benzoapp.cli.commands.check import format_result
from benzoapp.core.cautions import NOT_COVERED_TEXT, Checker, Level, load_knowledge_base
from benzoapp.core.cautions.matching import (
    MIN_FUZZY_LENGTH,
    PLAUSIBLE_FLOOR,
    max_edits,
    plausible_misspelling,
)
from benzoapp.core.cautions.normalise import fold, normalise_query

KB = load_knowledge_base()
CHECKER = Checker(KB)
KEYS = sorted(
    {fold(name) for name in CHECKER.completions()}
    | {fold(name) for entry in KB.entries.values() for name in entry.synonyms}
)
LETTERS = "abcdefghijklmnopqrstuvwxyz"


def _readings(query: str) -> dict[frozenset[str], list[str]]:
    """Every different thing the query could be a plausible misspelling of, found by edit
    distance over every known name (not by the checker's own similarity look-up)."""
    norm = normalise_query(query)
    key = norm.core or norm.text
    if len(key.replace(" ", "")) < MIN_FUZZY_LENGTH:
        return {}
    readings: dict[frozenset[str], list[str]] = {}
    hits = process.extract(key, KEYS, scorer=OSA.distance, score_cutoff=3, limit=None)
    for name, _, _ in hits:
        target = CHECKER.index.exact(name)
        assert target is not None, name
        if not target.medicine and key != norm.text:
            continue
        if plausible_misspelling(key, name, KB.stems):
            readings.setdefault(CHECKER.ingredients_of(target), []).append(name)
    return readings


def _entry_of(name: str) -> str:
    target = CHECKER.index.exact(fold(name))
    assert target is not None, name
    return target.id


# (typed, the two things it is one slip from, in the order offered). Each was read as the
# first or the second before, whatever the other's level.
AMBIGUOUS = [
    ("nuofen", ["Nurofen", "Noofen"]),  # ibuprofen (caution) or phenibut (avoid)
    ("nrofen", ["Nurofen", "Noofen"]),
    ("norofen", ["Noofen", "Nurofen"]),
    ("zanac", ["Zantac", "alprazolam"]),  # ranitidine, or the misspelling "zanax"
    ("methalone", ["methadone", "metaxalone"]),  # an opioid or a muscle relaxant (avoid)
    ("clonipine", ["clonidine", "clonazepam"]),  # via "clonopin"; a look-alike pair
    ("somae", ["Soma", "Somac"]),  # carisoprodol (avoid) or pantoprazole
    ("somae", ["Soma", "Somac"]),
]


@pytest.mark.parametrize(("typed", "names"), AMBIGUOUS)
def test_a_spelling_close_to_two_medicines_is_read_as_neither(typed: str, names: list[str]) -> None:
    result = CHECKER.check(typed)
    assert result.match is None
    assert result.level is Level.NOT_COVERED
    assert result.entry_ids == ()
    assert result.reasons == ()
    assert [s.name for s in result.suggestions][: len(names)] == names
    assert NOT_COVERED_TEXT in result.notes
    assert any("close to more than one" in note for note in result.notes)
    text = format_result(result)
    assert f"{typed}: NOT COVERED" in text
    for suggestion in result.suggestions:
        assert suggestion.generic
        assert suggestion.what
        assert f"    - {suggestion.label}" in text


@pytest.mark.parametrize(
    ("typed", "label"),
    [
        ("nuofen", "Noofen (phenibut, a supplement that acts on GABA)"),
        ("zanac", "alprazolam (a benzodiazepine)"),
        ("methalone", "metaxalone (a muscle relaxant)"),
        ("clonipine", "clonazepam (a benzodiazepine)"),
        ("somae", "Soma (carisoprodol, a muscle relaxant)"),
    ],
)
def test_the_stricter_reading_is_offered_with_what_it_is(typed: str, label: str) -> None:
    assert label in [s.label for s in CHECKER.check(typed).suggestions]


def test_a_look_alike_is_not_hidden_when_it_is_itself_a_plausible_reading() -> None:
    """Clonidine lists clonazepam as not to be confused with it; that must not remove
    clonazepam from the suggestions when the spelling could be either."""
    assert "clonazepam" in KB.entries["clonidine"].not_to_confuse_with
    result = CHECKER.check("clonipine")
    generics = [s.generic for s in result.suggestions]
    assert generics == ["clonidine", "clonazepam"]


def test_more_readings_than_suggestions_says_how_many_more() -> None:
    """Noroxin, naproxen, Noofen and Nurofen are each a plausible reading of "noroxen";
    the fewest slips come first and the note says one more was not shown."""
    assert len(_readings("noroxen")) == 4
    result = CHECKER.check("noroxen")
    assert result.match is None
    assert [s.name for s in result.suggestions][:1] == ["Noroxin"]
    assert len(result.suggestions) == 3
    assert any("and 1 more (type more of the name" in note for note in result.notes)


@pytest.mark.parametrize("typed", ["Nurofen", "Noofen", "Zantac", "zanax", "Soma", "Somac"])
def test_the_names_themselves_still_read_as_themselves(typed: str) -> None:
    result = CHECKER.check(typed)
    assert result.match is not None
    assert result.match.how in {"brand", "exact", "synonym"}
    assert result.entry_ids == (_entry_of(typed),)


@pytest.mark.parametrize(
    ("typed", "generic"),
    [
        ("gabapentn", "gabapentin"),
        ("alprazolm", "alprazolam"),
        ("klonidine", "clonidine"),
        ("melatonine", "melatonin"),
        ("sertralin", "sertraline"),
        ("Restorill", "temazepam"),
        ("heat pacs", "heat therapy"),
    ],
)
def test_a_misspelling_with_one_plausible_reading_is_offered_never_applied(
    typed: str, generic: str
) -> None:
    assert len(_readings(typed)) == 1
    result = CHECKER.check(typed)
    assert result.match is None
    assert result.level is Level.NOT_COVERED
    assert result.reasons == ()
    assert result.suggestions[0].generic == generic


def test_no_plausible_misspelling_scores_below_the_fuzzy_floor() -> None:
    """k slips in two words of length n leave a ratio of at least 100 * (1 - k / n)."""
    for length in range(MIN_FUZZY_LENGTH, 80):
        assert 100 * (1 - max_edits(length) / length) >= PLAUSIBLE_FLOOR, length
    # the worst case: two slips in seven letters, plausible, well below SUGGEST_SCORE
    assert plausible_misspelling("abcdxyg", "abcdefg")
    assert fuzz.ratio("abcdxyg", "abcdefg") >= PLAUSIBLE_FLOOR


def _one_slip(key: str, rng: random.Random) -> str:
    """The key with one typing slip: a letter dropped, added, changed, or two swapped."""
    at = rng.randrange(len(key))
    slip = rng.choice(("drop", "add", "change", "swap"))
    if slip == "drop":
        return key[:at] + key[at + 1 :]
    if slip == "add":
        return key[:at] + rng.choice(LETTERS) + key[at:]
    if slip == "change" or at + 1 == len(key):
        return key[:at] + rng.choice(LETTERS) + key[at + 1 :]
    return key[:at] + key[at + 1] + key[at] + key[at + 2 :]


def _assert_never_read_as_one_of_two(typed: str) -> None:
    result = CHECKER.check(typed)
    if result.match is not None and result.match.how != "fuzzy":
        return  # an exact name, synonym or phrase: no spelling was guessed
    norm = normalise_query(typed, CHECKER.index.numbered)
    if any(CHECKER.index.phrase(tokens)[0] for tokens in (norm.tokens, norm.core_tokens)):
        # a name found in a phrase ("tylenol km"), whose extra words may be a slip in a
        # longer name: tests/core/test_cautions_phrase_products.py
        return
    readings = _readings(typed)
    if len(readings) > 1:
        assert result.match is None, (typed, result.match, readings)
        assert result.level is Level.NOT_COVERED
        assert result.entry_ids == ()
        if CHECKER.english.all_ordinary(norm.core or norm.text):
            assert result.suggestions == ()  # an ordinary word is not offered a spelling
            return
        assert len(result.suggestions) == min(len(readings), 3), (typed, readings)
        offered = {
            CHECKER.ingredients_of(t)
            for s in result.suggestions
            if (t := CHECKER.index.exact(fold(s.name))) is not None
        }
        assert offered <= set(readings), (typed, readings)
    elif result.match is not None:
        assert set(readings) == {frozenset(result.entry_ids)}, (typed, readings)


def test_single_slips_of_known_names_are_never_read_as_one_of_two_readings() -> None:
    """A fixed sample of one-slip variants of every kind of name in the knowledge base."""
    assert len(KEYS) == len(CHECKER.index)  # every name the checker knows is varied
    rng = random.Random(20261122)
    long_enough = [key for key in KEYS if len(key) >= MIN_FUZZY_LENGTH - 1]
    variants = {_one_slip(rng.choice(long_enough), rng) for _ in range(2000)}
    ambiguous = 0
    for typed in sorted(variants):
        _assert_never_read_as_one_of_two(typed)
        ambiguous += len(_readings(typed)) > 1
    assert ambiguous > 0  # the sample does reach the case it is about


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(KEYS), st.randoms(use_true_random=False))
def test_any_single_slip_is_never_read_as_one_of_two_readings(key: str, rng: random.Random) -> None:
    _assert_never_read_as_one_of_two(_one_slip(key, rng))
