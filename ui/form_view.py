"""One form record on screen, drawn from its definition (forms/): sections, help, every
field type, conditions worked out live, problems shown under their fields.

What is typed is saved as a draft on the database thread a moment after typing stops, when
the person leaves a field, when the window is hidden (the session locks) or closed, and
before the session ends, so nothing typed is lost. "Complete" checks every answer (in the
form's language) and stores the record: final, or signed when it holds a signature,
thumbprint or witness. A signed record is read-only; "Correct…" asks why and opens a new
draft that supersedes it (forms/FORMAT.md, "Signature answers").
"""

from __future__ import annotations

import itertools
import json
import uuid
from collections.abc import Callable, Mapping
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QHideEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

import forms
from desktop.app.forms import FormStatus, FormViewData, choose_language
from desktop.changes import FORMS, Changes
from forms.messages import message_label
from forms.visibility import Evaluator
from ui.errors import error_text, show_error
from ui.form_fields import DateField, FieldWidget, make_field_widget
from ui.language import localized
from ui.util import (
    ERROR_STYLE,
    add_shortcut,
    format_datetime,
    format_time,
    heading,
    is_alive,
    make_button,
)

if TYPE_CHECKING:
    from desktop.app.forms import Completed, DraftSaved
    from desktop.core import ClinicCore
    from ui.context import ClinicContext

AUTOSAVE_MS = 1200
RETRY_MS = 5000
WARNING_STYLE = "color: #6b4a00; font-weight: 600;"
"""Dark amber on the light background; the words "Check:" carry the meaning too."""

LANGUAGE_NAMES = {"en": "English", "fr": "Français", "sw": "Kiswahili"}


def _tr(text: str) -> str:
    return QCoreApplication.translate("FormView", text)


# --- what the view is given (the core's form view data) -------------------------------------------

LoadedForm = FormViewData
"""A form record as the core gives it (`core.forms.view`, `start`, `correct`)."""


def patient_line(data: FormViewData) -> str:
    """ "Clinic no. KHP-QX0042 · Female · 34 y" under the form's title (the age worked out
    by the core; "about 45 y" for an estimate, "Age not known" as the record and the print
    say it)."""
    from ui import labels

    patient = data.patient
    if patient is None:
        return ""
    parts = [labels.clinic_number_label(patient.clinic_number or ""), labels.sex_label(patient.sex)]
    if patient.age_years is not None:
        text = _tr("about {age} y") if patient.age_estimated else _tr("{age} y")
        parts.append(text.format(age=patient.age_years))
    else:
        parts.append(labels.birth_label(None, False, data.today))
    return " · ".join(p for p in parts if p)


# --- one field with its label, help and problems ------------------------------------------------


class FieldRow(QFrame):
    def __init__(
        self, spec: forms.Field, definition: forms.FormDefinition, lang: str, widget: FieldWidget
    ) -> None:
        super().__init__()
        self.spec = spec
        self.widget = widget
        self.setObjectName(f"row_{spec.id}")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        layout.setSpacing(3)
        text = definition.text(spec.label, lang)
        self.title = QLabel(f"{text} *" if spec.required else text)
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.title.setBuddy(widget.focus_target())
        if spec.type != "display":
            layout.addWidget(self.title)
        help_text = definition.text(spec.help, lang) if spec.help else ""
        if help_text:
            self.help = QLabel(help_text)
            self.help.setWordWrap(True)
            self.help.setStyleSheet("color: #4a4a4a;")
            layout.addWidget(self.help)
        if spec.type == "display":
            layout.addWidget(self.title)
        layout.addWidget(widget)
        self.message = QLabel()
        self.message.setObjectName(f"problem_{spec.id}")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.hide()
        layout.addWidget(self.message)
        description = help_text
        if spec.required:
            description = f"{_tr('Required.')} {description}".strip()
        for target in widget.inputs():
            target.setAccessibleDescription(description)
        self._description = description
        self.problems: list[forms.Problem] = []

    @property
    def error(self) -> str:
        return " ".join(p.message for p in self.problems if p.is_error)

    @property
    def warning(self) -> str:
        return " ".join(p.message for p in self.problems if not p.is_error)

    def show_problems(self, problems: list[forms.Problem]) -> None:
        self.problems = list(problems)
        if not problems:
            self.message.clear()
            self.message.hide()
            self.setStyleSheet("")
            for target in self.widget.inputs():
                target.setAccessibleDescription(self._description)
            return
        errors = [p for p in problems if p.is_error]
        if errors:
            text = "⚠ " + " ".join(p.message for p in errors)
            self.message.setStyleSheet(ERROR_STYLE)
            colour = "#a4161a"
        else:
            text = "ⓘ " + _tr("Check:") + " " + " ".join(p.message for p in problems)
            self.message.setStyleSheet(WARNING_STYLE)
            colour = "#b07d00"
        self.message.setText(text)
        self.message.show()
        self.setStyleSheet(f"#{self.objectName()} {{ border-left: 4px solid {colour}; }}")
        parts = {p.part for p in problems}
        for target in self.widget.inputs():
            target.setAccessibleDescription(self._description)
        for part in parts:
            self.widget.part_target(part).setAccessibleDescription(text)


