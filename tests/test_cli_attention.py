"""`outpost attention list / show / resolve` on two real stores of one clinic that exchanged
their outboxes (`core.remote.apply`, as a sync does): the list reads in words, `show` says
who made each value and when in clinic time, and a resolution is audited, queued for HQ and
brings the two laptops to the same value."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import sys
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import pytest
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from desktop.app.remote import Attention, AttentionDetail
from desktop.cli.cmd_attention import find_item
from desktop.cli.main import main
from desktop.core import ClinicCore
from desktop.errors import InvalidInput, NotFound
from desktop.hlc import Stamp
from desktop.paths import DataPaths
from desktop.store.models import FormRecord, OutboxEntry, Patient, Sex
from tests.clinic_template import copy_laptop
from tests.conftest import PASSWORD
from tests.hostile import assert_one_clear_line, run_outpost

T = TypeVar("T")


@pytest.fixture
def laptops(clinic_template: Path, tmp_path: Path) -> tuple[Path, Path]:
    """Laptop A and laptop B of one clinic (copies of one template; B its own device)."""
    a = copy_laptop(clinic_template, tmp_path / "a")
    b = copy_laptop(clinic_template, tmp_path / "b", own_device=True)
    return a, b


def with_core(root: Path, work: Callable[[ClinicCore], T]) -> T:
    core = ClinicCore.unlock(DataPaths(root), "admin", PASSWORD)
    try:
        return work(core)
    finally:
        core.close()


def write(root: Path, work: Callable[[Session], Any]) -> Any:
    return with_core(root, lambda core: core.tx.write(work).value)


def sync(source: Path, target: Path) -> None:
    """What a sync does: the source's unsent changes (with who made them) go to the target."""

    def take(core: ClinicCore) -> list[Any]:
        changes = [
            dataclasses.replace(c, user_id=core.actor.user_id) for c in core.remote.pending_outbox()
        ]
        core.tx.write(
            lambda s: s.execute(
                update(OutboxEntry)
                .where(OutboxEntry.sent_batch.is_(None))
                .values(sent_batch=uuid.uuid4())
            )
        )
        return changes

    changes = with_core(source, take)
    with_core(target, lambda core: core.remote.apply(changes))


def new_patient(root: Path, **values: Any) -> uuid.UUID:
    def work(session: Session) -> uuid.UUID:
        row = Patient(clinic_id=_clinic_id(session), given_name="Wanjiru", family_name="Kamau")
        for key, value in values.items():
            setattr(row, key, value)
        session.add(row)
        session.flush()
        return row.id

    result: uuid.UUID = write(root, work)
    return result


def _clinic_id(session: Session) -> uuid.UUID:
    from desktop.store.models import Clinic

    return session.scalars(select(Clinic.id)).one()


def set_patient(root: Path, patient_id: uuid.UUID, **values: Any) -> None:
    def work(session: Session) -> None:
        row = session.scalars(select(Patient).where(Patient.id == patient_id)).one()
        for key, value in values.items():
            setattr(row, key, value)

    write(root, work)


def patient(root: Path, patient_id: uuid.UUID) -> dict[str, Any]:
    def read(core: ClinicCore) -> dict[str, Any]:
        row = core.tx.read(
            lambda s: s.scalars(select(Patient).where(Patient.id == patient_id)).one()
        )
        return {"birth_date": row.birth_date, "sex": row.sex, "village": row.village}

    return with_core(root, read)


def items(root: Path) -> list[Attention]:
    return with_core(root, lambda core: core.remote.needs_attention())


def pending_keys(root: Path) -> list[set[str]]:
    """The patched keys of the unsent changes to patients and forms."""
    return with_core(
        root,
        lambda core: [
            set(c.patch)
            for c in core.remote.pending_outbox()
            if c.entity in ("patients", "form_records")
        ],
    )


def run(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    data: Path,
    *args: str,
) -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "stdin", io.StringIO(PASSWORD + "\n"))
    code = main(["--data-dir", str(data), "--password-stdin", "--user", "admin", *args])
    out, err = capsys.readouterr()
    return code, out, err


