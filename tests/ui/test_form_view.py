"""Forms on screen: any definition rendered, conditions live, problems under their fields
(in the form's language), drafts saved as the coordinator types and reopened intact."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

import forms
from desktop.app.forms import FormStatus, FormViewData
from forms.answers import read_partial_date
from forms.examples import answers_for
from tests.ui.conftest import register
from ui.form_fields import DateField, SignatureField, VitalsField
from ui.form_view import FormView
from ui.form_view_dialogs import FormChooser
from ui.forms_gateway import FormsDesk

LEFT = Qt.MouseButton.LeftButton


# --- helpers shared by the forms tests ----------------------------------------------------------


def view_data(definition, status: str, answers, language: str, context) -> FormViewData:
    """What the core would give the form view, for a record that is not stored."""
    now = dt.datetime(2025, 3, 4, 10, 0, tzinfo=dt.UTC)
    return FormViewData(
        record_id=uuid.uuid4(),
        definition=definition,
        definition_id=definition.id,
        definition_version=definition.version,
        title=definition.title_in(language),
        status=FormStatus(status),
        answers=answers,
        language=language,
        patient=None,
        context=context,
        today=now.date(),
        created_at=now,
    )


def make_desk(signed_in) -> FormsDesk:
    return FormsDesk(lambda: signed_in.ctx)


def new_patient(signed_in, **fields: str) -> uuid.UUID:
    fields.setdefault("sex", "female")
    fields.setdefault("birth_date", "1990-04-02")
    return register(signed_in.ctx.core, "Amina", "Wanjiru Juma", **fields)


def open_new_form(
    qtbot, signed_in, desk: FormsDesk, patient_id: uuid.UUID, form_id: str
) -> FormView:
    """New form… → choose → Fill in on screen, as a coordinator would."""
    desk.last_dialog = None
    before = set(desk.views)
    desk.open_form(signed_in.window, patient_id, None)
    qtbot.waitUntil(lambda: isinstance(desk.last_dialog, FormChooser), timeout=20_000)
    chooser = desk.last_dialog
    assert isinstance(chooser, FormChooser)
    chooser.choose(form_id)
    qtbot.mouseClick(chooser.fill_button, LEFT)
    qtbot.waitUntil(lambda: bool(set(desk.views) - before), timeout=20_000)
    (record_id,) = set(desk.views) - before
    view = desk.views[record_id]
    assert view.definition.id == form_id
    return view


def reopen(
    qtbot, signed_in, desk: FormsDesk, patient_id: uuid.UUID, record_id: uuid.UUID
) -> FormView:
    desk.open_form(signed_in.window, patient_id, record_id)
    qtbot.waitUntil(lambda: record_id in desk.views, timeout=20_000)
    return desk.views[record_id]


def stored(signed_in, record_id: uuid.UUID):
    """The record as the store has it: (status, answers with images inline)."""
    from desktop.services import form_records

    signed_in.ctx.tasks.wait_for_idle()
    with signed_in.ctx.core.store.session() as session:
        record = form_records.get_record(session, record_id)
        return record.status.value, form_records.answers_of(session, record), record


def type_text(qtbot, view: FormView, field_id: str, text: str) -> None:
    widget = view.rows[field_id].widget
    target = widget.focus_target()
    target.setFocus()
    qtbot.keyClicks(target, text)


def choose(qtbot, view: FormView, field_id: str, value: object) -> None:
    widget = view.rows[field_id].widget
    for (option, _text), button in zip(widget.options, widget.buttons, strict=True):
        if option == value and type(option) is type(value):
            qtbot.mouseClick(button, LEFT, pos=QPoint(6, button.height() // 2))
            return
    raise KeyError(value)


def draw(
    qtbot,
    pad,
    strokes=(((30, 80), (80, 40), (130, 90), (180, 50), (240, 85)), ((60, 110), (220, 105))),
) -> None:
    """Strokes with the mouse: press, move, release, as a hand would."""
    for stroke in strokes:
        first = QPoint(*stroke[0])
        QTest.mousePress(pad, LEFT, Qt.KeyboardModifier.NoModifier, first)
        for x, y in stroke[1:]:
            QTest.mouseMove(pad, QPoint(x, y))
        QTest.mouseRelease(pad, LEFT, Qt.KeyboardModifier.NoModifier, QPoint(*stroke[-1]))


def answer_consent(qtbot, view: FormView) -> None:
    choose(qtbot, view, "explained_language", "en")
    choose(qtbot, view, "understood", True)
    choose(qtbot, view, "questions_answered", True)
    choose(qtbot, view, "consent", True)
    choose(qtbot, view, "signed_by", "patient")


def confirm_completion(qtbot, view: FormView) -> None:
    qtbot.waitUntil(
        lambda: view.confirm_box is not None and view.confirm_box.isVisible(), timeout=20_000
    )
    box = view.confirm_box
    accept = next(b for b in box.buttons() if box.buttonRole(b) == box.ButtonRole.AcceptRole)
    qtbot.mouseClick(accept, LEFT)


# --- tests -------------------------------------------------------------------------------------


def test_intake_is_rendered_filled_and_completed(signed_in, qtbot) -> None:
    desk = make_desk(signed_in)
    patient_id = new_patient(signed_in)
    view = open_new_form(qtbot, signed_in, desk, patient_id, "intake")

    # Every field of the definition has its widget and an accessible name.
    assert set(view.rows) == set(view.definition.fields)
    assert isinstance(view.rows["bp"].widget, VitalsField)
    assert isinstance(view.rows["visit_date"].widget, DateField)
    for row in view.rows.values():
        for target in row.widget.inputs():
            assert target.accessibleName(), row.spec.id
    # Known details came from the patient's registration.
    assert view.answers()["full_name"] == "Amina Wanjiru Juma"
    assert view.answers()["sex"] == "female"

    type_text(qtbot, view, "reason", "Fever and headache for three days.")
    view.rows["symptoms"].widget.box("fever").click()
    view.rows["symptoms"].widget.box("headache").click()
    choose(qtbot, view, "has_chronic", False)
    choose(qtbot, view, "has_allergies", True)
    type_text(qtbot, view, "allergies", "Penicillin: rash.")
    choose(qtbot, view, "takes_medication", False)
    bp = view.rows["bp"].widget
    qtbot.keyClicks(bp.edits["systolic"], "148")
    qtbot.keyClicks(bp.edits["diastolic"], "94")
    qtbot.keyClicks(view.rows["temperature"].widget.focus_target(), "38,6")
    choose(qtbot, view, "pregnant", False)
    choose(qtbot, view, "coverage", "community")
    type_text(qtbot, view, "member_number", "MUT-44-0912")

    answers = view.answers()
    assert answers["bp"] == {"systolic": 148, "diastolic": 94}
    assert answers["temperature"] == pytest.approx(38.6)
    assert answers["symptoms"] == ["fever", "headache"]
    assert answers["has_chronic"] is False

    qtbot.mouseClick(view.complete_button, LEFT)
    qtbot.waitUntil(lambda: view.status == "final", timeout=20_000)
    status, saved, _record = stored(signed_in, view.record_id)
    assert status == "final"
    assert saved["bp"] == {"systolic": 148, "diastolic": 94}
    assert saved["allergies"] == "Penicillin: rash."
    assert "chronic_conditions" not in saved  # hidden by "no long-term illness"
    assert view.read_only and not view.complete_button.isVisible()
    assert view.edit_button.isVisible()


def test_pregnancy_questions_follow_sex_and_age(signed_in, qtbot) -> None:
    desk = make_desk(signed_in)
    patient_id = new_patient(signed_in)
    view = open_new_form(qtbot, signed_in, desk, patient_id, "intake")
    pregnancy = view.sections["pregnancy"]
    assert not pregnancy.isHidden()  # a woman of 36

    choose(qtbot, view, "sex", "male")
    assert pregnancy.isHidden()
    assert "pregnant" not in view.visible_fields()

    choose(qtbot, view, "sex", "female")
    assert not pregnancy.isHidden()
    # Too old: born 1950.
    year = view.rows["date_of_birth"].widget.year
    year.selectAll()
    qtbot.keyClicks(year, "1950")
    assert pregnancy.isHidden()
    year.selectAll()
    qtbot.keyClicks(year, "2001")
    assert not pregnancy.isHidden()
    # Inside the section: while "pregnant?" is unanswered its follow-ups are asked (one
    # question too many is safer than one too few); "no" hides them.
    assert not view.rows["gestation_weeks"].isHidden()
    choose(qtbot, view, "pregnant", False)
    assert view.rows["gestation_weeks"].isHidden()
    choose(qtbot, view, "pregnant", True)
    assert not view.rows["gestation_weeks"].isHidden()
    choose(qtbot, view, "pregnant", False)
    assert view.rows["gestation_weeks"].isHidden()
    assert view.rows["lmp"].isHidden()


def test_problems_are_shown_under_their_fields_in_french(signed_in, qtbot) -> None:
    desk = make_desk(signed_in)
    patient_id = new_patient(signed_in)
    view = open_new_form(qtbot, signed_in, desk, patient_id, "intake")
    view.set_language("fr")
    assert view.lang == "fr"
    assert view.title.text() == view.definition.title_in("fr")
    assert view.answers()["full_name"] == "Amina Wanjiru Juma"  # kept across the switch

    # An impossible temperature is reported as soon as the coordinator moves on.
    temperature = view.rows["temperature"].widget.focus_target()
    temperature.setFocus()
    qtbot.keyClicks(temperature, "375")
    view.rows["pulse"].widget.focus_target().setFocus()
    qtbot.waitUntil(lambda: bool(view.rows["temperature"].error), timeout=20_000)
    assert "n'est pas possible" in view.rows["temperature"].error
    assert not view.rows["reason"].error  # not nagged about empty fields while typing

    qtbot.mouseClick(view.complete_button, LEFT)
    reason = view.rows["reason"]
    assert reason.message.isVisible()
    assert "ce champ est obligatoire" in reason.error
    assert reason.widget.focus_target().accessibleDescription() == reason.message.text()
    assert "obligatoire" in view.rows["coverage"].error
    assert not view.rows["full_name"].error  # filled: no message
    assert not view.rows["full_name"].message.isVisible()
    assert view.summary.isVisible()
    assert view.status == "draft"
    # Blood pressure half given: the message names what is missing.
    qtbot.keyClicks(view.rows["bp"].widget.edits["systolic"], "120")
    assert "diastolique" in view.rows["bp"].error  # checked live after Complete
    # Fixed: the message goes away at once.
    temperature.selectAll()
    qtbot.keyClicks(temperature, "37,2")
    assert not view.rows["temperature"].error


def test_drafts_are_saved_while_typing_and_reopen(signed_in, qtbot) -> None:
    desk = make_desk(signed_in)
    patient_id = new_patient(signed_in)
    view = open_new_form(qtbot, signed_in, desk, patient_id, "intake")
    record_id = view.record_id
    type_text(qtbot, view, "reason", "Cough at night")
    qtbot.keyClicks(view.rows["bp"].widget.edits["systolic"], "13")  # half typed
    choose(qtbot, view, "coverage", "national")
    qtbot.waitUntil(lambda: not view._dirty and not view._saving, timeout=20_000)
    status, saved, _record = stored(signed_in, record_id)
    assert status == "draft"
    assert saved["reason"] == "Cough at night"
    assert saved["coverage"] == "national"
    assert saved["bp"] == {"systolic": 13}  # kept as typed, even though not valid yet

    # Typed just before closing: saved on close, not lost.
    type_text(qtbot, view, "history_notes", "Asthma as a child")
    view.close()
    qtbot.waitUntil(lambda: record_id not in desk.views, timeout=20_000)
    _status, saved, _record = stored(signed_in, record_id)
    assert saved["history_notes"] == "Asthma as a child"

    again = reopen(qtbot, signed_in, desk, patient_id, record_id)
    assert again is not view
    assert again.rows["reason"].widget.value() == "Cough at night"
    assert again.rows["bp"].widget.edits["systolic"].text() == "13"
    assert again.rows["coverage"].widget.value() == "national"
    assert not again.read_only


@pytest.mark.parametrize(
    "form_id",
    ["intake", "consent_hiv_test", "referral", "receipt", "visit_summary", "appointment_slip"],
)
def test_every_field_type_shows_and_returns_its_answer(signed_in, qtbot, form_id) -> None:
    """Each widget reads back exactly the answer it was given (signatures, line items,
    partial dates, blood pressure...), so reopening a record never changes it."""
    definition = forms.shipped_library().get(form_id)
    answers = answers_for(definition)
    loaded = view_data(definition, "draft", answers, "en", {"clinic_phone": "+254 20 555 0100"})
    view = FormView(signed_in.ctx, loaded)
    qtbot.addWidget(view)
    shown = view.answers()
    expected = forms.clean_answers(definition, answers, context={"today": "2025-03-04"})
    for field_id, value in expected.items():
        got = shown.get(field_id)
        if isinstance(value, dict) and "signer_name" in value:
            assert got["signer_name"] == value["signer_name"]
            assert got["method"] == value["method"]
            assert got["signed_at"] == value["signed_at"]
            assert got.get("image_png") == value.get("image_png")
            assert got.get("role") == value.get("role")
        elif definition.fields[field_id].type == "partial_date":
            assert read_partial_date(got) == read_partial_date(value), field_id
        elif definition.fields[field_id].type == "multiple_choice":
            assert sorted(got) == sorted(value), field_id  # shown in the form's order
        else:
            assert got == pytest.approx(value) if isinstance(value, float) else got == value, (
                field_id
            )
    if form_id == "receipt":
        assert (
            "1,770.00" in view.rows["items"].widget.total.text()
            or "1770" in view.rows["items"].widget.total.text()
        )
    view._dirty = False


def test_signature_field_exports_what_forms_accepts(signed_in, qtbot) -> None:
    from forms.signatures import read_signature

    definition = forms.shipped_library().get("consent_treatment")
    field = definition.fields["staff_signature"]
    widget = SignatureField(field, definition, "en", suggested_name="Amina Odhiambo")
    widget.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # deleted on the GUI thread
    qtbot.addWidget(widget)
    widget.show()
    assert widget.value() is None  # a name alone is not a signature
    draw(qtbot, widget.pad)
    answer = widget.value()
    signature = read_signature("signature", answer)
    assert signature.method == "drawn" and signature.signer_name == "Amina Odhiambo"
    assert signature.signed_at.tzinfo is not None
    assert signature.image_png is not None and signature.image_png.startswith(b"\x89PNG")
    widget.on_paper.click()
    assert widget.value()["method"] == "paper" and "image_png" not in widget.value()
    assert widget.pad.isHidden()


FORMS_MODULES = (
    "ui/form_fields.py",
    "ui/form_view.py",
    "ui/form_view_dialogs.py",
    "ui/forms_gateway.py",
    "ui/print_preview.py",
    "ui/signature_pad.py",
)


def _french() -> dict[tuple[str, str], str]:
    from ui.i18n_catalogue import CATALOGUES, read_ts

    return read_ts(CATALOGUES / "outpost_fr.ts")


def test_every_forms_string_has_its_french(signed_in, qtbot, tmp_path) -> None:
    import subprocess

    from PySide6.QtCore import QCoreApplication, QTranslator

    from ui.i18n_catalogue import CATALOGUES, extract, lrelease

    french = _french()
    ours = [key for key, m in extract().items() if any(f in FORMS_MODULES for f, _ in m.locations)]
    assert len(ours) > 100
    assert [key for key in ours if not french.get(key)] == []

    # And Qt finds them at run time: the form's buttons speak French.
    tool = lrelease()
    if tool is None:
        pytest.skip("pyside6-lrelease is not installed")
    source = CATALOGUES / "outpost_fr.ts"
    compiled = tmp_path / "forms_fr.qm"
    subprocess.run([tool, "-silent", str(source), "-qm", str(compiled)], check=True)
    translator = QTranslator()
    assert translator.load(str(compiled))
    app = QCoreApplication.instance()
    app.installTranslator(translator)
    try:
        definition = forms.shipped_library().get("consent_treatment")
        loaded = view_data(definition, "signed", {}, "fr", {})
        view = FormView(signed_in.ctx, loaded)
        qtbot.addWidget(view)
        assert view.correct_button.text() == "C&orriger…"
        assert "ne peut pas être modifié" in view.banner.text()
        assert view.rows["patient_signature"].widget.on_paper.text() == (
            "Signe l’exemplaire imprimé"
        )
    finally:
        app.removeTranslator(translator)


def test_tab_moves_through_the_form_in_reading_order(signed_in, qtbot) -> None:
    desk = make_desk(signed_in)
    patient_id = new_patient(signed_in)
    view = open_new_form(qtbot, signed_in, desk, patient_id, "intake")
    view.activateWindow()
    reason = view.rows["reason"].widget.focus_target()
    reason.setFocus()
    qtbot.waitUntil(reason.hasFocus, timeout=20_000)
    order = []
    for _ in range(3):
        qtbot.keyClick(view.focusWidget(), Qt.Key.Key_Tab)
        order.append(view.focusWidget())
    onset = view.rows["onset"].widget
    assert order == [onset.year, onset.month, onset.day]
    # Tab leaves a long text (Enter makes a new line there).
    assert view.rows["reason"].widget.edit.tabChangesFocus()


# --- issue 7: the intake starts from the record as the record shows it (defects 4, 13, 17) -----


def test_the_intake_shows_the_phone_and_date_of_birth_as_the_record_has_them(
    signed_in, qtbot
) -> None:
    desk = make_desk(signed_in)
    patient_id = new_patient(signed_in, phone="+254712345678", birth_date="1984-03-21")
    view = open_new_form(qtbot, signed_in, desk, patient_id, "intake")
    assert view.answers()["phone"] == "0712 345678"  # the record's way, not E.164
    birth = view.rows["date_of_birth"].widget
    assert birth.year.text() == "1984"
    assert birth.month.currentData() == 3 and birth.day.currentData() == 21
    assert not birth.approximate.isChecked()
    number = signed_in.ctx.core.patients.details(patient_id).clinic_number
    assert f"Clinic no. {number}" in view.patient.text()


def test_the_intake_says_about_the_year_for_an_estimate_and_age_not_known(signed_in, qtbot) -> None:
    desk = make_desk(signed_in)
    estimated = new_patient(signed_in, birth_date="", estimated_age_years="40")
    view = open_new_form(qtbot, signed_in, desk, estimated, "intake")
    birth = view.rows["date_of_birth"].widget
    assert birth.year.text() and birth.approximate.isChecked()
    assert birth.month.currentData() is None
    assert "about 40 y" in view.patient.text()

    unknown = register(signed_in.ctx.core, "Baraka", "Otieno", sex="male", age_unknown=True)
    view = open_new_form(qtbot, signed_in, desk, unknown, "intake")
    assert view.rows["date_of_birth"].widget.value() is None  # asked, not guessed
    assert "Age not known" in view.patient.text()  # as the record and the print say it


def test_a_date_that_does_not_exist_says_so_on_the_form(signed_in, qtbot) -> None:
    desk = make_desk(signed_in)
    patient_id = new_patient(signed_in)
    view = open_new_form(qtbot, signed_in, desk, patient_id, "intake")
    edit = view.rows["visit_date"].widget.edit
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, "2031-02-30")
    view.rows["reason"].widget.focus_target().setFocus()
    qtbot.waitUntil(lambda: bool(view.rows["visit_date"].error), timeout=20_000)
    assert "There is no 30 February 2031" in view.rows["visit_date"].error
    assert "expected a date" not in view.rows["visit_date"].error


def test_form_dates_are_read_as_everywhere_else() -> None:
    from ui.form_fields import date_problem, parse_date

    assert parse_date("1984/3/21") == "1984-03-21"  # the core's formats, all of them
    assert parse_date("21-03-1984") == "1984-03-21"
    assert parse_date("3/21/1984") == "1984-03-21"  # only month first makes sense
    assert parse_date("  ") is None
    assert parse_date("30/02/2031") == "30/02/2031"  # kept as typed, the form says why
    assert date_problem("30/02/2031", "en") == (
        "There is no 30 February 2031 (February 2031 has 28 days)."
    )
    assert date_problem("2031-02-28", "en") is None
    assert "février" in (date_problem("2031-02-30", "fr") or "")
