"""Gentler options: when they are offered, what they hold, and their JSON and text forms."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal

import pytest

from benzoapp.core.drugs import DrugCatalog
from benzoapp.core.model import Form, Plan, TabletStrength
from benzoapp.core.taper import build_plan
from benzoapp.core.taper.alternatives import Alternative, alternatives, plan_figures
from benzoapp.main import main

D = Decimal
MakePlan = Callable[..., Plan]
DRUGS_WITHOUT_LIQUID = ("zopiclone", "zolpidem", "temazepam", "oxazepam", "alprazolam")


def _by_what(found: tuple[Alternative, ...], word: str) -> list[Alternative]:
    return [a for a in found if word in a.what]


@pytest.mark.parametrize(
    "regimen",
    ["zopiclone 7.5mg 22:00", "zolpidem 10mg 22:00", "clonazepam 0.5mg 22:00"],
)
def test_coarse_tablets_are_offered_a_switch_with_its_figures(
    make_plan: MakePlan, catalog: DrugCatalog, regimen: str
) -> None:
    plan = make_plan(regimen)
    own = plan_figures(plan)
    assert own.largest_cut_pct > 25 or own.longest_forced_hold_days > 28
    found = alternatives(plan, catalog)
    (switch,) = _by_what(found, "Switch to a comparable dose of diazepam")
    assert switch.changes == {"crossover_to": "diazepam"}
    # the figures are those of the plan the settings really give
    rebuilt = build_plan(plan.regimen, switch.settings, catalog)
    assert plan_figures(rebuilt) == switch.figures
    # some alternative is gentler than the plan on its largest cut
    assert min(a.figures.largest_cut_pct for a in found) < own.largest_cut_pct


@pytest.mark.parametrize("drug", DRUGS_WITHOUT_LIQUID)
def test_no_liquid_is_suggested_for_a_drug_without_one_on_record(
    make_plan: MakePlan, catalog: DrugCatalog, drug: str
) -> None:
    info = catalog.drugs[drug]
    strength = info.tablets[-1].mg
    plan = make_plan(f"{drug} {strength}mg 08:00; {drug} {strength}mg 22:00")
    for alt in alternatives(plan, catalog):
        if alt.settings.form is Form.LIQUID:
            target = alt.settings.crossover_to or drug
            assert catalog.drugs[target].liquids, alt.what
            assert target != drug or info.liquids


def test_every_suggested_form_is_on_record(make_plan: MakePlan, catalog: DrugCatalog) -> None:
    for drug in catalog.drugs.values():
        if not catalog.has_equivalent(drug.id):
            continue
        plan = make_plan(f"{drug.id} {drug.tablets[0].mg}mg 22:00")
        for alt in alternatives(plan, catalog):
            taper = alt.settings.crossover_to or drug.id
            if alt.settings.form is Form.LIQUID:
                strengths = {liq.mg_per_ml for liq in catalog.drugs[taper].liquids}
                assert alt.settings.liquid_mg_per_ml in strengths
            for tablet in alt.settings.tablets:
                on_record = {t.mg for t in catalog.drugs[tablet.drug].tablets}
                assert tablet.mg in on_record


def test_a_smaller_strength_that_exists_is_offered_to_own_tablets(
    make_plan: MakePlan, catalog: DrugCatalog
) -> None:
    plan = make_plan("clonazepam 1mg 22:00", tablets=(TabletStrength("clonazepam", D(1), 2),))
    (smaller,) = _by_what(alternatives(plan, catalog), "tablets to the ones you have")
    added = smaller.changes["tablets"]
    assert added == [{"drug": "clonazepam", "mg": D("0.5"), "max_split": 2}]


def test_a_short_acting_drug_several_times_a_day_gets_alternatives(
    make_plan: MakePlan, catalog: DrugCatalog
) -> None:
    plan = make_plan("lorazepam 0.5mg 08:00; lorazepam 0.5mg 14:00; lorazepam 1mg 22:00")
    found = alternatives(plan, catalog)
    assert _by_what(found, "diazepam")


def test_a_gentle_plan_gets_none(make_plan: MakePlan, catalog: DrugCatalog) -> None:
    plan = make_plan("diazepam 20mg 22:00")
    assert alternatives(plan, catalog) == ()
    crossed = make_plan("lorazepam 1mg 08:00; lorazepam 1mg 22:00", crossover_to="diazepam")
    assert alternatives(crossed, catalog) == ()


def test_figures_count_holds_forced_by_the_form(make_plan: MakePlan) -> None:
    plan = make_plan("zopiclone 7.5mg 22:00")
    figures = plan_figures(plan)
    assert figures.longest_forced_hold_days == max(s.days for s in plan.steps)
    assert figures.days == sum(s.days for s in plan.steps[:-1])
    liquid = make_plan("diazepam 20mg 22:00", form=Form.LIQUID)
    assert plan_figures(liquid).longest_forced_hold_days == 0
    assert plan_figures(replace(liquid, steps=())).days == 0


def test_plan_json_has_alternatives_with_the_documented_shape(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["plan", "--regimen", "zopiclone 7.5mg 22:00", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["alternatives"]
    for alt in data["alternatives"]:
        assert set(alt) == {
            "what",
            "settings",
            "largest_cut_pct",
            "longest_forced_hold_days",
            "days",
            "source",
        }
        assert isinstance(alt["settings"], dict)
        assert alt["source"]
    assert data["alternatives"][0]["settings"] == {"crossover_to": "diazepam"}
    assert set(data["figures"]) == {"largest_cut_pct", "longest_forced_hold_days", "days"}


def test_plan_text_lists_the_alternatives(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["plan", "--regimen", "zolpidem 10mg 22:00"]) == 0
    out = capsys.readouterr().out
    assert "Alternatives to discuss with your prescriber" in out
    assert "1. Switch to a comparable dose of diazepam" in out
    assert "largest cut" in out
    assert "no oral liquid of zolpidem is on record" in out