def dob_conflict(a: Path, b: Path) -> uuid.UUID:
    """A patient whose date of birth was corrected differently on A and on B, synced both
    ways: an open safety-critical item on each laptop."""
    patient_id = new_patient(a, birth_date=dt.date(1984, 3, 2), sex=Sex.FEMALE)
    sync(a, b)
    set_patient(a, patient_id, birth_date=dt.date(1948, 3, 2))
    set_patient(b, patient_id, birth_date=dt.date(1984, 2, 3))
    sync(a, b)
    sync(b, a)
    return patient_id


# --- list and show ---------------------------------------------------------------------------


def test_list_shows_one_line_per_open_item_in_words_with_both_values(
    laptops: tuple[Path, Path], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    a, b = laptops
    dob_conflict(a, b)
    code, out, err = run(capsys, monkeypatch, b, "attention", "list")
    assert code == 0, err
    (line,) = out.splitlines()
    (item,) = items(b)
    assert line.startswith(item.id.hex[:8] + "  patient  Wanjiru Kamau  birth_date  ")
    assert "safety-critical" in line
    assert "this laptop: 1984-02-03" in line and "other laptop: 1948-03-02" in line


def test_an_empty_list_says_so(
    laptops: tuple[Path, Path], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, _ = run(capsys, monkeypatch, laptops[0], "attention", "list")
    assert code == 0 and out.strip() == "Nothing needs attention."


def test_show_says_who_made_each_value_and_when_in_the_clinics_time_zone(
    laptops: tuple[Path, Path], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    a, b = laptops
    patient_id = dob_conflict(a, b)
    (item,) = items(b)
    code, out, err = run(capsys, monkeypatch, b, "attention", "show", item.id.hex[:6].upper())
    assert code == 0, err
    zone = with_core(b, lambda core: core.clock.zone)
    assert zone.key == "Africa/Nairobi" and f"times in {zone.key}" in out

    def clinic_time(stamp: str | None) -> str:
        assert stamp
        instant = dt.datetime.fromtimestamp(Stamp.decode(stamp).wall_ms / 1000, dt.UTC)
        return f"{instant.astimezone(zone):%Y-%m-%d %H:%M}"

    lines = out.splitlines()
    assert lines[0] == str(item.id)
    assert f"patient of Wanjiru Kamau (patient {patient_id})" in out
    mine = next(line for line in lines if "this laptop:" in line)
    theirs = next(line for line in lines if "other laptop:" in line)
    assert "1984-02-03" in mine and f"by Amina Odhiambo, {clinic_time(item.local_hlc)}" in mine
    assert "1948-03-02" in theirs
    assert f"by Amina Odhiambo, {clinic_time(item.remote_hlc)}" in theirs
    assert "now:          1984-02-03" in out
    assert f"attention resolve {item.id.hex[:8]} --keep mine|theirs" in out


# --- resolving -------------------------------------------------------------------------------


def test_keeping_theirs_changes_the_value_audited_and_queued_for_hq(
    laptops: tuple[Path, Path], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    a, b = laptops
    patient_id = dob_conflict(a, b)
    (item,) = items(b)
    code, out, err = run(
        capsys, monkeypatch, b, "attention", "resolve", str(item.id), "--keep", "theirs"
    )
    assert code == 0, err
    assert out.strip() == (
        f"Settled {item.id.hex[:8]}: the other laptop's value was taken; birth_date is now "
        "1948-03-02."
    )
    assert patient(b, patient_id)["birth_date"] == dt.date(1948, 3, 2)
    assert items(b) == []
    assert any("birth_date" in keys for keys in pending_keys(b))
    history = with_core(b, lambda core: core.patients.history(patient_id))
    assert history[0].action == "resolve" and history[0].fields == ("birth_date",)
    # A's own item is still there for a person at A; B's edit brings no new one.
    sync(b, a)
    assert patient(a, patient_id)["birth_date"] == dt.date(1948, 3, 2)
    assert len(items(a)) == 1


def test_keeping_mine_reaches_the_other_laptop_so_both_end_with_one_value(
    laptops: tuple[Path, Path], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    a, b = laptops
    patient_id = new_patient(a, birth_date=dt.date(1984, 3, 2), sex=Sex.FEMALE)
    sync(a, b)
    set_patient(a, patient_id, birth_date=dt.date(1948, 3, 2))  # only A changed it
    sync(a, b)
    (item,) = items(b)
    assert items(a) == []
    code, _, err = run(
        capsys, monkeypatch, b, "attention", "resolve", item.id.hex, "--keep", "mine"
    )
    assert code == 0, err
    assert patient(b, patient_id)["birth_date"] == dt.date(1984, 3, 2)
    assert any("birth_date" in keys for keys in pending_keys(b))  # re-stamped, sent on
    sync(b, a)
    # A is not left silently different: B's choice is on A's list now.
    (at_a,) = items(a)
    assert (at_a.local_value, at_a.remote_value) == ("1948-03-02", "1984-03-02")
    code, _, err = run(
        capsys, monkeypatch, a, "attention", "resolve", at_a.id.hex[:8], "--keep", "theirs"
    )
    assert code == 0, err
    sync(a, b)
    assert patient(a, patient_id)["birth_date"] == patient(b, patient_id)["birth_date"]
    assert items(a) == items(b) == []


def test_keeping_mine_on_an_allergy_answer_reaches_the_other_laptop(
    laptops: tuple[Path, Path], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    a, b = laptops
    patient_id = new_patient(a)

    def intake(session: Session) -> uuid.UUID:
        record = FormRecord(
            clinic_id=_clinic_id(session),
            patient_id=patient_id,
            definition_id="intake",
            definition_version=1,
            answers={"allergies": "None known"},
        )
        session.add(record)
        session.flush()
        return record.id

    record_id: uuid.UUID = write(a, intake)
    sync(a, b)

    def answer(value: str) -> Callable[[Session], None]:
        def work(session: Session) -> None:
            row = session.scalars(select(FormRecord).where(FormRecord.id == record_id)).one()
            row.answers = {**row.answers, "allergies": value}

        return work

    write(a, answer("Penicillin"))
    sync(a, b)
    (item,) = items(b)
    assert item.field == "answers.allergies"
    code, out, err = run(
        capsys, monkeypatch, b, "attention", "resolve", item.id.hex[:8], "--keep", "mine"
    )
    assert code == 0, err
    assert "answers.allergies is now None known" in out
    assert any("answers.allergies" in keys for keys in pending_keys(b))
    sync(b, a)
    (at_a,) = items(a)
    assert (at_a.local_value, at_a.remote_value) == ("Penicillin", "None known")


def test_a_given_value_is_checked_like_an_edit_and_then_set(
    laptops: tuple[Path, Path], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    a, b = laptops
    patient_id = dob_conflict(a, b)
    (item,) = items(b)
    short = item.id.hex[:8]
    before = (patient(b, patient_id), pending_keys(b))
    for value, says in (
        ("birth_date=2099-01-01", "in the future"),
        ("birth_date=31/02/1990", "february"),
        ("sex=female", "about birth_date"),
        ("1990-01-01", "about birth_date"),
    ):
        ran = run_outpost(b, "attention", "resolve", short, "--value", value, stdin=PASSWORD + "\n")
        assert_one_clear_line(ran, code=1, says=says)
    assert (patient(b, patient_id), pending_keys(b)) == before and items(b) == [item]
    code, out, err = run(
        capsys, monkeypatch, b, "attention", "resolve", short, "--value", "birth_date=12/04/1983"
    )
    assert code == 0, err
    assert "a value was given; birth_date is now 1983-04-12" in out
    assert patient(b, patient_id)["birth_date"] == dt.date(1983, 4, 12)
    assert items(b) == []
    assert any("birth_date" in keys for keys in pending_keys(b))
    settled = with_core(b, lambda core: core.remote.needs_attention(include_settled=True))
    assert [i.resolution for i in settled if i.id == item.id] == ["chosen_value"]


def test_a_settled_item_cannot_be_settled_again_and_show_still_finds_it(
    laptops: tuple[Path, Path], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    a, b = laptops
    dob_conflict(a, b)
    (item,) = items(b)
    assert (
        run(capsys, monkeypatch, b, "attention", "resolve", item.id.hex, "--keep", "mine")[0] == 0
    )
    ran = run_outpost(b, "attention", "resolve", item.id.hex, "--keep", "theirs", stdin=PASSWORD)
    assert_one_clear_line(ran, code=1, says="no item needing attention")
    code, out, _ = run(capsys, monkeypatch, b, "attention", "show", item.id.hex[:8])
    assert (
        code == 0 and "settled" in out and "by Amina Odhiambo: this laptop's value was kept" in out
    )
    code, out, _ = run(capsys, monkeypatch, b, "attention", "list", "--all")
    assert item.id.hex[:8] in out


@pytest.mark.parametrize(
    ("typed", "says"),
    [
        ("zzz", "not an item id"),
        ("", "not an item id"),
        ("0" * 500, "no item"),
        ("f00d", "no item"),
    ],
)
def test_an_id_that_names_no_item_is_one_clear_line(
    laptops: tuple[Path, Path], typed: str, says: str
) -> None:
    ran = run_outpost(laptops[0], "attention", "show", "--", typed, stdin=PASSWORD + "\n")
    assert_one_clear_line(ran, code=1, says=says)
    assert len(ran.err) < 300


def test_resolve_needs_keep_or_value_but_not_both(laptops: tuple[Path, Path]) -> None:
    for args in ((), ("--keep", "mine", "--value", "sex=male"), ("--keep", "ours")):
        ran = run_outpost(laptops[0], "attention", "resolve", "abcd", *args, stdin=PASSWORD)
        assert ran.code == 2, ran.err


def test_an_id_prefix_must_name_one_item() -> None:
    def detail(hex_id: str) -> AttentionDetail:
        now = dt.datetime(2026, 12, 2, 9, 0, tzinfo=dt.UTC)
        item = Attention(
            uuid.UUID(hex_id), "patients", uuid.uuid4(), None, "sex", "safety_critical",
            "female", None, "male", None, now, None, None,
        )  # fmt: skip
        return AttentionDetail(item, None, None, None, None, None, None, now, None)

    found = [detail("abcd1234" + "0" * 24), detail("abcd5678" + "0" * 24)]
    with pytest.raises(InvalidInput, match="2 items have an id starting with abcd"):
        find_item(found, "abcd")
    assert find_item(found, "ABCD-5") is found[1]
    assert find_item(found, str(found[0].item.id)) is found[0]
    with pytest.raises(NotFound):
        find_item(found, "abce")


def test_one_person_registered_on_two_laptops_is_listed_and_settled_as_seen(
    laptops: tuple[Path, Path], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    a, b = laptops
    new_patient(a, birth_date=dt.date(1984, 3, 2), clinic_number="KHP-0001")
    new_patient(b, birth_date=dt.date(1984, 3, 2), clinic_number="KHP-0002")
    sync(a, b)
    code, out, err = run(capsys, monkeypatch, b, "attention", "list")
    assert code == 0, err
    (line,) = out.splitlines()
    assert "maybe one person registered on two laptops" in line
    assert "Wanjiru Kamau, KHP-0002, born 1984-03-02" in line
    assert "Wanjiru Kamau, KHP-0001, born 1984-03-02" in line
    (item,) = items(b)
    ran = run_outpost(
        b, "attention", "resolve", item.id.hex[:8], "--value", "x=y", stdin=PASSWORD + "\n"
    )
    assert_one_clear_line(ran, code=1, says="not about one field")
    code, out, err = run(
        capsys, monkeypatch, b, "attention", "resolve", item.id.hex[:8], "--keep", "mine"
    )
    assert code == 0, err
    assert "marked as seen" in out
    assert items(b) == []
