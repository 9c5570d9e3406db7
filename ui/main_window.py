"""The signed-in window: navigation on the left (Today, Patients, Calendar, Settings), the
current view on the right, a status bar with who is signed in and the sync state.

Views are built here and talk to each other only through this window's methods; what the
core changed reaches each of them through `ctx.changes`. Lock (Ctrl+L) and Quit (Ctrl+Q) work
from every window of the session, dialogs and forms included. The forms work plugs into
`open_form_requested` and `print_requested` (see `ui.forms_seam`).

A while after sign-in the window has the core check the store's integrity in the background
(on the long-work thread, at low priority: typing never waits for it). Damaged records, found
by that check or by any other query, show a banner across the top; the core makes the store
read-only meanwhile.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ui import labels
from ui.forms_seam import PrintRequest
from ui.integrity_banner import IntegrityBanner
from ui.sync_status import SyncStatusWidget, SyncWatcher
from ui.tasks import Operation, TaskContext
from ui.util import inform, is_alive, person

if TYPE_CHECKING:
    from desktop.app.integrity import IntegrityReport
    from desktop.app.schedule import TodayData
    from desktop.changes import Changes
    from ui.calendar_view import CalendarView
    from ui.context import ClinicContext
    from ui.patients_view import PatientsView
    from ui.settings_view import SettingsView
    from ui.sync_page import SyncPage
    from ui.worklist_page import WorklistPage

TODAY, PATIENTS, CALENDAR, SETTINGS, SYNC, WORKLIST = range(6)

log = logging.getLogger(__name__)

INTEGRITY_CHECK_DELAY_MS = 120_000
"""The background integrity check starts two minutes after sign-in: the first minutes of
work (the daily backup, the first searches) never share the disk and the CPU with it."""

LOCK_KEYS = QKeySequence("Ctrl+L")
QUIT_KEYS = QKeySequence("Ctrl+Q")  # the platform's StandardKey.Quit may be empty (offscreen)
SYNC_KEYS = "Ctrl+Shift+S"


def _matches(event: QKeyEvent, keys: QKeySequence) -> bool:
    if keys.isEmpty():
        return False
    pressed = QKeySequence(event.keyCombination())
    return pressed.matches(keys) == QKeySequence.SequenceMatch.ExactMatch


class SessionShortcuts(QObject):
    """Ctrl+L and Ctrl+Q from any window of the session, a dialog or a form included.

    The menu's shortcuts belong to the main window, and Qt does not fire them while a
    window-modal dialog covers it; this filter, on the application, sees the key press in
    whichever window of the session has the focus. Quitting still asks about unsaved work
    (the composition root does that)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() not in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride):
            return False
        if not isinstance(watched, QWidget) or not isinstance(event, QKeyEvent):
            return False
        lock, quit_ = _matches(event, LOCK_KEYS), _matches(event, QUIT_KEYS)
        if not (lock or quit_):
            return False
        top = watched.window()
        if top is self.window or not self.window.owns(top):
            return False  # the main window's own menu shortcuts, or not the session's
        if event.type() == QEvent.Type.ShortcutOverride:
            event.accept()  # keep it a key press: no widget's own shortcut takes it
            return False
        (self.window.lock_requested if lock else self.window.quit_requested).emit()
        return True


