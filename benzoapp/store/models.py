"""SQLAlchemy 2 table models: the shape of the data file at the newest schema revision.

The migrations in ``db/versions`` never import this module (a migration must keep
describing the schema of its own day); a test compares a migrated database with these
models so the two cannot drift apart. Milligrams are stored as decimal text, never as
binary floats, so ``Decimal("0.125")`` comes back exactly as it went in.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    Dialect,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    false,
    text,
    true,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

from benzoapp.store.rows import mg_value

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Mg(TypeDecorator[Decimal]):
    """An exact amount of milligrams, stored as the Decimal's own text (``"0.125"``)."""

    impl = String(40)
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> str | None:
        if value is None:
            return None
        if not isinstance(value, Decimal):
            raise TypeError(f"milligrams must be Decimal, not {type(value).__name__}")
        return str(value)

    def process_result_value(self, value: Any, dialect: Dialect) -> Decimal | None:
        return mg_value(value)  # the same conversion as the plain-row readers


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class ProfileRow(Base):
    """The one person this data file belongs to (a single row, id 1)."""

    __tablename__ = "profile"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(Text, default="")
    benzo_start: Mapped[dt.date | None] = mapped_column(Date)
    prior_tapers: Mapped[int] = mapped_column(Integer, default=0)
    prior_withdrawals: Mapped[int] = mapped_column(Integer, default=0)
    reinstatements: Mapped[int] = mapped_column(Integer, default=0)
    notes: Mapped[str] = mapped_column(Text, default="")
    # Added in 0002_mecfs_history: the questions the mecfs-overlap document raises.
    well_before_exposure: Mapped[bool | None] = mapped_column(Boolean)
    classical_trigger: Mapped[bool | None] = mapped_column(Boolean)
    onset_during_or_after_taper: Mapped[bool | None] = mapped_column(Boolean)
    post_exertional_malaise: Mapped[bool | None] = mapped_column(Boolean)
    # Added in 0005_taper_guidance: for the pace suggestions (65 and over)
    birth_year: Mapped[int | None] = mapped_column(Integer)


class MedicationRow(Base):
    """Another medicine, supplement or therapy the person takes or does."""

    __tablename__ = "medications"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(20), default="medication")
    dose: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    started: Mapped[dt.date | None] = mapped_column(Date)


