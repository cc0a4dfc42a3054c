"""Usual maxima per dose and per day, checked on every step of a plan (not only the start).

A plan that schedules more of a drug than its usual maximum, at one dose time or in a
day, is not refused (a person may already take that much), but every such step is named
in a strong warning that gives the figure and where it comes from. Crossing over to a
drug is capped by the same figures unless the person sets other caps.

The daily figures come from the drug data (``usual_max_daily_mg``, a modified-release
product's own where it has one). Per-dose figures are held here, for the drugs a taper
may cross over to, because the crossover is where one dose time can grow most.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from benzoapp.core.decimals import fmt
from benzoapp.core.drugs import DrugCatalog
from benzoapp.core.model import Plan, PlanSettings, PlanWarning, WarningLevel
from benzoapp.core.taper.release import release_forms

# drug id -> (usual maximum of one dose in mg, where it was read)
_PER_DOSE: dict[str, tuple[Decimal, str]] = {
    "diazepam": (
        Decimal(10),
        "Valium (diazepam) US label, adults: anxiety 2–10 mg 2 to 4 times daily (as restated "
        "at all-about-drugs.blogspot.com/2007/05/recommended-dosage-valium.html and in a "
        "diazepam tablet leaflet at acmeglobal.com; the leaflet's 5–15 mg at bedtime for "
        "insomnia is the looser reading, so 10 mg is the stricter one used here)",
    ),
    "chlordiazepoxide": (
        Decimal(25),
        "chlordiazepoxide, adults: severe anxiety 20–25 mg 3 or 4 times a day by mouth (as "
        "restated at wheelessonline.com, chlordiazepoxide (Librium); not read from a label)",
    ),
}
CAP_SOURCE = (
    "Ashton Manual ch. II, 'Switching to a long-acting benzodiazepine' (high doses are "
    "reduced while being substituted); ASAM 2025 Table 7 note (some patients need lower "
    "doses than the equivalent)"
)


@dataclass(frozen=True)
class Limits:
    """One drug's usual maxima (None where no figure is on record), each with its source."""

    drug: str
    name: str  # how the drug is named in messages ("alprazolam XR" for the product)
    per_dose_mg: Decimal | None
    per_dose_source: str
    daily_mg: Decimal | None
    daily_source: str


def limits_for(drug_id: str, settings: PlanSettings, catalog: DrugCatalog) -> Limits:
    """A drug's usual maxima in this plan: a modified-release product's own where it has one."""
    drug = catalog.drugs[drug_id]
    daily, daily_source, name = drug.usual_max_daily_mg, drug.usual_max_source, drug_id
    product = release_forms(settings, catalog).get(drug_id)
    if product is not None:
        name = product.label
        if product.usual_max_daily_mg is not None:
            daily, daily_source = product.usual_max_daily_mg, product.usual_max_source
    per_dose, per_dose_source = _PER_DOSE.get(drug_id, (None, ""))
    return Limits(drug_id, name, per_dose, per_dose_source, daily, daily_source)


@dataclass(frozen=True)
class CrossoverCaps:
    """The most of the crossover drug one dose time and one day may hold during a switch."""

    per_dose_mg: Decimal | None
    daily_mg: Decimal | None

    def room(self, at_time: Decimal, in_day: Decimal) -> Decimal | None:
        """How many more mg fit at a dose time holding ``at_time`` (None: no cap)."""
        rooms = [
            cap - held
            for cap, held in ((self.per_dose_mg, at_time), (self.daily_mg, in_day))
            if cap is not None
        ]
        return max(min(rooms), Decimal(0)) if rooms else None


def crossover_caps(target: str, settings: PlanSettings, catalog: DrugCatalog) -> CrossoverCaps:
    """The caps a crossover to ``target`` keeps: the person's own, else the usual daily
    maximum of the target, and no cap per dose time unless one is set.

    The per-dose figure is an anxiety dosing figure (diazepam 10 mg), while a crossover
    routinely moves most of the dose to the night (the NHS Scotland schedule gives 10 mg
    twice, a clonazepam 1 mg night dose becomes 20 mg diazepam); capping every dose time
    there would turn ordinary switches into direct tapers. A dose above it still gets
    the strong warning of ``limit_warnings``, and the person may set a cap per dose.
    """
    if not settings.crossover_caps:
        return CrossoverCaps(None, None)
    daily = settings.crossover_max_daily_mg
    if daily is None:
        daily = limits_for(target, settings, catalog).daily_mg
    return CrossoverCaps(settings.crossover_max_dose_mg, daily)


def _span(first: int, last: int) -> str:
    return f"step {first + 1}" if first == last else f"steps {first + 1}–{last + 1}"


def limit_warnings(plan: Plan, catalog: DrugCatalog) -> list[PlanWarning]:
    """One strong warning per drug and kind of limit, naming the steps, figure and source.

    Every step the person is still to take counts, the starting regimen (step 1) too,
    so a crossover or a hand edit that goes above a usual maximum is never silent.
    """
    found: list[PlanWarning] = []
    limits: dict[str, Limits] = {}
    # (drug, "dose"|"daily") -> [first step, last step, highest mg]
    over: dict[tuple[str, str], list[Decimal | int]] = {}
    for step in plan.steps:
        if step.history:
            continue
        daily: dict[str, Decimal] = {}
        for dose in step.doses:
            daily[dose.drug] = daily.get(dose.drug, Decimal(0)) + dose.mg
            lim = limits.get(dose.drug) or limits.setdefault(
                dose.drug, limits_for(dose.drug, plan.settings, catalog)
            )
            if lim.per_dose_mg is not None and dose.mg > lim.per_dose_mg:
                _note(over, (dose.drug, "dose"), step.index, dose.mg)
        for drug, mg in daily.items():
            lim = limits[drug]
            if lim.daily_mg is not None and mg > lim.daily_mg:
                _note(over, (drug, "daily"), step.index, mg)
    switching = (
        " While switching, a lower cap on the new drug (reducing the old one while "
        "substituting) keeps it lower."
    )
    for (drug, kind), (first, last, top) in over.items():
        lim = limits[drug]
        where = _span(int(first), int(last))
        highest = fmt(Decimal(top))
        if kind == "dose":
            assert lim.per_dose_mg is not None
            code, figure, source = "above_usual_max_dose", lim.per_dose_mg, lim.per_dose_source
            what = f"up to {highest} mg of {lim.name} at one dose time"
            limit_text = f"the usual maximum of {fmt(figure)} mg per dose"
        else:
            assert lim.daily_mg is not None
            code, figure, source = "above_usual_max", lim.daily_mg, lim.daily_source
            what = f"up to {highest} mg of {lim.name} a day"
            limit_text = f"the usual maximum of {fmt(figure)} mg a day"
        found.append(
            PlanWarning(
                code,
                WarningLevel.STRONG,
                f"{where.capitalize()} schedule{'s' if first == last else ''} {what}, "
                f"above {limit_text}. A dose this high needs close support from your "
                f"prescriber.{switching if drug == plan.settings.crossover_to else ''}",
                source,
                int(first),
            )
        )
    return found


def _note(
    over: dict[tuple[str, str], list[Decimal | int]], key: tuple[str, str], index: int, mg: Decimal
) -> None:
    entry = over.get(key)
    if entry is None:
        over[key] = [index, index, mg]
        return
    entry[1] = index
    entry[2] = max(Decimal(entry[2]), mg)
