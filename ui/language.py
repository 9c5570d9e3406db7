"""Loading the interface language: Outpost's own catalogue and Qt's standard buttons.

Catalogues live beside this module (ui/i18n/outpost_<lang>.ts, compiled to .qm with
`pyside6-lrelease`; `python -m ui.i18n_catalogue` refreshes and compiles them all). English
is the source language and needs no catalogue. The language is read from settings.json at
start; changing it takes effect at the next start.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from desktop.messages import localize

I18N_DIR = Path(__file__).with_name("i18n")

LANGUAGES = {"en": "English", "fr": "Français", "sw": "Kiswahili"}
"""Each language named in itself, so a person can find theirs whatever the current one."""


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Install the catalogues for `language` on `app`; returns them (kept alive by `app`)."""
    language = language if language in LANGUAGES else "en"
    QLocale.setDefault(QLocale(language))
    if language == "en":
        return []
    installed = []
    ours = QTranslator(app)
    if ours.load(f"outpost_{language}", str(I18N_DIR)):
        app.installTranslator(ours)
        installed.append(ours)
    # Qt's own words (standard buttons, the text fields' menu): Qt ships qtbase_fr but no
    # qtbase_sw, so Outpost carries its own small qtbase_<lang> beside its catalogues.
    qt = QTranslator(app)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt.load(f"qtbase_{language}", qt_dir) or qt.load(f"qtbase_{language}", str(I18N_DIR)):
        app.installTranslator(qt)
        installed.append(qt)
    return installed


def current_language() -> str:
    """The interface language: `install_translators` makes it Qt's default locale."""
    language = QLocale().name().split("_")[0]
    return language if language in LANGUAGES else "en"


def localized(text: str) -> str:
    """A message from the core (`desktop.messages.Message`) in the interface language."""
    return localize(text, current_language())


def remove_translators(app: QCoreApplication, translators: list[QTranslator]) -> None:
    for translator in translators:
        app.removeTranslator(translator)
    QLocale.setDefault(QLocale("en"))
