"""Merging two registrations of one person (desktop.services.patient_merge through
desktop.app.attention): every record moved to the survivor, the other a tombstone pointing at
it, audited, queued for HQ, refused in words where it cannot be done; and the choices of the
needs-attention list (keep mine / theirs / both), settled on the other laptop too.

Two laptops of one clinic exchange their outboxes directly here (as tests/test_remote_judgement
does); tests/sync/test_merge_sync.py does it through a real HQ."""

from __future__ import annotations

import datetime as dt
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from desktop.app.attention import (
    KEEP_BOTH,
    MERGE,
    MERGED,
    REBOOK,
    SETTLED_ELSEWHERE,
    AttentionApi,
)
from desktop.app.patients import PatientInput
from desktop.app.remote import DOUBLE_BOOKED, POSSIBLE_DUPLICATE, SAFETY_CRITICAL
from desktop.changes import APPOINTMENTS, ATTENTION, FORMS, PATIENTS
from desktop.core import ClinicCore
from desktop.errors import Conflict, InvalidInput, NotFound, PermissionDenied
from desktop.paths import DataPaths
from desktop.permissions import Actor
from desktop.services import patient_merge
from desktop.store import store as store_module
from desktop.store.models import (
    Appointment,
    AuditEvent,
    FormRecord,
    NeedsAttention,
    OutboxEntry,
    Patient,
    Role,
)
from forms.examples import answers_for
from tests.conftest import CLINIC, PASSWORD


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A clinic with a provider working every day and an appointment type."""
    paths = DataPaths(tmp_path_factory.mktemp("clinic") / "a")
    store, _ = store_module.create(
        paths,
        clinic_name=CLINIC,
        admin_username="admin",
        admin_display_name="Amina Odhiambo",
        password=PASSWORD,
    )
    store.close()
    core = ClinicCore.unlock(paths, "admin", PASSWORD)
    week = {day: [(dt.time(8), dt.time(17))] for day in range(7)}
    core.admin.add_provider("Dr. Otieno", hours=week)
    core.admin.add_appointment_type("Consultation", 30)
    core.close()
    return paths.root


@pytest.fixture
def pair(template: Path, tmp_path: Path) -> Iterator[tuple[ClinicCore, ClinicCore]]:
    cores = []
    for name in ("a", "b"):
        shutil.copytree(template, tmp_path / name)
        if name == "b":
            (tmp_path / name / "device.json").unlink()
        cores.append(ClinicCore.unlock(DataPaths(tmp_path / name), "admin", PASSWORD))
    yield cores[0], cores[1]
    for core in cores:
        core.close()


def exchange(a: ClinicCore, b: ClinicCore) -> None:
    from_a, from_b = a.remote.pending_outbox(), b.remote.pending_outbox()
    b.remote.apply(from_a)
    a.remote.apply(from_b)
    for core in (a, b):  # as after a sync: everything sent is acknowledged
        with core.store.session() as session, session.begin():
            for entry in session.scalars(select(OutboxEntry)):
                session.delete(entry)


def grace(dob: str = "1990-03-04", **extra: str) -> PatientInput:
    return PatientInput(given_name="Grace", family_name="Wambui", birth_date=dob, **extra)


def book(core: ClinicCore, patient: uuid.UUID, hour: int, day: int = 1) -> uuid.UUID:
    choices = core.schedule.booking_choices()
    at = dt.datetime.combine(core.today() + dt.timedelta(days=day), dt.time(hour, 0))
    return core.schedule.book(
        patient_id=patient,
        provider_id=choices.providers[0].provider_id,
        type_id=choices.types[0].type_id,
        starts_at=at,
        same_day_ok=True,
    ).value.appointment_id


def sign_consent(core: ClinicCore, patient: uuid.UUID) -> uuid.UUID:
    view = core.forms.start(patient, "consent_treatment").value
    consent = core.forms.library().get("consent_treatment")
    core.forms.complete(view.record_id, answers_for(consent), lang="en")
    return view.record_id


def draft_intake(core: ClinicCore, patient: uuid.UUID) -> uuid.UUID:
    view = core.forms.start(patient, "intake").value
    core.forms.save_draft(view.record_id, {"reason_for_visit": "Cough"})
    return view.record_id


def row(core: ClinicCore, model: Any, record_id: uuid.UUID) -> dict[str, Any]:
    def read(session: Any) -> dict[str, Any]:
        found = session.scalar(select(model).where(model.id == record_id))
        return {c.key: getattr(found, c.key) for c in model.__table__.columns}

    return core.tx.read(read)


def duplicate_pair(
    pair: tuple[ClinicCore, ClinicCore],
) -> tuple[uuid.UUID, uuid.UUID]:
    """Grace registered on each laptop, exchanged: an item on both lists."""
    a, b = pair
    here = a.patients.register(grace(), confirmed_new=True).value
    there = b.patients.register(grace(), confirmed_new=True).value
    exchange(a, b)
    return here, there


def open_items(core: ClinicCore, reason: str | None = None) -> list[Any]:
    return [i for i in AttentionApi(core).items() if reason is None or i.reason == reason]


# --- the merge ---------------------------------------------------------------------------


def test_a_merge_moves_every_record_and_leaves_a_tombstone_pointing_at_the_survivor(
    pair: tuple[ClinicCore, ClinicCore],
) -> None:
    a, _b = pair
    survivor, other = duplicate_pair(pair)
    visit = book(a, other, 9)
    later = book(a, other, 11)
    a.schedule.cancel(later)
    intake = draft_intake(a, other)
    consent = sign_consent(a, survivor)  # a signed form of the survivor is fine: it stays
    item = open_items(a, POSSIBLE_DUPLICATE)[0]
    assert set(item.choices) == {MERGE, KEEP_BOTH}

    done = AttentionApi(a).merge(item.id, survivor)
    result = done.value
    assert result.survivor_id == survivor and result.merged_id == other
    # Every kind with a patient link is looked at (kinds added later too); these had records.
    assert {k: n for k, n in result.moved.items() if n} == {"appointments": 2, "form_records": 1}
    assert set(result.moved) == {k for k, _ in patient_merge.linked_kinds()}
    assert done.changes.touches(PATIENTS, APPOINTMENTS, FORMS, ATTENTION)
    assert done.changes.touches_patient(survivor) and done.changes.touches_patient(other)

    tomb = row(a, Patient, other)
    assert tomb["deleted"] is True and tomb["merged_into"] == survivor
    assert row(a, Appointment, visit)["patient_id"] == survivor
    assert row(a, Appointment, later)["patient_id"] == survivor  # a cancelled one too
    assert row(a, FormRecord, intake)["patient_id"] == survivor
    assert row(a, FormRecord, consent)["patient_id"] == survivor
    chart = a.patients.chart(survivor)
    assert {x.appointment_id for x in chart.appointments} >= {visit}
    with pytest.raises(NotFound):
        a.patients.chart(other)
    assert not [h for h in a.patients.search("Grace Wambui") if h.patient_id == other]
    # Settled by the merge, gone from the list.
    assert open_items(a, POSSIBLE_DUPLICATE) == []
    assert a.remote.needs_attention(include_settled=True)[0].resolution == MERGED

    def audits(session: Any) -> list[tuple[Any, str, dict[str, Any]]]:
        return [
            (e.entity_id, e.action, e.detail)
            for e in session.scalars(select(AuditEvent).where(AuditEvent.action == "merge"))
        ]

    merged = a.tx.read(audits)
    assert (survivor, "merge") in [(e, act) for e, act, _ in merged]
    assert any(e == other and d["merged_into"] == str(survivor) for e, _, d in merged)
    assert any(d.get("moved_appointments") == "2" for _, _, d in merged)
    # Queued for HQ: the tombstone with merged_into, each moved record's patient_id.
    queued = a.remote.pending_outbox()
    tombstone = [c for c in queued if c.entity == "patients" and c.entity_id == other]
    assert tombstone and tombstone[0].op == "delete"
    assert tombstone[0].patch["merged_into"]["v"] == str(survivor)
    moved = {c.entity_id for c in queued if "patient_id" in c.patch}
    assert {visit, later, intake} <= moved


def test_the_other_laptop_receiving_a_merge_holds_the_same_records_moved(
    pair: tuple[ClinicCore, ClinicCore],
) -> None:
    a, b = pair
    survivor, other = duplicate_pair(pair)
    visit = book(b, other, 10)
    intake = draft_intake(b, other)
    exchange(a, b)
    item = open_items(a, POSSIBLE_DUPLICATE)[0]
    AttentionApi(a).merge(item.id, survivor)
    exchange(a, b)
    for core in (a, b):
        assert row(core, Patient, other)["merged_into"] == survivor
        assert row(core, Patient, other)["deleted"] is True
        assert row(core, Appointment, visit)["patient_id"] == survivor
        assert row(core, FormRecord, intake)["patient_id"] == survivor
    # B's own item about the pair is settled by what arrived: gone there too.
    assert open_items(b, POSSIBLE_DUPLICATE) == []
    settled = [i for i in b.remote.needs_attention(include_settled=True)]
    assert any(i.resolution == SETTLED_ELSEWHERE for i in settled)
    assert open_items(a) == open_items(b) == []


def test_a_merge_is_refused_in_words_where_it_cannot_be_done(
    pair: tuple[ClinicCore, ClinicCore],
) -> None:
    a, _b = pair
    survivor, other = duplicate_pair(pair)
    third = a.patients.register(
        PatientInput(given_name="Juma", family_name="Mwangi", estimated_age_years="40"),
        confirmed_new=True,
    ).value

    def merge(into: uuid.UUID, gone: uuid.UUID, actor: Actor | None = None) -> Any:
        def work(session: Any) -> Any:
            return patient_merge.merge_patients(session, actor or a.actor, into, gone)

        return a.tx.write(work)

    with pytest.raises(InvalidInput, match="cannot be merged into themselves"):
        merge(survivor, survivor)
    with pytest.raises(NotFound, match="No patient with id"):
        merge(survivor, uuid.uuid4())
    # A signed form of the other would have to change: refused, the other way round offered.
    sign_consent(a, other)
    with pytest.raises(Conflict, match="keep Grace Wambui and merge the other record into it"):
        merge(survivor, other)
    sign_consent(a, survivor)
    with pytest.raises(Conflict, match="Both records have signed forms"):
        merge(survivor, other)
    # Into a removed patient, from a removed one, into one already merged.
    merge(survivor, third)
    with pytest.raises(Conflict, match="already merged into another record"):
        merge(third, survivor)
    removed = a.patients.register(grace(dob="1950-01-01"), confirmed_new=True).value
    a.patients.remove(removed)
    with pytest.raises(Conflict, match="cannot be merged into a removed record"):
        merge(removed, survivor)
    with pytest.raises(Conflict, match="removed already"):
        merge(survivor, removed)
    # Only roles that edit patients.
    clinician = Actor(
        user_id=a.actor.user_id,
        username="nurse",
        display_name="Nurse Achieng",
        role=Role.CLINICIAN,
        clinic_id=a.actor.clinic_id,
    )
    fresh = a.patients.register(grace(dob="1960-01-01"), confirmed_new=True).value
    with pytest.raises(PermissionDenied, match="register and edit patients"):
        merge(survivor, fresh, clinician)
    # Nothing of a refused merge was written.
    assert row(a, Patient, fresh)["deleted"] is False
    assert row(a, Patient, other)["deleted"] is False


def test_the_attention_merge_keeps_one_of_the_two_records_only(
    pair: tuple[ClinicCore, ClinicCore],
) -> None:
    a, _b = pair
    duplicate_pair(pair)
    item = open_items(a, POSSIBLE_DUPLICATE)[0]
    with pytest.raises(InvalidInput, match="one of the two records"):
        AttentionApi(a).merge(item.id, uuid.uuid4())
    comparison = AttentionApi(a).compare(item.id)
    assert comparison.people is not None
    here, arrived = comparison.people
    assert here.full_name == arrived.full_name == "Grace Wambui"
    assert here.cannot_survive is None and arrived.cannot_survive is None


# --- the other choices -------------------------------------------------------------------


def test_keep_both_settles_the_duplicate_on_both_laptops(
    pair: tuple[ClinicCore, ClinicCore],
) -> None:
    a, b = pair
    here, there = duplicate_pair(pair)
    item = open_items(a, POSSIBLE_DUPLICATE)[0]
    AttentionApi(a).keep_both(item.id)
    assert open_items(a) == []
    assert len(open_items(b, POSSIBLE_DUPLICATE)) == 1
    exchange(a, b)
    assert open_items(b) == []  # the audit event naming the pair reached B
    for core in (a, b):
        assert row(core, Patient, here)["deleted"] is False
        assert row(core, Patient, there)["deleted"] is False


@pytest.mark.parametrize("keep", ["mine", "theirs"])
def test_a_safety_critical_conflict_settled_on_one_laptop_disappears_on_the_other(
    pair: tuple[ClinicCore, ClinicCore], keep: str
) -> None:
    a, b = pair
    pid = a.patients.register(grace(), confirmed_new=True).value
    exchange(a, b)
    a.patients.edit(pid, grace(dob="1990-01-01"))
    b.patients.edit(pid, grace(dob="1991-02-02"))
    exchange(a, b)
    item_a = open_items(a, SAFETY_CRITICAL)[0]
    assert open_items(b, SAFETY_CRITICAL)
    assert item_a.mine.value == "1990-01-01" and item_a.theirs.value == "1991-02-02"
    assert item_a.mine.by == "Amina Odhiambo" and item_a.theirs.at is not None
    api = AttentionApi(a)
    (api.keep_mine if keep == "mine" else api.keep_theirs)(item_a.id)
    chosen = dt.date(1990, 1, 1) if keep == "mine" else dt.date(1991, 2, 2)
    assert row(a, Patient, pid)["birth_date"] == chosen
    exchange(a, b)
    assert open_items(a) == [] and open_items(b) == []
    exchange(a, b)
    assert row(b, Patient, pid)["birth_date"] == chosen
    assert row(a, Patient, pid)["birth_date"] == chosen
    assert open_items(a) == [] and open_items(b) == []


def test_a_double_booking_is_settled_by_moving_one_and_then_on_both_laptops(
    pair: tuple[ClinicCore, ClinicCore],
) -> None:
    a, b = pair
    p1 = a.patients.register(grace(), confirmed_new=True).value
    p2 = a.patients.register(
        PatientInput(given_name="Juma", family_name="Mwangi", estimated_age_years="40"),
        confirmed_new=True,
    ).value
    exchange(a, b)
    first = book(a, p1, 9)
    book(b, p2, 9)
    exchange(a, b)
    item = open_items(a, DOUBLE_BOOKED)[0]
    assert item.choices == (REBOOK, KEEP_BOTH)
    comparison = AttentionApi(a).compare(item.id)
    assert comparison.bookings is not None
    assert {s.patient_name for s in comparison.bookings} == {"Grace Wambui", "Juma Mwangi"}
    with pytest.raises(Conflict, match="still overlap"):
        AttentionApi(a).rebooked(item.id)
    later = dt.datetime.combine(a.today() + dt.timedelta(days=1), dt.time(14, 0))
    a.schedule.move(first, later, same_day_ok=True)
    AttentionApi(a).rebooked(item.id)
    assert open_items(a) == []
    exchange(a, b)
    assert open_items(b) == []


def test_an_item_already_settled_cannot_be_settled_again(
    pair: tuple[ClinicCore, ClinicCore],
) -> None:
    a, _b = pair
    duplicate_pair(pair)
    item = open_items(a, POSSIBLE_DUPLICATE)[0]
    AttentionApi(a).keep_both(item.id)
    with pytest.raises(NotFound, match="already settled"):
        AttentionApi(a).keep_both(item.id)
    with pytest.raises(NotFound, match="already settled"):
        AttentionApi(a).compare(item.id)

    def left(session: Any) -> int:
        return len(
            session.scalars(
                select(NeedsAttention).where(NeedsAttention.resolved_at.is_(None))
            ).all()
        )

    assert a.tx.read(left) == 0


# --- the command line --------------------------------------------------------------------


def cli(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    core: ClinicCore,
    *args: str,
) -> tuple[int, str, str]:
    import io
    import sys

    from desktop.cli.main import main

    monkeypatch.setattr(sys, "stdin", io.StringIO(PASSWORD + "\n"))
    root = str(core.paths.root)
    code = main(["--data-dir", root, "--password-stdin", "--user", "admin", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_patients_merge_on_the_command_line_and_its_refusals_in_one_line(
    pair: tuple[ClinicCore, ClinicCore],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    a, _b = pair
    survivor, other = duplicate_pair(pair)
    visit = book(a, other, 9)
    number = a.patients.details(survivor).clinic_number
    a.close()  # the command opens the store itself
    code, out, err = cli(capsys, monkeypatch, a, "patients", "merge", str(survivor), str(survivor))
    assert code != 0 and "cannot be merged into themselves" in err and out == ""
    code, out, err = cli(capsys, monkeypatch, a, "patients", "merge", number, str(other))
    assert code == 0, err
    assert f"Merged {other} into Grace Wambui ({survivor})" in out
    assert "appointment: 1" in out
    code, out, err = cli(capsys, monkeypatch, a, "patients", "merge", str(survivor), str(other))
    assert code != 0 and "already merged into Grace Wambui: there is nothing more" in err
    again = ClinicCore.unlock(a.paths, "admin", PASSWORD)
    try:
        assert row(again, Appointment, visit)["patient_id"] == survivor
        assert row(again, Patient, other)["merged_into"] == survivor
    finally:
        again.close()


def test_attention_resolve_merge_into_and_keep_both_on_the_command_line(
    pair: tuple[ClinicCore, ClinicCore],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    a, b = pair
    here, there = duplicate_pair(pair)
    item_a = open_items(a, POSSIBLE_DUPLICATE)[0].id.hex[:8]
    item_b = open_items(b, POSSIBLE_DUPLICATE)[0].id.hex[:8]
    a.close()
    b.close()
    code, out, err = cli(
        capsys, monkeypatch, a, "attention", "resolve", item_a, "--merge-into", "mine"
    )
    assert code == 0, err
    assert f"Merged {there} into Grace Wambui ({here})" in out
    code, out, err = cli(capsys, monkeypatch, b, "attention", "resolve", item_b, "--keep", "both")
    assert code == 0, err and "both records stay" in out
    code, out, _ = cli(capsys, monkeypatch, b, "attention", "list")
    assert "Nothing needs attention." in out


def test_a_record_made_elsewhere_for_a_patient_merged_meanwhile_follows_the_merge(
    pair: tuple[ClinicCore, ClinicCore],
) -> None:
    a, b = pair
    survivor, other = duplicate_pair(pair)
    AttentionApi(a).merge(open_items(a, POSSIBLE_DUPLICATE)[0].id, survivor)
    late = book(b, other, 15)  # B has not heard of the merge yet
    exchange(a, b)
    for core in (a, b):
        open_items(core)  # the list is read: what names the tombstone follows the merge
        assert row(core, Appointment, late)["patient_id"] == survivor
    exchange(a, b)
    assert row(a, Appointment, late)["patient_id"] == survivor
    assert row(b, Appointment, late)["patient_id"] == survivor


def test_a_refused_change_of_a_kind_not_known_here_is_only_marked_as_seen(
    pair: tuple[ClinicCore, ClinicCore],
) -> None:
    a, _b = pair

    def refused(session: Any) -> uuid.UUID:
        item = NeedsAttention(
            clinic_id=a.actor.clinic_id,
            entity="lab_orders",  # a kind a newer Outpost has
            entity_id=uuid.uuid4(),
            reason="refused",
            remote_value={"why": "a kind of record this Outpost does not know", "op": "insert"},
        )
        session.add(item)
        session.flush()
        return item.id

    item_id = a.tx.write(refused).value
    item = next(i for i in AttentionApi(a).items() if i.id == item_id)
    assert item.choices == ("mine",)
    with pytest.raises(Conflict, match="does not fit"):
        AttentionApi(a).keep_theirs(item_id)
    AttentionApi(a).keep_mine(item_id)
    assert open_items(a) == []


def test_an_open_safety_critical_conflict_about_the_merged_patient_moves_to_the_survivor(
    pair: tuple[ClinicCore, ClinicCore],
) -> None:
    a, b = pair
    survivor, other = duplicate_pair(pair)
    a.patients.edit(other, grace(dob="1990-01-01"))
    b.patients.edit(other, grace(dob="1991-02-02"))
    exchange(a, b)
    for core in (a, b):
        assert SAFETY_CRITICAL in [i.reason for i in open_items(core)]
    AttentionApi(a).merge(open_items(a, POSSIBLE_DUPLICATE)[0].id, survivor)
    exchange(a, b)
    # Never settled silently: on both laptops it is now about the kept record.
    for core in (a, b):
        items = open_items(core)
        assert [(i.reason, i.field, i.entity_id) for i in items] == [
            (SAFETY_CRITICAL, "birth_date", survivor)
        ]
        assert items[0].patient_id == survivor
        assert items[0].mine.value == core.patients.details(survivor).birth_date.isoformat()
    AttentionApi(a).keep_mine(open_items(a)[0].id)  # the kept record's date stands
    exchange(a, b)
    for core in (a, b):
        assert open_items(core) == []
    assert a.patients.details(survivor).birth_date == b.patients.details(survivor).birth_date
