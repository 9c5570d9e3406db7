"""The automatic sync on the real widgets against a real `outpost-hq` on loopback, through
the fault-injecting proxy: a link cut mid-sync shows the error, the status area says
"offline, will retry", and the automatic retry goes through once the link is back, while the
person types; a metered link sends nothing on its own; closing sends what waits, for a
bounded time that the window says.

The session's own SyncAuto (two minutes before its first try, a minute's backoff) is replaced
by one with a short start and backoff, so the tests run in seconds.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from desktop.app.patients import PatientInput
from desktop.app.sync_schedule import Backoff, Reason
from tests.conftest import CLINIC
from tests.hqserver import HqServer
from tests.netproxy import Faults, NetProxy

WAIT = 30_000


@pytest.fixture
def hq_sqlite(tmp_path: Path) -> Iterator[HqServer]:
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
    session.ctx.core.sync.enrol(url, hq.enrol(CLINIC), device_name="front desk")
    session.window.sync_watcher.refresh()
    qtbot.waitUntil(lambda: session.ctx.sync.snapshot.enrolled, timeout=WAIT)


def _status(session) -> str:
    return session.window.sync_widget.label.text()


def _quick_auto(session, *, base_s: float = 2.0, start_delay_s: float = 0.0):
    """The session's automatic sync, with a short start and backoff."""
    from ui.sync_auto import SyncAuto

    assert session.auto is not None
    session.auto.stop()
    window = session.window
    auto = SyncAuto(
        session.ctx,
        lambda: window.sync_page.sync_now(automatic=True) is not None,
        window,
        backoff=Backoff(base_s=base_s, cap_s=base_s * 2),
        start_delay_s=start_delay_s,
        probe_timeout_s=1.0,
    )
    session.auto = auto
    return auto


def test_a_link_cut_mid_sync_then_the_automatic_retry_once_it_returns(
    signed_in, hq_sqlite: HqServer, proxy: NetProxy, qtbot
) -> None:
    window = signed_in.window
    window.show()
    core = signed_in.ctx.core
    _enrol(qtbot, signed_in, proxy.url, hq_sqlite)
    for n in range(40):
        _register(core, f"Baraka{n:02d}")
    # Every connection is cut once 1,500 bytes of its request went up: HQ's hello (a GET)
    # passes, the push (tens of kilobytes) is cut mid-upload, on each of the client's retries.
    proxy.set(Faults(cut_up_after=1500))
    proxy.reset_counters()
    window.nav.setCurrentRow(4)
    page = window.sync_page
    qtbot.mouseClick(page.sync_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.running, timeout=WAIT)
    proxy.refuse()  # and the link is gone altogether
    proxy.clear()
    # HQ answered (its hello came back) and the upload was cut part-way: mid-sync.
    assert proxy.bytes_down > 0 and proxy.bytes_up >= 1500
    assert page.error.isVisible()
    assert page.error.text().startswith("HQ could not be reached; you can go on working offline.")
    assert page.last_report is None
    waiting = core.sync.status().pending
    assert waiting >= 40

    auto = _quick_auto(signed_in)
    # The status area says so in plain words, and when the next try comes.
    qtbot.waitUntil(lambda: "offline, will retry in" in _status(signed_in), timeout=WAIT)
    assert f"{waiting} changes waiting" in _status(signed_in)
    assert auto.next_try.reason is Reason.OFFLINE
    assert "Next automatic try:" in page.details.text()
    probes = auto.probes
    qtbot.waitUntil(lambda: auto.probes > probes + 1, timeout=WAIT)  # it keeps probing
    assert auto.automatic_syncs == 0 and page.log_list.count() == 1

    # The person types in the patient search meanwhile; the sync never takes the focus.
    window.find_patient()
    field = window.patients.search_field
    qtbot.waitUntil(field.hasFocus, timeout=WAIT)
    proxy.listen()  # the link is back
    qtbot.keyClicks(field, "Bara")
    qtbot.waitUntil(lambda: auto.automatic_syncs == 1, timeout=WAIT)
    qtbot.keyClicks(field, "ka")
    assert field.hasFocus() and field.text() == "Baraka"
    qtbot.waitUntil(lambda: page.last_report is not None and not page.running, timeout=WAIT)
    assert page.last_report.pending == 0
    assert not page.error.isVisible()
    assert page.log_list.item(0).text().startswith("✓ ")
    assert "Automatic: " in page.log_list.item(0).text()
    qtbot.waitUntil(lambda: _status(signed_in) == "Synced just now", timeout=WAIT)
    assert core.sync.status().pending == 0
    assert auto.next_try.reason is Reason.SCHEDULE
    assert field.text() == "Baraka"


