"""The composition root's product: one unlocked clinic and the objects that serve it.

The CLI builds one per command, the GUI one per login. Nothing else holds global state.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from dataclasses import dataclass, field

from desktop.paths import DataPaths
from desktop.permissions import Actor
from desktop.services.clinic import get_clinic
from desktop.services.search import PatientSearch
from desktop.settings import Settings, load_settings
from desktop.store import store as store_module
from desktop.store.store import Store


@dataclass
class ClinicCore:
    store: Store
    settings: Settings
    clinic_name: str
    region: str
    zone: zoneinfo.ZoneInfo
    search: PatientSearch = field(init=False)

    def __post_init__(self) -> None:
        self.search = PatientSearch(self.region)

    @property
    def actor(self) -> Actor:
        assert self.store.actor is not None, "a ClinicCore is always signed in"
        return self.store.actor

    @property
    def paths(self) -> DataPaths:
        return self.store.paths

    def today(self) -> dt.date:
        return dt.datetime.now(self.zone).date()

    def close(self) -> None:
        self.store.close()

    @classmethod
    def from_store(cls, store: Store) -> ClinicCore:
        with store.session() as session:
            clinic = get_clinic(session)
            name, region, zone = clinic.name, clinic.country, clinic.timezone
        return cls(
            store, load_settings(store.paths.settings), name, region, zoneinfo.ZoneInfo(zone)
        )

    @classmethod
    def unlock(cls, paths: DataPaths, username: str, password: str) -> ClinicCore:
        return cls.from_store(store_module.unlock(paths, username, password))
