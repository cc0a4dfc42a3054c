"""Plans from the engine: published schedules, each method, forms, stop rule, warnings."""

from __future__ import annotations

import datetime as dt
import os
import time
from collections.abc import Callable, Iterator
from decimal import Decimal
from itertools import pairwise

import pytest

from benzoapp.core.drugs import DrugCatalog
from benzoapp.core.errors import InputError
from benzoapp.core.model import (
    Form,
    Method,
    Plan,
    PlanSettings,
    Profile,
    Regimen,
    RegimenDose,
    Step,
    StepDose,
    TabletStrength,
)
from benzoapp.core.taper import build_plan
from benzoapp.core.taper.warnings import plan_warnings

D = Decimal
MakePlan = Callable[..., Plan]


def doses(step: Step) -> list[tuple[str, str, str]]:
    return [(d.time, d.drug, format(d.mg, "f")) for d in step.doses if d.mg > 0]


def codes(plan: Plan) -> dict[str, list[int | None]]:
    found: dict[str, list[int | None]] = {}
    for w in plan.warnings:
        found.setdefault(w.code, []).append(w.step_index)
    return found


def test_nhs_scotland_lorazepam_crossover_schedule(make_plan: MakePlan) -> None:
    """NHS Scotland reduction schedule: lorazepam 1 mg twice daily to diazepam, then 1 mg cuts."""
    plan = make_plan(
        "lorazepam 1mg 08:00; lorazepam 1mg 22:00",
        method=Method.LINEAR,
        rate_percent=D(5),  # 1 mg of the 20 mg diazepam equivalent per step
        crossover_to="diazepam",
    )
    expected = [
        [("08:00", "lorazepam", "1"), ("22:00", "lorazepam", "1")],
        [("08:00", "lorazepam", "1"), ("22:00", "diazepam", "10")],
        [("08:00", "diazepam", "10"), ("22:00", "diazepam", "10")],
        *[[("08:00", "diazepam", str(m)), ("22:00", "diazepam", "10")] for m in range(9, 0, -1)],
        [("22:00", "diazepam", "10")],
        *[[("22:00", "diazepam", str(m))] for m in range(9, 0, -1)],
        [],
    ]
    assert [doses(s) for s in plan.steps] == expected
    assert [s.diazepam_equivalent_mg for s in plan.steps[:3]] == [20, 20, 20]
    assert plan.steps[-1].total_mg == 0
    assert "equivalence_approximate" in codes(plan)


def test_crossover_in_parts_of_a_dose(make_plan: MakePlan) -> None:
    """Ashton-style stages: part of a dose time is exchanged each period."""
    plan = make_plan(
        "alprazolam 1mg 22:00",
        crossover_to="diazepam",
        crossover_stage_de_mg=D(10),
    )
    assert [doses(s) for s in plan.steps[:3]] == [
        [("22:00", "alprazolam", "1")],
        [("22:00", "alprazolam", "0.5"), ("22:00", "diazepam", "10")],
        [("22:00", "diazepam", "20")],
    ]
    assert [s.diazepam_equivalent_mg for s in plan.steps[:3]] == [20, 20, 20]
    assert plan.steps[2].note == "22:00: 0.5 mg alprazolam switched to 10 mg diazepam"


def test_percent_on_liquid_follows_the_rate(make_plan: MakePlan) -> None:
    plan = make_plan("diazepam 5mg 22:00", form=Form.LIQUID)
    assert [s.doses[0].mg for s in plan.steps[:4]] == [D(5), D("4.5"), D("4.1"), D("3.7")]
    assert plan.steps[1].doses[0].units == "4.5 ml of 1 mg/ml"
    assert all(s.days == 14 for s in plan.steps[:10])
    assert plan.steps[-1].total_mg == 0
    assert "faster_than_10pct_per_2wk" not in codes(plan)


