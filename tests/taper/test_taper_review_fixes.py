"""Fixes from a review of the taper engine: crossover targets, ambiguous commas, pace warnings."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal
from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from benzoapp.core.dose_parse import parse_dose
from benzoapp.core.drugs import DrugCatalog
from benzoapp.core.errors import InputError
from benzoapp.core.model import (
    Form,
    Plan,
    PlanSettings,
    PlanWarning,
    Regimen,
    RegimenDose,
    Step,
    StepDose,
    WarningLevel,
)
from benzoapp.core.taper import edit_step, insert_hold
from benzoapp.core.taper.warnings import plan_warnings
from benzoapp.main import main
from benzoapp.store.demo import demo_plan

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
    assert "write 1000 mcg or 1.000 mcg" in str(caught.value)


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


# 3. Pace warnings: one large cut is strong whatever came before; holds count in full.


def _by_code(plan: Plan, code: str) -> dict[int | None, PlanWarning]:
    return {w.step_index: w for w in plan.warnings if w.code == code}


def _hand_schedule(catalog: DrugCatalog, mgs: list[str], days: list[int]) -> Plan:
    start = dt.date(2030, 1, 7)
    steps = []
    for index, (mg, length) in enumerate(zip(mgs, days, strict=True)):
        steps.append(Step(index, start, length, (StepDose("diazepam", "22:00", D(mg)),), D(mg)))
        start += dt.timedelta(days=length)
    regimen = Regimen((RegimenDose("diazepam", "22:00", D(mgs[0])),))
    plan = Plan(regimen, PlanSettings(start=steps[0].start), tuple(steps))
    return replace(plan, warnings=plan_warnings(plan, catalog, None))


def test_a_halving_after_a_long_hold_is_strong(make_plan: MakePlan) -> None:
    plan = make_plan("zolpidem 10mg 22:00")
    halved = [
        s.index
        for prev, s in pairwise(plan.steps)
        if prev.doses[0].mg == 10 and s.doses and s.doses[0].mg == 5
    ]
    assert halved, "the plan goes from 10 to 5 mg in one step"
    assert plan.steps[halved[0] - 1].days > 14  # held long before it
    warning = _by_code(plan, "faster_than_25pct_per_2wk")[halved[0]]
    assert warning.level is WarningLevel.STRONG
    assert "50% of the current dose in one step" in warning.message


def test_a_cut_over_a_quarter_is_strong_however_long_the_hold(catalog: DrugCatalog) -> None:
    plan = _hand_schedule(catalog, ["10", "10", "7", "0"], [14, 200, 14, 1])
    assert _by_code(plan, "faster_than_25pct_per_2wk")[2].level is WarningLevel.STRONG
    gentle = _hand_schedule(catalog, ["10", "10", "8", "0"], [14, 200, 14, 1])  # 20% in 214 days
    assert 2 not in _by_code(gentle, "faster_than_25pct_per_2wk")
    assert 2 not in _by_code(gentle, "faster_than_10pct_per_2wk")


def test_days_on_the_same_dose_count_across_a_hold(catalog: DrugCatalog) -> None:
    """13 mg for 14 + 7 days, then 12 mg: 7.7% after 21 days is within 10% per 2 weeks."""
    held = _hand_schedule(catalog, ["13", "13", "12", "0"], [14, 7, 14, 1])
    assert 2 not in _by_code(held, "faster_than_10pct_per_2wk")
    unheld = _hand_schedule(catalog, ["13", "12", "0"], [7, 14, 1])  # 7.7% after 7 days
    warning = _by_code(unheld, "faster_than_10pct_per_2wk")[1]
    assert "after 7 days on the same dose" in warning.message
    # 10 -> 9 after 7 + 7 days is 10% in 14 days: within the pace; after 7 days it is not.
    assert 2 not in _by_code(
        _hand_schedule(catalog, ["10", "10", "9", "0"], [7, 7, 14, 1]),
        "faster_than_10pct_per_2wk",
    )


def test_a_hold_added_to_the_demo_plan_counts_in_full(catalog: DrugCatalog) -> None:
    """The demo's week-long hold: the next cut is measured from the last change, 21 days."""
    plan = demo_plan(dt.date(2030, 1, 7))
    current = 22
    held = insert_hold(plan, current, 7, catalog)
    hold, cut = held.steps[current + 1], held.steps[current + 2]
    assert hold.hold
    assert hold.days == 7
    assert hold.diazepam_equivalent_mg == held.steps[current].diazepam_equivalent_mg
    kept = cut.diazepam_equivalent_mg / hold.diazepam_equivalent_mg
    assert D("0.9") ** 1 < kept < D("0.95")  # a cut of 5-10%: too fast for 7 days alone
    assert cut.index not in _by_code(held, "faster_than_10pct_per_2wk")
    assert not any("after 7 days" in w.message for w in held.warnings)


