"""The coordinator's follow-through (issue 11): results and each attempt to relay them to the
patient, referrals, the clinic's directory of facilities, and the clinic's follow-through
rules (days before an urgent result is escalated, a referral is overdue). New tables only:
nothing existing changes. Every table is synced, so deletes are refused (tombstones only).

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-03
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = ("facilities", "results", "result_relays", "referrals", "clinic_rules")


def _synced(table: str) -> list[Any]:
    """The columns and constraints every synced record has (desktop.store.models.Synced)."""
    return [
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("clinic_id", sa.Uuid(), nullable=False),
        sa.Column("hlc", sa.String(length=40), nullable=False),
        sa.Column("field_hlcs", sa.JSON(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("pk", name=op.f(f"pk_{table}")),
        sa.UniqueConstraint("id", name=op.f(f"uq_{table}_id")),
    ]


def _enum(length: int = 20) -> sa.String:
    return sa.String(length=length)


def upgrade() -> None:
    op.create_table(
        "facilities",
        sa.Column("pk", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("kind", _enum(), nullable=False),
        sa.Column("phone", sa.String(length=20), nullable=True),
        sa.Column("address", sa.Text(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        *_synced("facilities"),
    )
    op.create_table(
        "results",
        sa.Column("pk", sa.Integer(), nullable=False),
        sa.Column("patient_id", sa.Uuid(), nullable=False),
        sa.Column("category", _enum(), nullable=False),
        sa.Column("test_name", sa.String(length=200), nullable=False),
        sa.Column("ordered_on", sa.Date(), nullable=False),
        sa.Column("ordered_by", sa.Uuid(), nullable=True),
        sa.Column("facility_id", sa.Uuid(), nullable=True),
        sa.Column("sent_on", sa.Date(), nullable=True),
        sa.Column("expected_on", sa.Date(), nullable=True),
        sa.Column("received_on", sa.Date(), nullable=True),
        sa.Column("result_text", sa.Text(), nullable=False),
        sa.Column("measurements", sa.JSON(), nullable=False),
        sa.Column("attachment", sa.JSON(), nullable=True),
        sa.Column("urgent", sa.Boolean(), nullable=False),
        sa.Column("reviewed_by", sa.Uuid(), nullable=True),
        sa.Column("reviewed_at", sa.DateTime(), nullable=True),
        sa.Column("review_note", sa.Text(), nullable=False),
        sa.Column("status", _enum(), nullable=False),
        sa.Column("informed_at", sa.DateTime(), nullable=True),
        sa.Column("escalated_at", sa.DateTime(), nullable=True),
        sa.Column("escalated_by", sa.Uuid(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["patient_id"], ["patients.id"], name=op.f("fk_results_patient_id_patients")
        ),
        sa.ForeignKeyConstraint(
            ["facility_id"], ["facilities.id"], name=op.f("fk_results_facility_id_facilities")
        ),
        *_synced("results"),
    )
    op.create_table(
        "result_relays",
        sa.Column("pk", sa.Integer(), nullable=False),
        sa.Column("result_id", sa.Uuid(), nullable=False),
        sa.Column("patient_id", sa.Uuid(), nullable=False),
        sa.Column("method", _enum(), nullable=False),
        sa.Column("outcome", _enum(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("made_by", sa.Uuid(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["result_id"], ["results.id"], name=op.f("fk_result_relays_result_id_results")
        ),
        sa.ForeignKeyConstraint(
            ["patient_id"], ["patients.id"], name=op.f("fk_result_relays_patient_id_patients")
        ),
        *_synced("result_relays"),
    )
    op.create_table(
        "referrals",
        sa.Column("pk", sa.Integer(), nullable=False),
        sa.Column("patient_id", sa.Uuid(), nullable=False),
        sa.Column("facility_id", sa.Uuid(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("urgency", _enum(), nullable=False),
        sa.Column("status", _enum(), nullable=False),
        sa.Column("referred_by", sa.Uuid(), nullable=True),
        sa.Column("sent_on", sa.Date(), nullable=True),
        sa.Column("appointment_on", sa.Date(), nullable=True),
        sa.Column("seen_on", sa.Date(), nullable=True),
        sa.Column("feedback_on", sa.Date(), nullable=True),
        sa.Column("closed_on", sa.Date(), nullable=True),
        sa.Column("counter_referral", sa.Text(), nullable=False),
        sa.Column("end_reason", sa.Text(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["patient_id"], ["patients.id"], name=op.f("fk_referrals_patient_id_patients")
        ),
        sa.ForeignKeyConstraint(
            ["facility_id"], ["facilities.id"], name=op.f("fk_referrals_facility_id_facilities")
        ),
        *_synced("referrals"),
    )
    op.create_table(
        "clinic_rules",
        sa.Column("pk", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("value", sa.Integer(), nullable=False),
        *_synced("clinic_rules"),
    )
    for table in TABLES:
        op.create_index(op.f(f"ix_{table}_clinic_id"), table, ["clinic_id"], unique=False)
    op.create_index(op.f("ix_results_patient_id"), "results", ["patient_id"], unique=False)
    op.create_index(
        "ix_results_status_received", "results", ["status", "received_on"], unique=False
    )
    op.create_index(
        op.f("ix_result_relays_result_id"), "result_relays", ["result_id"], unique=False
    )
    op.create_index(
        op.f("ix_result_relays_patient_id"), "result_relays", ["patient_id"], unique=False
    )
    op.create_index(op.f("ix_referrals_patient_id"), "referrals", ["patient_id"], unique=False)
    op.create_index("ix_referrals_status_sent", "referrals", ["status", "sent_on"], unique=False)
    op.create_index(op.f("ix_clinic_rules_name"), "clinic_rules", ["name"], unique=False)
    for table in TABLES:
        op.execute(
            f"CREATE TRIGGER {table}_tombstone_only BEFORE DELETE ON {table} "
            f"BEGIN SELECT RAISE(ABORT, '{table} rows are tombstoned, never deleted'); END"
        )


def downgrade() -> None:
    raise NotImplementedError("Outpost databases are only ever upgraded")
