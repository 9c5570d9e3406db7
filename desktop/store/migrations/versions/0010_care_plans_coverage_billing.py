"""The coordinator's follow-through, continued (issue 11): care plans and their items, the
clinic's list of insurers and schemes with each patient's membership and its verifications,
the price list, invoices with their lines and ICD-10 diagnoses, payments and claims. Two
columns on existing tables: the clinic's currency (money is kept in its minor units) and
whether an appointment was a walk-in, and an index of appointments by status and start time
(the worklist's no-shows). Every new table is synced: deletes are refused.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-03
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = (
    "care_plans",
    "care_plan_items",
    "coverage_schemes",
    "coverage_memberships",
    "coverage_checks",
    "price_items",
    "invoices",
    "invoice_lines",
    "diagnoses",
    "payments",
    "claims",
)


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


def _fk(table: str, column: str, target: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        [column], [f"{target}.id"], name=op.f(f"fk_{table}_{column}_{target}")
    )


def _enum(length: int = 20) -> sa.String:
    return sa.String(length=length)


def upgrade() -> None:
    # ADD COLUMN: no table rebuild, so both tables keep their triggers as they are.
    op.add_column(
        "clinics", sa.Column("currency", sa.String(length=3), server_default="", nullable=False)
    )
    op.add_column(
        "appointments",
        sa.Column("walk_in", sa.Boolean(), server_default="0", nullable=False),
    )
    op.create_table(
        "care_plans",
        sa.Column("pk", sa.Integer(), nullable=False),
        sa.Column("patient_id", sa.Uuid(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("status", _enum(), nullable=False),
        sa.Column("started_on", sa.Date(), nullable=False),
        sa.Column("review_on", sa.Date(), nullable=True),
        sa.Column("lead_by", sa.Uuid(), nullable=True),
        sa.Column("ended_on", sa.Date(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        _fk("care_plans", "patient_id", "patients"),
        *_synced("care_plans"),
    )
    op.create_table(
        "care_plan_items",
        sa.Column("pk", sa.Integer(), nullable=False),
        sa.Column("care_plan_id", sa.Uuid(), nullable=False),
        sa.Column("patient_id", sa.Uuid(), nullable=False),
        sa.Column("kind", _enum(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("owner_id", sa.Uuid(), nullable=True),
        sa.Column("owner_name", sa.String(length=200), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column("repeat_days", sa.Integer(), nullable=True),
        sa.Column("status", _enum(), nullable=False),
        sa.Column("done_at", sa.DateTime(), nullable=True),
        sa.Column("done_by", sa.Uuid(), nullable=True),
        sa.Column("appointment_id", sa.Uuid(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        _fk("care_plan_items", "appointment_id", "appointments"),
        _fk("care_plan_items", "care_plan_id", "care_plans"),
        _fk("care_plan_items", "patient_id", "patients"),
        *_synced("care_plan_items"),
    )
    op.create_table(
        "coverage_schemes",
        sa.Column("pk", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("kind", _enum(), nullable=False),
        sa.Column("phone", sa.String(length=20), nullable=True),
        sa.Column("address", sa.Text(), nullable=False),
        sa.Column("verify_every_days", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        *_synced("coverage_schemes"),
    )
    op.create_table(
        "coverage_memberships",
        sa.Column("pk", sa.Integer(), nullable=False),
        sa.Column("patient_id", sa.Uuid(), nullable=False),
        sa.Column("scheme_id", sa.Uuid(), nullable=False),
        sa.Column("member_number", sa.String(length=64), nullable=False),
        sa.Column("holder_name", sa.String(length=200), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=True),
        sa.Column("valid_until", sa.Date(), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        _fk("coverage_memberships", "patient_id", "patients"),
        _fk("coverage_memberships", "scheme_id", "coverage_schemes"),
        *_synced("coverage_memberships"),
    )
    op.create_table(
        "coverage_checks",
        sa.Column("pk", sa.Integer(), nullable=False),
        sa.Column("membership_id", sa.Uuid(), nullable=False),
        sa.Column("patient_id", sa.Uuid(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("method", _enum(), nullable=False),
        sa.Column("result", _enum(), nullable=False),
        sa.Column("made_by", sa.Uuid(), nullable=True),
        sa.Column("reference", sa.String(length=100), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        _fk("coverage_checks", "membership_id", "coverage_memberships"),
        _fk("coverage_checks", "patient_id", "patients"),
        *_synced("coverage_checks"),
    )
    op.create_table(
        "price_items",
        sa.Column("pk", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("category", sa.String(length=64), nullable=False),
        sa.Column("amount", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        *_synced("price_items"),
    )
    op.create_table(
        "invoices",
        sa.Column("pk", sa.Integer(), nullable=False),
        sa.Column("patient_id", sa.Uuid(), nullable=False),
        sa.Column("appointment_id", sa.Uuid(), nullable=True),
        sa.Column("number", sa.String(length=32), nullable=False),
        sa.Column("status", _enum(), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("issued_on", sa.Date(), nullable=True),
        sa.Column("issued_by", sa.Uuid(), nullable=True),
        sa.Column("issued_total", sa.Integer(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("void_reason", sa.Text(), nullable=False),
        _fk("invoices", "appointment_id", "appointments"),
        _fk("invoices", "patient_id", "patients"),
        *_synced("invoices"),
    )
    op.create_table(
        "invoice_lines",
        sa.Column("pk", sa.Integer(), nullable=False),
        sa.Column("invoice_id", sa.Uuid(), nullable=False),
        sa.Column("patient_id", sa.Uuid(), nullable=False),
        sa.Column("price_item_id", sa.Uuid(), nullable=True),
        sa.Column("description", sa.String(length=200), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("unit_amount", sa.Integer(), nullable=False),
        _fk("invoice_lines", "patient_id", "patients"),
        _fk("invoice_lines", "price_item_id", "price_items"),
        _fk("invoice_lines", "invoice_id", "invoices"),
        *_synced("invoice_lines"),
    )
    op.create_table(
        "diagnoses",
        sa.Column("pk", sa.Integer(), nullable=False),
        sa.Column("patient_id", sa.Uuid(), nullable=False),
        sa.Column("invoice_id", sa.Uuid(), nullable=True),
        sa.Column("appointment_id", sa.Uuid(), nullable=True),
        sa.Column("code", sa.String(length=8), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("primary", sa.Boolean(), nullable=False),
        sa.Column("recorded_on", sa.Date(), nullable=False),
        sa.Column("recorded_by", sa.Uuid(), nullable=True),
        _fk("diagnoses", "patient_id", "patients"),
        _fk("diagnoses", "appointment_id", "appointments"),
        _fk("diagnoses", "invoice_id", "invoices"),
        *_synced("diagnoses"),
    )
    op.create_table(
        "payments",
        sa.Column("pk", sa.Integer(), nullable=False),
        sa.Column("invoice_id", sa.Uuid(), nullable=False),
        sa.Column("patient_id", sa.Uuid(), nullable=False),
        sa.Column("amount", sa.Integer(), nullable=False),
        sa.Column("method", _enum(), nullable=False),
        sa.Column("paid_at", sa.DateTime(), nullable=False),
        sa.Column("received_by", sa.Uuid(), nullable=True),
        sa.Column("receipt_number", sa.String(length=32), nullable=False),
        sa.Column("reference", sa.String(length=100), nullable=False),
        sa.Column("claim_id", sa.Uuid(), nullable=True),
        _fk("payments", "patient_id", "patients"),
        _fk("payments", "invoice_id", "invoices"),
        *_synced("payments"),
    )
    op.create_table(
        "claims",
        sa.Column("pk", sa.Integer(), nullable=False),
        sa.Column("invoice_id", sa.Uuid(), nullable=False),
        sa.Column("patient_id", sa.Uuid(), nullable=False),
        sa.Column("membership_id", sa.Uuid(), nullable=False),
        sa.Column("amount", sa.Integer(), nullable=False),
        sa.Column("status", _enum(), nullable=False),
        sa.Column("submitted_on", sa.Date(), nullable=True),
        sa.Column("submitted_by", sa.Uuid(), nullable=True),
        sa.Column("decided_on", sa.Date(), nullable=True),
        sa.Column("paid_amount", sa.Integer(), nullable=True),
        sa.Column("rejection_reason", sa.Text(), nullable=False),
        sa.Column("reference", sa.String(length=100), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        _fk("claims", "membership_id", "coverage_memberships"),
        _fk("claims", "patient_id", "patients"),
        _fk("claims", "invoice_id", "invoices"),
        *_synced("claims"),
    )

    # The worklist's missed appointments to rebook read no-shows by date.
    op.create_index(
        "ix_appointments_status_start", "appointments", ["status", "starts_at"], unique=False
    )
    for table in TABLES:
        op.create_index(op.f(f"ix_{table}_clinic_id"), table, ["clinic_id"], unique=False)
    op.create_index("ix_care_plans_patient_id", "care_plans", ["patient_id"], unique=False)
    op.create_index(
        "ix_care_plans_status_review", "care_plans", ["status", "review_on"], unique=False
    )
    op.create_index(
        "ix_care_plan_items_patient_id", "care_plan_items", ["patient_id"], unique=False
    )
    op.create_index(
        "ix_care_plan_items_status_due", "care_plan_items", ["status", "due_on"], unique=False
    )
    op.create_index(
        "ix_care_plan_items_care_plan_id", "care_plan_items", ["care_plan_id"], unique=False
    )
    op.create_index(
        "ix_coverage_memberships_scheme_id", "coverage_memberships", ["scheme_id"], unique=False
    )
    op.create_index(
        "ix_coverage_memberships_patient_id", "coverage_memberships", ["patient_id"], unique=False
    )
    op.create_index(
        "ix_coverage_checks_membership_id", "coverage_checks", ["membership_id"], unique=False
    )
    op.create_index(
        "ix_coverage_checks_patient_id", "coverage_checks", ["patient_id"], unique=False
    )
    op.create_index("ix_price_items_code", "price_items", ["code"], unique=False)
    op.create_index("ix_invoices_patient_id", "invoices", ["patient_id"], unique=False)
    op.create_index("ix_invoices_number", "invoices", ["number"], unique=False)
    op.create_index("ix_invoices_status_issued", "invoices", ["status", "issued_on"], unique=False)
    op.create_index("ix_invoice_lines_invoice_id", "invoice_lines", ["invoice_id"], unique=False)
    op.create_index("ix_invoice_lines_patient_id", "invoice_lines", ["patient_id"], unique=False)
    op.create_index("ix_diagnoses_patient_id", "diagnoses", ["patient_id"], unique=False)
    op.create_index("ix_diagnoses_invoice_id", "diagnoses", ["invoice_id"], unique=False)
    op.create_index("ix_payments_invoice_id", "payments", ["invoice_id"], unique=False)
    op.create_index("ix_payments_patient_id", "payments", ["patient_id"], unique=False)
    # A receipt number is looked up when the next one is assigned, and by people.
    op.create_index("ix_payments_receipt_number", "payments", ["receipt_number"], unique=False)
    op.create_index("ix_claims_patient_id", "claims", ["patient_id"], unique=False)
    op.create_index("ix_claims_invoice_id", "claims", ["invoice_id"], unique=False)
    op.create_index(
        "ix_claims_status_submitted", "claims", ["status", "submitted_on"], unique=False
    )
    for table in TABLES:
        op.execute(
            f"CREATE TRIGGER {table}_tombstone_only BEFORE DELETE ON {table} "
            f"BEGIN SELECT RAISE(ABORT, '{table} rows are tombstoned, never deleted'); END"
        )


def downgrade() -> None:
    raise NotImplementedError("Outpost databases are only ever upgraded")
