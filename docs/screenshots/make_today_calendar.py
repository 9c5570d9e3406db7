"""Refresh docs/screenshots of Today and the Calendar: the demo clinic, its clock fixed.

QT_QPA_PLATFORM=offscreen python docs/screenshots/make_today_calendar.py en docs/screenshots
QT_QPA_PLATFORM=offscreen python docs/screenshots/make_today_calendar.py fr docs/screenshots
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

TODAY = dt.date(2026, 11, 24)  # a Tuesday: yesterday was a full Monday


def main(lang: str, out: Path) -> None:
    from PySide6.QtWidgets import QApplication

    qapp = QApplication(sys.argv[:1])
    from ui import qt_fixes

    qt_fixes.install()
    from desktop.clock import ClinicClock
    from desktop.core import ClinicCore
    from desktop.demo import seed_demo
    from desktop.paths import DataPaths
    from desktop.settings import Settings
    from desktop.store import store as store_module
    from ui.app import OutpostApp

    paths = DataPaths(Path(tempfile.mkdtemp()) / "clinic")
    store, _ = store_module.create(
        paths,
        clinic_name="Kisumu Health Post",
        admin_username="amina",
        admin_display_name="Amina Odhiambo",
        password="correct horse battery",
    )
    core = ClinicCore.from_store(store)
    core.settings.daily_backup = False

    def at(hour: int, minute: int) -> None:
        instant = dt.datetime.combine(TODAY, dt.time(hour, minute), core.zone).astimezone(dt.UTC)
        core.clock = ClinicClock(core.zone, now=lambda: instant)

    at(7, 30)
    seed_demo(core, count=200)
    early = [
        e for e in core.schedule.day(TODAY) if e.status.value == "booked" and e.starts_at.hour < 11
    ]
    at(9, 52)
    core.schedule.check_in(early[0].appointment_id)
    at(10, 4)
    core.schedule.check_in(early[1].appointment_id)
    core.schedule.start(early[0].appointment_id)
    at(10, 12)
    core.schedule.check_in(early[2].appointment_id)
    at(10, 25)

    settings = Settings(language=lang, daily_backup=False)
    app = OutpostApp(qapp, paths, settings=settings, auto_lock_ms=3_600_000)
    core.settings.language = lang
    app._signed_in(core)
    assert app.session is not None
    window = app.session.window
    window.resize(1366, 740)

    def settle(condition: Callable[[], bool], limit: float = 30) -> None:
        end = time.time() + limit
        while not condition():
            qapp.processEvents()
            time.sleep(0.01)
            if time.time() > end:
                raise TimeoutError
        for _ in range(30):
            qapp.processEvents()
            time.sleep(0.01)

    prefix = "desk-fr-" if lang == "fr" else "desk-"
    today = window.today
    settle(lambda: today.data is not None and today.data.day == TODAY)
    today.select_appointment(early[0].appointment_id)
    settle(lambda: True)
    window.grab().save(str(out / f"{prefix}04-today.png"))
    if lang == "en":
        yesterday = TODAY - dt.timedelta(days=1)
        today.show_day(yesterday)
        settle(lambda: today.data is not None and today.data.day == yesterday)
        window.grab().save(str(out / "desk-04b-yesterday-no-shows.png"))
    window.nav.setCurrentRow(2)
    calendar = window.calendar
    calendar.set_week_mode(True)
    settle(
        lambda: (
            calendar.data is not None
            and calendar.data.days == 7
            and calendar.grid.columnCount() == 7
        )
    )
    window.grab().save(str(out / f"{prefix}09-calendar-week.png"))
    if lang == "en":
        calendar.set_week_mode(False)
        settle(lambda: calendar.data is not None and calendar.data.days == 1)
        calendar.provider.setCurrentIndex(0)  # all providers, one column each
        settle(lambda: calendar.grid.columnCount() == 3)
        window.grab().save(str(out / "desk-09b-calendar-day.png"))
    app.session.lock.stop()
    window.close_for_real()
    app.session = None
    app.shutdown()
    core.close()


if __name__ == "__main__":
    main(sys.argv[1], Path(sys.argv[2]))
