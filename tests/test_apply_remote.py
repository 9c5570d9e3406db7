"""Two real stores of one clinic exchange their outboxes through `core.remote.apply` (no
network): they converge field by field, keep the losing values, park what arrives early and
put what must not be settled silently on the "needs attention" list."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any, TypeVar

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select, text, update
from sqlalchemy.orm import Session

from desktop.app.remote import (
    EDIT_AGAINST_DELETE,
    REFUSED,
    SAFETY_CRITICAL,
    SIGNED_HERE,
    SUPERSEDED,
    RemoteChange,
)
from desktop.changes import Changes
from desktop.core import ClinicCore
from desktop.errors import Conflict
from desktop.paths import DataPaths
from desktop.store.models import (
    Appointment,
    AppointmentType,
    FormRecord,
    FormStatus,
    NeedsAttention,
    OutboxEntry,
    ParkedChange,
    Patient,
    Provider,
    Sex,
)
from sync.protocol import compact_patch
from tests.clinic_template import copy_laptop
from tests.conftest import PASSWORD

T = TypeVar("T")


@pytest.fixture
def pair(clinic_template: Path, tmp_path: Path) -> Iterator[tuple[ClinicCore, ClinicCore]]:
    """Laptop A and laptop B of the same clinic (copies of one template; B its own device)."""
    cores = [
        ClinicCore.unlock(
            DataPaths(copy_laptop(clinic_template, tmp_path / name, own_device=own)),
            "admin",
            PASSWORD,
        )
        for name, own in (("a", False), ("b", True))
    ]
    a, b = cores
    assert a.store.device_id != b.store.device_id
    assert a.store.clinic_id == b.store.clinic_id
    yield a, b
    a.close()
    b.close()


def write(core: ClinicCore, work: Callable[[Session], T]) -> T:
    return core.tx.write(work).value


def read(core: ClinicCore, work: Callable[[Session], T]) -> T:
    return core.tx.read(work)


def sync(source: ClinicCore, target: ClinicCore) -> Any:
    """What a sync will do: the source's unsent changes go out (and are marked sent), the
    target applies them."""
    changes = source.remote.pending_outbox()
    mark_sent(source)
    return target.remote.apply(changes).value


def sync_both(a: ClinicCore, b: ClinicCore) -> None:
    sync(a, b)
    sync(b, a)


def new_patient(core: ClinicCore, **values: Any) -> uuid.UUID:
    def work(session: Session) -> uuid.UUID:
        patient = Patient(
            clinic_id=core.store.clinic_id,
            given_name=values.pop("given_name", "Wanjiru"),
            family_name=values.pop("family_name", "Kamau"),
            **values,
        )
        session.add(patient)
        session.flush()
        return patient.id

    return write(core, work)


def new_intake(core: ClinicCore, patient_id: uuid.UUID, **answers: Any) -> uuid.UUID:
    def work(session: Session) -> uuid.UUID:
        record = FormRecord(
            clinic_id=core.store.clinic_id,
            patient_id=patient_id,
            definition_id="intake",
            definition_version=1,
            answers=dict(answers),
        )
        session.add(record)
        session.flush()
        return record.id

    return write(core, work)


def set_patient(core: ClinicCore, patient_id: uuid.UUID, **values: Any) -> None:
    def work(session: Session) -> None:
        row = session.scalars(select(Patient).where(Patient.id == patient_id)).one()
        for key, value in values.items():
            setattr(row, key, value)

    write(core, work)


def set_answer(core: ClinicCore, record_id: uuid.UUID, name: str, value: Any) -> None:
    def work(session: Session) -> None:
        row = session.scalars(select(FormRecord).where(FormRecord.id == record_id)).one()
        if value is None:
            row.answers.pop(name, None)
        else:
            row.answers[name] = value

    write(core, work)


def patient(core: ClinicCore, patient_id: uuid.UUID) -> Patient:
    return read(core, lambda s: s.scalars(select(Patient).where(Patient.id == patient_id)).one())


def form(core: ClinicCore, record_id: uuid.UUID) -> FormRecord:
    return read(
        core, lambda s: s.scalars(select(FormRecord).where(FormRecord.id == record_id)).one()
    )


def attention(core: ClinicCore, **where: Any) -> list[NeedsAttention]:
    def work(session: Session) -> list[NeedsAttention]:
        query = select(NeedsAttention).order_by(NeedsAttention.created_at)
        for key, value in where.items():
            query = query.where(getattr(NeedsAttention, key) == value)
        return list(session.scalars(query))

    return read(core, work)


def outbox_count(core: ClinicCore) -> int:
    return read(core, lambda s: s.scalar(select(func.count()).select_from(OutboxEntry)) or 0)


def mark_sent(core: ClinicCore) -> None:
    def work(session: Session) -> None:
        session.execute(
            update(OutboxEntry)
            .where(OutboxEntry.sent_batch.is_(None))
            .values(sent_batch=uuid.uuid4())
        )

    write(core, work)


# --- converging ---------------------------------------------------------------------------

PLAIN = ("village", "notes", "other_names", "next_of_kin_name")
ANSWERS = ("reason", "history", "visit_notes")
words = st.text(alphabet="abcdeéz ", max_size=6)
edits = st.one_of(
    st.tuples(st.sampled_from("ab"), st.sampled_from(PLAIN), words),
    st.tuples(st.sampled_from("ab"), st.just("deleted"), st.booleans()),  # delete vs edit
    st.tuples(
        st.sampled_from("ab"),
        st.sampled_from([f"answers.{name}" for name in ANSWERS]),
        st.none() | words,
    ),
    st.sampled_from(["a->b", "b->a"]),
)


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(steps=st.lists(edits, max_size=10))
def test_two_stores_exchanging_their_outboxes_converge_field_by_field(
    pair: tuple[ClinicCore, ClinicCore], steps: list[Any]
) -> None:
    a, b = pair
    by_name = {"a": a, "b": b}
    patient_id = new_patient(a, village="Kondele")
    record_id = new_intake(a, patient_id, reason="Fever")
    sync(a, b)
    for step in steps:
        if step == "a->b":
            sync(a, b)
        elif step == "b->a":
            sync(b, a)
        else:
            side, key, value = step
            if key.startswith("answers."):
                set_answer(by_name[side], record_id, key.split(".", 1)[1], value)
            else:
                set_patient(by_name[side], patient_id, **{key: value})
    sync_both(a, b)
    sync_both(a, b)
    pa, pb = patient(a, patient_id), patient(b, patient_id)
    for key in (*PLAIN, "deleted"):
        assert getattr(pa, key) == getattr(pb, key), key
    fa, fb = form(a, record_id), form(b, record_id)
    assert fa.answers == fb.answers
    assert fa.field_hlcs == fb.field_hlcs
    assert {k: v for k, v in pa.field_hlcs.items() if k in PLAIN} == {
        k: v for k, v in pb.field_hlcs.items() if k in PLAIN
    }
    assert pa.field_hlcs.get("deleted") == pb.field_hlcs.get("deleted")


def test_edits_to_different_answers_of_one_form_merge(
    pair: tuple[ClinicCore, ClinicCore],
) -> None:
    a, b = pair
    patient_id = new_patient(a)
    record_id = new_intake(a, patient_id, reason="Fever", history="")
    sync(a, b)
    set_answer(a, record_id, "reason", "Fever and cough")
    set_answer(b, record_id, "history", "Asthma since childhood")
    sync_both(a, b)
    for core in (a, b):
        assert form(core, record_id).answers == {
            "reason": "Fever and cough",
            "history": "Asthma since childhood",
        }
    assert not attention(a, reason=SUPERSEDED) and not attention(b, reason=SUPERSEDED)


def test_the_losing_value_of_a_field_edited_on_both_is_kept_on_both(
    pair: tuple[ClinicCore, ClinicCore],
) -> None:
    a, b = pair
    patient_id = new_patient(a, village="Kondele")
    sync(a, b)
    set_patient(a, patient_id, village="Nyalenda")
    set_patient(b, patient_id, village="Manyatta")  # later: this one wins
    sync_both(a, b)
    assert patient(a, patient_id).village == patient(b, patient_id).village == "Manyatta"
    for core in (a, b):
        (kept,) = attention(core, reason=SUPERSEDED)
        assert {kept.local_value, kept.remote_value} == {"Nyalenda", "Manyatta"}
        assert kept.field == "village" and kept.patient_id == patient_id
        assert kept.resolved_at is not None  # on record, settled: not on anyone's list
        assert core.remote.needs_attention() == []
    assert attention(a, reason=SUPERSEDED)[0].local_value == "Nyalenda"


def test_delete_against_edit_travels_as_a_tombstone_and_the_edit_is_not_lost(
    pair: tuple[ClinicCore, ClinicCore],
) -> None:
    a, b = pair
    patient_id = new_patient(a, village="Kondele")
    sync(a, b)
    set_patient(a, patient_id, deleted=True)
    set_patient(b, patient_id, village="Manyatta")
    sync_both(a, b)
    for core in (a, b):
        row = patient(core, patient_id)
        assert row.deleted and row.village == "Manyatta"
        listed = core.remote.needs_attention(patient_id=patient_id)
        assert [item.reason for item in listed] == [EDIT_AGAINST_DELETE]


# --- arriving early -------------------------------------------------------------------------


def test_an_update_arriving_before_its_create_is_parked_then_applied(
    pair: tuple[ClinicCore, ClinicCore],
) -> None:
    a, b = pair
    patient_id = new_patient(a, given_name="Hodan", family_name="Abdi")
    create = a.remote.pending_outbox()
    mark_sent(a)
    set_patient(a, patient_id, village="Likoni")
    later = [c for c in a.remote.pending_outbox() if c.entity == "patients"]
    assert [c.op for c in later] == ["update"]

    report = b.remote.apply(later).value
    assert report.parked == (later[0].change_id,) and not report.applied
    assert read(b, lambda s: s.scalar(select(func.count()).select_from(ParkedChange))) == 1

    report = b.remote.apply(create).value
    assert later[0].change_id in report.applied and not report.parked
    assert patient(b, patient_id).village == "Likoni"
    assert read(b, lambda s: s.scalar(select(func.count()).select_from(ParkedChange))) == 0


def test_a_record_pointing_at_one_not_arrived_yet_waits_for_it(
    pair: tuple[ClinicCore, ClinicCore],
) -> None:
    a, b = pair
    patient_id = new_patient(a)

    def book(session: Session) -> uuid.UUID:
        provider = Provider(clinic_id=a.store.clinic_id, name="Dr. Otieno")
        kind = AppointmentType(clinic_id=a.store.clinic_id, name="Visit", duration_minutes=20)
        session.add_all([provider, kind])
        session.flush()
        start = dt.datetime(2026, 12, 1, 6, tzinfo=dt.UTC)
        appointment = Appointment(
            clinic_id=a.store.clinic_id,
            patient_id=patient_id,
            provider_id=provider.id,
            type_id=kind.id,
            starts_at=start,
            ends_at=start + dt.timedelta(minutes=20),
        )
        session.add(appointment)
        session.flush()
        return appointment.id

    appointment_id = write(a, book)
    changes = a.remote.pending_outbox()
    booking = [c for c in changes if c.entity == "appointments"]
    rest = [c for c in changes if c.entity != "appointments"]
    first = b.remote.apply([*booking, *[c for c in rest if c.entity != "patients"]]).value
    assert first.parked == (booking[0].change_id,)
    b.remote.apply(rest)  # the patient arrives: the booking goes in after it
    assert (
        read(
            b,
            lambda s: s.scalar(
                select(Appointment.patient_id).where(Appointment.id == appointment_id)
            ),
        )
        == patient_id
    )
    # Within one page the order does not matter.
    c_changes = [*booking, *rest]
    assert not b.remote.apply(c_changes).value.parked


# --- what is not settled silently ------------------------------------------------------------


def test_a_form_signed_here_and_edited_elsewhere_needs_attention(
    pair: tuple[ClinicCore, ClinicCore],
) -> None:
    a, b = pair
    patient_id = new_patient(a)
    record_id = new_intake(a, patient_id, reason="Fever")
    sync(a, b)

    def sign(session: Session) -> None:
        row = session.scalars(select(FormRecord).where(FormRecord.id == record_id)).one()
        row.status = FormStatus.SIGNED
        row.signed_at = dt.datetime.now(dt.UTC)

    write(b, sign)
    set_answer(a, record_id, "reason", "Fever and a rash")
    page = a.remote.pending_outbox()
    report = b.remote.apply(page).value
    assert report.needs_attention == 1 and not report.refused
    assert form(b, record_id).answers == {"reason": "Fever"}  # the signed form is untouched
    (item,) = b.remote.needs_attention(patient_id=patient_id)
    assert item.reason == SIGNED_HERE and item.field == "answers.reason"
    assert (item.local_value, item.remote_value) == ("Fever", "Fever and a rash")
    assert b.remote.apply(page).value.needs_attention == 0  # the same page again: no more
    with pytest.raises(Conflict, match="correction"):
        b.remote.resolve(item.id, take_remote=True)
    settled = b.remote.resolve(item.id, take_remote=False).value
    assert settled.resolution == "kept_local" and b.remote.needs_attention() == []
    assert form(b, record_id).answers == {"reason": "Fever"}


def test_a_remote_date_of_birth_change_needs_attention_and_is_not_applied(
    pair: tuple[ClinicCore, ClinicCore],
) -> None:
    a, b = pair
    patient_id = new_patient(a, birth_date=dt.date(1984, 3, 2), sex=Sex.FEMALE)
    sync(a, b)
    set_patient(a, patient_id, birth_date=dt.date(1948, 3, 2), village="Kondele")
    report = sync(a, b)
    assert report.needs_attention == 1
    row = patient(b, patient_id)
    assert row.birth_date == dt.date(1984, 3, 2)  # not settled silently
    assert row.village == "Kondele"  # the ordinary field of the same change is applied
    (item,) = b.remote.needs_attention()
    assert item.reason == SAFETY_CRITICAL and item.field == "birth_date"
    assert (item.local_value, item.remote_value) == ("1984-03-02", "1948-03-02")
    assert item.local_hlc and item.remote_hlc and item.patient_id == patient_id

    # A person looks at it and takes the other laptop's value: a local edit, sent on.
    b.remote.resolve(item.id, take_remote=True)
    assert patient(b, patient_id).birth_date == dt.date(1948, 3, 2)
    assert b.remote.needs_attention() == []
    assert any("birth_date" in c.patch for c in b.remote.pending_outbox())


def test_allergies_recorded_differently_on_two_laptops_need_attention(
    pair: tuple[ClinicCore, ClinicCore],
) -> None:
    a, b = pair
    patient_id = new_patient(a)
    record_id = new_intake(a, patient_id, has_allergies=False)
    sync(a, b)
    set_answer(a, record_id, "allergies", "Penicillin")
    set_answer(b, record_id, "allergies", "None known")
    sync_both(a, b)
    assert form(a, record_id).answers["allergies"] == "Penicillin"
    assert form(b, record_id).answers["allergies"] == "None known"
    for core in (a, b):
        (item,) = core.remote.needs_attention()
        assert item.reason == SAFETY_CRITICAL and item.field == "answers.allergies"


# --- events, index, outbox, refusals ---------------------------------------------------------


def test_applied_changes_are_published_as_remote_with_their_patients_and_not_echoed(
    pair: tuple[ClinicCore, ClinicCore],
) -> None:
    a, b = pair
    patient_id = new_patient(a, given_name="Nyokabi", family_name="Wambui")
    record_id = new_intake(a, patient_id, reason="Cough")
    heard: list[Changes] = []
    b.changes.subscribe(heard.append)
    before = outbox_count(b)
    sync(a, b)
    assert len(heard) == 1
    (event,) = heard
    assert event.remote and event.touches("patients", "form_records")
    assert event.patient_ids == {patient_id}
    assert outbox_count(b) == before  # nothing applied from A is queued back to A
    assert form(b, record_id).answers == {"reason": "Cough"}
    # The name index is kept by the same path as a registration typed here.
    hits = read(
        b,
        lambda s: s.execute(
            text("SELECT count(*) FROM patient_names WHERE patient_names MATCH 'nyokabi'")
        ).scalar(),
    )
    assert hits == 1
    set_patient(a, patient_id, given_name="Njeri")
    sync(a, b)
    assert (
        read(
            b,
            lambda s: s.execute(
                text("SELECT count(*) FROM patient_names WHERE patient_names MATCH 'njeri'")
            ).scalar(),
        )
        == 1
    )


def test_malformed_changes_are_refused_and_the_others_applied(
    pair: tuple[ClinicCore, ClinicCore],
) -> None:
    a, b = pair
    patient_id = new_patient(a, given_name="Zawadi", family_name="Said")
    good = a.remote.pending_outbox()
    stamp = good[0].hlc
    other_clinic = RemoteChange(
        uuid.uuid4(), "patients", uuid.uuid4(), uuid.uuid4(), "insert", {}, stamp
    )
    bad_stamp = RemoteChange(
        uuid.uuid4(),
        "patients",
        patient_id,
        a.store.clinic_id,
        "update",
        {"village": {"v": "X", "hlc": "yesterday"}},
        stamp,
    )
    bad_type = RemoteChange(
        uuid.uuid4(),
        "patients",
        patient_id,
        a.store.clinic_id,
        "update",
        {"birth_date_estimated": {"v": "yes", "hlc": stamp}},
        stamp,
    )
    report = b.remote.apply([other_clinic, *good, bad_stamp, bad_type]).value
    refused = dict(report.refused)
    assert set(refused) == {other_clinic.change_id, bad_stamp.change_id, bad_type.change_id}
    assert "another clinic" in refused[other_clinic.change_id]
    assert patient(b, patient_id).given_name == "Zawadi"


def test_a_change_the_database_refuses_is_reported_and_the_others_applied(
    pair: tuple[ClinicCore, ClinicCore],
) -> None:
    from desktop.store.models import Role, User

    a, b = pair

    def add_user(core: ClinicCore) -> Callable[[Session], None]:
        def work(session: Session) -> None:
            session.add(
                User(
                    clinic_id=core.store.clinic_id,
                    username="grace",
                    display_name="Grace",
                    role=Role.COORDINATOR,
                )
            )

        return work

    write(a, add_user(a))
    write(b, add_user(b))  # the same user name, made on both laptops offline
    patient_id = new_patient(a, given_name="Achieng", family_name="Otieno")
    heard: list[Changes] = []
    b.changes.subscribe(heard.append)
    report = sync(a, b)
    (refused,) = report.refused
    assert "clashes" in refused[1]
    assert patient(b, patient_id).given_name == "Achieng"
    # The refused change is on B's list (the sync moves past it), once.
    items = [i for i in b.remote.needs_attention() if i.reason == REFUSED]
    assert len(items) == 1 and "clashes" in items[0].remote_value["why"]
    sync(a, b)
    assert len([i for i in b.remote.needs_attention() if i.reason == REFUSED]) == 1
    assert heard and patient_id in heard[-1].patient_ids and heard[-1].remote


def test_a_record_made_and_edited_in_one_page_arrives_with_its_edit(
    pair: tuple[ClinicCore, ClinicCore],
) -> None:
    """A page's new records are written together at the end of the page; one edited later
    in the same page is written first, and the edit merged into it."""
    a, b = pair
    edited = new_patient(a, given_name="Achieng", family_name="Otieno", village="Kisian")
    plain = new_patient(a, given_name="Wekesa", family_name="Barasa")
    set_patient(a, edited, village="Migosi", phone="+254712345678")
    heard: list[Changes] = []
    b.changes.subscribe(heard.append)
    before = outbox_count(b)
    report = sync(a, b)
    assert not report.refused and not report.parked
    assert (patient(b, edited).village, patient(b, edited).phone) == ("Migosi", "+254712345678")
    assert patient(b, plain).family_name == "Barasa"
    assert patient(b, edited).field_hlcs == patient(a, edited).field_hlcs
    assert patient(b, edited).hlc == patient(a, edited).hlc
    assert heard[-1].patient_ids == {edited, plain}
    assert outbox_count(b) == before  # nothing applied is queued back


def test_an_update_served_compact_gives_each_field_the_stamp_it_had(
    pair: tuple[ClinicCore, ClinicCore],
) -> None:
    """HQ keeps and serves a stamp equal to its change's own only once (compact_patch): the
    fields of such an update take the change's stamp, a field with another stamp keeps it."""
    a, b = pair
    patient_id = new_patient(a, village="Kondele")
    sync(a, b)
    set_patient(a, patient_id, village="Nyalenda")
    set_patient(a, patient_id, phone="+254712345678")  # one entry, the two stamps differ
    served = [
        replace(c, patch=compact_patch(dict(c.patch), c.hlc)) for c in a.remote.pending_outbox()
    ]
    assert any("hlc" not in e for c in served for e in c.patch.values())
    assert any("hlc" in e for c in served for e in c.patch.values())
    mark_sent(a)
    report = b.remote.apply(served).value
    assert not report.refused and not report.parked
    there, here = patient(a, patient_id), patient(b, patient_id)
    assert (here.village, here.phone) == ("Nyalenda", "+254712345678")
    assert here.field_hlcs == there.field_hlcs and here.hlc == there.hlc


