"""Warnings about a plan, each with its reason and source; never silent.

They are worked out from the steps themselves, so a plan edited by hand is checked by
the same rules as one the engine made.
"""

from __future__ import annotations

from decimal import Decimal

from benzoapp.core.decimals import fmt, round_half_up
from benzoapp.core.drugs import DrugCatalog
from benzoapp.core.model import Form, Method, Plan, PlanWarning, Profile, Step, WarningLevel
from benzoapp.core.taper.equivalents import (
    NO_EQUIVALENT,
    factor_or_own,
    plan_missing_equivalents,
)
from benzoapp.core.taper.limits import limit_warnings
from benzoapp.core.taper.release import release_forms, release_warnings
from benzoapp.core.taper.short_acting import short_acting_warnings
from benzoapp.core.taper.unmakeable import start_warnings

ASAM_RATE = "ASAM 2025 Rec. 6 (initial cuts 5–10%; typically not more than 25% every 2 weeks)"
HOROWITZ = "Horowitz & Taylor 2019, Lancet Psychiatry 6:538–46"
KINDLING = (
    "induced-symptoms (Benzodiazepine-Induced or Increased Symptoms), "
    "point 3: central sensitization and kindling"
)
MULTI = "ASAM 2025 Rec. 7 (a comparable dose of one longer-acting benzodiazepine)"
TABLE_NOTE = "ASAM 2025 Table 7 footnote: equivalents are for guidance only"
# Codes that depend on the person's profile; an edit keeps them as they were.
PROFILE_CODES = frozenset({"kindling"})
_EPS = 1e-9
_ZERO = Decimal(0)  # made once: the per-step loops below use them thousands of times
_ONE = Decimal(1)
_QUARTER_AT_ONCE = 0.75 * (1 - _EPS)  # one step keeping less than this cuts over 25%


def _mg(value: Decimal) -> str:
    return fmt(round_half_up(value, Decimal("0.01")))


def _pct(value: Decimal) -> str:
    return fmt(round_half_up(value, Decimal("0.1")))


def step_de(
    step: Step, plan: Plan, catalog: DrugCatalog, factors: dict[str, Decimal] | None = None
) -> Decimal:
    """Exact diazepam-equivalent total of a step, in the plan's table.

    A lone drug the table has no figure for counts in its own mg (see ``equivalents``).
    """
    known = factors if factors is not None else {}
    total = _ZERO
    for dose in step.doses:
        factor = known.get(dose.drug)
        if factor is None:
            factor = factor_or_own(dose.drug, plan.settings.table, catalog)
            known[dose.drug] = factor
        total += dose.mg * factor
    return total


def _rate_warnings(plan: Plan, catalog: DrugCatalog) -> list[PlanWarning]:
    found: list[PlanWarning] = []
    missing = plan_missing_equivalents(plan, catalog)
    unit = f"mg of {missing[0]}" if missing else "mg diazepam equivalent"
    steps = [s for s in plan.steps if not s.history]
    factors: dict[str, Decimal] = {}
    totals = [step_de(s, plan, catalog, factors) for s in steps]
    limits: dict[int, tuple[float, float, Decimal]] = {}
    # The share each step keeps of a dose above zero, when it keeps any: the smallest
    # makes the largest percentage cut (for linear plans), with no second pass.
    kept_shares: list[Decimal] = []
    target = plan.settings.crossover_to
    same_dose_days = 0  # days the dose has stayed unchanged, over consecutive steps
    for i in range(1, len(steps)):
        prev, cur = steps[i - 1], steps[i]
        a, b = totals[i - 1], totals[i]
        same_dose_days = same_dose_days + prev.days if i > 1 and a == totals[i - 2] else prev.days
        if b > a:
            if a > 0:
                kept_shares.append(b / a)
            found.append(_increase_warning(prev, cur, a, b, target, unit=unit))
            continue
        if b == a:
            if a > 0:
                kept_shares.append(_ONE)
            continue
        if not b:  # zero
            if i == 1:
                found.append(
                    PlanWarning(
                        "stops_at_once",
                        WarningLevel.STRONG,
                        "This plan stops everything at once. Stopping abruptly after regular "
                        "use risks severe withdrawal; guidelines advise a gradual taper.",
                        f"{ASAM_RATE}; {HOROWITZ}",
                        cur.index,
                    )
                )
            else:
                found.append(_stop_warning(cur, a, totals[0], unit))
            continue
        ratio = b / a
        kept_shares.append(ratio)
        warning = _pace_warning(cur, same_dose_days, ratio, limits)
        if warning is not None:
            found.append(warning)
    if plan.settings.method is Method.LINEAR and len(steps) > 2 and kept_shares:
        found.append(_linear_warning(min(kept_shares)))
    return found


