"""Clinic details people see on paper and on screen (phone, address, paper size, the code
that starts every clinic number) and its opening hours, synced with the clinic; the sync seam:
"needs attention" and parked remote changes, the outbox indexed by record (unsent updates of
one record merge), and the device id moved out of the database.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Plain ADD COLUMN: a batch table rebuild would drop the clinics table's guard triggers.
    add = op.add_column
    add("clinics", sa.Column("phone", sa.String(length=20), nullable=False, server_default=""))
    add("clinics", sa.Column("address", sa.Text(), nullable=False, server_default=""))
    add("clinics", sa.Column("paper_size", sa.String(10), nullable=False, server_default="A4"))
    add("clinics", sa.Column("code", sa.String(length=8), nullable=False, server_default=""))
    # {"0": [["08:00", "17:00"]], …} by weekday (Monday = 0); {} until the clinic sets them.
    add("clinics", sa.Column("opening_hours", sa.JSON(), nullable=False, server_default="{}"))

    op.create_table(
        "needs_attention",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("clinic_id", sa.Uuid(), nullable=False),
        sa.Column("entity", sa.String(length=64), nullable=False),
        sa.Column("entity_id", sa.Uuid(), nullable=False),
        sa.Column("patient_id", sa.Uuid(), nullable=True),
        sa.Column("field", sa.String(length=200), nullable=True),
        sa.Column("reason", sa.String(length=32), nullable=False),
        sa.Column("local_value", sa.JSON(), nullable=True),
        sa.Column("local_hlc", sa.String(length=40), nullable=True),
        sa.Column("local_by", sa.Uuid(), nullable=True),
        sa.Column("remote_value", sa.JSON(), nullable=True),
        sa.Column("remote_hlc", sa.String(length=40), nullable=True),
        sa.Column("remote_by", sa.Uuid(), nullable=True),
        sa.Column("remote_change_id", sa.Uuid(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("resolved_at", sa.DateTime(), nullable=True),
        sa.Column("resolved_by", sa.Uuid(), nullable=True),
        sa.Column("resolution", sa.String(length=32), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_needs_attention")),
    )
    op.create_index(
        "ix_needs_attention_entity", "needs_attention", ["entity", "entity_id"], unique=False
    )
    op.create_index(
        op.f("ix_needs_attention_patient_id"), "needs_attention", ["patient_id"], unique=False
    )
    op.create_index(
        op.f("ix_needs_attention_resolved_at"), "needs_attention", ["resolved_at"], unique=False
    )
    op.create_table(
        "remote_parked",
        sa.Column("change_id", sa.Uuid(), nullable=False),
        sa.Column("entity", sa.String(length=64), nullable=False),
        sa.Column("entity_id", sa.Uuid(), nullable=False),
        sa.Column("clinic_id", sa.Uuid(), nullable=False),
        sa.Column("op", sa.String(length=10), nullable=False),
        sa.Column("patch", sa.JSON(), nullable=False),
        sa.Column("hlc", sa.String(length=40), nullable=False),
        sa.Column("reason", sa.String(length=64), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("change_id", name=op.f("pk_remote_parked")),
    )
    op.create_index(
        op.f("ix_remote_parked_entity_id"), "remote_parked", ["entity_id"], unique=False
    )
    # Every local update looks up its record's unsent entry (to merge into it).
    op.create_index(op.f("ix_outbox_entity_id"), "outbox", ["entity_id"], unique=False)
    # The device id now lives in a file beside the database (taken over from here before
    # this migration runs): a backup must not carry one laptop's identity to another.
    op.execute("DELETE FROM store_meta WHERE key = 'device_id'")


def downgrade() -> None:
    raise NotImplementedError("Outpost databases are only ever upgraded")
