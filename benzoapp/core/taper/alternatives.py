"""Gentler options a prescriber could choose, each worked out as a whole plan with its figures.

When a plan has a single cut above 25% of the dose, a hold forced by the form longer
than two periods, or a short-acting drug taken several times a day, the engine plans
the alternatives that could avoid it and shows each with the same three figures as the
plan (largest single cut, longest forced hold, duration):

- a crossover to diazepam (ASAM 2025 Rec. 7; PrescQIPP/NHS for Z-drugs, temazepam and
  preparations that do not allow small reductions; Maudsley for inter-dose withdrawal);
- an oral liquid of the drug tapered, only where one is on record for it;
- a smaller tablet strength that exists, when the person plans with their own tablets.

Nothing is applied: each alternative carries the settings that would give it, and the
person (with their prescriber) chooses. Which forms exist is asked through one function,
``forms_on_record``, so country-aware product data can answer it in one place.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Any

from benzoapp.core.decimals import fmt, round_half_up
from benzoapp.core.drugs import DIAZEPAM, Drug, DrugCatalog, Liquid, Product, Tablet
from benzoapp.core.errors import InputError
from benzoapp.core.model import Form, Plan, PlanSettings, TabletStrength
from benzoapp.core.taper.context import Segment
from benzoapp.core.taper.engine import Outline, outline_runs
from benzoapp.core.taper.equivalents import plan_missing_equivalents
from benzoapp.core.taper.release import release_forms
from benzoapp.core.taper.short_acting import SWITCH_SOURCES, several_times, switch_reason
from benzoapp.core.taper.unmakeable import SOURCE, countries_making, unmakeable_start

LARGE_CUT_PCT = Decimal(25)  # ASAM 2025 Rec. 6: typically not more than 25% every 2 weeks
HOLD_PERIODS = 2  # a forced hold longer than this many periods calls for alternatives
LIQUID_SOURCE = (
    "Maudsley Deprescribing Guidelines 2024, benzodiazepine chapter (liquids or small-dose "
    "formulations for doses tablets cannot make)"
)
TABLET_SOURCE = "ASAM 2025 Rec. 6 (initial cuts 5–10%); Maudsley 2024 (small-dose formulations)"
_PCT = Decimal("0.1")
_NONE = Decimal(0)  # compared with every step's total: made once
_FORM_WORDS = {"odt": "orally disintegrating tablet", "liquid": "oral liquid"}
WINDOW = Decimal("0.25")  # figures look at doses above this share of the starting dose


@dataclass(frozen=True)
class PlanFigures:
    """What a person compares plans by: the largest single cut, the longest hold forced by
    the form, and how many days the taper takes."""

    largest_cut_pct: Decimal
    longest_forced_hold_days: int
    days: int


@dataclass(frozen=True)
class Alternative:
    """One option: what it is, the settings that give it (only those that change), its
    figures and the guideline that offers it."""

    what: str
    changes: dict[str, Any] = field(hash=False)
    settings: PlanSettings = field(repr=False)
    figures: PlanFigures
    source: str


def forms_on_record(
    drug: Drug, settings: PlanSettings
) -> tuple[tuple[Tablet, ...], tuple[Liquid, ...]]:
    """The tablets and liquids of a drug on record in the person's country: the only forms
    ever suggested (a liquid sold elsewhere is never offered, nor tablets in a country
    where none of that drug are on record: the common strengths a plan falls back on
    there, with a warning, are not a product to suggest)."""
    country = settings.country
    tablets = drug.tablets_in(country) if country is None or drug.has_solids_in(country) else ()
    return tablets, drug.liquids_in(country)


def plan_figures(plan: Plan) -> PlanFigures:
    """The three figures of a plan, over the steps still to take.

    Cuts and forced holds count while the dose is above a quarter of the starting dose
    (diazepam equivalent). Below that every form ends in steps that are large shares of
    a small dose (2 mg to 1 mg is 50%), whatever the plan; the last-step warning judges
    that part by its share of the start, as this does. A stop to zero from above a
    quarter of the start counts as a cut of 100%. A forced hold is a step held longer
    than the period because the form could not make a smaller cut sooner.
    """
    return outline_figures(
        [Outline(s.diazepam_equivalent_mg, s.days, s.note) for s in plan.steps if not s.history]
    )


def outline_figures(steps: Sequence[Outline]) -> PlanFigures:
    """``plan_figures`` of steps given as totals, lengths and notes (see there)."""
    return runs_figures([s.de_mg for s in steps], steps)


def runs_figures(totals: Sequence[Decimal], runs: Sequence[Segment | Outline]) -> PlanFigures:
    """``outline_figures`` of each step's total beside its run of days (and its note):
    what ``outline_runs`` gives, read without making an Outline per step."""
    if not totals:
        return PlanFigures(Decimal(0), 0, 0)
    floor = totals[0] * WINDOW
    # The largest share cut, times 100 once at the end: multiplying by 100 only moves
    # the decimal point, so it picks the same cut as comparing percentages, for less.
    largest = _NONE
    hold = 0
    days = 0
    before = totals[0]
    for total, run in zip(totals, runs, strict=True):
        if total < before and before > floor:
            share = (before - total) / before
            largest = max(largest, share)
        before = total
        if total > _NONE:
            span = run.days
            days += span
            if span > hold and total > floor and "form cannot make" in run.note:
                hold = span
    return PlanFigures(round_half_up(largest * 100, _PCT), hold, days)


def needs_alternatives(
    plan: Plan, catalog: DrugCatalog, figures: PlanFigures | None = None
) -> bool:
    """Whether the plan has a large cut, a long forced hold or a short-acting drug taken
    several times a day (the situations in which alternatives are offered)."""
    fig = figures or plan_figures(plan)
    if unmakeable_start(plan, catalog):  # issue 13 point 4: say so and offer the options
        return True
    if fig.largest_cut_pct > LARGE_CUT_PCT:
        return True
    if fig.longest_forced_hold_days > HOLD_PERIODS * plan.settings.every_days:
        return True
    return not plan.settings.crossover_to and bool(several_times(plan, catalog))


def _still_coarse(figures: PlanFigures, settings: PlanSettings) -> bool:
    return (
        figures.largest_cut_pct > LARGE_CUT_PCT
        or figures.longest_forced_hold_days > HOLD_PERIODS * settings.every_days
    )


def _taper_drugs(plan: Plan, catalog: DrugCatalog) -> tuple[str, ...]:
    if plan.settings.crossover_to:
        return (catalog.get(plan.settings.crossover_to).id,)
    return tuple(dict.fromkeys(catalog.get(d.drug).id for d in plan.regimen.doses))


def _try(plan: Plan, settings: PlanSettings, catalog: DrugCatalog) -> PlanFigures | None:
    try:
        totals, runs = outline_runs(plan.regimen, settings, catalog)
    except InputError:  # e.g. a pace that would outlast 30 years in this form
        return None
    return runs_figures(totals, runs)


def _switch_base(plan: Plan, catalog: DrugCatalog) -> tuple[PlanSettings, str] | None:
    """The settings of a switch to diazepam and the guideline offering it (None: no switch
    applies, e.g. already one, diazepam itself, or a drug with no equivalent)."""
    drugs = _taper_drugs(plan, catalog)
    if plan.settings.crossover_to or drugs == (DIAZEPAM,):
        return None
    if plan_missing_equivalents(plan, catalog):
        return None
    reasons = [r for d in drugs if (r := switch_reason(d, catalog))]
    source = "; ".join(dict.fromkeys(reasons)) or SWITCH_SOURCES["short"]
    settings = replace(plan.settings, crossover_to=DIAZEPAM, tablets=(), liquid_mg_per_ml=None)
    return settings, source


def _crossover(
    plan: Plan, base: PlanSettings, source: str, catalog: DrugCatalog
) -> Alternative | None:
    """The switch in the plan's form, when diazepam in that form is on record there."""
    settings = base
    tablets, liquids = forms_on_record(catalog.drugs[DIAZEPAM], settings)
    if settings.form is Form.LIQUID and not liquids:
        settings = replace(settings, form=Form.TABLET)
    if settings.form is not Form.LIQUID and not tablets:
        return None  # only diazepam's liquid is on record there: see _switch_and_liquid
    figures = _try(plan, settings, catalog)
    if figures is None:
        return None
    return Alternative(
        "Switch to a comparable dose of diazepam first, then taper diazepam "
        "(substituted under the usual daily maximum)",
        {"crossover_to": DIAZEPAM},
        settings,
        figures,
        source,
    )


