"""Property: no ordinary English word and no close spelling of a knowledge-base name is
ever answered as supportive, unless it is itself a name the knowledge base lists."""

from __future__ import annotations

import itertools
import random
import string

from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import process
from rapidfuzz.distance import OSA

from benzoapp.core.cautions import Checker, Level, load_knowledge_base
from benzoapp.core.cautions.normalise import fold

CHECKER = Checker(load_knowledge_base())
WORDS = sorted(CHECKER.english.words)
NAMES = sorted(
    fold(name)
    for entry in CHECKER.kb.entries.values()
    for name in (*entry.names, *entry.synonyms, *(b.name for b in entry.brands))
) + sorted(fold(name) for product in CHECKER.kb.products.values() for name in product.names)
SUPPORTIVE_NAMES = sorted(
    {
        fold(name)
        for entry in CHECKER.kb.entries.values()
        if entry.level is Level.SUPPORTIVE
        for name in (*entry.names, *entry.synonyms, *(b.name for b in entry.brands))
    }
)
# The supportive names that are one everyday word ("salt", "bath", "heat", "yoga").
SUPPORTIVE_WORDS = [name for name in SUPPORTIVE_NAMES if " " not in name]


def _is_known_name(query: str) -> bool:
    return CHECKER.index.exact(fold(query)) is not None


def _assert_not_supportive_by_spelling(query: str) -> None:
    """Supportive only on exact evidence: the whole query, or a phrase of names with no
    unknown word in it."""
    if not fold(query) or _is_known_name(query):
        return
    result = CHECKER.check(query)
    if result.level is not Level.SUPPORTIVE:
        return
    assert result.match is not None, query
    assert result.match.how in {"phrase", "ingredient", "exact"}, (query, result.match)
    assert not any(n.startswith("Not recognised") for n in result.notes), query
    assert result.suggestions == (), query


def test_a_fixed_sample_of_english_words_is_never_supportive() -> None:
    rng = random.Random(20261202)
    for word in rng.sample(WORDS, 20_000):
        if not _is_known_name(word):
            assert CHECKER.check(word).level is not Level.SUPPORTIVE, word


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(WORDS), st.sampled_from(WORDS))
def test_two_english_words_are_never_supportive_by_spelling(first: str, second: str) -> None:
    _assert_not_supportive_by_spelling(f"{first} {second}")


def _slip(key: str, rng: random.Random) -> str:
    """One typing slip: a letter dropped, added, changed or two swapped."""
    position = rng.randrange(len(key))
    letter = rng.choice(string.ascii_lowercase)
    kind = rng.randrange(4)
    if kind == 0:
        return key[:position] + key[position + 1 :]
    if kind == 1:
        return key[:position] + letter + key[position:]
    if kind == 2:
        return key[:position] + letter + key[position + 1 :]
    if position + 1 < len(key):
        return key[:position] + key[position + 1] + key[position] + key[position + 2 :]
    return key + letter


@settings(max_examples=400, deadline=None)
@given(st.sampled_from(NAMES), st.randoms(use_true_random=False))
def test_a_close_spelling_of_any_name_is_never_supportive(name: str, rng: random.Random) -> None:
    _assert_not_supportive_by_spelling(_slip(name, rng))


def _single_edits(name: str) -> set[str]:
    """Every spelling one slip from ``name``: a letter (or space) dropped, added or
    changed, or two neighbours swapped."""
    letters = string.ascii_lowercase + " "
    edits: set[str] = set()
    for i in range(len(name) + 1):
        if i < len(name):
            edits.add(name[:i] + name[i + 1 :])
            edits.update(name[:i] + c + name[i + 1 :] for c in letters)
        if i + 1 < len(name):
            edits.add(name[:i] + name[i + 1] + name[i] + name[i + 2 :])
        edits.update(name[:i] + c + name[i:] for c in letters)
    edits.discard(name)
    return edits


def test_every_single_slip_of_every_supportive_name_is_never_supportive() -> None:
    """Exhaustive: each of the some 70,000 spellings one slip from a name that could be
    read as supportive (brands included), not a sample."""
    slips = set().union(*(_single_edits(name) for name in SUPPORTIVE_NAMES))
    assert len(slips) > 50_000
    for query in sorted(slips):
        _assert_not_supportive_by_spelling(query)


def test_every_english_word_near_a_supportive_name_is_never_supportive() -> None:
    """Exhaustive over the word list: every ordinary word within two slips of a
    supportive name ("heart" of heat, "meditation" of medication) is not supportive."""
    near = {
        word
        for name in SUPPORTIVE_NAMES
        for word, _, _ in process.extract(
            name, WORDS, scorer=OSA.distance, score_cutoff=2, limit=None
        )
    }
    assert len(near) > 1000
    for word in sorted(near):
        if not _is_known_name(word):
            assert CHECKER.check(word).level is not Level.SUPPORTIVE, word


def test_two_supportive_words_side_by_side_are_never_supportive() -> None:
    """Every pair of one-word supportive names, unjoined ("salt bath", "heat yoga",
    "bath water"): together they may name something else, so never supportive."""
    for first, second in itertools.product(SUPPORTIVE_WORDS, repeat=2):
        query = f"{first} {second}"
        if not _is_known_name(query):
            assert CHECKER.check(query).level is not Level.SUPPORTIVE, query


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(WORDS) | st.sampled_from(SUPPORTIVE_WORDS),
    st.sampled_from(WORDS) | st.sampled_from(SUPPORTIVE_WORDS),
)
def test_an_english_word_beside_a_supportive_word_is_never_supportive(
    first: str, second: str
) -> None:
    """Strict: two words with nothing joining them are supportive only as a listed name."""
    query = f"{first} {second}"
    if not _is_known_name(query):
        assert CHECKER.check(query).level is not Level.SUPPORTIVE, query


# Words that change what a helpful thing is ("hot yoga", "deep heat", "tylenol pm",
# "cbd water"), what is in it, or whether it is taken at all.
MODIFIERS = (
    "hot", "cold", "ice", "intense", "extreme", "fast", "heavy", "strong", "vigorous",
    "deep", "hard", "long", "extra", "herbal", "power", "sports", "infrared", "electric",
    "cbd", "kratom", "salt", "epsom", "magnesium", "lavender", "alcohol", "wine", "no",
    "not", "stop", "avoid", "without", "instead of", "overdose", "too much", "forced",
    "kids", "baby", "night", "pm", "plus", "max", "forte", "ultra", "complex", "blend",
    "cocktail", "spiked", "infused", "with melatonin", "with valerian", "and valium",
)  # fmt: skip


def test_a_supportive_name_with_a_modifier_before_or_after_is_never_supportive() -> None:
    for name in SUPPORTIVE_NAMES:
        for modifier in MODIFIERS:
            for query in (f"{modifier} {name}", f"{name} {modifier}"):
                if not _is_known_name(query):
                    assert CHECKER.check(query).level is not Level.SUPPORTIVE, query
