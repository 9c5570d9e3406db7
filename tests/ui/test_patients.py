"""Patients: registration with problems shown beside their fields, the likely-duplicate
warning side by side, search as you type with stale answers dropped."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from tests.ui.conftest import find_window, register
from ui.duplicate_dialog import DuplicateDialog
from ui.patient_dialog import PatientDialog


def open_registration(qtbot, window) -> PatientDialog:
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = find_window(PatientDialog)
    assert dialog is not None, "Ctrl+N opens the registration"
    return dialog


def type_into(qtbot, dialog: PatientDialog, **values: str) -> None:
    for name, text in values.items():
        field = dialog.fields[name]
        field.clear()
        qtbot.keyClicks(field, text)


def test_validation_problems_are_shown_beside_their_fields(signed_in, qtbot) -> None:
    window = signed_in.window
    dialog = open_registration(qtbot, window)
    type_into(qtbot, dialog, family_name="Kamau", phone="12", birth_date="1984-13-40")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.errors["given_name"].isVisible(), timeout=20_000)
    for name in ("given_name", "phone", "birth_date"):
        assert dialog.errors[name].isVisible(), name
        assert dialog.errors[name].message
        assert dialog.fields[name].accessibleDescription() == dialog.errors[name].message
    for name in ("family_name", "village", "national_id"):
        assert not dialog.errors[name].isVisible(), name
    assert "given name" in dialog.errors["given_name"].message
    assert "YYYY-MM-DD" in dialog.errors["birth_date"].message
    assert dialog.focusWidget() is dialog.fields["given_name"]  # the first problem

    # An estimated age is allowed instead of the date.
    dialog.age_only.setChecked(True)
    qtbot.keyClicks(dialog.age, "45")
    type_into(qtbot, dialog, given_name="Wanjiru", phone="0712 345 678")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.patients.record.chart is not None, timeout=20_000)
    record = window.patients.record
    assert record.chart.details.full_name == "Wanjiru Kamau"
    assert record.chart.details.birth_date_estimated
    assert "about 45 y" in record.summary.text()


def test_a_likely_duplicate_is_shown_side_by_side(signed_in, qtbot) -> None:
    core, window = signed_in.ctx.core, signed_in.window
    existing = register(
        core, "Wanjiru", "Kamau", phone="0712345678", village="Gatundu", birth_date="1990-04-02"
    )
    register(
        core, "Wanjiru", "Kamau", phone="0733111222", village="Kiambu", birth_date="1991-01-09"
    )

    dialog = open_registration(qtbot, window)
    type_into(
        qtbot,
        dialog,
        given_name="Wanjiru",
        family_name="Kamau",
        phone="0712 345 678",
        village="Gatundu",
        birth_date="02/04/1990",
    )
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: find_window(DuplicateDialog) is not None, timeout=20_000)
    duplicates = find_window(DuplicateDialog)
    candidates = duplicates.candidates
    assert candidates[0][0].patient_id == existing  # the strongest first
    table = duplicates.findChild(QLabel, "reasons_1").parentWidget()
    texts = [label.text() for label in table.findChildren(QLabel)]
    assert "You are registering" in texts
    assert "Already registered (1)" in texts and "Already registered (2)" in texts
    reasons = duplicates.findChild(QLabel, "reasons_1").text()
    assert "same phone" in reasons and "similar name" in reasons
    assert any("0712 345678" in t and "✓ same" in t for t in texts)  # the shared phone
    assert any("Gatundu" in t for t in texts) and any("Kiambu" in t for t in texts)

    # "Register as a different person" registers after all, and opens the new record.
    qtbot.mouseClick(duplicates.register_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.patients.record.chart is not None, timeout=20_000)
    assert window.patients.record.patient_id != existing


def test_open_existing_instead_of_registering(signed_in, qtbot) -> None:
    core, window = signed_in.ctx.core, signed_in.window
    existing = register(core, "Mohamed", "Abdi", phone="0722000111")
    dialog = open_registration(qtbot, window)
    type_into(qtbot, dialog, given_name="Muhammad", family_name="Abdi", phone="0722000111")
    dialog.age_unknown.setChecked(True)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: find_window(DuplicateDialog) is not None, timeout=20_000)
    qtbot.mouseClick(find_window(DuplicateDialog).open_buttons[0], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.patients.record.chart is not None, timeout=20_000)
    assert window.patients.record.patient_id == existing
    assert find_window(PatientDialog) is None


def test_search_as_you_type_finds_the_patient(signed_in, qtbot) -> None:
    core, window = signed_in.ctx.core, signed_in.window
    wanted = register(core, "Wanjiru", "Kamau", phone="0712345678", national_id="23456789")
    register(core, "Otieno", "Odhiambo")
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    patients = window.patients
    assert patients.search_field.hasFocus()
    qtbot.keyClicks(patients.search_field, "wanjru kam")  # a typo, as at the desk
    qtbot.waitUntil(
        lambda: bool(patients.model.hits) and patients._hits_query == "wanjru kam", timeout=20_000
    )
    assert patients.model.hits[0].patient_id == wanted
    assert "Patients found: 1" in patients.status.text()

    for query in ("0712345678", "23456789"):
        patients.search_field.clear()
        qtbot.keyClicks(patients.search_field, query)
        qtbot.waitUntil(lambda q=query: patients._hits_query == q, timeout=20_000)
        assert [h.patient_id for h in patients.model.hits] == [wanted], query

    qtbot.keyClick(patients.search_field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: patients.record.chart is not None, timeout=20_000)
    assert patients.record.patient_id == wanted


def test_stale_answers_are_dropped(signed_in, qtbot) -> None:
    from ui.live_search import LiveSearch

    core = signed_in.ctx.core
    register(core, "Achieng", "Otieno")
    register(core, "Wanjiru", "Kamau")
    search = LiveSearch(signed_in.ctx, debounce_ms=0)
    answers: list[tuple[str, list]] = []
    search.results_ready.connect(lambda q, hits: answers.append((q, hits)))
    for text in ("a", "ac", "ach", "wan"):  # typed faster than the searches come back
        search.set_query(text)
        search.search_now()
    qtbot.waitUntil(lambda: bool(answers), timeout=20_000)
    qtbot.wait(100)
    assert [q for q, _hits in answers] == ["wan"]
    assert answers[0][1][0].display_name == "Wanjiru Kamau"
    assert search.searches_run <= 2  # the one running, then only the latest


def test_a_search_answered_after_its_screen_closed_is_dropped_quietly(signed_in, qtbot) -> None:
    from PySide6.QtCore import QObject
    from shiboken6 import Shiboken

    from ui.live_search import LiveSearch

    register(signed_in.ctx.core, "Achieng", "Otieno")
    screen = QObject()
    search = LiveSearch(signed_in.ctx, screen, debounce_ms=0)
    search.set_query("achieng")
    search.search_now()
    Shiboken.delete(screen)  # closed while the search runs: it goes with it
    answered: list[object] = []
    signed_in.ctx.ask(lambda core: None, lambda value, error: answered.append(error))
    qtbot.waitUntil(lambda: bool(answered), timeout=20_000)  # the search's answer came first
    qtbot.wait(50)
    assert answered == [None]  # and nothing was raised on the way (pytest-qt would fail)


# --- defects of issue 7 ---------------------------------------------------------------------


def _open_record(qtbot, window, patient_id):
    window.show_patient(patient_id)
    record = window.patients.record
    qtbot.waitUntil(
        lambda: record.chart is not None and record.chart.patient_id == patient_id,
        timeout=20_000,
    )
    return record


def _rows(view) -> list[str]:
    model = view.model()
    return [model.index(r, 0).data() or "" for r in range(model.rowCount())]


def test_an_open_record_shows_an_appointment_booked_elsewhere(signed_in, qtbot) -> None:
    """Defect 3: the record follows the core's change events."""
    import datetime as dt

    from tests.ui.conftest import set_up_clinic

    core, window = signed_in.ctx.core, signed_in.window
    window.show()
    clinic = set_up_clinic(core)
    patient = register(core, "Achieng", "Otieno")
    record = _open_record(qtbot, window, patient)
    assert record.appointments_model.rowCount() == 0
    # Booked from the Calendar, Today or another window: the core announces it.
    when = dt.datetime.combine(core.today() + dt.timedelta(days=3), dt.time(10))
    core.schedule.book(
        patient_id=patient,
        provider_id=clinic.provider_id,
        type_id=clinic.type_id,
        starts_at=when,
    )
    qtbot.waitUntil(lambda: record.appointments_model.rowCount() == 1, timeout=20_000)
    # The refresh did not audit another opening.
    views = [h for h in core.patients.history(patient) if h.action == "view"]
    assert len(views) == 1


