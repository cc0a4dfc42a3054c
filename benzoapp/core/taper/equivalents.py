"""Diazepam-equivalent factors for a plan, and what a plan of a drug with no figure means.

A taper of one drug in its own milligrams needs no equivalence: every rule of the engine
(the rate, the holds, the stop) compares doses of that drug with each other. So a lone
drug the chosen table has no figure for is planned in its own mg (a factor of 1 inside
the engine, never shown as a diazepam equivalent), while adding it to other drugs or
crossing it over, which would need the missing figure, is refused.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from benzoapp.core.drugs import DrugCatalog
from benzoapp.core.errors import InputError
from benzoapp.core.model import Method, Plan, PlanSettings

_OWN_MG = Decimal(1)
NO_EQUIVALENT = "no_equivalent"  # the warning code every such plan carries


def lacks_equivalent(plan: Plan) -> bool:
    """Whether the plan is in a drug's own mg, with no diazepam equivalent to show.

    Read from the plan's own warnings (every plan the engine makes or edits of a drug
    with no figure carries one), so a plan read back from a file or the database says
    the same without the drug data at hand.
    """
    return any(w.code == NO_EQUIVALENT for w in plan.warnings)


def missing_equivalents(
    drugs: Iterable[str], table: str | None, catalog: DrugCatalog
) -> tuple[str, ...]:
    """The drugs (generic ids) the table has no diazepam-equivalent figure for."""
    return tuple(d for d in dict.fromkeys(drugs) if not catalog.has_equivalent(d, table))


def plan_missing_equivalents(plan: Plan, catalog: DrugCatalog) -> tuple[str, ...]:
    """The plan's drugs without a figure in its table: non-empty means no diazepam
    equivalent may be shown for it (its steps count the drug's own mg)."""
    drugs = {catalog.get(d.drug).id for d in plan.regimen.doses}
    drugs.update(d.drug for s in plan.steps for d in s.doses)
    return missing_equivalents(sorted(drugs), plan.settings.table, catalog)


def _elsewhere(drug: str, catalog: DrugCatalog) -> str:
    others = [t.name for t in catalog.tables.values() if drug in t.entries]
    if others:
        return f" Tables that have one: {', '.join(others)}."
    return " No table BenzoApp holds has one."


def equivalence_factors(
    drugs: tuple[str, ...], settings: PlanSettings, catalog: DrugCatalog
) -> dict[str, Decimal]:
    """Diazepam-equivalent mg per mg of each drug; a lone drug with no figure counts 1.

    Refuses, naming why, anything that would need the missing figure: several drugs
    counted in one diazepam total, a crossover, or a hyperbolic curve (whose K is set in
    diazepam-equivalent mg).
    """
    missing = missing_equivalents(drugs, settings.table, catalog)
    if not missing:
        return {d: catalog.equivalent(d, settings.table).de_per_mg for d in drugs}
    table = catalog.table(settings.table)
    drug = missing[0]
    no_figure = f"The {table.name} table has no diazepam-equivalent figure for {drug}"
    alone = f"A plan of {drug} alone is possible: it reduces {drug} in its own milligrams."
    if settings.crossover_to:
        raise InputError(
            f"{no_figure}, so it cannot be crossed over to {settings.crossover_to}: a "
            f"crossover needs a comparable dose, and none is given. {alone}"
            f"{_elsewhere(drug, catalog)}"
        )
    if len(drugs) > 1:
        others = ", ".join(d for d in drugs if d != drug)
        raise InputError(
            f"{no_figure}, so it cannot be counted with {others} in one diazepam total. "
            f"{alone}{_elsewhere(drug, catalog)}"
        )
    if settings.method is Method.HYPERBOLIC:
        raise InputError(
            f"{no_figure}, and the hyperbolic curve is set in diazepam-equivalent mg "
            f"(K = {settings.hyperbolic_k_de_mg} mg). Choose percent or linear, which "
            f"work in {drug}'s own milligrams.{_elsewhere(drug, catalog)}"
        )
    return {drug: _OWN_MG}


def factor_or_own(drug: str, table: str | None, catalog: DrugCatalog) -> Decimal:
    """One drug's factor, or 1 (its own mg) when the table has none.

    Only for plans the engine made or checked: it refuses every plan in which a drug
    with no figure meets another drug, so 1 never mixes with a real figure.
    """
    if catalog.has_equivalent(drug, table):
        return catalog.equivalent(drug, table).de_per_mg
    return _OWN_MG
