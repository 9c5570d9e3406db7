"""Opening HQ's database (SQLite in the data folder, or PostgreSQL) and its migrations.

SQLite: one file `<data-dir>/hq.db` in WAL mode, `synchronous=FULL` (an answer to a push is
sent only after its commit is on disk), and every write transaction begins with
`BEGIN IMMEDIATE`, so there is exactly one writer at a time and positions commit in order.
Reads begin deferred and never wait for a writer (WAL).

PostgreSQL (`postgresql://…`, driven by psycopg 3): READ COMMITTED; the push path takes a
per-clinic advisory lock (see `sync.server.store`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine, create_engine, event, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).with_name("migrations")
# The newest migration (tests check it is migrations/versions' head). Serving and the
# everyday commands compare against it without loading alembic.
HEAD = "0003"
KNOWN = frozenset({"0001", "0002", "0003"})
WRITE = "hq_write"


class DatabaseError(Exception):
    """Something about the database a person must fix (said in one line)."""


def sqlite_url(data_dir: Path) -> str:
    return f"sqlite+pysqlite:///{data_dir / 'hq.db'}"


def normalise_url(url: str) -> str:
    """postgresql:// and postgres:// use psycopg 3; anything else is refused."""
    url = url.strip()
    for prefix in ("postgresql+psycopg://", "sqlite+pysqlite:///", "sqlite:///"):
        if url.startswith(prefix):
            return url
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    raise DatabaseError(
        f"HQ cannot use the database {redact(url)}: give a postgresql:// address "
        "(or none, for the SQLite file in the data folder)"
    )


def redact(url: str) -> str:
    """The URL with any password replaced by ***, for messages and logs."""
    return re.sub(r"(://[^:/@]*:)[^@]*@", r"\1***@", url)


def open_engine(url: str, *, pool_size: int = 10) -> Engine:
    url = normalise_url(url)
    if make_url(url).get_backend_name() == "sqlite":
        engine = create_engine(
            url, connect_args={"timeout": 60, "check_same_thread": False}, pool_pre_ping=False
        )

        @event.listens_for(engine, "connect")
        def _on_connect(dbapi_connection: Any, _record: Any) -> None:
            dbapi_connection.isolation_level = None  # we issue BEGIN ourselves
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=FULL")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA busy_timeout=60000")
            cursor.close()

        @event.listens_for(engine, "begin")
        def _on_begin(conn: Connection) -> None:
            immediate = conn.get_execution_options().get(WRITE, False)
            conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

        return engine
    return create_engine(url, pool_size=pool_size, max_overflow=pool_size, pool_pre_ping=True)


def is_postgres(engine_or_conn: Engine | Connection) -> bool:
    return engine_or_conn.dialect.name == "postgresql"


@contextmanager
def write_session(engine: Engine) -> Iterator[Session]:
    """A session in a write transaction (BEGIN IMMEDIATE on SQLite), committed on leaving
    the block without an exception, rolled back otherwise. The commit has happened when
    the block is left: only then may an answer say so."""
    with engine.connect() as conn:
        conn.execution_options(**{WRITE: True})
        with Session(bind=conn, expire_on_commit=False) as session, session.begin():
            yield session


@contextmanager
def read_session(engine: Engine) -> Iterator[Session]:
    with engine.connect() as conn, Session(bind=conn) as session, session.begin():
        yield session


def alembic_config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    return {r.revision for r in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        value = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
        return str(value) if value is not None else None


def upgrade(engine: Engine) -> None:
    from alembic import command

    current = current_revision(engine)
    if current is not None and current not in known_revisions():
        raise DatabaseError(
            f"HQ's database was written by a newer outpost-hq (schema {current}); install "
            "that version to use it. Nothing was changed."
        )
    cfg = alembic_config()
    with engine.connect() as conn:
        conn.execution_options(**{WRITE: True})
        with conn.begin():
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")


def check_current(engine: Engine, data_dir: Path) -> None:
    """Refuses to serve an empty or out-of-date database, saying what to do."""
    current = current_revision(engine)
    head = HEAD
    if current == head:
        return
    if current is None:
        raise DatabaseError(
            f"HQ's database is empty: run `outpost-hq --data-dir {data_dir} init --admin NAME` "
            "first."
        )
    if current not in KNOWN:
        raise DatabaseError(
            f"HQ's database was written by a newer outpost-hq (schema {current}); install "
            "that version to serve it."
        )
    raise DatabaseError(
        f"HQ's database is at schema {current}, this outpost-hq needs {head}: run "
        f"`outpost-hq --data-dir {data_dir} init --admin NAME` to bring it up to date "
        "(the records are kept)."
    )
