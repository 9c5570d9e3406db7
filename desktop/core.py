"""The composition root's product: one unlocked clinic and the objects that serve it.

The CLI builds one per command, the GUI one per login. Nothing else holds global state.
Every use case is a call on one of its area APIs (see `desktop.app`), each owning its
transaction and announcing what it changed on `changes`.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from dataclasses import dataclass, field

from desktop.app.admin import AdminApi
from desktop.app.backups import BackupsApi
from desktop.app.billing import BillingApi, ClaimsApi
from desktop.app.care_plans import CarePlansApi
from desktop.app.coverage import CoverageApi
from desktop.app.followup import ReferralsApi, ResultsApi
from desktop.app.forms import FormsApi
from desktop.app.integrity import IntegrityApi
from desktop.app.patients import PatientsApi
from desktop.app.printing import PrintingApi
from desktop.app.remote import RemoteApi
from desktop.app.schedule import ScheduleApi
from desktop.app.sync import SyncApi
from desktop.app.transactions import Transactions
from desktop.app.worklist import WorklistApi
from desktop.changes import ChangeBus
from desktop.clock import ClinicClock
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
    clock: ClinicClock = field(init=False)
    search: PatientSearch = field(init=False)
    changes: ChangeBus = field(init=False)
    tx: Transactions = field(init=False)
    patients: PatientsApi = field(init=False)
    schedule: ScheduleApi = field(init=False)
    forms: FormsApi = field(init=False)
    printing: PrintingApi = field(init=False)
    admin: AdminApi = field(init=False)
    backups: BackupsApi = field(init=False)
    sync: SyncApi = field(init=False)
    remote: RemoteApi = field(init=False)
    integrity: IntegrityApi = field(init=False)
    results: ResultsApi = field(init=False)
    referrals: ReferralsApi = field(init=False)
    care_plans: CarePlansApi = field(init=False)
    coverage: CoverageApi = field(init=False)
    worklist: WorklistApi = field(init=False)
    billing: BillingApi = field(init=False)
    claims: ClaimsApi = field(init=False)

    def __post_init__(self) -> None:
        self.clock = ClinicClock(self.zone)
        self.search = PatientSearch(self.region)
        self.changes = ChangeBus()
        self.tx = Transactions(self.store, self.changes)
        self.patients = PatientsApi(self)
        self.schedule = ScheduleApi(self)
        self.forms = FormsApi(self)
        self.printing = PrintingApi(self)
        self.admin = AdminApi(self)
        self.backups = BackupsApi(self)
        self.remote = RemoteApi(self)
        self.integrity = IntegrityApi(self)
        self.results = ResultsApi(self)
        self.referrals = ReferralsApi(self)
        self.care_plans = CarePlansApi(self)
        self.coverage = CoverageApi(self)
        self.worklist = WorklistApi(self)
        self.billing = BillingApi(self)
        self.claims = ClaimsApi(self)
        self.sync = SyncApi(self)

    @property
    def actor(self) -> Actor:
        assert self.store.actor is not None, "a ClinicCore is always signed in"
        return self.store.actor

    @property
    def paths(self) -> DataPaths:
        return self.store.paths

    def today(self) -> dt.date:
        return self.clock.today()

    def close(self) -> None:
        self.integrity.close()
        self.store.close()

    @classmethod
    def from_store(cls, store: Store) -> ClinicCore:
        with store.read_session() as session:
            clinic = get_clinic(session)
            name, region, zone = clinic.name, clinic.country, clinic.timezone
        return cls(
            store, load_settings(store.paths.settings), name, region, zoneinfo.ZoneInfo(zone)
        )

    @classmethod
    def unlock(cls, paths: DataPaths, username: str, password: str) -> ClinicCore:
        return cls.from_store(store_module.unlock(paths, username, password))
