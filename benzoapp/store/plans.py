"""Taper plans: several per person, one active, every edit kept as a new version.

Saving writes the version header (with its step count) and all its rows in one
transaction through executemany, which is what keeps a 2,000-step save fast.
"""

from __future__ import annotations

import builtins
import datetime as dt
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import Connection, Table, delete, func, insert, select, update

from benzoapp.core import validation as valid
from benzoapp.core.model import (
    Plan,
)
from benzoapp.store.engine import Database, day_text, mg_text, plain_insert_many, plain_rows
from benzoapp.store.errors import StoreError
from benzoapp.store.models import (
    PlanRegimenDoseRow,
    PlanRow,
    PlanStepDoseRow,
    PlanStepRow,
    PlanTabletRow,
    PlanVersionRow,
    PlanWarningRow,
)
from benzoapp.store.rows import (
    REGIMEN_FIELDS,
    STEP_DOSE_FIELDS,
    STEP_FIELDS,
    TABLET_FIELDS,
    VERSION_FIELDS,
    WARNING_FIELDS,
    plan_from_rows,
)

PLANS = cast(Table, PlanRow.__table__)
VERSIONS = cast(Table, PlanVersionRow.__table__)
REGIMEN = cast(Table, PlanRegimenDoseRow.__table__)
TABLETS = cast(Table, PlanTabletRow.__table__)
STEPS = cast(Table, PlanStepRow.__table__)
STEP_DOSES = cast(Table, PlanStepDoseRow.__table__)
WARNINGS = cast(Table, PlanWarningRow.__table__)


@dataclass(frozen=True)
class PlanSummary:
    """A saved plan as a list shows it."""

    id: int
    name: str
    active: bool
    created_at: str
    versions: int
    updated_at: str


@dataclass(frozen=True)
class PlanVersionInfo:
    """One entry of a plan's edit history."""

    number: int
    created_at: str
    note: str
    step_count: int


STEP_COLUMNS = (
    "version_id",
    "position",
    "step_index",
    "start",
    "days",
    "diazepam_equivalent_mg",
    "hold",
    "edited",
    "note",
    "dose_count",
    "history",
)
DOSE_COLUMNS = (
    "version_id",
    "step_position",
    "position",
    "drug",
    "time",
    "mg",
    "units",
    "makeable",
)


def now_text() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="microseconds")


class PlanRepository:
    """Save, list, activate and revise plans; ``get`` returns core ``Plan`` objects."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def save(self, plan: Plan, name: str, active: bool = True) -> int:
        """Save a new plan (version 1); returns its id. ``active`` makes it the only active one."""
        valid.check_plan(plan, None)
        valid.check_text(name, "plan name", valid.NAME_MAX)
        with self._db.write() as conn:
            if active:
                conn.execute(update(PLANS).where(PLANS.c.active).values(active=False))
            plan_id = conn.execute(
                insert(PLANS).values(name=name, active=active, created_at=now_text())
            ).lastrowid
            write_version(conn, int(plan_id), 1, plan, note="", created_at=now_text())
        return int(plan_id)

    def revise(self, plan_id: int, plan: Plan, note: str = "") -> int:
        """Save an edited plan as its next version (the earlier ones stay); returns the number."""
        valid.check_plan(plan, None)
        valid.check_text(note, "note")
        with self._db.write() as conn:
            self._require(conn, plan_id)
            last = conn.execute(
                select(func.max(VERSIONS.c.number)).where(VERSIONS.c.plan_id == plan_id)
            ).scalar_one()
            number = int(last or 0) + 1
            write_version(conn, plan_id, number, plan, note=note, created_at=now_text())
        return number

    def get(self, plan_id: int, version: int | None = None) -> Plan:
        """A plan as saved (its latest version unless ``version`` is given)."""
        with self._db.read() as conn:
            self._require(conn, plan_id)
            query = select(VERSIONS.c.id).where(VERSIONS.c.plan_id == plan_id)
            if version is None:
                query = query.order_by(VERSIONS.c.number.desc()).limit(1)
            else:
                query = query.where(VERSIONS.c.number == version)
            version_id = conn.execute(query).scalar()
            if version_id is None:
                raise StoreError(f"Plan {plan_id} has no version {version}.")
            return read_version(conn, int(version_id))

    def active(self) -> tuple[int, Plan] | None:
        """The active plan and its id, or None when no plan is active."""
        with self._db.read() as conn:
            plan_id = conn.execute(select(PLANS.c.id).where(PLANS.c.active)).scalar()
        if plan_id is None:
            return None
        return int(plan_id), self.get(int(plan_id))

    def list(self) -> builtins.list[PlanSummary]:
        """Every saved plan, oldest first."""
        latest = (
            select(
                VERSIONS.c.plan_id,
                func.count().label("versions"),
                func.max(VERSIONS.c.created_at).label("updated_at"),
            )
            .group_by(VERSIONS.c.plan_id)
            .subquery()
        )
        query = (
            select(PLANS, latest.c.versions, latest.c.updated_at)
            .join(latest, latest.c.plan_id == PLANS.c.id)
            .order_by(PLANS.c.id)
        )
        with self._db.read() as conn:
            return [
                PlanSummary(
                    id=r.id,
                    name=r.name,
                    active=bool(r.active),
                    created_at=r.created_at,
                    versions=r.versions,
                    updated_at=r.updated_at,
                )
                for r in conn.execute(query)
            ]

    def history(self, plan_id: int) -> builtins.list[PlanVersionInfo]:
        """The plan's versions, oldest first."""
        with self._db.read() as conn:
            self._require(conn, plan_id)
            rows = conn.execute(
                select(VERSIONS.c.number, VERSIONS.c.created_at, VERSIONS.c.note)
                .add_columns(VERSIONS.c.step_count)
                .where(VERSIONS.c.plan_id == plan_id)
                .order_by(VERSIONS.c.number)
            )
            return [PlanVersionInfo(r.number, r.created_at, r.note, r.step_count) for r in rows]

    def set_active(self, plan_id: int | None) -> None:
        """Make ``plan_id`` the one active plan (None: no plan active)."""
        with self._db.write() as conn:
            conn.execute(update(PLANS).where(PLANS.c.active).values(active=False))
            if plan_id is not None:
                self._require(conn, plan_id)
                conn.execute(update(PLANS).where(PLANS.c.id == plan_id).values(active=True))

    def rename(self, plan_id: int, name: str) -> None:
        valid.check_text(name, "plan name", valid.NAME_MAX)
        with self._db.write() as conn:
            self._require(conn, plan_id)
            conn.execute(update(PLANS).where(PLANS.c.id == plan_id).values(name=name))

    def delete(self, plan_id: int) -> None:
        """Remove a plan with all its versions."""
        with self._db.write() as conn:
            self._require(conn, plan_id)
            conn.execute(delete(PLANS).where(PLANS.c.id == plan_id))

    @staticmethod
    def _require(conn: Connection, plan_id: int) -> None:
        found = conn.execute(select(PLANS.c.id).where(PLANS.c.id == plan_id)).first()
        if found is None:
            raise StoreError(f"There is no saved plan with id {plan_id}.")


