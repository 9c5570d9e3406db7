"""What needs a person's judgement after two laptops' records meet (DESIGN.md "Sync"): the
same person registered on both, a provider booked twice at one time. Never settled silently:
an item on the "needs attention" list of every device concerned."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.app.patients import PatientInput
from desktop.app.remote import DOUBLE_BOOKED, POSSIBLE_DUPLICATE
from desktop.core import ClinicCore
from desktop.paths import DataPaths
from tests.clinic_template import copy_laptop
from tests.conftest import PASSWORD


@pytest.fixture(scope="module")
def template(clinic_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shared clinic with a provider working every day and an appointment type."""
    root = copy_laptop(clinic_template, tmp_path_factory.mktemp("clinic") / "a")
    core = ClinicCore.unlock(DataPaths(root), "admin", PASSWORD)
    week = {day: [(dt.time(8), dt.time(17))] for day in range(7)}
    core.admin.add_provider("Dr. Otieno", hours=week)
    core.admin.add_appointment_type("Consultation", 30)
    core.close()
    return root


@pytest.fixture
def pair(template: Path, tmp_path: Path) -> Iterator[tuple[ClinicCore, ClinicCore]]:
    cores = [
        ClinicCore.unlock(
            DataPaths(copy_laptop(template, tmp_path / name, own_device=own)), "admin", PASSWORD
        )
        for name, own in (("a", False), ("b", True))
    ]
    assert cores[0].store.device_id != cores[1].store.device_id
    yield cores[0], cores[1]
    for core in cores:
        core.close()


def exchange(a: ClinicCore, b: ClinicCore) -> None:
    from_a, from_b = a.remote.pending_outbox(), b.remote.pending_outbox()
    b.remote.apply(from_a)
    a.remote.apply(from_b)


def person(phone: str = "", dob: str = "1990-03-04") -> PatientInput:
    return PatientInput(
        given_name="Grace", family_name="Wambui", birth_date=dob, phone=phone, age_unknown=not dob
    )


def reasons(core: ClinicCore) -> list[str]:
    return [item.reason for item in core.remote.needs_attention()]


def test_the_same_person_registered_on_two_laptops_needs_attention_on_both(
    pair: tuple[ClinicCore, ClinicCore],
) -> None:
    a, b = pair
    mine = a.patients.register(person(), confirmed_new=True).value
    theirs = b.patients.register(person(), confirmed_new=True).value
    exchange(a, b)
    for core, arrived in ((a, theirs), (b, mine)):
        items = [i for i in core.remote.needs_attention() if i.reason == POSSIBLE_DUPLICATE]
        assert len(items) == 1
        assert items[0].entity_id == arrived
        assert {items[0].local_value["id"], items[0].remote_value["id"]} == {str(mine), str(theirs)}
    # Applying the same changes again adds nothing.
    exchange(a, b)
    assert reasons(a).count(POSSIBLE_DUPLICATE) == 1
    assert reasons(b).count(POSSIBLE_DUPLICATE) == 1


def test_a_same_name_with_another_birth_date_and_phone_is_another_person(
    pair: tuple[ClinicCore, ClinicCore],
) -> None:
    a, b = pair
    a.patients.register(person(dob="1990-03-04"), confirmed_new=True)
    b.patients.register(person(dob="1961-11-20"), confirmed_new=True)
    exchange(a, b)
    assert POSSIBLE_DUPLICATE not in reasons(a) + reasons(b)


def test_the_same_phone_and_name_is_the_same_person_without_a_birth_date(
    pair: tuple[ClinicCore, ClinicCore],
) -> None:
    a, b = pair
    a.patients.register(person(phone="0712345678", dob=""), confirmed_new=True)
    b.patients.register(person(phone="0712 345 678", dob=""), confirmed_new=True)
    exchange(a, b)
    assert reasons(a).count(POSSIBLE_DUPLICATE) == 1
    assert reasons(b).count(POSSIBLE_DUPLICATE) == 1


def test_a_provider_booked_twice_at_one_time_on_two_laptops_needs_attention(
    pair: tuple[ClinicCore, ClinicCore],
) -> None:
    a, b = pair
    # Patients and the clinic's set-up reach both laptops first, as after a sync.
    p1 = a.patients.register(person(dob="1990-03-04"), confirmed_new=True).value
    p2 = a.patients.register(
        PatientInput(given_name="Juma", family_name="Mwangi", estimated_age_years="40"),
        confirmed_new=True,
    ).value
    exchange(a, b)
    choices = a.schedule.booking_choices()
    provider, kind = choices.providers[0].provider_id, choices.types[0].type_id
    tomorrow = a.today() + dt.timedelta(days=1)
    at = dt.datetime.combine(tomorrow, dt.time(9, 0))
    a.schedule.book(patient_id=p1, provider_id=provider, type_id=kind, starts_at=at)
    b.schedule.book(
        patient_id=p2, provider_id=provider, type_id=kind, starts_at=at + dt.timedelta(minutes=15)
    )
    exchange(a, b)
    assert reasons(a).count(DOUBLE_BOOKED) == 1
    assert reasons(b).count(DOUBLE_BOOKED) == 1
    item = next(i for i in b.remote.needs_attention() if i.reason == DOUBLE_BOOKED)
    assert item.local_value["provider_id"] == item.remote_value["provider_id"] == str(provider)


@pytest.mark.parametrize(
    ("here", "there", "flagged"),
    [
        (("Grace", "Wambui"), ("GRACE", "wambui"), True),  # case aside, as the check compares
        (("Élise", "Wambui"), ("élise", "Wambui"), False),  # NOCASE folds ASCII letters only
        (("Grace", "Wambui"), ("Grace", "Wanjiru"), False),
    ],
)
def test_a_page_s_new_patient_is_judged_against_its_namesakes_by_phone(
    pair: tuple[ClinicCore, ClinicCore],
    here: tuple[str, str],
    there: tuple[str, str],
    flagged: bool,
) -> None:
    """A page's new patients are looked at closely only when a namesake shares their date
    of birth or phone: the same judgement as patient by patient."""
    a, b = pair

    def input_(names: tuple[str, str], phone: str) -> PatientInput:
        return PatientInput(
            given_name=names[0], family_name=names[1], phone=phone, age_unknown=True
        )

    b.patients.register(input_(here, "0712 345 678"), confirmed_new=True)
    for i in range(3):  # others in the same page, no namesake of anyone
        a.patients.register(
            input_((f"Other{i}", "Person"), f"0733 000 00{i}"),
            confirmed_new=True,
        )
    a.patients.register(input_(there, "+254712345678"), confirmed_new=True)
    b.remote.apply(a.remote.pending_outbox())
    assert reasons(b).count(POSSIBLE_DUPLICATE) == (1 if flagged else 0)