class PlanRow(Base):
    """A named taper plan; at most one is active (a partial unique index says so)."""

    __tablename__ = "plans"
    __table_args__ = (
        Index("ix_plans_one_active", "active", unique=True, sqlite_where=text("active = 1")),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    active: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[str] = mapped_column(String(40))


class PlanVersionRow(Base):
    """One saved state of a plan; every edit adds a version, so the history is kept.

    ``step_count`` is written in the same transaction as the steps: a reader can check
    that a version is whole.
    """

    __tablename__ = "plan_versions"
    __table_args__ = (UniqueConstraint("plan_id", "number"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[str] = mapped_column(String(40))
    note: Mapped[str] = mapped_column(Text, default="")
    step_count: Mapped[int] = mapped_column(Integer)
    method: Mapped[str] = mapped_column(String(20))
    rate_percent: Mapped[Decimal] = mapped_column(Mg)
    every_days: Mapped[int] = mapped_column(Integer)
    form: Mapped[str] = mapped_column(String(20))
    start: Mapped[dt.date] = mapped_column(Date)
    crossover_to: Mapped[str | None] = mapped_column(String(60))
    equivalence_table: Mapped[str] = mapped_column(String(60))
    liquid_mg_per_ml: Mapped[Decimal | None] = mapped_column(Mg)
    micro: Mapped[bool] = mapped_column(Boolean, default=False)
    # Added in 0003_taper_settings:
    final_dose_mg: Mapped[Decimal | None] = mapped_column(Mg)
    hyperbolic_k_de_mg: Mapped[Decimal] = mapped_column(Mg, server_default="5")
    rate_base_de_mg: Mapped[Decimal | None] = mapped_column(Mg)
    crossover_stage_de_mg: Mapped[Decimal | None] = mapped_column(Mg)
    # Added in 0004_modified_release: product ids joined by ",", "" for none
    modified_release: Mapped[str] = mapped_column(String(400), server_default="")
    # Added in 0005_taper_guidance: the crossover caps (None: the usual daily maximum)
    # and whether a short-acting drug keeps every dose time
    crossover_max_dose_mg: Mapped[Decimal | None] = mapped_column(Mg)
    crossover_max_daily_mg: Mapped[Decimal | None] = mapped_column(Mg)
    crossover_caps: Mapped[bool] = mapped_column(Boolean, server_default=true())
    keep_dose_times: Mapped[bool] = mapped_column(Boolean, server_default=true())
    # Added in 0006_products: the country's products and the measuring settings
    country: Mapped[str | None] = mapped_column(String(2))
    tablet_mass_mg: Mapped[Decimal | None] = mapped_column(Mg)
    scale_resolution_mg: Mapped[Decimal | None] = mapped_column(Mg)
    syringe_step_ml: Mapped[Decimal | None] = mapped_column(Mg)


class PlanRegimenDoseRow(Base):
    """The starting regimen a plan version was made from, one row per drug and time."""

    __tablename__ = "plan_regimen_doses"
    version_id: Mapped[int] = mapped_column(
        ForeignKey("plan_versions.id", ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    drug: Mapped[str] = mapped_column(String(60))
    time: Mapped[str] = mapped_column(String(5))
    mg: Mapped[Decimal] = mapped_column(Mg)
    # Added in 0004_modified_release: the product taken ("alprazolam-xr"), "" for none
    release: Mapped[str] = mapped_column(String(60), server_default="")


class PlanTabletRow(Base):
    """A tablet strength the person chose for a plan version."""

    __tablename__ = "plan_tablets"
    version_id: Mapped[int] = mapped_column(
        ForeignKey("plan_versions.id", ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    drug: Mapped[str] = mapped_column(String(60))
    mg: Mapped[Decimal] = mapped_column(Mg)
    max_split: Mapped[int] = mapped_column(Integer)


class PlanStepRow(Base):
    """One step of a plan version, in order (``position``); ``dose_count`` guards wholeness."""

    __tablename__ = "plan_steps"
    version_id: Mapped[int] = mapped_column(
        ForeignKey("plan_versions.id", ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    step_index: Mapped[int] = mapped_column(Integer)
    start: Mapped[dt.date] = mapped_column(Date)
    days: Mapped[int] = mapped_column(Integer)
    diazepam_equivalent_mg: Mapped[Decimal] = mapped_column(Mg)
    hold: Mapped[bool] = mapped_column(Boolean, default=False)
    edited: Mapped[bool] = mapped_column(Boolean, default=False)
    note: Mapped[str] = mapped_column(Text, default="")
    dose_count: Mapped[int] = mapped_column(Integer)
    history: Mapped[bool] = mapped_column(Boolean, server_default=false())  # 0003


class PlanStepDoseRow(Base):
    """What to take at one time of day during one step."""

    __tablename__ = "plan_step_doses"
    __table_args__ = (
        ForeignKeyConstraint(
            ["version_id", "step_position"],
            ["plan_steps.version_id", "plan_steps.position"],
            ondelete="CASCADE",
            name="fk_plan_step_doses_step",
        ),
    )
    version_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    step_position: Mapped[int] = mapped_column(Integer, primary_key=True)
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    drug: Mapped[str] = mapped_column(String(60))
    time: Mapped[str] = mapped_column(String(5))
    mg: Mapped[Decimal] = mapped_column(Mg)
    units: Mapped[str] = mapped_column(Text, default="")
    makeable: Mapped[bool] = mapped_column(Boolean, default=True)


class PlanWarningRow(Base):
    """A warning the engine attached to a plan version, with its source."""

    __tablename__ = "plan_warnings"
    version_id: Mapped[int] = mapped_column(
        ForeignKey("plan_versions.id", ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(80))
    level: Mapped[str] = mapped_column(String(20))
    message: Mapped[str] = mapped_column(Text)
    source: Mapped[str] = mapped_column(Text)
    step_index: Mapped[int | None] = mapped_column(Integer)


class DoseLogRow(Base):
    """Planned and taken amount at one dose time of one day (one row per drug and time)."""

    __tablename__ = "dose_log"
    __table_args__ = (UniqueConstraint("day", "time", "drug", name="uq_dose_log_day_time_drug"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    day: Mapped[dt.date] = mapped_column(Date)
    time: Mapped[str] = mapped_column(String(5))
    drug: Mapped[str] = mapped_column(String(60))
    planned_mg: Mapped[Decimal] = mapped_column(Mg)
    taken_mg: Mapped[Decimal | None] = mapped_column(Mg)
    note: Mapped[str] = mapped_column(Text, default="")


class JournalDayRow(Base):
    """One day of the symptom journal."""

    __tablename__ = "journal_days"
    day: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    notes: Mapped[str] = mapped_column(Text, default="")


class JournalSymptomRow(Base):
    """How strong one symptom was on one day (0-10)."""

    __tablename__ = "journal_symptoms"
    __table_args__ = (
        CheckConstraint("severity BETWEEN 0 AND 10", name="severity_0_10"),
        UniqueConstraint("day", "symptom", name="uq_journal_symptoms_day_symptom"),
        {"sqlite_with_rowid": False},  # rows live in (day, position) order: no sort on load
    )
    day: Mapped[dt.date] = mapped_column(
        ForeignKey("journal_days.day", ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    symptom: Mapped[str] = mapped_column(String(80))
    severity: Mapped[int] = mapped_column(Integer)


class JournalExertionRow(Base):
    """How much exertion of one kind (physical, cognitive, emotional) on one day (0-10)."""

    __tablename__ = "journal_exertion"
    __table_args__ = (
        CheckConstraint("level BETWEEN 0 AND 10", name="level_0_10"),
        UniqueConstraint("day", "kind", name="uq_journal_exertion_day_kind"),
        {"sqlite_with_rowid": False},
    )
    day: Mapped[dt.date] = mapped_column(
        ForeignKey("journal_days.day", ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(40))
    level: Mapped[int] = mapped_column(Integer)
