"""The sync page and the status area against a real `outpost-hq` on loopback: the status in
words before and after a sync, Sync now (Ctrl+Shift+S) with its progress and log line, HQ
unreachable, Cancel, and Connect to HQ from Settings with a code.

A screenshot of the sync page is made on demand (docs/screenshots/desk-20-sync-page.png):

    OUTPOST_SCREENSHOTS=docs/screenshots .venv/bin/python -m pytest tests/ui/test_sync_page.py
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from desktop.app.patients import PatientInput
from tests.conftest import CLINIC
from tests.hqserver import HqServer
from tests.netproxy import Faults, NetProxy

OUT = os.environ.get("OUTPOST_SCREENSHOTS", "")
WAIT = 30_000


@pytest.fixture
def hq_sqlite(tmp_path: Path) -> Iterator[HqServer]:
    """A running HQ on its SQLite file (as tests/sync/conftest.py's fixture)."""
    with HqServer.started(tmp_path / "hq-sqlite") as server:
        yield server


@pytest.fixture
def proxy(hq_sqlite: HqServer) -> Iterator[NetProxy]:
    with NetProxy(hq_sqlite.port) as made:
        yield made


def _register(core, given: str) -> None:
    data = PatientInput(given_name=given, family_name="Achieng", estimated_age_years="30")
    core.patients.register(data, confirmed_new=True)


def _enrol(qtbot, session, url: str, hq: HqServer) -> None:
    core = session.ctx.core
    core.sync.enrol(url, hq.enrol(CLINIC), device_name="front desk")
    session.window.sync_watcher.refresh()
    qtbot.waitUntil(lambda: session.ctx.sync.snapshot.enrolled, timeout=WAIT)


def _status(session) -> str:
    return session.window.sync_widget.label.text()


def _sync_and_wait(qtbot, page) -> None:
    qtbot.mouseClick(page.sync_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.running, timeout=WAIT)


def test_status_area_before_and_after_a_sync_started_with_ctrl_shift_s(
    signed_in,
    hq_sqlite: HqServer,
    qtbot,
) -> None:
    window = signed_in.window
    window.show()
    qtbot.waitUntil(lambda: _status(signed_in) == "Not connected to HQ yet", timeout=WAIT)
    assert not window.sync_widget.button.isVisible()

    _enrol(qtbot, signed_in, hq_sqlite.url, hq_sqlite)
    qtbot.waitUntil(lambda: _status(signed_in).startswith("Never synced"), timeout=WAIT)
    waiting = signed_in.ctx.core.sync.status().pending  # the clinic's set-up, never sent
    assert _status(signed_in) == f"Never synced · {waiting} changes waiting"
    _register(signed_in.ctx.core, "Baraka")
    _register(signed_in.ctx.core, "Zawadi")
    qtbot.waitUntil(lambda: signed_in.ctx.sync.snapshot.waiting_changes > waiting, timeout=WAIT)
    now = signed_in.ctx.sync.snapshot.waiting_changes
    assert _status(signed_in) == f"Never synced · {now} changes waiting"

    # A click on the status area opens the sync page.
    qtbot.mouseClick(window.sync_widget.label, Qt.MouseButton.LeftButton)
    assert window.pages.currentWidget() is window.sync_page
    window.show_today()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=WAIT)  # a window shortcut needs it

    qtbot.keyClick(
        window,
        Qt.Key.Key_S,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    page = window.sync_page
    assert window.pages.currentWidget() is page
    qtbot.waitUntil(lambda: page.last_report is not None, timeout=WAIT)
    qtbot.waitUntil(lambda: not page.running, timeout=WAIT)
    report = page.last_report
    assert report is not None and not report.cancelled
    assert page.progress.value() == page.progress.maximum()
    assert page.stage.text() == "Sync finished."
    assert page.log_list.count() == 1
    line = page.log_list.item(0).text()
    assert line.startswith("✓ ")
    assert f"{report.sent} sent, " in line and report.sent >= 2
    assert "0 still waiting" in line
    assert not page.error.isVisible()
    qtbot.waitUntil(lambda: _status(signed_in) == "Synced just now", timeout=WAIT)
    assert "Changes waiting to be sent: 0" in page.details.text()
    assert page.cancel_button.isEnabled() is False
    assert page.sync_button.isEnabled()


def test_hq_unreachable_says_so_and_that_the_changes_wait(
    signed_in,
    hq_sqlite: HqServer,
    proxy: NetProxy,
    qtbot,
) -> None:
    window = signed_in.window
    window.show()
    _enrol(qtbot, signed_in, proxy.url, hq_sqlite)
    _register(signed_in.ctx.core, "Baraka")
    proxy.refuse()  # a closed port: connection refused
    window.nav.setCurrentRow(4)
    page = window.sync_page
    _sync_and_wait(qtbot, page)

    assert page.error.isVisible()
    text = page.error.text()
    assert text.startswith("HQ could not be reached; you can go on working offline.")
    assert "nothing was lost" in text
    waiting = signed_in.ctx.core.sync.status().pending
    assert f"{waiting} changes wait on this laptop" in text  # the core's own count
    assert page.log_list.item(0).text().startswith("✗ ")
    assert page.last_report is None
    qtbot.waitUntil(lambda: "last attempt failed" in _status(signed_in), timeout=WAIT)
    assert f"{waiting} changes waiting" in _status(signed_in)

    proxy.listen()  # the link is back: the next sync goes through and the error goes
    _sync_and_wait(qtbot, page)
    assert not page.error.isVisible()
    assert page.last_report is not None and page.last_report.pending == 0
    qtbot.waitUntil(lambda: _status(signed_in) == "Synced just now", timeout=WAIT)


def test_cancel_stops_the_sync_at_the_next_step(
    signed_in,
    hq_sqlite: HqServer,
    proxy: NetProxy,
    qtbot,
) -> None:
    window = signed_in.window
    window.show()
    _enrol(qtbot, signed_in, proxy.url, hq_sqlite)
    for given in ("Baraka", "Zawadi", "Imani"):
        _register(signed_in.ctx.core, given)
    proxy.set(Faults.link(rtt_ms=600))  # slow enough to press Cancel while HQ is asked
    window.nav.setCurrentRow(4)
    page = window.sync_page
    qtbot.mouseClick(page.sync_button, Qt.MouseButton.LeftButton)
    assert page.running and page.cancel_button.isEnabled()
    qtbot.waitUntil(lambda: page.stage.text().startswith("Reaching HQ"), timeout=WAIT)
    qtbot.mouseClick(page.cancel_button, Qt.MouseButton.LeftButton)
    assert page.stage.text() == "Stopping at the next step…"
    qtbot.waitUntil(lambda: not page.running, timeout=WAIT)

    report = page.last_report
    assert report is not None and report.cancelled
    # Where it stopped depends on the link's timing; what it did not do waits for next time.
    assert page.stage.text().startswith("Sync cancelled.")
    assert page.log_list.item(0).text().startswith("✓ ")
    assert "Cancelled: " in page.log_list.item(0).text()
    assert not page.error.isVisible()
    assert page.sync_button.isEnabled() and not page.cancel_button.isEnabled()

    proxy.clear()
    _sync_and_wait(qtbot, page)
    assert page.last_report is not None and page.last_report.pending == 0
    assert page.log_list.count() == 2


def test_connect_to_hq_from_settings_with_a_code(
    signed_in,
    hq_sqlite: HqServer,
    qtbot,
) -> None:
    window = signed_in.window
    window.show()
    window.nav.setCurrentRow(4)
    page = window.sync_page
    assert page.connect_button.isVisible() and not page.sync_button.isEnabled()
    qtbot.mouseClick(page.connect_button, Qt.MouseButton.LeftButton)
    panel = window.settings.hq
    assert window.settings.tabs.currentWidget() is panel
    assert panel.join_box.isVisible() and not panel.joined_box.isVisible()

    # A wrong code: said in words, nothing changes.
    qtbot.keyClicks(panel.url, hq_sqlite.url)
    qtbot.keyClicks(panel.code, "WRONG-CODE")
    qtbot.mouseClick(panel.connect_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: panel.connect_button.isEnabled() and panel.message.text() != "Connecting to HQ…",
        timeout=WAIT,
    )
    assert panel.message.text()
    assert not panel.message.text().startswith("Connected")
    assert not signed_in.ctx.core.sync.status().enrolled

    panel.code.setText(hq_sqlite.enrol(CLINIC))
    qtbot.keyClick(panel.code, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: panel.message.text().startswith("Connected"), timeout=WAIT)
    assert signed_in.ctx.core.sync.status().enrolled
    qtbot.waitUntil(lambda: panel.joined_box.isVisible(), timeout=WAIT)
    assert hq_sqlite.url in panel.state.text()
    qtbot.waitUntil(lambda: _status(signed_in).startswith("Never synced"), timeout=WAIT)

    qtbot.mouseClick(panel.open_sync, Qt.MouseButton.LeftButton)
    assert window.pages.currentWidget() is page
    assert page.sync_button.isEnabled() and not page.connect_button.isVisible()
    _sync_and_wait(qtbot, page)
    assert page.last_report is not None


def test_no_two_things_on_the_sync_page_share_a_mnemonic(signed_in, qtbot) -> None:
    from tests.ui.mnemonics import clashes

    window = signed_in.window
    window.show()
    window.nav.setCurrentRow(4)
    page = window.sync_page
    assert page.connect_button.isVisible()  # not joined yet: every button shows
    assert clashes(window) == {}


def test_a_clock_hours_off_shows_the_banner(signed_in, qtbot) -> None:
    from dataclasses import replace

    window = signed_in.window
    window.show()
    sync = signed_in.ctx.sync
    qtbot.waitUntil(lambda: _status(signed_in) == "Not connected to HQ yet", timeout=WAIT)
    from ui.sync_status import SyncSnapshot, SyncState

    sync.report(replace(SyncSnapshot(), state=SyncState.IDLE, clock_offset_ms=-2 * 3_600_000))
    qtbot.waitUntil(lambda: window.clock_banner.isVisible(), timeout=WAIT)
    assert "120 minutes fast" in window.clock_banner.text.text()
    sync.report(replace(SyncSnapshot(), state=SyncState.IDLE, clock_offset_ms=1000))
    qtbot.waitUntil(lambda: not window.clock_banner.isVisible(), timeout=WAIT)


@pytest.mark.skipif(not OUT, reason="set OUTPOST_SCREENSHOTS to a folder to make them")
def test_sync_page_screenshot(signed_in, hq_sqlite: HqServer, proxy: NetProxy, qtbot) -> None:
    window = signed_in.window
    window.resize(1280, 720)
    window.show()
    _enrol(qtbot, signed_in, proxy.url, hq_sqlite)
    for given in ("Baraka", "Zawadi"):
        _register(signed_in.ctx.core, given)
    window.nav.setCurrentRow(4)
    page = window.sync_page
    _sync_and_wait(qtbot, page)
    _register(signed_in.ctx.core, "Imani")
    proxy.refuse()
    _sync_and_wait(qtbot, page)
    qtbot.waitUntil(lambda: "last attempt failed" in _status(signed_in), timeout=WAIT)
    qtbot.wait(200)
    target = Path(OUT) / "desk-20-sync-page.png"
    target.parent.mkdir(parents=True, exist_ok=True)
    assert window.grab().save(str(target))


def test_a_laptop_revoked_at_hq_is_told_its_records_stay(
    signed_in, hq_sqlite: HqServer, qtbot
) -> None:
    window = signed_in.window
    window.show()
    _enrol(qtbot, signed_in, hq_sqlite.url, hq_sqlite)
    device_id = str(signed_in.ctx.core.sync.status().device_id)
    hq_sqlite.revoke(device_id)
    window.nav.setCurrentRow(4)
    page = window.sync_page
    _sync_and_wait(qtbot, page)
    text = page.error.text()
    assert text.startswith("HQ has revoked this laptop's access.")
    assert "Its records stay on this laptop. Ask HQ why" in text
    assert page.log_list.item(0).text().startswith("✗ ")


def test_the_status_area_in_words(signed_in) -> None:
    import datetime as dt

    from ui.sync_status import SyncSnapshot, SyncState

    widget = signed_in.window.sync_widget
    now = dt.datetime(2026, 3, 10, 18, 0, tzinfo=dt.UTC)

    def words(**fields) -> str:
        return widget.describe(SyncSnapshot(**{"state": SyncState.IDLE, **fields}), now)

    assert widget.describe(SyncSnapshot(), now) == "Not connected to HQ yet"
    assert words() == "Never synced"
    assert words(last_success=now - dt.timedelta(seconds=20)) == "Synced just now"
    assert words(last_success=now - dt.timedelta(minutes=12)) == "Synced 12 minutes ago"
    assert words(last_success=now - dt.timedelta(hours=5)) == "Synced 5 hours ago"
    assert words(last_success=now - dt.timedelta(days=3, hours=2)) == "Not synced for 3 days"
    assert (
        words(
            state=SyncState.FAILED,
            last_success=now - dt.timedelta(days=1),
            waiting_changes=4,
            attention_items=2,
            detail="HQ could not be reached at https://hq (timed out). 4 changes wait here.",
        )
        == "Not synced for 1 day · 4 changes waiting · 2 need attention · "
        "last attempt failed: HQ could not be reached at https://hq (timed out)"
    )
    assert words(state=SyncState.SYNCING) == "Syncing with HQ…"