def test_f5_reloads_the_open_record(signed_in, qtbot) -> None:
    """Defect 3: F5 reads the record again (here a change no event announced)."""
    import datetime as dt

    from tests.ui.conftest import book, set_up_clinic

    core, window = signed_in.ctx.core, signed_in.window
    window.show()
    clinic = set_up_clinic(core)
    patient = register(core, "Achieng", "Otieno")
    record = _open_record(qtbot, window, patient)
    when = dt.datetime.combine(core.today() + dt.timedelta(days=3), dt.time(9))
    book(core, clinic, patient, when)
    qtbot.wait(200)
    assert record.appointments_model.rowCount() == 0  # written behind the core's back
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5_000)
    qtbot.keyClick(window, Qt.Key.Key_F5)  # the window's Refresh
    qtbot.waitUntil(lambda: record.appointments_model.rowCount() == 1, timeout=20_000)


def test_the_date_of_birth_or_age_not_known_is_required(signed_in, qtbot) -> None:
    """Defect 4: screen, rule and record agree."""
    window = signed_in.window
    window.show()
    dialog = open_registration(qtbot, window)
    assert "*" in dialog.birth_known.parentWidget().title()
    type_into(qtbot, dialog, given_name="Neema", family_name="Juma")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.errors["birth_date"].isVisible(), timeout=20_000)
    assert "Age not known" in dialog.errors["birth_date"].message
    dialog.age_unknown.setChecked(True)
    assert not dialog.errors["birth_date"].isVisible()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    record = window.patients.record
    qtbot.waitUntil(lambda: record.chart is not None, timeout=20_000)
    assert record.chart.details.age_unknown
    assert "Age not known" in record.summary.text()
    birth = record.findChild(QLabel, "detail_birth_date")
    assert birth is not None and birth.text() == "Age not known"


