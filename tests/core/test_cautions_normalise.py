"""The query normaliser: examples and properties (hypothesis)."""

from __future__ import annotations

import string

from hypothesis import given
from hypothesis import strategies as st

from benzoapp.core.cautions.normalise import (
    FORM_WORDS,
    ROUTE_WORDS,
    UNIT_WORDS,
    fold,
    normalise_query,
    without_salt,
)

NAME_WORD = st.text(alphabet=string.ascii_lowercase, min_size=3, max_size=12).filter(
    lambda w: w not in FORM_WORDS | ROUTE_WORDS | UNIT_WORDS
)
NAME = st.lists(NAME_WORD, min_size=1, max_size=3).map(" ".join)
DOSE = st.decimals(min_value=0, max_value=1000, places=3, allow_nan=False, allow_infinity=False)
UNIT = st.sampled_from(["mg", "mcg", "ml", "g", "µg", "MG", "mg/ml"])
FORM = st.sampled_from(sorted(FORM_WORDS | ROUTE_WORDS))


def test_examples() -> None:
    assert fold("Épsom-Salt  BATH!") == "epsom salt bath"
    assert fold("β-phenyl-GABA") == "beta phenyl gaba"
    n = normalise_query("Xanax XR 0,5mg tablets")
    assert (n.text, n.core) == ("xanax xr 0.5 mg tablets", "xanax")
    assert n.set_aside == ("xr", "0.5", "mg", "tablets")
    assert normalise_query("ibuprofen gel").routes == ("gel",)
    assert normalise_query("10 mg").core == ""
    assert without_salt("zolpidem tartrate") == "zolpidem"
    assert without_salt("sodium") == "sodium"


@given(st.text())
def test_never_raises_and_folds_to_plain_words(text: str) -> None:
    n = normalise_query(text)
    assert n.text == fold(n.text)  # folding is idempotent
    assert all(ch in string.ascii_lowercase + string.digits + " ." for ch in n.text)
    core = n.core.split()
    for position, word in enumerate(core):
        if any(ch.isdigit() for ch in word):
            # a number stays only as part of a name ("tylenol 3"), straight after a word
            assert position > 0
            assert not any(ch.isdigit() for ch in core[position - 1])


@given(st.text())
def test_core_words_come_from_the_query_in_order(text: str) -> None:
    n = normalise_query(text)
    tokens = iter(n.text.split())
    assert all(word in tokens for word in n.core.split())  # a subsequence of the input


@given(NAME, DOSE, UNIT, FORM)
def test_dose_and_form_words_do_not_change_the_name(
    name: str, dose: object, unit: str, form: str
) -> None:
    plain = normalise_query(name).core
    assert normalise_query(f"{name} {dose}{unit} {form}").core == plain
    assert normalise_query(f"{name.upper()} {dose} {unit} {form}s").core in {
        plain,
        f"{plain} {form}s",
    }


@given(NAME)
def test_normalising_the_core_again_changes_nothing(name: str) -> None:
    core = normalise_query(name).core
    assert normalise_query(core).core == core
