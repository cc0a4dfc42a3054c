"""Small hand-made plans for the self-test and the PDF benchmark (no engine needed).

They exercise what the printout must handle: two dose times, a hold, a warning tied to a
step, a note, a hand edit, and a dose the chosen tablets cannot make exactly.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from benzoapp.core.model import (
    Plan,
    PlanSettings,
    PlanWarning,
    Regimen,
    RegimenDose,
    Step,
    StepDose,
    WarningLevel,
)

# Morning and evening doses of clonazepam, each row one step: (08:00 mg, 20:00 mg, how).
_STEPS: tuple[tuple[str, str, str, str], ...] = (
    ("0.5", "0.25", "1 x 0.5 mg", "1/2 x 0.5 mg"),
    ("0.5", "0.25", "1 x 0.5 mg", "1/2 x 0.5 mg"),  # hold
    ("0.375", "0.25", "3/4 x 0.5 mg", "1/2 x 0.5 mg"),
    ("0.25", "0.25", "1/2 x 0.5 mg", "1/2 x 0.5 mg"),
    ("0.25", "0.125", "1/2 x 0.5 mg", "1/4 x 0.5 mg"),
    ("0.125", "0.125", "1/4 x 0.5 mg", "1/4 x 0.5 mg"),
    ("0", "0.1", "none", "weigh 0.1 mg"),
)


def sample_plan(start: dt.date = dt.date(2025, 3, 3), every_days: int = 14) -> Plan:
    """A seven-step clonazepam taper with a hold, a warning, a note and an odd dose."""
    regimen = Regimen(
        doses=(
            RegimenDose("clonazepam", "08:00", Decimal("0.5")),
            RegimenDose("clonazepam", "20:00", Decimal("0.25")),
        )
    )
    steps = []
    day = start
    for index, (morning, evening, how_m, how_e) in enumerate(_STEPS, start=1):
        doses = (
            StepDose("clonazepam", "08:00", Decimal(morning), how_m),
            StepDose("clonazepam", "20:00", Decimal(evening), how_e, makeable=index != 7),
        )
        total = Decimal(morning) + Decimal(evening)
        steps.append(
            Step(
                index=index,
                start=day,
                days=every_days,
                doses=doses,
                diazepam_equivalent_mg=total * 20,
                hold=index == 2,
                edited=index == 5,
                note="Slower here: exams that month" if index == 5 else "",
            )
        )
        day += dt.timedelta(days=every_days)
    warning = PlanWarning(
        code="faster_than_10pct_per_2wk",
        level=WarningLevel.CAUTION,
        message="This cut is more than 10% of the dose in two weeks.",
        source="ASAM 2025 Rec. 6",
        step_index=4,
    )
    return Plan(
        regimen=regimen,
        settings=PlanSettings(start=start, every_days=every_days),
        steps=tuple(steps),
        warnings=(warning,),
    )


def daily_micro_plan(start: dt.date = dt.date(2025, 1, 6), days: int = 1100) -> Plan:
    """A daily micro-taper of diazepam from 10 mg over ``days`` days (two dose times)."""
    regimen = Regimen(
        doses=(
            RegimenDose("diazepam", "08:00", Decimal(5)),
            RegimenDose("diazepam", "20:00", Decimal(5)),
        )
    )
    steps = []
    for n in range(days):
        # Straight-line fall to zero, in 0.01 mg, split between morning and evening.
        total = (Decimal(10) * (days - n) / days).quantize(Decimal("0.01"))
        morning = (total / 2).quantize(Decimal("0.01"))
        evening = total - morning
        steps.append(
            Step(
                index=n + 1,
                start=start + dt.timedelta(days=n),
                days=1,
                doses=(
                    StepDose("diazepam", "08:00", morning, f"{morning * 2} ml of 0.5 mg/ml"),
                    StepDose("diazepam", "20:00", evening, f"{evening * 2} ml of 0.5 mg/ml"),
                ),
                diazepam_equivalent_mg=total,
            )
        )
    return Plan(
        regimen=regimen,
        settings=PlanSettings(start=start, every_days=14, micro=True, table="ashton"),
        steps=tuple(steps),
    )