def test_a_page_whose_new_records_carry_different_fields_is_applied_whole(
    pair: tuple[ClinicCore, ClinicCore],
) -> None:
    a, b = pair
    first = new_patient(a, given_name="Auma", family_name="Odhiambo")
    second = new_patient(a, given_name="Baraka", family_name="Mutua", village="Likoni")
    changes = a.remote.pending_outbox()
    for change in changes:
        if change.entity_id == first:
            change.patch.pop("village", None)  # an older laptop that never sent the field
    report = b.remote.apply(changes).value
    assert not report.refused
    assert patient(b, first).village in (None, "")
    assert patient(b, second).village == "Likoni"


def test_a_number_too_large_to_keep_is_refused_and_the_page_applied(
    pair: tuple[ClinicCore, ClinicCore],
) -> None:
    """One change with a whole number past 64 bits (accepted by JSON, not by any store) is
    refused; before, it stopped every pull of the page on every laptop."""
    a, b = pair
    patient_id = new_patient(a, given_name="Zawadi", family_name="Said")
    record_id = new_intake(a, patient_id, reason="Cough")
    changes = a.remote.pending_outbox()
    form_change = next(c for c in changes if c.entity == "form_records")
    form_change.patch["definition_version"] = {"v": 10**30}
    report = b.remote.apply(changes).value
    refused = dict(report.refused)
    assert set(refused) == {form_change.change_id}
    assert "too large" in refused[form_change.change_id]
    assert patient(b, patient_id).given_name == "Zawadi"
    assert read(b, lambda s: s.get(FormRecord, _pk_of(s, record_id))) is None


