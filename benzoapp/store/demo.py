"""Sample data for trying the app, screenshots and benchmarks: one realistic, invented year.

The demo plan is built here with plain Decimal arithmetic rather than by the taper
engine, so that the sample stays the same whatever the engine's settings or version:
a weekly crossover from clonazepam to diazepam (0.25 mg clonazepam exchanged for 5 mg
diazepam at a time, the Ashton Manual's 0.5 mg = 10 mg equivalence, via
taper-references.md), then cuts of 10% of the current diazepam dose every 14 days,
rounded to 0.25 mg. It is sample data, not advice. The person and every entry are made up.
"""

from __future__ import annotations

import datetime as dt
import math
import random
from decimal import ROUND_HALF_UP, Decimal

from benzoapp.core.model import (
    DoseLogEntry,
    Form,
    JournalDay,
    Medication,
    Method,
    Plan,
    PlanSettings,
    PlanWarning,
    Profile,
    Regimen,
    RegimenDose,
    Step,
    StepDose,
    WarningLevel,
)
from benzoapp.store.facade import Store

QUARTER = Decimal("0.25")
CLONAZEPAM_TO_DIAZEPAM = Decimal(20)  # 0.5 mg clonazepam ~ 10 mg diazepam (Ashton 2002)
MORNING, NIGHT = "08:00", "22:00"
SYMPTOMS = (
    "anxiety",
    "insomnia",
    "muscle_tension",
    "fatigue",
    "cognitive_difficulty",
    "tinnitus",
    "dizziness",
    "sensory_hypersensitivity",
    "depersonalisation",
    "palpitations",
    "muscle_twitching",
    "pain",
)
DEMO_MEDICATIONS = (
    Medication("Vitamin D3", "supplement", "1000 IU daily"),
    Medication("Omega-3 fish oil", "supplement", "1 g daily"),
    Medication("Paracetamol", "medication", "500 mg as needed", "for muscle aches"),
    Medication("Compression stockings", "therapy", "daytime", "for light-headedness on standing"),
    Medication("Pacing with a heart-rate monitor", "therapy", "", "rest before the crash"),
)


def quarter(mg: Decimal) -> Decimal:
    """Round to the nearest 0.25 mg, halves away from zero (never banker's rounding)."""
    return (mg / QUARTER).quantize(Decimal(1), rounding=ROUND_HALF_UP) * QUARTER


def demo_regimen() -> Regimen:
    return Regimen(
        (
            RegimenDose("clonazepam", MORNING, Decimal("0.5")),
            RegimenDose("clonazepam", NIGHT, Decimal("1")),
        )
    )


def _step(index: int, start: dt.date, days: int, doses: list[StepDose], note: str = "") -> Step:
    kept = tuple(d for d in doses if d.mg > 0)
    equivalent = sum(
        (d.mg * (CLONAZEPAM_TO_DIAZEPAM if d.drug == "clonazepam" else 1) for d in kept),
        Decimal(0),
    )
    return Step(index, start, days, kept, equivalent, note=note)


def demo_plan(start: dt.date) -> Plan:
    """Crossover in weekly steps, then 10% of the current diazepam dose every 14 days."""
    steps: list[Step] = []
    day = start
    clon = {MORNING: Decimal("0.5"), NIGHT: Decimal("1")}
    diaz = {MORNING: Decimal(0), NIGHT: Decimal(0)}
    steps.append(_step(0, day, 7, _doses(clon, diaz), "starting doses"))
    day += dt.timedelta(days=7)
    for time in (NIGHT, NIGHT, NIGHT, NIGHT, MORNING, MORNING):  # night dose first
        clon[time] -= QUARTER
        diaz[time] += Decimal(5)
        steps.append(_step(len(steps), day, 7, _doses(clon, diaz), "crossover"))
        day += dt.timedelta(days=7)
    total = diaz[MORNING] + diaz[NIGHT]
    while True:
        cut = max(quarter(total / 10), QUARTER)
        total -= cut
        if total <= 0:
            break
        morning = min(quarter(total / 3), total)
        diaz = {MORNING: morning, NIGHT: total - morning}
        steps.append(_step(len(steps), day, 14, _doses({}, diaz)))
        day += dt.timedelta(days=14)
    settings = PlanSettings(
        method=Method.PERCENT,
        rate_percent=Decimal(10),
        every_days=14,
        form=Form.TABLET,
        start=start,
        crossover_to="diazepam",
    )
    warning = PlanWarning(
        "demo_sample",
        WarningLevel.INFO,
        "Sample plan for trying the app; made up, not advice.",
        "BenzoApp demo data",
    )
    return Plan(demo_regimen(), settings, tuple(steps), (warning,))


def _doses(clon: dict[str, Decimal], diaz: dict[str, Decimal]) -> list[StepDose]:
    doses = [StepDose("clonazepam", t, mg) for t, mg in sorted(clon.items())]
    return doses + [StepDose("diazepam", t, mg) for t, mg in sorted(diaz.items())]


def planned_on(plan: Plan, regimen: Regimen, day: dt.date) -> list[tuple[str, str, Decimal]]:
    """(drug, time, mg) planned for ``day``: the plan's step, or the regimen before it."""
    for step in plan.steps:
        if step.start <= day <= step.end:
            return [(d.drug, d.time, d.mg) for d in step.doses]
    return [(d.drug, d.time, d.mg) for d in regimen.doses]


