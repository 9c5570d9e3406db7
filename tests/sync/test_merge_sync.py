"""A merge of two patients travels through a real `outpost-hq` on loopback: the laptop that
did not merge ends up with the same records moved, the tombstone pointing at the survivor, and
its own item about the pair gone; a conflict settled on one laptop disappears on the other."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from desktop.app.attention import AttentionApi
from desktop.app.patients import PatientInput
from desktop.app.remote import POSSIBLE_DUPLICATE, SAFETY_CRITICAL
from desktop.core import ClinicCore
from desktop.store.models import Appointment, FormRecord, Patient
from tests.hqserver import HqServer
from tests.sync.laptops import Laptops, laptops_of, make_clinic


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = make_clinic(tmp_path_factory.mktemp("clinic") / "template")
    from desktop.app.session import sign_in
    from desktop.paths import DataPaths
    from tests.conftest import PASSWORD

    core = sign_in(DataPaths(root), "admin", PASSWORD)
    week = {day: [(dt.time(8), dt.time(17))] for day in range(7)}
    core.admin.add_provider("Dr. Otieno", hours=week)
    core.admin.add_appointment_type("Consultation", 30)
    core.close()
    return root


@pytest.fixture
def laptops(template: Path, tmp_path: Path, hq_sqlite: HqServer) -> Iterator[Laptops]:
    with laptops_of(template, tmp_path / "laptops", hq_sqlite) as made:
        yield made


def grace(dob: str = "1990-03-04") -> PatientInput:
    return PatientInput(given_name="Grace", family_name="Wambui", birth_date=dob)


def sync_all(*cores: ClinicCore) -> None:
    for core in (*cores, *cores):  # twice round: each hears what the others sent
        core.sync.sync_now()


def records(core: ClinicCore, pid: uuid.UUID) -> dict[str, Any]:
    def read(session: Any) -> dict[str, Any]:
        patient = session.scalar(select(Patient).where(Patient.id == pid))
        return {
            "deleted": patient.deleted,
            "merged_into": patient.merged_into,
            "appointments": sorted(
                str(i)
                for i in session.scalars(
                    select(Appointment.id).where(Appointment.patient_id == pid)
                )
            ),
            "forms": sorted(
                str(i)
                for i in session.scalars(select(FormRecord.id).where(FormRecord.patient_id == pid))
            ),
        }

    return core.tx.read(read)


def test_a_merge_made_on_one_laptop_is_the_same_merge_on_the_other(laptops: Laptops) -> None:
    a = laptops.new("a")
    b = laptops.new("b")
    sync_all(a, b)
    survivor = a.patients.register(grace(), confirmed_new=True).value
    other = b.patients.register(grace(), confirmed_new=True).value
    # B books the person it registered and starts an intake for them, offline.
    choices = b.schedule.booking_choices()
    at = dt.datetime.combine(b.today() + dt.timedelta(days=1), dt.time(10, 0))
    visit = b.schedule.book(
        patient_id=other,
        provider_id=choices.providers[0].provider_id,
        type_id=choices.types[0].type_id,
        starts_at=at,
    ).value.appointment_id
    intake = b.forms.start(other, "intake").value.record_id
    sync_all(a, b)
    for core in (a, b):
        assert [i.reason for i in AttentionApi(core).items()] == [POSSIBLE_DUPLICATE]

    item = AttentionApi(a).items()[0]
    moved = AttentionApi(a).merge(item.id, survivor).value.moved
    assert moved["appointments"] == 1 and moved["form_records"] == 1
    sync_all(a, b)

    for core in (a, b):
        gone = records(core, other)
        kept = records(core, survivor)
        assert gone["deleted"] is True and gone["merged_into"] == survivor
        assert gone["appointments"] == [] and gone["forms"] == []
        assert kept["appointments"] == [str(visit)] and kept["forms"] == [str(intake)]
        assert AttentionApi(core).items() == []  # settled on A, gone on B too
    assert records(a, survivor) == records(b, survivor)
    assert records(a, other) == records(b, other)
    # Both laptops and HQ agree on the counts (the sync's own check finds nothing apart).
    for core in (a, b):
        report = core.sync.sync_now()
        assert report.counts_differ == () and not report.repaired and report.pending == 0
    assert not [h for h in b.patients.search("Grace Wambui") if h.patient_id == other]


def test_a_conflict_settled_on_one_laptop_disappears_on_the_other(laptops: Laptops) -> None:
    a = laptops.new("a")
    b = laptops.new("b")
    pid = a.patients.register(grace(), confirmed_new=True).value
    sync_all(a, b)
    a.patients.edit(pid, grace("1990-01-01"))
    b.patients.edit(pid, grace("1991-02-02"))
    sync_all(a, b)
    for core in (a, b):
        assert [i.reason for i in AttentionApi(core).items()] == [SAFETY_CRITICAL]
    item = AttentionApi(b).items()[0]
    AttentionApi(b).keep_theirs(item.id)  # A's date, chosen on B
    sync_all(a, b)
    for core in (a, b):
        assert AttentionApi(core).items() == []
        assert core.patients.details(pid).birth_date == dt.date(1990, 1, 1)


def test_two_laptops_merging_two_records_into_each_other_keep_one_person(
    laptops: Laptops,
) -> None:
    from desktop.services.patient_merge import MERGED_BOTH_WAYS

    a = laptops.new("a")
    b = laptops.new("b")
    sync_all(a, b)
    p1 = a.patients.register(grace(), confirmed_new=True).value
    p2 = b.patients.register(grace(), confirmed_new=True).value
    choices = b.schedule.booking_choices()
    at = dt.datetime.combine(b.today() + dt.timedelta(days=1), dt.time(10, 0))
    visit = b.schedule.book(
        patient_id=p2,
        provider_id=choices.providers[0].provider_id,
        type_id=choices.types[0].type_id,
        starts_at=at,
    ).value.appointment_id
    sync_all(a, b)
    item_a = AttentionApi(a).items()[0]
    item_b = AttentionApi(b).items()[0]
    AttentionApi(a).merge(item_a.id, p1)  # A keeps P1 …
    AttentionApi(b).merge(item_b.id, p2)  # … and B, not having heard, keeps P2
    sync_all(a, b)
    # Each laptop meets the loop when it reads its list (as the sync screen does after a sync).
    first = {name: AttentionApi(core).items() for name, core in (("a", a), ("b", b))}
    sync_all(a, b)
    survivors = set()
    for name, core in (("a", a), ("b", b)):
        both = {pid: records(core, pid) for pid in (p1, p2)}
        live = [pid for pid, r in both.items() if not r["deleted"]]
        assert len(live) == 1, both
        kept = live[0]
        gone = p2 if kept == p1 else p1
        survivors.add(kept)
        assert both[kept]["merged_into"] is None
        assert both[gone]["merged_into"] == kept
        assert both[kept]["appointments"] == [str(visit)] and both[gone]["appointments"] == []
        assert [h.patient_id for h in core.patients.search("Grace Wambui")] == [kept]
        listed = AttentionApi(core).items()
        assert [i.reason for i in listed] == [MERGED_BOTH_WAYS]
        assert [i.reason for i in first[name]] == [MERGED_BOTH_WAYS]
        assert listed[0].entity_id == kept and listed[0].patient_id == kept
        assert "merged into each other" in listed[0].mine.value["note"]
        AttentionApi(core).keep_mine(listed[0].id)  # seen
        assert AttentionApi(core).items() == []
    assert len(survivors) == 1  # the same record on both laptops
    # The later merge lost: B merged second, so B's survivor (P2) gave way to P1.
    assert survivors == {p1}
    sync_all(a, b)
    for core in (a, b):
        assert AttentionApi(core).items() == []
        report = core.sync.sync_now()
        assert report.counts_differ == () and report.pending == 0
    assert records(a, p1) == records(b, p1) and records(a, p2) == records(b, p2)


def test_an_edit_of_the_merged_away_record_made_elsewhere_is_not_lost(laptops: Laptops) -> None:
    from desktop.app.remote import EDIT_AGAINST_DELETE

    a = laptops.new("a")
    b = laptops.new("b")
    sync_all(a, b)
    p1 = a.patients.register(grace(), confirmed_new=True).value
    p2 = b.patients.register(grace(), confirmed_new=True).value
    sync_all(a, b)
    AttentionApi(a).merge(AttentionApi(a).items()[0].id, p1)  # A merges P2 into P1
    # B, offline, corrects P2's date of birth and adds a phone.
    corrected = PatientInput(
        given_name="Grace", family_name="Wambui", birth_date="1991-05-06", phone="+254712345678"
    )
    b.patients.edit(p2, corrected)
    sync_all(a, b)
    listed = AttentionApi(a).items()
    by_field = {i.field: i for i in listed}
    # Open, under the kept record: the kept record's value against the edit.
    dob = by_field["birth_date"]
    assert dob.reason == SAFETY_CRITICAL and dob.entity_id == p1 and dob.patient_id == p1
    assert dob.mine.value == "1990-03-04" and dob.theirs.value == "1991-05-06"
    phone = by_field["phone"]
    assert phone.reason == EDIT_AGAINST_DELETE and phone.entity_id == p1
    assert phone.theirs.value == "+254712345678"
    assert a.patients.details(p1).birth_date == dt.date(1990, 3, 4)  # nothing taken silently
    AttentionApi(a).keep_theirs(dob.id)  # apply to the kept record
    AttentionApi(a).keep_theirs(phone.id)
    sync_all(a, b)
    for core in (a, b):
        left = [i for i in AttentionApi(core).items() if i.field in ("birth_date", "phone")]
        assert left == []  # settled on A, answered on B by A's choice
        details = core.patients.details(p1)
        assert details.birth_date == dt.date(1991, 5, 6)
        assert details.phone.replace(" ", "").endswith("712345678")  # shown the local way


def test_an_old_decision_does_not_settle_a_later_conflict_on_the_same_field(
    laptops: Laptops,
) -> None:
    a = laptops.new("a")
    b = laptops.new("b")
    pid = a.patients.register(grace(), confirmed_new=True).value
    sync_all(a, b)
    a.patients.edit(pid, grace("1990-01-01"))
    b.patients.edit(pid, grace("1991-02-02"))
    sync_all(a, b)
    AttentionApi(b).keep_theirs(AttentionApi(b).items()[0].id)
    sync_all(a, b)
    for core in (a, b):
        assert AttentionApi(core).items() == []
    # A second, unrelated conflict on the same safety-critical field, days later: open on
    # both laptops (the first decision answered the first conflict only).
    a.patients.edit(pid, grace("1985-05-05"))
    b.patients.edit(pid, grace("1986-06-06"))
    sync_all(a, b)
    for core in (a, b):
        items = AttentionApi(core).items()
        assert [(i.reason, i.field) for i in items] == [(SAFETY_CRITICAL, "birth_date")]
        assert {items[0].mine.value, items[0].theirs.value} == {"1985-05-05", "1986-06-06"}
    AttentionApi(a).keep_mine(AttentionApi(a).items()[0].id)  # A's date, chosen on A
    sync_all(a, b)
    for core in (a, b):
        assert AttentionApi(core).items() == []
        assert core.patients.details(pid).birth_date == dt.date(1985, 5, 5)


def test_a_form_signed_offline_under_the_merged_away_patient_is_on_the_list(
    laptops: Laptops,
) -> None:
    from desktop.services.patient_merge import SIGNED_UNDER_MERGED
    from tests.test_patient_merge import answers_for

    a = laptops.new("a")
    b = laptops.new("b")
    sync_all(a, b)
    p1 = a.patients.register(grace(), confirmed_new=True).value
    p2 = b.patients.register(grace(), confirmed_new=True).value
    form = b.forms.start(p2, "consent_treatment").value.record_id
    sync_all(a, b)
    AttentionApi(a).merge(AttentionApi(a).items()[0].id, p1)  # moves the draft to P1
    consent = b.forms.library().get("consent_treatment")
    b.forms.complete(form, answers_for(consent), lang="en")  # B, offline, signs it under P2
    sync_all(a, b)
    assert str(form) in records(b, p2)["forms"]  # signed here: it stays with the tombstone
    listed = [i for i in AttentionApi(b).items() if i.reason == SIGNED_UNDER_MERGED]
    assert len(listed) == 1
    item = listed[0]
    assert item.entity == "form_records" and item.entity_id == form and item.patient_id == p1
    assert "signed" in item.mine.value["note"] and "never changes" in item.mine.value["note"]
    AttentionApi(b).items()  # read again: still one item, not a second
    assert len([i for i in AttentionApi(b).items() if i.reason == SIGNED_UNDER_MERGED]) == 1
    AttentionApi(b).keep_mine(item.id)  # seen
    assert not [i for i in AttentionApi(b).items() if i.reason == SIGNED_UNDER_MERGED]
