"""The worklist's coverage lines on a real store: memberships to verify before tomorrow's
appointments (the clinic's tomorrow), one line per patient, the membership to open; verifying
takes the line off; `outpost worklist` shows them."""

from __future__ import annotations

import datetime as dt
import io
import sys
import uuid
import zoneinfo

import pytest

from desktop.app import work_items as wl
from desktop.app.patients import PatientInput
from desktop.clock import ClinicClock
from desktop.core import ClinicCore
from desktop.store.models import SchemeKind, VerificationMethod, VerificationResult

ZONE = zoneinfo.ZoneInfo("Africa/Nairobi")
# Monday evening, clinic time: already Monday 20:30 in UTC, tomorrow is Tuesday 24 November.
MONDAY_NIGHT = dt.datetime(2026, 11, 23, 23, 30, tzinfo=ZONE)
TUESDAY = dt.date(2026, 11, 24)
V = VerificationResult


def patient(core: ClinicCore, given: str) -> uuid.UUID:
    data = PatientInput(
        given_name=given, family_name="Wafula", estimated_age_years="33", phone="0722 000 111"
    )
    return core.patients.register(data, confirmed_new=True).value


@pytest.fixture
def clinic(core: ClinicCore) -> ClinicCore:
    core.clock = ClinicClock(ZONE, now=lambda: MONDAY_NIGHT)
    return core


def coverage_lines(core: ClinicCore) -> list[wl.WorkItem]:
    return [i for i in core.worklist.today().items if i.group == wl.COVERAGE_REVERIFY]


def test_memberships_to_verify_before_tomorrow_s_appointments(clinic: ClinicCore) -> None:
    core = clinic
    every_day = {weekday: [(dt.time(0), dt.time(23, 59))] for weekday in range(7)}
    provider = core.admin.add_provider("Dr. Achieng Otieno", hours=every_day).value.id
    kind = core.admin.add_appointment_type("Consultation", 30).value.id
    scheme = core.coverage.add_scheme("NHIF", SchemeKind.GOVERNMENT).value.scheme_id

    def booked(given: str, day: dt.date, time: dt.time, number: str | None) -> uuid.UUID:
        pid = patient(core, given)
        core.schedule.book(
            patient_id=pid,
            provider_id=provider,
            type_id=kind,
            starts_at=dt.datetime.combine(day, time),
        )
        if number is not None:
            core.coverage.add_membership(
                pid, scheme, number, valid_until=dt.date(2026, 11, 23) if number == "EXP" else None
            )
        return pid

    never = booked("Akinyi", TUESDAY, dt.time(9, 0), "N-1")
    expired = booked("Baraka", TUESDAY, dt.time(0, 15), "EXP")  # just after midnight, local
    refused = booked("Chebet", TUESDAY, dt.time(10, 0), "R-3")
    fine = booked("Dida", TUESDAY, dt.time(11, 0), "F-4")
    booked("Esther", TUESDAY, dt.time(12, 0), None)  # no coverage: a cash patient
    booked("Faith", TUESDAY + dt.timedelta(days=1), dt.time(9, 0), "L-6")  # not tomorrow
    booked("Grace", MONDAY_NIGHT.date(), dt.time(8, 0), "T-7")  # today, not tomorrow
    member = {
        line.patient_id: line.membership_id for line in core.coverage.list(include_ended=True)
    }
    core.coverage.verify(member[refused], VerificationMethod.PHONE, V.NOT_COVERED)
    core.coverage.verify(member[fine], VerificationMethod.PORTAL, V.VERIFIED)
    # A cancelled appointment needs nothing verified.
    cancelled = booked("Halima", TUESDAY, dt.time(13, 0), "C-8")
    appointment = core.schedule.day(TUESDAY)[-1]
    assert appointment.patient_id == cancelled
    core.schedule.cancel(appointment.appointment_id)

    lines = coverage_lines(core)
    assert [(i.patient_id, i.record_id) for i in lines] == [
        (expired, member[expired]),  # waiting since its last valid day
        (refused, member[refused]),  # the scheme said no today
        (never, member[never]),  # never verified: last
    ]
    first = lines[0]
    assert first.kind == wl.MEMBERSHIP and first.patient_name == "Baraka Wafula"
    assert first.phone.replace(" ", "") == "0722000111"
    assert first.what == "NHIF EXP expired on 2026-11-23 (expired); appointment tomorrow at 00:15"
    assert first.group_words == "coverage to verify"
    assert "not covered when checked on 2026-11-23" in lines[1].what
    assert lines[2].what == "NHIF N-1 never verified (to verify); appointment tomorrow at 09:00"

    # Doing the work takes the line off the list.
    core.coverage.verify(member[never], VerificationMethod.CARD_SEEN, V.VERIFIED)
    core.coverage.edit_membership(member[expired], valid_until=dt.date(2027, 11, 23))
    core.coverage.verify(member[expired], VerificationMethod.PHONE, V.VERIFIED)
    assert [i.patient_id for i in coverage_lines(core)] == [refused]


def test_outpost_worklist_names_the_membership_to_open(
    core: ClinicCore, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop.cli.main import main
    from tests.conftest import PASSWORD

    # The command runs on the real clock: booked for the clinic's real tomorrow, at noon.
    every_day = {weekday: [(dt.time(7), dt.time(19))] for weekday in range(7)}
    provider = core.admin.add_provider("Dr. Achieng Otieno", hours=every_day).value.id
    kind = core.admin.add_appointment_type("Consultation", 30).value.id
    scheme = core.coverage.add_scheme("NHIF", SchemeKind.GOVERNMENT).value.scheme_id
    pid = patient(core, "Imani")
    noon = dt.datetime.combine(core.today() + dt.timedelta(days=1), dt.time(12))
    core.schedule.book(patient_id=pid, provider_id=provider, type_id=kind, starts_at=noon)
    member = core.coverage.add_membership(pid, scheme, "W-1").value.membership_id
    paths = core.paths
    core.close()
    monkeypatch.setattr(sys, "stdin", io.StringIO(PASSWORD + "\n"))
    args = ["--data-dir", str(paths.root), "--password-stdin", "--user", "admin", "worklist"]
    assert main(args) == 0
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 1, out
    assert out[0].startswith("coverage to verify: Imani Wafula (")
    assert f"[coverage_membership {member}]" in out[0]
    assert "NHIF W-1 never verified (to verify); appointment tomorrow at 12:00" in out[0]
