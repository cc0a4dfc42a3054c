"""Holds, hand edits and re-plans: dates stay contiguous, history is kept, rises are said."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from itertools import pairwise

import pytest

from benzoapp.core.dose_parse import parse_regimen
from benzoapp.core.drugs import DrugCatalog
from benzoapp.core.errors import InputError
from benzoapp.core.model import Form, Method, Plan, Profile, RegimenDose
from benzoapp.core.taper import build_plan, edit_step, insert_hold, replan

D = Decimal
MakePlan = Callable[..., Plan]


def contiguous(plan: Plan) -> bool:
    return all(b.start == a.end + dt.timedelta(days=1) for a, b in pairwise(plan.steps))


def test_insert_hold_adds_a_step_and_shifts_the_rest(make_plan: MakePlan) -> None:
    plan = make_plan("diazepam 10mg 22:00", form=Form.LIQUID)
    held = insert_hold(plan, 2, 10)
    assert len(held.steps) == len(plan.steps) + 1
    hold = held.steps[3]
    assert hold.hold
    assert hold.doses == plan.steps[2].doses
    assert hold.days == 10
    assert held.steps[4].start == plan.steps[3].start + dt.timedelta(days=10)
    assert held.steps[4].doses == plan.steps[3].doses
    assert [s.index for s in held.steps] == list(range(len(held.steps)))
    assert contiguous(held)
    again = insert_hold(held, 3, 4)  # extending an existing hold
    assert len(again.steps) == len(held.steps)
    assert again.steps[3].days == 14
    assert again.end_date == held.end_date + dt.timedelta(days=4)


def test_holds_are_refused_where_they_make_no_sense(make_plan: MakePlan) -> None:
    plan = make_plan("diazepam 10mg 22:00", form=Form.LIQUID)
    with pytest.raises(InputError, match="at least 1 day"):
        insert_hold(plan, 1, 0)
    with pytest.raises(InputError, match="no step"):
        insert_hold(plan, len(plan.steps), 7)
    with pytest.raises(InputError, match="already stopped"):
        insert_hold(plan, len(plan.steps) - 1, 7)


def test_edit_step_length_and_dose(make_plan: MakePlan) -> None:
    plan = make_plan("diazepam 10mg 22:00", form=Form.LIQUID)
    longer = edit_step(plan, 1, days=21)
    assert longer.steps[1].days == 21
    assert longer.steps[1].edited
    assert longer.steps[2].start == plan.steps[2].start + dt.timedelta(days=7)
    assert contiguous(longer)
    up = edit_step(plan, 2, doses=[RegimenDose("diazepam", "22:00", D("9.5"))])
    assert up.steps[2].doses[0].mg == D("9.5")
    assert up.steps[2].doses[0].units == "9.5 ml of 1 mg/ml"
    assert [w.step_index for w in up.warnings if w.code == "dose_increase"] == [2]
    odd = edit_step(plan, 2, doses=[RegimenDose("diazepam", "22:00", D("8.55"))])
    assert not odd.steps[2].doses[0].makeable
    assert [w.step_index for w in odd.warnings if w.code == "unmakeable_dose"] == [2]


def test_edits_keep_profile_warnings(catalog: DrugCatalog) -> None:
    from benzoapp.core.model import PlanSettings

    plan = build_plan(
        parse_regimen("diazepam 10mg 22:00", catalog),
        PlanSettings(start=dt.date(2030, 1, 7)),
        catalog,
        Profile(prior_withdrawals=1),
    )
    assert "kindling" in {w.code for w in insert_hold(plan, 0, 7).warnings}


def test_replan_keeps_history_and_restarts_today(make_plan: MakePlan, catalog: DrugCatalog) -> None:
    plan = make_plan("diazepam 20mg 22:00", method=Method.LINEAR, form=Form.LIQUID)
    today = plan.steps[3].start + dt.timedelta(days=5)
    taking = parse_regimen("diazepam 16mg 22:00", catalog)
    new = replan(plan, today, taking)
    history = [s for s in new.steps if s.history]
    assert [s.index for s in history] == [0, 1, 2, 3]
    assert history[-1].days == 5
    assert history[-1].end == today - dt.timedelta(days=1)
    ahead = [s for s in new.steps if not s.history]
    assert ahead[0].start == today
    assert ahead[0].doses[0].mg == 16
    # linear: the cut stays 10% of the original 20 mg, not of the 16 mg taken today
    assert ahead[1].doses[0].mg == 14
    assert contiguous(new)
    assert new.steps[-1].total_mg == 0
    with pytest.raises(InputError, match="history"):
        insert_hold(new, 0, 7)


def test_replan_before_the_start_has_no_history(make_plan: MakePlan, catalog: DrugCatalog) -> None:
    plan = make_plan("diazepam 10mg 22:00", form=Form.LIQUID)
    new = replan(plan, plan.settings.start, parse_regimen("diazepam 10mg 22:00", catalog))
    assert not any(s.history for s in new.steps)
    assert [s.doses for s in new.steps] == [s.doses for s in plan.steps]
