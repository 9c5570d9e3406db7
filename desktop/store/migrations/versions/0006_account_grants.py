"""Account changes signed by the clinic: a user's record carries a grant, the clinic
authority's signature over the account's role, state and key (and, for an administrator, the
authority's key sealed to the account), so that a laptop mirrors only account changes an
administrator of the clinic made (desktop.store.account_grants). Empty until an administrator
signs in or changes the account.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # ADD COLUMN: no table rebuild, so the users table keeps its guard trigger as it is.
    op.add_column("users", sa.Column("account_grant", sa.JSON(), nullable=True))


def downgrade() -> None:
    raise NotImplementedError("Outpost databases are only ever upgraded")
