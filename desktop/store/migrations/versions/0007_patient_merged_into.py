"""A merged patient's tombstone points at the survivor: patients.merged_into (synced), set by
`desktop.services.patient_merge` when two registrations of one person become one record.
Empty on every existing patient.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-03
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # ADD COLUMN: no table rebuild, so the patients table keeps its search triggers as they are.
    op.add_column("patients", sa.Column("merged_into", sa.Uuid(), nullable=True))


def downgrade() -> None:
    raise NotImplementedError("Outpost databases are only ever upgraded")