class MainWindow(QMainWindow):
    open_form_requested = Signal(object, object)  # patient id, form record id or None
    print_requested = Signal(object)  # PrintRequest
    lock_requested = Signal()
    switch_user_requested = Signal()
    quit_requested = Signal()
    restore_requested = Signal(object)  # RestoreRequest (ui.backup_panel)

    def __init__(
        self,
        ctx: ClinicContext,
        parent: QWidget | None = None,
        *,
        first_day: TodayData | None = None,
    ) -> None:
        super().__init__(parent)
        from ui.today_view import TodayView

        self.ctx = ctx
        self._closing_for_real = False
        # Qt adds the application's name ("— Outpost") to every window title.
        self.setWindowTitle(ctx.core.clinic_name)
        self.setAccessibleName(self.windowTitle())
        self.setMinimumSize(QSize(900, 560))

        # Today is the first screen; the other views are built the first time they are
        # needed (login to a usable Today screen is on the performance budget).
        self.today = TodayView(ctx, first_day=first_day)
        self.today.open_patient_requested.connect(self.show_patient)
        self._views: dict[int, QWidget] = {TODAY: self.today}
        self.page_titles = [
            self.tr("Today"),
            self.tr("Patients"),
            self.tr("Calendar"),
            self.tr("Settings"),
            self.tr("Sync"),
            self.tr("Worklist"),
        ]
        self.pages = QStackedWidget()
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setAccessibleName(self.tr("Sections"))
        self.nav.setMaximumWidth(190)
        self.nav.setSpacing(2)
        font = self.nav.font()
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.nav.setFont(font)
        for index, title in enumerate(self.page_titles):
            item = QListWidgetItem(title)
            item.setToolTip(f"{title} (Ctrl+{index + 1})")
            item.setSizeHint(QSize(150, 40))
            self.nav.addItem(item)
            self.pages.addWidget(self.today if index == TODAY else QWidget())
        self.nav.currentRowChanged.connect(self._show_page)
        # Built at once, not on first use: the side list shows its count from the start.
        self._view(WORKLIST)

        central = QWidget()
        outer = QVBoxLayout(central)
        outer.setContentsMargins(6, 6, 6, 0)
        self.integrity_banner = IntegrityBanner()
        self.integrity_banner.backups_requested.connect(self._go_to(SETTINGS))
        outer.addWidget(self.integrity_banner)
        from ui.sync_page import ClockBanner

        self.clock_banner = ClockBanner()
        outer.addWidget(self.clock_banner)
        ctx.sync.changed.connect(self.clock_banner.show_snapshot)
        layout = QHBoxLayout()
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.nav)
        layout.addWidget(self.pages, 1)
        outer.addLayout(layout, 1)
        self.setCentralWidget(central)
        # Known damaged already (an earlier session found it): say so from the first moment.
        self.integrity_banner.show_state(ctx.core.integrity.state())
        ctx.changes.changed.connect(self._on_changes)
        self._integrity_check: Operation[IntegrityReport] | None = None
        self._integrity_timer = QTimer(self)
        self._integrity_timer.setSingleShot(True)
        self._integrity_timer.setInterval(INTEGRITY_CHECK_DELAY_MS)
        self._integrity_timer.timeout.connect(self.check_integrity)
        self._integrity_timer.start()

        self._build_menus()
        self._build_status_bar()
        self.sync_watcher = SyncWatcher(ctx, self)
        self.shortcuts = SessionShortcuts(self)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self.shortcuts)
        self.nav.setCurrentRow(TODAY)
        self.resize(1280, 720)

    # -- the views, built on first use --

    def _view(self, row: int) -> QWidget:
        view = self._views.get(row)
        if view is None:
            view = self._build_view(row)
            placeholder = self.pages.widget(row)
            self.pages.insertWidget(row, view)
            if placeholder is not None:
                self.pages.removeWidget(placeholder)
                placeholder.deleteLater()
            self._views[row] = view
        return view

    def _build_view(self, row: int) -> QWidget:
        # Views ask for each other through the window.
        if row == PATIENTS:
            from ui.patients_view import PatientsView

            patients = PatientsView(self.ctx)
            patients.open_form_requested.connect(self.open_form_requested.emit)
            patients.print_requested.connect(self.print_requested.emit)
            return patients
        if row == CALENDAR:
            from ui.calendar_view import CalendarView

            calendar = CalendarView(self.ctx)
            calendar.open_patient_requested.connect(self.show_patient)
            return calendar
        if row == WORKLIST:
            from ui.worklist_page import WorklistPage

            worklist = WorklistPage(self.ctx)
            worklist.open_patient_requested.connect(self.show_patient)
            worklist.count_changed.connect(self._show_worklist_count)
            return worklist
        from ui.settings_view import SettingsView

        if row == SYNC:
            from ui.sync_page import SyncPage

            page = SyncPage(self.ctx)
            page.connect_requested.connect(self.show_hq_settings)
            return page
        settings = SettingsView(self.ctx)
        settings.restore_requested.connect(self.restore_requested.emit)
        hq = getattr(settings, "hq", None)
        if hq is not None:
            hq.open_sync_requested.connect(self._go_to(SYNC))
        return settings

    @property
    def patients(self) -> PatientsView:
        return cast("PatientsView", self._view(PATIENTS))

    @property
    def calendar(self) -> CalendarView:
        return cast("CalendarView", self._view(CALENDAR))

    @property
    def settings(self) -> SettingsView:
        return cast("SettingsView", self._view(SETTINGS))

    @property
    def sync_page(self) -> SyncPage:
        return cast("SyncPage", self._view(SYNC))

    @property
    def worklist(self) -> WorklistPage:
        return cast("WorklistPage", self._view(WORKLIST))

    def _show_worklist_count(self, count: int) -> None:
        item = self.nav.item(WORKLIST)
        if item is None:
            return
        title = self.page_titles[WORKLIST]
        item.setText(self.tr("{title} ({n})").format(title=title, n=count) if count else title)
        item.setToolTip(
            self.tr("Who to call today: {n} (Ctrl+6)").format(n=count)
            if count
            else self.tr("Who to call today: nobody (Ctrl+6)")
        )

    # -- menus and shortcuts --

    def _action(
        self,
        text: str,
        slot: Callable[[], object],
        shortcut: str | QKeySequence | QKeySequence.StandardKey | None = None,
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        outpost = bar.addMenu(self.tr("&Outpost"))
        outpost.addAction(self._action(self.tr("&Lock now"), self.lock_requested.emit, LOCK_KEYS))
        outpost.addAction(
            self._action(self.tr("&Switch user…"), self.switch_user_requested.emit, "Ctrl+Shift+L")
        )
        outpost.addSeparator()
        outpost.addAction(self._action(self.tr("S&ync now"), self.sync_now, SYNC_KEYS))
        outpost.addSeparator()
        outpost.addAction(self._action(self.tr("&Quit"), self.quit_requested.emit, QUIT_KEYS))

        go = bar.addMenu(self.tr("&Go"))
        for row, (text, key) in enumerate(
            (
                (self.tr("&Today"), "Ctrl+1"),
                (self.tr("&Patients"), "Ctrl+2"),
                (self.tr("&Calendar"), "Ctrl+3"),
                (self.tr("S&ettings"), "Ctrl+4"),
                (self.tr("S&ync with HQ"), "Ctrl+5"),
                (self.tr("&Worklist"), "Ctrl+6"),
            )
        ):
            go.addAction(self._action(text, self._go_to(row), key))

        patient = bar.addMenu(self.tr("&Patient"))
        self.find_action = self._action(self.tr("&Find a patient"), self.find_patient, "Ctrl+F")
        self.new_action = self._action(self.tr("&New patient…"), self.new_patient, "Ctrl+N")
        self.print_action = self._action(self.tr("&Print…"), self.print_current, "Ctrl+P")
        for action in (self.find_action, self.new_action, self.print_action):
            patient.addAction(action)
        patient.addAction(
            self._action(
                self.tr("Print &blank forms…"),
                lambda: self.print_requested.emit(PrintRequest("blank_forms")),
            )
        )

        visit = bar.addMenu(self.tr("&Appointment"))
        self.check_in_action = self._action(self.tr("&Check in"), self.check_in, "Ctrl+I")
        visit.addAction(self.check_in_action)
        visit.addAction(self._action(self.tr("&Walk-in…"), self.walk_in, "Ctrl+Shift+I"))
        visit.addAction(self._action(self.tr("&Book an appointment…"), self.book, "Ctrl+B"))
        visit.addAction(self._action(self.tr("&Refresh"), self.refresh, "F5"))

        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(self._action(self.tr("&Keyboard shortcuts"), self.show_shortcuts, "F1"))

    def _build_status_bar(self) -> None:
        actor = self.ctx.actor
        who = QLabel(
            self.tr("Signed in: {name} ({role})").format(
                name=person(actor.display_name), role=labels.role_label(actor.role.value)
            )
        )
        who.setObjectName("signed_in")
        self.sync_widget = SyncStatusWidget(self.ctx.sync)
        self.sync_widget.open_requested.connect(self._go_to(SYNC))
        self.ctx.sync.sync_requested.connect(self.sync_now)
        self.backup_label = QLabel()
        self.backup_label.setObjectName("backup_state")
        self.backup_label.setWordWrap(False)
        bar = self.statusBar()
        bar.addWidget(who)
        bar.addWidget(self.backup_label, 1)
        bar.addPermanentWidget(self.sync_widget)

    def clinic_renamed(self, name: str) -> None:
        self.setWindowTitle(name)
        self.setAccessibleName(name)

    def show_backup_state(self, text: str, details: str = "") -> None:
        self.backup_label.setText(text)
        self.backup_label.setToolTip(details or text)
        self.backup_label.setAccessibleDescription(details or text)

    # -- the store's integrity --

    def _on_changes(self, changes: Changes) -> None:
        from desktop.app.integrity import INTEGRITY  # loaded with the core already

        if changes.touches(INTEGRITY) and not self._closing_for_real:
            self.integrity_banner.show_state(self.ctx.core.integrity.state())

    def check_integrity(self) -> None:
        """The background check (long-work thread, low priority, no progress window); what it
        finds reaches the banner through the core's change events."""
        if self._integrity_check is not None or self._closing_for_real:
            return
        core = self.ctx.core

        def work(task: TaskContext) -> IntegrityReport:
            return core.integrity.background_check(cancel=lambda: task.cancelled)

        def failed(error: BaseException) -> None:
            # Not the person's business unless it found damage (then the banner says so).
            log.warning("the background integrity check could not run: %s", type(error).__name__)

        def finished() -> None:
            self._integrity_check = None

        op: Operation[Any] = Operation(
            self, self.ctx.tasks, work, long=True, progress_delay_ms=2**30
        )
        self._integrity_check = op
        op.failure(failed).finished(finished).run()

    # -- navigation --

    def _go_to(self, row: int) -> Callable[[], None]:
        return lambda: self.nav.setCurrentRow(row)

    def _show_page(self, row: int) -> None:
        if row < 0:
            return
        view = self._view(row)
        self.pages.setCurrentIndex(row)
        activated = getattr(view, "activated", None)
        if activated is not None:
            activated()

    def sync_now(self) -> None:
        """Ctrl+Shift+S (or the status bar's button): the sync page, syncing."""
        self.nav.setCurrentRow(SYNC)
        page = self.sync_page
        if page.sync_button.isEnabled():
            page.sync_now()

    def show_hq_settings(self) -> None:
        self.nav.setCurrentRow(SETTINGS)
        hq = getattr(self.settings, "hq", None)
        if hq is not None:
            self.settings.tabs.setCurrentWidget(hq)

    def show_today(self) -> None:
        self.nav.setCurrentRow(TODAY)

    def show_worklist(self) -> None:
        self.nav.setCurrentRow(WORKLIST)

    def show_patient(self, patient_id: uuid.UUID) -> None:
        self.nav.setCurrentRow(PATIENTS)
        self.patients.open_record(patient_id)

    def find_patient(self) -> None:
        self.nav.setCurrentRow(PATIENTS)
        self.patients.focus_search()

    def new_patient(self) -> None:
        self.nav.setCurrentRow(PATIENTS)
        self.patients.new_patient()

    def check_in(self) -> None:
        self.nav.setCurrentRow(TODAY)
        self.today.check_in()

    def walk_in(self) -> None:
        """A patient without an appointment joins today's check-in queue."""
        self.nav.setCurrentRow(TODAY)
        self.today.walk_in()

    def book(self) -> None:
        row = self.nav.currentRow()
        if row == PATIENTS and self.patients.showing_record():
            self.patients.record.book()
        else:
            self.nav.setCurrentRow(CALENDAR)
            self.calendar.book()

    def refresh(self) -> None:
        refresh = getattr(self.pages.currentWidget(), "refresh", None)
        if refresh is not None:
            refresh()

    def print_current(self) -> None:
        request: PrintRequest | None = None
        row = self.nav.currentRow()
        if row == PATIENTS:
            request = self.patients.print_request()
        elif row == TODAY:
            request = PrintRequest("day_list", day=self.today.day)
        if request is None:
            inform(
                self,
                self.tr("Print"),
                self.tr("Open a patient's record or the day's list first, then print."),
            )
            return
        self.print_requested.emit(request)

    def show_shortcuts(self) -> None:
        lines = [
            ("Ctrl+F", self.tr("Find a patient")),
            ("Ctrl+N", self.tr("New patient")),
            ("Ctrl+I", self.tr("Check in the selected appointment")),
            ("Ctrl+Shift+I", self.tr("Walk-in: a patient without an appointment")),
            ("Ctrl+B", self.tr("Book an appointment")),
            ("Ctrl+P", self.tr("Print")),
            ("Ctrl+1 … Ctrl+4", self.tr("Today, Patients, Calendar, Settings")),
            ("F5", self.tr("Refresh")),
            ("Ctrl+L", self.tr("Lock now")),
            ("Ctrl+Q", self.tr("Quit")),
            ("Ctrl+Shift+L", self.tr("Switch user")),
            ("Ctrl+5", self.tr("Sync with HQ")),
            ("Ctrl+Shift+S", self.tr("Sync now")),
            ("Ctrl+6", self.tr("Worklist: who to call today")),
        ]
        text = "\n".join(f"{keys}\t{what}" for keys, what in lines)
        inform(self, self.tr("Keyboard shortcuts"), text)

    # -- unsaved work and closing --

    def unsaved_work(self) -> list[str]:
        """Window titles of dialogs and views holding changes not yet saved."""
        found = []
        # Not only visible ones: behind the lock screen everything is hidden.
        candidates = [(self.page_titles[row], view) for row, view in self._views.items()]
        candidates += [
            (w.windowTitle(), w)
            for w in QApplication.topLevelWidgets()
            if w is not self and self.owns(w)
        ]
        for title, widget in candidates:
            check = getattr(widget, "has_unsaved_changes", None)
            if check is not None and is_alive(widget) and check():
                found.append(title or self.tr("an open window"))
        return found

    def close_for_real(self) -> None:
        """Close without asking (the session is ending; the caller asked already)."""
        self._closing_for_real = True
        self._integrity_timer.stop()
        self.sync_watcher.stop()
        sync_page = self._views.get(SYNC)
        if sync_page is not None:
            cast("SyncPage", sync_page).cancel()  # it stops at its next step; nothing is lost
        if self._integrity_check is not None:
            self._integrity_check.cancel()  # it stops at its next step; nothing is recorded
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self.shortcuts)
        for widget in QApplication.topLevelWidgets():
            if widget is not self and self.owns(widget):
                # done()/hide(), not close(): a dialog's own "discard changes?" question
                # has been asked for the whole session already.
                if isinstance(widget, QDialog):
                    widget.done(QDialog.DialogCode.Rejected)
                else:
                    widget.hide()
                widget.deleteLater()
        self.close()

    def owns(self, widget: QWidget) -> bool:
        # QWidget.isAncestorOf stops at window boundaries; dialogs are windows of their own.
        parent = widget.parentWidget()
        while parent is not None:
            if parent is self:
                return True
            parent = parent.parentWidget()
        return False

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._closing_for_real:
            event.accept()
            return
        # The window's close button means "quit": the composition root asks and decides.
        event.ignore()
        self.quit_requested.emit()
