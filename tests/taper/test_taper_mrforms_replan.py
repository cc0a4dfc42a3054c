"""Modified-release products: re-plans follow what is taken now; XR/CR-only own strengths."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from benzoapp.core.dose_parse import parse_regimen
from benzoapp.core.drugs import SWALLOW_WHOLE, DrugCatalog, ReleaseForm, load_catalog
from benzoapp.core.errors import InputError
from benzoapp.core.model import Plan, PlanSettings, TabletStrength
from benzoapp.core.taper import build_plan, edit_step, insert_hold, replan
from benzoapp.main import main

D = Decimal
START = dt.date(2030, 1, 7)
CATALOG = load_catalog()
PRODUCTS = [f for d in CATALOG.drugs.values() for f in d.modified_release]


def _live_units(plan: Plan) -> list[str]:
    return [d.units for s in plan.steps if not s.history for d in s.doses if d.mg > 0]


def _reopened(plan: Plan, catalog: DrugCatalog) -> Plan:
    """The plan built again from its regimen written out, as the Plan page reopens it."""
    text = "; ".join(f"{d.release or d.drug} {d.mg}mg {d.time}" for d in plan.regimen.doses)
    return build_plan(parse_regimen(text, catalog), PlanSettings(start=START), catalog)


# ---- 1. a re-plan takes its products from what is taken now -----------------------------
def test_a_replan_from_the_ordinary_tablet_drops_the_xr_product(catalog: DrugCatalog) -> None:
    plan = build_plan(parse_regimen("Xanax XR 1mg 08:00", catalog), PlanSettings(start=START))
    today = plan.steps[1].start
    again = replan(plan, today, parse_regimen("alprazolam 1mg 08:00", catalog), catalog)
    assert any(s.history for s in again.steps)
    history = [d.units for s in again.steps if s.history for d in s.doses]
    assert history
    assert all(u.endswith(" XR") for u in history)
    live = _live_units(again)
    assert live
    assert not any("XR" in u for u in live)
    assert any("1/2 x" in u for u in live)  # the ordinary tablet may be split
    assert again.settings.modified_release == ()
    assert [d.release for d in again.regimen.doses] == [""]
    assert not any(w.code.startswith("modified_release") for w in again.warnings)
    first_live = next(s.index for s in again.steps if not s.history)
    held = insert_hold(again, first_live, 7, catalog)
    assert not any("XR" in u for u in _live_units(held))
    assert held.settings.modified_release == ()
    assert not any("XR" in u for u in _live_units(_reopened(again, catalog)))


def test_a_replan_from_the_xr_product_keeps_every_new_step_whole(catalog: DrugCatalog) -> None:
    plan = build_plan(parse_regimen("alprazolam 1mg 08:00", catalog), PlanSettings(start=START))
    today = plan.steps[1].start
    again = replan(plan, today, parse_regimen("Xanax XR 1mg 08:00", catalog), catalog)
    live = _live_units(again)
    assert live
    assert all(u.endswith(" XR") for u in live)
    assert again.settings.modified_release == ("alprazolam-xr",)
    assert [d.release for d in again.regimen.doses] == ["alprazolam-xr"]
    assert any(w.code == "modified_release_cuts" for w in again.warnings)
    first_live = next(s.index for s in again.steps if not s.history)
    for changed in (
        insert_hold(again, first_live, 7, catalog),
        insert_hold(again, first_live + 1, 3, catalog),
        edit_step(again, first_live, days=3, catalog=catalog),
    ):
        units = _live_units(changed)
        assert units
        assert all(u.endswith(" XR") for u in units)
        assert not any("1/2" in u for u in units)
        assert any(w.code == "modified_release_cuts" for w in changed.warnings)
    reopened = _reopened(again, catalog)
    assert all(u.endswith(" XR") for u in _live_units(reopened))


def test_a_drug_no_longer_taken_keeps_its_product(catalog: DrugCatalog) -> None:
    regimen = parse_regimen("Xanax XR 1mg 08:00; diazepam 5mg 22:00", catalog)
    plan = build_plan(regimen, PlanSettings(start=START), catalog)
    again = replan(plan, plan.steps[1].start, parse_regimen("diazepam 5mg 22:00", catalog))
    assert again.settings.modified_release == ("alprazolam-xr",)
    assert {d.drug: d.release for d in again.regimen.doses} == {
        "alprazolam": "alprazolam-xr",
        "diazepam": "",
    }


@given(
    form=st.sampled_from(PRODUCTS),
    start_xr=st.booleans(),
    now_xr=st.booleans(),
    data=st.data(),
)
def test_a_replans_settings_and_regimen_match_its_steps(
    form: ReleaseForm, start_xr: bool, now_xr: bool, data: st.DataObject
) -> None:
    strength = data.draw(st.sampled_from(form.tablets)).mg

    def text(xr: bool) -> str:
        return f"{form.id if xr else form.drug} {strength}mg 22:00"

    plan = build_plan(parse_regimen(text(start_xr), CATALOG), PlanSettings(start=START), CATALOG)
    today = plan.steps[min(1, len(plan.steps) - 1)].start
    again = replan(plan, today, parse_regimen(text(now_xr), CATALOG), CATALOG)
    expected = (form.id,) if now_xr else ()
    assert again.settings.modified_release == expected
    assert {d.release for d in again.regimen.doses} == {form.id if now_xr else ""}
    live = _live_units(again)
    assert all(u.endswith(f" {form.short}") == now_xr for u in live)


# ---- 2. an own ordinary-tablet strength only the XR/CR product is made in -----------------
def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(
    ("regimen", "tablet", "advice"),
    [
        ("zolpidem 12.5mg 22:00", "zolpidem:12.5:2", '"Ambien CR 12.5mg 22:00"'),
        ("zolpidem 12.5mg 22:00", "zolpidem:12.5", '"Ambien CR 12.5mg 22:00"'),
        ("alprazolam 3mg 08:00", "alprazolam:3:2", '"Xanax XR 3mg 08:00"'),
        ("Xanax 6mg 08:00", "alprazolam:3:4", '"Xanax XR 3mg 08:00"'),
    ],
)
def test_an_xr_only_own_strength_of_the_ordinary_tablet_is_refused(
    capsys: pytest.CaptureFixture[str], regimen: str, tablet: str, advice: str
) -> None:
    base = ["plan", "--start", "2030-01-07", "--regimen", regimen]
    code, out, err = run(capsys, *base, "--tablet", tablet)
    assert code == 2, out
    assert out == ""
    assert err.startswith("benzoapp plan: There is no ordinary (immediate-release) ")
    assert SWALLOW_WHOLE in err
    assert advice in err
    assert "--modified-release" in err
    # The advice works: named as the product, in whole tablets.
    drug, mg = tablet.split(":")[:2]
    product = advice.strip('"').rsplit(" ", 2)[0]
    code, out, err = run(capsys, *base, "--modified-release", product, "--tablet", f"{drug}:{mg}")
    assert code == 0, err
    assert "1/2" not in out
    assert f"1 x {mg} mg" in out


def test_an_own_strength_neither_form_is_made_in_is_still_planned(
    capsys: pytest.CaptureFixture[str],
) -> None:
    argv = ["plan", "--start", "2030-01-07", "--regimen", "alprazolam 3mg 08:00"]
    code, out, err = run(capsys, *argv, "--tablet", "alprazolam:1.5:2")
    assert code == 0, err
    assert "2 x 1.5 mg" in out
    code, out, err = run(capsys, *argv, "--tablet", "alprazolam:1:2")  # an ordinary strength
    assert code == 0, err
    code, out, err = run(capsys, *argv)  # no own strength: ordinary tablets make 3 mg
    assert code == 0, err
    assert "XR" not in out


@given(
    form=st.sampled_from(PRODUCTS),
    split=st.sampled_from([1, 2, 4]),
    data=st.data(),
)
def test_any_product_only_strength_as_an_ordinary_tablet_is_refused(
    form: ReleaseForm, split: int, data: st.DataObject
) -> None:
    drug = CATALOG.drugs[form.drug]
    ordinary = {t.mg for t in drug.tablets}
    mg = data.draw(st.sampled_from(form.tablets)).mg
    regimen = parse_regimen(f"{form.drug} {mg * 2}mg 22:00", CATALOG)
    settings = PlanSettings(start=START, tablets=(TabletStrength(form.drug, mg, split),))
    if mg in ordinary:
        build_plan(regimen, settings, CATALOG)  # a strength both forms have: planned
        return
    with pytest.raises(InputError, match=SWALLOW_WHOLE) as raised:
        build_plan(regimen, settings, CATALOG)
    brand = form.brands[0] if form.brands else form.label
    assert f'"{brand} {mg.normalize():f}mg 22:00"' in str(raised.value)
    # Another drug's own strength is never judged by this drug's product.
    other = parse_regimen("diazepam 10mg 08:00", CATALOG)
    assert build_plan(other, settings, CATALOG).steps


# ---- 3. the whole-tablet note names the strengths planned with -------------------------
def test_the_whole_tablet_note_lists_the_strengths_planned_with(catalog: DrugCatalog) -> None:
    regimen = parse_regimen("alprazolam 3mg 08:00", catalog)
    own = PlanSettings(
        start=START,
        modified_release=("alprazolam-xr",),
        tablets=(TabletStrength("alprazolam", D(3), 1), TabletStrength("alprazolam", D(1), 1)),
    )
    notes = [w for w in build_plan(regimen, own).warnings if w.code == "modified_release_whole"]
    assert len(notes) == 1
    assert "whole tablets only (1, 3 mg)" in notes[0].message
    every = replace(own, tablets=())
    notes = [w for w in build_plan(regimen, every).warnings if w.code == "modified_release_whole"]
    assert "whole tablets only (0.5, 1, 2, 3 mg)" in notes[0].message
