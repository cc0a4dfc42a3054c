"""What the taper engine says around a plan, re-shaped for the printout.

The crossover caps in force, the country and measuring settings, the gentler
alternatives with their figures and the slower paces the profile calls for. The engine
decides all of it
(``core.taper.crossover``, ``limits``, ``alternatives``, ``pace``); this only puts it
in words, so the PDF, the window's export and ``plan --pdf`` print the same.
"""

from __future__ import annotations

from decimal import Decimal

from benzoapp.core.decimals import fmt
from benzoapp.core.drugs import DrugCatalog
from benzoapp.core.errors import InputError
from benzoapp.core.model import Form, Plan, Profile
from benzoapp.report.data import OptionRow, PlanGuidance


def figures_text(largest_cut_pct: Decimal, longest_hold_days: int, days: int) -> str:
    """``largest cut 10%, longest forced hold 0 days, 420 days``: one way everywhere."""
    return (
        f"largest cut {fmt(largest_cut_pct)}%, longest forced hold {longest_hold_days} "
        f"days, {days} days in all"
    )


def caps_text(plan: Plan, catalog: DrugCatalog) -> tuple[str, str]:
    """The crossover caps in force, in words, and their source; empty without a crossover."""
    from benzoapp.core.taper.limits import CAP_SOURCE, crossover_caps

    target = plan.settings.crossover_to
    if target is None:
        return "", ""
    try:
        drug = catalog.get(target)
    except InputError:
        return "", ""
    if not plan.settings.crossover_caps:
        return f"none: the full equivalent of {drug.id} is substituted (caps turned off)", ""
    caps = crossover_caps(drug.id, plan.settings, catalog)
    daily = "no cap" if caps.daily_mg is None else f"{fmt(caps.daily_mg)} mg"
    per_dose = "no cap" if caps.per_dose_mg is None else f"{fmt(caps.per_dose_mg)} mg"
    return f"{drug.id} at most {daily} a day, {per_dose} per dose time", CAP_SOURCE


def settings_rows(plan: Plan) -> tuple[tuple[str, str], ...]:
    """The country and measuring settings, only those set (defaults print nothing)."""
    s = plan.settings
    rows: list[tuple[str, str]] = []
    if s.country:
        rows.append(("Country", f"{s.country} (products on record there)"))
    if s.form is Form.LIQUID and s.syringe_step_ml is not None:
        rows.append(("Measuring", f"oral syringe marked every {fmt(s.syringe_step_ml)} ml"))
    if s.tablet_mass_mg is not None or s.scale_resolution_mg is not None:
        parts = []
        if s.tablet_mass_mg is not None:
            parts.append(f"one whole tablet weighs {fmt(s.tablet_mass_mg)} mg")
        if s.scale_resolution_mg is not None:
            parts.append(f"the scale reads to {fmt(s.scale_resolution_mg)} mg")
        rows.append(("Measuring", "; ".join(parts)))
    return tuple(rows)


def plan_guidance(plan: Plan, catalog: DrugCatalog, profile: Profile | None) -> PlanGuidance:
    """Everything of :class:`PlanGuidance` for ``plan`` (see the module docstring)."""
    from benzoapp.core.taper.alternatives import alternatives, plan_figures
    from benzoapp.core.taper.pace import pace_suggestions

    caps, caps_source = caps_text(plan, catalog)
    if caps and caps_source:
        caps = f"{caps} ({caps_source})"
    own = plan_figures(plan)
    options = tuple(
        OptionRow(
            a.what,
            figures_text(
                a.figures.largest_cut_pct, a.figures.longest_forced_hold_days, a.figures.days
            ),
            a.source,
        )
        for a in alternatives(plan, catalog)
    )
    paces = tuple(
        OptionRow(
            f"{fmt(p.rate_percent)}% of the current dose every {p.every_days} days",
            p.reason,
            p.source,
        )
        for p in pace_suggestions(plan, profile)
    )
    return PlanGuidance(
        caps=caps,
        settings=settings_rows(plan),
        own_figures=figures_text(own.largest_cut_pct, own.longest_forced_hold_days, own.days),
        alternatives=options,
        paces=paces,
    )
