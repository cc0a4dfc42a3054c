"""Building a taper plan: optional crossover to diazepam, then the reduction steps.

Rules the engine keeps (each has a test):
- every dose is one the chosen form can make; the units shown add up to it exactly;
- a cut never goes faster than the chosen rate allows for the days since the last
  change: the allowed target is rounded *up* to the next amount the form can make, and
  when that is the current dose the step is simply held longer (never sped up later);
- one dose time changes per step, the earliest in the day first (as in the NHS
  Scotland schedules; a starting dose the form cannot make goes first), and a dose
  time may drop to zero while others remain;
- stop rule: when one dose is left, it goes to zero once it is at or below the final
  dose (the smallest amount the form can make, unless stated) and has been held a full
  period, or once the curve has fallen below half of it;
- steps are contiguous calendar days from the start date.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import NamedTuple

from benzoapp.core.decimals import fmt, round_half_up, tidy
from benzoapp.core.drugs import DrugCatalog, load_catalog
from benzoapp.core.equivalence import DE_QUANTUM
from benzoapp.core.errors import InputError
from benzoapp.core.formulation import Formulation
from benzoapp.core.model import (
    Plan,
    PlanSettings,
    PlanWarning,
    Profile,
    Regimen,
    Step,
    StepDose,
    WarningLevel,
)
from benzoapp.core.taper.equivalents import equivalence_factors
from benzoapp.core.taper.forms import formulations
from benzoapp.core.taper.limits import CAP_SOURCE, CrossoverCaps, crossover_caps
from benzoapp.core.taper.methods import RateModel
from benzoapp.core.taper.release import (
    check_own_strengths,
    regimen_with_releases,
    with_regimen_releases,
)
from benzoapp.core.taper.short_acting import is_short_acting
from benzoapp.core.taper.warnings import plan_warnings

MAX_PLAN_DAYS = 365 * 30
_ZERO = Decimal(0)  # made once: the hot loops compare and sum with it thousands of times
Key = tuple[str, str]  # (time, drug)


class Segment(NamedTuple):
    """A run of days on the same doses, before dates are attached.

    A named tuple rather than a frozen dataclass: just as immutable, and several times
    cheaper to make, which counts when a daily plan makes thousands.
    """

    doses: dict[Key, Decimal]
    days: int
    note: str = ""
    hold: bool = False


@dataclass(frozen=True)
class PlanContext:
    """What steps need to be shown: the forms and the equivalence factors."""

    forms: dict[str, Formulation]
    factors: dict[str, Decimal]
    short_acting: frozenset[str] = frozenset()

    def de(self, doses: dict[Key, Decimal]) -> Decimal:
        total = _ZERO
        for (_time, drug), mg in doses.items():
            total += mg * self.factors[drug]
        return total

    def step(self, index: int, start: dt.date, seg: Segment, *, edited: bool = False) -> Step:
        step_doses = []
        total = _ZERO
        for (time, drug), mg in sorted(seg.doses.items()):
            units = self.forms[drug].units(mg)
            step_doses.append(StepDose(drug, time, tidy(mg), units, units != ""))
            total += mg * self.factors[drug]
        de = tidy(round_half_up(total, DE_QUANTUM))
        # The five required fields by position: a daily plan makes thousands of Steps,
        # and keyword arguments make each noticeably dearer.
        doses = tuple(step_doses)
        return Step(index, start, seg.days, doses, de, hold=seg.hold, edited=edited, note=seg.note)


def context_for(
    drugs: tuple[str, ...], settings: PlanSettings, catalog: DrugCatalog
) -> tuple[PlanContext, list[PlanWarning]]:
    """Forms and factors for every drug a plan may hold (the regimen's and the crossover's)."""
    taper_drug = settings.crossover_to
    if taper_drug is not None:
        taper_drug = catalog.get(taper_drug).id
    elif len(drugs) == 1:
        taper_drug = drugs[0]
    all_drugs = tuple(dict.fromkeys((*drugs, *([taper_drug] if taper_drug else []))))
    factors = equivalence_factors(all_drugs, settings, catalog)
    forms, notes = _FORMS.get(all_drugs, settings, catalog, taper_drug)
    short = frozenset(d for d in all_drugs if is_short_acting(catalog.drugs[d]))
    return PlanContext(forms, factors, short), notes


class _FormsMemo:
    """The formulations of recent plans, so a plan and its alternatives share them.

    A Formulation works out which amounts its tablets make as it is asked (a search
    that grows with the dose), and the answers never change; planning the same tablets
    again, as the alternatives and every re-plan while typing do, would redo it. The
    memo holds a few dozen entries, keyed by everything the forms depend on and by the
    catalog object itself (held, so its id cannot be reused), and forgets all when full.
    The app plans on one thread.
    """

    LIMIT = 64

    def __init__(self) -> None:
        self._entries: dict[
            tuple[object, ...], tuple[DrugCatalog, dict[str, Formulation], list[PlanWarning]]
        ] = {}

    def get(
        self,
        drugs: tuple[str, ...],
        settings: PlanSettings,
        catalog: DrugCatalog,
        taper_drug: str | None,
    ) -> tuple[dict[str, Formulation], list[PlanWarning]]:
        key = (
            id(catalog),
            drugs,
            taper_drug,
            settings.form,
            settings.liquid_mg_per_ml,
            settings.tablets,
            settings.modified_release,
        )
        found = self._entries.get(key)
        if found is None or found[0] is not catalog:
            if len(self._entries) >= self.LIMIT:
                self._entries.clear()
            forms, notes = formulations(drugs, settings, catalog, taper_drug)
            found = self._entries[key] = (catalog, forms, notes)
        return dict(found[1]), list(found[2])  # callers may add to either


_FORMS = _FormsMemo()


def dated_steps(ctx: PlanContext, start: dt.date, segments: list[Segment]) -> tuple[Step, ...]:
    """Attach contiguous dates: each step starts the day after the previous one ends.

    Counting in day ordinals is the same calendar arithmetic as adding timedeltas, only
    cheaper, which shows over the thousands of steps of a daily plan.
    """
    steps = []
    day = start.toordinal()
    for index, seg in enumerate(segments):
        steps.append(ctx.step(index, dt.date.fromordinal(day), seg))
        day += seg.days
    return tuple(steps)


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


def _normalise(regimen: Regimen, catalog: DrugCatalog) -> dict[Key, Decimal]:
    if not regimen.doses:
        raise InputError("The regimen is empty: add at least one drug, dose and time.")
    doses: dict[Key, Decimal] = {}
    for d in regimen.doses:
        if d.mg <= 0:
            raise InputError(f"{d.drug} at {d.time}: a dose must be more than 0 mg.")
        key = (d.time, catalog.get(d.drug).id)
        doses[key] = doses.get(key, Decimal(0)) + d.mg
    return doses


def _swap_amount(
    old_mg: Decimal, form: Formulation, factor: Decimal, cap: Decimal | None
) -> Decimal:
    """How much of the old drug one crossover stage replaces (all of it when no cap)."""
    if cap is None or old_mg * factor <= cap:
        return old_mg
    remaining = form.at_or_above(old_mg - cap / factor)
    return old_mg - remaining if 0 < remaining < old_mg else old_mg


def _capped_swap(old_mg: Decimal, form: Formulation, factor: Decimal, room_de: Decimal) -> Decimal:
    """The most of the old drug whose equivalent fits in ``room_de`` (0: none does)."""
    if old_mg * factor <= room_de:
        return old_mg
    remaining = form.at_or_above(old_mg - room_de / factor)
    return old_mg - remaining if remaining < old_mg else _ZERO


def _crossover(
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
            swap = _swap_amount(
                old_mg, ctx.forms[drug], ctx.factors[drug], settings.crossover_stage_de_mg
            )
            at_time = current.get((time, target), _ZERO)
            in_day = sum((mg for (_t, d), mg in current.items() if d == target), _ZERO)
            room = caps.room(at_time, in_day)
            if share is not None:
                room = share if room is None else min(room, share)
            if room is not None:
                swap = min(
                    swap, _capped_swap(old_mg, ctx.forms[drug], ctx.factors[drug], room * t_factor)
                )
            de = swap * ctx.factors[drug]
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


@dataclass(frozen=True)
class Pace:
    """What every step of one reduction consults, looked up once instead of at each step.

    A daily micro-taper takes thousands of steps, so re-deriving these per step (the
    final dose, the tick, dictionary look-ups through the settings) was a large share of
    the planning time.
    """

    model: RateModel
    forms: dict[str, Formulation]
    factors: dict[str, Decimal]
    final: dict[str, Decimal]  # per drug: a last dose at or below this may go to zero
    every: int  # days per period
    tick: int  # steps last a multiple of this many days
    # A crossover's target is cut only once the old drug is gone (what the caps kept of
    # it is reduced first); a short-acting drug taken at several times keeps them all.
    held_last: str | None = None
    balanced: frozenset[str] = frozenset()

    @classmethod
    def of(
        cls,
        model: RateModel,
        ctx: PlanContext,
        settings: PlanSettings,
        current: dict[Key, Decimal] | None = None,
    ) -> Pace:
        final = {d: settings.final_dose_mg or f.smallest() for d, f in ctx.forms.items()}
        tick = 1 if settings.micro else settings.every_days
        balanced: frozenset[str] = frozenset()
        if settings.keep_dose_times and current:
            balanced = frozenset(
                drug for drug in ctx.short_acting if sum(k[1] == drug for k in current) > 1
            )
        return cls(
            model,
            ctx.forms,
            ctx.factors,
            final,
            settings.every_days,
            tick,
            settings.crossover_to,
            balanced,
        )

    def order(self, current: dict[Key, Decimal]) -> list[Key]:
        """The dose times in the order they are cut: one the form cannot make first; in a
        crossover the old drug, the new one only once the old is gone; a short-acting
        drug's largest dose first; else the earliest in the day."""
        live = sorted(current)
        if self.held_last is not None and any(k[1] != self.held_last for k in live):
            live = [k for k in live if k[1] != self.held_last]
        if self.balanced:
            live.sort(
                key=lambda k: -current[k] * self.factors[k[1]] if k[1] in self.balanced else _ZERO
            )
        live.sort(key=lambda k: self.forms[k[1]].can_make(current[k]))
        return live

    def floor(self, key: Key, current: dict[Key, Decimal]) -> Decimal:
        """The least a dose time may go to: a kept dose time of a short-acting drug stays
        at the smallest amount until every other time of that drug is there too."""
        drug = key[1]
        if drug not in self.balanced:
            return _ZERO
        smallest = self.forms[drug].smallest()
        if current[key] <= smallest or not any(
            k[1] == drug and k != key and mg > 0 for k, mg in current.items()
        ):
            return _ZERO
        return smallest


