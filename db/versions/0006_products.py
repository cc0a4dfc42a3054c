"""Plans: the country whose products a plan uses, and how finely doses are measured.

Revision ID: 0006_products
Revises: 0005_taper_guidance
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006_products"
down_revision = "0005_taper_guidance"
branch_labels = None
depends_on = None

MG = sa.String(40)  # exact decimal text
_COLUMNS = ("country", "tablet_mass_mg", "scale_resolution_mg", "syringe_step_ml")


def upgrade() -> None:
    # Plans saved before this revision used the common strengths and the default
    # scale, tablet mass and syringe: NULL reads as exactly that.
    with op.batch_alter_table("plan_versions") as batch:
        batch.add_column(sa.Column("country", sa.String(2), nullable=True))
        batch.add_column(sa.Column("tablet_mass_mg", MG, nullable=True))
        batch.add_column(sa.Column("scale_resolution_mg", MG, nullable=True))
        batch.add_column(sa.Column("syringe_step_ml", MG, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("plan_versions") as batch:
        for name in reversed(_COLUMNS):
            batch.drop_column(name)
