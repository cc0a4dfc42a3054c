"""Whole tablets and whole bottles per prescription period (issue 17, point 2)."""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
from decimal import ROUND_CEILING, Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from benzoapp.cli.plan_exports import add_print_arguments, options_from_args
from benzoapp.core.drugs import load_catalog
from benzoapp.core.errors import InputError
from benzoapp.core.model import Form, PlanSettings, Regimen, RegimenDose
from benzoapp.core.taper import build_plan, pill_counts
from benzoapp.report.data import PharmacyRow, ReportData, ReportOptions
from benzoapp.report.dispense import whole_units_per_period
from benzoapp.report.from_core import pharmacy_rows
from benzoapp.report.pdf_plan import render_plan_pdf_bytes

from .conftest import pdf_pages_text

quarters = st.integers(min_value=0, max_value=400).map(lambda n: Decimal(n) / 4)


@given(st.lists(quarters, max_size=30), st.sampled_from([Decimal(1), Decimal(2), Decimal(100)]))
def test_each_period_gets_whole_units_covering_its_use_and_no_more(
    used: list[Decimal], size: Decimal
) -> None:
    counts = whole_units_per_period(used, size)
    assert len(counts) == len(used)
    assert all(isinstance(c, int) and c >= 0 for c in counts)
    need = Decimal(0)
    given_out = 0
    for amount, count in zip(used, counts, strict=True):
        need += amount
        given_out += count
        assert given_out * size >= need  # nobody runs out before the next prescription
        assert (given_out - 1) * size < need or count == 0  # and nothing extra piles up
    total = (sum(used, Decimal(0)) / size).to_integral_value(ROUND_CEILING)
    assert given_out == total


def test_a_half_tablet_carries_into_the_next_period() -> None:
    assert whole_units_per_period([Decimal("17.5"), Decimal("17.5")], Decimal(1)) == (18, 17)


def _plan(form: Form) -> object:
    regimen = Regimen(doses=(RegimenDose("diazepam", "08:00", Decimal(10)),))
    return build_plan(regimen, PlanSettings(start=dt.date(2025, 1, 6), form=form))


def test_tablet_plan_prints_whole_tablets_per_period_with_the_amount_used() -> None:
    plan = _plan(Form.TABLET)
    rows = pharmacy_rows(plan, pill_counts(plan, load_catalog()), 28)
    assert rows
    for row in rows:
        assert sum(row.dispense) == row.total.to_integral_value(ROUND_CEILING)
    data = ReportData(
        plan=plan,
        pharmacy=rows,
        options=ReportOptions(generated_on=plan.steps[0].start),
    )
    text = " ".join(pdf_pages_text(render_plan_pdf_bytes(data)))
    pharmacy = text[text.index("For the pharmacy") :]
    for row in rows:
        for period, count in enumerate(row.dispense):
            if row.per_period[period] > 0:
                used = f"{row.per_period[period].normalize():f}"
                assert (
                    f"{count} tablet{'s' if count != 1 else ''} ({used} tablets used)" in pharmacy
                )
    # never a fraction of a tablet to dispense
    assert not __import__("re").search(r"\d\.\d+ tablets \(", pharmacy)


def test_liquid_plan_counts_whole_bottles_with_their_volume() -> None:
    plan = _plan(Form.LIQUID)
    counts = pill_counts(plan, load_catalog())
    rows = pharmacy_rows(plan, counts, 28, Decimal(150))
    liquid = [r for r in rows if r.unit == "ml"]
    assert liquid
    for row in liquid:
        assert row.bottle_ml == Decimal(150)
        assert sum(row.dispense) == (row.total / 150).to_integral_value(ROUND_CEILING)
    data = ReportData(
        plan=plan,
        pharmacy=rows,
        options=ReportOptions(generated_on=plan.steps[0].start, bottle_ml=Decimal(150)),
    )
    text = " ".join(pdf_pages_text(render_plan_pdf_bytes(data)))
    first = liquid[0]
    count = first.dispense[0]
    assert f"{count} bottle{'s' if count != 1 else ''} of 150 ml" in text
    assert "ml used)" in text


def test_hand_made_rows_without_counts_are_counted_whole() -> None:
    row = PharmacyRow("diazepam", Decimal(2), Decimal(35), (Decimal("17.5"), Decimal("17.5")))
    assert row.whole_counts == (18, 17)
    bottles = dataclasses.replace(row, unit="ml", per_period=(Decimal(90), Decimal(90)))
    assert bottles.whole_counts == (1, 1)
    assert bottles.dispense_unit == "bottles"


def test_bottle_size_option() -> None:
    parser = argparse.ArgumentParser()
    add_print_arguments(parser)
    assert options_from_args(parser.parse_args(["--bottle-ml", "150"])).bottle_ml == 150
    assert options_from_args(parser.parse_args([])).bottle_ml == 100
    for bad in ("0", "-5", "nan", "lots", "9000"):
        with pytest.raises(SystemExit):
            parser.parse_args(["--bottle-ml", bad])
    with pytest.raises(InputError):
        ReportOptions(bottle_ml=Decimal(0))


def test_a_period_covered_by_what_is_left_says_so() -> None:
    from benzoapp.report.pdf.pharmacy import dispense_text

    bottles = PharmacyRow(
        "diazepam", Decimal(1), Decimal(135), (Decimal(90), Decimal(5), Decimal(40)), unit="ml"
    )
    assert bottles.whole_counts == (1, 0, 1)
    assert "none new (5 ml used, left from the bottle already open)" in dispense_text(bottles, 1)
    assert "1 bottle of 100 ml (40 ml used)" in dispense_text(bottles, 2)
