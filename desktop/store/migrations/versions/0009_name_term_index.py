"""The name-term index of typo-tolerant search: every distinct name term with its patient
count and consonant skeleton, and a deletion index over the terms (desktop.store.name_index),
kept by triggers on patients beside the FTS5 name index and filled here from the patients
already in the store.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-03
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The functions outpost_name_terms (a JSON array of a name's terms), outpost_term_deletes
# (a JSON array of a term's indexed deletions) and outpost_term_skeleton are registered on
# every connection (desktop.store.name_index.register), so any writer keeps the index right.
_TERMS_OF = "json_each(outpost_name_terms({p}.given_name, {p}.other_names, {p}.family_name))"
_ADD_TERMS = (
    "INSERT INTO name_terms(term, docs, skeleton) "
    "SELECT value, 1, outpost_term_skeleton(value) FROM " + _TERMS_OF.format(p="new") + " "
    "WHERE NOT new.deleted ON CONFLICT(term) DO UPDATE SET docs = docs + 1;"
)


def upgrade() -> None:
    op.create_table(
        "name_terms",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("term", sa.Text(), nullable=False),
        sa.Column("docs", sa.Integer(), nullable=False),
        sa.Column("skeleton", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_name_terms")),
        sa.UniqueConstraint("term", name=op.f("uq_name_terms_term")),
    )
    op.create_index(op.f("ix_name_terms_skeleton"), "name_terms", ["skeleton"])
    op.create_table(
        "name_term_deletes",
        sa.Column("deletion", sa.Text(), nullable=False),
        sa.Column("term_id", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("deletion", "term_id", name=op.f("pk_name_term_deletes")),
        sqlite_with_rowid=False,
    )
    # A term's deletions come and go with the term.
    op.execute(
        "CREATE TRIGGER name_terms_index AFTER INSERT ON name_terms BEGIN "
        "INSERT INTO name_term_deletes(deletion, term_id) "
        "SELECT value, new.id FROM json_each(outpost_term_deletes(new.term)); END"
    )
    op.execute(
        "CREATE TRIGGER name_terms_unindex AFTER DELETE ON name_terms BEGIN "
        "DELETE FROM name_term_deletes WHERE term_id = old.id AND deletion IN "
        "(SELECT value FROM json_each(outpost_term_deletes(old.term))); END"
    )
    # Patients are never deleted (tombstones only): an insert counts a live patient's terms,
    # an update of the name or the tombstone takes the old terms off and the new ones on,
    # and a term no live patient carries any more leaves the index.
    op.execute(
        "CREATE TRIGGER patients_name_terms_insert AFTER INSERT ON patients "
        "WHEN NOT new.deleted BEGIN " + _ADD_TERMS + " END"
    )
    op.execute(
        "CREATE TRIGGER patients_name_terms_update AFTER UPDATE OF given_name, other_names, "
        "family_name, deleted ON patients BEGIN "
        "UPDATE name_terms SET docs = docs - 1 WHERE NOT old.deleted AND term IN "
        "(SELECT value FROM "
        + _TERMS_OF.format(p="old")
        + "); "
        + _ADD_TERMS
        + " DELETE FROM name_terms WHERE docs <= 0 AND term IN "
        "(SELECT value FROM " + _TERMS_OF.format(p="old") + "); END"
    )
    op.execute(
        "INSERT INTO name_terms(term, docs, skeleton) "
        "SELECT value, count(*), outpost_term_skeleton(value) FROM patients, "
        + _TERMS_OF.format(p="patients")
        + " WHERE NOT patients.deleted GROUP BY value"
    )


def downgrade() -> None:
    raise NotImplementedError("Outpost databases are only ever upgraded")
