"""Clinical guidance in the engine: usual maxima on every step, capped crossovers, and
short-acting drugs that keep their dose times."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from benzoapp.core.dose_parse import parse_regimen
from benzoapp.core.drugs import DrugCatalog, load_catalog
from benzoapp.core.model import (
    Plan,
    PlanSettings,
    PlanWarning,
    RegimenDose,
    Step,
    WarningLevel,
)
from benzoapp.core.taper import build_plan, edit_step
from benzoapp.core.taper.engine import overlap_steps
from benzoapp.core.taper.short_acting import SHORT_ACTING_MAX_HOURS, is_short_acting

D = Decimal
START = dt.date(2030, 1, 7)
MakePlan = Callable[..., Plan]


def _warnings(plan: Plan, code: str) -> list[PlanWarning]:
    return [w for w in plan.warnings if w.code == code]


def _mg(step: Step, drug: str) -> Decimal:
    return sum((d.mg for d in step.doses if d.drug == drug), D(0))


def _max_dose(plan: Plan, drug: str) -> Decimal:
    return max((d.mg for s in plan.steps for d in s.doses if d.drug == drug), default=D(0))


# ---- point 1: usual maxima on every step --------------------------------------------------


def test_a_step_above_the_usual_daily_maximum_is_strong_and_names_figure_and_source(
    make_plan: MakePlan, catalog: DrugCatalog
) -> None:
    plan = make_plan("Klonopin 4mg 22:00", crossover_to="diazepam", crossover_caps=False)
    # 80 mg diazepam a day: above both the daily (30) and the per-dose (10) figures
    daily = _warnings(plan, "above_usual_max")
    dose = _warnings(plan, "above_usual_max_dose")
    assert daily
    assert dose
    usual = catalog.drugs["diazepam"].usual_max_daily_mg
    for warning in daily + dose:
        assert warning.level is WarningLevel.STRONG
        assert warning.source
    assert f"{usual} mg a day" in daily[0].message
    assert "80 mg of diazepam" in daily[0].message
    assert "10 mg per dose" in dose[0].message
    assert daily[0].step_index == 1  # the first diazepam step, not the starting regimen


def test_a_hand_edit_above_the_maximum_is_caught_on_that_step(
    make_plan: MakePlan, catalog: DrugCatalog
) -> None:
    plan = make_plan("diazepam 10mg 22:00")
    assert not _warnings(plan, "above_usual_max")
    edited = edit_step(plan, 3, doses=[RegimenDose("diazepam", "22:00", D(35))], catalog=catalog)
    (warning,) = _warnings(edited, "above_usual_max")
    assert warning.step_index == 3
    assert warning.level is WarningLevel.STRONG


def test_the_starting_regimen_above_the_maximum_is_strong(make_plan: MakePlan) -> None:
    plan = make_plan("alprazolam 2mg 08:00; alprazolam 2mg 14:00; alprazolam 2mg 22:00")
    (warning,) = _warnings(plan, "above_usual_max")
    assert warning.level is WarningLevel.STRONG
    assert warning.step_index == 0
    assert "6 mg of alprazolam a day" in warning.message


def test_a_high_dose_crossover_stays_under_the_daily_cap_and_reduces_the_rest_first(
    make_plan: MakePlan,
) -> None:
    plan = make_plan("Klonopin 4mg 22:00", crossover_to="diazepam")
    assert max(_mg(s, "diazepam") for s in plan.steps) == 30
    (note,) = _warnings(plan, "crossover_capped")
    assert "30 mg a day" in note.message
    assert "Ashton" in note.source
    assert "ASAM 2025 Table 7" in note.source
    # the remaining clonazepam is cut while diazepam is held at the cap
    overlap = overlap_steps(plan)
    assert overlap
    for index in overlap:
        assert _mg(plan.steps[index], "diazepam") == 30
        assert _mg(plan.steps[index], "clonazepam") > 0
    after = plan.steps[overlap[-1] + 1]
    assert _mg(after, "clonazepam") == 0
    assert _mg(after, "diazepam") == 30


def test_three_doses_a_day_share_the_daily_cap(make_plan: MakePlan) -> None:
    plan = make_plan(
        "alprazolam 2mg 08:00; alprazolam 2mg 14:00; alprazolam 2mg 22:00",
        crossover_to="diazepam",
    )
    peak = max(plan.steps, key=lambda s: _mg(s, "diazepam"))
    assert [d.mg for d in peak.doses if d.drug == "diazepam"] == [10, 10, 10]
    assert _max_dose(plan, "diazepam") == 10


@pytest.mark.parametrize(("dose_cap", "daily_cap"), [(D(5), None), (None, D(20)), (D(10), D(15))])
def test_the_person_sets_the_caps(
    make_plan: MakePlan, dose_cap: Decimal | None, daily_cap: Decimal | None
) -> None:
    plan = make_plan(
        "lorazepam 2mg 08:00; lorazepam 2mg 22:00",
        crossover_to="diazepam",
        crossover_max_dose_mg=dose_cap,
        crossover_max_daily_mg=daily_cap,
    )
    for step in plan.steps:
        if dose_cap is not None:
            assert all(d.mg <= dose_cap for d in step.doses if d.drug == "diazepam")
        if daily_cap is not None:
            assert _mg(step, "diazepam") <= daily_cap
    assert _warnings(plan, "crossover_capped")


def test_nhs_scotland_switch_is_under_the_caps_and_unchanged(make_plan: MakePlan) -> None:
    plan = make_plan("lorazepam 1mg 08:00; lorazepam 1mg 22:00", crossover_to="diazepam")
    assert not _warnings(plan, "crossover_capped")
    assert not overlap_steps(plan)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    drug=st.sampled_from(["alprazolam", "clonazepam", "lorazepam", "oxazepam", "temazepam"]),
    units=st.integers(1, 12),
    times=st.sampled_from([("22:00",), ("08:00", "22:00"), ("08:00", "14:00", "22:00")]),
    cap=st.sampled_from([None, D(10), D(20), D(30), D(40)]),
)
def test_no_crossover_step_goes_above_its_daily_cap(
    drug: str, units: int, times: tuple[str, ...], cap: Decimal | None
) -> None:
    catalog = load_catalog()
    strength = catalog.drugs[drug].tablets[0].mg
    regimen = "; ".join(f"{drug} {strength * units}mg {t}" for t in times)
    plan = build_plan(
        parse_regimen(regimen, catalog, confirmed=True),
        PlanSettings(start=START, crossover_to="diazepam", crossover_max_daily_mg=cap),
        catalog,
    )
    limit = cap if cap is not None else catalog.drugs["diazepam"].usual_max_daily_mg
    assert limit is not None
    assert all(_mg(s, "diazepam") <= limit for s in plan.steps)
    # no dose ever rises after the switch, and the plan still ends at zero
    assert plan.steps[-1].total_mg == 0


# ---- point 2: short-acting drugs keep their dose times ------------------------------------


def test_short_acting_threshold_follows_the_half_life_data(catalog: DrugCatalog) -> None:
    short = {d.id for d in catalog.drugs.values() if is_short_acting(d)}
    # NHS SPS's short-acting list, all within the threshold
    assert {"alprazolam", "loprazolam", "lorazepam", "lormetazepam", "oxazepam", "temazepam"} <= (
        short
    )
    assert not {"diazepam", "clonazepam", "nitrazepam", "chlordiazepoxide"} & short
    for drug in catalog.drugs.values():
        within = drug.half_life.max_hours <= SHORT_ACTING_MAX_HOURS
        assert is_short_acting(drug) == (within and drug.half_life.active_metabolite_max is None)


@pytest.mark.parametrize(
    "regimen",
    [
        "alprazolam 1mg 08:00; alprazolam 1mg 14:00; alprazolam 1mg 22:00",
        "lorazepam 1mg 08:00; lorazepam 1mg 22:00",
        "oxazepam 30mg 08:00; oxazepam 15mg 14:00; oxazepam 30mg 22:00",
        "temazepam 20mg 12:00; temazepam 20mg 22:00",
    ],
)
def test_a_short_acting_drug_keeps_every_dose_time_until_the_smallest_amount(
    make_plan: MakePlan, regimen: str
) -> None:
    plan = make_plan(regimen)
    times = {d.time for d in plan.steps[0].doses}
    for step in plan.steps:
        taken = {d.time for d in step.doses if d.mg > 0}
        if taken and taken != times:
            # a time is dropped only once every time is at the smallest amount the form makes
            previous = plan.steps[step.index - 1]
            assert len({d.mg for d in previous.doses}) == 1, step.index
    assert not _warnings(plan, "interdose_withdrawal")


def test_cuts_are_spread_over_the_dose_times(make_plan: MakePlan) -> None:
    plan = make_plan("alprazolam 2mg 08:00; alprazolam 2mg 14:00; alprazolam 2mg 22:00")
    for step in plan.steps:
        amounts = [d.mg for d in step.doses if d.mg > 0]
        if len(amounts) == 3:
            assert max(amounts) - min(amounts) <= D("0.5"), step.index


def test_opting_out_cuts_the_morning_first_and_cautions_with_a_source(
    make_plan: MakePlan,
) -> None:
    plan = make_plan(
        "alprazolam 1mg 08:00; alprazolam 1mg 14:00; alprazolam 1mg 22:00", keep_dose_times=False
    )
    once = [s for s in plan.steps if len([d for d in s.doses if d.mg > 0]) == 1]
    assert once
    assert len(once) > 3
    (warning,) = _warnings(plan, "interdose_withdrawal")
    assert warning.level is WarningLevel.CAUTION
    assert "ASAM 2025 patient guide p.13" in warning.source


def test_a_long_acting_drug_keeps_the_earliest_first_order(make_plan: MakePlan) -> None:
    plan = make_plan("clonazepam 0.5mg 08:00; clonazepam 0.5mg 22:00")
    morning = [_mg_at(s, "08:00") for s in plan.steps]
    assert morning[1] < morning[0]
    assert _mg_at(plan.steps[1], "22:00") == D("0.5")


def _mg_at(step: Step, time: str) -> Decimal:
    return sum((d.mg for d in step.doses if d.time == time), D(0))


@pytest.mark.parametrize(
    ("regimen", "offered"),
    [
        ("alprazolam 0.5mg 22:00", "ASAM 2025 Rec. 7"),
        ("zopiclone 7.5mg 22:00", "PrescQIPP"),
        ("temazepam 20mg 22:00", "PrescQIPP"),
        ("nitrazepam 5mg 22:00", "PrescQIPP"),
    ],
)
def test_a_switch_to_diazepam_is_offered_where_a_guideline_does(
    make_plan: MakePlan, regimen: str, offered: str
) -> None:
    (warning,) = _warnings(make_plan(regimen), "crossover_offered")
    assert offered in warning.source


@pytest.mark.parametrize("regimen", ["diazepam 10mg 22:00", "clonazepam 1mg 22:00"])
def test_no_switch_is_offered_for_long_acting_drugs(make_plan: MakePlan, regimen: str) -> None:
    assert not _warnings(make_plan(regimen), "crossover_offered")


def test_plan_cli_shows_and_takes_the_caps(capsys: pytest.CaptureFixture[str]) -> None:
    from benzoapp.main import main

    regimen = ["plan", "--regimen", "Klonopin 4mg 22:00", "--crossover", "diazepam"]
    assert main([*regimen, "--start", "2030-01-07"]) == 0
    out = capsys.readouterr().out
    assert "Crossover caps (diazepam): 30 mg a day, none per dose time" in out
    assert "[reducing while switching]" in out
    assert (
        main([*regimen, "--crossover-max-daily", "20", "--crossover-max-dose", "10", "--json"]) == 0
    )
    data = json.loads(capsys.readouterr().out)
    assert data["crossover_caps"] == {"per_dose_mg": 10, "daily_mg": 20}
    assert max(d["mg"] for s in data["steps"] for d in s["doses"] if d["drug"] == "diazepam") == 10
    assert main([*regimen, "--no-crossover-caps", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["crossover_caps"] == {"per_dose_mg": None, "daily_mg": None}
    assert max(d["mg"] for s in data["steps"] for d in s["doses"] if d["drug"] == "diazepam") == 80
    assert main(["plan", "--regimen", "alprazolam 1mg 08:00; alprazolam 1mg 22:00", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["crossover_caps"] is None
    assert main(["plan", "--regimen", "x", *regimen[3:], "--crossover-max-daily", "-1"]) == 2
    assert "--crossover-max-daily must be more than 0" in capsys.readouterr().err
