"""Coverage on a real store: the clinic's list of schemes, patients' memberships and their
verifications; the status rules by date (verified this month, to verify, expired, not
covered, none), read for many patients at once; the warning at booking and check-in (never a
refusal); who may do what; what is refused and why."""

from __future__ import annotations

import datetime as dt
import uuid
import zoneinfo
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from sqlalchemy import event

from desktop.app.coverage import CoverageStatus
from desktop.app.patients import PatientInput
from desktop.app.schedule import Warned
from desktop.clock import ClinicClock
from desktop.core import ClinicCore
from desktop.errors import Conflict, InvalidInput, NotFound, PermissionDenied
from desktop.permissions import Actor
from desktop.services import coverage as covsvc
from desktop.store.models import Role, SchemeKind, VerificationMethod, VerificationResult

ZONE = zoneinfo.ZoneInfo("Africa/Nairobi")
MONDAY = dt.datetime(2026, 11, 23, 9, 0, tzinfo=ZONE)
C = CoverageStatus
V = VerificationResult
PHONE = VerificationMethod.PHONE


def at(core: ClinicCore, moment: dt.datetime) -> None:
    core.clock = ClinicClock(ZONE, now=lambda: moment)


def patient(core: ClinicCore, given: str = "Achieng") -> uuid.UUID:
    data = PatientInput(given_name=given, family_name="Owino", estimated_age_years="41")
    return core.patients.register(data, confirmed_new=True).value


@pytest.fixture
def clinic(core: ClinicCore) -> ClinicCore:
    at(core, MONDAY)
    return core


def nhif(core: ClinicCore, every: int = 30) -> uuid.UUID:
    return core.coverage.add_scheme(
        "NHIF", SchemeKind.GOVERNMENT, verify_every_days=every
    ).value.scheme_id


def status(core: ClinicCore, pid: uuid.UUID, on: dt.date | None = None) -> CoverageStatus:
    return core.coverage.status_for([pid], on=on)[pid].status


def test_the_list_of_schemes(clinic: ClinicCore) -> None:
    core = clinic
    added = core.coverage.add_scheme(
        "  National  Hospital Insurance Fund ",
        SchemeKind.GOVERNMENT,
        phone="020 272 3255",
        address="Nairobi",
        verify_every_days=31,
    )
    scheme = added.value
    assert scheme.name == "National Hospital Insurance Fund" and scheme.verify_every_days == 31
    assert scheme.phone.replace(" ", "") == "0202723255" and scheme.active
    assert scheme.kind_words == "government scheme"
    assert added.changes.touches("coverage_schemes")
    jubilee = core.coverage.add_scheme("Jubilee Insurance", SchemeKind.INSURER).value
    assert jubilee.verify_every_days == 30  # the default
    assert [s.name for s in core.coverage.schemes()] == [
        "Jubilee Insurance",
        "National Hospital Insurance Fund",
    ]
    with pytest.raises(Conflict, match="in the list of schemes already"):
        core.coverage.add_scheme("national hospital insurance fund", SchemeKind.INSURER)
    with pytest.raises(InvalidInput, match="needs a name"):
        core.coverage.add_scheme("   ", SchemeKind.OTHER)
    with pytest.raises(InvalidInput, match="not a valid phone number"):
        core.coverage.add_scheme("Madison", SchemeKind.INSURER, phone="12")
    with pytest.raises(InvalidInput, match="number of days from 1 to 366"):
        core.coverage.add_scheme("Madison", SchemeKind.INSURER, verify_every_days=0)

    edited = core.coverage.edit_scheme(
        jubilee.scheme_id, name="Jubilee Health", phone="0709 949 000", verify_every_days=90
    ).value
    assert (edited.name, edited.verify_every_days) == ("Jubilee Health", 90)
    with pytest.raises(InvalidInput, match="not a valid phone number"):
        core.coverage.edit_scheme(jubilee.scheme_id, phone="12")
    with pytest.raises(Conflict, match="already"):
        core.coverage.edit_scheme(jubilee.scheme_id, name="NATIONAL hospital insurance fund")

    # Deactivated: out of the choices for new memberships; its memberships stay.
    pid = patient(core)
    kept = core.coverage.add_membership(pid, jubilee.scheme_id, "JUB-1").value
    gone = core.coverage.deactivate_scheme(jubilee.scheme_id).value
    assert not gone.active
    assert [s.name for s in core.coverage.schemes()] == ["National Hospital Insurance Fund"]
    assert len(core.coverage.schemes(include_inactive=True)) == 2
    with pytest.raises(Conflict, match="no longer in use"):
        core.coverage.add_membership(patient(core, "Baraka"), jubilee.scheme_id, "JUB-2")
    assert core.coverage.membership(kept.membership_id).active
    with pytest.raises(NotFound, match="No insurer or scheme with id"):
        core.coverage.scheme(uuid.uuid4())


