"""A starting dose nothing on record can make: say so, and name what would make it.

A person taking clonazepam 0.125 mg (a US orally disintegrating tablet, or a quarter of a
0.5 mg tablet their pharmacist cut) whose plan uses tablets that cannot make it used to
get a plan that stopped the dose after one period. The engine now holds such a dose as
it is taken today until the chosen rate allows the stop (``engine._propose``), and the
plan carries the strong warning ``start_not_makeable`` built here: it names the dose, the
products that were tried, and the options a prescriber can pick (issue-13 point 3: a
country whose products make the dose, an oral liquid on record, a switch to diazepam),
which the alternatives then show with their figures.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from benzoapp.core.decimals import fmt
from benzoapp.core.drugs import DIAZEPAM, DrugCatalog
from benzoapp.core.errors import InputError
from benzoapp.core.model import Form, Plan, PlanSettings, PlanWarning, WarningLevel
from benzoapp.core.taper.forms import formulations

SOURCE = (
    "ASAM 2025 Rec. 6 (a gradual taper, not an abrupt stop); Maudsley Deprescribing "
    "Guidelines 2024, benzodiazepine chapter (liquids or small-dose formulations for doses "
    "tablets cannot make); PrescQIPP/NHS (switch to diazepam where the preparation does not "
    "allow small reductions)"
)


def unmakeable_start(plan: Plan, catalog: DrugCatalog) -> dict[str, Decimal]:
    """Per drug, the largest starting dose the plan's form cannot make (none: empty).

    In a crossover only the new drug counts: the old one is switched (or, above the caps,
    cut onto what its form makes) in the first steps, which is the remedy itself.
    """
    first = next((s for s in plan.steps if not s.history), None)
    if first is None:
        return {}
    target = plan.settings.crossover_to
    if target is not None:
        target = catalog.get(target).id  # a brand name ("Valium") may be kept as typed
    found: dict[str, Decimal] = {}
    for dose in first.doses:
        if target is not None and dose.drug != target:
            continue
        if not dose.makeable and dose.mg > 0:
            found[dose.drug] = max(found.get(dose.drug, Decimal(0)), dose.mg)
    return found


def countries_making(
    drug: str, doses: tuple[Decimal, ...], settings: PlanSettings, catalog: DrugCatalog
) -> tuple[str, ...]:
    """The countries whose products (in the plan's form) make every one of ``doses``.

    Only asked when no country is chosen: once a person has said where they live, a
    product sold elsewhere is never suggested.
    """
    if settings.country is not None:
        return ()
    found = []
    info = catalog.drugs[drug]
    for country in catalog.countries():
        if settings.form is Form.LIQUID:
            if not info.liquids_in(country):
                continue
        elif not info.has_solids_in(country):  # else the common strengths, not theirs
            continue
        there = replace(settings, country=country, tablets=(), liquid_mg_per_ml=None)
        try:
            forms, _notes = formulations((drug,), there, catalog, drug)
        except InputError:
            continue
        if all(forms[drug].can_make(mg) for mg in doses):
            found.append(country)
    return tuple(found)


def start_warnings(plan: Plan, catalog: DrugCatalog) -> list[PlanWarning]:
    """The strong ``start_not_makeable`` warning for each drug whose starting dose the
    plan's form cannot make, naming the options; none when every dose can be made."""
    found: list[PlanWarning] = []
    first = next((s for s in plan.steps if not s.history), None)
    if first is None:
        return found
    settings = plan.settings
    for drug, mg in unmakeable_start(plan, catalog).items():
        doses = tuple(d.mg for d in first.doses if d.drug == drug and not d.makeable)
        options = []
        for country in countries_making(drug, doses, settings, catalog):
            options.append(f"the products sold in {country} make it (choose your country)")
        info = catalog.drugs[drug]
        if settings.form is not Form.LIQUID and info.liquids_in(settings.country):
            options.append(f"an oral liquid of {drug} is on record")
        if not settings.crossover_to and drug != DIAZEPAM and not info.crossover_target:
            options.append("a switch to a comparable dose of diazepam")
        if settings.form is Form.TABLET:
            options.append("your own tablets, if you have a strength that makes it (--tablet)")
        where = f"in {settings.country}" if settings.country else "with the common strengths"
        found.append(
            PlanWarning(
                "start_not_makeable",
                WarningLevel.STRONG,
                f"Nothing on record {where} in the chosen form makes {fmt(mg)} mg of {drug}. "
                "The plan keeps that dose as you take it now until the chosen pace allows a "
                "change to an amount that can be made, or the stop when nothing smaller can "
                f"be made. Options to discuss with your prescriber: {'; '.join(options)}. "
                "See the alternatives for how each would go.",
                SOURCE,
                first.index,
            )
        )
    return found
