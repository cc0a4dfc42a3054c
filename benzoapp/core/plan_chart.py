"""What a dose chart plots for a plan: one value a day per step, in one unit.

The window's chart and the printed plan's draw from here, so they show the same line:
a plan of one drug in that drug's own mg (what the person takes); a plan of several
drugs (a crossover) as the diazepam equivalent, since milligrams of different drugs do
not add up. A drug the equivalence table has no figure for stays in its own mg.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from benzoapp.core.model import Plan, Step
from benzoapp.core.taper.equivalents import lacks_equivalent


@dataclass(frozen=True)
class ChartStep:
    """One flat stretch of the line: from ``start`` up to (not including) ``stop``."""

    start: dt.date
    stop: dt.date
    mg: Decimal
    hold: bool


def plan_drugs(plan: Plan) -> tuple[str, ...]:
    """Every drug the regimen or any step names, in order of appearance."""
    names = [d.drug for d in plan.regimen.doses]
    names += [d.drug for s in plan.steps for d in s.doses]
    return tuple(dict.fromkeys(names))


def plots_equivalent(plan: Plan) -> bool:
    """True when the chart counts diazepam equivalents, False for one drug's own mg."""
    return len(plan_drugs(plan)) > 1 and not lacks_equivalent(plan)


def daily_value(plan: Plan, step: Step) -> Decimal:
    """The step's day, as the chart counts it (see :func:`plots_equivalent`)."""
    return step.diazepam_equivalent_mg if plots_equivalent(plan) else step.total_mg


def dose_series(plan: Plan) -> tuple[ChartStep, ...]:
    """The line of a plan's chart, one stretch per step, holds marked."""
    equivalent = plots_equivalent(plan)
    return tuple(
        ChartStep(
            s.start,
            s.end + dt.timedelta(days=1),
            s.diazepam_equivalent_mg if equivalent else s.total_mg,
            s.hold,
        )
        for s in plan.steps
    )


def axis_words(plan: Plan) -> str:
    """What the dose axis counts, in words."""
    drugs = plan_drugs(plan)
    if plots_equivalent(plan):
        return "a day, as diazepam equivalent (approximate)"
    drug = drugs[0] if drugs else "the drug"
    extra = " (no diazepam equivalent)" if lacks_equivalent(plan) else ""
    return f"a day, in mg of {drug}{extra}"