def _liquid(plan: Plan, catalog: DrugCatalog) -> Alternative | None:
    if plan.settings.form is Form.LIQUID:
        return None
    drugs = _taper_drugs(plan, catalog)
    if len(drugs) != 1 or release_forms(plan.settings, catalog):
        return None
    liquids = forms_on_record(catalog.drugs[drugs[0]], plan.settings)[1]
    if not liquids:
        return None
    strength = liquids[0].mg_per_ml
    settings = replace(plan.settings, form=Form.LIQUID, liquid_mg_per_ml=strength)
    figures = _try(plan, settings, catalog)
    if figures is None:
        return None
    return Alternative(
        f"An oral liquid of {drugs[0]} ({fmt(strength)} mg/ml), measured with an oral syringe",
        {"form": Form.LIQUID.value, "liquid_mg_per_ml": strength},
        settings,
        figures,
        f"{LIQUID_SOURCE}; liquid on record: {liquids[0].source}",
    )


def _smaller_tablet(plan: Plan, catalog: DrugCatalog) -> Alternative | None:
    own = plan.settings.tablets
    if not own or plan.settings.form is not Form.TABLET:
        return None
    drugs = _taper_drugs(plan, catalog)
    if len(drugs) != 1 or release_forms(plan.settings, catalog):
        return None
    drug = catalog.drugs[drugs[0]]
    mine = [t for t in own if catalog.get(t.drug).id == drug.id]
    smallest = min((t.mg for t in mine), default=None)
    smaller = [
        t for t in forms_on_record(drug, plan.settings)[0] if smallest is None or t.mg < smallest
    ]
    if not smaller:
        return None
    pick = max(smaller, key=lambda t: t.mg)  # the next strength down, closest to what is had
    added = TabletStrength(drug.id, pick.mg, pick.max_split)
    settings = replace(plan.settings, tablets=(*own, added))
    figures = _try(plan, settings, catalog)
    if figures is None:
        return None
    return Alternative(
        f"Add {drug.id} {fmt(pick.mg)} mg tablets to the ones you have",
        {"tablets": [{"drug": drug.id, "mg": pick.mg, "max_split": pick.max_split}]},
        settings,
        figures,
        f"{TABLET_SOURCE}; strength on record: {drug.tablets_source}",
    )


