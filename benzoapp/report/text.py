"""Wording shared by the PDF, calendar and spreadsheet: doses, dates, methods, columns."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from benzoapp.core.dates import format_date as core_format_date
from benzoapp.core.model import Form, Method, Plan, Step, StepDose
from benzoapp.core.taper.crossover import OVERLAP

STATEMENT = "This plan informs; the prescriber decides. Change doses only with them."


def format_number(value: Decimal) -> str:
    """Exact decimal without exponent or trailing zeros: ``0.250`` -> ``0.25``."""
    if value == value.to_integral_value():
        return f"{value.quantize(Decimal(1)):f}"
    return f"{value.normalize():f}"


def format_mg(value: Decimal) -> str:
    return f"{format_number(value)} mg"


def format_date(day: dt.date) -> str:
    """``3 Mar 2025``: no leading zero, month in letters, the same in every locale."""
    return core_format_date(day)


def format_duration(days: int) -> str:
    """Days, with weeks or months beside them so a long plan reads at a glance."""
    if days < 14:
        return f"{days} day" + ("" if days == 1 else "s")
    if days < 120:
        return f"{days} days (about {round(days / 7)} weeks)"
    months = round(days / 30.44)
    if months < 24:
        return f"{days} days (about {months} months)"
    return f"{days} days (about {days / 365.25:.1f} years)"


_METHOD_WORDS = {
    Method.PERCENT: "a share of the current dose",
    Method.HYPERBOLIC: "hyperbolic (cuts shrink as the dose falls)",
    Method.LINEAR: "linear (equal mg cuts)",
}
_FORM_WORDS = {
    Form.TABLET: "tablets and their splits",
    Form.LIQUID: "oral solution measured in ml",
    Form.WEIGHED: "weighed tablet fragments",
}


def method_text(plan: Plan) -> str:
    settings = plan.settings
    text = _METHOD_WORDS[settings.method]
    if settings.micro:
        text += ", as a daily micro-taper"
    if settings.crossover_to:
        text += f", switching to {settings.crossover_to}"
    return f"{text}; measured as {_FORM_WORDS[settings.form]}"


def rate_text(plan: Plan) -> str:
    settings = plan.settings
    rate = format_number(settings.rate_percent)
    base = "of the starting dose" if settings.method is Method.LINEAR else ""
    every = f"every {settings.every_days} days"
    if settings.micro:
        return f"about {rate}% {base} per {settings.every_days} days, a little each day".replace(
            "  ", " "
        )
    return f"{rate}% {base} {every}".replace("  ", " ")


def regimen_text(plan: Plan) -> str:
    """``clonazepam 0.5 mg at 08:00, 0.25 mg at 20:00 (0.75 mg a day)``."""
    parts = []
    for drug in plan.regimen.drugs:
        doses = [d for d in plan.regimen.doses if d.drug == drug]
        times = ", ".join(f"{format_mg(d.mg)} at {d.time}" for d in doses)
        parts.append(f"{drug} {times}")
    if len(plan.regimen.drugs) > 1:  # mg of different drugs do not add up
        return "; ".join(parts)
    return f"{'; '.join(parts)} ({format_mg(plan.regimen.total_mg)} a day)"


def doses_text(doses: tuple[StepDose, ...]) -> str:
    """A step's doses per drug: ``diazepam 6.5 mg at 22:00 (6.5 mg a day)``.

    Zero doses are left out, and with several drugs no total is given, because
    milligrams of different drugs do not add up.
    """
    taken = [d for d in doses if d.mg > 0]
    if not taken:
        return "no dose (0 mg a day)"
    drugs = tuple(dict.fromkeys(d.drug for d in taken))
    parts = []
    for drug in drugs:
        times = ", ".join(f"{format_mg(d.mg)} at {d.time}" for d in taken if d.drug == drug)
        parts.append(f"{drug} {times}")
    if len(drugs) > 1:
        return "; ".join(parts)
    total = sum((d.mg for d in taken), Decimal(0))
    return f"{parts[0]} ({format_mg(total)} a day)"


def daily_by_drug(step: Step) -> str:
    """Each drug's daily amount, ``lorazepam 0.5 mg, diazepam 10 mg``: never one sum of both."""
    # a dose-free step names its drugs at 0 mg
    shown = amounts_by_drug(step) or dict.fromkeys((d.drug for d in step.doses), Decimal(0))
    return ", ".join(f"{drug} {format_mg(mg)}" for drug, mg in shown.items())