def test_a_large_stop_to_zero_is_strong(make_plan: MakePlan) -> None:
    plan = make_plan("diazepam 20mg 22:00", final_dose_mg=D(15))
    stop = _by_code(plan, "last_step_to_zero")[len(plan.steps) - 1]
    assert stop.level is WarningLevel.STRONG
    assert "faster than 25% every 2 weeks" in stop.message
    small = make_plan("diazepam 20mg 22:00", form=Form.LIQUID)
    assert _by_code(small, "last_step_to_zero")[len(small.steps) - 1].level is not (
        WarningLevel.STRONG
    )


@pytest.mark.parametrize(
    ("settings", "refused"),
    [({"final_dose_mg": D(25)}, True), ({"final_dose_mg": D(20)}, False)],
)
def test_a_final_dose_above_the_current_dose_is_refused(
    make_plan: MakePlan, settings: dict[str, Decimal], refused: bool
) -> None:
    if refused:
        with pytest.raises(InputError, match=r"final dose \(25 mg\) is more than the 20 mg"):
            make_plan("diazepam 10mg 08:00; diazepam 10mg 22:00", **settings)
    else:
        plan = make_plan("diazepam 10mg 08:00; diazepam 10mg 22:00", **settings)
        assert plan.steps[-1].total_mg == 0


def test_cli_refuses_a_final_dose_above_the_current_dose(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code = main(["plan", "--regimen", "diazepam 10mg 22:00", "--final-dose", "15"])
    assert code == 2
    assert "final dose (15 mg) is more than the 10 mg" in capsys.readouterr().err


# 4. A rise during a crossover is rounding, not a hand edit.


def test_crossover_rounding_up_is_named_as_such(make_plan: MakePlan) -> None:
    plan = make_plan("bromazepam 3mg 08:00; bromazepam 3mg 20:00", crossover_to="diazepam")
    rises = [
        b.index
        for a, b in pairwise(plan.steps)
        if b.diazepam_equivalent_mg > a.diazepam_equivalent_mg
    ]
    assert rises, "this crossover rounds up"
    assert not any("by hand" in w.message for w in plan.warnings)
    assert "dose_increase" not in {w.code for w in plan.warnings}
    rounded = _by_code(plan, "crossover_rounded_up")
    assert sorted(i for i in rounded if i is not None) == rises
    assert "switching to diazepam" in rounded[rises[0]].message


def test_a_hand_raised_dose_still_says_so(make_plan: MakePlan) -> None:
    plan = make_plan("lorazepam 1mg 22:00", crossover_to="diazepam", form=Form.LIQUID)
    up = edit_step(plan, 0, doses=[RegimenDose("lorazepam", "22:00", D("1.5"))])
    later = edit_step(plan, 3, doses=[RegimenDose("diazepam", "22:00", D(10))])
    assert not _by_code(up, "dose_increase")  # the first step has nothing before it
    warning = _by_code(later, "dose_increase")[3]
    assert "as set by hand" in warning.message


@pytest.mark.parametrize("flag", ["--final-dose", "--rate", "--crossover-stage"])
def test_cli_numbers_refuse_an_ambiguous_comma(
    capsys: pytest.CaptureFixture[str], flag: str
) -> None:
    code = main(["plan", "--regimen", "diazepam 10mg 22:00", flag, "1,500"])
    err = capsys.readouterr().err
    assert code == 2
    assert f'"{flag} 1,500" is ambiguous' in err
    assert "write 1500 or 1.500 (without the comma)." in err


def test_cli_numbers_still_read_a_decimal_comma(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(
        ["plan", "--regimen", "diazepam 10mg 22:00", "--final-dose", "0,5", "--rate", "7,5"]
    )
    capsys.readouterr()
    assert code == 0
