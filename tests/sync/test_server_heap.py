"""HQ's startup heap kept out of the cycle collector's walks (sync/server/app.py)."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest

from sync.server.app import create_app, settle_startup_heap
from sync.server.config import settings_for


@pytest.fixture
def unfrozen() -> Iterator[None]:
    gc.unfreeze()
    try:
        yield
    finally:
        gc.unfreeze()  # this test process's objects go back to the collector


def test_making_an_app_leaves_the_collector_as_it_was(tmp_path: Path, unfrozen: None) -> None:
    create_app(settings_for(tmp_path))
    assert gc.get_freeze_count() == 0
    assert gc.isenabled()


def test_the_serving_process_settles_what_it_made_to_start(tmp_path: Path, unfrozen: None) -> None:
    create_app(settings_for(tmp_path))
    settle_startup_heap()
    assert gc.get_freeze_count() > 0  # its modules and the app, no longer walked
    assert gc.isenabled()  # what it makes from here on is collected as usual
