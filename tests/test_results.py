"""Results on a real store: ordered, sent, received (text, values, a scanned report),
reviewed, relayed attempt by attempt until the patient is informed, escalated when urgent and
not reached in time; declared once in the record specs."""

from __future__ import annotations

import datetime as dt
import shutil
import uuid
import zoneinfo
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop.app.followup import Measurement, Scan
from desktop.app.patients import PatientInput
from desktop.clock import ClinicClock
from desktop.core import ClinicCore
from desktop.errors import Conflict, InvalidInput, NotFound, PermissionDenied
from desktop.paths import DataPaths
from desktop.permissions import Actor
from desktop.records import kinds
from desktop.services import followup_rules
from desktop.services import results as svc
from desktop.store import store as store_module
from desktop.store.models import (
    AuditEvent,
    FacilityKind,
    OutboxEntry,
    RelayMethod,
    RelayOutcome,
    ResultCategory,
    ResultStatus,
    Role,
)
from tests.conftest import CLINIC, PASSWORD

ZONE = zoneinfo.ZoneInfo("Africa/Nairobi")
MONDAY = dt.datetime(2026, 11, 23, 9, 0, tzinfo=ZONE)
PDF = b"%PDF-1.4\n% a scanned report\n" + b"0" * 2000 + b"\n%%EOF\n"


def at(core: ClinicCore, moment: dt.datetime) -> None:
    """The clinic's clock stands at `moment` (clinic time)."""
    core.clock = ClinicClock(ZONE, now=lambda: moment)


def patient(core: ClinicCore, given: str = "Wanjiru") -> uuid.UUID:
    data = PatientInput(
        given_name=given, family_name="Kamau", estimated_age_years="34", phone="0712 345 678"
    )
    return core.patients.register(data, confirmed_new=True).value


@pytest.fixture
def clinic(core: ClinicCore) -> ClinicCore:
    at(core, MONDAY)
    return core


def test_a_result_relayed_after_two_attempts(clinic: ClinicCore) -> None:
    core = clinic
    pid = patient(core)
    lab = core.referrals.add_facility("Kisumu County Lab", FacilityKind.LAB).value
    ordered = core.results.order(
        pid, "Full blood count", facility_id=lab.facility_id, sent_on=MONDAY.date()
    )
    assert ordered.value.line.status is ResultStatus.SENT
    assert ordered.value.line.facility == "Kisumu County Lab"
    assert ordered.changes.touches("results") and pid in ordered.changes.patient_ids
    rid = ordered.value.line.result_id

    at(core, MONDAY + dt.timedelta(days=2))
    got = core.results.record_received(
        rid,
        text="Mild anaemia.",
        measurements=[svc.parse_measurement("Haemoglobin=9.1 g/dL low (12-16)")],
    ).value
    assert got.line.status is ResultStatus.RECEIVED
    assert got.line.received_on == dt.date(2026, 11, 25)
    assert got.measurements == (Measurement("Haemoglobin", "9.1", "g/dL", "low", "12-16"),)
    assert [line.result_id for line in core.results.list(waiting=True)] == [rid]

    first = core.results.relay(rid, RelayMethod.PHONE, RelayOutcome.NO_ANSWER, note="rang twice")
    assert first.value.line.status is ResultStatus.RECEIVED and first.value.line.attempts == 1
    assert first.changes.touches("result_relays") and pid in first.changes.patient_ids
    second = core.results.relay(rid, RelayMethod.IN_PERSON, RelayOutcome.INFORMED).value
    assert second.line.status is ResultStatus.INFORMED
    assert second.line.status_words == "patient informed"
    assert [(r.method, r.outcome) for r in second.relays] == [
        (RelayMethod.PHONE, RelayOutcome.NO_ANSWER),
        (RelayMethod.IN_PERSON, RelayOutcome.INFORMED),
    ]
    assert second.relays[0].by == "Amina Odhiambo" and second.relays[0].note == "rang twice"
    assert second.informed_at is not None and second.informed_at.tzinfo is not None
    assert core.results.list(waiting=True) == ()

    with pytest.raises(Conflict, match="already been informed"):
        core.results.relay(rid, RelayMethod.PHONE, RelayOutcome.INFORMED)

    # Every change queued for HQ and audited, like any record.
    def read(session: object) -> tuple[set[str], set[str]]:
        entities = set(session.scalars(select(OutboxEntry.entity)))  # type: ignore[attr-defined]
        audited = set(session.scalars(select(AuditEvent.entity)))  # type: ignore[attr-defined]
        return entities, audited

    entities, audited = core.tx.read(read)
    assert {"results", "result_relays", "facilities"} <= entities
    assert {"results", "result_relays"} <= audited


