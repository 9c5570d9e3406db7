"""Refresh docs/screenshots of the set-up wizard, sign-in, Settings, the lock screen, and Today
and the patient record in Swahili: a real store in a folder of its own, the clinic's clock
fixed where dates show.

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/screenshots/make_desk_screens.py

Made (in the wizard's order, then the rest):

    desk-00-setup-wizard-welcome.png      the welcome page ("In 4 short steps")
    desk-00b-setup-wizard-clinic.png      Step 1 of 4: the clinic
    desk-01b-setup-wizard-week.png        Step 2 of 4: first provider, type, opening hours
    desk-01c-setup-wizard-week-problem.png   an opening hours mistake, shown beside its day
    desk-01-setup-wizard-admin.png        Step 3 of 4: the first administrator
    desk-02-setup-wizard-recovery-key.png Step 4 of 4: the recovery key
    desk-03-login-wrong-password.png      "Sign in", after a wrong password
    desk-10-settings-general.png … desk-13-settings-backups.png
    desk-13b-settings-forms.png           Settings → Forms: a clinic form installed, and a file
                                          left in the data folder's forms folder (not installed)
    desk-13c-restore-dialog.png           Settings → Backups: restoring asks the administrator's
                                          own password again
    desk-11b-settings-users-disabled.png  Settings → Users, just after disabling a user: their
                                          password and old key files no longer open the records
    desk-14-lock-screen.png               locked by hand ("Locked by …")
    desk-15-damaged-banner.png            Today with the red "records are damaged" banner
    desk-sw-04-today.png                  Today in Swahili (1366×768)
    desk-sw-08-patient-record.png         a patient record in Swahili

Options: `--out FOLDER` (default: beside this script); `--check` prints, for each screen,
its keyboard (Tab) order and any text that does not fit its widget; `--part setup-sw` makes
the first set of screens in Swahili instead (desk-sw-00 … desk-sw-14, to check that the
Swahili fits; not kept in docs/).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication, QWidget

    from desktop.core import ClinicCore

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
TODAY = dt.date(2026, 11, 24)  # a Tuesday, as in make_today_calendar.py
PASSWORD = "correct horse battery"
SIZE = (1280, 720)
WIDE = (1366, 768)


# -- waiting and looking --------------------------------------------------------------------


def settle(condition: Callable[[], bool] = lambda: True, limit: float = 60) -> None:
    from PySide6.QtWidgets import QApplication

    end = time.time() + limit
    while not condition():
        QApplication.processEvents()
        time.sleep(0.01)
        if time.time() > end:
            raise TimeoutError("the screen did not get there in time")
    for _ in range(30):
        QApplication.processEvents()
        time.sleep(0.01)


def _describe(widget: QWidget) -> str:
    from PySide6.QtWidgets import QAbstractButton, QLineEdit

    name = widget.objectName()
    text = ""
    if isinstance(widget, QAbstractButton):
        text = widget.text()
    elif isinstance(widget, QLineEdit):
        text = widget.placeholderText()
    text = text or widget.accessibleName()
    label = type(widget).__name__
    return f"{label}[{name}]{' ' + repr(text) if text else ''}"


def tab_order(window: QWidget) -> list[str]:
    """The widgets Tab visits in `window`, from the first."""
    from PySide6.QtCore import Qt

    seen, order = set(), []
    widget = window.nextInFocusChain()
    while widget is not None and widget is not window and id(widget) not in seen:
        seen.add(id(widget))
        if (
            widget.isVisible()
            and widget.isEnabled()
            and widget.focusProxy() is None  # a spin box's or tab widget's inner part is it
            and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
            and window.isAncestorOf(widget)
        ):
            order.append(_describe(widget))
        widget = widget.nextInFocusChain()
    return order


def misfits(window: QWidget) -> list[str]:
    """Visible text cut short: labels and buttons narrower than their text, tab titles
    elided, combo boxes narrower than their current item."""
    from PySide6.QtWidgets import QAbstractButton, QComboBox, QLabel, QTabBar

    found = []
    for label in window.findChildren(QLabel):
        if not (label.isVisible() and label.text()):
            continue
        if label.wordWrap():
            need = label.heightForWidth(label.width())
            if need > label.height() + 1:
                found.append(
                    f"QLabel {label.text()[:50]!r}: {need} px high needed, {label.height()}"
                )
        elif label.sizeHint().width() > label.width() + 1:
            found.append(
                f"QLabel {label.text()[:50]!r}: {label.sizeHint().width()} px wide needed, "
                f"{label.width()}"
            )
    for button in window.findChildren(QAbstractButton):
        if button.isVisible() and button.text() and button.sizeHint().width() > button.width() + 1:
            found.append(
                f"{type(button).__name__} {button.text()!r}: {button.sizeHint().width()} px "
                f"wide needed, {button.width()}"
            )
    for combo in window.findChildren(QComboBox):
        if combo.isVisible() and combo.currentText():
            width = combo.fontMetrics().horizontalAdvance(combo.currentText()) + 40
            if width > combo.width():
                found.append(
                    f"QComboBox {combo.currentText()!r}: about {width} px, {combo.width()}"
                )
    for bar in window.findChildren(QTabBar):
        if not bar.isVisible():
            continue
        for index in range(bar.count()):
            text = bar.tabText(index).replace("&", "")
            if bar.fontMetrics().horizontalAdvance(text) + 8 > bar.tabRect(index).width():
                found.append(f"QTabBar tab {text!r} elided")
    return found


class Shooter:
    """Saves a window's picture as desk-NN-… (desk-sw-NN-… in Swahili); `check` prints its Tab
    order and what does not fit."""

    def __init__(self, out: Path, check: bool, lang: str = "en") -> None:
        self.out = out
        self.check = check
        self.lang = lang

    def path(self, name: str) -> Path:
        if self.lang != "en":
            name = name.replace("desk-", f"desk-{self.lang}-", 1)
        return self.out / name

    def __call__(self, window: QWidget, name: str, *, ready: bool = False) -> None:
        if not ready:
            settle()
            window.grab().save(str(self.path(name)))
        print(f"{self.path(name).name}  {window.width()}×{window.height()}")
        if self.check:
            print("  Tab:", " → ".join(tab_order(window)) or "(nothing)")
            for problem in misfits(window):
                print("  does not fit:", problem)

    def over(self, window: QWidget, dialog: QWidget, name: str) -> None:
        """`dialog` (a window of its own) painted over the middle of `window`'s picture, with
        a plain title bar (the offscreen platform draws no frames) saying its title; `check`
        prints the dialog's Tab order (the keyboard stays in it) and what does not fit in
        either."""
        from PySide6.QtCore import QPoint, QRect, Qt
        from PySide6.QtGui import QColor, QPainter, QPen

        settle()
        picture = window.grab()
        inside = dialog.grab()
        bar = dialog.fontMetrics().height() + 12
        left = (window.width() - inside.width()) // 2
        top = max(0, (window.height() - inside.height() - bar) // 2)
        painter = QPainter(picture)
        painter.fillRect(QRect(left, top, inside.width(), bar), QColor("#d6d9de"))
        font = dialog.font()
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor("#202020"))
        painter.drawText(
            QRect(left + 10, top, inside.width() - 20, bar),
            Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
            dialog.windowTitle(),
        )
        painter.drawPixmap(QPoint(left, top + bar), inside)
        painter.setPen(QPen(QColor("#7a7f87"), 1))
        painter.drawRect(QRect(left, top, inside.width() - 1, inside.height() + bar - 1))
        painter.end()
        picture.save(str(self.path(name)))
        print(
            f"{self.path(name).name}  {window.width()}×{window.height()}, "
            f"{type(dialog).__name__} {dialog.width()}×{dialog.height()} over it"
        )
        if self.check:
            print("  Tab (dialog):", " → ".join(tab_order(dialog)) or "(nothing)")
            for problem in [*misfits(dialog), *misfits(window)]:
                print("  does not fit:", problem)


# -- English: first run, sign-in, Settings, lock -------------------------------------------


# A clinic's own form, installed in Settings → Forms (as tests/test_forms_install.py builds one).
WOUND_CARE = {
    "format": "outpost-form/1",
    "id": "clinic.wound_care",
    "version": 1,
    "languages": ["en", "fr", "sw"],
    "title": {"en": "Wound care", "fr": "Soins des plaies", "sw": "Huduma ya jeraha"},
    "sections": [
        {
            "id": "wound",
            "title": {"en": "The wound", "fr": "La plaie", "sw": "Jeraha"},
            "fields": [
                {
                    "id": "size",
                    "type": "text",
                    "label": {"en": "Size", "fr": "Taille", "sw": "Ukubwa"},
                }
            ],
        }
    ],
}


W = TypeVar("W", bound="QWidget")


def _visible(parent: QWidget, kind: type[W]) -> W | None:
    shown: W | None = next((w for w in parent.findChildren(kind) if w.isVisible()), None)
    return shown


def _fixed_clock(core: ClinicCore, hour: int, minute: int) -> dt.datetime:
    from desktop.clock import ClinicClock

    instant = dt.datetime.combine(TODAY, dt.time(hour, minute), core.zone).astimezone(dt.UTC)
    core.clock = ClinicClock(core.zone, now=lambda: instant)
    return instant


def setup_and_settings(qapp: QApplication, shoot: Shooter, folder: Path, lang: str = "en") -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QPainter
    from PySide6.QtTest import QTest

    from desktop.app.admin import Role
    from desktop.paths import DataPaths
    from desktop.settings import Settings
    from ui.app import OutpostApp
    from ui.setup_flow import Page

    paths = DataPaths(folder)
    app = OutpostApp(
        qapp, paths, settings=Settings(language=lang, daily_backup=False), auto_lock_ms=3_600_000
    )
    app.start()
    wizard = app.wizard
    assert wizard is not None

    def page() -> Page:
        return wizard.flow.page

    settle(wizard.isVisible)
    shoot(wizard, "desk-00-setup-wizard-welcome.png")

    wizard.next_button.click()
    QTest.keyClicks(wizard.clinic_name, "Kisumu Health Post")
    shoot(wizard, "desk-00b-setup-wizard-clinic.png")

    wizard.next_button.click()
    assert page() is Page.WEEK
    QTest.keyClicks(wizard.provider_name, "Dr. Achieng Otieno")
    QTest.keyClicks(wizard.provider_title, "Clinical officer")
    wizard.hours_fields[5].setText("08:00–12:00")
    wizard.provider_title.setFocus()
    shoot(wizard, "desk-01b-setup-wizard-week.png")
    wizard.hours_fields[2].setText("08:00 to 17:00")
    wizard.next_button.click()
    assert page() is Page.WEEK
    shoot(wizard, "desk-01c-setup-wizard-week-problem.png")
    wizard.hours_fields[2].setText("08:00–17:00")
    wizard.next_button.click()
    assert page() is Page.ADMIN

    QTest.keyClicks(wizard.admin_name, "Amina Odhiambo")
    QTest.keyClicks(wizard.admin_username, "amina")
    QTest.keyClicks(wizard.password, PASSWORD)
    QTest.keyClicks(wizard.password_confirm, PASSWORD + "y")
    wizard.next_button.click()
    assert page() is Page.ADMIN  # the two passwords differ: said beside the second
    shoot(wizard, "desk-01-setup-wizard-admin.png")
    wizard.password_confirm.setText(PASSWORD)
    wizard.next_button.click()
    settle(lambda: wizard.flow.page is Page.RECOVERY and wizard.next_button.isHidden())
    shoot(wizard, "desk-02-setup-wizard-recovery-key.png")
    wizard.acknowledged.setChecked(True)
    wizard.finish_button.click()

    settle(lambda: app.login is not None and app.login.isVisible())
    login = app.login
    assert login is not None
    login.resize(*SIZE)
    QTest.keyClicks(login.password, "correct horse batery")
    QTest.keyClick(login.password, Qt.Key.Key_Return)
    settle(lambda: login.message.isVisible() and login.sign_in.isEnabled())
    shoot(login, "desk-03-login-wrong-password.png")
    QTest.keyClicks(login.password, PASSWORD)
    QTest.keyClick(login.password, Qt.Key.Key_Return)
    settle(lambda: app.session is not None)
    assert app.session is not None

    core = app.session.ctx.core
    instant = _fixed_clock(core, 10, 25)
    admin = core.admin
    admin.update_clinic(
        phone="0712 345 678", address="Oginga Odinga Road\nP.O. Box 1432, Kisumu", code="KHP"
    )
    admin.add_provider("Nurse Peter Mwangi", "Nurse")
    admin.add_appointment_type("Antenatal visit", 30)
    admin.add_appointment_type("Vaccination", 10)
    for username, name, role in (
        ("grace", "Grace Wafula", Role.COORDINATOR),
        ("achieng", "Dr. Achieng Otieno", Role.CLINICIAN),
        ("joseph", "Joseph Kiprono", Role.COORDINATOR),
    ):
        admin.add_user(username=username, display_name=name, role=role, password=PASSWORD)
    admin.set_user_active("joseph", False)
    daily = core.backups.run_automatic("daily", now=instant - dt.timedelta(hours=2, minutes=10))

    window = app.session.window
    window.resize(*SIZE)
    window.nav.setCurrentRow(3)
    settings = window.settings
    for tab, name, ready in (
        (settings.general, "desk-10-settings-general.png", lambda: True),
        (
            settings.users,
            "desk-11-settings-users.png",
            lambda: settings.users.model.rowCount() == 4,
        ),
        (
            settings.clinic,
            "desk-12-settings-clinic.png",
            lambda: settings.clinic.kinds.count() == 3,
        ),
        (
            settings.backups,
            "desk-13-settings-backups.png",
            lambda: bool(settings.backups.status.text()),
        ),
    ):
        settings.tabs.setCurrentWidget(tab)
        settle(ready)
        if tab is settings.general:
            settings.general.language.showPopup()  # English, Français, Kiswahili
            settle()
            popup = settings.general.language.view().window()
            # The list is its own window: painted over the window's picture where it opens.
            picture = window.grab()
            painter = QPainter(picture)
            painter.drawPixmap(window.mapFromGlobal(popup.pos()), popup.grab())
            painter.end()
            picture.save(str(shoot.path(name)))
            settings.general.language.hidePopup()
            shoot(window, name, ready=True)
            continue
        if tab is settings.users:
            settings.users.table.selectRow(2)  # grace: the buttons as for anyone else
        if tab is settings.clinic:
            settings.clinic.kinds.setCurrentRow(1)  # Consultation: Change… and No longer used…
        shoot(window, name)

    # Settings → Forms: the clinic's own form installed through the core, and a file left in
    # the data folder's forms folder, which the panel names as not installed.
    core.forms.install(json.dumps(WOUND_CARE).encode("utf-8"), "wound_care.v1.json")
    core.paths.forms.mkdir(exist_ok=True)
    (core.paths.forms / "old_intake.json").write_text("{}", encoding="utf-8")
    forms_panel = settings.forms
    settings.tabs.setCurrentWidget(forms_panel)
    settle(lambda: forms_panel.model.rowCount() == 1 and forms_panel.problems.isVisible())
    forms_panel.table.selectRow(0)
    shoot(window, "desk-13b-settings-forms.png")

    # Settings → Backups → Restore…: the morning's automatic backup (this store's key opens
    # it), so only the administrator's own password is asked, typed.
    from PySide6.QtWidgets import QMessageBox

    from ui.small_dialog import InputDialog

    backups = settings.backups
    settings.tabs.setCurrentWidget(backups)
    settle(lambda: bool(backups.status.text()))
    backups.check_then_ask_restore(daily.written[0])
    settle(lambda: _visible(backups, InputDialog) is not None)
    restore = _visible(backups, InputDialog)
    assert isinstance(restore, InputDialog)
    QTest.keyClicks(restore.fields["password"], PASSWORD)
    shoot.over(window, restore, "desk-13c-restore-dialog.png")
    restore.reject()
    settle(lambda: _visible(backups, InputDialog) is None)

    # Settings → Users: Grace disabled (the store is re-keyed), and what that means.
    users = settings.users
    settings.tabs.setCurrentWidget(users)
    settle(lambda: users.model.rowCount() == 4)
    users.table.selectRow(2)
    grace = users.selected()
    assert grace is not None and grace.username == "grace"
    disabling = users.disable(grace)
    settle(lambda: disabling.done and _visible(users, QMessageBox) is not None)
    settle(lambda: users.model.item(2, 3).text() != "Active")  # the list follows the change
    box = _visible(users, QMessageBox)
    assert box is not None
    shoot.over(window, box, "desk-11b-settings-users-disabled.png")
    box.done(0)

    window.lock_requested.emit()
    lock = app.session.lock
    settle(lambda: lock.screen is not None and lock.screen.isVisible())
    assert lock.screen is not None
    shoot(lock.screen, "desk-14-lock-screen.png")
    lock.unlock()

    # Today, once damage was found in the records: the banner across the top. A morning's
    # appointments first (nothing can be saved afterwards); the damage is marked as any query
    # meeting a damaged page marks it (tests/ui/test_integrity_banner.py).
    from desktop.demo import seed_demo
    from desktop.store.engine import damage_watch

    _fixed_clock(core, 7, 30)
    seed_demo(core, count=60)
    early = [
        e for e in core.schedule.day(TODAY) if e.status.value == "booked" and e.starts_at.hour < 11
    ]
    _fixed_clock(core, 9, 52)
    core.schedule.check_in(early[0].appointment_id)
    _fixed_clock(core, 10, 4)
    core.schedule.check_in(early[1].appointment_id)
    core.schedule.start(early[0].appointment_id)
    _fixed_clock(core, 10, 25)
    damage_watch(core.store.engine).found("a damaged page in the appointments table")
    window.resize(*WIDE)
    window.nav.setCurrentRow(0)
    today = window.today
    today.show_day(TODAY)  # the window opened before the clinic's clock was fixed
    settle(
        lambda: (
            window.integrity_banner.isVisible()
            and today.data is not None
            and today.data.day == TODAY
            and len(today.data.entries) > 0
        )
    )
    today.select_appointment(early[0].appointment_id)
    shoot(window, "desk-15-damaged-banner.png")

    lock.stop()
    window.close_for_real()
    app.session = None
    app.shutdown()
    core.close()


# -- Swahili: Today and the patient record --------------------------------------------------


def swahili(qapp: QApplication, shoot: Shooter, folder: Path) -> None:
    from desktop.core import ClinicCore
    from desktop.demo import seed_demo
    from desktop.paths import DataPaths
    from desktop.settings import Settings
    from desktop.store import store as store_module
    from ui.app import OutpostApp

    paths = DataPaths(folder)
    store, _ = store_module.create(
        paths,
        clinic_name="Kisumu Health Post",
        admin_username="amina",
        admin_display_name="Amina Odhiambo",
        password=PASSWORD,
    )
    core = ClinicCore.from_store(store)
    core.settings.daily_backup = False
    _fixed_clock(core, 7, 30)
    seed_demo(core, count=200)
    early = [
        e for e in core.schedule.day(TODAY) if e.status.value == "booked" and e.starts_at.hour < 11
    ]
    _fixed_clock(core, 9, 52)
    core.schedule.check_in(early[0].appointment_id)
    _fixed_clock(core, 10, 4)
    core.schedule.check_in(early[1].appointment_id)
    core.schedule.start(early[0].appointment_id)
    _fixed_clock(core, 10, 25)

    app = OutpostApp(
        qapp, paths, settings=Settings(language="sw", daily_backup=False), auto_lock_ms=3_600_000
    )
    core.settings.language = "sw"
    app._signed_in(core)
    assert app.session is not None
    window = app.session.window
    window.resize(*WIDE)
    today = window.today
    settle(lambda: today.data is not None and today.data.day == TODAY)
    today.select_appointment(early[0].appointment_id)  # being seen: Finish is offered
    shoot(window, "desk-04-today.png")

    # The record of a patient booked today whose appointments around it show the most
    # statuses, then are the most (a name in Latin letters; the demo books antenatal visits
    # for men too, so none of those).
    around = [e for d in range(-21, 22) for e in core.schedule.day(TODAY + dt.timedelta(days=d))]
    statuses: dict[object, set[str]] = defaultdict(set)
    for e in around:
        statuses[e.patient_id].add(e.status.value)
    antenatal = {e.patient_id for e in around if "antenatal" in e.type_name.casefold()}
    candidates = [
        e
        for e in core.schedule.day(TODAY)
        if e.patient_name.isascii() and e.patient_id not in antenatal
    ]
    booked = Counter(e.patient_id for e in around)
    patient = max(
        candidates, key=lambda e: (len(statuses[e.patient_id]), booked[e.patient_id])
    ).patient_id
    window.resize(*SIZE)
    window.show_patient(patient)
    record = window.patients.record
    settle(lambda: record.chart is not None)
    record.tabs.setCurrentIndex(1)  # appointments
    settle()
    table = record.appointments
    for row in range(table.model().rowCount()):  # today's: the buttons for it
        if table.model().index(row, 0).data().startswith(f"{TODAY.day} "):
            table.selectRow(row)
    shoot(window, "desk-08-patient-record.png")

    app.session.lock.stop()
    window.close_for_real()
    app.session = None
    app.shutdown()
    core.close()


def run(part: str, out: Path, check: bool) -> None:
    from PySide6.QtWidgets import QApplication

    qapp = QApplication(sys.argv[:1])
    from ui import qt_fixes

    qt_fixes.install()
    # A fixed folder, so the path the wizard and the sign-in window show stays the same.
    folder = Path(tempfile.gettempdir()) / f"outpost-screens-{part}"
    shutil.rmtree(folder, ignore_errors=True)
    try:
        data = folder / "Outpost"
        if part == "en":
            setup_and_settings(qapp, Shooter(out, check), data)
        elif part == "setup-sw":
            setup_and_settings(qapp, Shooter(out, check, "sw"), data, "sw")
        else:
            swahili(qapp, Shooter(out, check, "sw"), data)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def main(argv: list[str]) -> None:
    out = HERE
    if "--out" in argv:
        out = Path(argv[argv.index("--out") + 1]).resolve()
    check = "--check" in argv
    if "--part" in argv:  # one language per process: the interface language is set at start
        run(argv[argv.index("--part") + 1], out, check)
        # Every picture is saved: leave without the interpreter's last garbage collection,
        # which now and then crashes in the Qt objects left over (a heap corruption seen
        # after the English part since the Forms, restore, disable and damage screens).
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(0)
    for part in ("en", "sw"):
        command = [sys.executable, str(Path(__file__).resolve()), "--part", part, "--out", str(out)]
        subprocess.run(command + (["--check"] if check else []), check=True, cwd=ROOT)


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    main(sys.argv[1:])
