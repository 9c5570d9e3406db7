"""Alembic environment of outpost-hq: migrations always run on a connection that
`sync.server.db.upgrade` opened (and began) itself."""

from __future__ import annotations

from alembic import context

from sync.server.models import Base

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