def test_the_status_machine_refuses_in_words(clinic: ClinicCore) -> None:
    core = clinic
    rid = core.results.order(patient(core), "Chest X-ray", category=ResultCategory.IMAGING)
    result_id = rid.value.line.result_id
    with pytest.raises(Conflict, match="record it as received first"):
        core.results.relay(result_id, RelayMethod.PHONE, RelayOutcome.NO_ANSWER)
    core.results.record_received(result_id, text="No consolidation.")
    with pytest.raises(Conflict, match="A result that is received cannot become cancelled"):
        core.results.cancel(result_id, "not needed")
    with pytest.raises(Conflict, match="A result that is received cannot become sent"):
        core.results.mark_sent(result_id)
    with pytest.raises(InvalidInput, match="next of kin does not tell the patient"):
        core.results.relay(result_id, RelayMethod.NEXT_OF_KIN, RelayOutcome.INFORMED)
    with pytest.raises(InvalidInput, match="cannot be in the future"):
        core.results.relay(
            result_id,
            RelayMethod.PHONE,
            RelayOutcome.NO_ANSWER,
            at=(MONDAY + dt.timedelta(hours=2)).replace(tzinfo=None),
        )
    # A test cancelled before it is done says why.
    other = core.results.order(patient(core, "Baraka"), "Malaria RDT").value.line.result_id
    with pytest.raises(InvalidInput, match="Say why"):
        core.results.cancel(other, "  ")
    assert core.results.cancel(other, "patient left").value.line.status is ResultStatus.CANCELLED
    with pytest.raises(NotFound, match="No result with id"):
        core.results.show(uuid.uuid4())
    assert kinds.RESULTS.status is kinds.RESULT_STATUS
    assert not kinds.RESULT_STATUS.allows(ResultStatus.INFORMED, ResultStatus.RECEIVED)


def test_what_is_received_is_checked(clinic: ClinicCore) -> None:
    core = clinic
    pid = patient(core)
    result_id = core.results.order(pid, "Blood glucose").value.line.result_id
    with pytest.raises(InvalidInput, match="Give the result"):
        core.results.record_received(result_id, text="  ")
    with pytest.raises(InvalidInput, match="not a measurement"):
        svc.parse_measurement("glucose 5.4")
    with pytest.raises(InvalidInput, match="has no value"):
        svc.parse_measurement("Glucose= (3.9-5.5)")
    assert svc.parse_measurement("Malaria RDT=positive abnormal") == Measurement(
        "Malaria RDT", "positive", "", "abnormal", ""
    )
    with pytest.raises(InvalidInput, match="cannot be in the future"):
        core.results.record_received(result_id, text="5.4", on=dt.date(2026, 12, 1))
    with pytest.raises(InvalidInput, match="PDF, PNG or JPEG"):
        core.results.record_received(result_id, scan=Scan(b"MZ\x90\x00 not a scan", "r.exe"))
    with pytest.raises(InvalidInput, match="at most 512 KiB"):
        core.results.record_received(result_id, scan=Scan(b"%PDF-" + b"0" * 600_000, "big.pdf"))
    # A critical value makes the result urgent on its own.
    got = core.results.record_received(
        result_id,
        measurements=[svc.parse_measurement("Glucose=1.9 mmol/L critical (3.9-5.5)")],
        scan=Scan(PDF, "glucose.pdf"),
    ).value
    assert got.line.urgent and got.attachment_type == "application/pdf"
    assert got.attachment_name == "glucose.pdf" and got.attachment_sha256 is not None
    data, media_type, name = core.results.scan(result_id)
    assert data == PDF and media_type == "application/pdf" and name == "glucose.pdf"
    # Corrected before the patient is told: the values change, the scan stays.
    fixed = core.results.record_received(
        result_id, measurements=[svc.parse_measurement("Glucose=2.1 mmol/L critical")]
    ).value
    assert fixed.measurements[0].value == "2.1" and fixed.attachment_name == "glucose.pdf"
    # The spec's own checks refuse what a screen or a sync could hand over malformed.
    assert kinds.RESULTS.validate({"measurements": {"items": [{"value": "1"}]}})
    assert kinds.RESULTS.validate({"attachment": {"image_sha256": "../../etc/passwd"}})


