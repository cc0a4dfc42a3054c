"""A product name with a slip or a unit in its extra words is never read as the plain one.

"tylenol 4mg" is Tylenol 4 (with codeine), not 4 mg of acetaminophen; "advil mp" may be
Advil PM (which adds diphenhydramine) as much as Advil with a stray word.
"""

from __future__ import annotations

import random

import pytest

from benzoapp.core.cautions import NOT_COVERED_TEXT, Checker, Level, load_knowledge_base
from benzoapp.core.cautions.kb import strictest
from benzoapp.core.cautions.normalise import fold, normalise_query

KB = load_knowledge_base()
CHECKER = Checker(KB)
# Mildest first, as `strictest` orders them.
ORDER = [Level.SUPPORTIVE, Level.NOT_COVERED, Level.MIXED, Level.CAUTION, Level.AVOID]
DIGITS = "0123456789"
CHARACTERS = "abcdefghijklmnopqrstuvwxyz" + DIGITS


def _extensions() -> list[tuple[str, str, str]]:
    """(plain name key, product name key, extra words) for every curated product name that
    is a shorter known name plus words, where the two lead to different ingredients."""
    found = []
    for product in KB.products.values():
        for name in product.names:
            key = fold(name)
            words = key.split()
            for size in range(1, len(words)):
                base = " ".join(words[:size])
                target = CHECKER.index.exact(base)
                longer = CHECKER.index.exact(key)
                assert longer is not None
                if target is not None and CHECKER.ingredients_of(target) != CHECKER.ingredients_of(
                    longer
                ):
                    found.append((base, key, " ".join(words[size:])))
    return found


EXTENSIONS = _extensions()


def _one_slip(word: str, rng: random.Random) -> str:
    at = rng.randrange(len(word))
    slip = rng.choice(("drop", "add", "change", "swap"))
    if word.isdigit() and slip == "add":
        # after a product's number, a stray character or a unit ("tylenol 4x", "4mg")
        return word + rng.choice(CHARACTERS)
    if slip == "drop":
        return word[:at] + word[at + 1 :]
    if slip == "add":
        return word[:at] + rng.choice(CHARACTERS) + word[at:]
    if slip == "change" or at + 1 == len(word):
        # a digit mistyped is another digit ("tylenol 5"); a letter for it is not a slip
        changed = rng.choice(DIGITS if word[at].isdigit() else CHARACTERS)
        return word[:at] + changed + word[at + 1 :]
    return word[:at] + word[at + 1] + word[at] + word[at + 2 :]


def _level_of(key: str) -> Level:
    target = CHECKER.index.exact(key)
    assert target is not None
    return strictest(KB.entries[i].level for i in CHECKER.ingredients_of(target))


@pytest.mark.parametrize("query", ["tylenol 4x", "tylenol 4l", "tylenol 4mg", "Tylenol 4 mg"])
def test_a_product_number_before_a_unit_stays_in_the_name(query: str) -> None:
    result = CHECKER.check(query)
    assert result.level is Level.NOT_COVERED
    assert result.match is not None
    assert result.match.generic == "Tylenol with Codeine"
    assert set(result.entry_ids) == {"acetaminophen", "codeine"}
    assert "Read 4 as part of the name Tylenol 4, not as a dose." in result.notes


@pytest.mark.parametrize("query", ["Tylenol 500 mg", "tylenol 500mg", "2 Tylenol", "Tylenol"])
def test_a_dose_that_names_no_product_is_still_a_dose(query: str) -> None:
    result = CHECKER.check(query)
    assert result.level is Level.SUPPORTIVE
    assert result.entry_ids == ("acetaminophen",)
    assert normalise_query(query, CHECKER.index.numbered).name_numbers == ()


@pytest.mark.parametrize(
    ("query", "product", "plain"),
    [
        ("advil mp", "Advil PM", "Advil"),
        ("advil p", "Advil PM", "Advil"),
        ("tylenol mp", "Tylenol PM", "Tylenol"),
        ("Tylenol PN tablets", "Tylenol PM", "Tylenol"),
        ("nurofen plsu", "Nurofen Plus", "Nurofen"),
        ("soma compund", "Soma Compound", "Soma"),
    ],
)
def test_a_slip_in_a_product_s_extra_word_offers_both_and_reads_neither(
    query: str, product: str, plain: str
) -> None:
    result = CHECKER.check(query)
    assert result.match is None
    assert result.level is Level.NOT_COVERED
    assert result.entry_ids == ()
    assert result.reasons == ()
    assert [s.name for s in result.suggestions] == [product, plain]
    assert all(s.generic for s in result.suggestions)
    assert NOT_COVERED_TEXT in result.notes


def test_in_a_longer_phrase_the_others_are_still_checked_and_the_product_offered() -> None:
    result = CHECKER.check("advil mp and valium")
    assert result.level is Level.AVOID  # diazepam is still read
    assert "diazepam" in result.entry_ids
    assert "Advil PM" in [s.name for s in result.suggestions]
    assert any("close to Advil PM" in note for note in result.notes)


@pytest.mark.parametrize("query", ["Advil PM", "advil pm tablets", "Tylenol PM", "Nurofen Plus"])
def test_the_product_names_themselves_still_read_as_the_product(query: str) -> None:
    result = CHECKER.check(query)
    assert result.match is not None
    assert result.match.how == "brand"
    assert result.suggestions == ()


def test_single_slips_of_a_product_s_extra_words_never_read_as_the_plain_one_milder() -> None:
    """Every curated product that extends a plain name, with a fixed sample of one-slip
    variants of its extra words, alone and followed by a unit."""
    names = {base for base, _, _ in EXTENSIONS}
    assert {"tylenol", "advil", "nurofen", "soma"} <= names
    assert {"tylenol 4", "tylenol 3", "tylenol pm", "advil pm", "nurofen plus"} <= {
        key for _, key, _ in EXTENSIONS
    }
    rng = random.Random(20261122)
    checked = 0
    for base, key, extra in EXTENSIONS:
        plain = CHECKER.ingredients_of(CHECKER.index.exact(base))  # type: ignore[arg-type]
        longer = CHECKER.index.exact(key)
        assert longer is not None
        floor = strictest((_level_of(key), Level.NOT_COVERED))
        variants = {_one_slip(extra, rng) for _ in range(40)}
        for variant in sorted(variants):
            for typed in (f"{base} {variant}", f"{base} {variant}mg"):
                if CHECKER.index.exact(fold(typed)) is not None or variant == extra:
                    continue
                result = CHECKER.check(typed)
                checked += 1
                if set(result.entry_ids) == plain:
                    assert ORDER.index(result.level) >= ORDER.index(floor), (typed, result)
                if typed.endswith("mg"):
                    continue
                if not any(ch.isdigit() for ch in extra) and fold(variant) == variant:
                    # a slip in a word: the product is offered, or all it contains is read
                    offered = [fold(s.name) for s in result.suggestions]
                    read = CHECKER.ingredients_of(longer) <= set(result.entry_ids)
                    assert key in offered or read, (typed, result)
    assert checked > 200
