"""Dose sanity: a typed dose that is implausibly high, or reads like a mg/mcg slip, is
refused in one plain line unless the person confirms it.

Why: "clonazepam 500mg" (meant 500 mcg) was planned as 250 tablets a night for three
years, and "diazepam 99999999 mg" kept the planner busy for ever. A real high dose
exists (people dependent at several times the usual maximum), so a high dose is only
refused until confirmed; an absurd one is refused outright.

The limits, per drug and per day (all doses of the drug added up):

- plausibility limit: ``PLAUSIBLE_MULTIPLE`` (3) times the drug's usual maximum a day
  from the drug data (which names its source). Three times, because high-dose dependence
  is real and documented: the Ashton Manual's example of 6 mg alprazolam a day is 1.5
  times alprazolam's usual maximum, and eTG asks for specialist advice only above 40 mg
  diazepam-equivalent a day (1.3 times diazepam's 30 mg). A limit at three times leaves
  such doses a single confirmation away, and still catches slips of tenfold and more.
  A drug with no usual maximum on record uses three times diazepam's usual maximum,
  converted with the first equivalence table that has the drug; failing that, twenty
  of its largest tablet.
- ceiling: ``CEILING_MULTIPLE`` (100) times the plausibility limit (300 times the usual
  maximum: 9 g of diazepam a day). Above it no plan is made, confirmed or not: no
  published schedule comes near it, and the planner's search over tablet pieces grows
  with the dose, so "diazepam 99999999 mg" would keep it busy for hours.
- mg/mcg slip: a dose above the plausibility limit that, read as micrograms, is a dose
  a person could take (at most the usual maximum, and at least the smallest piece of a
  tablet on record in any country: "diazepam 100 mg" is a high dose, not a slip for
  0.1 mg, a tenth of a half 2 mg tablet); or a dose below a fiftieth of the
  smallest tablet that, read as milligrams, would be within the limit (0.005 mg
  diazepam written for 5 mg). Either is asked about, naming both readings.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from benzoapp.core.decimals import fmt, tidy
from benzoapp.core.drugs import DIAZEPAM
from benzoapp.core.errors import DoseConfirmationError, RegimenTextError

if TYPE_CHECKING:
    from benzoapp.core.drugs import Drug, DrugCatalog
    from benzoapp.core.model import Regimen

PLAUSIBLE_MULTIPLE = Decimal(3)
CEILING_MULTIPLE = Decimal(100)
NO_MAXIMUM_TABLET_MULTIPLE = Decimal(20)
SLIP_LOW_FRACTION = Decimal(50)  # below 1/50 of the smallest tablet reads like a slip
_THOUSAND = Decimal(1000)


@dataclass(frozen=True)
class DoseLimit:
    """One drug's plausibility limit a day, and how it was found (shown to the person)."""

    drug: str
    limit_mg: Decimal
    basis: str  # e.g. "3 times the usual maximum of 4 mg a day"
    source: str  # where the usual maximum was read (the drug data's source)

    @property
    def ceiling_mg(self) -> Decimal:
        return self.limit_mg * CEILING_MULTIPLE


@dataclass(frozen=True)
class DoseConcern:
    """A dose that needs confirming: what was read, why, and the plain line to show."""

    drug: str
    time: str  # "" when the concern is the day's total rather than one dose
    mg: Decimal
    kind: str  # "high" or "unit_slip"
    limit: DoseLimit
    message: str


def dose_limit(drug: Drug, catalog: DrugCatalog) -> DoseLimit:
    """The drug's plausibility limit a day (see the module docstring for the rule)."""
    if drug.usual_max_daily_mg is not None:
        return DoseLimit(
            drug.id,
            tidy(drug.usual_max_daily_mg * PLAUSIBLE_MULTIPLE),
            f"{fmt(PLAUSIBLE_MULTIPLE)} times the usual maximum of "
            f"{fmt(drug.usual_max_daily_mg)} mg a day",
            drug.usual_max_source,
        )
    diazepam = catalog.drugs[DIAZEPAM]
    assert diazepam.usual_max_daily_mg is not None
    for table in catalog.tables.values():
        entry = table.entries.get(drug.id)
        if entry is not None:
            limit = diazepam.usual_max_daily_mg * PLAUSIBLE_MULTIPLE / entry.de_per_mg
            return DoseLimit(
                drug.id,
                tidy(limit.quantize(Decimal("0.01"))),
                f"{fmt(PLAUSIBLE_MULTIPLE)} times diazepam's usual maximum of "
                f"{fmt(diazepam.usual_max_daily_mg)} mg a day, converted with the "
                f"{table.name} table",
                f"{diazepam.usual_max_source}; no usual maximum of {drug.id} is on record",
            )
    largest = max(t.mg for t in drug.tablets)
    return DoseLimit(
        drug.id,
        tidy(largest * NO_MAXIMUM_TABLET_MULTIPLE),
        f"{fmt(NO_MAXIMUM_TABLET_MULTIPLE)} of its largest tablet ({fmt(largest)} mg)",
        "BenzoApp rule: no usual maximum or equivalent of this drug is on record",
    )


