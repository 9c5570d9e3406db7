"""Today and the calendar: check in from Today, book a follow-up from a visit, and a
double booking refused with the clash shown."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt

from tests.ui.conftest import book, find_window, register, set_up_clinic
from ui.booking_dialog import BookingDialog
from ui.util import combo_select, is_alive


def entry_status(today, appointment_id) -> str | None:
    index = today._find(appointment_id)
    if index is None:
        return None
    return (
        today.model.itemFromIndex(index.siblingAtColumn(0))
        .data(Qt.ItemDataRole.UserRole + 1)
        .status.value
    )


def test_check_in_from_today(signed_in, qtbot) -> None:
    core, window = signed_in.ctx.core, signed_in.window
    clinic = set_up_clinic(core)
    patient = register(core, "Achieng", "Otieno")
    today = core.today()
    appointment = book(core, clinic, patient, dt.datetime.combine(today, dt.time(9, 0)))
    window.today.refresh()
    view = window.today
    qtbot.waitUntil(lambda: view._find(appointment) is not None, timeout=20_000)
    assert "Achieng Otieno" in view.model.item(0).child(0, 1).text()

    assert view.select_appointment(appointment)
    assert view.check_in_button.isEnabled() and not view.complete_button.isEnabled()
    qtbot.keyClick(window, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)  # Ctrl+I
    qtbot.waitUntil(lambda: entry_status(view, appointment) == "arrived", timeout=20_000)
    assert view.queue_model.item(0, 0).text() == "Achieng Otieno"
    assert "Arrived" in view.queue_model.item(0, 1).text()
    assert view.selected_entry().appointment_id == appointment  # selection kept

    qtbot.mouseClick(view.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: entry_status(view, appointment) == "in_consultation", timeout=20_000)
    qtbot.mouseClick(view.complete_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: entry_status(view, appointment) == "completed", timeout=20_000)
    assert "Nobody waiting" in view.queue_model.item(0, 0).text()


def test_late_and_no_show_are_marked_in_words_not_only_colour(signed_in, qtbot) -> None:
    from desktop.services import scheduling

    core, window = signed_in.ctx.core, signed_in.window
    clinic = set_up_clinic(core)
    yesterday = core.today() - dt.timedelta(days=1)
    late = book(
        core, clinic, register(core, "Late", "Comer"), dt.datetime.combine(yesterday, dt.time(9, 0))
    )
    absent = book(
        core,
        clinic,
        register(core, "Never", "Came"),
        dt.datetime.combine(yesterday, dt.time(10, 0)),
    )
    with core.store.session() as session, session.begin():
        scheduling.mark_no_show(session, core.actor, absent)
    view = window.today
    view.show_day(yesterday)
    qtbot.waitUntil(lambda: view._find(absent) is not None, timeout=20_000)
    status_of = {
        late: view.model.itemFromIndex(view._find(late).siblingAtColumn(3)).text(),
        absent: view.model.itemFromIndex(view._find(absent).siblingAtColumn(3)).text(),
    }
    assert status_of[late] == "⚠ Late"
    assert status_of[absent] == "✗ No-show"


def test_book_a_follow_up_from_a_visit(signed_in, qtbot) -> None:
    from desktop.services import scheduling

    core, window = signed_in.ctx.core, signed_in.window
    clinic = set_up_clinic(core)
    patient = register(core, "Achieng", "Otieno")
    visit = book(core, clinic, patient, dt.datetime.combine(core.today(), dt.time(9, 0)))
    view = window.today
    view.refresh()
    qtbot.waitUntil(lambda: view._find(visit) is not None, timeout=20_000)
    view.select_appointment(visit)
    qtbot.mouseClick(view.follow_up_button, Qt.MouseButton.LeftButton)
    dialog = find_window(BookingDialog)
    assert dialog is not None and dialog.mode == "follow_up"
    qtbot.waitUntil(lambda: dialog.save_button.isEnabled(), timeout=20_000)
    assert dialog.patient_label.text() == "Achieng Otieno"
    assert dialog.reason.text() == "Follow-up"
    when = core.today() + dt.timedelta(days=14)
    assert dialog.date.date() == QDate(when.year, when.month, when.day)
    dialog.time.setText("10:30")
    booked: list = []
    dialog.booked.connect(booked.append)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(booked), timeout=20_000)
    with core.store.session() as session:
        follow_up = scheduling.get_appointment(session, booked[0])
        assert follow_up.follow_up_of_id == visit
        assert follow_up.patient_id == patient
        assert follow_up.starts_at.astimezone(core.zone).time() == dt.time(10, 30)


def test_double_booking_is_refused_with_the_clash_shown(signed_in, qtbot) -> None:
    core, window = signed_in.ctx.core, signed_in.window
    clinic = set_up_clinic(core)
    first = register(core, "Achieng", "Otieno")
    second = register(core, "Peter", "Mwangi")
    day = core.today() + dt.timedelta(days=1)
    book(core, clinic, first, dt.datetime.combine(day, dt.time(10, 0)))

    window.nav.setCurrentRow(1)
    window.patients.open_record(second)
    qtbot.waitUntil(lambda: window.patients.record.chart is not None, timeout=20_000)
    qtbot.keyClick(window, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)  # Ctrl+B
    dialog = find_window(BookingDialog)
    assert dialog is not None and dialog.patient == (second, "Peter Mwangi")
    qtbot.waitUntil(lambda: dialog.save_button.isEnabled(), timeout=20_000)
    assert combo_select(dialog.provider, clinic.provider_id)
    dialog.date.setDate(QDate(day.year, day.month, day.day))
    dialog.time.setText("10:15")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.when_error.isVisible(), timeout=20_000)
    clash = dialog.when_error.message
    assert clash.startswith("Dr. Achieng Otieno already sees Achieng Otieno 10:00–10:30.")
    assert dialog.isVisible()  # still open: pick another time

    # Outside the working hours: said beside the time too.
    dialog.time.setText("20:00")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "working hours" in dialog.when_error.message, timeout=20_000)

    dialog.time.setText("11:00")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not is_alive(dialog), timeout=20_000)
    calendar = window.calendar
    window.nav.setCurrentRow(2)
    calendar.show_day(day)
    qtbot.waitUntil(
        lambda: (
            calendar.data is not None
            and calendar.data.start == day
            and len(calendar.data.entries) == 2
        ),
        timeout=20_000,
    )
    texts = [
        calendar.grid.item(r, c).text()
        for r in range(calendar.grid.rowCount())
        for c in range(calendar.grid.columnCount())
        if calendar.grid.item(r, c)
    ]
    assert any("Peter Mwangi" in t for t in texts) and any("Achieng Otieno" in t for t in texts)


def test_cancelling_asks_first_and_keep_it_changes_nothing(signed_in, qtbot) -> None:
    from PySide6.QtWidgets import QMessageBox

    from desktop.services import scheduling
    from ui.appointment_actions import cancel_appointment

    core, window = signed_in.ctx.core, signed_in.window
    clinic = set_up_clinic(core)
    patient = register(core, "Baraka", "Juma")
    when = dt.datetime.combine(core.today() + dt.timedelta(days=1), dt.time(10, 0))
    appointment = book(core, clinic, patient, when)

    def status() -> str:
        with core.store.session() as session:
            return scheduling.get_appointment(session, appointment).status.value

    def answer(label: str) -> None:
        box = find_window(QMessageBox)
        assert box is not None and "Baraka" in box.text()
        button = next(b for b in box.buttons() if b.text() == label)
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    cancel_appointment(signed_in.ctx, window, appointment, "Cancel Baraka Juma's appointment?")
    qtbot.waitUntil(lambda: find_window(QMessageBox) is not None, timeout=20_000)
    answer("Keep it")
    assert status() == "booked"

    cancel_appointment(signed_in.ctx, window, appointment, "Cancel Baraka Juma's appointment?")
    qtbot.waitUntil(lambda: find_window(QMessageBox) is not None, timeout=20_000)
    answer("Cancel the appointment")
    qtbot.waitUntil(lambda: status() == "cancelled", timeout=20_000)
