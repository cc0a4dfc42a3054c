"""Modified-release products (Xanax XR, Ambien CR): recognised, whole tablets only, warned."""

from __future__ import annotations

import copy
import datetime as dt
import json
import re
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from benzoapp.core.dose_parse import parse_regimen
from benzoapp.core.drugs import DrugCatalog, load_catalog, parse_catalog
from benzoapp.core.errors import DataError, InputError
from benzoapp.core.model import (
    Form,
    Method,
    Plan,
    PlanSettings,
    Regimen,
    RegimenDose,
    TabletStrength,
)
from benzoapp.core.taper import build_plan, edit_step, insert_hold, pill_counts, replan
from benzoapp.paths import resource_path

D = Decimal
START = dt.date(2030, 1, 7)
SPLIT_PIECE = re.compile(r"\d+/\d+ x")  # "1/2 x 1 mg": a piece of a split tablet


def _raw() -> tuple[Any, Any]:
    drugs = json.loads(resource_path("drugs", "drugs.json").read_text(encoding="utf-8"))
    tables = json.loads(resource_path("drugs", "equivalence.json").read_text(encoding="utf-8"))
    return drugs, tables


# ---- data -------------------------------------------------------------------------------
def test_every_modified_release_strength_is_whole_only_and_marked_to_verify(
    catalog: DrugCatalog,
) -> None:
    forms = [f for d in catalog.drugs.values() for f in d.modified_release]
    assert {f.id for f in forms} >= {"alprazolam-xr", "zolpidem-cr"}
    for form in forms:
        assert form.tablets
        assert all(t.max_split == 1 for t in form.tablets)
        assert "[K]" in form.source
        assert "verify" in form.source


def test_a_splittable_modified_release_strength_is_refused_naming_the_entry() -> None:
    drugs, tables = _raw()
    bad = copy.deepcopy(drugs)
    entry = next(d for d in bad["drugs"] if d["id"] == "alprazolam")
    entry["modified_release"][0]["tablets"][0]["max_split"] = 2
    with pytest.raises(DataError, match=r"alprazolam.*alprazolam-xr.*max_split 1"):
        parse_catalog(bad, tables)


def test_the_brand_of_a_modified_release_product_is_not_a_brand_of_the_drug_itself(
    catalog: DrugCatalog,
) -> None:
    assert "Xanax XR" not in catalog.drugs["alprazolam"].brands
    assert "Ambien CR" not in catalog.drugs["zolpidem"].brands
    assert catalog.get("Xanax XR").id == "alprazolam"  # still the drug, for conversions


# ---- recognising the product ------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "drug", "release"),
    [
        ("Xanax XR 1mg 08:00", "alprazolam", "alprazolam-xr"),
        ("xanax xr 1 mg 08:00", "alprazolam", "alprazolam-xr"),
        ("alprazolam XR 1mg 08:00", "alprazolam", "alprazolam-xr"),
        ("alprazolam ER 1mg 08:00", "alprazolam", "alprazolam-xr"),
        ("alprazolam extended-release 1mg 08:00", "alprazolam", "alprazolam-xr"),
        ("Ambien CR 12.5mg 22:00", "zolpidem", "zolpidem-cr"),
        ("zolpidem CR 6.25mg 22:00", "zolpidem", "zolpidem-cr"),
        ("zolpidem ER 6.25mg 22:00", "zolpidem", "zolpidem-cr"),
        ("Xanax 1mg 08:00", "alprazolam", ""),
        ("alprazolam 1mg 08:00", "alprazolam", ""),
        ("Ambien 10mg 22:00", "zolpidem", ""),
    ],
)
def test_the_regimen_says_which_product_is_taken(
    catalog: DrugCatalog, text: str, drug: str, release: str
) -> None:
    (dose,) = parse_regimen(text, catalog).doses
    assert (dose.drug, dose.release) == (drug, release)


def test_a_tablet_count_is_checked_against_the_products_own_strengths(
    catalog: DrugCatalog,
) -> None:
    regimen = parse_regimen("Xanax XR 1 tablet of 3 mg 08:00", catalog)
    assert regimen.doses[0].mg == 3
    with pytest.raises(InputError, match=r"alprazolam XR is not listed in 0.25 mg tablets"):
        parse_regimen("Xanax XR 1 tablet of 0.25 mg 08:00", catalog)


# ---- planning ---------------------------------------------------------------------------
def _doses_of(plan: Plan, drug: str) -> list[str]:
    return [d.units for s in plan.steps for d in s.doses if d.drug == drug and d.mg > 0]


