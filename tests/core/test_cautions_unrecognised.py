"""Unrecognised words and product numbers: nothing unknown ever reads as supportive.

A word the checker does not know may change what a product is (Tylenol Cold and Flu,
Panadol Night), and a bare number after a brand may name a different product (Tylenol
No. 3 is acetaminophen with codeine), so neither may leave a phrase reading as supportive.
"""

from __future__ import annotations

import string

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz, process

from benzoapp.core.cautions import NOT_COVERED_TEXT, Checker, Level, load_knowledge_base
from benzoapp.core.cautions.checker import FILLER_WORDS
from benzoapp.core.cautions.kb import KnowledgeBase
from benzoapp.core.cautions.matching import SUGGEST_SCORE
from benzoapp.core.cautions.normalise import (
    FORM_WORDS,
    ROUTE_WORDS,
    SALT_WORDS,
    UNIT_WORDS,
    fold,
    normalise_query,
)

KB = load_knowledge_base()
CHECKER = Checker(KB)


def _names(kb: KnowledgeBase, level: Level) -> list[str]:
    names: set[str] = set()
    for entry in kb.entries.values():
        if entry.level is level:
            names.update((*entry.names, *entry.synonyms, *entry.category_words))
            names.update(brand.name for brand in entry.brands)
    return sorted(names)


SUPPORTIVE_NAMES = _names(KB, Level.SUPPORTIVE)
# Every word of every known name: a word outside these is unknown to the checker.
KNOWN_WORDS = frozenset(
    word
    for entry in KB.entries.values()
    for name in (
        *entry.names,
        *entry.synonyms,
        *entry.category_words,
        *(b.name for b in entry.brands),
    )
    for word in fold(name).split()
) | frozenset(word for p in KB.products.values() for n in p.names for word in fold(n).split())
UNKNOWN_WORD = st.text(alphabet=string.ascii_lowercase, min_size=2, max_size=12).filter(
    lambda w: (
        w not in KNOWN_WORDS | FILLER_WORDS | FORM_WORDS | ROUTE_WORDS | UNIT_WORDS
        and w not in SALT_WORDS
    )
)


@pytest.fixture(scope="module")
def checker() -> Checker:
    return CHECKER


@pytest.mark.parametrize(
    "query",
    [
        "Tylenol 3",
        "Tylenol-3",
        "Tylenol 4",
        "Tylenol #3",
        "Tylenol No. 4",
        "Tylenol with Codeine",
        "tylenol 3 tablets",
    ],
)
def test_tylenol_with_codeine_reads_as_acetaminophen_and_codeine(
    checker: Checker, query: str
) -> None:
    result = checker.check(query)
    assert result.level is Level.NOT_COVERED
    assert result.match is not None
    assert result.match.generic == "Tylenol with Codeine"
    assert [(i.name, i.level) for i in result.ingredients] == [
        ("acetaminophen", Level.SUPPORTIVE),
        ("codeine", Level.NOT_COVERED),
    ]
    assert "The documents do not cover codeine; ask your prescriber or pharmacist." in (
        result.notes
    )


@pytest.mark.parametrize(
    ("query", "opioid"),
    [
        ("oxycodone and acetaminophen", "oxycodone"),
        ("acetaminophen/hydrocodone", "hydrocodone"),
        ("acetaminophen-oxycodone", "oxycodone"),
        ("Tylenol and tramadol", "tramadol"),
        ("co-codamol", "codeine"),
        ("Co-codamol 30/500 tablets", "codeine"),
        ("Panadeine Forte", "codeine"),
        ("co-dydramol", "dihydrocodeine"),
        ("Percocet", "oxycodone"),
        ("Norco", "hydrocodone"),
        ("Vicodin", "hydrocodone"),
    ],
)
def test_an_opioid_with_acetaminophen_is_not_covered_and_carries_the_fda_warning(
    checker: Checker, query: str, opioid: str
) -> None:
    result = checker.check(query)
    assert result.level is Level.NOT_COVERED
    assert {(i.name, i.level) for i in result.ingredients} == {
        ("acetaminophen", Level.SUPPORTIVE),
        (opioid, Level.NOT_COVERED),
    }
    warning = [r for r in result.reasons if r.about == opioid]
    assert len(warning) == 1
    assert warning[0].outside
    assert not warning[0].section
    assert "Food and Drug Administration" in warning[0].source
    assert "2016" in warning[0].source
    assert warning[0].source_label.startswith("from beyond the three documents: ")