def test_an_urgent_result_not_reached_in_time_is_due_for_escalation(clinic: ClinicCore) -> None:
    core = clinic
    routine = core.results.order(patient(core, "Akinyi"), "Lipid profile").value.line.result_id
    urgent = core.results.order(patient(core), "HIV viral load", urgent=True).value.line.result_id
    core.results.record_received(routine, text="Normal.")
    core.results.record_received(urgent, text="High viral load.")
    waiting = core.results.list(waiting=True)
    assert [line.result_id for line in waiting] == [urgent, routine]  # urgent first
    assert not any(line.escalation_due for line in waiting)

    assert followup_rules.RULES[followup_rules.RESULT_ESCALATE_AFTER].default == 2
    at(core, MONDAY + dt.timedelta(days=2))
    core.results.relay(urgent, RelayMethod.PHONE, RelayOutcome.UNREACHABLE)
    due = {line.result_id: line.escalation_due for line in core.results.list(waiting=True)}
    assert due == {urgent: True, routine: False}  # attempts do not stop the clock

    # The clinic's own rule, for every laptop.
    set_to = core.results.set_rule(followup_rules.RESULT_ESCALATE_AFTER, 5)
    assert set_to.value == 5 and set_to.changes.touches("clinic_rules")
    assert not core.results.show(urgent).line.escalation_due
    core.results.set_rule(followup_rules.RESULT_ESCALATE_AFTER, 2)
    assert core.results.rules()[followup_rules.RESULT_ESCALATE_AFTER] == 2
    with pytest.raises(InvalidInput, match="not a clinic rule"):
        core.results.set_rule("escalate_whenever", 3)
    with pytest.raises(InvalidInput, match="between 0 and 365"):
        core.results.set_rule(followup_rules.RESULT_ESCALATE_AFTER, -1)

    with pytest.raises(InvalidInput, match="Say to whom"):
        core.results.escalate(urgent, "")
    escalated = core.results.escalate(urgent, "CHW Otieno sent to the village").value
    assert escalated.line.status is ResultStatus.ESCALATED and not escalated.line.escalation_due
    assert escalated.escalated_by == "Amina Odhiambo" and "CHW Otieno" in escalated.notes
    assert urgent in {line.result_id for line in core.results.list(waiting=True)}
    done = core.results.relay(urgent, RelayMethod.IN_PERSON, RelayOutcome.INFORMED).value
    assert done.line.status is ResultStatus.INFORMED and done.line.attempts == 2


def test_a_result_expected_and_not_arrived_is_late(clinic: ClinicCore) -> None:
    core = clinic
    rid = core.results.order(
        patient(core), "Sputum GeneXpert", expected_on=MONDAY.date() + dt.timedelta(days=3)
    ).value.line.result_id
    assert not core.results.show(rid).line.late
    at(core, MONDAY + dt.timedelta(days=4))
    assert core.results.show(rid).line.late
    with pytest.raises(InvalidInput, match="expected before the test was ordered"):
        core.results.edit(rid, expected_on=dt.date(2026, 11, 1))


def test_who_may_do_what(clinic: ClinicCore) -> None:
    core = clinic
    rid = core.results.order(patient(core), "Urinalysis").value.line.result_id
    core.results.record_received(rid, text="Leukocytes ++")

    def as_role(role: Role) -> Actor:
        return Actor(uuid.uuid4(), role.value, role.value.title(), role, core.store.clinic_id)

    with core.store.session() as session, session.begin():
        with pytest.raises(PermissionDenied, match="may not review results"):
            svc.review(session, as_role(Role.COORDINATOR), rid, note="seen")
        reviewed = svc.review(session, as_role(Role.CLINICIAN), rid, note="treat UTI")
        assert reviewed.review_note == "treat UTI"
        # A coordinator relays; an administrator alone changes the clinic's rules.
        svc.relay_attempt(
            session,
            as_role(Role.COORDINATOR),
            rid,
            method=RelayMethod.SMS,
            outcome=RelayOutcome.MESSAGE_LEFT,
            now=core.clock.now_utc(),
        )
        with pytest.raises(PermissionDenied):
            followup_rules.set_rule(
                session, as_role(Role.COORDINATOR), followup_rules.RESULT_ESCALATE_AFTER, 1
            )
    assert core.results.show(rid).line.attempts == 1


def test_the_kinds_are_declared_once_with_their_patient_link() -> None:
    assert kinds.RESULTS.patient_link == "patient_id"
    assert kinds.RESULT_RELAYS.patient_link == "patient_id"
    assert kinds.REFERRALS.patient_link == "patient_id"
    assert kinds.FACILITIES.patient_link is None
    for kind in ("results", "result_relays", "referrals", "facilities", "clinic_rules"):
        assert kinds.spec_for(kind).kind == kind
    # A relay attempt points at its result: a change arriving first is parked until it comes.
    fks = {fk.column.table.name for fk in kinds.RESULT_RELAYS.model.__table__.foreign_keys}
    assert fks == {"results", "patients"}
    assert followup_rules.rule_id(uuid.UUID(int=1), "x") == followup_rules.rule_id(
        uuid.UUID(int=1), "x"
    )


# --- the generic parts, from the specs alone ------------------------------------------------


