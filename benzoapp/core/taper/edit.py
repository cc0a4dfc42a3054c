"""Changing a plan by hand: holds, edited steps and re-planning from today.

Every change returns a new Plan (plans are values) with contiguous dates and freshly
checked warnings; earlier steps of a re-plan stay as history.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace
from decimal import Decimal

from benzoapp.core.dose_parse import parse_time
from benzoapp.core.drugs import DrugCatalog, load_catalog
from benzoapp.core.errors import InputError
from benzoapp.core.model import Plan, Regimen, RegimenDose, Step, StepDose
from benzoapp.core.taper.engine import Key, PlanContext, Segment, build_plan, context_for
from benzoapp.core.taper.release import regimen_with_releases, settings_for_taking
from benzoapp.core.taper.warnings import PROFILE_CODES, plan_warnings, step_de

# Warnings that come from building (not from the steps) and survive an edit unchanged.
_KEPT = PROFILE_CODES | {"form_fallback", "crossover_rounded"}


def _context(plan: Plan, catalog: DrugCatalog, extra: Sequence[str] = ()) -> PlanContext:
    drugs = {catalog.get(d.drug).id for d in plan.regimen.doses}
    drugs |= {d.drug for s in plan.steps for d in s.doses} | set(extra)
    ctx, _ = context_for(tuple(sorted(drugs)), plan.settings, catalog)
    return ctx


def _segment(step: Step) -> Segment:
    return Segment({(d.time, d.drug): d.mg for d in step.doses}, step.days, step.note, step.hold)


def _rebuild(
    plan: Plan, history: list[Step], segments: list[tuple[Segment, bool]], catalog: DrugCatalog
) -> Plan:
    ctx = _context(plan, catalog, [k[1] for seg, _ in segments for k in seg.doses])
    steps = list(history)
    day = history[-1].end + dt.timedelta(days=1) if history else plan.settings.start
    for seg, edited in segments:
        steps.append(ctx.step(len(steps), day, seg, edited=edited))
        day += dt.timedelta(days=seg.days)
    new = replace(plan, steps=tuple(steps))
    kept = tuple(w for w in plan.warnings if w.code in _KEPT)
    return replace(new, warnings=kept + plan_warnings(new, catalog, None))


def _split(plan: Plan, step_index: int) -> tuple[list[Step], list[Step]]:
    if not 0 <= step_index < len(plan.steps):
        raise InputError(f"There is no step {step_index + 1}; the plan has {len(plan.steps)}.")
    if plan.steps[step_index].history:
        raise InputError(f"Step {step_index + 1} is history and cannot be changed.")
    history = [s for s in plan.steps if s.history]
    return history, [s for s in plan.steps if not s.history]


def insert_hold(plan: Plan, step_index: int, days: int, catalog: DrugCatalog | None = None) -> Plan:
    """Stay ``days`` longer on a step's doses: extends a hold, or adds one after the step."""
    cat = catalog or load_catalog()
    if days < 1:
        raise InputError("A hold lasts at least 1 day.")
    history, active = _split(plan, step_index)
    step = plan.steps[step_index]
    if step.total_mg == 0:
        raise InputError("The plan has already stopped at this step; there is nothing to hold.")
    segments: list[tuple[Segment, bool]] = []
    for s in active:
        seg = _segment(s)
        if s.index == step_index and s.hold:
            segments.append((seg._replace(days=seg.days + days), s.edited))
            continue
        segments.append((seg, s.edited))
        if s.index == step_index:
            hold = Segment(dict(seg.doses), days, f"hold for {days} days", hold=True)
            segments.append((hold, False))
    return _rebuild(plan, history, segments, cat)


def edit_step(
    plan: Plan,
    step_index: int,
    *,
    doses: Sequence[StepDose | RegimenDose] | None = None,
    days: int | None = None,
    catalog: DrugCatalog | None = None,
) -> Plan:
    """Change one step's doses or length by hand; later steps keep their doses."""
    cat = catalog or load_catalog()
    history, active = _split(plan, step_index)
    if days is not None and days < 1:
        raise InputError("A step lasts at least 1 day.")
    new_doses: dict[Key, Decimal] | None = None
    if doses is not None:
        new_doses = {}
        for d in doses:
            if d.mg < 0:
                raise InputError(f"{d.drug} at {d.time}: a dose cannot be below 0 mg.")
            key = (parse_time(d.time), cat.get(d.drug).id)
            new_doses[key] = new_doses.get(key, Decimal(0)) + d.mg
        if any(v > 0 for v in new_doses.values()):
            new_doses = {k: v for k, v in new_doses.items() if v > 0}
        if not new_doses:
            raise InputError("A step needs at least one dose (0 mg to stop).")
    segments: list[tuple[Segment, bool]] = []
    for s in active:
        seg = _segment(s)
        if s.index == step_index:
            seg = Segment(
                new_doses if new_doses is not None else seg.doses,
                days if days is not None else seg.days,
                "changed by hand",
                seg.hold,
            )
            segments.append((seg, True))
        else:
            segments.append((seg, s.edited))
    return _rebuild(plan, history, segments, cat)


def _taper_base(plan: Plan, catalog: DrugCatalog) -> Decimal | None:
    if plan.settings.rate_base_de_mg is not None:
        return plan.settings.rate_base_de_mg
    target = plan.settings.crossover_to
    for step in plan.steps:
        if step.history:
            continue
        if target is None or all(d.drug == catalog.get(target).id for d in step.doses):
            return step_de(step, plan, catalog)
    return None


def replan(
    plan: Plan,
    today: dt.date,
    taking: Regimen,
    catalog: DrugCatalog | None = None,
) -> Plan:
    """Start again from what the person takes today, with the same method and rate.

    Steps before today are kept, marked as history (the one running today is cut short
    to end yesterday); a linear or hyperbolic rate stays a share of the original dose.
    """
    cat = catalog or load_catalog()
    history: list[Step] = []
    for step in plan.steps:
        if step.start >= today:
            break
        days = min(step.days, (today - step.start).days)
        history.append(replace(step, days=days, history=True))
    settings = replace(plan.settings, start=today, rate_base_de_mg=_taper_base(plan, cat))
    fresh = build_plan(taking, settings_for_taking(taking, settings, cat), cat)
    offset = len(history)
    steps = tuple(history) + tuple(replace(s, index=s.index + offset) for s in fresh.steps)
    warnings = tuple(
        replace(w, step_index=None if w.step_index is None else w.step_index + offset)
        for w in fresh.warnings
    )
    kept = tuple(w for w in plan.warnings if w.code in PROFILE_CODES)
    # The products planned from today, so later holds, edits and a reopened plan keep
    # the form the new steps are in (not the one the plan started with).
    new_settings = replace(plan.settings, modified_release=fresh.settings.modified_release)
    regimen = regimen_with_releases(plan.regimen, new_settings, cat)
    return Plan(regimen=regimen, settings=new_settings, steps=steps, warnings=kept + warnings)
