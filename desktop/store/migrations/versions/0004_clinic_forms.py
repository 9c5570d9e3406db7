"""Clinic forms are installed into the encrypted store (`outpost forms install`), not read
from loose files in the data folder: one row per installed form or translation file, synced
like other records, never edited in place (a published version never changes) and never
deleted (tombstoned).

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "clinic_forms",
        sa.Column("pk", sa.Integer(), nullable=False),
        sa.Column("form_id", sa.String(length=100), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("language", sa.String(length=16), nullable=False),
        sa.Column("definition", sa.Text(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("replaces_shipped", sa.Boolean(), nullable=False),
        sa.Column("installed_by", sa.Uuid(), nullable=True),
        sa.Column("installed_at", sa.DateTime(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("clinic_id", sa.Uuid(), nullable=False),
        sa.Column("hlc", sa.String(length=40), nullable=False),
        sa.Column("field_hlcs", sa.JSON(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("pk", name=op.f("pk_clinic_forms")),
        sa.UniqueConstraint("id", name=op.f("uq_clinic_forms_id")),
    )
    op.create_index(op.f("ix_clinic_forms_clinic_id"), "clinic_forms", ["clinic_id"], unique=False)
    op.create_index("ix_clinic_forms_form", "clinic_forms", ["form_id", "version"], unique=False)
    # What a published version says never changes; only the tombstone flag (and the sync
    # bookkeeping) may.
    op.execute(
        "CREATE TRIGGER clinic_forms_append_only_update BEFORE UPDATE OF form_id, version, "
        "kind, language, definition, sha256, replaces_shipped ON clinic_forms "
        "BEGIN SELECT RAISE(ABORT, 'an installed form is immutable: install a new version'); "
        "END"
    )
    op.execute(
        "CREATE TRIGGER clinic_forms_tombstone_only BEFORE DELETE ON clinic_forms "
        "BEGIN SELECT RAISE(ABORT, 'clinic_forms rows are tombstoned, never deleted'); END"
    )


def downgrade() -> None:
    raise NotImplementedError("Outpost databases are only ever upgraded")