def test_a_problem_goes_as_soon_as_its_field_is_edited(signed_in, qtbot) -> None:
    """Defect 7."""
    window = signed_in.window
    window.show()
    dialog = open_registration(qtbot, window)
    type_into(qtbot, dialog, given_name="Neema", phone="12", birth_date="2031-02-30")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.errors["phone"].isVisible(), timeout=20_000)
    # Defect 13: the day that does not exist is named.
    assert "There is no 30 February 2031" in dialog.errors["birth_date"].message
    qtbot.keyClicks(dialog.fields["phone"], "3")
    assert not dialog.errors["phone"].isVisible()
    assert dialog.fields["phone"].accessibleDescription() == ""
    assert dialog.errors["birth_date"].isVisible()  # the others stay until edited
    qtbot.keyClick(dialog.fields["birth_date"], Qt.Key.Key_Backspace)
    assert not dialog.errors["birth_date"].isVisible()


def test_ctrl_n_takes_the_name_only_from_the_current_search(signed_in, qtbot) -> None:
    """Defect 8: capitalised and selected; an old search is not used."""
    core, window = signed_in.ctx.core, signed_in.window
    window.show()
    wanted = register(core, "Otieno", "Odhiambo")
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    patients = window.patients
    qtbot.keyClicks(patients.search_field, "wanjiru ng'ang'a")
    dialog = open_registration(qtbot, window)
    assert dialog.fields["given_name"].text() == "Wanjiru"
    assert dialog.fields["family_name"].text() == "Ng'ang'a"
    assert dialog.fields["given_name"].selectedText() == "Wanjiru"
    assert not dialog.has_unsaved_changes()
    dialog.reject()
    qtbot.waitUntil(lambda: find_window(PatientDialog) is None, timeout=5_000)

    # An old search: the person opened a record, went to Today, and now presses Ctrl+N.
    patients.search_field.clear()
    qtbot.keyClicks(patients.search_field, "otieno")
    window.show_patient(wanted)
    window.show_today()
    dialog = open_registration(qtbot, window)
    assert dialog.fields["given_name"].text() == ""
    assert dialog.fields["family_name"].text() == ""