def _smallest_strength(drug: Drug) -> Decimal:
    strengths = [t.mg for t in drug.tablets]
    strengths += [t.mg for form in drug.modified_release for t in form.tablets]
    return min(strengths)


def _smallest_piece(drug: Drug) -> Decimal:
    """The least one tablet piece on record makes: common strengths, modified-release
    tablets and every country's tablets, capsules and orally disintegrating tablets,
    each divided by the splits it allows."""
    pieces = [t.mg / t.max_split for t in drug.tablets]
    pieces += [t.mg / t.max_split for form in drug.modified_release for t in form.tablets]
    pieces += [p.mg / p.max_split for p in drug.products if p.form != "liquid"]
    return min(pieces)


def dose_concerns(regimen: Regimen, catalog: DrugCatalog) -> tuple[DoseConcern, ...]:
    """Every dose of ``regimen`` that needs confirming; refuses outright above the ceiling."""
    concerns: list[DoseConcern] = []
    daily: dict[str, Decimal] = {}
    for dose in regimen.doses:
        daily[dose.drug] = daily.get(dose.drug, Decimal(0)) + dose.mg
    for drug_id, total in daily.items():
        drug = catalog.get(drug_id)
        limit = dose_limit(drug, catalog)
        if total > limit.ceiling_mg:
            raise RegimenTextError(
                f"{fmt(total)} mg of {drug.id} a day is more than a hundred times the "
                f"plausible limit of {fmt(limit.limit_mg)} mg ({limit.basis}), so no plan is "
                "made: check the amount and the unit (mg or mcg)."
            )
        own = [d for d in regimen.doses if d.drug == drug_id]
        slips = [_slip(d.mg, d.time, drug, limit) for d in own]
        found = [s for s in slips if s is not None]
        concerns.extend(found)
        if not found and total > limit.limit_mg:
            concerns.append(
                DoseConcern(
                    drug.id,
                    "",
                    total,
                    "high",
                    limit,
                    f"{fmt(total)} mg of {drug.id} a day is above the plausible limit of "
                    f"{fmt(limit.limit_mg)} mg ({limit.basis}); check the amount, or "
                    "confirm it if it is what you take.",
                )
            )
    return tuple(concerns)


def _slip(mg: Decimal, time: str, drug: Drug, limit: DoseLimit) -> DoseConcern | None:
    usual = drug.usual_max_daily_mg or limit.limit_mg / PLAUSIBLE_MULTIPLE
    as_mcg = mg / _THOUSAND
    if mg > limit.limit_mg and _smallest_piece(drug) <= as_mcg <= usual:
        return DoseConcern(
            drug.id,
            time,
            mg,
            "unit_slip",
            limit,
            f"{fmt(mg)} mg of {drug.id} at {time} reads like a slip for {fmt(mg)} mcg "
            f"({fmt(as_mcg)} mg): write {fmt(as_mcg)} mg if that is what you take, or "
            f"confirm {fmt(mg)} mg (above the plausible limit of {fmt(limit.limit_mg)} mg "
            "a day).",
        )
    as_mg = mg * _THOUSAND
    if mg < _smallest_strength(drug) / SLIP_LOW_FRACTION and as_mg <= limit.limit_mg:
        return DoseConcern(
            drug.id,
            time,
            mg,
            "unit_slip",
            limit,
            f"{fmt(mg)} mg of {drug.id} at {time} is far below the smallest tablet and "
            f"reads like a slip for {fmt(as_mg)} mg: write {fmt(as_mg)} mg if that is what "
            f"you take, or confirm {fmt(mg)} mg.",
        )
    return None


def check_doses(regimen: Regimen, catalog: DrugCatalog, *, confirmed: bool = False) -> None:
    """Refuse doses that need confirming unless ``confirmed``; the ceiling always holds.

    Raises ``DoseConfirmationError`` (an ``InputError``) carrying the concerns; its
    message is the first concern's line, plus how many more there are.
    """
    concerns = dose_concerns(regimen, catalog)
    if not concerns or confirmed:
        return
    more = len(concerns) - 1
    message = concerns[0].message
    if more:
        message = f"{message[:-1]} ({more} more dose{'s' if more > 1 else ''} to check)."
    raise DoseConfirmationError(message, concerns)