Proposal = tuple[dict[Key, Decimal], str]


def _stopped(key: Key) -> Proposal:
    return {key: _ZERO}, f"{key[0]}: {key[1]} stopped"


def _propose(current: dict[Key, Decimal], total: Decimal, days: int, pace: Pace) -> Proposal | None:
    """The next doses after ``days`` on ``current`` (``total`` mg DE), or None to hold."""
    target = pace.model.target(total, days)
    if target >= total:
        return None
    if len(current) == 1:
        ((key, mg),) = current.items()
        drug = key[1]
        if mg <= pace.final[drug] and days >= pace.every:
            return _stopped(key)
        new_mg = pace.forms[drug].at_or_above(target / pace.factors[drug])
        if _ZERO < new_mg < mg:
            return {key: new_mg}, ""
        return _stopped(key) if target * 2 < total else None
    # A dose the form cannot make (only ever a starting dose) is cut first, onto the grid.
    for key in pace.order(current):
        factor = pace.factors[key[1]]
        desired = (target - (total - current[key] * factor)) / factor
        new_mg = pace.forms[key[1]].at_or_above(desired)
        if pace.balanced:
            new_mg = max(new_mg, pace.floor(key, current))
        if new_mg < current[key]:
            new = dict(current)
            if new_mg == 0:
                del new[key]
                return new, f"{key[0]}: {key[1]} stopped"
            new[key] = new_mg
            return new, ""
    return None


