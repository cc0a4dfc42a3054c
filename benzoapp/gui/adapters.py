"""Adapters from the core's functions to what the pages ask for (``services`` protocols).

The core's functions take the drug catalog and knowledge base explicitly; these hold
them once, so the pages need not know they exist.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from benzoapp.core.cautions import (
    HOW_WORDS,
    NOT_COVERED_TEXT,
    Checker,
    CheckResult,
    Level,
    RegimenCheck,
    check_regimen,
    plan_drug_names,
)
from benzoapp.core.dose_parse import parse_regimen
from benzoapp.core.drugs import DrugCatalog
from benzoapp.core.errors import InputError
from benzoapp.core.model import Medication, Plan, PlanSettings, Profile, Regimen, StepDose
from benzoapp.core.taper import build_plan, edit_step, insert_hold, replan
from benzoapp.core.taper.alternatives import alternatives, plan_figures
from benzoapp.core.taper.limits import CrossoverCaps, crossover_caps
from benzoapp.core.taper.pace import pace_suggestions
from benzoapp.gui.services import Caution, PlanGuidance

# Long-acting drugs a taper may cross over to (ASAM 2025 and the Ashton Manual use diazepam).


class CorePlanner:
    """The taper engine with its catalog (and the person's profile, for warnings)."""

    def __init__(self, catalog: DrugCatalog, profile: Profile | None = None) -> None:
        self.catalog = catalog
        self.profile = profile

    def parse_regimen(self, text: str, *, confirmed: bool = False) -> Regimen:
        """Raises ``DoseConfirmationError`` for a dose to confirm (ask, then call again
        with ``confirmed=True``) and ``InputError`` for text that cannot be read."""
        return parse_regimen(text, self.catalog, confirmed=confirmed)

    def build(self, regimen: Regimen, settings: PlanSettings) -> Plan:
        return build_plan(regimen, settings, self.catalog, self.profile)

    def insert_hold(self, plan: Plan, index: int, days: int) -> Plan:
        return insert_hold(plan, index, days, self.catalog)

    def edit_step(
        self, plan: Plan, index: int, doses: tuple[StepDose, ...] | None, days: int | None
    ) -> Plan:
        return edit_step(plan, index, doses=doses, days=days, catalog=self.catalog)

    def replan(self, plan: Plan, today: dt.date, taking: Regimen) -> Plan:
        return replan(plan, today, taking, self.catalog)

    def guidance(self, plan: Plan) -> PlanGuidance:
        """The gentler options, the plan's figures, slower paces (from the stored
        profile; without one, only those that need none) and the crossover caps."""
        return PlanGuidance(
            alternatives(plan, self.catalog),
            plan_figures(plan),
            pace_suggestions(plan, self.profile or Profile()),
            self.crossover_caps(plan.settings),
        )

    def crossover_caps(self, settings: PlanSettings) -> CrossoverCaps | None:
        """The caps a crossover keeps with these settings (None without a crossover)."""
        target = settings.crossover_to
        if target is None:
            return None
        return crossover_caps(self.catalog.get(target).id, settings, self.catalog)

    def drug_names(self) -> tuple[str, ...]:
        """Every drug id first, then brands: what the regimen rows complete from."""
        ids = sorted(self.catalog.drugs)
        return tuple(ids) + tuple(sorted(n for n in self.catalog.names if n not in ids))

    def crossover_drugs(self) -> tuple[str, ...]:
        # The drug data says which drugs a crossover may go to (the engine refuses the
        # rest); diazepam, the one the Ashton Manual's schedules use, is offered first.
        return tuple(sorted(self.catalog.crossover_targets(), key=lambda d: d != "diazepam"))

    def table_label(self, table_id: str) -> str:
        try:
            return self.catalog.table(table_id).name
        except InputError:
            return table_id


class CheckerLookup:
    """The caution checker, reduced to a level, a match and a reason per name."""

    def __init__(self, checker: Checker) -> None:
        self.checker = checker

    def caution(self, name: str) -> Caution:
        try:
            result = self.checker.check(name)
        except InputError as error:
            return Caution(Level.NOT_COVERED.value, "", str(error))
        matched = ""
        if result.match is not None:
            how = HOW_WORDS.get(result.match.how, result.match.how)
            matched = f"{result.match.name} ({how})"
        if result.reasons:
            reason = " ".join(r.text for r in result.reasons)
        elif result.level is Level.NOT_COVERED:
            reason = NOT_COVERED_TEXT
        else:
            reason = ""
        sources = tuple(dict.fromkeys(r.source_label for r in result.reasons))
        return Caution(result.level.value, matched, reason, sources)

    def complete(self, prefix: str) -> list[str]:
        return self.checker.complete(prefix)

    def check(self, name: str) -> CheckResult:
        return self.checker.check(name)

    def warm_up(self) -> None:
        """Read the English word list now (about 50 ms) rather than on a keystroke."""
        self.checker.english.load()

    def check_regimen(self, medications: Sequence[Medication], plan: Plan | None) -> RegimenCheck:
        """The core's regimen check against the plan's own drugs (crossover target too)."""
        return check_regimen(self.checker, plan_drug_names(plan), medications)
