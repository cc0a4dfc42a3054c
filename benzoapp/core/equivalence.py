"""Approximate dose equivalence between benzodiazepines, always by way of diazepam.

Going through diazepam with one table at a time keeps conversions consistent both ways
(A to B to A gives back A) and never mixes figures from different sources.
"""

from __future__ import annotations

from decimal import Decimal

from benzoapp.core.decimals import round_half_up, tidy
from benzoapp.core.drugs import DIAZEPAM, DrugCatalog, load_catalog

# Results are shown to the microgram, rounded half up (never banker's rounding).
CONVERT_QUANTUM = Decimal("0.001")
DE_QUANTUM = Decimal("0.01")


def de_per_mg(drug: str, table: str | None = None, catalog: DrugCatalog | None = None) -> Decimal:
    """Diazepam-equivalent mg per mg of ``drug`` in one table (exact, unrounded)."""
    cat = catalog or load_catalog()
    return cat.equivalent(cat.get(drug).id, table).de_per_mg


def to_diazepam(
    mg: Decimal, drug: str, table: str | None = None, catalog: DrugCatalog | None = None
) -> Decimal:
    """Unrounded diazepam equivalent of ``mg`` of ``drug``."""
    return mg * de_per_mg(drug, table, catalog)


def convert(
    mg: Decimal,
    from_drug: str,
    to_drug: str,
    table: str = "ashton",
    catalog: DrugCatalog | None = None,
) -> Decimal:
    """Approximate amount of ``to_drug`` equivalent to ``mg`` of ``from_drug``.

    The result is rounded half up to 0.001 mg; the intermediate diazepam figure is exact.
    """
    cat = catalog or load_catalog()
    source = cat.equivalent(cat.get(from_drug).id, table)
    target = cat.equivalent(cat.get(to_drug).id, table)
    diazepam_mg = mg * source.per_diazepam_mg / source.mg
    return tidy(round_half_up(diazepam_mg * target.mg / target.per_diazepam_mg, CONVERT_QUANTUM))


def conversion_note(table: str | None = None, catalog: DrugCatalog | None = None) -> str:
    """The sentence shown beside any converted figure: approximate, and from which table."""
    cat = catalog or load_catalog()
    chosen = cat.table(table)
    return (
        f"Approximate equivalence from the {chosen.name} table ({chosen.source}), "
        f"counted through {DIAZEPAM}. People differ; equivalents are a guide only."
    )