def alternatives(plan: Plan, catalog: DrugCatalog) -> tuple[Alternative, ...]:
    """The gentler options for ``plan`` (none when it needs none), each with its figures.

    An option whose figures are no gentler than the plan's own (neither a smaller largest
    cut nor a shorter longest forced hold) is left out: a liquid as coarse as the tablets
    is no option. Two kinds are kept whatever their figures, since
    they answer something the figures do not measure: the switch a guideline offers for
    the drug (inter-dose withdrawal, Z-drugs), and the products of a country that make a
    starting dose nothing else on record makes.
    """
    own = plan_figures(plan)
    if not needs_alternatives(plan, catalog, own):
        return ()
    base = _switch_base(plan, catalog)
    switch = None if base is None else _crossover(plan, *base, catalog)
    found = [a for a in (_liquid(plan, catalog), _smaller_tablet(plan, catalog)) if a]
    if base is not None and (switch is None or _still_coarse(switch.figures, switch.settings)):
        both = _switch_and_liquid(plan, *base, catalog)
        if both is not None and switch is None:
            switch = both  # diazepam is on record there only as a liquid
        elif both is not None:
            found.append(both)
    kept = [a for a in found if _gentler(a.figures, own)]
    if switch is not None and (_gentler(switch.figures, own) or _guideline_switch(plan, catalog)):
        kept.insert(0, switch)
    return (*kept, *_countries(plan, catalog))


