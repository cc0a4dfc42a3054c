"""Short-acting drugs taken more than once a day: keep every dose time, or say why not.

Which drugs count as short-acting is decided from the half-life data already held
(``resources/drugs/drugs.json``): a drug whose longest half-life figure is at most
``SHORT_ACTING_MAX_HOURS`` and that has no long-lived active metabolite. At that figure
a once-a-day dose has mostly left the body by the next one. The rule puts exactly the
drugs NHS SPS calls short-acting (alprazolam, loprazolam, lorazepam, lormetazepam,
oxazepam, temazepam) on the short side and clonazepam, nitrazepam, diazepam and
chlordiazepoxide on the long side; the Z-drugs, triazolam, midazolam, bromazepam and
estazolam are short-acting by the same figures.

Dropping a dose time of such a drug leaves long gaps on a falling level, the pattern
behind inter-dose withdrawal, so by default a plan keeps every dose time and spreads the
cuts over them (the engine's ``Pace.order``/``Pace.floor``). A person may choose to cut
one time at a time instead; the plan then carries a caution with its source.
"""

from __future__ import annotations

from decimal import Decimal

from benzoapp.core.drugs import Drug, DrugCatalog
from benzoapp.core.model import Plan, PlanWarning, WarningLevel

SHORT_ACTING_MAX_HOURS = Decimal(24)
INTERDOSE = (
    "ASAM 2025 patient guide p.13 (try to avoid skipping doses; for symptoms between "
    "doses, a longer-acting benzodiazepine or more frequent dosing); muscular-effects "
    "(Muscular effects of benzodiazepine withdrawal), interdose withdrawal"
)
SWITCH_SOURCES = {
    "short": (
        "ASAM 2025 Rec. 7 (a comparable dose of a longer-acting benzodiazepine); Maudsley "
        "Deprescribing Guidelines 2024, benzodiazepine chapter (a switch helps most with "
        "inter-dose withdrawal); NHS SPS, oral benzodiazepines and equivalent doses "
        "(short-acting list)"
    ),
    "prescqipp": (
        "PrescQIPP/NHS, reducing and stopping benzodiazepines and Z-drugs (switch to "
        "diazepam for temazepam, nitrazepam and Z-drugs, or where the preparation does not "
        "allow small reductions); NHS Scotland, switching to diazepam"
    ),
}
_PRESCQIPP_DRUGS = frozenset({"temazepam", "nitrazepam"})


def is_short_acting(drug: Drug) -> bool:
    """Whether a once-a-day dose leaves most of the day on a falling level (see module)."""
    half_life = drug.half_life
    return half_life.active_metabolite_max is None and half_life.max_hours <= SHORT_ACTING_MAX_HOURS


def several_times(plan: Plan, catalog: DrugCatalog) -> tuple[str, ...]:
    """The short-acting drugs the regimen takes at more than one time of day."""
    times: dict[str, set[str]] = {}
    for dose in plan.regimen.doses:
        times.setdefault(catalog.get(dose.drug).id, set()).add(dose.time)
    return tuple(
        drug for drug, at in times.items() if len(at) > 1 and is_short_acting(catalog.drugs[drug])
    )


def switch_reason(drug: str, catalog: DrugCatalog) -> str | None:
    """Which guideline offers a switch to diazepam for this drug, or None."""
    info = catalog.drugs[drug]
    if info.crossover_target:
        return None
    if info.drug_class == "z-drug" or drug in _PRESCQIPP_DRUGS:
        return SWITCH_SOURCES["prescqipp"]
    if is_short_acting(info):
        return SWITCH_SOURCES["short"]
    return None


def short_acting_warnings(plan: Plan, catalog: DrugCatalog) -> list[PlanWarning]:
    """The inter-dose caution when dose times are dropped, and the offer of a switch."""
    found: list[PlanWarning] = []
    if plan.settings.crossover_to:
        return found
    several = several_times(plan, catalog)
    if several and not plan.settings.keep_dose_times:
        found.append(
            PlanWarning(
                "interdose_withdrawal",
                WarningLevel.CAUTION,
                f"This plan cuts one dose time at a time, so {', '.join(several)} "
                "(short-acting) ends up taken fewer times a day. Long gaps between doses of "
                "a short-acting drug can bring withdrawal symptoms between doses; keeping "
                "every dose time (the default) or switching to diazepam avoids that.",
                INTERDOSE,
            )
        )
    for drug in dict.fromkeys(catalog.get(d.drug).id for d in plan.regimen.doses):
        reason = switch_reason(drug, catalog)
        if reason is None or not catalog.has_equivalent(drug, plan.settings.table):
            continue
        found.append(
            PlanWarning(
                "crossover_offered",
                WarningLevel.INFO,
                f"Guidelines offer switching {drug} to a comparable dose of diazepam "
                "(long-acting, made in small strengths) before tapering; a plan with the "
                "switch (crossover to diazepam) shows how it would go. Whether to switch "
                "is a choice for you and your prescriber.",
                reason,
            )
        )
    return found
