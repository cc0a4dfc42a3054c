"""The regimen check: everything a person has recorded, checked at once, beside the plan.

The plan's own drugs (the regimen's drugs and a crossover target) are the taper: under
any name they are answered as the taper drug, not as something to avoid. A further
benzodiazepine or Z-drug alongside them is flagged: the documents' central advice is one
careful taper, and kindling makes extra, on-and-off exposure matter (induced-symptoms).

The result is two things the window, the PDF and the CLI all show: one answer per
recorded medication, and the regimen flags (each with a code, level, the items it is
about, a message and its source) that come from the list taken together.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from benzoapp.core.cautions.checker import Checker, CheckResult, flagged, is_benzo_or_z_drug
from benzoapp.core.cautions.kb import Level
from benzoapp.core.model import Medication, Plan

TAPER_SOURCE = "induced-symptoms (kindling); muscular-effects (GABAergic medications)"


@dataclass(frozen=True)
class RegimenFlag:
    """One finding about the list taken together, e.g. a second benzodiazepine."""

    code: str  # stable key: "taper_drug_again", "second_benzodiazepine", ...
    level: Level
    items: tuple[str, ...]  # the names, as the person typed them, the flag is about
    message: str
    source: str  # document id and section, or an outside citation marked as such


@dataclass(frozen=True)
class RegimenCheck:
    """The answer for each medication, in order, and the flags of the whole list."""

    results: tuple[CheckResult, ...]
    flags: tuple[RegimenFlag, ...]


def plan_drug_names(plan: Plan | None) -> tuple[str, ...]:
    """The drugs a plan tapers: its regimen's drugs, then its crossover target."""
    if plan is None:
        return ()
    names = list(plan.regimen.drugs)
    target = plan.settings.crossover_to
    if target and target not in names:
        names.append(target)
    return tuple(names)


def check_regimen(
    checker: Checker, taper_drugs: Sequence[str], medications: Iterable[Medication]
) -> RegimenCheck:
    """Check each recorded medication against the taper and against each other.

    ``taper_drugs`` are the plan's own drugs (``plan_drug_names``), which may be empty
    when there is no plan: a benzodiazepine on the list is then still flagged.
    """
    taper_ids: set[str] = set()
    for drug in taper_drugs:
        taper_ids.update(checker.check(drug).entry_ids)
    taper_label = ", ".join(taper_drugs)
    results: list[CheckResult] = []
    flags: list[RegimenFlag] = []
    for medication in medications:
        result = checker.check(medication.name)
        if is_benzo_or_z_drug(result):
            same = bool(taper_ids.intersection(result.entry_ids))
            flag = _benzo_flag(medication.name, taper_label, same=same)
            flags.append(flag)
            result = flagged(result, flag.message)
        results.append(result)
    return RegimenCheck(results=tuple(results), flags=tuple(flags))


def _benzo_flag(name: str, taper_label: str, *, same: bool) -> RegimenFlag:
    if not taper_label:
        message = (
            f"{name} is a benzodiazepine or Z-drug: if it is what you are tapering, add it to "
            "your taper plan; otherwise raise it with your prescriber."
        )
        code = "benzodiazepine_without_plan"
    elif same:
        message = (
            f"{name} is the same medicine as your taper drug ({taper_label}): make sure it is "
            "counted in the taper, not taken on top of it."
        )
        code = "taper_drug_again"
    else:
        message = (
            f"A second benzodiazepine or a Z-drug alongside your taper drug ({taper_label}): "
            "raise it with your prescriber."
        )
        code = "second_benzodiazepine"
    return RegimenFlag(
        code=code, level=Level.CAUTION, items=(name,), message=message, source=TAPER_SOURCE
    )
