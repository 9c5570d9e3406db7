"""The needs-attention list and its side-by-side screen on real stores: two laptops of one clinic
(copies of one store) exchange their changes; the signed-in window is laptop A, B is a core
beside it. Resolving a field conflict (keep theirs / keep mine), keeping both for a possible
duplicate, merging two duplicates, rebooking a double booking — each through the real widgets,
then the other laptop agrees and its own item is gone.

Screenshots on demand (docs/screenshots/desk-21-needs-attention-compare.png and
desk-21b-needs-attention-list.png):

    OUTPOST_SCREENSHOTS=docs/screenshots QT_QPA_PLATFORM=offscreen \\
        .venv/bin/python -m pytest tests/ui/test_attention_screens.py -k screenshot
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox
from sqlalchemy import select

from desktop.app.attention import AttentionApi
from desktop.app.patients import PatientInput
from desktop.app.remote import DOUBLE_BOOKED, POSSIBLE_DUPLICATE, SAFETY_CRITICAL
from desktop.core import ClinicCore
from desktop.paths import DataPaths
from desktop.store import store as store_module
from desktop.store.models import Appointment, OutboxEntry, Patient
from tests.conftest import CLINIC, PASSWORD

OUT = os.environ.get("OUTPOST_SCREENSHOTS", "")
WAIT = 20_000


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    paths = DataPaths(tmp_path_factory.mktemp("clinic") / "template")
    store, _ = store_module.create(
        paths,
        clinic_name=CLINIC,
        admin_username="admin",
        admin_display_name="Amina Odhiambo",
        password=PASSWORD,
    )
    store.close()
    core = ClinicCore.unlock(paths, "admin", PASSWORD)
    week = {day: [(dt.time(7), dt.time(19))] for day in range(7)}
    core.admin.add_provider("Dr. Achieng Otieno", "Clinical officer", hours=week)
    core.admin.add_appointment_type("Consultation", 30)
    core.close()
    return paths.root


@pytest.fixture
def data_paths(template: Path, tmp_path: Path) -> DataPaths:
    """Laptop A: the signed-in window's store (overrides tests/conftest.py's)."""
    shutil.copytree(template, tmp_path / "a")
    return DataPaths(tmp_path / "a")


@pytest.fixture
def core(data_paths: DataPaths) -> ClinicCore:
    return ClinicCore.unlock(data_paths, "admin", PASSWORD)


@pytest.fixture
def laptop_b(template: Path, tmp_path: Path) -> Iterator[ClinicCore]:
    shutil.copytree(template, tmp_path / "b")
    (tmp_path / "b" / "device.json").unlink()
    other = ClinicCore.unlock(DataPaths(tmp_path / "b"), "admin", PASSWORD)
    yield other
    other.close()


def exchange(a: ClinicCore, b: ClinicCore) -> None:
    """What a sync through HQ does for two laptops (tests/sync does it with a real HQ)."""
    import dataclasses

    def sent(core: ClinicCore) -> list[Any]:  # HQ says who made each change
        who = core.actor.user_id
        return [dataclasses.replace(c, user_id=who) for c in core.remote.pending_outbox()]

    from_a, from_b = sent(a), sent(b)
    b.remote.apply(from_a)
    a.remote.apply(from_b)
    for laptop in (a, b):
        with laptop.store.session() as session, session.begin():
            for entry in session.scalars(select(OutboxEntry)):
                session.delete(entry)


def grace(dob: str = "1990-03-04") -> PatientInput:
    return PatientInput(
        given_name="Grace", family_name="Wambui", birth_date=dob, sex="female", village="Kondele"
    )


def patient(core: ClinicCore, pid: uuid.UUID) -> dict[str, Any]:
    def read(session: Any) -> dict[str, Any]:
        found = session.scalar(select(Patient).where(Patient.id == pid))
        return {c.key: getattr(found, c.key) for c in Patient.__table__.columns}

    return core.tx.read(read)


def dob_conflict(a: ClinicCore, b: ClinicCore) -> uuid.UUID:
    pid = a.patients.register(grace(), confirmed_new=True).value
    exchange(a, b)
    a.patients.edit(pid, grace("1990-01-01"))
    b.patients.edit(pid, grace("1991-02-02"))
    exchange(a, b)
    return pid


def duplicates(a: ClinicCore, b: ClinicCore) -> tuple[uuid.UUID, uuid.UUID]:
    here = a.patients.register(grace(), confirmed_new=True).value
    there = b.patients.register(grace(), confirmed_new=True).value
    exchange(a, b)
    return here, there


def open_list(qtbot: Any, session: Any) -> Any:
    window = session.window
    window.show()
    window._show_page(window_sync_row(window))
    page = window.sync_page
    qtbot.mouseClick(page.attention_button, Qt.MouseButton.LeftButton)
    from ui.attention_page import AttentionPage

    found = [w for w in window.findChildren(AttentionPage) if w.isVisible()]
    assert len(found) == 1
    listing = found[0]
    qtbot.waitUntil(lambda: not listing.loading and bool(listing.items), timeout=WAIT)
    from tests.ui.mnemonics import clashes

    assert clashes(listing) == {}
    return listing


def window_sync_row(window: Any) -> int:
    from ui import main_window

    return int(main_window.SYNC)


def open_item(qtbot: Any, listing: Any, reason: str) -> Any:
    row = next(r for r, i in enumerate(listing.items) if i.reason == reason)
    listing.table.selectRow(row)
    listing.table.setFocus()
    qtbot.keyClick(listing.table, Qt.Key.Key_Return)
    dialog = listing.compare
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.comparison is not None or dialog.error is not None, timeout=WAIT)
    assert dialog.error is None
    from tests.ui.mnemonics import clashes

    assert clashes(dialog) == {}  # every choice has its own Alt+letter
    return dialog


def settle_with(qtbot: Any, dialog: Any, key: str) -> None:
    button = dialog.buttons[key]
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def answer(qtbot: Any, text: str) -> None:
    def box() -> QMessageBox | None:
        found = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)]
        return next((b for b in found if b.isVisible()), None)

    qtbot.waitUntil(lambda: box() is not None, timeout=WAIT)
    shown = box()
    assert shown is not None
    button = next(b for b in shown.buttons() if b.text() == text)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def wait_settled(qtbot: Any, listing: Any, dialog: Any) -> None:
    from ui.util import is_alive

    qtbot.waitUntil(lambda: not is_alive(dialog) or not dialog.isVisible(), timeout=WAIT)
    qtbot.waitUntil(lambda: not listing.loading and listing.items == [], timeout=WAIT)
    assert listing.summary.text() == "Nothing needs attention. ✓"


# --- a value two laptops disagree on ------------------------------------------------------


@pytest.mark.parametrize(("key", "chosen"), [("theirs", "1991-02-02"), ("mine", "1990-01-01")])
def test_a_field_conflict_made_on_two_stores_is_settled_side_by_side(
    signed_in: Any, laptop_b: ClinicCore, qtbot: Any, key: str, chosen: str
) -> None:
    a = signed_in.ctx.core
    pid = dob_conflict(a, laptop_b)
    listing = open_list(qtbot, signed_in)
    assert [i.reason for i in listing.items] == [SAFETY_CRITICAL]
    assert listing.table.item(0, 0).text() == "Safety-critical value differs"
    assert listing.table.item(0, 1).text() == "Grace Wambui — Date of birth"
    assert listing.table.item(0, 3).text().startswith("Amina Odhiambo, on another laptop, ")
    dialog = open_item(qtbot, listing, SAFETY_CRITICAL)
    assert dialog.findChild(QLabel, "mine_1").text().startswith("1 Jan 1990")
    assert dialog.findChild(QLabel, "theirs_1").text().startswith("2 Feb 1991")
    assert list(dialog.buttons) == ["mine", "theirs"]
    # Keyboard: the choices, then Back, in that order; Back is what Enter presses.
    dialog.activateWindow()
    qtbot.waitUntil(lambda: dialog.focusWidget() is dialog.buttons["mine"], timeout=WAIT)
    assert dialog.back_button.isDefault() and not dialog.buttons["mine"].isDefault()
    qtbot.keyClick(dialog.buttons["mine"], Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.buttons["theirs"]
    qtbot.keyClick(dialog.buttons["theirs"], Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.back_button
    settle_with(qtbot, dialog, key)
    wait_settled(qtbot, listing, dialog)
    assert patient(a, pid)["birth_date"] == dt.date.fromisoformat(chosen)
    exchange(a, laptop_b)
    exchange(a, laptop_b)
    assert AttentionApi(laptop_b).items() == []
    assert patient(laptop_b, pid)["birth_date"] == dt.date.fromisoformat(chosen)


# --- two registrations of one person ------------------------------------------------------


def test_keep_both_for_a_suspected_duplicate(
    signed_in: Any, laptop_b: ClinicCore, qtbot: Any
) -> None:
    a = signed_in.ctx.core
    here, there = duplicates(a, laptop_b)
    listing = open_list(qtbot, signed_in)
    assert listing.table.item(0, 0).text() == "Maybe one person registered twice"
    dialog = open_item(qtbot, listing, POSSIBLE_DUPLICATE)
    assert dialog.findChild(QLabel, "mine_1").text() == "Grace Wambui   ✓ same"
    assert list(dialog.buttons) == ["merge_here", "merge_arrived", "both"]
    settle_with(qtbot, dialog, "both")
    wait_settled(qtbot, listing, dialog)
    exchange(a, laptop_b)
    assert AttentionApi(laptop_b).items() == []
    for core in (a, laptop_b):
        assert not patient(core, here)["deleted"] and not patient(core, there)["deleted"]


def test_merge_two_duplicates_and_both_laptops_agree(
    signed_in: Any, laptop_b: ClinicCore, qtbot: Any
) -> None:
    a = signed_in.ctx.core
    here, there = duplicates(a, laptop_b)
    choices = laptop_b.schedule.booking_choices()
    visit = laptop_b.schedule.book(
        patient_id=there,
        provider_id=choices.providers[0].provider_id,
        type_id=choices.types[0].type_id,
        starts_at=dt.datetime.combine(a.today() + dt.timedelta(days=1), dt.time(10)),
    ).value.appointment_id
    exchange(a, laptop_b)
    listing = open_list(qtbot, signed_in)
    dialog = open_item(qtbot, listing, POSSIBLE_DUPLICATE)
    assert dialog.findChild(QLabel, "theirs_9").text() == "1"  # B's record has the visit
    settle_with(qtbot, dialog, "merge_here")
    answer(qtbot, "Merge")
    wait_settled(qtbot, listing, dialog)
    exchange(a, laptop_b)
    for core in (a, laptop_b):
        assert patient(core, there)["merged_into"] == here and patient(core, there)["deleted"]

        def visit_of(session: Any) -> uuid.UUID:
            return session.scalar(select(Appointment.patient_id).where(Appointment.id == visit))

        assert core.tx.read(visit_of) == here
    assert AttentionApi(laptop_b).items() == []


def test_a_merge_the_core_refuses_is_offered_disabled_with_the_reason(
    signed_in: Any, laptop_b: ClinicCore, qtbot: Any
) -> None:
    from forms.examples import answers_for

    a = signed_in.ctx.core
    _here, there = duplicates(a, laptop_b)
    view = a.forms.start(there, "consent_treatment").value
    a.forms.complete(
        view.record_id, answers_for(a.forms.library().get("consent_treatment")), lang="en"
    )
    listing = open_list(qtbot, signed_in)
    dialog = open_item(qtbot, listing, POSSIBLE_DUPLICATE)
    assert not dialog.buttons["merge_here"].isEnabled()  # would change a signed form
    assert "signed form never changes" in dialog.buttons["merge_here"].toolTip()
    assert dialog.buttons["merge_arrived"].isEnabled()
    assert "signed form never changes" in dialog.status.text()


def test_an_item_settled_on_the_other_laptop_leaves_the_status_count_after_the_sync(
    signed_in: Any, laptop_b: ClinicCore, qtbot: Any
) -> None:
    """The status area's count is the core's open items: the sync's changes settle what the
    other laptop answered, with the list never opened here."""
    a = signed_in.ctx.core
    duplicates(a, laptop_b)
    assert len(a.remote.needs_attention()) == 1
    AttentionApi(laptop_b).keep_both(AttentionApi(laptop_b).items()[0].id)
    exchange(a, laptop_b)  # remote changes published on A, as a sync's are
    qtbot.waitUntil(lambda: a.remote.needs_attention() == [], timeout=WAIT)
    assert a.sync.status().needs_attention == 0


# --- a double booking ---------------------------------------------------------------------


def test_rebook_one_of_a_double_booked_slot_through_the_booking_flow(
    signed_in: Any, laptop_b: ClinicCore, qtbot: Any
) -> None:
    a = signed_in.ctx.core
    p1 = a.patients.register(grace(), confirmed_new=True).value
    p2 = a.patients.register(
        PatientInput(given_name="Juma", family_name="Mwangi", estimated_age_years="40"),
        confirmed_new=True,
    ).value
    exchange(a, laptop_b)
    choices = a.schedule.booking_choices()
    at = dt.datetime.combine(a.today() + dt.timedelta(days=1), dt.time(9))
    for core, who in ((a, p1), (laptop_b, p2)):
        core.schedule.book(
            patient_id=who,
            provider_id=choices.providers[0].provider_id,
            type_id=choices.types[0].type_id,
            starts_at=at,
        )
    exchange(a, laptop_b)
    listing = open_list(qtbot, signed_in)
    dialog = open_item(qtbot, listing, DOUBLE_BOOKED)
    assert {
        dialog.findChild(QLabel, "mine_1").text(),
        dialog.findChild(QLabel, "theirs_1").text(),
    } == {
        "Grace Wambui",
        "Juma Mwangi",
    }
    assert list(dialog.buttons) == ["rebook_here", "rebook_arrived", "both"]
    settle_with(qtbot, dialog, "rebook_here")
    booking = dialog.booking
    qtbot.waitUntil(lambda: booking.provider.count() > 0, timeout=WAIT)
    booking.time.setText("14:00")
    qtbot.mouseClick(booking.save_button, Qt.MouseButton.LeftButton)
    wait_settled(qtbot, listing, dialog)
    exchange(a, laptop_b)
    assert AttentionApi(laptop_b).items() == []


# --- screenshots --------------------------------------------------------------------------


@pytest.mark.skipif(not OUT, reason="screenshots are made on demand (OUTPOST_SCREENSHOTS)")
def test_needs_attention_screenshots(signed_in: Any, laptop_b: ClinicCore, qtbot: Any) -> None:
    a = signed_in.ctx.core
    dob_conflict(a, laptop_b)
    duplicates(a, laptop_b)
    listing = open_list(qtbot, signed_in)
    qtbot.waitUntil(lambda: len(listing.items) == 2, timeout=WAIT)
    listing.resize(1000, 420)
    listing.table.selectRow(0)
    QApplication.processEvents()
    target = Path(OUT)
    target.mkdir(parents=True, exist_ok=True)
    assert listing.grab().save(str(target / "desk-21b-needs-attention-list.png"))
    dialog = open_item(qtbot, listing, SAFETY_CRITICAL)
    dialog.resize(900, 460)
    QApplication.processEvents()
    assert dialog.grab().save(str(target / "desk-21-needs-attention-compare.png"))
