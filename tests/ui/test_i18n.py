"""The interface in French: the catalogue loads, widgets show French text (dates too), and
every message of the desktop's own modules has a French translation."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.conftest import PASSWORD
from ui.i18n_catalogue import CATALOGUES, extract, read_ts

# Modules of the forms work, translated with that work.
FORMS_WORK = (
    "ui/form_view",
    "ui/form_fields",
    "ui/signature_pad",
    "ui/print_preview",
    "ui/forms_gateway",
)


def test_french_catalogue_loads_and_widgets_speak_french(make_app, store, qtbot) -> None:
    store.close()
    app = make_app(language="fr")
    app.start()
    login = app.login
    assert login.windowTitle() == "Outpost — connexion"
    assert login.sign_in.text() == "&Se connecter"
    assert login.forgot.text() == "Mot de passe &oublié\u00a0?"

    login.username.setText("admin")
    qtbot.keyClicks(login.password, PASSWORD)
    qtbot.keyClick(login.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: app.session is not None, timeout=20_000)
    window = app.session.window
    assert [window.nav.item(i).text() for i in range(4)] == [
        "Aujourd’hui",
        "Patients",
        "Agenda",
        "Réglages",
    ]
    title = window.today.title.text()
    assert title.startswith("Aujourd’hui, ")
    assert any(
        day in title
        for day in ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
    )  # QLocale speaks French too
    assert window.today.check_in_button.text() == "&Enregistrer l’arrivée"
    assert window.sync_widget.label.text() == "Pas encore connecté au siège"


def test_english_is_back_after_a_french_app(make_app, store) -> None:
    store.close()
    app = make_app()
    app.start()
    assert app.login.sign_in.text() == "&Sign in"


def test_every_desktop_message_has_a_french_translation() -> None:
    translated = read_ts(CATALOGUES / "outpost_fr.ts")
    missing = [
        (message.context, message.source)
        for key, message in extract().items()
        if key not in translated
        and any(not filename.startswith(FORMS_WORK) for filename, _line in message.locations)
    ]
    assert missing == []
    assert (CATALOGUES / "outpost_fr.qm").stat().st_size > 10_000  # compiled, not empty


def test_core_problems_beside_a_field_are_in_french(make_app, core, qtbot) -> None:
    from tests.ui.conftest import find_window
    from tests.ui.test_patients import type_into
    from ui.patient_dialog import PatientDialog

    core.settings.daily_backup = False
    app = make_app(language="fr")
    app._signed_in(core)
    assert app.session is not None
    app.session.window.new_patient()
    dialog = find_window(PatientDialog)
    assert dialog is not None
    type_into(qtbot, dialog, family_name="Kamau", phone="12", birth_date="1984-13-40")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.errors["given_name"].isVisible(), timeout=20_000)
    assert dialog.errors["given_name"].message == "Le prénom du patient est obligatoire."
    assert dialog.errors["birth_date"].message == (
        "'1984-13-40' n’est pas une date\u00a0: écrivez-la sous la forme AAAA-MM-JJ "
        "(par ex. 1984-03-21)."
    )
    assert "n’est pas un numéro de téléphone valable" in dialog.errors["phone"].message
    assert dialog.fields["given_name"].accessibleDescription() == (
        "Le prénom du patient est obligatoire."
    )
