"""Referrals on a real store: the facility directory, the loop drafted → sent → appointment
given → seen → feedback received → closed (or declined / lost), each step with what it needs,
and overdue referrals by the clinic's rules."""

from __future__ import annotations

import datetime as dt
import uuid
import zoneinfo

import pytest

from desktop.app.patients import PatientInput
from desktop.clock import ClinicClock
from desktop.core import ClinicCore
from desktop.errors import Conflict, InvalidInput, NotFound
from desktop.records import kinds
from desktop.services import followup_rules
from desktop.store.models import FacilityKind, ReferralStatus, ReferralUrgency

ZONE = zoneinfo.ZoneInfo("Africa/Nairobi")
MONDAY = dt.datetime(2026, 11, 23, 9, 0, tzinfo=ZONE)
S = ReferralStatus


def at(core: ClinicCore, moment: dt.datetime) -> None:
    core.clock = ClinicClock(ZONE, now=lambda: moment)


def patient(core: ClinicCore, given: str = "Otieno") -> uuid.UUID:
    data = PatientInput(given_name=given, family_name="Ouma", estimated_age_years="58")
    return core.patients.register(data, confirmed_new=True).value


@pytest.fixture
def clinic(core: ClinicCore) -> ClinicCore:
    at(core, MONDAY)
    return core


def test_the_facility_directory(clinic: ClinicCore) -> None:
    core = clinic
    added = core.referrals.add_facility(
        "  Jaramogi  Oginga Odinga Hospital ",
        FacilityKind.HOSPITAL,
        phone="057 202 0801",
        address="Kisumu",
    )
    assert added.value.name == "Jaramogi Oginga Odinga Hospital"
    assert added.value.phone.replace(" ", "") == "0572020801"
    assert added.changes.touches("facilities")
    core.referrals.add_facility("Kisumu Physiotherapy", FacilityKind.REHABILITATION)
    names = [f.name for f in core.referrals.facilities()]
    assert names == ["Jaramogi Oginga Odinga Hospital", "Kisumu Physiotherapy"]
    assert [f.name for f in core.referrals.facilities(kind=FacilityKind.REHABILITATION)] == [
        "Kisumu Physiotherapy"
    ]
    with pytest.raises(Conflict, match="in the directory already"):
        core.referrals.add_facility("jaramogi oginga odinga hospital", FacilityKind.HOSPITAL)
    with pytest.raises(InvalidInput, match="needs a name"):
        core.referrals.add_facility("   ", FacilityKind.LAB)
    with pytest.raises(InvalidInput, match="not a valid phone number"):
        core.referrals.add_facility("Lab", FacilityKind.LAB, phone="12")


def test_a_referral_closed_after_its_counter_referral(clinic: ClinicCore) -> None:
    core = clinic
    pid = patient(core)
    eye = core.referrals.add_facility("Lions Eye Clinic", FacilityKind.SPECIALIST).value
    drafted = core.referrals.add(pid, "Cataract, both eyes", urgency=ReferralUrgency.ROUTINE)
    ref = drafted.value
    assert ref.status is S.DRAFTED and ref.referred_by == "Amina Odhiambo"
    assert drafted.changes.touches("referrals") and pid in drafted.changes.patient_ids
    with pytest.raises(InvalidInput, match="Choose the facility"):
        core.referrals.move(ref.referral_id, S.SENT)
    core.referrals.edit(ref.referral_id, facility_id=eye.facility_id)
    sent = core.referrals.move(ref.referral_id, S.SENT).value
    assert sent.sent_on == MONDAY.date() and sent.facility is not None
    assert sent.facility.name == "Lions Eye Clinic"
    with pytest.raises(Conflict, match="draft a new one"):
        core.referrals.edit(ref.referral_id, facility_id=eye.facility_id)
    with pytest.raises(InvalidInput, match="date of the appointment"):
        core.referrals.move(ref.referral_id, S.APPOINTMENT_GIVEN)
    given = core.referrals.move(
        ref.referral_id, S.APPOINTMENT_GIVEN, appointment_on=dt.date(2026, 12, 2)
    ).value
    assert given.appointment_on == dt.date(2026, 12, 2)
    # Moved by the facility: given again, with the new date.
    again = core.referrals.move(
        ref.referral_id, S.APPOINTMENT_GIVEN, appointment_on=dt.date(2026, 12, 4)
    ).value
    assert again.appointment_on == dt.date(2026, 12, 4)
    at(core, dt.datetime(2026, 12, 4, 16, 0, tzinfo=ZONE))
    core.referrals.move(ref.referral_id, S.SEEN)
    with pytest.raises(InvalidInput, match="counter-referral says"):
        core.referrals.move(ref.referral_id, S.FEEDBACK_RECEIVED)
    fed = core.referrals.move(
        ref.referral_id, S.FEEDBACK_RECEIVED, counter_referral="Right eye operated; review 6 wk"
    ).value
    assert fed.status is S.FEEDBACK_RECEIVED and fed.feedback_on == dt.date(2026, 12, 4)
    closed = core.referrals.move(ref.referral_id, S.CLOSED).value
    assert closed.status is S.CLOSED and closed.closed_on == dt.date(2026, 12, 4)
    assert closed.counter_referral == "Right eye operated; review 6 wk"
    with pytest.raises(Conflict, match="A referral that is closed cannot become sent"):
        core.referrals.move(ref.referral_id, S.SENT)
    with pytest.raises(Conflict, match="not changed any more"):
        core.referrals.edit(ref.referral_id, notes="late note")
    assert [r.referral_id for r in core.referrals.list(patient_id=pid)] == [ref.referral_id]
    assert core.referrals.list(open_only=True) == ()