def test_verified_this_month_then_to_verify_when_the_scheme_s_days_pass(
    clinic: ClinicCore,
) -> None:
    core = clinic
    pid = patient(core)
    scheme = nhif(core, every=30)
    assert status(core, pid) is C.NONE
    added = core.coverage.add_membership(
        pid,
        scheme,
        " 1234 5678 ",
        holder_name="Otieno  Owino",
        valid_from=dt.date(2026, 1, 1),
        valid_until=dt.date(2027, 6, 30),
    )
    member = added.value
    assert member.member_number == "1234 5678" and member.holder_name == "Otieno Owino"
    assert added.changes.touches("coverage_memberships") and pid in added.changes.patient_ids
    assert member.status is C.TO_VERIFY and member.why == "NHIF 1234 5678 never verified"
    assert status(core, pid) is C.TO_VERIFY

    # Verified late on Monday evening, clinic time (already Monday 20:30 in UTC).
    at(core, dt.datetime(2026, 11, 23, 23, 30, tzinfo=ZONE))
    done = core.coverage.verify(
        member.membership_id, VerificationMethod.PORTAL, V.VERIFIED, reference="REF-88"
    )
    assert done.changes.touches("coverage_checks") and pid in done.changes.patient_ids
    check = done.value.checks[-1]
    assert (check.result_words, check.reference, check.by) == (
        "covered",
        "REF-88",
        "Amina Odhiambo",
    )
    assert check.at.tzinfo is not None and check.at.hour == 23
    assert status(core, pid, MONDAY.date()) is C.VERIFIED
    assert status(core, pid, MONDAY.date() - dt.timedelta(days=1)) is C.TO_VERIFY  # before it
    shown = core.coverage.status_for([pid], on=MONDAY.date())[pid]
    assert (
        shown.words == "verified this month"
        and shown.why == "NHIF 1234 5678 verified on 2026-11-23"
    )
    assert shown.membership_id == member.membership_id and shown.answered_on == MONDAY.date()
    # Holds for 30 days: the 29th day after it still verified, the 30th to verify again.
    assert status(core, pid, dt.date(2026, 12, 22)) is C.VERIFIED
    assert status(core, pid, dt.date(2026, 12, 23)) is C.TO_VERIFY
    later = core.coverage.status_for([pid], on=dt.date(2026, 12, 23))[pid]
    assert later.why == "NHIF 1234 5678 last verified on 2026-11-23"
    # The scheme's own rule: verified every 60 days, so still verified then.
    core.coverage.edit_scheme(scheme, verify_every_days=60)
    assert status(core, pid, dt.date(2026, 12, 23)) is C.VERIFIED