def test_tab_goes_to_the_phone_before_language_and_coverage(signed_in, qtbot) -> None:
    """Defect 17: the tab order follows reading order."""
    window = signed_in.window
    window.show()
    dialog = open_registration(qtbot, window)
    wanted = {"national_id", "clinic_number", "phone", "preferred_language", "coverage_scheme"}
    order: list[str] = []
    widget = dialog.fields["given_name"]
    for _ in range(200):
        widget = widget.nextInFocusChain()
        if widget.objectName() in wanted and widget.objectName() not in order:
            order.append(widget.objectName())
        if widget is dialog.fields["given_name"]:
            break
    assert order == [
        "national_id",
        "clinic_number",
        "phone",
        "preferred_language",
        "coverage_scheme",
    ]


def test_the_record_shows_the_clinic_number_and_one_phone_format(signed_in, qtbot) -> None:
    """Defects 17 and 22: the clinic number instead of the id; phones as everywhere."""
    core, window = signed_in.ctx.core, signed_in.window
    window.show()
    dialog = open_registration(qtbot, window)
    type_into(qtbot, dialog, given_name="Baraka", family_name="Mwangi", phone="+254712345678")
    dialog.age_only.setChecked(True)
    qtbot.keyClicks(dialog.age, "30")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    record = window.patients.record
    qtbot.waitUntil(lambda: record.chart is not None, timeout=20_000)
    details = record.chart.details
    assert details.clinic_number.startswith("KHP-")
    assert f"Clinic no. {details.clinic_number}" in record.summary.text()
    assert str(details.id) not in record.summary.text()
    assert "0712 345678" in record.summary.text()
    assert details.phone == core.patients.details(details.id).phone == "0712 345678"
    # And the search finds the number.
    window.find_patient()
    patients = window.patients
    patients.search_field.clear()
    qtbot.keyClicks(patients.search_field, details.clinic_number.lower())
    qtbot.waitUntil(lambda: patients._hits_query == details.clinic_number.lower(), timeout=20_000)
    assert [h.patient_id for h in patients.model.hits] == [details.id]


def test_the_record_marks_a_late_appointment_as_today_does(signed_in, qtbot) -> None:
    """At 10:25 an 08:30 appointment still booked is late in the record too, in words."""
    import datetime as dt

    from desktop.clock import ClinicClock
    from tests.ui.conftest import set_up_clinic
    from ui import labels

    core, window = signed_in.ctx.core, signed_in.window
    window.show()
    clinic = set_up_clinic(core)
    patient = register(core, "Achieng", "Otieno")
    day = core.today() + dt.timedelta(days=2)
    booked = core.schedule.book(
        patient_id=patient,
        provider_id=clinic.provider_id,
        type_id=clinic.type_id,
        starts_at=dt.datetime.combine(day, dt.time(8, 30)),
    ).value
    instant = dt.datetime.combine(day, dt.time(10, 25), core.zone).astimezone(dt.UTC)
    core.clock = ClinicClock(core.zone, now=lambda: instant)
    (today_entry,) = [
        e for e in core.schedule.day(day) if e.appointment_id == booked.appointment_id
    ]
    assert today_entry.late
    record = _open_record(qtbot, window, patient)
    (appointment,) = record.chart.appointments
    assert appointment.late
    status = record.appointments_model.item(0, 3).text()
    assert status == labels.status_text("booked", late=True)
    assert "Late" in status


def test_tab_in_the_record_starts_at_back_to_the_search(signed_in, qtbot) -> None:
    """The record widget itself is no invisible Tab stop before "◀ Back to the search"."""
    from PySide6.QtCore import Qt as _Qt

    window = signed_in.window
    window.show()
    patient = register(signed_in.ctx.core, "Achieng", "Otieno")
    record = _open_record(qtbot, window, patient)
    assert not record.focusPolicy() & _Qt.FocusPolicy.TabFocus
    stops = []
    widget = record.nextInFocusChain()
    while widget is not record and len(stops) < 200:
        if (
            record.isAncestorOf(widget)
            and widget.isVisible()
            and widget.isEnabled()
            and widget.focusPolicy() & _Qt.FocusPolicy.TabFocus
        ):
            stops.append(widget)
        widget = widget.nextInFocusChain()
    assert stops and stops[0] is record.back_button
