"""Building a taper plan: optional crossover to diazepam, then the reduction steps.

Rules the engine keeps (each has a test):
- every dose is one the chosen form can make; the units shown add up to it exactly;
- a cut never goes faster than the chosen rate allows for the days since the last
  change: the allowed target is rounded *up* to the next amount the form can make, and
  when that is the current dose the step is simply held longer (never sped up later);
- one dose time changes per step, the earliest in the day first (as in the NHS
  Scotland schedules; a starting dose the form cannot make goes first), and a dose
  time may drop to zero while others remain; a short-acting drug taken at several
  times keeps them all, its largest dose cut first (``short_acting``); in a crossover
  what the caps kept of the old drug is cut before the new drug (``crossover``);
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

from benzoapp.core.decimals import fmt
from benzoapp.core.drugs import DrugCatalog, load_catalog
from benzoapp.core.errors import InputError
from benzoapp.core.formulation import Formulation
from benzoapp.core.model import (
    Plan,
    PlanSettings,
    PlanWarning,
    Profile,
    Regimen,
    Step,
)
from benzoapp.core.taper.context import Key, PlanContext, Segment, context_for
from benzoapp.core.taper.crossover import crossover, crossover_target, overlap_note, overlap_steps
from benzoapp.core.taper.limits import crossover_caps
from benzoapp.core.taper.methods import RateModel
from benzoapp.core.taper.release import (
    check_own_strengths,
    regimen_with_releases,
    with_regimen_releases,
)
from benzoapp.core.taper.warnings import plan_warnings

# Re-exported: hand edits, pill counts and the docs name them from here.
__all__ = [
    "MAX_PLAN_DAYS",
    "Key",
    "Outline",
    "PlanContext",
    "Segment",
    "build_plan",
    "context_for",
    "crossover_target",
    "dated_steps",
    "outline_runs",
    "overlap_steps",
    "plan_outline",
    "taper_segments",
]

MAX_PLAN_DAYS = 365 * 30
_ZERO = Decimal(0)  # made once: the hot loops compare and sum with it thousands of times


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
    # A final dose the person asked for stops whatever is left at or below it; the
    # default (the smallest amount the form makes) stops only a dose the form can make.
    final_given: bool = False

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
            settings.final_dose_mg is not None,
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
        if (
            mg <= pace.final[drug]
            and days >= pace.every
            and (pace.final_given or pace.forms[drug].can_make(mg))
        ):
            # A starting dose nothing on record makes (clonazepam 0.125 mg from 0.5 mg
            # tablets) is not stopped after one period: it is held as taken now until the
            # rate allows the stop, and the plan says so with the options that make it.
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
    if len(current) == 1:  # one dose time left (most steps): the same, without the lists
        ((key, mg),) = current.items()
        form = pace.forms[key[1]]
        lower = form.at_or_below(mg - form.quantum)
        if lower > 0:
            reachable = max(reachable, total - (mg - lower) * pace.factors[key[1]])
        days = pace.model.days_until(total, reachable)
        if mg <= pace.final[key[1]]:
            days = min(days, pace.every)
        return _whole_ticks(days, pace.tick)
    live = [k for k, mg in current.items() if mg > 0]
    for key in live:
        form = pace.forms[key[1]]
        lower = form.at_or_below(current[key] - form.quantum)
        if lower > 0 or len(live) > 1:
            reachable = max(reachable, total - (current[key] - lower) * pace.factors[key[1]])
    days = pace.model.days_until(total, reachable)
    if len(live) == 1 and current[live[0]] <= pace.final[live[0][1]]:
        days = min(days, pace.every)
    return _whole_ticks(days, pace.tick)


def _whole_ticks(days: float, tick: int) -> int:
    """``days`` rounded up to a whole number of ticks, at least one, at most past 30 years."""
    days = min(max(days, 1.0), MAX_PLAN_DAYS + 1.0)
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
    *,
    totals: list[Decimal] | None = None,
) -> list[Segment]:
    """Reduction steps from ``current`` down to a final step at zero.

    ``totals``, when given, receives each step's diazepam-equivalent total as it is
    worked out (an outline needs them, and adding them up again cost a tenth of it).
    """
    segments: list[Segment] = []
    pace = Pace.of(model, ctx, settings, current)
    elapsed = 0
    total = ctx.de(current)

    def propose(days: int) -> Proposal | None:
        return _propose(current, total, days, pace)

    days = 0
    while len(current) > 1:  # doses are only ever cut or stopped: one left stays one
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
        if totals is not None:
            totals.append(total)
        elapsed += days
        current, note = proposal
        total = ctx.de(current)
        if not any(current.values()):  # every dose is zero
            segments.append(Segment(current, 1, note or "stopped"))
            if totals is not None:
                totals.append(total)
            return segments
    return _one_dose_tail(
        current, days, note, elapsed, pace=pace, ctx=ctx, segments=segments, totals=totals
    )


def _one_dose_tail(
    current: dict[Key, Decimal],
    days: int,
    note: str,
    elapsed: int,
    *,
    pace: Pace,
    ctx: PlanContext,
    segments: list[Segment],
    totals: list[Decimal] | None,
) -> list[Segment]:
    """``taper_segments`` once a single dose time is left: most steps of most plans.

    The same steps by the same tries: ``propose`` is ``_propose`` and the guess is
    ``_first_day_guess`` for one dose time, with the form, factor and limits of that dose
    held in locals for the whole tail rather than looked up through the pace at every
    day tried (a tenth to a fifth of each try, and an alternative is a whole taper).
    """
    ((key, mg),) = current.items()
    drug = key[1]
    total = ctx.de(current)
    form = pace.forms[drug]
    factor = pace.factors[drug]
    target = pace.model.target
    days_until = pace.model.days_until
    every, tick, final, final_given = pace.every, pace.tick, pace.final[drug], pace.final_given
    # Whether a change, once allowed, stays allowed on every later day tried: then the
    # first allowed day does not depend on where the search starts. True when every day
    # tried is a whole number of periods (the curve is then worked out by one formula,
    # which falls as days pass, and each rounding keeps the order); with steps of part of
    # a period (micro) the percent curve mixes two formulas, so the estimate is kept.
    steady = tick == every

    def propose(days: int) -> Proposal | None:
        allowed = target(total, days)
        if allowed >= total:
            return None
        if mg <= final and days >= every and (final_given or form.can_make(mg)):
            return _stopped(key)  # see _propose: an unmakeable start is held, not stopped
        new_mg = form.at_or_above(allowed / factor)
        if _ZERO < new_mg < mg:
            return {key: new_mg}, ""
        return _stopped(key) if allowed * 2 < total else None

    while True:
        limit = MAX_PLAN_DAYS - elapsed
        shortest = propose(days) if days == tick <= limit else None
        if shortest is not None:
            proposal = shortest
        elif steady and days > tick:
            # Holds come in runs of the same length (28, 28, 42, 42 days): the last one
            # is the first guess, and the search settles the same first allowed day
            # from any guess when the curve falls steadily (see ``steady``).
            days, proposal = _first_allowed_day(propose, days, tick, limit)
        else:
            reachable = total / 2  # as in _first_day_guess, for one dose time
            lower = form.at_or_below(mg - form.quantum)
            if lower > 0:
                reachable = max(reachable, total - (mg - lower) * factor)
            estimate = days_until(total, reachable)
            if mg <= final:
                estimate = min(estimate, every)
            guess = _whole_ticks(estimate, tick)
            days, proposal = _first_allowed_day(propose, guess, tick, limit)
        if days > every:
            held = f"held {days} days: the form cannot make a smaller cut sooner"
            note = f"{note}; {held}" if note else held
        segments.append(Segment(current, days, note))
        if totals is not None:
            totals.append(total)
        elapsed += days
        current, note = proposal
        mg = current[key]
        total = _ZERO + mg * factor  # ctx.de of this one dose, the same sum
        if not mg:  # the dose is stopped
            segments.append(Segment(current, 1, note or "stopped"))
            if totals is not None:
                totals.append(total)
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


def _segments(
    regimen: Regimen,
    settings: PlanSettings,
    cat: DrugCatalog,
    totals: list[Decimal] | None = None,
) -> tuple[PlanSettings, PlanContext, list[Segment], list[PlanWarning]]:
    """The plan's runs of days before dates and units are attached, and its engine notes
    (``totals``, when given, receives each run's diazepam-equivalent total)."""
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
        segments, current, crossover_notes, switch_note = crossover(
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
    if totals is not None:
        totals.extend(ctx.de(seg.doses) for seg in segments)
    tail = taper_segments(current, model, ctx, settings, switch_note, totals=totals)
    if settings.crossover_to:
        tail = _overlap_notes(tail, cat.get(settings.crossover_to).id)
    return settings, ctx, segments + tail, notes


def _overlap_notes(tail: list[Segment], target: str) -> list[Segment]:
    """Mark the steps where the capped remainder is reduced beside the new drug.

    Only the first steps can hold both drugs (the old one is reduced first and never
    comes back), so the marking stops at the first step without it.
    """
    for index, seg in enumerate(tail):
        if all(drug == target for (_time, drug), mg in seg.doses.items() if mg > 0):
            break
        tail[index] = overlap_note(seg, target)
    return tail


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
    totals, segments = outline_runs(regimen, settings, catalog)
    return tuple(
        Outline(total, seg.days, seg.note) for total, seg in zip(totals, segments, strict=True)
    )


def outline_runs(
    regimen: Regimen, settings: PlanSettings, catalog: DrugCatalog | None = None
) -> tuple[list[Decimal], list[Segment]]:
    """``plan_outline`` as two lists side by side, each step's total and its run of days:
    what the figures of an alternative are read from, without an Outline per step."""
    totals: list[Decimal] = []
    _settings, _ctx, segments, _notes = _segments(
        regimen, settings, catalog or load_catalog(), totals
    )
    return totals, segments


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
