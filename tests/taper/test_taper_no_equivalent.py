"""A drug the chosen table has no figure for: planned alone in its own mg, never mixed."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from decimal import Decimal
from itertools import pairwise

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from benzoapp.core.decimals import round_half_up
from benzoapp.core.drugs import DrugCatalog, load_catalog
from benzoapp.core.errors import InputError
from benzoapp.core.model import Form, Method, Plan, PlanSettings, Regimen, RegimenDose
from benzoapp.core.taper import build_plan, edit_step, insert_hold, pill_counts, replan
from benzoapp.core.taper.equivalents import lacks_equivalent, plan_missing_equivalents

D = Decimal
START = dt.date(2030, 1, 7)
SPLIT_PIECE = re.compile(r"\d+/\d+ x")


def test_eszopiclone_alone_is_planned_in_its_own_whole_tablets(
    make_plan: Callable[..., Plan], catalog: DrugCatalog
) -> None:
    plan = make_plan("Lunesta 3mg 22:00")
    assert [s.total_mg for s in plan.steps] == [D(3), D(2), D(1), 0]
    assert [d.units for s in plan.steps[:-1] for d in s.doses] == [
        "1 x 3 mg",
        "1 x 2 mg",
        "1 x 1 mg",
    ]
    assert lacks_equivalent(plan)
    assert plan_missing_equivalents(plan, catalog) == ("eszopiclone",)
    note = next(w for w in plan.warnings if w.code == "no_equivalent")
    assert "no diazepam-equivalent figure for eszopiclone" in note.message
    assert "Ashton" in note.message
    assert "equivalence.json" in note.source
    stop = next(w for w in plan.warnings if w.code == "last_step_to_zero")
    assert "1 mg of eszopiclone" in stop.message
    assert "diazepam equivalent" not in stop.message
    assert not any(w.code.startswith("equivalence_") for w in plan.warnings)


def test_a_drug_with_a_figure_says_nothing_of_the_kind(make_plan: Callable[..., Plan]) -> None:
    plan = make_plan("zolpidem 10mg 22:00")
    assert not lacks_equivalent(plan)
    assert not any(w.code == "no_equivalent" for w in plan.warnings)


def test_the_rule_is_generic_any_drug_missing_from_the_chosen_table(
    make_plan: Callable[..., Plan],
) -> None:
    # zolpidem has an Ashton figure but none in the VA/DoD column; midazolam only in WHO
    va = make_plan("zolpidem 10mg 22:00", table="va-dod-2021")
    assert lacks_equivalent(va)
    assert "Tables that have one: Ashton" in next(
        w.message for w in va.warnings if w.code == "no_equivalent"
    )
    assert va.steps[-1].total_mg == 0
    assert lacks_equivalent(make_plan("midazolam 7.5mg 22:00"))
    assert not lacks_equivalent(make_plan("midazolam 7.5mg 22:00", table="who-2009"))


@pytest.mark.parametrize(
    ("regimen", "chosen", "why"),
    [
        ("Lunesta 2mg 22:00; diazepam 5mg 08:00", {}, "cannot be counted with diazepam"),
        ("Lunesta 2mg 22:00", {"crossover_to": "diazepam"}, "cannot be crossed over"),
        ("Lunesta 2mg 22:00", {"method": Method.HYPERBOLIC}, "hyperbolic curve"),
    ],
)
def test_whatever_needs_the_missing_figure_is_refused_naming_why(
    make_plan: Callable[..., Plan], regimen: str, chosen: dict[str, object], why: str
) -> None:
    with pytest.raises(InputError) as caught:
        make_plan(regimen, **chosen)
    message = str(caught.value)
    assert "no diazepam-equivalent figure for eszopiclone" in message
    assert why in message


def test_an_edit_adding_another_drug_is_refused(
    make_plan: Callable[..., Plan], catalog: DrugCatalog
) -> None:
    plan = make_plan("Lunesta 3mg 22:00")
    doses = (RegimenDose("eszopiclone", "22:00", D(2)), RegimenDose("diazepam", "08:00", D(2)))
    with pytest.raises(InputError, match="cannot be counted with"):
        edit_step(plan, 1, doses=doses, catalog=catalog)


def test_holds_and_replans_stay_in_the_drugs_own_mg(
    make_plan: Callable[..., Plan], catalog: DrugCatalog
) -> None:
    plan = make_plan("Lunesta 3mg 22:00", method=Method.LINEAR, rate_percent=D(20))
    held = insert_hold(plan, 1, 7, catalog)
    taking = Regimen((RegimenDose("eszopiclone", "22:00", D(2)),))
    again = replan(plan, plan.steps[1].start, taking, catalog)
    for changed in (held, again):
        assert lacks_equivalent(changed)
        assert changed.steps[-1].total_mg == 0
    assert [c.strength_mg for c in pill_counts(plan, catalog)] == [D(1), D(2), D(3)]


# ---- properties -------------------------------------------------------------------------
@st.composite
def lone_missing(draw: st.DrawFn) -> tuple[Regimen, PlanSettings]:
    catalog = load_catalog()
    table = draw(st.sampled_from(sorted(catalog.tables)))
    missing = sorted(d for d in catalog.drugs if not catalog.has_equivalent(d, table))
    drug = draw(st.sampled_from(missing))
    tablets = catalog.drugs[drug].tablets
    smallest = min(t.mg / t.max_split for t in tablets)
    times = draw(
        st.lists(st.sampled_from(["08:00", "13:00", "22:00"]), min_size=1, max_size=2, unique=True)
    )
    regimen = Regimen(
        tuple(RegimenDose(drug, t, smallest * draw(st.integers(1, 12))) for t in times)
    )
    chosen = PlanSettings(
        method=draw(st.sampled_from([Method.PERCENT, Method.LINEAR])),
        rate_percent=D(draw(st.sampled_from(["5", "10", "25"]))),
        every_days=draw(st.sampled_from([7, 14, 28])),
        form=draw(st.sampled_from(list(Form))),
        start=START,
        table=table,
        micro=draw(st.booleans()),
    )
    return regimen, chosen


def _guard(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make any look-up of a missing figure fail loudly (never caught as an InputError)."""
    real = DrugCatalog.equivalent

    def strict(self: DrugCatalog, drug_id: str, table_id: str | None = None) -> object:
        if not self.has_equivalent(drug_id, table_id):
            raise AssertionError(f"looked up the missing figure for {drug_id} in {table_id}")
        return real(self, drug_id, table_id)

    monkeypatch.setattr(DrugCatalog, "equivalent", strict)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(lone_missing())