@pytest.fixture
def pair(tmp_path: Path) -> Iterator[tuple[ClinicCore, ClinicCore]]:
    """Laptop A and laptop B of one clinic (B a copy of A's store with its own identity)."""
    paths = DataPaths(tmp_path / "a")
    store, _ = store_module.create(
        paths,
        clinic_name=CLINIC,
        admin_username="admin",
        admin_display_name="Amina Odhiambo",
        password=PASSWORD,
    )
    store.close()
    shutil.copytree(paths.root, tmp_path / "b")
    (tmp_path / "b" / "device.json").unlink()
    a = ClinicCore.unlock(DataPaths(tmp_path / "a"), "admin", PASSWORD)
    b = ClinicCore.unlock(DataPaths(tmp_path / "b"), "admin", PASSWORD)
    at(a, MONDAY)
    at(b, MONDAY)
    yield a, b
    a.close()
    b.close()


def test_a_relay_attempt_arriving_before_its_result_waits_for_it(
    pair: tuple[ClinicCore, ClinicCore],
) -> None:
    a, b = pair
    pid = patient(a)
    rid = a.results.order(pid, "Malaria RDT").value.line.result_id
    a.results.record_received(rid, text="positive")
    a.results.relay(rid, RelayMethod.PHONE, RelayOutcome.INFORMED)
    changes = a.remote.pending_outbox()
    relays = [c for c in changes if c.entity == "result_relays"]
    rest = [c for c in changes if c.entity != "result_relays"]
    assert len(relays) == 1
    # The attempt first, without its result: parked, never applied half-way.
    first = b.remote.apply(relays).value
    assert first.parked == (relays[0].change_id,) and not first.applied
    second = b.remote.apply(rest).value
    assert relays[0].change_id in second.applied and not second.parked
    there = b.results.show(rid)
    assert there.line.status is ResultStatus.INFORMED and there.line.attempts == 1
    assert b.remote.needs_attention() == []


def test_a_patient_merge_moves_results_attempts_and_referrals(clinic: ClinicCore) -> None:
    from desktop.services.patient_merge import linked_kinds, merge_patients

    core = clinic
    assert {("results", "patient_id"), ("result_relays", "patient_id")} <= set(linked_kinds())
    assert ("referrals", "patient_id") in linked_kinds()
    keep, other = patient(core, "Wanjiru"), patient(core, "Wanjiku")
    rid = core.results.order(other, "Full blood count").value.line.result_id
    core.results.record_received(rid, text="normal")
    core.results.relay(rid, RelayMethod.SMS, RelayOutcome.MESSAGE_LEFT)
    ref = core.referrals.add(other, "Physiotherapy").value.referral_id
    done = core.tx.write(lambda s: merge_patients(s, core.actor, keep, other))
    assert done.value.moved["results"] == 1 and done.value.moved["result_relays"] == 1
    assert done.value.moved["referrals"] == 1
    assert [line.result_id for line in core.results.list(patient_id=keep)] == [rid]
    assert core.results.show(rid).relays[0].outcome is RelayOutcome.MESSAGE_LEFT
    assert core.referrals.show(ref).patient_id == keep
    assert core.results.list(patient_id=other) == ()


def test_a_patient_told_on_one_laptop_while_the_other_escalated_was_told(
    pair: tuple[ClinicCore, ClinicCore],
) -> None:
    from desktop.store.models import OutboxEntry as Entry

    a, b = pair
    pid = patient(a)
    rid = a.results.order(pid, "HIV viral load", urgent=True).value.line.result_id
    a.results.record_received(rid, text="Detectable")

    def send(source: ClinicCore, target: ClinicCore) -> None:
        changes = source.remote.pending_outbox()

        def mark(session: object) -> None:
            for entry in session.scalars(select(Entry).where(Entry.sent_batch.is_(None))):  # type: ignore[attr-defined]
                entry.sent_batch = uuid.uuid4()

        source.tx.write(mark)
        target.remote.apply(changes)

    send(a, b)
    at(a, MONDAY + dt.timedelta(days=3))
    at(b, MONDAY + dt.timedelta(days=3, hours=1))  # B's status edit is the newer one
    a.results.relay(rid, RelayMethod.IN_PERSON, RelayOutcome.INFORMED)
    b.results.escalate(rid, "CHW sent to the village")
    send(a, b)
    send(b, a)
    for core in (a, b):
        # The status field merged to B's newer edit; the attempt that reached her wins.
        stored = core.tx.read(lambda s: svc.get_result(s, rid).status)
        assert stored is ResultStatus.ESCALATED
        shown = core.results.show(rid)
        assert shown.line.status is ResultStatus.INFORMED, core
        assert shown.informed_at is not None and not shown.line.escalation_due
        assert core.results.list(waiting=True) == ()
        assert core.worklist.today().items == ()
        with pytest.raises(Conflict, match="already been informed"):
            core.results.relay(rid, RelayMethod.PHONE, RelayOutcome.NO_ANSWER)
