"""Shared fixtures of the sync tests."""

from __future__ import annotations

import pytest

from tests.pgcluster import pg_cluster, pg_database

__all__ = ["pg_cluster", "pg_database"]


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "postgres: needs a PostgreSQL cluster (deselect with -m 'not postgres')"
    )
