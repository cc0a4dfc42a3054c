"""Crossover to a long-acting drug: one dose time at a time, under caps per dose and day.

A high dose is reduced while it is substituted (Ashton Manual; ASAM 2025 Table 7 note):
the new drug never goes above the caps of ``limits.crossover_caps``, and what does not
fit stays as the old drug, which the taper then reduces first. The steps where the two
overlap carry a note that charts and tables can show.
"""

from __future__ import annotations

from decimal import Decimal

from benzoapp.core.decimals import fmt
from benzoapp.core.drugs import DrugCatalog
from benzoapp.core.errors import InputError
from benzoapp.core.formulation import Formulation
from benzoapp.core.model import Plan, PlanSettings, PlanWarning, WarningLevel
from benzoapp.core.taper.context import Key, PlanContext, Segment
from benzoapp.core.taper.limits import CAP_SOURCE, CrossoverCaps

_ZERO = Decimal(0)


def crossover_target(name: str, catalog: DrugCatalog) -> str:
    """The drug a crossover switches to, refused unless the data marks it long-acting.

    Crossing over to a short-acting drug would bring back the swings between doses that
    the switch is meant to smooth out.
    """
    drug = catalog.get(name)
    if not drug.crossover_target:
        allowed = " or ".join(catalog.crossover_targets())
        raise InputError(
            f"A crossover cannot switch to {drug.id}: choose {allowed}. A crossover moves "
            "to a comparable dose of a longer-acting benzodiazepine (ASAM 2025 Rec. 7), "
            f"and {drug.id} is not one."
        )
    return drug.id


def _swap_amount(
    old_mg: Decimal, form: Formulation, factor: Decimal, cap: Decimal | None, *, hard: bool
) -> Decimal:
    """How much of the old drug one crossover stage replaces, at most ``cap`` mg
    diazepam-equivalent (all of it when no cap).

    A stage size (``hard=False``) too small for the old drug's form swaps the whole dose
    time; a cap on the new drug (``hard=True``) swaps nothing then: the rest is reduced.
    """
    if cap is None or old_mg * factor <= cap:
        return old_mg
    remaining = form.at_or_above(old_mg - cap / factor)
    if remaining < old_mg and (hard or remaining > 0):
        return old_mg - remaining
    return _ZERO if hard else old_mg


def crossover(
    current: dict[Key, Decimal],
    target: str,
    ctx: PlanContext,
    settings: PlanSettings,
    caps: CrossoverCaps,
) -> tuple[list[Segment], dict[Key, Decimal], list[PlanWarning], str]:
    """Swap one dose time at a time to the target drug, the latest in the day first.

    With ``crossover_stage_de_mg`` a large dose time is swapped in parts of at most that
    many mg diazepam-equivalent, one part per period (as the Ashton Manual's schedules
    exchange part of a dose at a time). The target never goes above ``caps`` (per dose
    time and per day): what does not fit stays as the old drug, which the taper then
    reduces first, so a high dose is reduced while it is substituted.
    """
    segments: list[Segment] = []
    notes: list[PlanWarning] = []
    note = ""
    form = ctx.forms[target]
    t_factor = ctx.factors[target]
    shares = _daily_shares(current, target, ctx, caps)
    for key in sorted((k for k in current if k[1] != target), reverse=True):
        time, drug = key
        share = shares.get(key)
        while current.get(key, Decimal(0)) > 0:
            old_mg = current[key]
            old_form, factor = ctx.forms[drug], ctx.factors[drug]
            swap = _swap_amount(
                old_mg, old_form, factor, settings.crossover_stage_de_mg, hard=False
            )
            at_time = current.get((time, target), _ZERO)
            in_day = sum((mg for (_t, d), mg in current.items() if d == target), _ZERO)
            room = caps.room(at_time, in_day)
            if share is not None:
                room = share if room is None else min(room, share)
            if room is not None:
                swap = min(swap, _swap_amount(old_mg, old_form, factor, room * t_factor, hard=True))
            de = swap * factor
            new_mg = max(form.nearest(de / t_factor), form.smallest()) if swap else _ZERO
            if room is not None and new_mg > room:
                new_mg = form.at_or_below(room)
            if new_mg <= 0:
                break  # the cap is reached: the rest is reduced as the old drug
            segments.append(Segment(dict(current), settings.every_days, note))
            new = dict(current)
            if swap == old_mg:
                del new[key]
            else:
                new[key] = old_mg - swap
            new[(time, target)] = new.get((time, target), Decimal(0)) + new_mg
            if share is not None:
                share -= new_mg
            if abs(new_mg * t_factor - de) > de / 10:
                notes.append(
                    PlanWarning(
                        code="crossover_rounded",
                        level=WarningLevel.CAUTION,
                        message=(
                            f"At {time}, {fmt(swap)} mg {drug} becomes {fmt(new_mg)} mg "
                            f"{target}: the nearest amount the form can make differs from "
                            "the equivalent by more than 10%."
                        ),
                        source="BenzoApp rounding rule (nearest makeable amount, halves up)",
                        step_index=len(segments),
                    )
                )
            note = f"{time}: {fmt(swap)} mg {drug} switched to {fmt(new_mg)} mg {target}"
            current = new
    left = {k: mg for k, mg in current.items() if k[1] != target and mg > 0}
    if left:
        notes.append(_capped_note(left, target, caps))
    return segments, current, notes, note