def test_declined_or_lost_says_why(clinic: ClinicCore) -> None:
    core = clinic
    lab = core.referrals.add_facility("KEMRI lab", FacilityKind.LAB).value
    ref = core.referrals.add(
        patient(core), "Culture", facility_id=lab.facility_id, send_on=MONDAY.date()
    ).value
    assert ref.status is S.SENT
    with pytest.raises(InvalidInput, match="Say why"):
        core.referrals.move(ref.referral_id, S.LOST)
    lost = core.referrals.move(ref.referral_id, S.LOST, end_reason="moved to Nairobi").value
    assert lost.status_words == "lost to follow-up" and lost.end_reason == "moved to Nairobi"
    # Found after all: the loop can still close.
    seen = core.referrals.move(ref.referral_id, S.SEEN).value
    assert seen.status is S.SEEN
    with pytest.raises(InvalidInput, match="cannot be in the future"):
        core.referrals.move(ref.referral_id, S.CLOSED, on=dt.date(2027, 1, 1))
    declined = core.referrals.add(patient(core, "Nafula"), "Physiotherapy").value
    out = core.referrals.move(declined.referral_id, S.DECLINED, end_reason="patient declined")
    assert out.value.status is S.DECLINED and out.value.closed_on == MONDAY.date()
    with pytest.raises(InvalidInput, match="Say why the patient is referred"):
        core.referrals.add(patient(core, "Chebet"), "  ")
    with pytest.raises(NotFound, match="No referral with id"):
        core.referrals.show(uuid.uuid4())
    with pytest.raises(NotFound, match="No facility with id"):
        core.referrals.add(patient(core, "Auma"), "x", facility_id=uuid.uuid4())
    assert kinds.REFERRALS.status is kinds.REFERRAL_STATUS


def test_overdue_referrals_by_the_clinic_s_rules(clinic: ClinicCore) -> None:
    core = clinic
    hospital = core.referrals.add_facility("County Hospital", FacilityKind.HOSPITAL).value

    def sent(given: str, urgency: ReferralUrgency) -> uuid.UUID:
        return core.referrals.add(
            patient(core, given),
            "assessment",
            facility_id=hospital.facility_id,
            urgency=urgency,
            send_on=MONDAY.date(),
        ).value.referral_id

    routine = sent("Achieng", ReferralUrgency.ROUTINE)
    urgent = sent("Barasa", ReferralUrgency.URGENT)
    with_date = sent("Cherono", ReferralUrgency.ROUTINE)
    core.referrals.move(with_date, S.APPOINTMENT_GIVEN, appointment_on=dt.date(2026, 11, 27))
    seen = sent("Dida", ReferralUrgency.ROUTINE)
    core.referrals.move(seen, S.SEEN)
    core.referrals.add(patient(core, "Esther"), "drafted only")
    assert core.referrals.list(overdue_only=True) == ()

    at(core, MONDAY + dt.timedelta(days=4))  # Friday
    overdue = core.referrals.list(overdue_only=True)
    assert [r.referral_id for r in overdue] == [urgent]  # urgent: 3 days allowed
    assert overdue[0].overdue == "sent 4 days ago and no appointment yet (the clinic allows 3)"

    at(core, MONDAY + dt.timedelta(days=15))
    ids = [r.referral_id for r in core.referrals.list(overdue_only=True)]
    assert ids[0] == urgent and set(ids) == {urgent, routine, with_date}
    words = {r.referral_id: r.overdue for r in core.referrals.list(overdue_only=True)}
    assert words[with_date] == "the appointment on 2026-11-27 has passed: was the patient seen?"

    at(core, MONDAY + dt.timedelta(days=31))
    assert seen in {r.referral_id for r in core.referrals.list(overdue_only=True)}
    core.results.set_rule(followup_rules.REFERRAL_FEEDBACK, 60)
    assert seen not in {r.referral_id for r in core.referrals.list(overdue_only=True)}
