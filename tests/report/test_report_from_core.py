"""Re-shaping core results for the printout: amounts per prescription period."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from benzoapp.core.model import PlanSettings, Regimen, RegimenDose
from benzoapp.core.taper import build_plan, pill_counts
from benzoapp.report.from_core import period_amounts, pharmacy_rows
from benzoapp.report.sample import sample_plan


def test_a_step_across_a_period_boundary_is_split_by_days() -> None:
    plan = sample_plan()  # 14-day steps from 3 Mar 2025
    per_step = [Decimal(14)] + [Decimal(0)] * 6  # one tablet a day in step 1 only
    assert period_amounts(plan, per_step, 10) == [Decimal(10), Decimal(4)]


@given(st.integers(min_value=1, max_value=60))
def test_periods_add_up_to_the_whole_plan(period_days: int) -> None:
    plan = sample_plan()
    per_step = [Decimal(s.days) * Decimal("1.5") for s in plan.steps]
    assert sum(period_amounts(plan, per_step, period_days)) == sum(per_step)


def test_engine_pill_counts_become_pharmacy_rows() -> None:
    regimen = Regimen(doses=(RegimenDose("diazepam", "08:00", Decimal(10)),))
    plan = build_plan(regimen, PlanSettings(start=dt.date(2025, 1, 6)))
    counts = pill_counts(plan)
    rows = pharmacy_rows(plan, counts, 28)
    assert rows
    for row, count in zip(rows, counts, strict=True):
        assert row.drug == count.drug
        assert sum(row.per_period) == count.total
        assert row.total >= count.total
