"""What every step of a plan is made from: runs of days, and the forms and factors.

``Segment`` is a run of days on the same doses before dates are attached;
``PlanContext`` holds the formulation and diazepam-equivalent factor of every drug a
plan may hold. The engine, the crossover and hand edits all build on these.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields
from decimal import Decimal
from typing import NamedTuple

from benzoapp.core.decimals import round_half_up, tidy
from benzoapp.core.drugs import DrugCatalog
from benzoapp.core.equivalence import DE_QUANTUM
from benzoapp.core.formulation import Formulation
from benzoapp.core.model import PlanSettings, PlanWarning, Step, StepDose
from benzoapp.core.taper.equivalents import equivalence_factors, missing_equivalents
from benzoapp.core.taper.forms import formulations
from benzoapp.core.taper.short_acting import is_short_acting

_ZERO = Decimal(0)  # made once: the hot loops compare and sum with it thousands of times
Key = tuple[str, str]  # (time, drug)


class Segment(NamedTuple):
    """A run of days on the same doses, before dates are attached.

    A named tuple rather than a frozen dataclass: just as immutable, and several times
    cheaper to make, which counts when a daily plan makes thousands.
    """

    doses: dict[Key, Decimal]
    days: int
    note: str = ""
    hold: bool = False


@dataclass(frozen=True)
class PlanContext:
    """What steps need to be shown: the forms and the equivalence factors."""

    forms: dict[str, Formulation]
    factors: dict[str, Decimal]
    short_acting: frozenset[str] = frozenset()

    def de(self, doses: dict[Key, Decimal]) -> Decimal:
        total = _ZERO
        for (_time, drug), mg in doses.items():
            total += mg * self.factors[drug]
        return total

    def step(self, index: int, start: dt.date, seg: Segment, *, edited: bool = False) -> Step:
        step_doses = []
        total = _ZERO
        for (time, drug), mg in sorted(seg.doses.items()):
            units = self.forms[drug].units(mg)
            step_doses.append(StepDose(drug, time, tidy(mg), units, units != ""))
            total += mg * self.factors[drug]
        de = tidy(round_half_up(total, DE_QUANTUM))
        # The five required fields by position: a daily plan makes thousands of Steps,
        # and keyword arguments make each noticeably dearer.
        doses = tuple(step_doses)
        return Step(index, start, seg.days, doses, de, hold=seg.hold, edited=edited, note=seg.note)


def context_for(
    drugs: tuple[str, ...], settings: PlanSettings, catalog: DrugCatalog
) -> tuple[PlanContext, list[PlanWarning]]:
    """Forms and factors for every drug a plan may hold (the regimen's and the crossover's)."""
    taper_drug = settings.crossover_to
    if taper_drug is not None:
        taper_drug = catalog.get(taper_drug).id
    elif len(drugs) == 1:
        taper_drug = drugs[0]
    all_drugs = tuple(dict.fromkeys((*drugs, *([taper_drug] if taper_drug else []))))
    forms, notes, factors, short = _FORMS.get(all_drugs, settings, catalog, taper_drug)
    return PlanContext(forms, factors, short), notes


_Entry = tuple[
    DrugCatalog,
    dict[str, Formulation],
    list[PlanWarning],
    dict[str, Decimal] | None,
    frozenset[str],
]


class _FormsMemo:
    """The formulations of recent plans, so a plan and its alternatives share them.

    A Formulation works out which amounts its tablets make as it is asked (a search
    that grows with the dose), and the answers never change; planning the same tablets
    again, as the alternatives and every re-plan while typing do, would redo it. The
    memo holds a few dozen entries, keyed by everything the forms depend on and by the
    catalog object itself (held, so its id cannot be reused), and forgets all when full.
    The app plans on one thread.

    Each entry also keeps the drugs' equivalence factors and which are short-acting,
    which depend on less than the key (the drugs, the table, the catalog). Factors are
    kept only when every drug has a figure: otherwise what they are, or the refusal,
    depends on pace settings too (a hyperbolic curve), so they are worked out each time.
    """

    LIMIT = 64

    def __init__(self) -> None:
        self._entries: dict[tuple[object, ...], _Entry] = {}

    def get(
        self,
        drugs: tuple[str, ...],
        settings: PlanSettings,
        catalog: DrugCatalog,
        taper_drug: str | None,
    ) -> tuple[dict[str, Formulation], list[PlanWarning], dict[str, Decimal], frozenset[str]]:
        """Forms, their notes, factors and the short-acting drugs (copies: callers may
        add to them). A refusal comes first from the factors, then from the forms."""
        key = (id(catalog), drugs, taper_drug, _forms_key(settings))
        found = self._entries.get(key)
        if found is None or found[0] is not catalog:
            if len(self._entries) >= self.LIMIT:
                self._entries.clear()
            factors = equivalence_factors(drugs, settings, catalog)
            forms, notes = formulations(drugs, settings, catalog, taper_drug)
            short = frozenset(d for d in drugs if is_short_acting(catalog.drugs[d]))
            kept = None if missing_equivalents(drugs, settings.table, catalog) else factors
            found = self._entries[key] = (catalog, forms, notes, kept, short)
            return dict(forms), list(notes), dict(factors), short
        kept_factors = found[3]
        if kept_factors is None:  # a drug without a figure: see the class docstring
            kept_factors = equivalence_factors(drugs, settings, catalog)
        return dict(found[1]), list(found[2]), dict(kept_factors), found[4]


# The pace and date fields, which forms never read: left out of the memo's key by name.
_PACE_FIELDS = frozenset(
    {
        "method",
        "rate_percent",
        "every_days",
        "start",
        "hyperbolic_k_de_mg",
        "rate_base_de_mg",
        "crossover_stage_de_mg",
        "crossover_max_dose_mg",
        "crossover_max_daily_mg",
        "crossover_caps",
        "keep_dose_times",
    }
)
_FORM_FIELDS = tuple(f.name for f in fields(PlanSettings) if f.name not in _PACE_FIELDS)


def _forms_key(settings: PlanSettings) -> tuple[object, ...]:
    """The values of every setting except the pace fields: what the forms depend on.

    Fields are left out of the key by name (pace and dates, which forms never read), so a
    setting added later is part of the key until someone shows it does not matter: a
    stale formulation (another country's products, another scale) would be a wrong dose.
    A tuple of the values rather than a copy of the settings: the same key, made several
    times faster (a plan and each of its alternatives ask for it).
    """
    return tuple([getattr(settings, name) for name in _FORM_FIELDS])


_FORMS = _FormsMemo()