# --- the window --------------------------------------------------------------------------------


class FormView(QDialog):
    """A form record in its own window (several can be open beside the patient record)."""

    saved = Signal(object)  # record id, after each draft save
    completed = Signal(object, str)  # record id, "final" or "signed"
    correction_opened = Signal(object)  # the new draft's LoadedForm

    def __init__(
        self,
        ctx: ClinicContext,
        loaded: FormViewData,
        parent: QWidget | None = None,
        *,
        on_print: Callable[[QWidget, uuid.UUID, str], None] | None = None,
    ) -> None:
        super().__init__(parent)
        from desktop.permissions import Permission

        self.ctx = ctx
        self.on_print = on_print
        self.may_fill = ctx.can(Permission.FILL_FORMS)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowFlag(Qt.WindowType.Window, True)
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.setSizeGripEnabled(True)
        self.rows: dict[str, FieldRow] = {}
        self.sections: dict[str, QWidget] = {}
        self.editing_final = False
        self.confirm_box: QMessageBox | None = None
        self._loading = False
        self._dirty = False
        self._saving = False
        self._save_again = False
        self._save_failed = False
        self._shown_all = False
        self._saved_json = ""
        self._closing = False

        self._autosave = QTimer(self)
        self._autosave.setSingleShot(True)
        self._autosave.setInterval(AUTOSAVE_MS)
        self._autosave.timeout.connect(self.save_now)

        self._build_frame()
        self.load(loaded)
        screen = self.screen().availableGeometry() if self.screen() else None
        height = min(900, screen.height() - 60) if screen else 700
        width = min(980, screen.width() - 80) if screen else 900
        self.resize(QSize(max(640, width), max(480, height)))
        add_shortcut(self, "Ctrl+S", self.save_now)
        add_shortcut(self, QKeySequence.StandardKey.Print, self.print_form)
        QApplication.instance().focusChanged.connect(self._focus_changed)  # type: ignore[union-attr]
        ctx.changes.changed.connect(self._on_changes)

    # -- building --

    def _build_frame(self) -> None:
        self.title = heading("")
        self.patient = QLabel()
        self.patient.setObjectName("form_patient")
        self.language = QComboBox()
        self.language.setAccessibleName(_tr("Language of the form"))
        self.language.setToolTip(_tr("The language the form is read and printed in"))
        self.language.currentIndexChanged.connect(self._language_changed)
        language_label = QLabel(_tr("&Language:"))
        language_label.setBuddy(self.language)
        self.banner = QLabel()
        self.banner.setObjectName("form_banner")
        self.banner.setWordWrap(True)
        self.banner.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary = QLabel()
        self.summary.setObjectName("form_summary")
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet(ERROR_STYLE)
        self.summary.hide()

        top = QHBoxLayout()
        names = QVBoxLayout()
        names.addWidget(self.title)
        names.addWidget(self.patient)
        top.addLayout(names, 1)
        top.addWidget(language_label, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.language, 0, Qt.AlignmentFlag.AlignTop)

        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.StyledPanel)
        self.scroll_area.setAccessibleName(_tr("Form"))

        self.save_state = QLabel()
        self.save_state.setObjectName("save_state")
        self.print_button = make_button(
            _tr("&Print…"), self.print_form, tooltip=_tr("Preview and print this form")
        )
        self.edit_button = make_button(_tr("&Edit"), self.edit_final)
        self.correct_button = make_button(
            _tr("C&orrect…"),
            self.correct,
            tooltip=_tr("Make a new version of this signed form, saying why"),
        )
        self.complete_button = make_button(
            _tr("&Complete"),
            self.complete,
            tooltip=_tr("Check every answer and store the form"),
            default=True,
        )
        self.close_button = make_button(_tr("Close"), self.close)
        bottom = QHBoxLayout()
        bottom.addWidget(self.save_state, 1)
        for button in (
            self.print_button,
            self.edit_button,
            self.correct_button,
            self.complete_button,
            self.close_button,
        ):
            bottom.addWidget(button)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.banner)
        layout.addWidget(self.summary)
        layout.addWidget(self.scroll_area, 1)
        layout.addLayout(bottom)

    def load(self, loaded: FormViewData) -> None:
        """Show `loaded` (a record just opened, or the correction that replaced it)."""
        self.loaded = loaded
        self.definition = loaded.definition
        self.record_id = loaded.record_id
        self.status = str(loaded.status.value)
        self.context: dict[str, object] = dict(loaded.context)
        self.lang = loaded.language
        self.editing_final = False
        self._shown_all = False
        self.language.blockSignals(True)
        self.language.clear()
        for lang in self.definition.languages:
            self.language.addItem(LANGUAGE_NAMES.get(lang, lang), lang)
        self.language.setCurrentIndex(max(0, self.language.findData(self.lang)))
        self.language.blockSignals(False)
        self._build_body(loaded.answers)
        # What was loaded is what is stored, except a new form's prefilled answers.
        self._saved_json = "" if loaded.new else self._json(self.answers())
        self._dirty = loaded.new and bool(loaded.answers)
        if self._dirty:
            self._autosave.start()
        self._apply_state()

    def _build_body(self, answers: Mapping[str, object]) -> None:
        self._loading = True
        definition, lang = self.definition, self.lang
        title = definition.title_in(lang)
        self.title.setText(title)
        self.setWindowTitle(
            f"{title} — {self.loaded.patient_name}" if self.loaded.patient_name else title
        )
        self.setAccessibleName(self.windowTitle())
        if self.loaded.patient_name:
            self.patient.setText(
                _tr("Patient: {name}").format(name=self.loaded.patient_name)
                + (f" · {line}" if (line := patient_line(self.loaded)) else "")
            )
        self.patient.setVisible(bool(self.loaded.patient_name))
        old = self.scroll_area.takeWidget()
        if old is not None:
            old.deleteLater()
        self.rows = {}
        self.sections = {}
        body = QWidget()
        body.setObjectName("form_body")
        column = QVBoxLayout(body)
        column.setContentsMargins(16, 10, 16, 16)
        column.setSpacing(14)
        if definition.description:
            about = QLabel(definition.text(definition.description, lang))
            about.setWordWrap(True)
            column.addWidget(about)
        legend = QLabel(_tr("* required"))
        legend.setStyleSheet("color: #4a4a4a;")
        column.addWidget(legend)
        for section in definition.sections:
            column.addWidget(self._build_section(section, answers))
        column.addStretch(1)
        # Readable line length on wide screens; the whole width at 1366×768.
        body.setMaximumWidth(900)
        holder = QWidget()
        outer = QHBoxLayout(holder)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addStretch(1)
        outer.addWidget(body, 100)
        outer.addStretch(1)
        self.scroll_area.setWidget(holder)
        self._loading = False
        self._refresh_visibility()
        self._fix_tab_order()

    def _build_section(self, section: forms.Section, answers: Mapping[str, object]) -> QWidget:
        definition, lang = self.definition, self.lang
        box = QFrame()
        box.setObjectName(f"section_{section.id}")
        box.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(box)
        layout.setSpacing(6)
        layout.addWidget(heading(definition.text(section.title, lang), level=2))
        if section.help:
            help_label = QLabel(definition.text(section.help, lang))
            help_label.setWordWrap(True)
            help_label.setStyleSheet("color: #4a4a4a;")
            layout.addWidget(help_label)
        for paragraph in section.paragraphs:
            text = QLabel(definition.text(paragraph, lang))
            text.setWordWrap(True)
            text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(text)
        for bullet in section.bullets:
            text = QLabel("•  " + definition.text(bullet, lang))
            text.setWordWrap(True)
            text.setContentsMargins(12, 0, 0, 0)
            layout.addWidget(text)
        for spec in section.fields:
            widget = make_field_widget(
                spec,
                definition,
                lang,
                context=self.context,
                suggested_name=self.loaded.suggested_names.get(spec.id, ""),
                now=self.ctx.core.clock.now,
            )
            if spec.id in answers:
                widget.set_value(answers[spec.id])
            widget.changed.connect(lambda fid=spec.id: self._changed(fid))
            widget.left.connect(lambda fid=spec.id: self._left(fid))
            row = FieldRow(spec, definition, lang, widget)
            self.rows[spec.id] = row
            layout.addWidget(row)
        box.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.sections[section.id] = box
        return box

    def _fix_tab_order(self) -> None:
        chain: list[QWidget] = [self.language]
        for row in self.rows.values():
            chain += row.widget.inputs()
        chain += [
            self.print_button,
            self.edit_button,
            self.correct_button,
            self.complete_button,
            self.close_button,
        ]
        chain = [w for w in chain if w.window() is self]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        # Keyboard users tab through a long form: keep the field in view.
        if not is_alive(self) or new is None or not is_alive(new):
            return
        holder = self.scroll_area.widget()
        if holder is not None and holder.isAncestorOf(new):
            self.scroll_area.ensureWidgetVisible(new, 40, 60)

    # -- state --

    @property
    def read_only(self) -> bool:
        if not self.may_fill:
            return True
        return self.status == "signed" or (self.status == "final" and not self.editing_final)

    def _apply_state(self) -> None:
        read_only = self.read_only
        for row in self.rows.values():
            row.widget.set_read_only(read_only)
        self.complete_button.setVisible(not read_only)
        self.edit_button.setVisible(self.may_fill and self.status == "final" and read_only)
        self.correct_button.setVisible(self.may_fill and self.status in ("final", "signed"))
        when = format_datetime(self.loaded.signed_at) if self.loaded.signed_at else ""
        if self.status == "signed":
            self._set_banner(
                (_tr("Signed {when}.").format(when=when) if when else _tr("Signed."))
                + " "
                + _tr(
                    "A signed form cannot be changed. To fix a mistake, use Correct…: "
                    "it makes a new version that refers to this one, to be signed again."
                ),
                "#e8eef7",
            )
        elif self.status == "final" and read_only:
            self._set_banner(
                "✓ "
                + _tr(
                    "Completed. Edit to change an answer (the form is then a draft again "
                    "until it is completed), or Correct… to keep this version as it is."
                ),
                "#eaf4ea",
            )
        elif self.loaded.supersedes_id is not None:
            self._set_banner(
                _tr("Correction of an earlier version. Reason: {reason}").format(
                    reason=self.loaded.correction_reason or "—"
                ),
                "#fff6e0",
            )
        elif not self.may_fill:
            self._set_banner(_tr("You may read this form but not fill it in."), "#f0f0f0")
        else:
            self.banner.hide()
        self._show_save_state()

    def _set_banner(self, text: str, background: str) -> None:
        self.banner.setText(text)
        self.banner.setStyleSheet(
            f"background: {background}; color: #1b1b1b; padding: 8px; border-radius: 4px;"
        )
        self.banner.setAccessibleName(text)
        self.banner.show()

    def _show_save_state(self, text: str | None = None) -> None:
        if text is None:
            labels = {"draft": _tr("Draft"), "final": _tr("Completed"), "signed": _tr("Signed")}
            text = labels.get(self.status, self.status)
            if self.status == "draft" and not self._dirty and self._saved_json:
                text += " — " + _tr("saved")
        self.save_state.setText(text)
        self.save_state.setAccessibleName(text)

    # -- answers --

    def answers(self) -> dict[str, object]:
        """Every answer on screen (hidden ones too: they come back if shown again)."""
        out: dict[str, object] = {}
        for field_id, row in self.rows.items():
            value = row.widget.value()
            if value is not None:
                out[field_id] = value
        return out

    @staticmethod
    def _json(answers: Mapping[str, object]) -> str:
        return json.dumps(answers, sort_keys=True, ensure_ascii=False, default=str)

    def _validation_context(self) -> dict[str, object]:
        context = dict(self.context)
        context["today"] = self.ctx.today()
        return context

    def _refresh_visibility(self) -> None:
        evaluator = Evaluator(self.definition, self.answers(), self._validation_context())
        for field_id, row in self.rows.items():
            row.setVisible(evaluator.visible.get(field_id, True))
        for section in self.definition.sections:
            box = self.sections[section.id]
            if section.visible_if is not None:
                shown = evaluator.check(section.visible_if) is not False
            else:
                shown = True
            if section.fields:
                shown = shown and any(evaluator.visible.get(f.id, True) for f in section.fields)
            box.setVisible(shown)

    def visible_fields(self) -> list[str]:
        return [fid for fid, row in self.rows.items() if not row.isHidden()]

    def _changed(self, field_id: str) -> None:
        if self._loading:
            return
        self._dirty = True
        self._save_failed = False
        self._show_save_state(_tr("Draft — saving…"))
        self._autosave.start()
        self._refresh_visibility()
        if self._shown_all:
            self._validate(show="all")
        elif self.rows[field_id].problems:
            self._validate(show=field_id, include_required=False)

    def _left(self, field_id: str) -> None:
        if self._loading or self.read_only:
            return
        self._validate(show=field_id, include_required=self._shown_all)
        if self._dirty:
            self._autosave.start(150)

    def _problems(self) -> list[forms.Problem]:
        context = self._validation_context()
        cleaned = forms.clean_answers(self.definition, self.answers(), context=context)
        problems = forms.validate(self.definition, cleaned, lang=self.lang, context=context)
        return [self._explained(p) for p in problems]

    def _explained(self, problem: forms.Problem) -> forms.Problem:
        """A date that is not one says why, as the core says it everywhere ("There is no
        30 February 2031…"), rather than asking for the format the person already used."""
        row = self.rows.get(problem.field_id)
        if problem.code != "type_date" or row is None or not isinstance(row.widget, DateField):
            return problem
        why = row.widget.problem()
        if not why:
            return problem
        label = message_label(row.widget.label, self.lang)
        return replace(problem, message=f"{label}: {why}")

    def _validate(self, *, show: str, include_required: bool = True) -> list[forms.Problem]:
        problems = [p for p in self._problems() if p.field_id in self.rows]
        by_field: dict[str, list[forms.Problem]] = {}
        for problem in problems:
            if not include_required and problem.code == "required":
                continue
            by_field.setdefault(problem.field_id, []).append(problem)
        targets = self.rows if show == "all" else {show: self.rows[show]}
        for field_id, row in targets.items():
            row.show_problems(by_field.get(field_id, []) if not row.isHidden() else [])
        if show == "all":
            self._update_summary()
        return problems

    def _update_summary(self) -> None:
        errors = [r for r in self.rows.values() if r.error and not r.isHidden()]
        if errors:
            self.summary.setText(
                "⚠ "
                + _tr("Answers to look at before the form can be completed: {count}.").format(
                    count=len(errors)
                )
            )
            self.summary.show()
        else:
            self.summary.hide()

    def problem_text(self, field_id: str) -> str:
        """The problem shown under a field ("" if none)."""
        row = self.rows[field_id]
        return row.message.text() if row.message.isVisible() or row.problems else ""

    # -- saving drafts --

    def save_now(self) -> None:
        """Hand the answers on screen to the database thread, if they changed."""
        self._autosave.stop()
        if self.read_only or not self._dirty:
            return
        if self._saving:
            self._save_again = True
            return
        answers = self.answers()
        snapshot = self._json(answers)
        if snapshot == self._saved_json:
            self._dirty = False
            self._show_save_state()
            return
        record_id = self.record_id
        self._saving = True

        def work(core: ClinicCore) -> DraftSaved:
            return core.forms.save_draft(record_id, answers).value

        def done(saved: DraftSaved) -> None:
            self._saved_json = snapshot
            self._dirty = self._json(self.answers()) != snapshot
            if self.status == "final":
                self.status = "draft"  # an edited final form is a draft until completed
                self.editing_final = False
                self._apply_state()
            # The clinic's time, not the laptop's zone.
            when = format_time(saved.saved_at)
            self._show_save_state(_tr("Draft saved at {time}").format(time=when))
            self.saved.emit(record_id)

        def failed(error: BaseException) -> None:
            self._save_failed = True
            from desktop.errors import OutpostError

            reason = (
                error_text(error) if isinstance(error, OutpostError) else _tr("unexpected error")
            )
            self._show_save_state(
                "⚠ " + _tr("Not saved: {reason}. Trying again…").format(reason=reason)
            )
            self._autosave.start(RETRY_MS)

        def finished() -> None:
            self._saving = False
            if self._save_again:
                self._save_again = False
                self.save_now()

        # No parent: the save must finish (and is harmless) even if this window is gone.
        self.ctx.call(None, work, label=_tr("Saving the form…")).success(
            lambda r: done(r) if is_alive(self) else None
        ).failure(lambda e: failed(e) if is_alive(self) else None).finished(
            lambda: finished() if is_alive(self) else None
        ).run()

    def has_unsaved_changes(self) -> bool:
        """Asked before the session ends: typing not yet saved is handed to the database
        thread at once (it runs before the store closes), so only a failed save counts."""
        if self._dirty and not self._save_failed:
            self.save_now()
        return self._dirty and self._save_failed

    def hideEvent(self, event: QHideEvent) -> None:
        # The session locks (windows are hidden) or the window closes: save now.
        self.save_now()
        super().hideEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_now()
        super().closeEvent(event)

    def done(self, result: int) -> None:
        self.save_now()
        super().done(result)

    # -- language --

    def _language_changed(self, _index: int) -> None:
        lang = self.language.currentData()
        if not lang or lang == self.lang:
            return
        answers = self.answers()
        self.lang = lang
        shown_all = self._shown_all
        self._build_body(answers)
        self._apply_state()
        if shown_all:
            self._validate(show="all")
        self._dirty = self._dirty or self.status == "draft"
        if self.status == "draft" and not self.read_only:
            self._autosave.start()

    def set_language(self, lang: str) -> None:
        self.language.setCurrentIndex(self.language.findData(lang))

    # -- completing --

    def complete(self) -> None:
        if self.read_only:
            return
        self._shown_all = True
        problems = self._validate(show="all")
        errors = [p for p in problems if p.is_error and p.field_id in self.rows]
        if errors:
            first = self.rows[errors[0].field_id]
            self.scroll_area.ensureWidgetVisible(first, 40, 60)
            first.widget.part_target(errors[0].part).setFocus()
            return
        warnings = [p for p in problems if not p.is_error]
        context = self._validation_context()
        cleaned = forms.clean_answers(self.definition, self.answers(), context=context)
        signing = forms.is_signed(self.definition, cleaned)
        questions = []
        if warnings:
            questions.append(
                _tr("Some values are unusual:")
                + "\n"
                + "\n".join(f"• {p.message}" for p in warnings)
            )
        if signing:
            questions.append(
                _tr(
                    "This form is signed: once completed it can no longer be changed "
                    "(a mistake is then fixed with a correction, signed again)."
                )
            )
        if not questions:
            self._store()
            return
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(_tr("Complete the form"))
        box.setText("\n\n".join(questions))
        yes = box.addButton(
            _tr("Complete and lock") if signing else _tr("Complete anyway"),
            QMessageBox.ButtonRole.AcceptRole,
        )
        no = box.addButton(_tr("Go back"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(yes)
        box.setEscapeButton(no)
        box.setAccessibleName(box.windowTitle())
        box.buttonClicked.connect(lambda button: self._store() if button is yes else None)
        self.confirm_box = box
        box.open()

    def _store(self) -> None:
        from desktop.errors import ValidationFailed

        self._autosave.stop()
        record_id = self.record_id
        answers, lang = self.answers(), self.lang

        def work(core: ClinicCore) -> Completed:
            return core.forms.complete(record_id, answers, lang=lang).value

        def done(result: Completed) -> None:
            status = str(result.status.value)
            self.status = status
            self.loaded = replace(self.loaded, status=result.status, signed_at=result.signed_at)
            self.editing_final = False
            self._dirty = False
            self._saved_json = self._json(self.answers())
            self.summary.hide()
            self._apply_state()
            self._show_save_state(
                _tr("Signed and stored.") if status == "signed" else _tr("Completed and stored.")
            )
            self.completed.emit(record_id, status)

        def failed(error: BaseException) -> None:
            if isinstance(error, ValidationFailed):
                for field_id, text in error.problems.items():
                    row = self.rows.get(field_id)
                    if row is not None:
                        row.show_problems([forms.Problem(field_id, "stored", localized(text))])
                self._update_summary()
            else:
                show_error(self, error, logged=True)

        self.complete_button.setEnabled(False)
        self.ctx.call(self, work, label=_tr("Storing the form…")).success(done).failure(
            failed
        ).finished(lambda: self.complete_button.setEnabled(True)).run()

    def edit_final(self) -> None:
        if self.status == "final" and self.may_fill:
            self.editing_final = True
            self._apply_state()

    # -- correcting --

    def correct(self) -> None:
        from ui.small_dialog import InputDialog

        if self.status not in ("final", "signed"):
            return
        dialog = InputDialog(
            self,
            self.ctx.tasks,
            _tr("Correct the form"),
            intro=_tr(
                "The form stays as it was; a new version is made that refers to it. "
                "Signatures are not copied: the new version is signed again."
            ),
            ok_text=_tr("Make the correction"),
        )
        dialog.add_line(
            "reason",
            _tr("&Why is it corrected?"),
            hint=_tr("For example: wrong date of birth written."),
        )
        core, record_id = self.ctx.core, self.record_id

        def check(values: dict[str, Any]) -> dict[str, str]:
            if not str(values["reason"]).strip():
                return {"reason": _tr("Say why the form is corrected.")}
            return {}

        def work(values: dict[str, Any]) -> Callable[[Any], FormViewData]:
            reason = str(values["reason"]).strip()

            def run(_task: Any) -> FormViewData:
                # On the database thread: one core call makes the new version.
                return core.forms.correct(record_id, reason).value

            return run

        dialog.on_submit(work, check=check)
        dialog.succeeded.connect(self._corrected)
        self.correction_dialog = dialog
        dialog.open()

    def _corrected(self, loaded: FormViewData) -> None:
        self.load(loaded)
        self.correction_opened.emit(loaded)

    # -- changes made elsewhere --

    def _on_changes(self, changes: Changes) -> None:
        """A change from another device (sync) to this form: show it, unless typing here
        is not saved yet (what is typed wins on screen and is saved over it)."""
        if not is_alive(self) or not changes.remote or not changes.touches(FORMS):
            return
        if not changes.touches_patient(self.loaded.patient_id) or self._dirty or self._saving:
            return
        record_id = self.record_id
        self.ctx.ask(
            lambda core: core.forms.view(record_id),
            lambda data, error: self._reload(data) if error is None and is_alive(self) else None,
        )

    def _reload(self, data: FormViewData | None) -> None:
        if data is not None and data.record_id == self.record_id and not self._dirty:
            self.load(data)

    # -- printing --

    def print_form(self) -> None:
        if self.on_print is None:
            return
        self.save_now()  # queued first: the print shows what is on screen
        self.on_print(self, self.record_id, self.lang)


def field_value(view: FormView, field_id: str) -> object:
    return view.rows[field_id].widget.value()


__all__ = ["FieldRow", "FormStatus", "FormView", "LoadedForm", "choose_language", "patient_line"]
