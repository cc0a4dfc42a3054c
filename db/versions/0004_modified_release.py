"""Plans: the modified-release product of each regimen dose and of the plan's settings.

Revision ID: 0004_modified_release
Revises: 0003_taper_settings
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004_modified_release"
down_revision = "0003_taper_settings"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plans saved before this revision were all of immediate-release products.
    with op.batch_alter_table("plan_versions") as batch:
        batch.add_column(
            sa.Column("modified_release", sa.String(400), nullable=False, server_default="")
        )
    with op.batch_alter_table("plan_regimen_doses") as batch:
        batch.add_column(sa.Column("release", sa.String(60), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("plan_regimen_doses") as batch:
        batch.drop_column("release")
    with op.batch_alter_table("plan_versions") as batch:
        batch.drop_column("modified_release")
