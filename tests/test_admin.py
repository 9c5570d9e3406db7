"""The administration API (core.admin) and what happens before a signed-in core
(desktop.app.session): one call per use case, plain values, changes announced."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from desktop.app.admin import Role
from desktop.changes import CLINIC, PROVIDERS, SETTINGS, USERS, WORKING_HOURS, Changes
from desktop.errors import InvalidInput, LoginThrottled, PermissionDenied, WrongPassword
from tests.conftest import PASSWORD

if TYPE_CHECKING:
    from desktop.core import ClinicCore
    from desktop.paths import DataPaths

NINE_TO_ONE = (dt.time(9), dt.time(13))


def _heard(core: ClinicCore) -> list[Changes]:
    heard: list[Changes] = []
    core.changes.subscribe(heard.append)
    return heard


def test_users_are_added_listed_and_announced(core: ClinicCore) -> None:
    heard = _heard(core)
    done = core.admin.add_user(
        username="peter", display_name="Peter Mwangi", role=Role.COORDINATOR, password="a long pass"
    )
    assert done.value.username == "peter"
    assert done.changes.touches(USERS)
    assert heard and heard[-1].touches(USERS)
    rows = {u.username: u for u in core.admin.users()}
    assert rows["peter"].role is Role.COORDINATOR and rows["peter"].active


def test_disabling_a_user_stops_their_password_and_enabling_sets_a_new_one(
    core: ClinicCore, data_paths: DataPaths
) -> None:
    from desktop.app import session

    core.admin.add_user(
        username="peter", display_name="Peter", role=Role.CLINICIAN, password="a long pass"
    )
    core.admin.set_user_active("peter", False)
    with pytest.raises(WrongPassword):
        session.sign_in(data_paths, "peter", "a long pass")
    assert not {u.username: u for u in core.admin.users()}["peter"].active
    core.admin.set_user_active("peter", True, password="another pass")
    session.sign_in(data_paths, "peter", "another pass").close()


def test_the_last_administrator_keeps_their_role(core: ClinicCore) -> None:
    with pytest.raises(PermissionDenied):
        core.admin.set_role("admin", Role.COORDINATOR)


def test_a_new_provider_works_the_clinics_opening_hours(core: ClinicCore) -> None:
    core.admin.set_opening_hours({0: [NINE_TO_ONE], 2: [NINE_TO_ONE]})
    heard = _heard(core)
    provider = core.admin.add_provider("Dr. Achieng", "Clinical officer").value
    assert heard[-1].touches(PROVIDERS) and heard[-1].touches(WORKING_HOURS)
    assert core.admin.working_hours(provider.id) == {0: (NINE_TO_ONE,), 2: (NINE_TO_ONE,)}


def test_opening_hours_belong_to_the_clinic_record_and_are_sent_like_any_change(
    core: ClinicCore,
) -> None:
    heard = _heard(core)
    core.admin.set_opening_hours({0: [NINE_TO_ONE]})
    assert heard[-1].touches(CLINIC)
    assert core.admin.opening_hours() == {0: (NINE_TO_ONE,)}
    pending = [c for c in core.remote.pending_outbox() if c.entity == "clinics"]
    assert pending and pending[-1].patch["opening_hours"]["v"] == {"0": [["09:00", "13:00"]]}


def test_providers_are_renamed_and_deactivated(core: ClinicCore) -> None:
    provider = core.admin.add_provider("Dr. A").value
    core.admin.rename_provider(provider.id, "Dr. Achieng", "Nurse")
    core.admin.set_provider_active(provider.id, False)
    assert core.admin.providers() == []
    (row,) = core.admin.providers(include_inactive=True)
    assert (row.name, row.title, row.active) == ("Dr. Achieng", "Nurse", False)


def test_appointment_types_are_renamed_resized_and_deactivated(core: ClinicCore) -> None:
    kind = core.admin.add_appointment_type("Consult", 20).value
    core.admin.rename_appointment_type(kind.id, "Consultation")
    core.admin.set_appointment_type_duration(kind.id, 30)
    (row,) = core.admin.appointment_types()
    assert (row.name, row.duration_minutes) == ("Consultation", 30)
    with pytest.raises(InvalidInput):
        core.admin.set_appointment_type_duration(kind.id, 2)
    core.admin.set_appointment_type_active(kind.id, False)
    assert core.admin.appointment_types() == []


def test_working_hours_are_saved_all_or_nothing(core: ClinicCore) -> None:
    provider = core.admin.add_provider("Dr. A", hours={}).value
    with pytest.raises(InvalidInput) as caught:
        core.admin.set_working_hours(
            provider.id, {0: [NINE_TO_ONE], 1: [(dt.time(13), dt.time(9))]}
        )
    assert caught.value.field == "hours:1"
    assert core.admin.working_hours(provider.id) == {}
    core.admin.set_working_hours(provider.id, {0: [NINE_TO_ONE]})
    week = core.admin.clinic_week()
    assert week.hours[provider.id] == {0: (NINE_TO_ONE,)}


def test_the_clinics_phone_address_and_paper_size_are_details_of_the_clinic(
    core: ClinicCore,
) -> None:
    details = core.admin.update_clinic(
        phone="0712 345678", address="Box 12, Kisumu", paper_size="letter", code="knc"
    ).value
    assert details.phone == "+254712345678"
    assert (details.address, details.paper_size, details.code) == (
        "Box 12, Kisumu",
        "Letter",
        "KNC",
    )
    assert core.admin.clinic() == details
    with pytest.raises(InvalidInput):
        core.admin.update_clinic(paper_size="A3")


def test_saving_settings_writes_the_file_and_announces_settings(core: ClinicCore) -> None:
    from desktop.settings import load_settings

    heard = _heard(core)
    settings = core.admin.settings()
    settings.auto_lock_minutes = 25
    core.admin.save_settings(settings)
    assert core.settings.auto_lock_minutes == 25
    assert load_settings(core.paths.settings).auto_lock_minutes == 25
    assert heard[-1].touches(SETTINGS)


def test_a_new_clinic_from_the_wizard_can_book_at_once(data_paths: DataPaths) -> None:
    from desktop.app import session

    recovery = session.create_clinic(
        data_paths,
        session.NewClinic(
            clinic_name="Kisumu Health Post",
            admin_username="amina",
            admin_display_name="Amina Odhiambo",
            password=PASSWORD,
            provider_name="Dr. Achieng",
        ),
    )
    assert recovery
    core = session.sign_in(data_paths, "amina", PASSWORD)
    try:
        (provider,) = core.admin.providers()
        assert [t.name for t in core.admin.appointment_types()] == ["Consultation"]
        assert core.admin.working_hours(provider.id) == {
            day: ((dt.time(8), dt.time(17)),) for day in range(5)
        }
    finally:
        core.close()


def test_a_wizard_without_a_provider_creates_nothing(data_paths: DataPaths) -> None:
    from desktop.app import session

    new = session.NewClinic(
        clinic_name="Kisumu", admin_username="amina", admin_display_name="A", password=PASSWORD
    )
    with pytest.raises(InvalidInput) as caught:
        session.create_clinic(data_paths, new)
    assert caught.value.field == "provider_name"
    assert not session.clinic_exists(data_paths)


def test_the_lock_screen_check_is_throttled_like_signing_in(
    core: ClinicCore, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop.app import session
    from desktop.store.throttle import LoginThrottle

    # The clock stands still: a wait of one second must not run out while a loaded machine
    # derives the key of the next guess.
    now = time.time()
    held = LoginThrottle.__init__

    def still(self: LoginThrottle, path: Path, **_: object) -> None:
        held(self, path, clock=lambda: now)

    monkeypatch.setattr(LoginThrottle, "__init__", still)
    session.verify_password(core, PASSWORD)
    for _ in range(3):
        with pytest.raises(WrongPassword):
            session.verify_password(core, "not it at all")
    assert session.sign_in_wait(core.paths, "admin") > 0
    with pytest.raises(LoginThrottled):
        session.verify_password(core, PASSWORD)


def test_recovery_sets_a_forgotten_password(
    new_store: tuple[object, str], data_paths: DataPaths
) -> None:
    from desktop.app import session

    _store, recovery = new_store
    with pytest.raises(WrongPassword):
        session.recover_password(data_paths, "AAAA-BBBB", "admin", "a new password")
    session.recover_password(data_paths, recovery, "admin", "a new password")
    session.sign_in(data_paths, "admin", "a new password").close()
