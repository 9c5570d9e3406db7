"""No two things a window shows at once share an Alt+letter: each page of Settings (with the
main window's menus and the tab bar) and each page of the set-up wizard."""

from __future__ import annotations

from tests.ui.mnemonics import clashes, mnemonic


def test_mnemonic_reads_the_letter_after_a_single_ampersand() -> None:
    assert mnemonic("Pa&per size:") == "p"
    assert mnemonic("Salt && &pepper") == "p"
    assert mnemonic("No letter") is None


def test_no_two_things_on_a_settings_page_share_a_mnemonic(signed_in, qtbot) -> None:
    window = signed_in.window
    window.show()
    window.nav.setCurrentRow(3)
    tabs = window.settings.tabs
    found = {}
    for index in range(tabs.count()):
        tabs.setCurrentIndex(index)
        qtbot.wait(10)
        if clash := clashes(window):
            found[tabs.tabText(index)] = clash
    assert found == {}


def test_no_two_things_on_a_wizard_page_share_a_mnemonic(make_app, qtbot) -> None:
    app = make_app()
    app.start()
    wizard = app.wizard
    assert wizard is not None
    found = {}
    for page, widget in wizard.page_widgets.items():
        wizard.pages.setCurrentWidget(widget)
        if clash := clashes(wizard):
            found[page.name] = clash
    assert found == {}
