"""Profile: the history questions the mecfs-overlap document raises.

Whether the person was well before benzodiazepine exposure, whether a classical ME/CFS
trigger (e.g. a viral illness) preceded onset, whether symptoms began during or after a
taper, and whether exertion is followed by a delayed worsening.

Revision ID: 0002_mecfs_history
Revises: 0001_initial
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002_mecfs_history"
down_revision = "0001_initial"
branch_labels = None
depends_on = None

COLUMNS = (
    "well_before_exposure",
    "classical_trigger",
    "onset_during_or_after_taper",
    "post_exertional_malaise",
)


def upgrade() -> None:
    with op.batch_alter_table("profile") as batch:
        for name in COLUMNS:
            batch.add_column(sa.Column(name, sa.Boolean, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("profile") as batch:
        for name in reversed(COLUMNS):
            batch.drop_column(name)