def _product_words(product: Product) -> str:
    unit = "mg/ml" if product.form == "liquid" else "mg"
    return f"{_FORM_WORDS.get(product.form, product.form)} {fmt(product.mg)} {unit}"


def _gentler(figures: PlanFigures, own: PlanFigures) -> bool:
    """Better than the plan on the largest cut or on the longest forced hold.

    An option better on one and worse on the other is a trade-off a prescriber may want
    to weigh, so it is shown with its figures; one better on neither is no option.
    """
    return (
        figures.largest_cut_pct < own.largest_cut_pct
        or figures.longest_forced_hold_days < own.longest_forced_hold_days
    )


def _guideline_switch(plan: Plan, catalog: DrugCatalog) -> bool:
    """Whether a guideline offers the switch for a drug of the plan (see short_acting)."""
    return any(switch_reason(d, catalog) for d in _taper_drugs(plan, catalog))


def _countries(plan: Plan, catalog: DrugCatalog) -> list[Alternative]:
    """With no country chosen, the countries whose products make a starting dose that the
    common strengths cannot (clonazepam 0.125 mg: a US orally disintegrating tablet)."""
    missing = unmakeable_start(plan, catalog)
    first = next((s for s in plan.steps if not s.history), None)
    if plan.settings.country is not None or not missing or first is None:
        return []
    found = []
    for drug in missing:
        doses = tuple(d.mg for d in first.doses if d.drug == drug and not d.makeable)
        for country in countries_making(drug, doses, plan.settings, catalog):
            settings = replace(plan.settings, country=country)
            figures = _try(plan, settings, catalog)
            if figures is None:
                continue
            sold = ", ".join(_product_words(p) for p in catalog.drugs[drug].products_in(country))
            found.append(
                Alternative(
                    f"If you live in {country}: plan with the {drug} products sold there "
                    f"({sold}), which make {', '.join(fmt(m) for m in doses)} mg",
                    {"country": country},
                    settings,
                    figures,
                    f"{SOURCE}; products on record: "
                    + "; ".join(
                        dict.fromkeys(p.source for p in catalog.drugs[drug].products_in(country))
                    ),
                )
            )
    return found


def _switch_and_liquid(
    plan: Plan, base: PlanSettings, source: str, catalog: DrugCatalog
) -> Alternative | None:
    """The switch with diazepam's oral liquid, when diazepam tablets alone are still coarse
    (or are not on record in the person's country)."""
    liquids = forms_on_record(catalog.drugs[DIAZEPAM], base)[1]
    if not liquids or plan.settings.form is Form.LIQUID:
        return None
    strength = liquids[0].mg_per_ml
    settings = replace(base, form=Form.LIQUID, liquid_mg_per_ml=strength)
    figures = _try(plan, settings, catalog)
    if figures is None:
        return None
    return Alternative(
        f"Switch to diazepam, then taper its oral liquid ({fmt(strength)} mg/ml)",
        {"crossover_to": DIAZEPAM, "form": Form.LIQUID.value, "liquid_mg_per_ml": strength},
        settings,
        figures,
        f"{source}; {LIQUID_SOURCE}; liquid on record: {liquids[0].source}",
    )
