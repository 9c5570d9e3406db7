"""Fixtures of the console tests: a real HQ (tests/hqserver.py), PostgreSQL
(tests/pgcluster.py) and Debian's chromium through playwright (tests/console/browser.py)."""

from __future__ import annotations

from tests.console.browser import browser, page
from tests.hqserver import hq_server
from tests.pgcluster import pg_cluster, pg_database

__all__ = ["browser", "hq_server", "page", "pg_cluster", "pg_database"]
