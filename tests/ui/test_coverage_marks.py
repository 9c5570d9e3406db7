"""Coverage on screen: the booking dialog says when the patient's membership is expired or to
verify on the chosen day (and books all the same), and the check-in queue marks each patient
"verified this month", "to verify" or "expired", refreshed when a verification is recorded."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from desktop.store.models import SchemeKind, VerificationMethod, VerificationResult
from tests.ui.conftest import book, register, set_up_clinic
from ui.booking_dialog import BookingDialog
from ui.util import qdate


def test_the_booking_dialog_warns_of_an_expired_membership_and_books_anyway(
    signed_in, qtbot
) -> None:
    core = signed_in.ctx.core
    set_up_clinic(core)
    patient = register(core, "Achieng", "Otieno")
    today = core.today()
    scheme = core.coverage.add_scheme("NHIF", SchemeKind.GOVERNMENT).value.scheme_id
    member = core.coverage.add_membership(
        patient, scheme, "1234-5678", valid_until=today + dt.timedelta(days=3)
    ).value.membership_id
    core.coverage.verify(member, VerificationMethod.PORTAL, VerificationResult.VERIFIED)

    dialog = BookingDialog.book(signed_in.ctx, signed_in.window, patient=(patient, "Achieng"))
    dialog.open()
    qtbot.waitUntil(lambda: dialog.save_button.isEnabled(), timeout=20_000)
    warning = dialog.coverage_warning
    assert not warning.isVisible()  # verified today: nothing to say

    dialog.date.setDate(qdate(today + dt.timedelta(days=10)))
    qtbot.waitUntil(warning.isVisible, timeout=20_000)
    assert warning.text().startswith("⚠ Coverage expired: NHIF 1234-5678 expired on ")
    assert "may have to pay cash" in warning.text()
    dialog.date.setDate(qdate(today + dt.timedelta(days=1)))
    qtbot.waitUntil(lambda: not warning.isVisible(), timeout=20_000)

    # Never a refusal: booked for after the expiry all the same.
    dialog.date.setDate(qdate(today + dt.timedelta(days=10)))
    qtbot.waitUntil(warning.isVisible, timeout=20_000)
    dialog.kind.setCurrentIndex(0)
    with qtbot.waitSignal(dialog.booked, timeout=20_000) as booked:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    entry = core.schedule.appointment(booked.args[0])
    assert entry.patient_id == patient and entry.starts_at.date() == today + dt.timedelta(days=10)


def test_the_check_in_queue_marks_each_patient_s_coverage(signed_in, qtbot) -> None:
    core, view = signed_in.ctx.core, signed_in.window.today
    clinic = set_up_clinic(core)
    today = core.today()
    scheme = core.coverage.add_scheme("NHIF", SchemeKind.GOVERNMENT).value.scheme_id
    names = ("Achieng Otieno", "Baraka Juma", "Chebet Kiprono", "Dida Halake")
    people = [register(core, *name.split()) for name in names]
    members = [
        core.coverage.add_membership(pid, scheme, f"N-{n}").value.membership_id
        for n, pid in enumerate(people[:3])
    ]
    core.coverage.verify(members[0], VerificationMethod.CARD_SEEN, VerificationResult.VERIFIED)
    core.coverage.edit_membership(members[2], valid_until=today - dt.timedelta(days=1))
    for hour, pid in enumerate(people, start=9):
        appointment = book(core, clinic, pid, dt.datetime.combine(today, dt.time(hour)))
        core.schedule.check_in(appointment)
    view.refresh()

    def marks() -> dict[str, str]:
        model = view.queue_model
        cells = [(model.item(r, 0), model.item(r, 3)) for r in range(model.rowCount())]
        return {name.text(): mark.text() for name, mark in cells if mark is not None}

    expected = {
        "Achieng Otieno": "✓ Verified this month",
        "Baraka Juma": "? To verify",
        "Chebet Kiprono": "✗ Expired",
        "Dida Halake": "",  # no coverage: a cash patient, nothing to mark
    }
    qtbot.waitUntil(lambda: marks() == expected, timeout=20_000)
    assert view.queue_model.horizontalHeaderItem(3).text() == "Coverage"
    row = next(r for r in range(4) if view.queue_model.item(r, 0).text() == "Baraka Juma")
    assert view.queue_model.item(row, 3).toolTip() == "NHIF N-1 never verified"

    # Verified at the desk: the queue's mark follows from the change event.
    core.coverage.verify(members[1], VerificationMethod.PHONE, VerificationResult.VERIFIED)
    qtbot.waitUntil(lambda: marks()["Baraka Juma"] == "✓ Verified this month", timeout=20_000)