def _first_day_guess(current: dict[Key, Decimal], total: Decimal, pace: Pace) -> int:
    """Roughly when the next makeable cut (or the stop) is allowed; only a starting point."""
    reachable = total / 2  # the stop rule's "curve below half the last dose"
    live = [k for k, mg in current.items() if mg > 0]
    for key in live:
        form = pace.forms[key[1]]
        lower = form.at_or_below(current[key] - form.quantum)
        if lower > 0 or len(live) > 1:
            reachable = max(reachable, total - (current[key] - lower) * pace.factors[key[1]])
    days = pace.model.days_until(total, reachable)
    if len(live) == 1 and current[live[0]] <= pace.final[live[0][1]]:
        days = min(days, pace.every)
    days = min(max(days, 1.0), MAX_PLAN_DAYS + 1.0)
    tick = pace.tick
    return max(tick, math.ceil(days / tick) * tick)


def _too_long() -> InputError:
    return InputError(
        "At this rate the plan would take more than 30 years; choose a faster rate "
        "or a form that can make smaller amounts."
    )


def _first_allowed_day(
    propose: Callable[[int], Proposal | None], guess: int, tick: int, limit: int
) -> tuple[int, Proposal]:
    """The first day (a multiple of ``tick``) on which ``propose`` allows a change.

    Whether a change is allowed only ever turns from no to yes as days pass, so the guess
    is checked on both sides and corrected by galloping and halving: the same day as
    trying every day, in a few tries.
    """
    proposal = propose(guess)
    low, high = 0, guess
    if proposal is None:
        low, high = guess, guess * 2
        while (proposal := propose(high)) is None:
            if high > limit:
                raise _too_long()
            low, high = high, high * 2
    elif guess > tick:
        earlier = propose(guess - tick)
        if earlier is None:
            low = guess - tick
        else:
            high, proposal = guess - tick, earlier
    while high - low > tick:
        mid = low + (high - low) // (2 * tick) * tick
        found = propose(mid)
        if found is None:
            low = mid
        else:
            high, proposal = mid, found
    if high > limit:
        raise _too_long()
    return high, proposal


