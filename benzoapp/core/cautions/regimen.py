"""The regimen check: everything a person has recorded, checked at once.

The taper drug is checked too, and a second benzodiazepine or any Z-drug alongside it is
flagged: the documents' central advice is one careful taper, and kindling makes extra,
on-and-off exposure matter (induced-symptoms).
"""

from __future__ import annotations

from collections.abc import Iterable

from benzoapp.core.cautions.checker import Checker, CheckResult, flagged, is_benzo_or_z_drug
from benzoapp.core.model import Medication


def check_regimen(
    checker: Checker, regimen_drugs: Iterable[str], medications: Iterable[Medication]
) -> list[CheckResult]:
    """One result per regimen drug, then one per recorded medication, in order.

    The first benzodiazepine or Z-drug of the regimen is taken as the taper drug; every
    further one (in the regimen or among the medications, alone or inside a product) is
    flagged for the prescriber.
    """
    results: list[CheckResult] = []
    taper_name: str | None = None
    taper_ids: set[str] = set()
    for drug in regimen_drugs:
        result = checker.check(drug)
        if is_benzo_or_z_drug(result):
            if taper_name is None:
                taper_name, taper_ids = drug, set(result.entry_ids)
                result = flagged(
                    result,
                    f"This is the drug you are tapering ({drug}): the taper plan is how it is "
                    "reduced, with your prescriber.",
                )
            else:
                result = flagged(result, _second(drug, taper_name, same=False))
        results.append(result)
    for medication in medications:
        result = checker.check(medication.name)
        if is_benzo_or_z_drug(result):
            same = bool(taper_ids.intersection(result.entry_ids))
            result = flagged(result, _second(medication.name, taper_name, same=same))
        results.append(result)
    return results


def _second(name: str, taper_name: str | None, *, same: bool) -> str:
    if taper_name is None:
        return (
            f"{name} is a benzodiazepine or Z-drug: if it is what you are tapering, add it to "
            "your taper plan; otherwise raise it with your prescriber."
        )
    if same:
        return (
            f"{name} is the same medicine as your taper drug ({taper_name}): make sure it is "
            "counted in the taper, not taken on top of it."
        )
    return (
        f"A second benzodiazepine or a Z-drug alongside your taper drug ({taper_name}): "
        "raise it with your prescriber."
    )