def test_a_metered_link_sends_nothing_on_its_own(
    signed_in, hq_sqlite: HqServer, proxy: NetProxy, qtbot
) -> None:
    window = signed_in.window
    window.show()
    core = signed_in.ctx.core
    _enrol(qtbot, signed_in, proxy.url, hq_sqlite)
    _register(core, "Zawadi")
    settings = core.admin.settings()
    settings.sync_automatic = False
    core.admin.save_settings(settings)
    proxy.reset_counters()  # the enrolment's bytes
    auto = _quick_auto(signed_in, base_s=0.5)
    qtbot.wait(3000)  # the start delay (0) and several backoff steps have passed
    assert auto.probes == 0 and auto.automatic_syncs == 0
    assert proxy.bytes_up == 0  # not one byte left for HQ
    assert auto.next_try.reason is Reason.METERED
    assert core.sync.status().last_success_at is None
    window.nav.setCurrentRow(4)
    page = window.sync_page
    assert "Automatic sync is off (metered link)" in page.details.text()

    # Asked for, it syncs; and it still does nothing on its own afterwards.
    qtbot.mouseClick(page.sync_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.running, timeout=WAIT)
    assert page.last_report is not None and page.last_report.pending == 0
    _register(core, "Imani")
    sent = proxy.bytes_up
    qtbot.wait(1500)
    assert proxy.bytes_up == sent and auto.probes == 0
    assert not auto.scheduler.wants_closing_sync(1)


def test_automatic_again_from_settings_hq_then_it_syncs(
    signed_in, hq_sqlite: HqServer, qtbot
) -> None:
    window = signed_in.window
    window.show()
    core = signed_in.ctx.core
    settings = core.admin.settings()
    settings.sync_automatic = False
    core.admin.save_settings(settings)
    _enrol(qtbot, signed_in, hq_sqlite.url, hq_sqlite)
    auto = _quick_auto(signed_in)
    window.show_hq_settings()
    panel = window.settings.hq
    assert panel.metered.isChecked()
    assert panel.every.value() == 30
    assert not panel.at_times.isEnabled()  # metered: nothing automatic to set
    panel.metered.setChecked(False)
    assert panel.at_times.isEnabled()
    # Typed set times are checked; a wrong one is said beside the field, nothing is saved.
    panel.at_times.clear()
    qtbot.keyClicks(panel.at_times, "7h30")
    qtbot.mouseClick(panel.save_schedule, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "is not a time of day" in panel.schedule_message.text(), timeout=WAIT)
    assert core.settings.sync_at == []
    panel.at_times.clear()
    qtbot.keyClicks(panel.at_times, "07:30, 13:00")
    panel.every.setValue(45)
    qtbot.mouseClick(panel.save_schedule, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.schedule_message.text() == "Saved.", timeout=WAIT)
    assert core.settings.sync_automatic and core.settings.sync_every_minutes == 45
    assert core.settings.sync_at == ["07:30", "13:00"]
    qtbot.waitUntil(lambda: auto.automatic_syncs == 1, timeout=WAIT)
    qtbot.waitUntil(lambda: core.sync.status().last_success_at is not None, timeout=WAIT)