def _daily_shares(
    current: dict[Key, Decimal], target: str, ctx: PlanContext, caps: CrossoverCaps
) -> dict[Key, Decimal]:
    """When the daily cap binds, each dose time's part of it, in proportion to its dose.

    So three doses of 2 mg alprazolam under a 30 mg cap become 10 mg diazepam at each
    time, not 30 mg at night and nothing by day.
    """
    if caps.daily_mg is None:
        return {}
    t_factor = ctx.factors[target]
    old = {k: mg * ctx.factors[k[1]] for k, mg in current.items() if k[1] != target and mg > 0}
    held = sum((mg for k, mg in current.items() if k[1] == target), _ZERO)
    total = sum(old.values(), _ZERO)
    if not old or total + held * t_factor <= caps.daily_mg * t_factor:
        return {}
    room = max(caps.daily_mg - held, _ZERO)
    form = ctx.forms[target]
    return {k: form.at_or_below(room * de / total) for k, de in old.items()}


def _capped_note(left: dict[Key, Decimal], target: str, caps: CrossoverCaps) -> PlanWarning:
    """Why part of the old drug stays: the switch stops at the caps, and it is reduced first."""
    kept = "; ".join(f"{fmt(mg)} mg {drug} at {time}" for (time, drug), mg in sorted(left.items()))
    limits = " and ".join(
        text
        for cap, text in (
            (caps.per_dose_mg, f"{fmt(caps.per_dose_mg or _ZERO)} mg per dose time"),
            (caps.daily_mg, f"{fmt(caps.daily_mg or _ZERO)} mg a day"),
        )
        if cap is not None
    )
    return PlanWarning(
        code="crossover_capped",
        level=WarningLevel.CAUTION,
        message=(
            f"The switch to {target} stops at {limits} of {target} (its usual maximum "
            "unless you set another cap). The rest is not substituted but reduced first, "
            f"while {target} is held: {kept}. Substitution and reduction overlap in the "
            "steps that hold both drugs. Raise the caps with your prescriber to "
            "substitute more."
        ),
        source=CAP_SOURCE,
    )


OVERLAP = "reducing while switching"


def overlap_note(seg: Segment, target: str) -> Segment:
    """Mark a step that holds the crossover drug and a capped remainder being reduced."""
    drugs = {drug for (_time, drug), mg in seg.doses.items() if mg > 0}
    if target not in drugs or len(drugs) < 2:
        return seg
    return seg._replace(note=f"{seg.note}; {OVERLAP}" if seg.note else OVERLAP)


def overlap_steps(plan: Plan) -> tuple[int, ...]:
    """Indexes of the steps where substitution and reduction overlap (for charts, tables)."""
    return tuple(s.index for s in plan.steps if OVERLAP in s.note)