def _increase_warning(
    prev: Step, cur: Step, a: Decimal, b: Decimal, target: str | None, *, unit: str
) -> PlanWarning:
    """A step above the one before: by hand, or by rounding while switching drugs."""
    rise = f"({_mg(a)} to {_mg(b)} {unit})"
    switching = target is not None and any(d.drug != target and d.mg for d in prev.doses)
    if switching and not cur.edited:
        return PlanWarning(
            "crossover_rounded_up",
            WarningLevel.INFO,
            f"Step {cur.index + 1} is higher than the step before {rise}: while "
            f"switching to {target}, each dose is rounded to the nearest amount the form "
            "can make, and here that rounds up.",
            "BenzoApp rounding rule (nearest makeable amount, halves up)",
            cur.index,
        )
    how = ", as set by hand" if cur.edited else ""
    return PlanWarning(
        "dose_increase",
        WarningLevel.INFO,
        f"Step {cur.index + 1} is higher than the step before {rise}{how}.",
        "BenzoApp: doses only rise when you choose it",
        cur.index,
    )


def _stop_warning(step: Step, last: Decimal, start: Decimal, unit: str) -> PlanWarning:
    """The final stop: a cut of 100% of what is left, judged by its share of the start.

    A stop of more than a quarter of the starting dose is more than 25% within 2 weeks
    of the starting dose however long it was held, so it is a strong warning.
    """
    share = last / start * 100 if start else _ZERO
    if share > 25:
        level = WarningLevel.STRONG
    elif share > 5:
        level = WarningLevel.CAUTION
    else:
        level = WarningLevel.INFO
    faster = (
        " Stopping this much at once is faster than 25% every 2 weeks, which guidelines "
        "say a taper should typically not exceed."
        if level is WarningLevel.STRONG
        else ""
    )
    return PlanWarning(
        "last_step_to_zero",
        level,
        f"The last step stops the final {_mg(last)} {_unit_words(unit)}, "
        f"{_pct(share)}% of the starting dose.{faster} Any cut to zero is 100% of what is "
        "left: hold longer first if you need to.",
        f"{ASAM_RATE}; {HOROWITZ}",
        step.index,
    )


def _unit_words(unit: str) -> str:
    """ "mg (diazepam equivalent)" as the stop warning always said it, or "mg of X"."""
    return "mg (diazepam equivalent)" if unit == "mg diazepam equivalent" else unit


def _pace_warning(
    step: Step, days: int, ratio: Decimal, limits: dict[int, tuple[float, float, Decimal]]
) -> PlanWarning | None:
    """A cut faster than 10% (or 25%) per 14 days, ``days`` after the dose last changed.

    A single cut of more than 25% of the current dose is strong however long the dose
    was held before: the cut itself happens within 2 weeks.
    """
    if days not in limits:  # the share a rate of 10% or 25% per 14 days keeps
        quarter = max(0.75 ** (days / 14) * (1 - _EPS), _QUARTER_AT_ONCE)
        ok = max(0.9 ** (days / 14) * (1 - _EPS), quarter)
        limits[days] = (ok, quarter, Decimal(ok))
    ok, quarter, exact_ok = limits[days]
    # Decimal(ok) is exactly ok, and rounding to a float never crosses a float, so a
    # ratio at or above it is at or above ok as a float too: most steps need no float.
    if ratio >= exact_ok:
        return None
    kept = float(ratio)  # a classification, not a dose: a float is exact enough
    if kept >= ok:
        return None
    pct = _pct((1 - ratio) * 100)
    after = f"after {days} days on the same dose"
    if kept < quarter:
        if kept < _QUARTER_AT_ONCE:
            what = f"{pct}% of the current dose in one step ({after}): more than 25% at once is"
        else:
            what = f"{pct}% {after}:"
        return PlanWarning(
            "faster_than_25pct_per_2wk",
            WarningLevel.STRONG,
            f"Step {step.index + 1} cuts {what} faster than 25% every 2 weeks, "
            "which guidelines say a taper should typically not exceed.",
            ASAM_RATE,
            step.index,
        )
    return PlanWarning(
        "faster_than_10pct_per_2wk",
        WarningLevel.CAUTION,
        f"Step {step.index + 1} cuts {pct}% {after}: faster than the "
        "usual starting pace of 5–10% of the current dose every 2 weeks.",
        ASAM_RATE,
        step.index,
    )


def _linear_warning(smallest_kept: Decimal) -> PlanWarning:
    # (1 - kept) * 100 only falls as ``kept`` rises, and Decimal's rounding keeps that
    # order, so the smallest share kept gives the largest of the step-by-step cuts.
    largest_cut = (1 - smallest_kept) * 100
    return PlanWarning(
        "linear_large_last_cuts",
        WarningLevel.CAUTION,
        "Equal mg cuts become large shares of a small dose: the last cuts here "
        f"take up to {fmt(round_half_up(largest_cut, Decimal('0.1')))}% of the "
        "current dose. Percent or hyperbolic tapers keep the late cuts small.",
        HOROWITZ,
    )


