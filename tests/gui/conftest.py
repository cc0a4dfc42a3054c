"""GUI test fixtures: in-memory stand-ins for the core and store, so tests control inputs.

They follow the protocols in ``benzoapp.gui.services``. They are test doubles only; the
app itself is wired to the real taper engine, store and checker in ``benzoapp.app``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from decimal import Decimal

import pytest
from PySide6.QtGui import QUndoStack

from benzoapp.core.errors import InputError
from benzoapp.core.model import (
    DoseLogEntry,
    JournalDay,
    Medication,
    Plan,
    PlanSettings,
    PlanWarning,
    Regimen,
    RegimenDose,
    Step,
    StepDose,
    WarningLevel,
)

_PIECE = re.compile(r"^\s*([a-z]+)\s+(\d+(?:\.\d+)?)\s*mg\s+(\d\d:\d\d)\s*$")


class SimplePlanner:
    """Cuts the dose by the rate each interval until it reaches zero."""

    def parse_regimen(self, text: str, *, confirmed: bool = False) -> Regimen:
        doses = []
        for piece in text.split(";"):
            match = _PIECE.match(piece.lower())
            if not match:
                raise InputError(f"cannot read {piece.strip()!r}")
            doses.append(RegimenDose(match[1], match[3], Decimal(match[2])))
        return Regimen(tuple(doses))

    def build(self, regimen: Regimen, settings: PlanSettings) -> Plan:
        steps: list[Step] = []
        factor = Decimal(1)
        start = settings.start
        while factor > Decimal("0.5") and len(steps) < 20:
            doses = tuple(
                StepDose(d.drug, d.time, (d.mg * factor).quantize(Decimal("0.001")))
                for d in regimen.doses
            )
            total = sum((d.mg for d in doses), Decimal(0))
            steps.append(Step(len(steps), start, settings.every_days, doses, total))
            start += dt.timedelta(days=settings.every_days)
            factor -= settings.rate_percent / 100
        steps.append(Step(len(steps), start, settings.every_days, (), Decimal(0)))
        warnings: tuple[PlanWarning, ...] = ()
        if settings.rate_percent > 10:
            warnings = (
                PlanWarning(
                    "faster_than_10pct",
                    WarningLevel.CAUTION,
                    "Faster than 10% per step",
                    "ASAM 2025 Rec. 6",
                    None,
                ),
                PlanWarning("first_cut", WarningLevel.INFO, "A big first cut", "test", 1),
            )
        return Plan(regimen, settings, tuple(steps), warnings)

    @staticmethod
    def _renumber(plan: Plan, steps: list[Step]) -> Plan:
        out = []
        start = steps[0].start
        for i, step in enumerate(steps):
            out.append(replace(step, index=i, start=start))
            start += dt.timedelta(days=step.days)
        return replace(plan, steps=tuple(out))

    def insert_hold(self, plan: Plan, index: int, days: int) -> Plan:
        steps = list(plan.steps)
        steps.insert(index + 1, replace(steps[index], days=days, hold=True))
        return self._renumber(plan, steps)

    def edit_step(
        self, plan: Plan, index: int, doses: tuple[StepDose, ...] | None, days: int | None
    ) -> Plan:
        steps = list(plan.steps)
        step = steps[index]
        if doses is not None:
            step = replace(step, doses=doses, diazepam_equivalent_mg=sum(d.mg for d in doses))
        steps[index] = replace(step, days=days or step.days, edited=True)
        return self._renumber(plan, steps)

    def replan(self, plan: Plan, today: dt.date, taking: Regimen) -> Plan:
        return self.build(taking, replace(plan.settings, start=today))

    def crossover_drugs(self) -> tuple[str, ...]:
        return ("diazepam",)

    def table_label(self, table_id: str) -> str:
        return "Ashton Manual table"


class MemoryPlans:
    def __init__(self) -> None:
        self.versions: list[tuple[int, Plan]] = []
        self.active_id: int | None = None

    def active(self) -> tuple[int, Plan] | None:
        found = [v for v in self.versions if v[0] == self.active_id]
        return found[-1] if found else None

    def save(self, plan: Plan, name: str, active: bool = True) -> int:
        plan_id = len({v[0] for v in self.versions}) + 1
        self.versions.append((plan_id, plan))
        if active:
            self.active_id = plan_id
        return plan_id

    def revise(self, plan_id: int, plan: Plan, note: str = "") -> int:
        self.versions.append((plan_id, plan))
        return sum(1 for v in self.versions if v[0] == plan_id)


class MemoryDoseLog:
    def __init__(self) -> None:
        self.entries: dict[tuple[dt.date, str, str], DoseLogEntry] = {}

    def between(self, start: dt.date, end: dt.date) -> list[DoseLogEntry]:
        return [e for k, e in sorted(self.entries.items()) if start <= k[0] <= end]

    def record(self, entry: DoseLogEntry) -> None:
        self.entries[(entry.day, entry.time, entry.drug)] = entry

    def remove(self, day: dt.date, time: str, drug: str) -> None:
        self.entries.pop((day, time, drug), None)


class MemoryMedications:
    def __init__(self) -> None:
        self.items: dict[int, Medication] = {}

    def list(self) -> list[tuple[int, Medication]]:
        return sorted(self.items.items())

    def add(self, medication: Medication) -> int:
        new_id = max(self.items, default=0) + 1
        self.items[new_id] = medication
        return new_id

    def remove(self, medication_id: int) -> None:
        del self.items[medication_id]


class MemoryJournal:
    def __init__(self) -> None:
        self.days: dict[dt.date, JournalDay] = {}

    def get(self, day: dt.date) -> JournalDay | None:
        return self.days.get(day)

    def all(self) -> list[JournalDay]:
        return [self.days[d] for d in sorted(self.days)]

    def save_day(self, day: JournalDay) -> None:
        self.days[day.day] = day

    def delete_day(self, day: dt.date) -> None:
        self.days.pop(day, None)


TODAY = dt.date(2026, 3, 2)


@pytest.fixture
def today() -> dt.date:
    return TODAY


@pytest.fixture
def undo_stack() -> QUndoStack:
    return QUndoStack()


@pytest.fixture
def planner() -> SimplePlanner:
    return SimplePlanner()


@pytest.fixture
def plans() -> MemoryPlans:
    return MemoryPlans()


@pytest.fixture
def dose_log() -> MemoryDoseLog:
    return MemoryDoseLog()


@pytest.fixture
def medications() -> MemoryMedications:
    return MemoryMedications()


@pytest.fixture
def journal() -> MemoryJournal:
    return MemoryJournal()


@pytest.fixture(scope="session")
def checker():  # -> CheckerLookup (imported lazily: most tests need no knowledge base)
    """The real caution checker as the Medications page uses it (it only reads its data)."""
    from benzoapp.core.cautions import Checker, load_knowledge_base
    from benzoapp.gui.adapters import CheckerLookup

    return CheckerLookup(Checker(load_knowledge_base()))


REAL_PLAN_PAGE_TODAY = dt.date(2026, 1, 5)


@pytest.fixture(scope="session")
def core_planner():  # -> CorePlanner (imported lazily: the fakes above need no drug data)
    """The real taper engine behind the Plan page, for end-to-end page tests."""
    from benzoapp.core.drugs import load_catalog
    from benzoapp.gui.adapters import CorePlanner

    return CorePlanner(load_catalog())


@pytest.fixture
def real_plan_page(qtbot, core_planner, plans, undo_stack):
    """A shown Plan page on the real engine, 'today' fixed at REAL_PLAN_PAGE_TODAY."""
    from benzoapp.gui.plan_page import PlanPage

    widget = PlanPage(core_planner, plans, undo_stack, today=lambda: REAL_PLAN_PAGE_TODAY)
    qtbot.addWidget(widget)
    widget.show()
    return widget


@pytest.fixture
def writes_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    """The store's write check fails as on a read-only disk (root can write anywhere,
    so a chmod would not do); SQLite then really opens the data read-only."""
    import errno
    import os

    def refuse(data_dir: object, db_path: object) -> None:
        raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(data_dir))

    monkeypatch.setattr("benzoapp.store.access.probe_write", refuse)
