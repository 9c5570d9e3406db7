"""Today: refreshed by the core's change events, no-show only once the time has come, a
heading on one line at 1280×720, and no work submitted after the session ended."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from desktop.clock import ClinicClock
from desktop.core import ClinicCore
from desktop.errors import Conflict
from tests.ui.conftest import book, register, set_up_clinic
from ui.util import is_alive

# A long weekday and month: the widest English heading there is.
DAY = dt.date(2026, 9, 30)  # Wednesday 30 September 2026


def stop_clock(core: ClinicCore, local: dt.datetime) -> None:
    instant = local.replace(tzinfo=core.zone).astimezone(dt.UTC)
    core.clock = ClinicClock(core.zone, now=lambda: instant)


@pytest.fixture
def at_nine(core: ClinicCore) -> ClinicCore:
    """The clinic's clock at 09:00 on DAY (set before the window is built)."""
    stop_clock(core, dt.datetime.combine(DAY, dt.time(9)))
    return core


def status_of(view, appointment_id) -> str | None:
    index = view._find(appointment_id)
    if index is None:
        return None
    return view.model.itemFromIndex(index.siblingAtColumn(0)).data(Qt.ItemDataRole.UserRole + 1)


def test_today_refreshes_when_an_appointment_is_booked_elsewhere(at_nine, signed_in, qtbot):
    core, view = at_nine, signed_in.window.today
    clinic = set_up_clinic(core)
    patient = register(core, "Achieng", "Otieno")
    view.refresh()
    qtbot.waitUntil(lambda: view.provider.count() == 3, timeout=20_000)
    # Booked and checked in through the core, not from this screen: its change events
    # reach Today, which reloads.
    done = core.schedule.book(
        patient_id=patient,
        provider_id=clinic.provider_id,
        type_id=clinic.type_id,
        starts_at=dt.datetime.combine(DAY, dt.time(11)),
    )
    qtbot.waitUntil(lambda: view._find(done.value.appointment_id) is not None, timeout=20_000)
    core.schedule.check_in(done.value.appointment_id)
    qtbot.waitUntil(lambda: view.queue_model.item(0, 0).text() == "Achieng Otieno", timeout=20_000)


def test_no_show_waits_for_the_appointment_time(at_nine, signed_in, qtbot):
    core, view = at_nine, signed_in.window.today
    clinic = set_up_clinic(core)
    patient = register(core, "Baraka", "Juma")
    appointment = book(core, clinic, patient, dt.datetime.combine(DAY, dt.time(14)))
    view.refresh()
    qtbot.waitUntil(lambda: view._find(appointment) is not None, timeout=20_000)
    assert view.select_appointment(appointment)
    assert view.check_in_button.isEnabled()
    assert not view.no_show_button.isEnabled()  # five hours before: not a no-show
    assert "14:00" in view.no_show_button.toolTip()
    with pytest.raises(Conflict, match="only once that time has passed"):
        core.schedule.no_show(appointment)  # the core's rule, whatever the screen offers

    stop_clock(core, dt.datetime.combine(DAY, dt.time(14, 20)))
    view.refresh()
    qtbot.waitUntil(lambda: view.no_show_button.isEnabled(), timeout=20_000)
    qtbot.mouseClick(view.no_show_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: (
            (entry := status_of(view, appointment)) is not None and entry.status.value == "no_show"
        ),
        timeout=20_000,
    )


def test_the_heading_stays_on_one_line_at_1280_by_720(at_nine, signed_in, qtbot):
    window, view = signed_in.window, signed_in.window.today
    set_up_clinic(at_nine)
    window.resize(1280, 720)
    window.nav.setCurrentRow(0)
    view.refresh()
    qtbot.waitUntil(lambda: view.provider.count() == 3, timeout=20_000)
    qtbot.wait(50)
    title = view.title
    assert title.text() == "Today, Wednesday 30 September 2026"
    assert not title.wordWrap()
    assert title.width() >= title.sizeHint().width()  # all of it shown
    assert title.height() < 2 * title.fontMetrics().lineSpacing()
    assert window.width() <= 1280  # and the row did not push the window wider


def test_today_never_submits_work_after_the_session_ended(at_nine, ui_app, signed_in, qtbot):
    view = signed_in.window.today
    view.refresh()
    view.refresh()  # a load running, and another due when it finishes
    assert view._loading and view._reload_again
    session = ui_app.session
    session.lock.stop()
    session.window.close_for_real()
    ui_app.session = None
    ui_app.tasks.shutdown()  # the task runner is gone: submitting now would raise
    qtbot.wait(300)  # the running load's result arrives after the shutdown
    assert is_alive(view) and not view._loading
    view.refresh()  # a change event or the minute timer, later still: nothing submitted
    assert view._stale and not view._loading


def test_the_schedule_views_and_their_change_kinds_load_no_sqlalchemy():
    import subprocess
    import sys

    # Imported while the password is typed (ui/app.py): no SQLAlchemy on the GUI thread.
    code = (
        "import sys, desktop.changes, ui.today_view, ui.calendar_view, ui.booking_dialog,"
        " ui.appointment_actions;"
        "sys.exit(1 if any(m.split('.')[0] == 'sqlalchemy' for m in sys.modules) else 0)"
    )
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0