def _pk_of(session: Session, record_id: uuid.UUID) -> int:
    found = session.scalar(select(FormRecord.pk).where(FormRecord.id == record_id))
    return int(found) if found is not None else -1


@pytest.mark.parametrize("judge", [True, False], ids=["judged", "stored form"])
def test_a_field_this_outpost_does_not_know_is_passed_over_whatever_its_stamp(
    pair: tuple[ClinicCore, ClinicCore], judge: bool
) -> None:
    """A newer Outpost's field is ignored, on the general path and on the stored-form one
    (judge=False): even with a stamp this one cannot read, it is never read."""
    a, b = pair
    pid = new_patient(a, given_name="Neema")
    (change,) = [c for c in a.remote.pending_outbox() if c.entity_id == pid]
    newer = replace(
        change,
        patch={
            "next_visit_channel": {"v": "sms", "hlc": "not a stamp"},
            **change.patch,
            "favourite_colour": {"v": "blue"},
        },
    )
    report = b.remote.apply([newer], judge=judge).value
    assert report.applied == (newer.change_id,) and not report.refused
    found = read(b, lambda s: s.scalar(select(Patient).where(Patient.id == pid)))
    assert found is not None and found.given_name == "Neema"
    assert set(found.field_hlcs) == set(change.patch)