def taper_segments(
    current: dict[Key, Decimal],
    model: RateModel,
    ctx: PlanContext,
    settings: PlanSettings,
    note: str = "",
) -> list[Segment]:
    """Reduction steps from ``current`` down to a final step at zero."""
    segments: list[Segment] = []
    pace = Pace.of(model, ctx, settings, current)
    elapsed = 0
    total = ctx.de(current)

    def propose(days: int) -> Proposal | None:
        return _propose(current, total, days, pace)

    days = 0
    while True:
        limit = MAX_PLAN_DAYS - elapsed
        # After a step as short as allowed the next is usually as short (a daily
        # micro-taper): one try settles it, with no estimate. The shortest step is the
        # first allowed day whenever it allows a change.
        shortest = _propose(current, total, days, pace) if days == pace.tick <= limit else None
        if shortest is not None:
            proposal = shortest
        else:
            guess = _first_day_guess(current, total, pace)
            days, proposal = _first_allowed_day(propose, guess, pace.tick, limit)
        if days > pace.every:
            held = f"held {days} days: the form cannot make a smaller cut sooner"
            note = f"{note}; {held}" if note else held
        segments.append(Segment(current, days, note))
        elapsed += days
        current, note = proposal
        total = ctx.de(current)
        if not any(current.values()):  # every dose is zero
            segments.append(Segment(current, 1, note or "stopped"))
            return segments


def _check_final_dose(current: dict[Key, Decimal], settings: PlanSettings) -> None:
    """Refuse a final dose above what is taken now: the plan would stop at once."""
    final = settings.final_dose_mg
    if final is None:
        return
    daily: dict[str, Decimal] = {}
    for (_time, drug), mg in current.items():
        daily[drug] = daily.get(drug, _ZERO) + mg
    drug, largest = max(daily.items(), key=lambda item: item[1])
    if final > largest:
        raise InputError(
            f"The final dose ({fmt(final)} mg) is more than the {fmt(largest)} mg of {drug} "
            "taken a day at the start of the taper. Choose a final dose below it, or leave "
            "it out to stop from the smallest amount the form can make."
        )