def write_version(
    conn: Connection, plan_id: int, number: int, plan: Plan, *, note: str, created_at: str
) -> int:
    """Insert one complete plan version (header, regimen, tablets, steps, doses, warnings)."""
    s = plan.settings
    version_id = int(
        conn.execute(
            insert(VERSIONS).values(
                plan_id=plan_id,
                number=number,
                created_at=created_at,
                note=note,
                step_count=len(plan.steps),
                method=s.method.value,
                rate_percent=s.rate_percent,
                every_days=s.every_days,
                form=s.form.value,
                start=s.start,
                crossover_to=s.crossover_to,
                equivalence_table=s.table,
                liquid_mg_per_ml=s.liquid_mg_per_ml,
                micro=s.micro,
                final_dose_mg=s.final_dose_mg,
                hyperbolic_k_de_mg=s.hyperbolic_k_de_mg,
                rate_base_de_mg=s.rate_base_de_mg,
                crossover_stage_de_mg=s.crossover_stage_de_mg,
                modified_release=",".join(s.modified_release),
                crossover_max_dose_mg=s.crossover_max_dose_mg,
                crossover_max_daily_mg=s.crossover_max_daily_mg,
                crossover_caps=s.crossover_caps,
                keep_dose_times=s.keep_dose_times,
                country=s.country,
                tablet_mass_mg=s.tablet_mass_mg,
                scale_resolution_mg=s.scale_resolution_mg,
                syringe_step_ml=s.syringe_step_ml,
            )
        ).lastrowid
    )
    plain_insert_many(
        conn,
        REGIMEN,
        ("version_id", "position", "drug", "time", "mg", "release"),
        [
            (version_id, i, d.drug, d.time, mg_text(d.mg), d.release)
            for i, d in enumerate(plan.regimen.doses)
        ],
    )
    plain_insert_many(
        conn,
        TABLETS,
        ("version_id", "position", "drug", "mg", "max_split"),
        [(version_id, i, t.drug, mg_text(t.mg), t.max_split) for i, t in enumerate(s.tablets)],
    )
    plain_insert_many(
        conn,
        STEPS,
        STEP_COLUMNS,
        [
            (
                version_id,
                i,
                st.index,
                day_text(st.start),
                st.days,
                mg_text(st.diazepam_equivalent_mg),
                int(st.hold),
                int(st.edited),
                st.note,
                len(st.doses),
                int(st.history),
            )
            for i, st in enumerate(plan.steps)
        ],
    )
    plain_insert_many(
        conn,
        STEP_DOSES,
        DOSE_COLUMNS,
        [
            (version_id, i, j, d.drug, d.time, mg_text(d.mg), d.units, int(d.makeable))
            for i, st in enumerate(plan.steps)
            for j, d in enumerate(st.doses)
        ],
    )
    plain_insert_many(
        conn,
        WARNINGS,
        ("version_id", "position", "code", "level", "message", "source", "step_index"),
        [
            (version_id, i, w.code, w.level.value, w.message, w.source, w.step_index)
            for i, w in enumerate(plan.warnings)
        ],
    )
    return version_id


def read_version(conn: Connection, version_id: int) -> Plan:
    """Rebuild a core ``Plan`` from one version's rows (the conversion is in ``rows``)."""

    def rows(table: Table, fields: tuple[str, ...], *order: str) -> list[tuple[Any, ...]]:
        query = select(*(table.c[name] for name in fields)).where(table.c.version_id == version_id)
        return plain_rows(conn, query.order_by(*(table.c[name] for name in order)))

    header = select(*(VERSIONS.c[name] for name in VERSION_FIELDS))
    return plan_from_rows(
        plain_rows(conn, header.where(VERSIONS.c.id == version_id))[0],
        regimen=rows(REGIMEN, REGIMEN_FIELDS, "position"),
        tablets=rows(TABLETS, TABLET_FIELDS, "position"),
        steps=rows(STEPS, STEP_FIELDS, "position"),
        doses=rows(STEP_DOSES, STEP_DOSE_FIELDS, "step_position", "position"),
        warnings=rows(WARNINGS, WARNING_FIELDS, "position"),
    )
