"""What the pages need from the rest of the app, as small protocols.

Pages are built with objects that satisfy these protocols; the composition root
(``benzoapp/app.py``) hands them adapters over the real core and store. Keeping the
boundary here means a page never imports SQLAlchemy or the taper engine itself.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from benzoapp.core.model import (
    DoseLogEntry,
    JournalDay,
    Medication,
    Plan,
    PlanSettings,
    Regimen,
    StepDose,
)

if TYPE_CHECKING:  # the checker loads its data; pages shown before it need not import it
    from benzoapp.core.cautions import CheckResult, RegimenCheck
    from benzoapp.core.taper.alternatives import Alternative, PlanFigures
    from benzoapp.core.taper.limits import CrossoverCaps
    from benzoapp.core.taper.pace import PaceSuggestion


class Planner(Protocol):
    """The taper engine, as the Plan and Today pages use it."""

    def parse_regimen(self, text: str, *, confirmed: bool = False) -> Regimen:
        """Raise ``InputError`` with a plain message when the text is not a regimen, and
        ``DoseConfirmationError`` for a dose to confirm unless ``confirmed``."""
        ...

    def build(self, regimen: Regimen, settings: PlanSettings) -> Plan: ...

    def insert_hold(self, plan: Plan, index: int, days: int) -> Plan: ...

    def edit_step(
        self, plan: Plan, index: int, doses: tuple[StepDose, ...] | None, days: int | None
    ) -> Plan: ...

    def replan(self, plan: Plan, today: dt.date, taking: Regimen) -> Plan: ...

    def crossover_drugs(self) -> tuple[str, ...]:
        """Drugs a plan may cross over to (e.g. diazepam)."""
        ...

    def table_label(self, table_id: str) -> str:
        """The equivalence table's name as shown to the person."""
        ...


@dataclass(frozen=True)
class PlanGuidance:
    """What the core offers beside a plan: gentler options with their figures (and the
    plan's own), slower paces from the profile, and the crossover caps in force."""

    alternatives: tuple[Alternative, ...] = ()
    figures: PlanFigures | None = None
    paces: tuple[PaceSuggestion, ...] = ()
    caps: CrossoverCaps | None = None  # None: no crossover


class GuidanceSource(Protocol):
    """A planner that can also say what it offers beside a plan (the Plan page asks
    when its planner has it; a plain ``Planner`` shows none)."""

    def guidance(self, plan: Plan) -> PlanGuidance: ...

    def crossover_caps(self, settings: PlanSettings) -> CrossoverCaps | None: ...


class ActivePlanSource(Protocol):
    """The one thing Today reads about plans (a start-up snapshot can answer it too)."""

    def active(self) -> tuple[int, Plan] | None: ...


class PlanRepository(ActivePlanSource, Protocol):
    """Saved plans; the active one is what Today follows (the store keeps versions)."""

    def save(self, plan: Plan, name: str, active: bool = True) -> int: ...

    def revise(self, plan_id: int, plan: Plan, note: str = "") -> int: ...


class DoseLogSource(Protocol):
    def between(self, start: dt.date, end: dt.date) -> list[DoseLogEntry]: ...


class DoseLogRepository(DoseLogSource, Protocol):
    def record(self, entry: DoseLogEntry) -> None:
        """Store the entry, replacing any for the same day, time and drug."""
        ...

    def remove(self, day: dt.date, time: str, drug: str) -> None: ...


class MedicationRepository(Protocol):
    def list(self) -> list[tuple[int, Medication]]: ...

    def add(self, medication: Medication) -> int: ...

    def remove(self, medication_id: int) -> None: ...


class JournalDaySource(Protocol):
    def get(self, day: dt.date) -> JournalDay | None: ...


class JournalRepository(JournalDaySource, Protocol):
    def all(self) -> list[JournalDay]: ...

    def save_day(self, day: JournalDay) -> None: ...

    def delete_day(self, day: dt.date) -> None: ...


class TodaySnapshot(ActivePlanSource, DoseLogSource, JournalDaySource, Protocol):
    """One day of what Today shows, read ahead at start-up; it has no way to write.

    Today can show the person's day from it before the store (and SQLAlchemy) is loaded;
    it answers for its own ``day`` only.
    """

    @property
    def day(self) -> dt.date: ...


@dataclass(frozen=True)
class Caution:
    """What the checker says about one name, reduced to what a list row shows."""

    level: str  # the checker's level id, e.g. "caution" or "not_covered"
    matched: str  # the name it matched, or "" when none
    reason: str
    sources: tuple[str, ...] = ()


class CautionLookup(Protocol):
    def caution(self, name: str) -> Caution: ...

    def complete(self, prefix: str) -> list[str]: ...


class RegimenLookup(CautionLookup, Protocol):
    """The checker as the Medications page and Today's warnings use it.

    ``check_regimen`` is the core's regimen check (``benzoapp.core.cautions``) with the
    plan's own drugs, crossover target included; the window only shows what it returns.
    """

    def check(self, name: str) -> CheckResult:
        """Raise ``InputError`` with a plain message when the name cannot be checked."""
        ...

    def check_regimen(
        self, medications: Sequence[Medication], plan: Plan | None
    ) -> RegimenCheck: ...

    def warm_up(self) -> None:
        """Read what the first close-spelling check needs, off the keystroke."""
        ...
