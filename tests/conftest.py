"""Shared fixtures: real SQLCipher stores in temporary folders, never a user's real data."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

# Qt must never try to open a real display in the test run.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from desktop.paths import DATA_DIR_ENV, DataPaths

if TYPE_CHECKING:
    from desktop.core import ClinicCore
    from desktop.store.store import Store

PASSWORD = "correct horse battery"
CLINIC = "Kisumu Health Post"


@pytest.fixture(autouse=True)
def _no_real_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Anything that forgets to pass a folder lands in the test's own tmp folder.
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path / "default-data"))


@pytest.fixture
def data_paths(tmp_path: Path) -> DataPaths:
    return DataPaths(tmp_path / "clinic")


@pytest.fixture
def new_store(data_paths: DataPaths) -> Iterator[tuple[Store, str]]:
    from desktop.store import store as store_module

    store, recovery = store_module.create(
        data_paths,
        clinic_name=CLINIC,
        admin_username="admin",
        admin_display_name="Amina Odhiambo",
        password=PASSWORD,
    )
    yield store, recovery
    store.close()


@pytest.fixture
def store(new_store: tuple[Store, str]) -> Store:
    return new_store[0]


@pytest.fixture
def core(store: Store) -> ClinicCore:
    from desktop.core import ClinicCore

    return ClinicCore.from_store(store)


@pytest.fixture(scope="session")
def clinic_template(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """One clinic's closed store for the whole run (tests/clinic_template.py): copy it with
    `copy_laptop`, never open it. The run fails if a test wrote to it."""
    from tests.clinic_template import make_template, snapshot

    root = make_template(tmp_path_factory.mktemp("clinic-template") / "clinic")
    before = snapshot(root)
    yield root
    assert snapshot(root) == before, "a test wrote to the shared clinic template"