def test_closing_sends_what_waits_and_says_how_long_it_may_take(
    ui_app, signed_in, hq_sqlite: HqServer, qtbot, monkeypatch
) -> None:
    from PySide6.QtWidgets import QProgressDialog

    window = signed_in.window
    window.show()
    core = signed_in.ctx.core
    _enrol(qtbot, signed_in, hq_sqlite.url, hq_sqlite)
    _register(core, "Neema")
    signed_in.window.sync_watcher.refresh()
    qtbot.waitUntil(lambda: (signed_in.ctx.sync.snapshot.waiting_changes or 0) > 0, timeout=WAIT)
    auto = _quick_auto(signed_in, start_delay_s=3600)  # nothing automatic before closing
    ended: list[object] = []
    signed_in.ctx.sync.sync_ended.connect(lambda report, error: ended.append(report or error))
    finished: list[bool] = []
    monkeypatch.setattr(ui_app, "_finish_quit", lambda: finished.append(True))
    ui_app.quit()
    dialog = auto.closing_dialog
    assert isinstance(dialog, QProgressDialog)
    assert "closes in 20 seconds at most" in dialog.labelText()
    qtbot.waitUntil(lambda: bool(finished), timeout=WAIT)
    assert len(ended) == 1 and getattr(ended[0], "pending", None) == 0
    assert ui_app.session is None


def test_closing_with_hq_unreachable_does_not_wait(
    ui_app, signed_in, hq_sqlite: HqServer, proxy: NetProxy, qtbot, monkeypatch
) -> None:
    window = signed_in.window
    window.show()
    _enrol(qtbot, signed_in, proxy.url, hq_sqlite)
    _register(signed_in.ctx.core, "Neema")
    signed_in.window.sync_watcher.refresh()
    qtbot.waitUntil(lambda: (signed_in.ctx.sync.snapshot.waiting_changes or 0) > 0, timeout=WAIT)
    auto = _quick_auto(signed_in, start_delay_s=3600)
    proxy.set(Faults(blackhole=True))  # a dead link that never answers
    finished: list[bool] = []
    monkeypatch.setattr(ui_app, "_finish_quit", lambda: finished.append(True))
    ui_app.quit()
    qtbot.waitUntil(lambda: bool(finished), timeout=10_000)  # the probe's 1 s, not 20 s
    assert auto.automatic_syncs == 0


def test_the_status_area_says_when_the_next_try_comes(signed_in) -> None:
    import datetime as dt

    from ui.sync_status import SyncSnapshot, SyncState

    widget = signed_in.window.sync_widget
    now = dt.datetime(2026, 3, 10, 18, 0, tzinfo=dt.UTC)
    ago = now - dt.timedelta(hours=2)

    def words(**fields) -> str:
        return widget.describe(
            SyncSnapshot(**{"state": SyncState.IDLE, "last_success": ago, **fields}), now
        )

    soon = now + dt.timedelta(seconds=20)
    assert words(offline=True, next_try_at=soon) == (
        "Synced 2 hours ago · offline, will retry in less than a minute"
    )
    later = now + dt.timedelta(minutes=4, seconds=10)
    assert words(offline=True, next_try_at=later, waiting_changes=3) == (
        "Synced 2 hours ago · 3 changes waiting · offline, will retry in 5 minutes"
    )
    assert words(offline=True) == "Synced 2 hours ago · offline"  # metered: no next try
    failed = words(
        state=SyncState.FAILED,
        detail="HQ answered with an error (503). 2 changes wait here.",
        next_try_at=now + dt.timedelta(minutes=1),
    )
    assert failed == (
        "Synced 2 hours ago · last attempt failed: HQ answered with an error (503) · "
        "next try in 1 minute"
    )
    assert words(next_try_at=now + dt.timedelta(hours=3)) == "Synced 2 hours ago"  # on plan
    assert widget.in_words(now + dt.timedelta(hours=3), now) == "in 3 hours"