def test_expired_not_covered_could_not_check_and_not_yet_valid(clinic: ClinicCore) -> None:
    core = clinic
    scheme = nhif(core)
    today = MONDAY.date()

    lapsed = patient(core, "Chebet")
    old = core.coverage.add_membership(
        lapsed, scheme, "A-1", valid_until=today - dt.timedelta(days=1)
    ).value
    assert old.status is C.EXPIRED and old.why == "NHIF A-1 expired on 2026-11-22"
    core.coverage.verify(old.membership_id, PHONE, V.VERIFIED)
    assert status(core, lapsed) is C.EXPIRED  # a check does not make it valid again
    assert status(core, lapsed, today - dt.timedelta(days=1)) is C.TO_VERIFY  # its last day

    refused = patient(core, "Dida")
    member = core.coverage.add_membership(refused, scheme, "B-2").value.membership_id
    core.coverage.verify(member, PHONE, V.NOT_COVERED, note="contributions not paid")
    assert status(core, refused) is C.NOT_COVERED
    # The portal down says nothing new: the scheme's last answer holds.
    core.coverage.verify(member, VerificationMethod.PORTAL, V.COULD_NOT_CHECK)
    assert status(core, refused) is C.NOT_COVERED
    core.coverage.verify(member, VerificationMethod.CARD_SEEN, V.VERIFIED)
    assert status(core, refused) is C.VERIFIED
    checks = core.coverage.for_patient(refused).memberships[0].checks
    assert [c.result for c in checks] == [V.NOT_COVERED, V.COULD_NOT_CHECK, V.VERIFIED]
    assert checks[0].note == "contributions not paid"

    unsure = patient(core, "Esther")
    only = core.coverage.add_membership(unsure, scheme, "C-3").value.membership_id
    core.coverage.verify(only, VerificationMethod.PORTAL, V.COULD_NOT_CHECK)
    assert status(core, unsure) is C.TO_VERIFY

    starting = patient(core, "Faith")
    soon = core.coverage.add_membership(
        starting, scheme, "D-4", valid_from=today + dt.timedelta(days=10)
    ).value
    core.coverage.verify(soon.membership_id, PHONE, V.VERIFIED)
    assert status(core, starting) is C.TO_VERIFY  # not valid yet today
    assert status(core, starting, today + dt.timedelta(days=10)) is C.VERIFIED


def test_the_best_membership_speaks_and_an_ended_one_counts_for_nothing(
    clinic: ClinicCore,
) -> None:
    core = clinic
    pid = patient(core)
    scheme = nhif(core)
    insurer = core.coverage.add_scheme("AAR", SchemeKind.INSURER).value.scheme_id
    first = core.coverage.add_membership(
        pid, scheme, "N-1", valid_until=dt.date(2026, 10, 31)
    ).value.membership_id
    second = core.coverage.add_membership(pid, insurer, "AAR-9").value.membership_id
    with pytest.raises(Conflict, match="a member of NHIF already"):
        core.coverage.add_membership(pid, scheme, "N-2")
    found = core.coverage.status_for([pid])[pid]
    assert (found.status, found.membership_id) == (C.TO_VERIFY, second)
    core.coverage.verify(second, PHONE, V.VERIFIED)
    assert core.coverage.status_for([pid])[pid].scheme_name == "AAR"

    ended = core.coverage.end_membership(second, note="left the employer").value
    assert not ended.active and ended.status_words == "ended" and "left the employer" in ended.notes
    assert core.coverage.status_for([pid])[pid].membership_id == first  # expired now speaks
    assert status(core, pid) is C.EXPIRED
    with pytest.raises(Conflict, match="ended already"):
        core.coverage.end_membership(second)
    with pytest.raises(Conflict, match="nothing to verify"):
        core.coverage.verify(second, PHONE, V.VERIFIED)
    with pytest.raises(Conflict, match="add a new one"):
        core.coverage.edit_membership(second, member_number="AAR-10")
    core.coverage.end_membership(first)
    assert status(core, pid) is C.NONE
    # Ended, the scheme can be joined again.
    again = core.coverage.add_membership(pid, insurer, "AAR-11").value
    detail = core.coverage.for_patient(pid)
    assert [m.member_number for m in detail.memberships] == ["AAR-11", "N-1", "AAR-9"]
    assert detail.status.membership_id == again.membership_id
    assert [m.member_number for m in core.coverage.list(patient_id=pid)] == ["AAR-11"]
    assert len(core.coverage.list(patient_id=pid, include_ended=True)) == 3


