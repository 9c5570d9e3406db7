"""Content-addressed attachments (signatures, thumbprints, scans); form corrections;
name index rebuilt (names with apostrophes are also indexed joined: Kang'ethe, kangethe).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22
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
        "attachments",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("clinic_id", sa.Uuid(), nullable=False),
        sa.Column("media_type", sa.String(length=64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("sha256", name=op.f("pk_attachments")),
    )
    with op.batch_alter_table("form_records") as batch:
        batch.add_column(sa.Column("correction_reason", sa.Text(), nullable=True))
        batch.add_column(sa.Column("definition_fingerprint", sa.String(length=64), nullable=True))
    # Content-addressed bytes never change: a different content is a different hash.
    op.execute(
        "CREATE TRIGGER attachments_immutable BEFORE UPDATE ON attachments "
        "BEGIN SELECT RAISE(ABORT, 'attachments are immutable'); END"
    )

    # The terms come from outpost_search_terms(), which now also indexes joined forms.
    op.execute("INSERT INTO patient_names(patient_names) VALUES ('delete-all')")
    op.execute(
        "INSERT INTO patient_names(rowid, terms) SELECT pk, "
        "outpost_search_terms(given_name, other_names, family_name) FROM patients "
        "WHERE NOT deleted"
    )


def downgrade() -> None:
    raise NotImplementedError("Outpost databases are only ever upgraded")
