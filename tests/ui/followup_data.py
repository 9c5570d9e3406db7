"""Results, referrals and facilities for the follow-through screens' tests, made through the
core's API (as the CLI and the screens make them)."""

from __future__ import annotations

import datetime as dt
import uuid

from desktop.app.patients import PatientInput
from desktop.clock import ClinicClock
from desktop.core import ClinicCore
from desktop.store.models import FacilityKind

WAIT = 20_000


def patient(core: ClinicCore, given: str, family: str = "Onyango", phone: str = "0712 345 678"):
    data = PatientInput(given_name=given, family_name=family, estimated_age_years="40", phone=phone)
    return core.patients.register(data, confirmed_new=True).value


def received_result(
    core: ClinicCore, patient_id: uuid.UUID, test: str = "Full blood count", **kw
) -> uuid.UUID:
    urgent = kw.pop("urgent", False)
    result_id = core.results.order(patient_id, test, urgent=urgent).value.line.result_id
    core.results.record_received(result_id, text=kw.pop("text", "Haemoglobin low."), **kw)
    return result_id


def facility(core: ClinicCore, name: str = "County Referral Hospital") -> uuid.UUID:
    return core.referrals.add_facility(
        name, FacilityKind.HOSPITAL, phone="0722 000 111", address="Hospital Road"
    ).value.facility_id


def days_later(core: ClinicCore, days: int) -> None:
    """The clinic's clock `days` ahead of the real one (what is overdue changes with it)."""
    zone = core.clock.zone
    core.clock = ClinicClock(zone, now=lambda: dt.datetime.now(dt.UTC) + dt.timedelta(days=days))
