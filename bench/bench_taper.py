"""Taper engine: a 5-year daily micro-taper plan, against building its steps by hand."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from bench.harness import Figure, median_seconds
from benzoapp.core.dose_parse import parse_regimen
from benzoapp.core.drugs import load_catalog
from benzoapp.core.model import Form, Method, Plan, PlanSettings, Step, StepDose
from benzoapp.core.taper import build_plan

REPEAT = 21


def _rebuild_steps(plan: Plan) -> tuple[Step, ...]:
    """Baseline: only constructing the same number of Step objects, with no planning."""
    return tuple(
        Step(s.index, s.start, s.days, (StepDose(d.drug, d.time, d.mg, d.units),), Decimal(0))
        for s in plan.steps
        for d in s.doses[:1]
    )


def _figure(name: str, regimen_text: str, settings: PlanSettings, target: float | None) -> Figure:
    catalog = load_catalog()
    regimen = parse_regimen(regimen_text, catalog)
    plan = build_plan(regimen, settings, catalog)
    years = (plan.steps[-1].end - plan.steps[0].start).days / 365.25
    seconds = median_seconds(lambda: build_plan(regimen, settings, catalog), REPEAT)
    baseline = median_seconds(lambda: _rebuild_steps(plan), REPEAT)
    return Figure(
        name=f"{name}: {len(plan.steps)} steps, {years:.1f} y (median)",
        value=seconds * 1000,
        baseline_name=f"constructing the same {len(plan.steps)} Step objects",
        baseline=baseline * 1000,
        unit="ms",
        max_value=target,
    )


def run() -> list[Figure]:
    start = dt.date(2030, 1, 1)
    return [
        # The target: daily cuts for five years, measured as a liquid to 0.1 ml.
        _figure(
            "micro, liquid 1 mg/ml",
            "diazepam 20mg 22:00",
            PlanSettings(
                method=Method.PERCENT,
                rate_percent=Decimal(8),
                every_days=28,
                form=Form.LIQUID,
                micro=True,
                start=start,
            ),
            20.0,
        ),
        # For information, no target: the worst case, a new weighed dose nearly every day
        # (2,001 distinct steps). Building the frozen Step objects alone costs ~14 ms here,
        # so 20 ms would need a different model; the figure is printed to keep it honest.
        _figure(
            "info: micro, weighed 0.01 mg",
            "diazepam 20mg 22:00",
            PlanSettings(
                method=Method.LINEAR,
                rate_percent=Decimal("0.7"),
                every_days=14,
                form=Form.WEIGHED,
                micro=True,
                start=start,
                tablet_mass_mg=Decimal(200),  # 0.01 mg of a 2 mg tablet per 1 mg division
            ),
            None,
        ),
    ]
