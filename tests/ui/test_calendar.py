"""The Calendar: a 15-minute appointment keeps its type, the week marks today, a walk-in says
so, and what is booked elsewhere appears without pressing F5."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.clock import ClinicClock
from desktop.core import ClinicCore
from tests.ui.conftest import book, register, set_up_clinic

DAY = dt.date(2026, 9, 30)  # a Wednesday


@pytest.fixture
def clocked(core: ClinicCore) -> ClinicCore:
    instant = dt.datetime.combine(DAY, dt.time(8), core.zone).astimezone(dt.UTC)
    core.clock = ClinicClock(core.zone, now=lambda: instant)
    return core


def texts(calendar) -> list[str]:
    grid = calendar.grid
    return [
        grid.item(r, c).text()
        for r in range(grid.rowCount())
        for c in range(grid.columnCount())
        if grid.item(r, c) is not None and grid.item(r, c).text()
    ]


def show_calendar(window, qtbot, day: dt.date, *, week: bool = False):
    calendar = window.calendar
    window.nav.setCurrentRow(2)
    calendar.set_week_mode(week)
    calendar.show_day(day)
    calendar.refresh()
    qtbot.waitUntil(
        lambda: calendar.data is not None and calendar.data.days == (7 if week else 1),
        timeout=20_000,
    )
    return calendar


def test_a_fifteen_minute_appointment_shows_its_type(clocked, signed_in, qtbot):
    core = clocked
    clinic = set_up_clinic(core)
    with core.store.session() as session, session.begin():
        from desktop.services import clinic_setup

        short = clinic_setup.add_appointment_type(session, core.actor, "Immunisation", 15).id
    patient = register(core, "Neema", "Hamisi")
    core.schedule.book(
        patient_id=patient,
        provider_id=clinic.provider_id,
        type_id=short,
        starts_at=dt.datetime.combine(DAY, dt.time(10)),
    )
    late = register(core, "Juma", "Said")
    core.schedule.book(
        patient_id=late,
        provider_id=clinic.provider_id,
        type_id=short,
        starts_at=dt.datetime.combine(DAY, dt.time(7, 15)),  # the clock says 08:00
    )
    calendar = show_calendar(signed_in.window, qtbot, DAY)
    qtbot.waitUntil(lambda: any("Neema Hamisi" in t for t in texts(calendar)), timeout=20_000)
    (cell,) = [t for t in texts(calendar) if "Neema Hamisi" in t]
    assert cell == "○ Neema Hamisi · Immunisation"
    (cell,) = [t for t in texts(calendar) if "Juma Said" in t]
    assert cell == "⚠ Juma Said · Immunisation · Late"  # late: still its type


def test_the_week_marks_today(clocked, signed_in, qtbot):
    core = clocked
    set_up_clinic(core)
    calendar = show_calendar(signed_in.window, qtbot, DAY, week=True)
    qtbot.waitUntil(lambda: calendar.grid.columnCount() == 7, timeout=20_000)
    headers = [calendar.grid.horizontalHeaderItem(c) for c in range(7)]
    marked = [h for h in headers if "Today" in h.text()]
    assert len(marked) == 1 and marked[0] is headers[2]  # Monday 28 Sep … Wednesday 30
    assert marked[0].font().bold() and not headers[1].font().bold()


def test_the_calendar_shows_a_booking_made_elsewhere(clocked, signed_in, qtbot):
    core = clocked
    clinic = set_up_clinic(core)
    patient = register(core, "Amani", "Mohamed")
    calendar = show_calendar(signed_in.window, qtbot, DAY)
    qtbot.waitUntil(lambda: calendar.grid.columnCount() == 2, timeout=20_000)
    appointment = book(core, clinic, patient, dt.datetime.combine(DAY, dt.time(9)))
    assert not any("Amani" in t for t in texts(calendar))
    core.schedule.check_in(appointment)  # through the core: its change event reloads
    qtbot.waitUntil(lambda: any("● Amani Mohamed" in t for t in texts(calendar)), timeout=20_000)


def test_a_walk_in_is_marked_as_one_in_the_calendar(clocked, signed_in, qtbot):
    core = clocked
    set_up_clinic(core)
    patient = register(core, "Wanjiru", "Kamau")
    core.schedule.walk_in(patient)  # 08:00, already arrived
    calendar = show_calendar(signed_in.window, qtbot, DAY)
    qtbot.waitUntil(lambda: any("Wanjiru Kamau" in t for t in texts(calendar)), timeout=20_000)
    grid = calendar.grid
    (item,) = [
        grid.item(r, c)
        for r in range(grid.rowCount())
        for c in range(grid.columnCount())
        if grid.item(r, c) is not None and "Wanjiru Kamau" in grid.item(r, c).text()
    ]
    assert item.text().startswith("● Wanjiru Kamau") and item.text().endswith(" · walk-in")
    assert "· walk-in" in item.toolTip()  # said in words in the tooltip too
