"""Measurable amounts: weighed doses never below what the scale can weigh from that
tablet; liquid doses only in whole graduations of the syringe; an unmakeable final dose
is named with the nearest one that can be made."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from benzoapp.core.dose_parse import parse_regimen
from benzoapp.core.drugs import load_catalog
from benzoapp.core.model import Form, PlanSettings
from benzoapp.core.taper import build_plan

CATALOG = load_catalog()
START = dt.date(2030, 1, 7)
D = Decimal


def doses(plan):
    return [d for s in plan.steps for d in s.doses if d.mg > 0 and not s.history]


def test_default_weighed_doses_stop_at_what_a_milligram_scale_can_weigh() -> None:
    regimen = parse_regimen("diazepam 10mg 22:00", CATALOG)
    plan = build_plan(regimen, PlanSettings(start=START, form=Form.WEIGHED), CATALOG)
    smallest = min(d.mg for d in doses(plan))
    # ten divisions of a 1 mg scale from a 100 mg tablet of 2 mg: 0.2 mg (it was 0.01)
    assert smallest == D("0.2")


@settings(max_examples=40, deadline=None)
@given(
    st.sampled_from(["diazepam 10mg 22:00", "clonazepam 1mg 22:00", "lorazepam 1mg 08:00"]),
    st.integers(50, 400),
    st.sampled_from([D("0.1"), D(1), D(10)]),
)
def test_weighed_doses_never_go_below_the_scale(text: str, mass: int, resolution: Decimal) -> None:
    regimen = parse_regimen(text, CATALOG)
    chosen = PlanSettings(
        start=START,
        form=Form.WEIGHED,
        rate_percent=D(25),
        tablet_mass_mg=D(mass),
        scale_resolution_mg=resolution,
    )
    plan = build_plan(regimen, chosen, CATALOG)
    drug = CATALOG.drugs[regimen.doses[0].drug]
    smallest_tablet = min(t.mg for t in drug.tablets)
    floor = smallest_tablet * resolution * 10 / D(mass)  # ten divisions of the scale
    for dose in doses(plan):
        assert dose.mg >= floor
        assert dose.makeable


@settings(max_examples=30, deadline=None)
@given(st.sampled_from([D("0.05"), D("0.2"), D("0.5"), D(1)]))
def test_liquid_doses_are_whole_graduations_of_the_stated_syringe(step: Decimal) -> None:
    regimen = parse_regimen("diazepam 10mg 22:00", CATALOG)
    chosen = PlanSettings(start=START, form=Form.LIQUID, syringe_step_ml=step)
    plan = build_plan(regimen, chosen, CATALOG)
    strength = CATALOG.drugs["diazepam"].liquids[0].mg_per_ml
    for dose in doses(plan):
        ml = dose.mg / strength
        assert ml >= step
        assert (ml / step) == (ml / step).to_integral_value()


def test_an_unmakeable_final_dose_is_named_with_the_nearest_that_can() -> None:
    regimen = parse_regimen("diazepam 10mg 22:00", CATALOG)
    plan = build_plan(regimen, PlanSettings(start=START, final_dose_mg=D("0.3")), CATALOG)
    (note,) = [w for w in plan.warnings if w.code == "final_dose_not_makeable"]
    assert "0.3 mg" in note.message
    assert "nearest dose that can be made is 1 mg" in note.message
    makeable = PlanSettings(start=START, final_dose_mg=D(1))
    assert "final_dose_not_makeable" not in [
        w.code for w in build_plan(regimen, makeable, CATALOG).warnings
    ]