def test_a_lone_drug_without_a_figure_tapers_in_its_own_mg(
    case: tuple[Regimen, PlanSettings],
) -> None:
    regimen, chosen = case
    catalog = load_catalog()
    with pytest.MonkeyPatch.context() as patch:
        _guard(patch)
        plan = build_plan(regimen, chosen, catalog)
        counts = pill_counts(plan, catalog)
    assert lacks_equivalent(plan)
    drug = regimen.doses[0].drug
    splits = max(t.max_split for t in catalog.drugs[drug].tablets)
    for step in plan.steps:
        # internally the step counts the drug's own mg (rounded as every step's figure
        # is); it is never shown as an equivalent
        assert step.diazepam_equivalent_mg == round_half_up(step.total_mg, D("0.01"))
        for dose in step.doses:
            assert dose.mg >= 0
            if splits == 1 and chosen.form is Form.TABLET:
                assert not SPLIT_PIECE.search(dose.units)
    totals = [s.total_mg for s in plan.steps]
    assert all(b < a for a, b in pairwise(totals))
    assert totals[-1] == 0
    assert all(c.drug == drug for c in counts)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(lone_missing(), st.sampled_from(["other drug", "crossover", "hyperbolic"]))
def test_mixing_a_drug_without_a_figure_is_always_refused(
    case: tuple[Regimen, PlanSettings], how: str
) -> None:
    regimen, chosen = case
    catalog = load_catalog()
    partner = next(
        d for d in ("diazepam", "chlordiazepoxide") if catalog.has_equivalent(d, chosen.table)
    )
    if how == "other drug":
        regimen = Regimen((*regimen.doses, RegimenDose(partner, "18:00", D(5))))
    elif how == "crossover":
        chosen = PlanSettings(**{**chosen.__dict__, "crossover_to": partner})
    else:
        chosen = PlanSettings(**{**chosen.__dict__, "method": Method.HYPERBOLIC})
    with pytest.MonkeyPatch.context() as patch:
        _guard(patch)
        with pytest.raises(InputError, match="has no diazepam-equivalent figure"):
            build_plan(regimen, chosen, catalog)
