"""The forms work behind the patient record's requests (`ui.forms_seam.FormsGateway`).

    open_form(parent, patient_id, None)        → choose a form, start it, fill it on screen
    open_form(parent, patient_id, record_id)   → the record (a draft to go on with, or read)
    print(parent, PrintRequest(...))           → the print preview of what was asked for:
        "form_record", "patient" (choose one of their forms, or a blank one with their
        name), "appointment_slip", "day_list", "blank_forms" (for downtime, in copies),
        "letter" (a core letter: care-plan summary, receipt, claim form …)

A thin face on the core: forms are started, read and stored through `core.forms`, and every
page previewed is made by `core.printing.print` (which renders it in the clinic's time and
records the print). The gateway lives as long as the application; everything of a
signed-in session is reached through the `ClinicContext` of the moment.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from ui.forms_seam import PrintRequest
from ui.tasks import TaskContext, TaskRunner
from ui.util import inform, is_alive

if TYPE_CHECKING:
    import forms
    from desktop.app.forms import FormSummary, FormViewData
    from desktop.app.printing import PrintInfo
    from desktop.app.printing import PrintRequest as CorePrintRequest
    from desktop.core import ClinicCore
    from ui.context import ClinicContext
    from ui.form_view import FormView
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
        record_id = form_record_id
        ctx.call(
            parent, lambda core: core.forms.view(record_id), label=_tr("Opening the form…")
        ).success(lambda data: self._show_view(parent, ctx, data)).run()

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
        elif request.kind == "letter" and request.letter is not None:
            self.preview(parent, request.letter)  # type: ignore[arg-type]
        else:
            inform(parent, _tr("Print"), _tr("There is nothing to print for this."))

    # -- starting and opening forms --

    def choose_form(self, parent: QWidget, ctx: ClinicContext, patient_id: uuid.UUID) -> None:
        def work(core: ClinicCore) -> tuple[forms.FormLibrary, str]:
            return core.forms.library(), core.forms.patient_name(patient_id)

        def chosen(result: tuple[forms.FormLibrary, str]) -> None:
            from ui.form_view_dialogs import FormChooser

            library, name = result
            dialog = FormChooser(parent, library, name, ctx.core.settings.language)
            dialog.fill_requested.connect(
                lambda form_id: self.start_form(parent, ctx, patient_id, form_id)
            )
            dialog.blank_requested.connect(
                lambda form_id: self.preview_blank(parent, form_id, patient_id)
            )
            self.last_dialog = dialog
            dialog.open()

        ctx.call(parent, work).success(chosen).run()

    def start_form(
        self, parent: QWidget, ctx: ClinicContext, patient_id: uuid.UUID, form_id: str
    ) -> None:
        # The patient record hears of the new draft through the core's change events.
        ctx.call(
            parent,
            lambda core: core.forms.start(patient_id, form_id).value,
            label=_tr("Starting the form…"),
        ).success(lambda data: self._show_view(parent, ctx, data)).run()

    def _show_view(self, parent: QWidget, ctx: ClinicContext, data: FormViewData) -> FormView:
        from ui.form_view import FormView

        view = FormView(
            ctx,
            data,
            parent.window() if parent is not None else None,
            on_print=self._print_from_view,
        )
        self.views[data.record_id] = view
        view.correction_opened.connect(lambda new: self._moved(view, new.record_id))
        view.destroyed.connect(lambda _obj=None, rid=data.record_id: self._forget(rid))
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

    # -- printing: every page comes from core.printing.print (rendered and audited) --

    def preview(
        self,
        parent: QWidget,
        request: CorePrintRequest,
        *,
        title: Callable[[PrintInfo], str] | None = None,
    ) -> None:
        """Ask the core what `request` is (title, languages, clinic paper, file name), then
        open the preview; each page set shown is one audited print."""
        ctx = self.ctx(parent)
        if ctx is None:
            return
        ctx.call(parent, lambda core: core.printing.describe(request)).success(
            lambda info: self._open_preview(parent, ctx, request, info, title)
        ).run()

    def _open_preview(
        self,
        parent: QWidget,
        ctx: ClinicContext,
        request: CorePrintRequest,
        info: PrintInfo,
        title: Callable[[PrintInfo], str] | None,
    ) -> PrintPreviewDialog:
        from ui.print_preview import PrintPreviewDialog

        core = ctx.core

        def produce(task: TaskContext, lang: str, paper: str) -> bytes:
            # On the database thread: one core call renders the PDF and records the print.
            asked = replace(request, lang=lang, paper=paper)  # type: ignore[arg-type]

            def progress(_step: str, fraction: float) -> None:
                task.progress(_tr("Preparing the pages…"), fraction)

            return core.printing.print(asked, progress=progress).value.pdf

        def remember(folder: str) -> None:
            ctx.ask(lambda core: core.printing.remember_save_folder(folder), _ignore)

        dialog = PrintPreviewDialog(
            parent.window() if parent is not None else None,
            ctx.tasks,
            self.print_tasks,
            title(info) if title is not None else info.title,
            produce,
            languages=info.languages,
            lang=info.lang,
            paper=info.paper,
            file_name=info.file_name,
            patient_data=info.patient_data,
            folder=info.folder,
            remember_folder=remember,
        )
        self.last_preview = dialog
        dialog.show()
        return dialog

    def preview_record(
        self, parent: QWidget, record_id: uuid.UUID, lang: str | None = None
    ) -> None:
        from desktop.app.printing import FormRecordPrint

        self.preview(parent, FormRecordPrint(record_id, lang=lang))

    def preview_blank(
        self, parent: QWidget, form_id: str, patient_id: uuid.UUID | None = None
    ) -> None:
        from desktop.app.printing import BlankFormPrint

        self.preview(
            parent,
            BlankFormPrint(form_id, patient_id=patient_id),
            title=lambda info: _tr("{title} (blank)").format(title=info.title),
        )

    def choose_print(self, parent: QWidget, ctx: ClinicContext, patient_id: uuid.UUID) -> None:
        def work(core: ClinicCore) -> tuple[forms.FormLibrary, str, list[FormSummary]]:
            return (
                core.forms.library(),
                core.forms.patient_name(patient_id),
                core.forms.patient_forms(patient_id),
            )

        def chosen(result: tuple[forms.FormLibrary, str, list[FormSummary]]) -> None:
            from ui.form_view_dialogs import PrintChoiceDialog

            library, name, records = result
            dialog = PrintChoiceDialog(parent, library, name, records, ctx.core.settings.language)
            dialog.record_requested.connect(lambda rid: self.preview_record(parent, rid))
            dialog.blank_requested.connect(
                lambda form_id: self.preview_blank(parent, form_id, patient_id)
            )
            self.last_dialog = dialog
            dialog.open()

        ctx.call(parent, work).success(chosen).run()

    def print_blank_forms(self, parent: QWidget) -> None:
        """Blank forms for downtime: choose forms and copies, then the preview."""
        ctx = self.ctx(parent)
        if ctx is None:
            return

        def chosen(result: tuple[forms.FormLibrary, str]) -> None:
            from ui.form_view_dialogs import BlankFormsDialog

            library, paper = result
            dialog = BlankFormsDialog(parent, library, ctx.core.settings.language, paper)
            dialog.batch_requested.connect(lambda batch: self.preview_batch(parent, batch))
            self.last_dialog = dialog
            dialog.open()

        ctx.call(parent, lambda core: (core.forms.library(), core.printing.paper())).success(
            chosen
        ).run()

    def preview_batch(self, parent: QWidget, batch: BlankBatch) -> None:
        from desktop.app.printing import BlankFormsPrint

        copies = sum(c for _f, c in batch.forms)
        self.preview(
            parent,
            BlankFormsPrint(batch.forms, lang=batch.lang, paper=batch.paper),  # type: ignore[arg-type]
            title=lambda _info: _tr("Blank forms ({count})").format(count=copies),
        )

    def preview_appointment_slip(self, parent: QWidget, appointment_id: uuid.UUID) -> None:
        from desktop.app.printing import AppointmentSlipPrint

        self.preview(parent, AppointmentSlipPrint(appointment_id))

    def preview_day_list(self, parent: QWidget, day: dt.date) -> None:
        from desktop.app.printing import DayListPrint

        self.preview(parent, DayListPrint(day), title=lambda _info: _tr("Day list"))


def _ignore(_result: object, _error: BaseException | None) -> None:
    return None


__all__ = ["FormsDesk"]
