"""Alembic environment: Outpost always runs migrations on a connection it opened itself
(the database is encrypted, so there is no URL alembic could open on its own)."""

from __future__ import annotations

from alembic import context

from desktop.store.models import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite alters tables by copying them
    transaction_per_migration=True,
)
with context.begin_transaction():
    context.run_migrations()
