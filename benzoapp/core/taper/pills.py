"""Pill counts: how much of each strength a plan needs, per step and in total."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_CEILING, Decimal

from benzoapp.core.decimals import tidy
from benzoapp.core.drugs import DrugCatalog, load_catalog
from benzoapp.core.model import Plan
from benzoapp.core.taper.engine import context_for
from benzoapp.core.taper.release import release_forms


@dataclass(frozen=True)
class PillCount:
    """One drug and strength: the amount each step needs and what to ask the pharmacy for.

    ``unit`` is "tablet" (counts may be halves or quarters), "ml" of a liquid at
    ``strength_mg`` mg/ml, or "mg weighed" cut from ``strength_mg`` tablets.
    History steps (already taken) count as zero.
    """

    drug: str
    unit: str
    strength_mg: Decimal
    per_step: tuple[Decimal, ...]
    total: Decimal
    to_dispense: Decimal  # whole tablets (rounded up), ml, or whole tablets to weigh from
    # The modified-release product to dispense ("alprazolam XR"), "" for the ordinary
    # drug; out of repr so the frozen digests of ordinary plans stay as they were.
    product: str = field(default="", repr=False)


def pill_counts(plan: Plan, catalog: DrugCatalog | None = None) -> tuple[PillCount, ...]:
    """Per drug and strength, per step and in total; doses that cannot be made are skipped."""
    cat = catalog or load_catalog()
    drugs = tuple(sorted({d.drug for s in plan.steps for d in s.doses}))
    ctx, _ = context_for(drugs, plan.settings, cat)
    table: dict[tuple[str, str, Decimal], list[Decimal]] = {}
    for position, step in enumerate(plan.steps):
        if step.history:
            continue
        for dose in step.doses:
            parts = ctx.forms[dose.drug].parts(dose.mg) if dose.mg > 0 else ()
            for part in parts or ():
                key = (part.drug, part.unit, part.strength_mg)
                row = table.setdefault(key, [Decimal(0)] * len(plan.steps))
                row[position] += part.count * step.days
    counts = []
    products = {d: f.label for d, f in release_forms(plan.settings, cat).items()}
    for (drug, unit, strength), row in sorted(table.items()):
        total = sum(row, Decimal(0))
        if unit == "tablet":
            dispense = total.to_integral_value(ROUND_CEILING)
        elif unit == "mg weighed":
            dispense = (total / strength).to_integral_value(ROUND_CEILING)
        else:
            dispense = total
        counts.append(
            PillCount(
                drug,
                unit,
                strength,
                tuple(tidy(r) for r in row),
                tidy(total),
                tidy(dispense),
                products.get(drug, "") if unit == "tablet" else "",
            )
        )
    return tuple(counts)
