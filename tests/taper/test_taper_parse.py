"""Dose and regimen input: the accepted shapes, and a clear error for anything else."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from benzoapp.core.decimals import fmt
from benzoapp.core.dose_parse import parse_dose, parse_regimen, parse_time
from benzoapp.core.drugs import DrugCatalog
from benzoapp.core.errors import InputError


@pytest.mark.parametrize(
    ("text", "mg"),
    [
        ("0.5 mg", "0.5"),
        ("0,5mg", "0.5"),
        ("500 mcg", "0.5"),
        ("500µg", "0.5"),
        ("1/2 tablet of 1 mg", "0.5"),
        ("1/4 tablet of 0.5mg", "0.125"),
        ("0.125 mg", "0.125"),
        ("125 mcg", "0.125"),
        ("2 tablets of 5 mg", "10"),
        ("half tablet of 2 mg", "1"),
        ("10 MG", "10"),
    ],
)
def test_accepted_doses(text: str, mg: str) -> None:
    assert parse_dose(text) == Decimal(mg)
    assert fmt(parse_dose(text)) == mg  # never "1E+1" or "0.50"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("0.5", "no unit"),
        ("half", "not a dose"),
        ("0 mg", "not more than zero"),
        ("5 ml", "not a dose"),
        ("1/0 tablet of 1 mg", "divides by zero"),
        ("1/3 tablet of 1 mg", "exactly"),
        ("", "empty"),
        ("0.5 mg twice", "not a dose"),
        ("-1 mg", "cannot be below zero"),
        ("-0,5mg", "cannot be below zero"),
    ],
)
def test_refused_doses_say_why(text: str, message: str) -> None:
    with pytest.raises(InputError, match=message) as caught:
        parse_dose(text)
    assert "0.5 mg" in str(caught.value) or "mg" in str(caught.value)


def test_tablet_strength_is_checked_against_the_drug(catalog: DrugCatalog) -> None:
    assert parse_dose("1/2 tablet of 2 mg", catalog.get("diazepam")) == 1
    with pytest.raises(InputError, match="not listed in 3 mg tablets"):
        parse_dose("1 tablet of 3 mg", catalog.get("diazepam"))


@given(st.integers(min_value=1, max_value=10**6), st.sampled_from([".", ","]))
def test_any_decimal_mg_reads_back_exactly(tenths_of_mcg: int, separator: str) -> None:
    mg = Decimal(tenths_of_mcg) / 10_000
    text = fmt(mg).replace(".", separator)
    whole, _, decimals = text.partition(",")
    if len(decimals) == 3 and int(whole) > 0:  # "1,500": a thousand and five hundred, or 1.5?
        for spaced in (f"{text} mg", f"{text}mg"):
            with pytest.raises(InputError, match="ambiguous"):
                parse_dose(spaced)
        return
    assert parse_dose(f"{text} mg") == mg
    assert parse_dose(f"{text}mg") == mg


@given(st.integers(min_value=1, max_value=10**6))
def test_micrograms_are_thousandths(mcg: int) -> None:
    assert parse_dose(f"{mcg} mcg") * 1000 == mcg


def test_times() -> None:
    assert parse_time("8:00") == "08:00"
    assert parse_time("22h30") == "22:30"
    for bad in ("24:00", "8", "12:60", "noon"):
        with pytest.raises(InputError, match="time of day"):
            parse_time(bad)


def test_regimen(catalog: DrugCatalog) -> None:
    regimen = parse_regimen("Klonopin 1mg 22:00; clonazepam 0,5 mg 8:00", catalog)
    assert [(d.drug, d.time, d.mg) for d in regimen.doses] == [
        ("clonazepam", "08:00", Decimal("0.5")),
        ("clonazepam", "22:00", Decimal(1)),
    ]
    two_word = parse_regimen("Xanax XR 1 mg 08:00", catalog)
    assert two_word.doses[0].drug == "alprazolam"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "empty"),
        ("clonazepam 0.5mg", "time of day|needs a drug"),
        ("aspirin 100mg 08:00", "not a benzodiazepine"),
        ("clonazepam 0.5mg 08:00; clonazepam 1mg 08:00", "listed twice"),
        ("clonazepam 08:00", "needs a drug"),
    ],
)
def test_bad_regimens(catalog: DrugCatalog, text: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        parse_regimen(text, catalog)