def test_xanax_xr_is_planned_in_whole_xr_tablets_and_said_so(
    make_plan: Callable[..., Plan],
) -> None:
    plan = make_plan("Xanax XR 3mg 08:00")
    units = _doses_of(plan, "alprazolam")
    assert units[0] == "1 x 3 mg XR"
    assert all(u.endswith("XR") and not SPLIT_PIECE.search(u) for u in units)
    assert [s.total_mg for s in plan.steps] == [D(3), D("2.5"), D(2), D("1.5"), D(1), D("0.5"), 0]
    codes = {w.code for w in plan.warnings}
    assert {"modified_release_whole", "modified_release_cuts"} <= codes
    assert "tablet_holds" not in codes  # its advice (a liquid) would be a product switch
    cuts = next(w for w in plan.warnings if w.code == "modified_release_cuts")
    assert "immediate-release alprazolam" in cuts.message
    assert "diazepam" in cuts.message
    assert "prescriber" in cuts.message
    assert "ASAM 2025 Rec. 7" in cuts.source
    assert "[K]" in cuts.source
    assert plan.settings.modified_release == ("alprazolam-xr",)


def test_the_same_dose_as_ordinary_alprazolam_may_be_split(
    make_plan: Callable[..., Plan],
) -> None:
    plan = make_plan("alprazolam 3mg 08:00")
    assert any(SPLIT_PIECE.search(u) for u in _doses_of(plan, "alprazolam"))
    assert not any(w.code.startswith("modified_release") for w in plan.warnings)


def test_a_typed_dose_whole_tablets_cannot_make_is_refused(catalog: DrugCatalog) -> None:
    for text in ("Ambien CR 10mg 22:00", "Xanax XR 0.25mg 08:00", "Xanax XR 0.75 mg 08:00"):
        with pytest.raises(InputError, match="not a number of whole tablets"):
            parse_regimen(text, catalog)
    # amounts whole tablets do make are read as typed
    assert parse_regimen("Xanax XR 1.5mg 08:00", catalog).doses[0].mg == D("1.5")
    assert parse_regimen("Ambien CR 18.75mg 22:00", catalog).doses[0].mg == D("18.75")


def test_a_dose_whole_tablets_cannot_make_is_warned_not_split(catalog: DrugCatalog) -> None:
    # Typed text is refused (above); a regimen built otherwise (an import, an old file)
    # still gets a plan that never splits, with the warning.
    regimen = Regimen((RegimenDose("zolpidem", "22:00", D(10), release="zolpidem-cr"),))
    plan = build_plan(regimen, PlanSettings(start=dt.date(2030, 1, 7)), catalog)
    first = plan.steps[0].doses[0]
    assert (first.mg, first.makeable, first.units) == (D(10), False, "")
    cuts = next(w for w in plan.warnings if w.code == "modified_release_cuts")
    assert "10 mg at 22:00" in cuts.message
    assert "not a whole number of zolpidem CR tablets" in cuts.message
    assert all(
        d.units in ("", "none") or (d.units.endswith("CR") and not SPLIT_PIECE.search(d.units))
        for s in plan.steps
        for d in s.doses
    )


def test_liquid_or_weighed_leaves_the_xr_drug_in_whole_tablets(
    make_plan: Callable[..., Plan],
) -> None:
    for form in (Form.LIQUID, Form.WEIGHED):
        plan = make_plan("Xanax XR 2mg 08:00", form=form)
        assert all(u.endswith("XR") for u in _doses_of(plan, "alprazolam"))
        note = next(w for w in plan.warnings if w.code == "modified_release_whole")
        assert "immediate-release" in note.message
        assert form.value in note.message


def test_crossover_switches_xr_to_diazepam_which_may_then_be_split(
    make_plan: Callable[..., Plan],
) -> None:
    # 40 mg diazepam a day is above the default daily cap of 30 mg: the caps are off here
    # to see the whole switch (the capped switch is tested in test_taper_guidance.py).
    plan = make_plan(
        "Xanax XR 1mg 08:00; Xanax XR 1mg 22:00", crossover_to="diazepam", crossover_caps=False
    )
    assert all(u.endswith("XR") for u in _doses_of(plan, "alprazolam"))
    assert _doses_of(plan, "diazepam")
    assert not any(w.code == "modified_release_cuts" for w in plan.warnings)


def test_own_tablets_of_an_xr_product_may_not_be_split(make_plan: Callable[..., Plan]) -> None:
    with pytest.raises(InputError, match=r"swallowed whole.*split in 2"):
        make_plan("Xanax XR 1mg 08:00", tablets=(TabletStrength("alprazolam", D(1), 2),))
    plan = make_plan("Xanax XR 1mg 08:00", tablets=(TabletStrength("alprazolam", D(1), 1),))
    assert _doses_of(plan, "alprazolam") == ["1 x 1 mg XR"]


def test_one_drug_as_both_xr_and_ordinary_is_refused_plainly(
    make_plan: Callable[..., Plan],
) -> None:
    with pytest.raises(InputError, match=r"both as alprazolam XR and as the ordinary"):
        make_plan("Xanax XR 1mg 08:00; alprazolam 0.5mg 22:00")


def test_settings_alone_choose_the_product(catalog: DrugCatalog) -> None:
    regimen = parse_regimen("alprazolam 2mg 08:00", catalog)
    plan = build_plan(
        regimen, PlanSettings(start=START, modified_release=("alprazolam-xr",)), catalog
    )
    assert all(u.endswith("XR") for u in _doses_of(plan, "alprazolam"))
    with pytest.raises(InputError, match="No modified-release product 'nope'"):
        build_plan(regimen, PlanSettings(start=START, modified_release=("nope",)), catalog)


