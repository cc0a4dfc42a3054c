"""Plans: the taper engine's further settings, and steps kept as history after a re-plan.

Revision ID: 0003_taper_settings
Revises: 0002_mecfs_history
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_taper_settings"
down_revision = "0002_mecfs_history"
branch_labels = None
depends_on = None

MG = sa.String(40)  # exact decimal text


def upgrade() -> None:
    with op.batch_alter_table("plan_versions") as batch:
        batch.add_column(sa.Column("final_dose_mg", MG, nullable=True))
        # Plans saved before this revision were made with the engine's default of 5 mg.
        batch.add_column(sa.Column("hyperbolic_k_de_mg", MG, nullable=False, server_default="5"))
        batch.add_column(sa.Column("rate_base_de_mg", MG, nullable=True))
        batch.add_column(sa.Column("crossover_stage_de_mg", MG, nullable=True))
    with op.batch_alter_table("plan_steps") as batch:
        batch.add_column(
            sa.Column("history", sa.Boolean, nullable=False, server_default=sa.false())
        )


def downgrade() -> None:
    with op.batch_alter_table("plan_steps") as batch:
        batch.drop_column("history")
    with op.batch_alter_table("plan_versions") as batch:
        for name in (
            "crossover_stage_de_mg",
            "rate_base_de_mg",
            "hyperbolic_k_de_mg",
            "final_dose_mg",
        ):
            batch.drop_column(name)
