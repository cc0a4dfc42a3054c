"""Sample data for trying the app, screenshots and benchmarks: one realistic, invented year.

The plan comes from the taper engine: clonazepam 0.5 mg in the morning and 1 mg at
night, crossed over to diazepam, then 10% of the current dose every 14 days; it started
300 days ago, so it is part-way through, and it has one edit (a hold) in its history.
The journal uses the symptom catalogue plus one symptom of the person's own. The person
and every entry are made up; it is sample data, not advice.
"""

from __future__ import annotations

import datetime as dt
import math
import os
import random
from decimal import Decimal

from benzoapp.core.journal import load_catalogue
from benzoapp.core.journal.catalogue import own_symptom_id
from benzoapp.core.model import (
    DoseLogEntry,
    Form,
    JournalDay,
    Medication,
    Method,
    Plan,
    PlanSettings,
    Profile,
    Regimen,
    RegimenDose,
)
from benzoapp.core.taper import build_plan, insert_hold
from benzoapp.store.facade import Store

MORNING, NIGHT = "08:00", "22:00"
QUARTER = Decimal("0.25")
DEMO_MEDICATIONS = (
    Medication("Vitamin D3", "supplement", "1000 IU daily"),
    Medication("Omega-3 fish oil", "supplement", "1 g daily"),
    Medication("Paracetamol", "medication", "500 mg as needed", "for muscle aches"),
    Medication("Compression stockings", "therapy", "daytime", "for light-headedness on standing"),
    Medication("Pacing", "therapy", "", "heart-rate monitor; rest before the crash"),
)


def demo_regimen() -> Regimen:
    return Regimen(
        (
            RegimenDose("clonazepam", MORNING, Decimal("0.5")),
            RegimenDose("clonazepam", NIGHT, Decimal("1")),
        )
    )


def demo_plan(start: dt.date, profile: Profile | None = None) -> Plan:
    """Crossover to diazepam, then 10% of the current dose every 14 days (taper engine).

    With the person's ``profile`` the engine adds what their history calls for (the
    kindling warning after earlier withdrawals), as it would for a real plan.
    """
    settings = PlanSettings(
        method=Method.PERCENT,
        rate_percent=Decimal(10),
        every_days=14,
        form=Form.TABLET,
        start=start,
        crossover_to="diazepam",
    )
    return build_plan(demo_regimen(), settings, profile=profile)


def demo_symptoms() -> tuple[str, ...]:
    """The catalogue's symptoms and one of the person's own: the journal's daily list."""
    return (*(s.id for s in load_catalogue().symptoms), own_symptom_id("tinnitus"))


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
    symptoms = demo_symptoms()
    cut_days = {
        b.start for a, b in zip(plan.steps, plan.steps[1:], strict=False) if b.total_mg < a.total_mg
    }
    offsets = {name: rng.uniform(0, 2 * math.pi) for name in symptoms}
    baseline = {name: rng.uniform(2.0, 4.5) for name in symptoms}
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
        for name in symptoms:
            extra = flare if name in {"fatigue", "pain", "cognitive"} else flare / 3
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
    profile = demo_profile(today)
    plan = demo_plan(today - dt.timedelta(days=300), profile)
    log = demo_dose_log(plan, first, today, rng)
    journal = demo_journal(plan, first, today, rng)
    store.profile.save(profile)
    for medication in DEMO_MEDICATIONS:
        store.medications.add(medication)
    plan_id = store.plans.save(plan, "Clonazepam to diazepam, 10% every 2 weeks", active=True)
    current = next(i for i, step in enumerate(plan.steps) if step.start <= today <= step.end)
    held = insert_hold(plan, current, 7)
    store.plans.revise(plan_id, held, "held a week longer after a rough patch")
    store.dose_log.record_many(log)
    store.journal.save_days(journal)
    return {
        "plan_steps": len(held.steps),
        "dose_log": len(log),
        "journal_days": len(journal),
        "medications": len(DEMO_MEDICATIONS),
    }


def fill_demo_all_or_nothing(
    store: Store, today: dt.date | None = None, seed: int = 2026
) -> dict[str, int]:
    """:func:`fill_demo`, but all or nothing: a demo killed midway leaves the folder empty.

    The sample is written into a new file in a temporary folder beside the data file,
    then copied over the (still empty) data file with SQLite's backup API in one step,
    which is a single transaction: either the whole sample arrives or none of it.
    """
    import shutil
    import sqlite3

    from benzoapp.core.errors import InputError
    from benzoapp.store.creation import create_data_file

    scratch = store.data_dir / f".demo-{os.getpid()}"
    shutil.rmtree(scratch, ignore_errors=True)
    scratch.mkdir(mode=0o700)
    try:
        sample_path = scratch / store.db_path.name
        create_data_file(sample_path)
        with Store(scratch, store.keep_backups) as sample:
            counts = fill_demo(sample, today, seed)
        if not store.is_empty():
            raise InputError(f"The data folder {store.data_dir} holds data now; nothing was added.")
        store.db.dispose()  # the copy below takes the file's write lock itself
        source = sqlite3.connect(f"{sample_path.as_uri()}?mode=ro", uri=True)
        target = sqlite3.connect(store.db_path, timeout=15)
        try:
            source.backup(target)  # one step (all pages): one transaction
        finally:
            target.close()
            source.close()
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return counts
