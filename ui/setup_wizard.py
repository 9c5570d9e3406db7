"""First run: name the clinic, lay out its week (opening hours, a first provider and an
appointment type, so it can book at once), create the first administrator, show the
recovery key once. Or join a clinic HQ already knows (ui.setup_join: HQ's address and an
enrolment code, typed or pasted as a link, then an existing account), after which the app
opens signed in.

The navigation is decided by `ui.setup_flow.SetupFlow` (no Qt, unit-tested); this dialog
draws the pages, shows each problem beside its field, and creates the store on the
database thread through the core's `desktop.app.session.create_clinic`.
"""

from __future__ import annotations

import zoneinfo
from typing import TYPE_CHECKING, Any, Literal

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QFontDatabase, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.passwords import MIN_LENGTH
from ui import labels
from ui.errors import error_text, show_error
from ui.language import localized
from ui.setup_flow import PAGE_FIELDS, Page, Problem, SetupFlow
from ui.tasks import Operation, TaskContext, TaskRunner
from ui.util import FieldError, buddy_label, heading, make_button, with_colon

if TYPE_CHECKING:
    from desktop.paths import DataPaths


class SetupWizard(QDialog):
    """Emits `store_created(username)` once the person has acknowledged the recovery key, or
    `joined(core)` (signed in) once a laptop that joined a clinic from HQ is set up."""

    store_created = Signal(str)
    joined = Signal(object)  # desktop.core.ClinicCore, signed in

    def __init__(self, paths: DataPaths, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.paths = paths
        self.tasks = tasks
        self.flow = SetupFlow()
        self.preview: QWidget | None = None  # the recovery sheet's print preview, once opened
        self._creating = False
        self.joined_core: Any = None  # the signed-in ClinicCore, until Finish
        self._tried: set[Page] = set()  # pages where Next was pressed: problems update live
        # Qt adds the application's name ("— Outpost") to every window title.
        self.setWindowTitle(self.tr("Setting up the clinic"))
        self.setAccessibleName(self.windowTitle())
        self.setMinimumWidth(620)

        self.step_label = QLabel()
        self.pages = QStackedWidget()
        self.errors: dict[str, FieldError] = {}
        self.page_widgets = {
            Page.WELCOME: self._welcome_page(),
            Page.CLINIC: self._clinic_page(),
            Page.WEEK: self._week_page(),
            Page.ADMIN: self._admin_page(),
            Page.RECOVERY: self._recovery_page(),
        }
        from ui.setup_join import JoinPages

        self.join = JoinPages(self)
        self.page_widgets[Page.JOIN] = self.join.join_page
        self.page_widgets[Page.JOINED] = self.join.joined_page
        for widget in self.page_widgets.values():
            self.pages.addWidget(widget)

        self.back_button = make_button(self.tr("< &Back"), self._back)
        self.next_button = make_button(self.tr("&Next >"), self._next, default=True)
        self.finish_button = make_button(self.tr("&Finish"), self._finish)
        self.cancel_button = make_button(self.tr("Cancel"), self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        for button in (self.back_button, self.next_button, self.finish_button):
            buttons.addWidget(button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.step_label)
        layout.addWidget(self.pages, 1)
        layout.addLayout(buttons)
        self._sync()

    # -- pages --

    def _error_for(self, name: str, field: QWidget) -> FieldError:
        error = FieldError().attach(field)
        self.errors[name] = error
        return error

    def _welcome_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(heading(self.tr("Welcome to Outpost")))
        text = QLabel(
            self.tr(
                "This laptop holds no clinic records yet. In {steps} short steps you will name "
                "the clinic, set out its week (opening hours, a first provider and an "
                "appointment type), create the first administrator's account, and receive the "
                "recovery key.\n\nEverything is kept encrypted on this laptop, in this folder:"
            ).format(steps=self.flow.steps)
        )
        text.setObjectName("welcome_text")
        text.setWordWrap(True)
        folder = QLabel(str(self.paths.root))
        folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        folder.setWordWrap(True)
        self.new_choice = QRadioButton(self.tr("&Set up a new clinic on this laptop"))
        self.new_choice.setObjectName("choose_new")
        self.new_choice.setChecked(True)
        self.join_choice = QRadioButton(
            self.tr("&Join an existing clinic: HQ knows it, and its records come from HQ")
        )
        self.join_choice.setObjectName("choose_join")
        join_hint = QLabel(
            self.tr(
                "For a new or replacement laptop of a clinic that already syncs with HQ: you "
                "need HQ's address, an enrolment code from HQ, and your own account of the "
                "clinic."
            )
        )
        join_hint.setWordWrap(True)
        join_hint.setIndent(24)
        self.join_choice.setAccessibleDescription(join_hint.text())
        layout.addWidget(text)
        layout.addWidget(folder)
        layout.addSpacing(8)
        layout.addWidget(self.new_choice)
        layout.addWidget(self.join_choice)
        layout.addWidget(join_hint)
        layout.addStretch(1)
        return page

    def _clinic_page(self) -> QWidget:
        page = QWidget()
        outer = QVBoxLayout(page)
        outer.addWidget(heading(self.tr("The clinic")))
        form = QFormLayout()
        self.clinic_name = QLineEdit()
        self.clinic_name.setMaxLength(200)
        self.clinic_name.setPlaceholderText(self.tr("e.g. Kisumu Health Post"))
        self.country = QComboBox()
        for code in labels.COUNTRIES:
            self.country.addItem(f"{labels.country_label(code)} ({code})", code)
        self.timezone = QComboBox()
        self.timezone.setEditable(True)
        self.timezone.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.timezone.addItems(sorted(zoneinfo.available_timezones()))
        completer = QCompleter(self.timezone.model(), self.timezone)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.timezone.setCompleter(completer)
        self.timezone.setCurrentText(self.flow.answers.timezone)
        self.country.currentIndexChanged.connect(self._country_changed)

        for name, label, field in (
            ("clinic_name", self.tr("Clinic na&me:"), self.clinic_name),
            ("country", self.tr("&Country:"), self.country),
            ("timezone", self.tr("&Time zone:"), self.timezone),
        ):
            box = QVBoxLayout()
            box.setSpacing(2)
            box.addWidget(field)
            box.addWidget(self._error_for(name, field))
            form.addRow(buddy_label(label, field), box)
        hint = QLabel(
            self.tr(
                "The country sets how phone numbers are read; the time zone sets "
                "the clinic's clock for appointments."
            )
        )
        hint.setWordWrap(True)
        outer.addLayout(form)
        outer.addWidget(hint)
        outer.addStretch(1)
        self.clinic_name.textChanged.connect(self._answers_changed)
        self.timezone.currentTextChanged.connect(self._answers_changed)
        return page

    def _week_page(self) -> QWidget:
        page = QWidget()
        outer = QVBoxLayout(page)
        outer.addWidget(heading(self.tr("The clinic's week")))
        intro = QLabel(
            self.tr(
                "So that appointments can be booked from the start: when the clinic is open, "
                "who sees patients, and the usual kind of visit. All of it can be changed, and "
                "more added, in Settings → Clinic."
            )
        )
        intro.setWordWrap(True)
        outer.addWidget(intro)
        a = self.flow.answers
        form = QFormLayout()
        self.provider_name = QLineEdit()
        self.provider_name.setPlaceholderText(self.tr("e.g. Dr. Achieng Otieno"))
        self.provider_title = QLineEdit()
        self.provider_title.setPlaceholderText(self.tr("e.g. Clinical officer"))
        self.type_name = QLineEdit(self.tr("Consultation"))
        self.type_minutes = QSpinBox()
        self.type_minutes.setRange(5, 480)
        self.type_minutes.setSingleStep(5)
        self.type_minutes.setValue(a.type_minutes)
        self.type_minutes.setSuffix(self.tr(" min"))
        self.type_minutes.setMaximumWidth(140)
        self.hours_fields: list[QLineEdit] = []
        rows: list[tuple[str, str, QWidget]] = [
            ("provider_name", self.tr("First &provider:"), self.provider_name),
            ("provider_title", self.tr("Their t&itle:"), self.provider_title),
            ("type_name", self.tr("Appointment &type:"), self.type_name),
            ("type_minutes", self.tr("&Duration:"), self.type_minutes),
        ]
        for day in range(7):
            edit = QLineEdit(a.hours.get(day, ""))
            edit.setObjectName(f"opening_{day}")
            edit.setPlaceholderText(self.tr("closed"))
            self.hours_fields.append(edit)
            rows.append((f"hours_{day}", with_colon(labels.weekday_label(day)), edit))
        hint = QLabel(
            self.tr(
                "Opening hours, e.g. 08:00–13:00, 14:00–17:00; leave a day empty when the "
                "clinic is closed. The first provider works these hours."
            )
        )
        hint.setWordWrap(True)
        for name, label, field in rows:
            if name == "hours_0":
                form.addRow(heading(self.tr("Opening hours"), level=2))
                form.addRow(hint)
            box = QVBoxLayout()
            box.setSpacing(2)
            box.addWidget(field)
            box.addWidget(self._error_for(name, field))
            form.addRow(buddy_label(label, field), box)
            if isinstance(field, QLineEdit):
                field.textChanged.connect(self._answers_changed)
        self.type_minutes.valueChanged.connect(self._answers_changed)
        outer.addLayout(form)
        outer.addStretch(1)
        return page

    def _admin_page(self) -> QWidget:
        page = QWidget()
        outer = QVBoxLayout(page)
        outer.addWidget(heading(self.tr("The first administrator")))
        intro = QLabel(
            self.tr(
                "The administrator adds the other users and looks after the "
                "clinic's settings and backups."
            )
        )
        intro.setWordWrap(True)
        outer.addWidget(intro)
        form = QFormLayout()
        self.admin_name = QLineEdit()
        self.admin_name.setPlaceholderText(self.tr("e.g. Amina Odhiambo"))
        self.admin_username = QLineEdit()
        self.admin_username.setPlaceholderText(self.tr("e.g. amina"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_confirm = QLineEdit()
        self.password_confirm.setEchoMode(QLineEdit.EchoMode.Password)
        rules = QLabel(
            self.tr(
                "Password: at least {n} characters; a short sentence is easier to remember than "
                "a jumble. Not the same as the user name."
            ).format(n=MIN_LENGTH)
        )
        rules.setWordWrap(True)
        rules.setObjectName("password_rules")
        username_hint = QLabel(
            self.tr("Lower-case letters, digits, '.', '_' or '-', starting with a letter.")
        )
        username_hint.setWordWrap(True)
        for name, label, field, hint in (
            ("admin_display_name", self.tr("Full na&me:"), self.admin_name, None),
            ("admin_username", self.tr("&User name:"), self.admin_username, username_hint),
            ("password", self.tr("&Password:"), self.password, rules),
            ("password_confirm", self.tr("&Confirm password:"), self.password_confirm, None),
        ):
            box = QVBoxLayout()
            box.setSpacing(2)
            box.addWidget(field)
            if hint is not None:
                box.addWidget(hint)
                field.setAccessibleDescription(hint.text())
            box.addWidget(self._error_for(name, field))
            form.addRow(buddy_label(label, field), box)
            field.textChanged.connect(self._answers_changed)
        outer.addLayout(form)
        outer.addStretch(1)
        return page

    def _recovery_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(heading(self.tr("Your recovery key")))
        text = QLabel(
            self.tr(
                "If every password is forgotten, this key is the only way back into the clinic's "
                "records. It is shown now and never again. Print it or write it down, and keep "
                "it locked away, apart from this laptop."
            )
        )
        text.setWordWrap(True)
        self.recovery_label = QLabel()
        self.recovery_label.setObjectName("recovery_key")
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setWeight(QFont.Weight.Bold)
        self.recovery_label.setFont(font)
        self.recovery_label.setWordWrap(True)
        self.recovery_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.recovery_label.setStyleSheet("padding: 12px; border: 1px solid palette(mid);")
        self.recovery_label.setAccessibleName(self.tr("Recovery key"))
        self.print_button = make_button(self.tr("&Print the recovery key…"), self._print)
        self.acknowledged = QCheckBox(self.tr("I have &written down or printed the recovery key"))
        self.acknowledged.toggled.connect(self._acknowledged)
        layout.addWidget(text)
        layout.addWidget(self.recovery_label)
        row = QHBoxLayout()
        row.addWidget(self.print_button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(self.acknowledged)
        layout.addStretch(1)
        return page

    # -- answers and problems --

    def _country_changed(self) -> None:
        code = self.country.currentData()
        zone = labels.DEFAULT_TIMEZONES.get(code)
        if zone:
            self.timezone.setCurrentText(zone)
        self._answers_changed()

    def _read_answers(self) -> None:
        a = self.flow.answers
        a.clinic_name = self.clinic_name.text()
        a.country = self.country.currentData() or ""
        a.timezone = self.timezone.currentText().strip()
        a.provider_name = self.provider_name.text()
        a.provider_title = self.provider_title.text()
        a.type_name = self.type_name.text()
        a.type_minutes = self.type_minutes.value()
        a.hours = {day: edit.text() for day, edit in enumerate(self.hours_fields)}
        a.admin_display_name = self.admin_name.text()
        a.admin_username = self.admin_username.text().strip()
        a.password = self.password.text()
        a.password_confirm = self.password_confirm.text()
        self.join.read_answers(a)

    def _answers_changed(self) -> None:
        self._read_answers()
        if self.flow.page in self._tried:
            self._show_problems(focus=False)

    def _problem_text(self, name: str, problem: Problem) -> str:
        if problem.code == "invalid":
            return localized(problem.message)
        if problem.code == "mismatch":
            return self.tr("The two passwords are different: type the same password twice.")
        return {
            "clinic_name": self.tr("Give the clinic's name."),
            "country": self.tr("Choose the country."),
            "timezone": self.tr("Choose the time zone."),
            "provider_name": self.tr(
                "Name the first provider (more can be added later in Settings)."
            ),
            "type_name": self.tr("Name the usual kind of appointment."),
            "admin_display_name": self.tr("Give the administrator's full name."),
            "admin_username": self.tr("Choose a user name for signing in."),
            "password": self.tr("Choose a password."),
        }.get(name) or self.join.problem_text(name, problem)

    def _show_problems(self, *, focus: bool) -> bool:
        """Show the current page's problems beside their fields; True if there are none."""
        problems = self.flow.problems()
        first: QWidget | None = None
        for name in PAGE_FIELDS[self.flow.page]:
            error = self.errors[name]
            problem = problems.get(name)
            if problem is None:
                error.clear_message()
            else:
                error.show_message(self._problem_text(name, problem))
                first = first or error.field
        if focus and first is not None:
            first.setFocus()
        self._fit_height()  # a problem shown takes a line or two more
        return not problems

    # -- size --

    def _fit_height(self) -> None:
        """Tall enough for the wrapped text at this width. Qt sizes a window by its layout's
        minimum, which ignores how many lines a wrapped label needs: on a 768-pixel screen
        the week page's opening hours hint was squeezed into one clipped line."""
        needed = self.heightForWidth(self.width())
        if needed > self.height():
            self.resize(self.width(), needed)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._fit_height()

    # -- moving --

    def _sync(self) -> None:
        flow = self.flow
        self.pages.setCurrentWidget(self.page_widgets[flow.page])
        steps = len(flow.order) - 1
        self.step_label.setText(
            self.tr("Step {step} of {steps}").format(step=flow.step, steps=steps)
            if flow.step
            else ""
        )
        busy = self._creating
        last = flow.page in (Page.RECOVERY, Page.JOINED)
        self.back_button.setEnabled(flow.can_go_back() and not busy)
        self.next_button.setVisible(not last)
        self.next_button.setEnabled(not busy)
        self.next_button.setText(
            self.tr("&Join the clinic") if flow.page is Page.JOIN else self.tr("&Next >")
        )
        self.finish_button.setVisible(last)
        self.finish_button.setEnabled(flow.can_finish())
        self.finish_button.setDefault(last)
        self.next_button.setDefault(not last)
        self.cancel_button.setEnabled(flow.can_cancel() and not busy)
        first = {
            Page.CLINIC: self.clinic_name,
            Page.WEEK: self.provider_name,
            Page.ADMIN: self.admin_name,
            Page.RECOVERY: self.print_button,
            Page.JOIN: self.join.first_field(),
            Page.JOINED: self.join.print_button,
        }.get(flow.page)
        if first is not None and not busy:
            first.setFocus()

    def _back(self) -> None:
        if self.flow.can_go_back():
            self.flow.go_back()
            self._sync()

    def _next(self) -> None:
        if self._creating:
            return
        self._read_answers()
        if self.flow.page is Page.WELCOME:
            self.flow.choose_join(self.join_choice.isChecked())
        self._tried.add(self.flow.page)
        if not self._show_problems(focus=True):
            return
        if self.flow.needs_creation():
            self._create_store()
            return
        if self.flow.needs_join():
            self.join.start()
            return
        self.flow.go_next()
        self._sync()

    def _create_store(self) -> None:
        new = self.flow.new_clinic()
        paths = self.paths
        step = self.tr("Creating the encrypted store…")

        def work(ctx: TaskContext) -> str:
            from desktop.app.session import create_clinic

            ctx.progress(step)
            return create_clinic(paths, new)

        def created(recovery: str) -> None:
            self.flow.store_created(recovery)
            self.password.clear()
            self.password_confirm.clear()
            self.recovery_label.setText(recovery)
            self._sync()

        def failed(error: BaseException) -> None:
            from desktop.errors import InvalidInput

            field = getattr(error, "field", None)
            if isinstance(error, InvalidInput) and field:
                target = {"username": "admin_username"}.get(field, field).replace(":", "_")
                if target in self.errors:
                    self.errors[target].show_message(error_text(error))
                    return
            show_error(self, error)

        def done() -> None:
            self._creating = False
            self._sync()

        self._creating = True
        self._sync()
        Operation(self, self.tasks, work, label=step).success(created).failure(failed).finished(
            done
        ).run()

    def _acknowledged(self, checked: bool) -> None:
        self.flow.acknowledge_recovery(checked)
        self._sync()

    def _print(self) -> None:
        """The recovery key sheet (a shipped form) in the print preview: print it, or save it
        after a warning that the file is not encrypted."""
        from desktop.recovery_sheet import recovery_sheet_pdf
        from desktop.settings import load_settings
        from ui.recovery_preview import RecoveryKeyPreview  # the print preview, when needed

        if not self.flow.recovery_key:
            return
        clinic, key = self.flow.answers.clinic_name.strip(), self.flow.recovery_key

        def produce(_task: object, lang: str, paper: str) -> bytes:
            size: Literal["a4", "letter"] = "letter" if paper == "letter" else "a4"
            return recovery_sheet_pdf(clinic, key, lang=lang, paper=size)

        self.preview = RecoveryKeyPreview(
            self,
            self.tasks,
            self.tasks,
            self.tr("Recovery key sheet"),
            produce,
            languages=("en", "fr", "sw"),
            lang=load_settings(self.paths.settings).language,
            file_name="outpost-recovery-key.pdf",
        )
        self.preview.open()

    def _finish(self) -> None:
        if not self.flow.can_finish():
            return
        if self.joined_core is not None:
            core, self.joined_core = self.joined_core, None
            self.joined.emit(core)
        else:
            self.store_created.emit(self.flow.answers.admin_username)
        self.accept()

    def reject(self) -> None:
        # Escape or the window's close button must not lose the only sight of the key.
        if self.flow.can_cancel() and not self._creating:
            super().reject()

    def done(self, result: int) -> None:
        # A laptop set up from HQ but never finished (the app ends): its store closes.
        if result != QDialog.DialogCode.Accepted and self.joined_core is not None:
            core, self.joined_core = self.joined_core, None
            self.tasks.call_soon(core.close)
        super().done(result)
