"""The interface in French and Swahili: the catalogues load, widgets show translated text
(dates too), and every message of the desktop's own modules has a French translation and a
Swahili one (same placeholders, same Alt+letter)."""

from __future__ import annotations

import re

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
    assert login.windowTitle() == "Connexion"
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
        "Il n’y a pas de mois 13\u00a0: écrivez la date sous la forme AAAA-MM-JJ ou "
        "JJ/MM/AAAA (par ex. 1984-03-21)."
    )
    assert "n’est pas un numéro de téléphone valable" in dialog.errors["phone"].message
    assert dialog.fields["given_name"].accessibleDescription() == (
        "Le prénom du patient est obligatoire."
    )


# Swahili (issue 7, defect 27): as complete as French, switchable in Settings.

SWAHILI_WEEKDAYS = ("Jumatatu", "Jumanne", "Jumatano", "Alhamisi", "Ijumaa", "Jumamosi", "Jumapili")


def test_swahili_catalogue_loads_and_widgets_speak_swahili(make_app, store, qtbot) -> None:
    store.close()
    app = make_app(language="sw")
    app.start()
    login = app.login
    assert login.windowTitle() == "Ingia"
    assert login.sign_in.text() == "&Ingia"
    assert login.forgot.text() == "&Umesahau nenosiri?"

    login.username.setText("admin")
    qtbot.keyClicks(login.password, PASSWORD)
    qtbot.keyClick(login.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: app.session is not None, timeout=20_000)
    window = app.session.window
    assert [window.nav.item(i).text() for i in range(4)] == [
        "Leo",
        "Wagonjwa",
        "Kalenda",
        "Mipangilio",
    ]
    title = window.today.title.text()
    assert title.startswith("Leo, ")
    assert any(day in title for day in SWAHILI_WEEKDAYS)  # QLocale speaks Swahili too
    assert window.today.check_in_button.text() == "&Sajili kufika"
    assert window.sync_widget.label.text() == "Bado haijaunganishwa na makao makuu"


def test_qt_standard_buttons_speak_swahili(make_app, store) -> None:
    """Qt ships no qtbase_sw: Outpost's own small catalogue names the standard buttons."""
    from PySide6.QtWidgets import QDialogButtonBox

    store.close()
    make_app(language="sw")
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
    cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
    assert (ok.text(), cancel.text()) == ("Sawa", "Ghairi")
    buttons.deleteLater()


def test_settings_offer_kiswahili(make_app, core) -> None:
    from ui.language import LANGUAGES

    assert LANGUAGES["sw"] == "Kiswahili"
    core.settings.daily_backup = False
    core.settings.language = "sw"
    app = make_app(language="sw")
    app._signed_in(core)
    assert app.session is not None
    combo = app.session.window.settings.general.language
    offered = {combo.itemData(i): combo.itemText(i) for i in range(combo.count())}
    assert offered == {"en": "English", "fr": "Français", "sw": "Kiswahili"}
    assert combo.currentData() == "sw"


def _placeholders(text: str) -> list[str]:
    return sorted(re.findall(r"\{\w*\}|%(?:\d+|n)", text))


def _mnemonics(text: str) -> int:
    return len(re.findall(r"&(?!&)\S", text.replace("&&", "")))


def test_every_french_message_has_a_swahili_translation_with_the_same_placeholders() -> None:
    code = extract()
    french = read_ts(CATALOGUES / "outpost_fr.ts")
    swahili = read_ts(CATALOGUES / "outpost_sw.ts")
    assert len(swahili) >= 700
    untranslated = sorted(key for key in code if key in french and key not in swahili)
    assert untranslated == []
    for (context, source), text in swahili.items():
        where = f"[{context}] {source!r}"
        assert text.strip(), where
        assert _placeholders(text) == _placeholders(source), where
        assert _mnemonics(text) == _mnemonics(source), where  # one Alt+letter, kept valid
        assert text.endswith(":") == source.endswith(":"), where  # a label stays a label
        assert ("Ctrl+" in text) == ("Ctrl+" in source), where  # shortcuts named as they are
    assert (CATALOGUES / "outpost_sw.qm").stat().st_size > 10_000  # compiled, not empty
    assert (CATALOGUES / "qtbase_sw.qm").stat().st_size > 1_000


def test_the_catalogue_command_refreshes_every_language(tmp_path, monkeypatch, capsys) -> None:
    """One command: each language's .ts is refreshed (translations kept, new messages added
    as unfinished) and what is left to translate is reported per language."""
    import shutil

    from ui import i18n_catalogue

    for name in ("outpost_fr.ts", "outpost_sw.ts"):
        shutil.copy(CATALOGUES / name, tmp_path / name)
    monkeypatch.setattr(i18n_catalogue, "CATALOGUES", tmp_path)
    monkeypatch.setattr(i18n_catalogue, "lrelease", lambda: None)
    ui = tmp_path / "code" / "ui"
    ui.mkdir(parents=True)
    (ui / "view.py").write_text(
        "class TodayView:\n"
        "    def build(self):\n"
        "        self.tr('&Refresh')\n"
        "        self.tr('A brand new message about {thing}')\n",
        "utf-8",
    )
    real_extract = i18n_catalogue.extract
    monkeypatch.setattr(i18n_catalogue, "extract", lambda ui_dir=ui: real_extract(ui_dir))
    assert i18n_catalogue.main([]) == 0
    out = capsys.readouterr().out
    assert "fr: untranslated [TodayView] 'A brand new message about {thing}'" in out
    assert "sw: untranslated [TodayView] 'A brand new message about {thing}'" in out
    assert "'&Refresh'" not in out  # translated in both
    for lang in ("fr", "sw"):
        ts = read_ts(tmp_path / f"outpost_{lang}.ts")
        assert ("TodayView", "A brand new message about {thing}") not in ts  # unfinished
        assert ts[("TodayView", "&Refresh")]  # kept
        assert ts[("MainWindow", "&Refresh")]  # kept, though this code no longer has it
    assert i18n_catalogue.main(["--check"]) == 1
