"""Plans: the crossover caps and whether short-acting drugs keep their dose times;
the profile: the birth year the pace suggestions read (65 and over).

Revision ID: 0005_taper_guidance
Revises: 0004_modified_release
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005_taper_guidance"
down_revision = "0004_modified_release"
branch_labels = None
depends_on = None

MG = sa.String(40)  # exact decimal text


def upgrade() -> None:
    # Plans saved before this revision read with the engine's defaults: no cap set by
    # the person (the usual daily maximum applies), caps on, dose times kept.
    with op.batch_alter_table("plan_versions") as batch:
        batch.add_column(sa.Column("crossover_max_dose_mg", MG, nullable=True))
        batch.add_column(sa.Column("crossover_max_daily_mg", MG, nullable=True))
        batch.add_column(
            sa.Column("crossover_caps", sa.Boolean, nullable=False, server_default=sa.true())
        )
        batch.add_column(
            sa.Column("keep_dose_times", sa.Boolean, nullable=False, server_default=sa.true())
        )
    with op.batch_alter_table("profile") as batch:
        batch.add_column(sa.Column("birth_year", sa.Integer, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("profile") as batch:
        batch.drop_column("birth_year")
    with op.batch_alter_table("plan_versions") as batch:
        for name in (
            "keep_dose_times",
            "crossover_caps",
            "crossover_max_daily_mg",
            "crossover_max_dose_mg",
        ):
            batch.drop_column(name)
