"""The damaged-records banner and the background integrity check after sign-in (issue 8,
item 12): the check runs off the GUI thread, finds a damaged page, and the banner says what
happened and what to do; a store already known to be damaged shows it from the first moment.
"""

from __future__ import annotations

import threading

import pytest

from desktop.store.engine import damage_watch
from tests.test_damaged_store import flip_a_byte, open_core, register, root_page

pytestmark = pytest.mark.gui


def _banner_text(session) -> str:
    return session.window.integrity_banner.text.text()


def test_a_sound_store_shows_no_banner(signed_in) -> None:
    assert not signed_in.window.integrity_banner.isVisible()
    assert not signed_in.window.integrity_banner.isVisibleTo(signed_in.window)


def test_damage_found_while_signed_in_shows_the_banner(signed_in, qtbot) -> None:
    window = signed_in.window
    damage_watch(signed_in.ctx.core.store.engine).found("a test")  # any query could find it
    qtbot.waitUntil(lambda: window.integrity_banner.isVisibleTo(window), timeout=5000)
    text = _banner_text(signed_in)
    assert "damaged" in text and "nothing more can be saved" in text
    assert "restore the most recent backup" in text
    # The way to the restore: Settings (its Backups tab).
    window.integrity_banner.open_backups.click()
    assert window.nav.currentRow() == 3
    # A clean full check lifts it again.
    assert signed_in.ctx.core.integrity.check().cleared
    qtbot.waitUntil(lambda: not window.integrity_banner.isVisibleTo(window), timeout=5000)


def test_a_store_known_to_be_damaged_shows_the_banner_at_once(
    ui_app, core, data_paths, qtbot
) -> None:
    register(core, "Amina")
    core.close()
    flip_a_byte(data_paths.database, root_page(data_paths.root, "appointments"))
    opened = open_core(data_paths)
    assert not opened.integrity.check().intact  # found (e.g. by `outpost doctor`) earlier
    opened.close()
    again = open_core(data_paths)
    again.settings.daily_backup = False
    ui_app._signed_in(again)
    window = ui_app.session.window
    assert window.integrity_banner.isVisibleTo(window)
    assert "damaged" in window.integrity_banner.text.text()


def test_the_background_check_runs_off_the_gui_thread_and_finds_the_damage(
    ui_app, core, data_paths, qtbot, monkeypatch
) -> None:
    import ui.main_window

    monkeypatch.setattr(ui.main_window, "INTEGRITY_CHECK_DELAY_MS", 50)
    register(core, "Amina")
    core.close()
    flip_a_byte(data_paths.database, root_page(data_paths.root, "appointments"))
    damaged = open_core(data_paths)
    damaged.settings.daily_backup = False
    threads: list[str] = []
    real_check = damaged.integrity.background_check

    def watched(**kwargs):
        threads.append(threading.current_thread().name)
        return real_check(**kwargs)

    monkeypatch.setattr(damaged.integrity, "background_check", watched)
    ui_app._signed_in(damaged)
    window = ui_app.session.window
    assert not window.integrity_banner.isVisibleTo(window)  # nothing has read the page yet
    qtbot.waitUntil(lambda: window.integrity_banner.isVisibleTo(window), timeout=20_000)
    assert threads and threads[0] != threading.main_thread().name
    assert damaged.integrity.state().damaged
