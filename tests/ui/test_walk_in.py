"""Walk-ins on the real Today screen: a patient who came without an appointment is found (or
registered on the spot) and joins the check-in queue, marked as a walk-in; one booked today is
asked about first."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from tests.ui.conftest import find_window, register, set_up_clinic
from tests.ui.test_patients import type_into
from ui.patient_dialog import PatientDialog
from ui.util import combo_select, is_alive
from ui.walk_in_dialog import WalkInDialog


def _queue(today) -> list[tuple[str, str]]:
    model = today.queue_model
    return [
        (model.index(r, 0).data() or "", model.index(r, 1).data() or "")
        for r in range(model.rowCount())
    ]


def _open_walk_in(qtbot, window) -> WalkInDialog:
    window.show_today()
    qtbot.mouseClick(window.today.walk_in_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: find_window(WalkInDialog) is not None, timeout=20_000)
    dialog = find_window(WalkInDialog)
    qtbot.waitUntil(lambda: dialog.provider.count() > 1, timeout=20_000)  # choices read
    return dialog


def test_a_walk_in_found_by_name_joins_the_queue_marked_walk_in(signed_in, qtbot) -> None:
    core, window = signed_in.ctx.core, signed_in.window
    window.show()
    set_up_clinic(core)
    register(core, "Wanjiru", "Kamau", birth_date="1990-04-02")
    today = window.today
    assert today.walk_in_button.isEnabled()
    qtbot.waitUntil(lambda: _queue(today) == [("Nobody waiting", "")], timeout=20_000)

    dialog = _open_walk_in(qtbot, window)
    qtbot.keyClicks(dialog.patient_search, "wanjru kamau")  # a typo, as people type
    qtbot.waitUntil(lambda: dialog.patient is not None, timeout=20_000)
    assert dialog.patient_label.text() == "Walk-in: Wanjiru Kamau"
    qtbot.keyClicks(dialog.reason, "Fever")
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)  # Enter adds
    qtbot.waitUntil(lambda: not is_alive(dialog) or not dialog.isVisible(), timeout=20_000)

    qtbot.waitUntil(lambda: _queue(today)[0][0] == "Wanjiru Kamau", timeout=20_000)
    assert _queue(today) == [("Wanjiru Kamau", "● Arrived · walk-in")]
    # In the day's list too, and selected there.
    qtbot.waitUntil(lambda: today.selected_entry() is not None, timeout=20_000)
    entry = today.selected_entry()
    assert entry.walk_in and entry.patient_name == "Wanjiru Kamau" and entry.reason == "Fever"
    walked = core.schedule.today().queue
    assert [w.entry.appointment_id for w in walked] == [entry.appointment_id]


def test_a_walk_in_registered_on_the_spot(signed_in, qtbot) -> None:
    core, window = signed_in.ctx.core, signed_in.window
    window.show()
    clinic = set_up_clinic(core)
    dialog = _open_walk_in(qtbot, window)
    qtbot.keyClicks(dialog.patient_search, "neema juma")
    qtbot.mouseClick(dialog.new_patient_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: find_window(PatientDialog) is not None, timeout=20_000)
    registration = find_window(PatientDialog)
    assert registration.fields["given_name"].text() == "Neema"  # what was searched for
    assert registration.fields["family_name"].text() == "Juma"
    type_into(qtbot, registration, birth_date="1995-07-14")
    qtbot.mouseClick(registration.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.patient is not None, timeout=20_000)
    assert dialog.patient[1] == "Neema Juma"
    # The nurse this time, not whoever has the fewest waiting.
    assert combo_select(dialog.provider, clinic.other_provider_id)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    today = window.today
    qtbot.waitUntil(lambda: _queue(today)[0][0] == "Neema Juma", timeout=20_000)
    assert _queue(today)[0][1] == "● Arrived · walk-in"
    (waiting,) = core.schedule.today().queue
    assert waiting.entry.provider_id == clinic.other_provider_id and waiting.entry.walk_in


def test_a_patient_booked_today_is_asked_about_before_walking_in(signed_in, qtbot) -> None:
    core, window = signed_in.ctx.core, signed_in.window
    window.show()
    clinic = set_up_clinic(core)
    pid = register(core, "Baraka", "Juma", birth_date="1988-01-09")
    # Inside the providers' 07:00–19:00 whatever the hour the suite runs: two hours ahead
    # when that is still a working hour today, else the day's last slot (already past).
    now = core.clock.now().replace(tzinfo=None, second=0, microsecond=0)
    later = now.replace(minute=0) + dt.timedelta(hours=2)
    if later.date() != core.today() or not dt.time(7) <= later.time() <= dt.time(18, 30):
        later = dt.datetime.combine(core.today(), dt.time(18, 30))
        if now.time() < dt.time(7):
            later = dt.datetime.combine(core.today(), dt.time(9))
    core.schedule.book(
        patient_id=pid,
        provider_id=clinic.provider_id,
        type_id=clinic.type_id,
        starts_at=later,
        same_day_ok=True,
    )
    dialog = _open_walk_in(qtbot, window)
    qtbot.keyClicks(dialog.patient_search, "baraka juma")
    qtbot.waitUntil(lambda: dialog.patient is not None, timeout=20_000)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: find_window(QMessageBox) is not None, timeout=20_000)
    box = find_window(QMessageBox)
    assert f"{later:%H:%M}" in box.text() and "Check that appointment in" in box.text()
    assert core.schedule.today().queue == ()
    add = next(b for b in box.buttons() if b.text() == "Add as a walk-in")
    qtbot.mouseClick(add, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not is_alive(dialog) or not dialog.isVisible(), timeout=20_000)
    assert [w.entry.walk_in for w in core.schedule.today().queue] == [True]


def test_walk_in_is_for_today_only(signed_in, qtbot) -> None:
    core, window = signed_in.ctx.core, signed_in.window
    window.show()
    set_up_clinic(core)
    today = window.today
    today.go_to(1)
    assert not today.walk_in_button.isEnabled()
    window.walk_in()  # the menu's Walk-in… (Ctrl+Shift+I): back to today, and asks
    qtbot.waitUntil(lambda: find_window(WalkInDialog) is not None, timeout=20_000)
    assert today.day == core.today() and today.walk_in_button.isEnabled()
    find_window(WalkInDialog).reject()


def test_the_patient_s_record_says_the_visit_was_a_walk_in(signed_in, qtbot) -> None:
    core, window = signed_in.ctx.core, signed_in.window
    window.show()
    set_up_clinic(core)
    pid = register(core, "Wanjiru", "Kamau", birth_date="1990-04-02")
    core.schedule.walk_in(pid)
    window.show_patient(pid)
    record = window.patients.record
    qtbot.waitUntil(lambda: record.chart is not None, timeout=20_000)
    assert record.chart.appointments[0].walk_in
    assert record.appointments_model.index(0, 3).data() == "● Arrived · walk-in"
