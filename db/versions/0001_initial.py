"""Initial schema: profile, medications, plans with versions, dose log, symptom journal.

Revision ID: 0001_initial
Revises:
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001_initial"
down_revision = None
branch_labels = None
depends_on = None

MG = sa.String(40)  # exact decimal text


def upgrade() -> None:
    op.create_table(
        "profile",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("benzo_start", sa.Date),
        sa.Column("prior_tapers", sa.Integer, nullable=False),
        sa.Column("prior_withdrawals", sa.Integer, nullable=False),
        sa.Column("reinstatements", sa.Integer, nullable=False),
        sa.Column("notes", sa.Text, nullable=False),
    )
    op.create_table(
        "medications",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("dose", sa.Text, nullable=False),
        sa.Column("notes", sa.Text, nullable=False),
        sa.Column("started", sa.Date),
    )
    op.create_table(
        "plans",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("active", sa.Boolean, nullable=False),
        sa.Column("created_at", sa.String(40), nullable=False),
    )
    op.create_index(
        "ix_plans_one_active", "plans", ["active"], unique=True, sqlite_where=sa.text("active = 1")
    )
    op.create_table(
        "plan_versions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "plan_id",
            sa.Integer,
            sa.ForeignKey("plans.id", ondelete="CASCADE", name="fk_plan_versions_plan_id_plans"),
            nullable=False,
        ),
        sa.Column("number", sa.Integer, nullable=False),
        sa.Column("created_at", sa.String(40), nullable=False),
        sa.Column("note", sa.Text, nullable=False),
        sa.Column("step_count", sa.Integer, nullable=False),
        sa.Column("method", sa.String(20), nullable=False),
        sa.Column("rate_percent", MG, nullable=False),
        sa.Column("every_days", sa.Integer, nullable=False),
        sa.Column("form", sa.String(20), nullable=False),
        sa.Column("start", sa.Date, nullable=False),
        sa.Column("crossover_to", sa.String(60)),
        sa.Column("equivalence_table", sa.String(60), nullable=False),
        sa.Column("liquid_mg_per_ml", MG),
        sa.Column("micro", sa.Boolean, nullable=False),
        sa.UniqueConstraint("plan_id", "number", name="uq_plan_versions_plan_id"),
    )
    op.create_index("ix_plan_versions_plan_id", "plan_versions", ["plan_id"])

    def version_fk(table: str) -> sa.Column[int]:
        return sa.Column(
            "version_id",
            sa.Integer,
            sa.ForeignKey(
                "plan_versions.id",
                ondelete="CASCADE",
                name=f"fk_{table}_version_id_plan_versions",
            ),
            primary_key=True,
        )

    op.create_table(
        "plan_regimen_doses",
        version_fk("plan_regimen_doses"),
        sa.Column("position", sa.Integer, primary_key=True),
        sa.Column("drug", sa.String(60), nullable=False),
        sa.Column("time", sa.String(5), nullable=False),
        sa.Column("mg", MG, nullable=False),
    )
    op.create_table(
        "plan_tablets",
        version_fk("plan_tablets"),
        sa.Column("position", sa.Integer, primary_key=True),
        sa.Column("drug", sa.String(60), nullable=False),
        sa.Column("mg", MG, nullable=False),
        sa.Column("max_split", sa.Integer, nullable=False),
    )
    op.create_table(
        "plan_steps",
        version_fk("plan_steps"),
        sa.Column("position", sa.Integer, primary_key=True),
        sa.Column("step_index", sa.Integer, nullable=False),
        sa.Column("start", sa.Date, nullable=False),
        sa.Column("days", sa.Integer, nullable=False),
        sa.Column("diazepam_equivalent_mg", MG, nullable=False),
        sa.Column("hold", sa.Boolean, nullable=False),
        sa.Column("edited", sa.Boolean, nullable=False),
        sa.Column("note", sa.Text, nullable=False),
        sa.Column("dose_count", sa.Integer, nullable=False),
    )
    op.create_table(
        "plan_step_doses",
        sa.Column("version_id", sa.Integer, primary_key=True),
        sa.Column("step_position", sa.Integer, primary_key=True),
        sa.Column("position", sa.Integer, primary_key=True),
        sa.Column("drug", sa.String(60), nullable=False),
        sa.Column("time", sa.String(5), nullable=False),
        sa.Column("mg", MG, nullable=False),
        sa.Column("units", sa.Text, nullable=False),
        sa.Column("makeable", sa.Boolean, nullable=False),
        sa.ForeignKeyConstraint(
            ["version_id", "step_position"],
            ["plan_steps.version_id", "plan_steps.position"],
            ondelete="CASCADE",
            name="fk_plan_step_doses_step",
        ),
    )
    op.create_table(
        "plan_warnings",
        version_fk("plan_warnings"),
        sa.Column("position", sa.Integer, primary_key=True),
        sa.Column("code", sa.String(80), nullable=False),
        sa.Column("level", sa.String(20), nullable=False),
        sa.Column("message", sa.Text, nullable=False),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("step_index", sa.Integer),
    )
    op.create_table(
        "dose_log",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("day", sa.Date, nullable=False),
        sa.Column("time", sa.String(5), nullable=False),
        sa.Column("drug", sa.String(60), nullable=False),
        sa.Column("planned_mg", MG, nullable=False),
        sa.Column("taken_mg", MG),
        sa.Column("note", sa.Text, nullable=False),
        sa.UniqueConstraint("day", "time", "drug", name="uq_dose_log_day_time_drug"),
    )
    op.create_table(
        "journal_days",
        sa.Column("day", sa.Date, primary_key=True),
        sa.Column("notes", sa.Text, nullable=False),
    )
    for table, name_col, value_col, width in (
        ("journal_symptoms", "symptom", "severity", 80),
        ("journal_exertion", "kind", "level", 40),
    ):
        op.create_table(
            table,
            sa.Column(
                "day",
                sa.Date,
                sa.ForeignKey(
                    "journal_days.day", ondelete="CASCADE", name=f"fk_{table}_day_journal_days"
                ),
                primary_key=True,
            ),
            sa.Column("position", sa.Integer, primary_key=True),
            sa.Column(name_col, sa.String(width), nullable=False),
            sa.Column(value_col, sa.Integer, nullable=False),
            sa.CheckConstraint(
                f"{value_col} BETWEEN 0 AND 10", name=f"ck_{table}_{value_col}_0_10"
            ),
            sa.UniqueConstraint("day", name_col, name=f"uq_{table}_day_{name_col}"),
            sqlite_with_rowid=False,  # rows kept in (day, position) order: loads need no sort
        )


def downgrade() -> None:
    for table in (
        "journal_exertion",
        "journal_symptoms",
        "journal_days",
        "dose_log",
        "plan_warnings",
        "plan_step_doses",
        "plan_steps",
        "plan_tablets",
        "plan_regimen_doses",
        "plan_versions",
        "plans",
        "medications",
        "profile",
    ):
        op.drop_table(table)