def daily_amount(step: Step, several: bool) -> str:
    """The day's total when the plan has one drug; each drug named when it has several.

    Milligrams of different drugs do not add up, so a plan with several never shows a sum.
    ``several`` is ``several_drugs(plan)``, worked out once by callers that loop over steps.
    """
    if several:
        return daily_by_drug(step)
    return format_mg(step.total_mg)


def drugs_taken(step: Step) -> tuple[str, ...]:
    """The drugs a step has the person take (a dose above zero), in order of appearance."""
    return tuple(dict.fromkeys(d.drug for d in step.doses if d.mg > 0))


def step_on(plan: Plan, day: dt.date) -> Step | None:
    """The step whose days include ``day`` (the core's rule: ``Plan.step_on``)."""
    return plan.step_on(day)


def today_text(plan: Plan, day: dt.date) -> str:
    """What the plan has the person take on ``day``, or plainly why there is no step."""
    step = step_on(plan, day)
    if step is not None:
        return doses_text(step.doses)
    if not plan.steps:
        return "the plan has no steps"
    if day < plan.steps[0].start:
        return (
            f"the plan has not started yet (it starts {format_date(plan.steps[0].start)}); "
            "until then, the starting regimen above"
        )
    return f"the plan ended on {format_date(plan.steps[-1].end)}; no step covers this day"


@dataclass(frozen=True)
class DoseColumn:
    """One column of the step table: a time of day, and the drug when there are several."""

    time: str
    drug: str
    show_drug: bool

    @property
    def title(self) -> str:
        return f"{self.time} {self.drug}" if self.show_drug else self.time


def dose_columns(plan: Plan) -> tuple[DoseColumn, ...]:
    """Every (time, drug) that any step or the regimen uses, in time-of-day order."""
    seen: dict[tuple[str, str], None] = {}
    for dose in plan.regimen.doses:
        seen[(dose.time, dose.drug)] = None
    for step in plan.steps:
        for step_dose in step.doses:
            seen[(step_dose.time, step_dose.drug)] = None
    drugs = {drug for _, drug in seen}
    several = len(drugs) > 1
    return tuple(DoseColumn(t, d, several) for t, d in sorted(seen))


def dose_in(step: Step, column: DoseColumn) -> StepDose | None:
    for dose in step.doses:
        if dose.time == column.time and dose.drug == column.drug:
            return dose
    return None


def several_drugs(plan: Plan) -> bool:
    return len({c.drug for c in dose_columns(plan)}) > 1


def step_flags(step: Step, plan: Plan) -> list[str]:
    """Short words for what is special about a step, in the order a reader needs them."""
    flags = []
    if step.history:
        flags.append("already taken")
    if step.hold:
        flags.append("hold")
    if OVERLAP in step.note:  # core.taper.crossover.overlap_steps marks them so
        flags.append(OVERLAP)
    if any(not d.makeable for d in step.doses):
        flags.append("cannot be made exactly")
    if any(w.step_index == step.index for w in plan.warnings):
        flags.append("warning")
    if step.edited:
        flags.append("edited by hand")
    return flags


def dose_key(step: Step) -> tuple[tuple[str, str, Decimal], ...]:
    """What a step asks the person to take, for spotting the days the dose changes."""
    return tuple(sorted((d.drug, d.time, d.mg) for d in step.doses))


def dose_times(plan: Plan) -> tuple[str, ...]:
    """Every time of day the regimen or any step uses, in order."""
    return tuple(sorted({c.time for c in dose_columns(plan)}))


def doses_at(step: Step, time: str) -> list[StepDose]:
    return [d for d in step.doses if d.time == time]


def step_number(plan: Plan, index: int) -> int | None:
    """The step's position counting from 1, as printed; None if no step has that index."""
    for position, step in enumerate(plan.steps, start=1):
        if step.index == index:
            return position
    return None


def amounts_by_drug(step: Step) -> dict[str, Decimal]:
    """Each drug's amount for the day: what "did the dose change?" must compare, since a
    switch from one drug to another can keep the sum of milligrams and change everything."""
    totals: dict[str, Decimal] = {}
    for dose in step.doses:
        totals[dose.drug] = totals.get(dose.drug, Decimal(0)) + dose.mg
    return {drug: amount for drug, amount in totals.items() if amount > 0}
