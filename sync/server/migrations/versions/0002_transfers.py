"""HQ's record of patient transfers between clinics (`outpost-hq transfer`).

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-02
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "hq_transfers",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("patient_id", sa.Uuid(), nullable=False),
        sa.Column("from_clinic", sa.Integer(), nullable=False),
        sa.Column("to_clinic", sa.Integer(), nullable=False),
        sa.Column("at_ms", sa.BigInteger(), nullable=False),
        sa.Column("by", sa.String(length=200), nullable=False),
        sa.Column("records", sa.Integer(), nullable=False),
        sa.Column("attachments", sa.Integer(), nullable=False),
        sa.Column("first_position", sa.BigInteger(), nullable=True),
        sa.Column("last_position", sa.BigInteger(), nullable=True),
        sa.ForeignKeyConstraint(["from_clinic"], ["clinics.id"]),
        sa.ForeignKeyConstraint(["to_clinic"], ["clinics.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(
        op.f("ix_hq_transfers_patient_id"), "hq_transfers", ["patient_id"], unique=False
    )


def downgrade() -> None:
    op.drop_table("hq_transfers")
