"""Shared fixtures of the sync tests: real `outpost-hq` processes on SQLite or PostgreSQL.

    def test_x(hq: HqServer) -> None: ...          # runs twice: hq[sqlite] and hq[postgres]
    def test_y(hq_sqlite: HqServer) -> None: ...   # SQLite only
    def test_z(hq_postgres: HqServer) -> None: ... # PostgreSQL only
    def test_w(make_hq: MakeHq) -> None:           # several servers / workers / env, both
        hq = make_hq(workers=2)                     # backends (like `hq`)

Every test that uses PostgreSQL (`hq[postgres]`, `hq_postgres`, `make_hq[postgres]`,
`pg_cluster`, `pg_database`) is marked `postgres`, so `-m "not postgres"` leaves them out.
The cluster itself (tests/pgcluster.py) starts once per session, on first use; each test
gets a fresh database of its own. Without PostgreSQL the postgres tests are skipped, or
fail under CI.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.hqserver import HqServer
from tests.pgcluster import PgCluster, pg_cluster, pg_database

__all__ = ["hq", "hq_database_url", "hq_postgres", "hq_sqlite", "make_hq"]
__all__ += ["pg_cluster", "pg_database"]

BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]
POSTGRES_FIXTURES = frozenset({"pg_cluster", "pg_database", "hq_postgres"})

MakeHq = Callable[..., HqServer]


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "postgres: needs a PostgreSQL cluster (deselect with -m 'not postgres')"
    )


@pytest.hookimpl(tryfirst=True)  # before -m deselects
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if POSTGRES_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.postgres)


@pytest.fixture(params=BACKENDS)
def hq_backend(request: pytest.FixtureRequest) -> str:
    """ "sqlite" or "postgres": the backend of `hq`, `make_hq` and `hq_database_url`."""
    return str(request.param)


@pytest.fixture
def hq_database_url(hq_backend: str, request: pytest.FixtureRequest) -> str | None:
    """None for SQLite (the file in the data folder), else a fresh PostgreSQL database."""
    if hq_backend == "sqlite":
        return None
    cluster: PgCluster = request.getfixturevalue("pg_cluster")
    return cluster.create_database()


@pytest.fixture
def make_hq(
    tmp_path: Path, hq_database_url: str | None, request: pytest.FixtureRequest
) -> Iterator[MakeHq]:
    """Starts HQ servers on the test's backend: `make_hq(name="hq", *, workers=1, env=None)`,
    initialised and answering. Each name is a server of its own (its own data folder and,
    on PostgreSQL, its own database; the first one gets `hq_database_url`). Restart one with
    its `restart()`. Every server is stopped at the end of the test."""
    servers: dict[str, HqServer] = {}

    def make(name: str = "hq", *, workers: int = 1, env: dict[str, str] | None = None) -> HqServer:
        if name in servers:
            raise ValueError(f"make_hq: a server named {name!r} exists already")
        database_url = hq_database_url
        if servers and hq_database_url is not None:
            cluster: PgCluster = request.getfixturevalue("pg_cluster")
            database_url = cluster.create_database()
        server = HqServer(tmp_path / name, database_url=database_url, workers=workers, env=env)
        servers[name] = server
        server.init()
        _start(server)
        return server

    try:
        yield make
    finally:
        for server in reversed(list(servers.values())):
            server.stop()


def _start(server: HqServer) -> None:
    from tests.hqserver import HqServerError, free_port

    for attempt in range(3):  # a free port can be taken between picking and binding
        try:
            server.start()
            return
        except HqServerError:
            if attempt == 2:
                raise
            server.port = free_port()


@pytest.fixture
def hq(make_hq: MakeHq) -> HqServer:
    """A running HQ, once on SQLite and once on PostgreSQL."""
    return make_hq()


@pytest.fixture
def hq_sqlite(tmp_path: Path) -> Iterator[HqServer]:
    """A running HQ on its SQLite file."""
    with HqServer.started(tmp_path / "hq-sqlite") as server:
        yield server


@pytest.fixture
def hq_postgres(tmp_path: Path, pg_database: str) -> Iterator[HqServer]:
    """A running HQ on a fresh PostgreSQL database."""
    with HqServer.started(tmp_path / "hq-postgres", database_url=pg_database) as server:
        yield server