def test_holds_edits_replans_and_pill_counts_keep_the_product(
    make_plan: Callable[..., Plan], catalog: DrugCatalog
) -> None:
    plan = make_plan("Xanax XR 2mg 08:00")
    held = insert_hold(plan, 1, 7, catalog)
    edited = edit_step(plan, 1, days=3, catalog=catalog)
    # What is taken now names the product (a re-plan follows it, as the Plan page does).
    taking = Regimen((RegimenDose("alprazolam", "08:00", D("1.5"), release="alprazolam-xr"),))
    again = replan(plan, plan.steps[1].start, taking, catalog)
    for changed in (held, edited, again):
        live = [s for s in changed.steps if not s.history]
        assert all(d.units.endswith("XR") for s in live for d in s.doses if d.mg > 0)
        assert any(w.code == "modified_release_cuts" for w in changed.warnings)
    counts = pill_counts(plan, catalog)
    assert counts
    assert {c.product for c in counts} == {"alprazolam XR"}
    assert all(c.unit == "tablet" and c.total == c.total.to_integral_value() for c in counts)


def test_an_edit_to_half_an_xr_tablet_shows_as_not_makeable(
    make_plan: Callable[..., Plan], catalog: DrugCatalog
) -> None:
    plan = make_plan("Xanax XR 2mg 08:00")
    edited = edit_step(
        plan, 1, doses=(RegimenDose("alprazolam", "08:00", D("1.25")),), catalog=catalog
    )
    dose = edited.steps[1].doses[0]
    assert (dose.makeable, dose.units) == (False, "")
    assert any(w.code == "unmakeable_dose" for w in edited.warnings)


# ---- properties -------------------------------------------------------------------------
PRODUCTS = ("alprazolam-xr", "zolpidem-cr")


@st.composite
def xr_regimens(draw: st.DrawFn) -> Regimen:
    """One product at one to three times, each dose a sum of its whole tablets (or not)."""
    catalog = load_catalog()
    form = catalog.release_form(draw(st.sampled_from(PRODUCTS)))
    times = draw(
        st.lists(st.sampled_from(["08:00", "13:00", "22:00"]), min_size=1, max_size=3, unique=True)
    )
    doses = []
    for time in times:
        mg = sum((t.mg * draw(st.integers(0, 3)) for t in form.tablets), D(0)) or draw(
            st.sampled_from([form.tablets[0].mg, D("0.75"), D("1.1")])
        )
        doses.append(RegimenDose(form.drug, time, mg, form.id))
    return Regimen(tuple(doses))


@st.composite
def any_settings(draw: st.DrawFn) -> PlanSettings:
    return PlanSettings(
        method=draw(st.sampled_from(list(Method))),
        rate_percent=D(draw(st.sampled_from(["5", "10", "25"]))),
        every_days=draw(st.sampled_from([7, 14, 28])),
        form=draw(st.sampled_from(list(Form))),
        start=START,
        crossover_to=draw(st.sampled_from([None, "diazepam"])),
        micro=draw(st.booleans()),
    )


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(xr_regimens(), any_settings())
def test_no_plan_ever_splits_a_modified_release_tablet(
    regimen: Regimen, chosen: PlanSettings
) -> None:
    catalog = load_catalog()
    try:
        plan = build_plan(regimen, chosen, catalog)
    except InputError as error:  # a very slow hyperbolic pace: refused, never compressed
        refused = str(error)
        assert "more than 30 years" in refused, refused
        return
    drug = regimen.doses[0].drug
    product = catalog.release_form(regimen.doses[0].release)
    strengths = {t.mg for t in product.tablets}
    for step in plan.steps:
        for dose in step.doses:
            assert dose.mg >= 0
            if dose.drug != drug or dose.mg == 0:
                continue
            # made of whole product tablets, or plainly not makeable: never a split piece
            assert not SPLIT_PIECE.search(dose.units)
            assert dose.makeable == (dose.units != "")
            if dose.makeable:
                assert dose.units.endswith(product.short)
    for count in pill_counts(plan, catalog):
        if count.drug == drug:
            assert count.strength_mg in strengths
            assert count.total == count.total.to_integral_value()
    # the doses never rise (a crossover keeps its equivalent up to rounding, and says so)
    totals = [s.diazepam_equivalent_mg for s in plan.steps]
    taper = next(
        i
        for i, s in enumerate(plan.steps)
        if not chosen.crossover_to or all(d.drug == "diazepam" for d in s.doses)
    )
    assert all(b < a for a, b in zip(totals[taper:], totals[taper + 1 :], strict=False))
    assert plan.steps[-1].total_mg == 0
    whole_taper = not chosen.crossover_to
    if whole_taper:
        assert any(w.code == "modified_release_cuts" for w in plan.warnings)
