"""The forms work behind the patient record's requests (`ui.forms_seam.FormsGateway`).

    open_form(parent, patient_id, None)        → choose a form, start it, fill it on screen
    open_form(parent, patient_id, record_id)   → the record (a draft to go on with, or read)
    print(parent, PrintRequest(...))           → the print preview of what was asked for:
        "form_record", "patient" (choose one of their forms, or a blank one with their
        name), "appointment_slip", "day_list", "blank_forms" (for downtime, in copies)

The gateway lives as long as the application; everything of a signed-in session (core,
database thread, events) is reached through the `ClinicContext` of the moment. The clinic's
form library is loaded once per login, on the database thread, and kept.
"""

from __future__ import annotations

import datetime as dt
import html
import threading
import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from ui.forms_seam import PrintRequest
from ui.tasks import TaskContext, TaskRunner
from ui.util import inform, is_alive

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    import forms
    from desktop.core import ClinicCore
    from ui.context import ClinicContext
    from ui.form_view import FormView, LoadedForm
    from ui.form_view_dialogs import BlankBatch
    from ui.print_preview import PrintPreviewDialog


def _tr(text: str) -> str:
    return QCoreApplication.translate("FormsDesk", text)


class FormsDesk:
    """The real `FormsGateway`: forms on screen, the print preview, blank forms.

    `context` returns the signed-in session's ClinicContext (None when nobody is signed
    in); without it, the context is taken from the requesting window (`window().ctx`)."""

    def __init__(self, context: Callable[[], ClinicContext | None] | None = None) -> None:
        self._context = context
        self._library: tuple[object, forms.FormLibrary] | None = None
        self._library_lock = threading.Lock()
        self._print_tasks: TaskRunner | None = None
        self.views: dict[uuid.UUID, FormView] = {}
        self.last_preview: PrintPreviewDialog | None = None
        self.last_dialog: QWidget | None = None

    # -- what every request needs --

    def ctx(self, parent: QWidget | None) -> ClinicContext | None:
        if self._context is not None:
            return self._context()
        window = parent.window() if parent is not None else None
        return getattr(window, "ctx", None)

    def library(self, core: ClinicCore) -> forms.FormLibrary:
        """The clinic's forms, loaded on first use for this login (database thread)."""
        with self._library_lock:
            if self._library is None or self._library[0] is not core:
                from desktop.forms_library import clinic_library

                self._library = (core, clinic_library(core.paths))
            return self._library[1]

    @property
    def print_tasks(self) -> TaskRunner:
        """Printing and saving PDFs get their own thread: a backup never holds them up."""
        if self._print_tasks is None:
            self._print_tasks = TaskRunner()
        return self._print_tasks

    def shutdown(self) -> None:
        if self._print_tasks is not None:
            self._print_tasks.shutdown()
            self._print_tasks = None

    # -- FormsGateway --

    def open_form(
        self, parent: QWidget, patient_id: uuid.UUID, form_record_id: uuid.UUID | None
    ) -> None:
        ctx = self.ctx(parent)
        if ctx is None:
            return
        if form_record_id is None:
            self.choose_form(parent, ctx, patient_id)
            return
        view = self.views.get(form_record_id)
        if view is not None and is_alive(view):
            view.show()
            view.raise_()
            view.activateWindow()
            return
        core = ctx.core

        def work(session: Session) -> tuple[forms.FormLibrary, LoadedForm]:
            from ui.form_view import load_form

            library = self.library(core)
            return library, load_form(session, core, library, form_record_id)

        ctx.db(parent, work, label=_tr("Opening the form…")).success(
            lambda result: self._show_view(parent, ctx, *result)
        ).run()

    def print(self, parent: QWidget, request: PrintRequest) -> None:
        ctx = self.ctx(parent)
        if ctx is None:
            return
        if request.kind == "form_record" and request.form_record_id is not None:
            self.preview_record(parent, request.form_record_id)
        elif request.kind == "patient" and request.patient_id is not None:
            self.choose_print(parent, ctx, request.patient_id)
        elif request.kind == "appointment_slip" and request.appointment_id is not None:
            self.preview_appointment_slip(parent, request.appointment_id)
        elif request.kind == "day_list":
            self.preview_day_list(parent, request.day or ctx.today())
        elif request.kind == "blank_forms":
            self.print_blank_forms(parent)
        else:
            inform(parent, _tr("Print"), _tr("There is nothing to print for this."))

    # -- starting and opening forms --

    def choose_form(self, parent: QWidget, ctx: ClinicContext, patient_id: uuid.UUID) -> None:
        core = ctx.core

        def work(session: Session) -> tuple[forms.FormLibrary, str]:
            from desktop.services.patients import get_patient

            return self.library(core), get_patient(session, patient_id).full_name

        def chosen(result: tuple[forms.FormLibrary, str]) -> None:
            from ui.form_view_dialogs import FormChooser

            library, name = result
            dialog = FormChooser(parent, library, name, core.settings.language)
            dialog.fill_requested.connect(
                lambda form_id: self.start_form(parent, ctx, patient_id, form_id)
            )
            dialog.blank_requested.connect(
                lambda form_id: self.preview_blank(parent, form_id, patient_id)
            )
            self.last_dialog = dialog
            dialog.open()

        ctx.db(parent, work).success(chosen).run()

    def start_form(
        self, parent: QWidget, ctx: ClinicContext, patient_id: uuid.UUID, form_id: str
    ) -> None:
        from desktop.services import form_records

        core = ctx.core

        def work(session: Session) -> tuple[forms.FormLibrary, LoadedForm]:
            from ui.form_view import load_form

            library = self.library(core)
            record = form_records.start_form(
                session,
                core.actor,
                library,
                form_id,
                patient_id=patient_id,
                language=core.settings.language,
            )
            return library, load_form(session, core, library, record.id)

        def started(result: tuple[forms.FormLibrary, LoadedForm]) -> None:
            ctx.events.patients_changed.emit(patient_id)  # the record lists the new draft
            self._show_view(parent, ctx, *result)

        ctx.db(parent, work, label=_tr("Starting the form…")).success(started).run()

    def _show_view(
        self,
        parent: QWidget,
        ctx: ClinicContext,
        library: forms.FormLibrary,
        loaded: LoadedForm,
    ) -> FormView:
        from ui.form_view import FormView

        view = FormView(
            ctx,
            library,
            loaded,
            parent.window() if parent is not None else None,
            on_print=self._print_from_view,
        )
        self.views[loaded.record_id] = view
        view.correction_opened.connect(lambda new: self._moved(view, new.record_id))
        view.destroyed.connect(lambda _obj=None, rid=loaded.record_id: self._forget(rid))
        view.show()
        view.raise_()
        return view

    def _print_from_view(self, owner: QWidget, record_id: uuid.UUID, lang: str) -> None:
        self.preview_record(owner, record_id, lang)

    def _moved(self, view: FormView, record_id: uuid.UUID) -> None:
        self.views = {rid: v for rid, v in self.views.items() if v is not view}
        self.views[record_id] = view

    def _forget(self, record_id: uuid.UUID) -> None:
        view = self.views.get(record_id)
        if view is None or not is_alive(view):
            self.views.pop(record_id, None)

    # -- printing --

    def _preview(
        self,
        parent: QWidget,
        ctx: ClinicContext,
        title: str,
        produce: Callable[[TaskContext, str, str], Any],
        *,
        languages: tuple[str, ...] = (),
        lang: str = "en",
        file_name: str,
        patient_data: bool = True,
    ) -> PrintPreviewDialog:
        from ui.print_preview import PrintPreviewDialog

        dialog = PrintPreviewDialog(
            parent.window() if parent is not None else None,
            ctx.tasks,
            self.print_tasks,
            title,
            produce,
            languages=languages,
            lang=lang,
            paper=_paper(ctx),
            file_name=file_name,
            patient_data=patient_data,
        )
        self.last_preview = dialog
        dialog.show()
        return dialog

    def preview_record(
        self, parent: QWidget, record_id: uuid.UUID, lang: str | None = None
    ) -> PrintPreviewDialog | None:
        from desktop.services import form_records

        ctx = self.ctx(parent)
        if ctx is None:
            return None
        core = ctx.core

        def produce(_task: TaskContext, lang: str, paper: str) -> bytes:
            library = self.library(core)
            # A print is a disclosure: the core checks and audits it (hence a transaction).
            with core.store.session() as session, session.begin():
                return form_records.render_record(
                    session,
                    library,
                    record_id,
                    clinic_name=core.clinic_name,
                    lang=lang,
                    paper=paper,  # type: ignore[arg-type]
                    actor=core.actor,
                )

        def work(session: Session) -> tuple[str, tuple[str, ...], str, str]:
            library = self.library(core)
            record = form_records.get_record(session, record_id)
            definition = library.get(record.definition_id, record.definition_version)
            return (
                definition.title_in(core.settings.language),
                definition.languages,
                record.language,
                f"{definition.id}-{record.created_at.date().isoformat()}.pdf",
            )

        def show(result: tuple[str, tuple[str, ...], str, str]) -> None:
            title, languages, stored_lang, file_name = result
            self._preview(
                parent,
                ctx,
                title,
                produce,
                languages=languages,
                lang=lang or stored_lang,
                file_name=file_name,
            )

        ctx.db(parent, work).success(show).run()
        return None

    def preview_blank(
        self, parent: QWidget, form_id: str, patient_id: uuid.UUID | None = None
    ) -> None:
        from desktop.services import form_records

        ctx = self.ctx(parent)
        if ctx is None:
            return
        core = ctx.core

        def produce(_task: TaskContext, lang: str, paper: str) -> bytes:
            library = self.library(core)
            with core.store.session() as session, session.begin():
                return form_records.render_blank(
                    session,
                    library,
                    form_id,
                    clinic_name=core.clinic_name,
                    patient_id=patient_id,
                    lang=lang,
                    paper=paper,  # type: ignore[arg-type]
                    today=core.today(),
                    actor=core.actor,
                )

        def work(_session: Session) -> tuple[str, tuple[str, ...]]:
            definition = self.library(core).get(form_id)
            return definition.title_in(core.settings.language), definition.languages

        def show(result: tuple[str, tuple[str, ...]]) -> None:
            title, languages = result
            lang = core.settings.language if core.settings.language in languages else (languages[0])
            self._preview(
                parent,
                ctx,
                _tr("{title} (blank)").format(title=title),
                produce,
                languages=languages,
                lang=lang,
                file_name=f"{form_id}-blank.pdf",
                patient_data=patient_id is not None,
            )

        ctx.db(parent, work).success(show).run()

    def choose_print(self, parent: QWidget, ctx: ClinicContext, patient_id: uuid.UUID) -> None:
        from desktop.services import form_records
        from desktop.services.patients import get_patient
        from ui.form_view_dialogs import RecordChoice

        core = ctx.core

        def work(session: Session) -> tuple[forms.FormLibrary, str, list[RecordChoice]]:
            name = get_patient(session, patient_id).full_name
            records = [
                RecordChoice(
                    r.id,
                    r.definition_id,
                    r.definition_version,
                    r.status.value,
                    r.created_at.astimezone(core.zone),
                )
                for r in form_records.patient_forms(session, patient_id)
            ]
            return self.library(core), name, records

        def chosen(result: tuple[forms.FormLibrary, str, list[RecordChoice]]) -> None:
            from ui.form_view_dialogs import PrintChoiceDialog

            library, name, records = result
            dialog = PrintChoiceDialog(parent, library, name, records, core.settings.language)
            dialog.record_requested.connect(lambda rid: self.preview_record(parent, rid))
            dialog.blank_requested.connect(
                lambda form_id: self.preview_blank(parent, form_id, patient_id)
            )
            self.last_dialog = dialog
            dialog.open()

        ctx.db(parent, work).success(chosen).run()

    def print_blank_forms(self, parent: QWidget) -> None:
        """Blank forms for downtime: choose forms and copies, then the preview."""
        ctx = self.ctx(parent)
        if ctx is None:
            return
        core = ctx.core

        def chosen(library: forms.FormLibrary) -> None:
            from ui.form_view_dialogs import BlankFormsDialog

            dialog = BlankFormsDialog(parent, library, core.settings.language, _paper(ctx))
            dialog.batch_requested.connect(lambda batch: self.preview_batch(parent, batch))
            self.last_dialog = dialog
            dialog.open()

        ctx.db(parent, lambda _session: self.library(core)).success(chosen).run()

    def preview_batch(self, parent: QWidget, batch: BlankBatch) -> PrintPreviewDialog | None:
        from desktop.services import form_records
        from ui.print_preview import merge_pdfs

        ctx = self.ctx(parent)
        if ctx is None:
            return None
        core = ctx.core

        def produce(task: TaskContext, lang: str, paper: str) -> bytes:
            library = self.library(core)
            parts: list[tuple[bytes, int]] = []
            total = len(batch.forms)
            with core.store.session() as session:
                for n, (form_id, copies) in enumerate(batch.forms):
                    task.progress(
                        _tr("Preparing form {n} of {total}…").format(n=n + 1, total=total),
                        n / total,
                    )
                    pdf = form_records.render_blank(
                        session,
                        library,
                        form_id,
                        clinic_name=core.clinic_name,
                        lang=lang,
                        paper=paper,  # type: ignore[arg-type]
                        today=core.today(),
                    )
                    parts.append((pdf, copies))
            task.progress(_tr("Putting the pages together…"), 1.0)
            return merge_pdfs(parts)

        copies = sum(c for _f, c in batch.forms)
        return self._preview(
            parent,
            ctx,
            _tr("Blank forms ({count})").format(count=copies),
            produce,
            languages=("en", "fr", "sw"),
            lang=batch.lang,
            file_name=f"blank-forms-{dt.date.today().isoformat()}.pdf",
            patient_data=False,
        )

    def preview_appointment_slip(self, parent: QWidget, appointment_id: uuid.UUID) -> None:
        ctx = self.ctx(parent)
        if ctx is None:
            return
        core = ctx.core

        def produce(_task: TaskContext, lang: str, paper: str) -> bytes:
            import forms as forms_lib
            from desktop.services import clinic_setup, form_records, scheduling
            from desktop.services.patients import get_patient

            definition = self.library(core).get("appointment_slip")
            with core.store.session() as session:
                appointment = scheduling.get_appointment(session, appointment_id)
                patient = get_patient(session, appointment.patient_id)
                provider = clinic_setup.get_provider(session, appointment.provider_id)
                kind = clinic_setup.get_appointment_type(session, appointment.type_id)
                starts = appointment.starts_at.astimezone(core.zone)
                answers = {
                    "appointment_date": starts.date().isoformat(),
                    "appointment_time": starts.strftime("%H:%M"),
                    "provider": provider.name,
                    "service": kind.name,
                    "notes": appointment.reason,
                }
                answers = {k: v for k, v in answers.items() if k in definition.fields and v}
                context = forms_lib.PrintContext(
                    clinic_name=core.clinic_name,
                    printed_at=dt.datetime.now(dt.UTC),
                    patient_name=patient.full_name,
                    patient_id=str(patient.id),
                    values=form_records.condition_values(patient, core.today()),
                )
            return forms_lib.render_pdf(
                definition,
                answers,
                context=context,
                lang=lang,
                paper=paper,  # type: ignore[arg-type]
            )

        def work(_session: Session) -> tuple[str, tuple[str, ...]]:
            definition = self.library(core).get("appointment_slip")
            return definition.title_in(core.settings.language), definition.languages

        def show(result: tuple[str, tuple[str, ...]]) -> None:
            title, languages = result
            lang = core.settings.language if core.settings.language in languages else (languages[0])
            self._preview(
                parent,
                ctx,
                title,
                produce,
                languages=languages,
                lang=lang,
                file_name="appointment-slip.pdf",
            )

        ctx.db(parent, work).success(show).run()

    def preview_day_list(self, parent: QWidget, day: dt.date) -> PrintPreviewDialog | None:
        ctx = self.ctx(parent)
        if ctx is None:
            return None
        core = ctx.core

        def produce(_task: TaskContext, _lang: str, paper: str) -> Callable[[], bytes]:
            from desktop.services import scheduling
            from ui import labels
            from ui.print_preview import html_pdf
            from ui.util import format_date, format_time

            with core.store.session() as session:
                entries = scheduling.day_list(session, day)
                rows = [
                    (
                        format_time(e.starts_at),
                        e.patient_name,
                        e.provider_name,
                        e.type_name,
                        labels.status_text(e.status.value, late=e.late),
                    )
                    for e in entries
                ]
            title = _tr("Appointments of {day}").format(day=format_date(day, long=True))
            e = html.escape
            head = "".join(
                f"<th>{e(h)}</th>"
                for h in (_tr("Time"), _tr("Patient"), _tr("Provider"), _tr("Type"), _tr("Status"))
            )
            body = (
                "".join(
                    "<tr>" + "".join(f"<td>{e(c)}</td>" for c in cells) + "</tr>" for cells in rows
                )
                or f"<tr><td colspan='5'>{e(_tr('No appointments.'))}</td></tr>"
            )
            page = (
                f"<h1>{e(title)}</h1><p>{e(core.clinic_name)}</p>"
                f"<table width='100%' cellspacing='0' border='1'>"
                f"<tr>{head}</tr>{body}</table>"
            )
            return lambda: html_pdf(page, paper, title=title)

        return self._preview(
            parent, ctx, _tr("Day list"), produce, file_name=f"day-list-{day.isoformat()}.pdf"
        )


def _paper(ctx: ClinicContext) -> str:
    paper = getattr(ctx.core.settings, "paper", "a4")
    return paper if paper in ("a4", "letter") else "a4"


__all__ = ["FormsDesk"]