def test_hyperbolic_cuts_shrink_and_the_first_is_the_rate(make_plan: MakePlan) -> None:
    plan = make_plan("diazepam 20mg 22:00", method=Method.HYPERBOLIC, form=Form.WEIGHED)
    mg = [s.total_mg for s in plan.steps]
    assert mg[1] == 18  # first cut: 10% of the starting dose
    cuts = [a - b for a, b in pairwise(mg) if b > 0]
    assert cuts[0] > cuts[len(cuts) // 2] > cuts[-2]
    assert all(b <= a for a, b in pairwise(mg))


def test_linear_warns_about_large_late_cuts(make_plan: MakePlan) -> None:
    plan = make_plan("diazepam 10mg 22:00", method=Method.LINEAR, rate_percent=D(10))
    assert [s.total_mg for s in plan.steps] == [D(m) for m in range(10, -1, -1)]
    assert "linear_large_last_cuts" in codes(plan)
    assert "faster_than_25pct_per_2wk" in codes(plan)  # 2 -> 1 mg is 50%


def test_micro_taper_keeps_the_same_overall_rate(make_plan: MakePlan) -> None:
    # A 200 mg tablet on a 1 mg scale weighs 0.01 mg steps of a 2 mg tablet.
    plan = make_plan("diazepam 10mg 22:00", form=Form.WEIGHED, micro=True, tablet_mass_mg=D(200))
    assert plan.steps[1].days == 1 or plan.steps[0].days == 1
    on_day = {}
    for step in plan.steps:
        for offset in range(step.days):
            on_day[(step.start - plan.steps[0].start).days + offset] = step.total_mg
    assert D(9) <= on_day[14] <= D("9.15")  # 10% in 14 days, never more
    assert D("8.1") <= on_day[28] <= D("8.3")
    assert plan.steps[-1].total_mg == 0


def test_tablets_that_cannot_cut_finely_hold_longer_and_suggest_liquid(
    make_plan: MakePlan,
) -> None:
    plan = make_plan("diazepam 5mg 22:00", tablets=(TabletStrength("diazepam", D(5), 2),))
    # 10% of 5 mg is 0.5 mg; halves of 5 mg can only cut 2.5 mg, i.e. 50%: wait for it.
    assert doses(plan.steps[1]) == [("22:00", "diazepam", "2.5")]
    assert plan.steps[0].days == 14 * 7  # 0.9**7 < 0.5 first after 7 periods
    assert "held" in plan.steps[0].note
    assert "tablet_holds" in codes(plan)
    assert "faster_than_10pct_per_2wk" not in codes(plan)


def test_a_very_slow_plan_is_refused_not_sped_up(make_plan: MakePlan) -> None:
    with pytest.raises(InputError, match="30 years"):
        make_plan("diazepam 40mg 22:00", rate_percent=D("0.5"), every_days=28, form=Form.WEIGHED)


def test_stopping_at_once_is_a_strong_warning(make_plan: MakePlan) -> None:
    plan = make_plan("diazepam 10mg 22:00", rate_percent=D(100))
    assert len(plan.steps) == 2
    assert codes(plan)["stops_at_once"] == [1]
    assert next(w for w in plan.warnings if w.code == "stops_at_once").level == "strong"


def test_regimen_warnings(catalog: DrugCatalog) -> None:
    regimen = Regimen(
        (
            RegimenDose("diazepam", "08:00", D(20)),
            RegimenDose("diazepam", "22:00", D(20)),
            RegimenDose("zaleplon", "22:00", D(10)),
        )
    )
    plan = build_plan(
        regimen, PlanSettings(start=dt.date(2030, 1, 7)), catalog, Profile(prior_withdrawals=2)
    )
    found = codes(plan)
    for code in ("multiple_drugs", "above_usual_max", "kindling", "equivalence_unverified"):
        assert code in found, code
    kindling = next(w for w in plan.warnings if w.code == "kindling")
    assert kindling.source.startswith("induced-symptoms")
    assert all(w.source and w.message for w in plan.warnings)


def test_an_unmakeable_starting_dose_is_flagged_not_changed(make_plan: MakePlan) -> None:
    plan = make_plan("clonazepam 0.3mg 22:00")
    first = plan.steps[0].doses[0]
    assert first.mg == D("0.3")
    assert not first.makeable
    assert first.units == ""
    assert codes(plan)["unmakeable_dose"] == [0]
    assert all(d.makeable for s in plan.steps[1:] for d in s.doses)


def test_liquid_falls_back_to_tablets_for_a_drug_without_one(make_plan: MakePlan) -> None:
    plan = make_plan("oxazepam 30mg 22:00", form=Form.LIQUID, crossover_to="diazepam")
    assert "form_fallback" in codes(plan)
    assert plan.steps[0].doses[0].units == "1 x 30 mg"
    assert plan.steps[1].doses[0].units.endswith("mg/ml")


def test_a_small_0_125_mg_dose_can_be_planned(make_plan: MakePlan) -> None:
    plan = make_plan("alprazolam 0.125mg 22:00")
    assert plan.steps[0].doses[0].units == "1/2 x 0.25 mg"
    assert plan.steps[-1].total_mg == 0


@pytest.fixture
def far_east_timezone() -> Iterator[None]:
    before = os.environ.get("TZ")
    os.environ["TZ"] = "Pacific/Kiritimati"  # UTC+14
    time.tzset()
    yield
    if before is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = before
    time.tzset()


def test_dates_do_not_depend_on_the_time_zone(make_plan: MakePlan, far_east_timezone: None) -> None:
    plan = make_plan("diazepam 5mg 22:00", form=Form.LIQUID)
    assert plan.steps[0].start == dt.date(2030, 1, 7)
    assert plan.steps[1].start == dt.date(2030, 1, 21)
    for a, b in pairwise(plan.steps):
        assert b.start == a.end + dt.timedelta(days=1)


def _schedule(catalog: DrugCatalog, mgs: list[str], days: list[int]) -> Plan:
    start = dt.date(2030, 1, 7)
    steps = []
    for index, (mg, length) in enumerate(zip(mgs, days, strict=True)):
        steps.append(Step(index, start, length, (StepDose("diazepam", "22:00", D(mg)),), D(mg)))
        start += dt.timedelta(days=length)
    regimen = Regimen((RegimenDose("diazepam", "22:00", D(mgs[0])),))
    plan = Plan(regimen, PlanSettings(start=steps[0].start), tuple(steps))
    return Plan(regimen, plan.settings, plan.steps, plan_warnings(plan, catalog, None))


def test_published_six_month_schedule_is_flagged_where_it_is_fast(
    catalog: DrugCatalog,
) -> None:
    """Published 6-month schedule (docslib, 2014): 15, 11, 8.5 ... mg over weeks 1-26."""
    mgs = [
        "15",
        "11",
        "8.5",
        "6",
        "4.75",
        "3.5",
        "2.5",
        "2",
        "1.5",
        "1",
        "0.75",
        "0.5",
        "0.25",
        "0",
    ]
    plan = _schedule(catalog, mgs, [7] + [14] * 12 + [1])
    found = codes(plan)
    assert found["faster_than_25pct_per_2wk"][0] == 1  # 15 -> 11 within one week
    assert 2 in found["faster_than_10pct_per_2wk"]  # 11 -> 8.5 in two weeks: 22.7%
    assert 3 in found["faster_than_25pct_per_2wk"]  # 8.5 -> 6: 29.4%
    assert found["last_step_to_zero"] == [13]


def test_hmp_wandsworth_weekly_chart_rates(catalog: DrugCatalog) -> None:
    """Weekly 40, 35, 30 ...: 12.5% a week is 23% a fortnight; 14.3% a week is 26.5%."""
    mgs = ["40", "35", "30", "25", "20", "15", "12", "10", "8", "6", "4", "2", "1", "0.5", "0"]
    plan = _schedule(catalog, mgs, [7] * 14 + [1])
    found = codes(plan)
    assert 1 in found["faster_than_10pct_per_2wk"]
    assert 2 in found["faster_than_25pct_per_2wk"]