def demo_dose_log(
    plan: Plan, first: dt.date, today: dt.date, rng: random.Random
) -> list[DoseLogEntry]:
    """A year of doses: nearly all as planned, a few missed and a few changed."""
    entries = []
    day = first
    while day <= today:
        for drug, time, mg in planned_on(plan, plan.regimen, day):
            taken: Decimal | None = mg
            note = ""
            roll = rng.random()
            if day == today and time == NIGHT:
                taken = None  # not yet
            elif roll < 0.01:
                taken, note = Decimal(0), "missed: fell asleep early"
            elif roll < 0.025:
                taken, note = mg + QUARTER, "took a little more after a bad night"
            entries.append(DoseLogEntry(day, time, drug, mg, taken, note))
        day += dt.timedelta(days=1)
    return entries


def demo_journal(
    plan: Plan, first: dt.date, today: dt.date, rng: random.Random
) -> list[JournalDay]:
    """A year of journal: windows and waves, a lift after each cut, post-exertional flares."""
    cut_days = {s.start for s in plan.steps[1:]}
    offsets = {name: rng.uniform(0, 2 * math.pi) for name in SYMPTOMS}
    baseline = {name: rng.uniform(2.0, 4.5) for name in SYMPTOMS}
    days = []
    flare = 0.0
    since_cut = 99
    day = first
    n = 0
    while day <= today:
        since_cut = 0 if day in cut_days else since_cut + 1
        wave = 1.6 * math.sin(n / 9.0) + 0.8 * math.sin(n / 3.1)  # windows and waves
        cut_bump = 1.5 if since_cut in range(2, 9) else 0.0
        physical = max(0, min(10, round(rng.gauss(3, 1.5))))
        if rng.random() < 0.04:
            physical = rng.randint(7, 9)  # an unusually active day
        scores = {}
        for name in SYMPTOMS:
            extra = flare if name in {"fatigue", "pain", "cognitive_difficulty"} else flare / 3
            value = baseline[name] + wave * math.cos(offsets[name]) + cut_bump + extra
            value += rng.gauss(0, 0.7) - n / 365  # slow healing over the year
            scores[name] = max(0, min(10, round(value)))
        exertion = {
            "physical": physical,
            "cognitive": max(0, min(10, round(rng.gauss(4, 1.5)))),
            "emotional": max(0, min(10, round(rng.gauss(3, 2)))),
        }
        note = ""
        if flare > 1.5:
            note = "crashed after yesterday's effort"
        elif cut_bump and since_cut == 3:
            note = "harder days since the last cut"
        days.append(JournalDay(day, scores, exertion, note))
        # A very active day brings a delayed worsening the day after next.
        flare = flare * 0.5 + (3.0 if physical >= 7 else 0.0)
        day += dt.timedelta(days=1)
        n += 1
    return days


def demo_profile(today: dt.date) -> Profile:
    return Profile(
        name="Sam (sample person)",
        benzo_start=today.replace(year=today.year - 6, day=1),
        prior_tapers=1,
        prior_withdrawals=1,
        reinstatements=1,
        well_before_exposure=True,
        classical_trigger=False,
        onset_during_or_after_taper=True,
        post_exertional_malaise=True,
        notes="Made-up sample data for trying BenzoApp.",
    )


def fill_demo(store: Store, today: dt.date | None = None, seed: int = 2026) -> dict[str, int]:
    """Fill an empty store with the sample year; returns how many of each were written."""
    today = today or dt.date.today()
    rng = random.Random(seed)
    first = today - dt.timedelta(days=364)
    plan = demo_plan(today - dt.timedelta(days=300))
    log = demo_dose_log(plan, first, today, rng)
    journal = demo_journal(plan, first, today, rng)
    store.profile.save(demo_profile(today))
    for medication in DEMO_MEDICATIONS:
        store.medications.add(medication)
    plan_id = store.plans.save(plan, "Clonazepam to diazepam, 10% every 2 weeks", active=True)
    held = _with_hold(plan, today)
    store.plans.revise(plan_id, held, "held one step longer after a rough patch")
    store.dose_log.record_many(log)
    store.journal.save_days(journal)
    return {
        "plan_steps": len(held.steps),
        "dose_log": len(log),
        "journal_days": len(journal),
        "medications": len(DEMO_MEDICATIONS),
    }


def _with_hold(plan: Plan, today: dt.date) -> Plan:
    """The same plan with one future step held a week longer: an edit kept in the history."""
    steps = list(plan.steps)
    target = next((i for i, s in enumerate(steps) if s.start > today), len(steps) - 1)
    shift = dt.timedelta(days=7)
    out = steps[:target]
    for i, s in enumerate(steps[target:]):
        if i == 0:
            out.append(
                Step(
                    s.index,
                    s.start,
                    s.days + 7,
                    s.doses,
                    s.diazepam_equivalent_mg,
                    True,
                    True,
                    "held a week longer",
                )
            )
        else:
            out.append(
                Step(
                    s.index,
                    s.start + shift,
                    s.days,
                    s.doses,
                    s.diazepam_equivalent_mg,
                    s.hold,
                    s.edited,
                    s.note,
                )
            )
    return Plan(plan.regimen, plan.settings, tuple(out), plan.warnings)
