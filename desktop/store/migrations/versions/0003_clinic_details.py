"""Clinic details people see on paper and on screen: phone, address, paper size and the
short code that starts every clinic number (KNC-004211).

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


def downgrade() -> None:
    raise NotImplementedError("Outpost databases are only ever upgraded")