def _regimen_warnings(
    plan: Plan, catalog: DrugCatalog, profile: Profile | None
) -> list[PlanWarning]:
    found: list[PlanWarning] = []
    drugs = tuple(dict.fromkeys(catalog.get(d.drug).id for d in plan.regimen.doses))
    table = catalog.table(plan.settings.table)
    if len(drugs) > 1:
        found.append(
            PlanWarning(
                "multiple_drugs",
                WarningLevel.CAUTION,
                f"You take more than one benzodiazepine or Z-drug ({', '.join(drugs)}). Their "
                "effects add up; the plan counts them together in diazepam equivalents, "
                "which are approximate.",
                f"{MULTI}; induced-symptoms (Z-drugs share the mechanism)",
            )
        )
    used = set(drugs) | (
        {catalog.get(plan.settings.crossover_to).id} if plan.settings.crossover_to else set()
    )
    if len(used) > 1:
        found.append(
            PlanWarning(
                "equivalence_approximate",
                WarningLevel.INFO,
                f"Doses are compared using the {table.name} equivalence table. Equivalents "
                "are approximate and people differ; watch how you feel after each change.",
                f"{table.source}; {TABLE_NOTE}",
            )
        )
    missing = plan_missing_equivalents(plan, catalog)
    for drug in missing:
        found.append(_no_equivalent_warning(drug, table.name, table.source, catalog))
    for drug in sorted(used):
        if drug in missing:
            continue
        entry = catalog.equivalent(drug, table.id)
        if not entry.verified:
            found.append(
                PlanWarning(
                    "equivalence_unverified",
                    WarningLevel.CAUTION,
                    f"The {table.name} figure for {drug} could not be checked against its "
                    "source text here; confirm it with your prescriber or pharmacist.",
                    entry.source,
                )
            )
    if profile is not None and (profile.prior_withdrawals > 0 or profile.reinstatements > 0):
        found.append(
            PlanWarning(
                "kindling",
                WarningLevel.CAUTION,
                "You have been through withdrawal before. Repeated rounds of taking and "
                "stopping can leave the nervous system more sensitive each time (kindling), "
                "so a slower pace and more holds may be wiser.",
                KINDLING,
            )
        )
    return found


def _no_equivalent_warning(
    drug: str, table_name: str, table_source: str, catalog: DrugCatalog
) -> PlanWarning:
    others = [t.name for t in catalog.tables.values() if drug in t.entries]
    where = f" Tables that have one: {', '.join(others)}." if others else ""
    return PlanWarning(
        NO_EQUIVALENT,
        WarningLevel.INFO,
        f"The {table_name} table has no diazepam-equivalent figure for {drug}, so this plan "
        f"reduces {drug} in its own milligrams and shows no diazepam equivalent (none is "
        "made up). It cannot be crossed over or added to other drugs in one total."
        f"{where}",
        f"BenzoApp drug data (resources/drugs/equivalence.json); {table_source}",
    )


def _form_warnings(plan: Plan, catalog: DrugCatalog) -> list[PlanWarning]:
    found: list[PlanWarning] = []
    for step in plan.steps:
        if step.history:
            continue
        for dose in step.doses:
            if not dose.makeable:
                found.append(
                    PlanWarning(
                        "unmakeable_dose",
                        WarningLevel.CAUTION,
                        f"{fmt(dose.mg)} mg {dose.drug} at {dose.time} cannot be made exactly "
                        "with the chosen tablets or liquid.",
                        "BenzoApp formulation check",
                        step.index,
                    )
                )
    # Holds of a modified-release drug are told by its own warning: a liquid of it would
    # be a switch of product, not a way to keep the pace.
    whole_only = set(release_forms(plan.settings, catalog))
    held = [
        s
        for s in plan.steps
        if "held" in s.note and not s.history and not any(d.drug in whole_only for d in s.doses)
    ]
    if held and plan.settings.form is Form.TABLET:
        # Only a form on record for the drug is ever suggested, asked where the
        # alternatives ask (imported here: alternatives builds plans, which need these).
        from benzoapp.core.taper.alternatives import forms_on_record

        drugs = {d.drug for s in held for d in s.doses if d.mg > 0}
        with_liquid = sorted(
            d for d in drugs if forms_on_record(catalog.drugs[d], plan.settings)[1]
        )
        if with_liquid == sorted(drugs):
            remedy = "An oral liquid (or weighed amounts) would keep the chosen pace."
        else:
            remedy = (
                "Weighed amounts would keep the chosen pace (no oral liquid of "
                f"{', '.join(sorted(set(drugs) - set(with_liquid)))} is on record); see "
                "also the alternatives."
            )
        found.append(
            PlanWarning(
                "tablet_holds",
                WarningLevel.INFO,
                f"Tablets cannot make cuts small enough here, so {len(held)} step(s) are held "
                f"longer than chosen. {remedy}",
                "Maudsley Deprescribing Guidelines 2024 (liquids for doses tablets cannot make)",
                held[0].index,
            )
        )
    return found


def plan_warnings(
    plan: Plan, catalog: DrugCatalog, profile: Profile | None
) -> tuple[PlanWarning, ...]:
    """Every warning the plan deserves, regimen-wide first, then step by step."""
    return tuple(
        _regimen_warnings(plan, catalog, profile)
        + limit_warnings(plan, catalog)
        + short_acting_warnings(plan, catalog)
        + _rate_warnings(plan, catalog)
        + _form_warnings(plan, catalog)
        + start_warnings(plan, catalog)
        + release_warnings(plan, catalog)
    )
