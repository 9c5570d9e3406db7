"""Today and the calendar: check in from Today, book a follow-up from a visit, and a
double booking refused with the clash shown."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt

from desktop.clock import ClinicClock
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
    # The clinic's clock stopped where it is: run across clinic midnight, Today would turn
    # to the new day under the test and lose the appointment it checks in.
    instant = core.clock.now()
    core.clock = ClinicClock(core.zone, now=lambda: instant)
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
    window.book()  # Appointment → Book an appointment… (Ctrl+B)
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


# --- the booking dialog (issue 7: defects 5, 11, 18, 19) ----------------------------------


def open_booking(signed_in, qtbot, patient: tuple) -> BookingDialog:
    dialog = BookingDialog.book(signed_in.ctx, signed_in.window, patient=patient)
    dialog.open()
    qtbot.waitUntil(lambda: dialog.save_button.isEnabled(), timeout=20_000)
    return dialog


def stored_start(core, appointment_id) -> dt.datetime:
    return core.schedule.appointment(appointment_id).starts_at.replace(tzinfo=None)


def test_a_clash_offers_the_next_free_times_and_enter_still_books(signed_in, qtbot) -> None:
    from PySide6.QtWidgets import QApplication, QMessageBox

    core = signed_in.ctx.core
    clinic = set_up_clinic(core)
    first, second = register(core, "Achieng", "Otieno"), register(core, "Peter", "Mwangi")
    day = core.today() + dt.timedelta(days=1)
    book(core, clinic, first, dt.datetime.combine(day, dt.time(10, 0)))
    dialog = open_booking(signed_in, qtbot, (second, "Peter Mwangi"))
    combo_select(dialog.provider, clinic.provider_id)
    dialog.date.setDate(QDate(day.year, day.month, day.day))
    dialog.time.setText("10:15")
    booked: list = []
    dialog.booked.connect(booked.append)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.when_error.isVisible(), timeout=20_000)
    assert dialog.when_error.message == (
        "Dr. Achieng Otieno already sees Achieng Otieno 10:00–10:30. "
        "Free next: 10:30, 10:45, 11:00."
    )
    assert [b.text() for b in dialog.free_buttons] == ["10:30", "10:45", "11:00"]

    # Enter submits again (the time is still taken): never Cancel's "Close anyway?".
    errors_before = dialog.when_error.message
    dialog.when_error.clear_message()
    qtbot.keyClick(QApplication.focusWidget() or dialog, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.when_error.message == errors_before, timeout=20_000)
    assert find_window(QMessageBox) is None and dialog.isVisible()
    assert dialog.save_button.isDefault()

    # One click on a free time chooses it; Enter books it.
    qtbot.mouseClick(dialog.free_buttons[0], Qt.MouseButton.LeftButton)
    assert dialog.time.text() == "10:30" and not dialog.when_error.isVisible()
    qtbot.keyClick(QApplication.focusWidget() or dialog, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(booked), timeout=20_000)
    assert stored_start(core, booked[0]) == dt.datetime.combine(day, dt.time(10, 30))
    assert find_window(QMessageBox) is None


@pytest.mark.parametrize(("typed", "expected"), [("09:10", "09:10"), ("0930", "09:30")])
def test_a_typed_time_is_the_time_booked(signed_in, qtbot, typed: str, expected: str) -> None:
    core = signed_in.ctx.core
    clinic = set_up_clinic(core)
    patient = register(core, "Amani", "Mohamed")
    day = core.today() + dt.timedelta(days=2)
    dialog = open_booking(signed_in, qtbot, (patient, "Amani Mohamed"))
    combo_select(dialog.kind, clinic.type_id)
    dialog.date.setDate(QDate(day.year, day.month, day.day))
    dialog.time.setFocus()
    dialog.time.clear()
    qtbot.keyClicks(dialog.time, typed)
    dialog.reason.setFocus()  # leaving the field writes the time out in full
    assert dialog.time.text() == expected
    booked: list = []
    dialog.booked.connect(booked.append)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(booked), timeout=20_000)
    hour, minute = map(int, expected.split(":"))
    assert stored_start(core, booked[0]) == dt.datetime.combine(day, dt.time(hour, minute))


def test_a_time_that_is_not_one_is_said_beside_the_field(signed_in, qtbot) -> None:
    core = signed_in.ctx.core
    clinic = set_up_clinic(core)
    patient = register(core, "Amani", "Mohamed")
    dialog = open_booking(signed_in, qtbot, (patient, "Amani Mohamed"))
    combo_select(dialog.kind, clinic.type_id)
    dialog.time.setText("25:00")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "hours go from 00 to 23" in dialog.when_error.message
    assert dialog.isVisible()


def test_the_type_starts_unchosen_then_as_the_most_booked(signed_in, qtbot) -> None:
    from desktop.services import clinic_setup

    core = signed_in.ctx.core
    clinic = set_up_clinic(core)
    with core.store.session() as session, session.begin():
        clinic_setup.add_appointment_type(session, core.actor, "Antenatal visit", 20)
    patient = register(core, "Amani", "Mohamed")
    dialog = open_booking(signed_in, qtbot, (patient, "Amani Mohamed"))
    assert dialog.kind.currentIndex() == -1  # not "Antenatal visit", the alphabetically first
    assert dialog.kind.placeholderText() == "Choose the type of visit…"
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.kind_error.message == "Choose the type of visit."
    dialog.done(0)

    book(core, clinic, patient, dt.datetime.combine(core.today(), dt.time(9)))
    again = open_booking(signed_in, qtbot, (patient, "Amani Mohamed"))
    assert again.kind.currentData() == clinic.type_id
    assert again.kind.currentText() == "Consultation (30 min)"
    again.done(0)


def test_booking_the_same_patient_twice_on_one_day_asks_naming_the_other(signed_in, qtbot) -> None:
    from PySide6.QtWidgets import QMessageBox

    core = signed_in.ctx.core
    clinic = set_up_clinic(core)
    patient = register(core, "Baraka", "Juma")
    day = core.today() + dt.timedelta(days=3)
    book(core, clinic, patient, dt.datetime.combine(day, dt.time(10)))
    dialog = open_booking(signed_in, qtbot, (patient, "Baraka Juma"))
    combo_select(dialog.provider, clinic.other_provider_id)
    dialog.date.setDate(QDate(day.year, day.month, day.day))
    dialog.time.setText("15:00")
    booked: list = []
    dialog.booked.connect(booked.append)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: find_window(QMessageBox) is not None, timeout=20_000)
    box = find_window(QMessageBox)
    assert "Baraka Juma already has an appointment on" in box.text()
    assert "10:00–10:30 with Dr. Achieng Otieno (Consultation)" in box.text()
    assert not booked
    yes = next(b for b in box.buttons() if b.text() == "Book as well")
    qtbot.mouseClick(yes, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(booked), timeout=20_000)
    assert len(core.schedule.day(day)) == 2


def test_the_patient_list_shows_each_patients_phone(signed_in, qtbot) -> None:
    from desktop.services.phones import display_phone

    core = signed_in.ctx.core
    set_up_clinic(core)
    register(core, "Wanjiru", "Kamau", phone="0712345678")
    dialog = BookingDialog.book(signed_in.ctx, signed_in.window)
    dialog.open()
    qtbot.waitUntil(lambda: dialog.save_button.isEnabled(), timeout=20_000)
    qtbot.keyClicks(dialog.patient_search, "Wanjiru")
    qtbot.waitUntil(lambda: dialog.patient_results.count() == 1, timeout=20_000)
    text = dialog.patient_results.item(0).text()
    assert display_phone("+254712345678", core.region) in text
    assert text.startswith("Wanjiru Kamau — ")
    dialog.done(0)


def test_next_free_offers_the_providers_next_free_times(signed_in, qtbot) -> None:
    core = signed_in.ctx.core
    clinic = set_up_clinic(core)  # 07:00–19:00 every day
    patient, other = register(core, "Amani", "Mohamed"), register(core, "Neema", "Hamisi")
    day = core.today() + dt.timedelta(days=5)
    book(core, clinic, other, dt.datetime.combine(day, dt.time(7)))
    dialog = open_booking(signed_in, qtbot, (patient, "Amani Mohamed"))
    combo_select(dialog.provider, clinic.provider_id)
    combo_select(dialog.kind, clinic.type_id)
    dialog.date.setDate(QDate(day.year, day.month, day.day))
    qtbot.mouseClick(dialog.next_free_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(dialog.free_buttons), timeout=20_000)
    assert [b.text() for b in dialog.free_buttons] == ["07:30", "07:45", "08:00"]
    qtbot.mouseClick(dialog.free_buttons[0], Qt.MouseButton.LeftButton)
    assert dialog.time.text() == "07:30" and not dialog.free_box.isVisible()
    dialog.done(0)


def test_ctrl_b_from_an_open_record_books_for_that_patient(signed_in, qtbot) -> None:
    core, window = signed_in.ctx.core, signed_in.window
    set_up_clinic(core)
    patient = register(core, "Peter", "Mwangi")
    window.nav.setCurrentRow(1)
    window.patients.open_record(patient)
    qtbot.waitUntil(lambda: window.patients.record.chart is not None, timeout=20_000)
    window.activateWindow()
    qtbot.waitUntil(lambda: window.isActiveWindow(), timeout=5_000)
    qtbot.keyClick(window, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: find_window(BookingDialog) is not None, timeout=5_000)
    assert find_window(BookingDialog).patient == (patient, "Peter Mwangi")