OVERLAP = "reducing while switching"


def _overlap_note(seg: Segment, target: str) -> Segment:
    """Mark a step that holds the crossover drug and a capped remainder being reduced."""
    drugs = {drug for (_time, drug), mg in seg.doses.items() if mg > 0}
    if target not in drugs or len(drugs) < 2:
        return seg
    return seg._replace(note=f"{seg.note}; {OVERLAP}" if seg.note else OVERLAP)


def overlap_steps(plan: Plan) -> tuple[int, ...]:
    """Indexes of the steps where substitution and reduction overlap (for charts, tables)."""
    return tuple(s.index for s in plan.steps if OVERLAP in s.note)


def _segments(
    regimen: Regimen, settings: PlanSettings, cat: DrugCatalog
) -> tuple[PlanSettings, PlanContext, list[Segment], list[PlanWarning]]:
    """The plan's runs of days before dates and units are attached, and its engine notes."""
    current = _normalise(regimen, cat)
    settings = with_regimen_releases(regimen, settings, cat)
    check_own_strengths(regimen, settings, cat)
    if settings.crossover_to:
        crossover_target(settings.crossover_to, cat)
    drugs = tuple(dict.fromkeys(k[1] for k in sorted(current)))
    ctx, notes = context_for(drugs, settings, cat)
    segments: list[Segment] = []
    switch_note = ""
    if settings.crossover_to:
        target = cat.get(settings.crossover_to).id
        caps = crossover_caps(target, settings, cat)
        segments, current, crossover_notes, switch_note = _crossover(
            current, target, ctx, settings, caps
        )
        notes.extend(crossover_notes)
    _check_final_dose(current, settings)
    base = settings.rate_base_de_mg or ctx.de(current)
    model = RateModel(
        settings.method,
        settings.rate_percent,
        settings.every_days,
        base,
        settings.hyperbolic_k_de_mg,
    )
    tail = taper_segments(current, model, ctx, settings, switch_note)
    if settings.crossover_to:
        tail = [_overlap_note(seg, cat.get(settings.crossover_to).id) for seg in tail]
    return settings, ctx, segments + tail, notes


class Outline(NamedTuple):
    """One step reduced to what comparing plans needs: no dates, no units to show."""

    de_mg: Decimal  # diazepam-equivalent total (a lone drug's own mg when it has no figure)
    days: int
    note: str


def plan_outline(
    regimen: Regimen, settings: PlanSettings, catalog: DrugCatalog | None = None
) -> tuple[Outline, ...]:
    """The steps ``build_plan`` would make, as totals and lengths only.

    Alternatives are compared by their figures; building their Step objects, units and
    warnings would cost several times as much as the plan shown.
    """
    _settings, ctx, segments, _notes = _segments(regimen, settings, catalog or load_catalog())
    return tuple(Outline(ctx.de(seg.doses), seg.days, seg.note) for seg in segments)


def build_plan(
    regimen: Regimen,
    settings: PlanSettings,
    catalog: DrugCatalog | None = None,
    profile: Profile | None = None,
) -> Plan:
    """A whole taper from ``regimen`` to zero, with warnings that give reasons and sources.

    Modified-release products the regimen names (Xanax XR) join the plan's settings, so
    holds, edits, re-plans and pill counts keep their tablets whole too; the plan's
    regimen names the product for every dose of such a drug. Settings only ever add a
    product here: to let an edited regimen drop one, use ``settings_for_regimen``.
    """
    cat = catalog or load_catalog()
    settings, ctx, segments, notes = _segments(regimen, settings, cat)
    steps = dated_steps(ctx, settings.start, segments)
    plan = Plan(
        regimen=regimen_with_releases(regimen, settings, cat), settings=settings, steps=steps
    )
    return replace(plan, warnings=tuple(notes) + plan_warnings(plan, cat, profile))
