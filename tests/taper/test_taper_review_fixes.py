"""Fixes from a review of the taper engine: crossover targets, ambiguous commas, pace warnings."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from benzoapp.core.dose_parse import parse_dose
from benzoapp.core.drugs import DrugCatalog
from benzoapp.core.errors import InputError
from benzoapp.core.model import Plan
from benzoapp.main import main

D = Decimal
MakePlan = Callable[..., Plan]


# 1. A crossover only goes to a long-acting drug.


def test_only_long_acting_drugs_are_crossover_targets(catalog: DrugCatalog) -> None:
    assert set(catalog.crossover_targets()) == {"diazepam", "chlordiazepoxide"}
    for drug in catalog.crossover_targets():
        assert "ASAM 2025 Rec. 7" in catalog.drugs[drug].crossover_source


@pytest.mark.parametrize("target", ["triazolam", "alprazolam", "zolpidem", "Halcion"])
def test_crossover_to_a_short_acting_drug_is_refused(make_plan: MakePlan, target: str) -> None:
    with pytest.raises(InputError) as caught:
        make_plan("diazepam 10mg 22:00", crossover_to=target)
    message = str(caught.value)
    assert "choose chlordiazepoxide or diazepam" in message
    assert "longer-acting" in message
    assert "ASAM 2025 Rec. 7" in message


def test_crossover_to_chlordiazepoxide_still_plans(make_plan: MakePlan) -> None:
    plan = make_plan("lorazepam 1mg 22:00", crossover_to="chlordiazepoxide")
    assert plan.steps[-2].doses[0].drug == "chlordiazepoxide"


def test_cli_refuses_a_short_acting_crossover(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["plan", "--regimen", "diazepam 10mg 22:00", "--crossover", "triazolam"])
    _, err = capsys.readouterr()
    assert code == 2
    assert "cannot switch to triazolam" in err


# 2. "1,000 mcg" could be a thousand or one: refused, never guessed.


@pytest.mark.parametrize("text", ["1,000 mcg", "1,000mcg", "1,500mg", "12,500 mcg", "2,250 mg"])
def test_comma_before_three_digits_is_refused_as_ambiguous(text: str) -> None:
    with pytest.raises(InputError, match="ambiguous") as caught:
        parse_dose(text)
    assert "without the comma" in str(caught.value)


def test_ambiguous_message_offers_both_readings() -> None:
    with pytest.raises(InputError) as caught:
        parse_dose("1,000 mcg")
    assert "Write 1000 mcg or 1.000 mcg" in str(caught.value)


def test_ambiguous_tablet_count_is_refused() -> None:
    with pytest.raises(InputError, match="ambiguous"):
        parse_dose("1,500 tablets of 1 mg")


@pytest.mark.parametrize(
    ("text", "mg"), [("0,5mg", "0.5"), ("1,25 mg", "1.25"), ("0,125 mg", "0.125"), ("1,5mg", "1.5")]
)
def test_unambiguous_decimal_commas_still_read(text: str, mg: str) -> None:
    assert parse_dose(text) == D(mg)


def test_cli_convert_refuses_an_ambiguous_comma(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["convert", "1,000mcg", "clonazepam"])
    _, err = capsys.readouterr()
    assert code == 2
    assert "ambiguous" in err


@given(st.integers(min_value=1, max_value=999), st.integers(min_value=0, max_value=999))
def test_any_comma_with_three_decimals_and_a_whole_part_is_refused(whole: int, frac: int) -> None:
    with pytest.raises(InputError, match="ambiguous"):
        parse_dose(f"{whole},{frac:03d} mg")
