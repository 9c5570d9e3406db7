"""Bringing a database to the schema this release expects, with Alembic.

A database from an older release is upgraded in place, after an encrypted copy of it has been
written to the backups folder. A database from a newer release (a revision this release does
not know) is refused: upgrading Outpost is the only safe way forward.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine

from desktop.errors import StoreTooNew

MIGRATIONS = Path(__file__).with_name("migrations")


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def known_revisions() -> set[str]:
    return {rev.revision for rev in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


def current_revision(conn: Connection) -> str | None:
    return MigrationContext.configure(conn).get_current_revision()


def upgrade(engine: Engine, *, before_upgrade: Callable[[str | None], None]) -> str:
    """Upgrade to head; returns the revision the database was at.

    `before_upgrade(revision)` is called (to make the safety copy) only when there is
    something to upgrade.
    """
    with engine.connect() as conn:
        current = current_revision(conn)
    head = head_revision()
    if current == head:
        return head
    if current is not None and current not in known_revisions():
        raise StoreTooNew(
            f"This database was written by a newer Outpost (schema {current}; this version "
            f"knows up to {head}). Install the newer Outpost to open it; the database has "
            "not been changed."
        )
    before_upgrade(current)
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    return current or "empty"
