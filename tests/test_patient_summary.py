"""The patient record's one-line summary (`core.patients.summary`): the next appointment,
open referrals (and how many are overdue), results waiting to be relayed (and how many are
urgent), and allergies as the latest intake form gives them. One read, a few queries."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
from sqlalchemy import event

from desktop.app.followup import RelayMethod, RelayOutcome
from desktop.app.patient_summary import PatientSummary
from desktop.app.patients import PatientInput
from desktop.clock import ClinicClock
from desktop.core import ClinicCore
from desktop.errors import NotFound
from desktop.store.models import FacilityKind, FormStatus, ReferralStatus

MONDAY_9 = dt.datetime(2026, 11, 23, 9, 0)  # clinic wall-clock time


def set_now(core: ClinicCore, local: dt.datetime) -> None:
    instant = local.replace(tzinfo=core.zone).astimezone(dt.UTC)
    core.clock = ClinicClock(core.zone, now=lambda: instant)


@pytest.fixture
def clinic(core: ClinicCore) -> ClinicCore:
    set_now(core, MONDAY_9)
    week = {day: [(dt.time(8), dt.time(17))] for day in range(7)}
    core.admin.add_provider("Dr. Achieng Otieno", hours=week)
    core.admin.add_appointment_type("Consultation", 30)
    return core


def patient(core: ClinicCore, given: str = "Wanjiru") -> uuid.UUID:
    data = PatientInput(given_name=given, family_name="Kamau", estimated_age_years="34")
    return core.patients.register(data, confirmed_new=True).value


def book(core: ClinicCore, pid: uuid.UUID, when: dt.datetime) -> uuid.UUID:
    choices = core.schedule.booking_choices()
    return core.schedule.book(
        patient_id=pid,
        provider_id=choices.providers[0].provider_id,
        type_id=choices.types[0].type_id,
        starts_at=when,
        same_day_ok=True,
    ).value.appointment_id


def test_a_new_patient_s_summary_says_nothing_is_pending(clinic: ClinicCore) -> None:
    summary = clinic.patients.summary(patient(clinic))
    assert isinstance(summary, PatientSummary)
    assert summary.next_appointment is None and summary.allergies is None
    assert (summary.open_referrals, summary.results_waiting) == (0, 0)
    with pytest.raises(NotFound):
        clinic.patients.summary(uuid.uuid4())


def test_the_next_appointment_is_the_first_still_booked_from_today(clinic: ClinicCore) -> None:
    core = clinic
    pid = patient(core)
    in_ten_days = book(core, pid, MONDAY_9 + dt.timedelta(days=10))
    tomorrow = book(core, pid, MONDAY_9 + dt.timedelta(days=1, hours=1))
    core.schedule.walk_in(pid, same_day_ok=True)  # today's walk-in: arrived, not "next"
    found = core.patients.summary(pid).next_appointment
    assert found is not None and found.appointment_id == tomorrow
    assert found.starts_at == (MONDAY_9 + dt.timedelta(days=1, hours=1)).replace(tzinfo=core.zone)
    assert (found.provider, found.type_name, found.late) == (
        "Dr. Achieng Otieno",
        "Consultation",
        False,
    )
    core.schedule.cancel(tomorrow)
    after = core.patients.summary(pid).next_appointment
    assert after is not None and after.appointment_id == in_ten_days
    # Booked for earlier today and not arrived: still the next one, and late.
    earlier = book(core, pid, MONDAY_9 - dt.timedelta(hours=1))
    late = core.patients.summary(pid).next_appointment
    assert late is not None and late.appointment_id == earlier and late.late


def test_open_referrals_and_results_waiting_are_counted_for_this_patient_only(
    clinic: ClinicCore,
) -> None:
    core = clinic
    pid, other = patient(core), patient(core, "Baraka")
    rehab = core.referrals.add_facility("Kisumu Rehabilitation", FacilityKind.REHABILITATION)
    first = core.referrals.add(pid, "Cataract assessment").value.referral_id
    core.referrals.add(
        pid,
        "Physiotherapy",
        facility_id=rehab.value.facility_id,
        send_on=MONDAY_9.date() - dt.timedelta(days=60),
    )
    closed = core.referrals.add(pid, "X-ray of the wrist").value.referral_id
    core.referrals.add(other, "Someone else's")
    core.referrals.move(closed, ReferralStatus.DECLINED, end_reason="Went to Nairobi")
    urgent = core.results.order(pid, "Malaria RDT").value.line.result_id
    routine = core.results.order(pid, "Full blood count").value.line.result_id
    core.results.order(pid, "Lipid profile")  # not back from the lab: not waiting
    core.results.record_received(urgent, text="Positive", urgent=True)
    core.results.record_received(routine, text="Normal")
    theirs = core.results.order(other, "Urinalysis").value.line.result_id
    core.results.record_received(theirs, text="Normal")

    summary = core.patients.summary(pid)
    assert (summary.open_referrals, summary.overdue_referrals) == (2, 1)
    assert (summary.results_waiting, summary.urgent_results_waiting) == (2, 1)

    core.results.relay(routine, RelayMethod.PHONE, RelayOutcome.INFORMED)
    core.referrals.move(first, ReferralStatus.DECLINED, end_reason="Not needed")
    summary = core.patients.summary(pid)
    assert (summary.open_referrals, summary.results_waiting) == (1, 1)
    assert summary.urgent_results_waiting == 1


def test_allergies_are_what_the_latest_intake_form_says(clinic: ClinicCore) -> None:
    core = clinic
    pid = patient(core)
    core.forms.start(pid, "consent_treatment")  # another form: says nothing of allergies
    first = core.forms.start(pid, "intake").value.record_id
    assert core.patients.summary(pid).allergies is None  # started, the question not answered
    core.forms.save_draft(first, {"has_allergies": True, "allergies": " Penicillin: rash "})
    said = core.patients.summary(pid).allergies
    assert said is not None and said.known is True
    assert said.what == "Penicillin: rash" and said.form_status is FormStatus.DRAFT
    assert said.form_record_id == first  # recorded_on: the form's date (stamped by the store)

    later = core.forms.start(pid, "intake").value.record_id
    core.forms.save_draft(later, {"has_allergies": "unknown"})
    unsure = core.patients.summary(pid).allergies
    assert unsure is not None and unsure.known is None and unsure.what == ""
    assert unsure.form_record_id == later and unsure.recorded_on >= said.recorded_on
    core.forms.save_draft(later, {"has_allergies": False, "allergies": "typed, then unticked"})
    none = core.patients.summary(pid).allergies
    assert none is not None and none.known is False and none.what == ""


def test_the_summary_is_one_read_of_a_few_queries(clinic: ClinicCore) -> None:
    core = clinic
    pid = patient(core)
    book(core, pid, MONDAY_9 + dt.timedelta(days=1))
    core.referrals.add(pid, "Cataract assessment")
    rid = core.results.order(pid, "Malaria RDT").value.line.result_id
    core.results.record_received(rid, text="Positive")
    intake = core.forms.start(pid, "intake").value.record_id
    core.forms.save_draft(intake, {"has_allergies": True, "allergies": "Sulfa"})
    statements: list[str] = []

    def count(_conn, _cursor, statement, *_args) -> None:  # type: ignore[no-untyped-def]
        if statement.lstrip().upper().startswith("SELECT"):
            statements.append(statement)

    event.listen(core.store.engine, "before_cursor_execute", count)
    try:
        summary = core.patients.summary(pid)
    finally:
        event.remove(core.store.engine, "before_cursor_execute", count)
    assert summary.open_referrals == 1 and summary.results_waiting == 1
    assert summary.allergies is not None and summary.allergies.what == "Sulfa"
    # The patient, referrals, the rules, results, their attempts, the next appointment, the
    # intake forms: each on an index that starts with the patient.
    assert 4 <= len(statements) <= 8, statements