@contextmanager
def counting_selects(core: ClinicCore) -> Iterator[list[str]]:
    seen: list[str] = []

    def note(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            seen.append(statement)

    engine = core.store.engine
    event.listen(engine, "before_cursor_execute", note)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", note)


def test_the_batch_read_takes_two_queries_however_many_patients(clinic: ClinicCore) -> None:
    core = clinic
    scheme = nhif(core)
    patients = [patient(core, f"P{n}") for n in range(12)]
    for n, pid in enumerate(patients[:8]):
        member = core.coverage.add_membership(pid, scheme, f"M-{n}").value.membership_id
        if n % 2 == 0:
            core.coverage.verify(member, PHONE, V.VERIFIED)
        if n == 3:
            core.coverage.verify(member, PHONE, V.NOT_COVERED)
    with counting_selects(core) as few:
        one = core.coverage.status_for(patients[:1])
    with counting_selects(core) as many:
        every = core.coverage.status_for(patients)
    assert len(many) == len(few) <= 3, many
    assert one[patients[0]].status is C.VERIFIED
    assert [every[p].status for p in patients] == [
        C.VERIFIED,
        C.TO_VERIFY,
        C.VERIFIED,
        C.NOT_COVERED,
        C.VERIFIED,
        C.TO_VERIFY,
        C.VERIFIED,
        C.TO_VERIFY,
        *[C.NONE] * 4,
    ]
    assert core.coverage.status_for([]) == {}
    unknown = uuid.uuid4()
    assert core.coverage.status_for([unknown])[unknown].status is C.NONE


def _clinic_hours(core: ClinicCore) -> tuple[uuid.UUID, uuid.UUID]:
    every_day = {weekday: [(dt.time(7), dt.time(19))] for weekday in range(7)}
    provider = core.admin.add_provider("Dr. Achieng Otieno", "Clinical officer", hours=every_day)
    kind = core.admin.add_appointment_type("Consultation", 30)
    return provider.value.id, kind.value.id


def test_booking_and_check_in_warn_but_never_refuse(clinic: ClinicCore) -> None:
    core = clinic
    provider, kind = _clinic_hours(core)
    scheme = nhif(core)
    cash = patient(core, "Grace")
    lapsed = patient(core, "Halima")
    member = core.coverage.add_membership(
        lapsed, scheme, "E-5", valid_until=dt.date(2026, 11, 30)
    ).value.membership_id

    def book(pid: uuid.UUID, day: dt.date, hour: int) -> Warned:
        return core.schedule.book(
            patient_id=pid,
            provider_id=provider,
            type_id=kind,
            starts_at=dt.datetime.combine(day, dt.time(hour)),
        )

    assert core.coverage.coverage_warning(cash, MONDAY.date()) is None  # a cash patient
    unverified = book(lapsed, MONDAY.date(), 10)
    assert unverified.warning == (
        "Coverage to verify: NHIF E-5 never verified. Verify it before the visit."
    )
    # Booked for after the card expires: booked all the same, with the warning.
    expired = book(lapsed, dt.date(2026, 12, 2), 11)
    assert expired.warning == (
        "Coverage expired: NHIF E-5 expired on 2026-11-30. The patient may have to pay cash."
    )
    assert expired.value.patient_id == lapsed
    assert book(cash, MONDAY.date(), 12).warning is None

    core.coverage.verify(member, PHONE, V.VERIFIED)
    assert core.coverage.coverage_warning(lapsed, MONDAY.date()) is None
    at(core, dt.datetime(2026, 11, 23, 10, 5, tzinfo=ZONE))
    checked_in = core.schedule.check_in(unverified.value.appointment_id)
    assert checked_in.warning is None and checked_in.value.status.value == "arrived"
    core.coverage.verify(member, PHONE, V.NOT_COVERED)
    warned = core.coverage.coverage_warning(lapsed, MONDAY.date())
    assert warned == (
        "Coverage not covered: NHIF E-5: not covered when checked on 2026-11-23. "
        "The patient may have to pay cash."
    )
    moved = core.schedule.move(expired.value.appointment_id, dt.datetime(2026, 11, 27, 9, 0))
    assert moved.warning is not None and "not covered" in moved.warning


def test_who_may_do_what(clinic: ClinicCore) -> None:
    core = clinic
    pid = patient(core)
    scheme = nhif(core)
    member = core.coverage.add_membership(pid, scheme, "F-6").value.membership_id

    def as_role(role: Role) -> Actor:
        return Actor(uuid.uuid4(), role.value, role.value.title(), role, core.store.clinic_id)

    now = core.clock.now_utc()
    with core.store.session() as session, session.begin():
        clinician = as_role(Role.CLINICIAN)
        with pytest.raises(PermissionDenied, match="may not record insurance memberships"):
            covsvc.verify(session, clinician, member, method=PHONE, result=V.VERIFIED, now=now)
        with pytest.raises(PermissionDenied):
            covsvc.add_scheme(session, clinician, name="AAR", kind=SchemeKind.INSURER, region="KE")
        with pytest.raises(PermissionDenied):
            covsvc.add_membership(
                session, clinician, patient_id=pid, scheme_id=scheme, member_number="X"
            )
        with pytest.raises(PermissionDenied):
            covsvc.end_membership(session, clinician, member)
        checked = covsvc.verify(
            session, as_role(Role.COORDINATOR), member, method=PHONE, result=V.VERIFIED, now=now
        )
        assert checked.result is V.VERIFIED


def test_bad_input_is_refused_in_words_a_coordinator_can_act_on(clinic: ClinicCore) -> None:
    core = clinic
    pid = patient(core)
    scheme = nhif(core)
    api = core.coverage
    with pytest.raises(InvalidInput, match="member number, as it is on the card"):
        api.add_membership(pid, scheme, "   ")
    with pytest.raises(InvalidInput, match="too long"):
        api.add_membership(pid, scheme, "9" * 65)
    with pytest.raises(InvalidInput, match=r"cannot end \(2026-01-01\) before it starts"):
        api.add_membership(
            pid, scheme, "G-7", valid_from=dt.date(2026, 2, 1), valid_until=dt.date(2026, 1, 1)
        )
    with pytest.raises(NotFound, match="No patient with id"):
        api.add_membership(uuid.uuid4(), scheme, "G-7")
    with pytest.raises(NotFound, match="No insurer or scheme with id"):
        api.add_membership(pid, uuid.uuid4(), "G-7")
    member = api.add_membership(pid, scheme, "G-7", valid_from=dt.date(2026, 2, 1)).value
    with pytest.raises(InvalidInput, match="cannot end"):
        api.edit_membership(member.membership_id, valid_until=dt.date(2026, 1, 31))
    edited = api.edit_membership(
        member.membership_id, valid_until=dt.date(2027, 1, 31), holder_name="Self"
    ).value
    assert (edited.valid_from, edited.valid_until, edited.holder_name) == (
        dt.date(2026, 2, 1),
        dt.date(2027, 1, 31),
        "Self",
    )
    cleared = api.edit_membership(member.membership_id, valid_until=None).value
    assert cleared.valid_until is None and cleared.valid_from == dt.date(2026, 2, 1)
    with pytest.raises(InvalidInput, match="cannot be in the future"):
        api.verify(member.membership_id, PHONE, V.VERIFIED, at=dt.datetime(2026, 11, 24, 9, 0))
    earlier = api.verify(
        member.membership_id, PHONE, V.VERIFIED, at=dt.datetime(2026, 11, 20, 15, 0)
    ).value
    assert earlier.checks[0].at == dt.datetime(2026, 11, 20, 15, 0, tzinfo=ZONE)
    with pytest.raises(NotFound, match="No coverage membership with id"):
        api.verify(uuid.uuid4(), PHONE, V.VERIFIED)
    with pytest.raises(NotFound, match="No coverage membership with id"):
        api.membership(uuid.uuid4())
    with pytest.raises(NotFound, match="No patient with id"):
        api.for_patient(uuid.uuid4())