@pytest.mark.parametrize(
    "opioid",
    [
        "codeine",
        "oxycodone",
        "hydrocodone",
        "tramadol",
        "morphine",
        "methadone",
        "buprenorphine",
        "fentanyl",
        "hydromorphone",
        "tapentadol",
        "dihydrocodeine",
    ],
)
def test_opioid_entries_stay_not_covered_with_an_outside_reason(opioid: str) -> None:
    entry = KB.entries[opioid]
    assert entry.level is Level.NOT_COVERED
    assert entry.reasons
    assert all(r.source.outside for r in entry.reasons)
    assert "benzodiazepine" in entry.reasons[0].text


@pytest.mark.parametrize(
    ("query", "unrecognised"),
    [
        ("Tylenol Simply Sleep", "simply sleep"),
        ("Panadol Night", "night"),
        ("Tylenol Cold and Flu", "cold flu"),
        ("Panadol 3", "3"),  # no product of that name: the 3 is still not a dose
        ("Panadol Extra", "extra"),
        ("gentle massage oil", "oil"),
    ],
)
def test_unrecognised_words_make_a_supportive_phrase_not_covered(
    checker: Checker, query: str, unrecognised: str
) -> None:
    result = checker.check(query)
    assert result.level is Level.NOT_COVERED
    assert result.match is not None  # what was found is still shown
    assert f"Not recognised, so not checked: {unrecognised}." in " ".join(result.notes)
    assert NOT_COVERED_TEXT in result.notes


@pytest.mark.parametrize(
    ("query", "level"),
    [
        ("valium for jet lag", Level.AVOID),
        ("ibuprofen for my bad back", Level.CAUTION),
        ("cbd oil gummies", Level.MIXED),
        ("Xanax 0.5", Level.AVOID),
    ],
)
def test_unrecognised_words_never_soften_a_stricter_level(
    checker: Checker, query: str, level: Level
) -> None:
    result = checker.check(query)
    assert result.level is level
    assert any(n.startswith("Not recognised, so not checked:") for n in result.notes)


@pytest.mark.parametrize(
    "query",
    ["Tylenol 500 mg", "Tylenol 500mg tablets", "2 Tylenol", "taking tylenol", "tylenol and advil"],
)
def test_doses_counts_and_filler_words_are_not_unrecognised(checker: Checker, query: str) -> None:
    result = checker.check(query)
    assert not any(n.startswith("Not recognised") for n in result.notes)
    assert "acetaminophen" in result.entry_ids


def test_a_bare_number_after_a_name_stays_in_the_name() -> None:
    assert normalise_query("Tylenol 3").core == "tylenol 3"
    assert normalise_query("Tylenol #3 tablets").core == "tylenol 3"
    assert normalise_query("Tylenol 500 mg").core == "tylenol"
    assert normalise_query("2 tylenol").core == "tylenol"
    assert normalise_query("10 mg x 2").core == ""


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(SUPPORTIVE_NAMES), UNKNOWN_WORD, st.booleans())
def test_a_supportive_name_with_an_unknown_word_is_never_supportive(
    name: str, word: str, word_first: bool
) -> None:
    # A close spelling of a known word ("heat pacs") is a misspelling, shown as a fuzzy
    # match with its score and a "read as" note; that is not an unknown word.
    close = process.extractOne(word, KNOWN_WORDS, scorer=fuzz.ratio, score_cutoff=SUGGEST_SCORE)
    assume(close is None)
    query = f"{word} {name}" if word_first else f"{name} {word}"
    result = CHECKER.check(query)
    assert result.level is not Level.SUPPORTIVE, (query, result.notes)


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(SUPPORTIVE_NAMES), st.integers(min_value=0, max_value=99))
def test_a_supportive_name_with_a_bare_number_is_never_supportive(name: str, number: int) -> None:
    result = CHECKER.check(f"{name} {number}")
    assert result.level is not Level.SUPPORTIVE, (name, number, result.notes)


@pytest.mark.parametrize(
    ("query", "opioid"),
    [("Suboxone", "buprenorphine"), ("MS Contin", "morphine"), ("Durogesic", "fentanyl")],
)
def test_opioid_brands_carry_the_fda_warning(checker: Checker, query: str, opioid: str) -> None:
    result = checker.check(query)
    assert result.level is Level.NOT_COVERED
    assert result.match is not None
    assert result.match.generic == opioid
    assert any("Food and Drug Administration" in r.source for r in result.reasons)
