"""Every print: one call renders the PDF in clinic time and writes its audit event.

    printed = core.printing.print(FormRecordPrint(record_id, lang="fr")).value
    printed.pdf, printed.file_name        # bytes, "intake-2026-12-02.pdf" (clinic date)

A print is a disclosure: `print` checks the actor may see what is printed and records who
printed what in the same transaction as it renders it (filled forms, blank forms with or
without a patient, the appointment slip, the day list, the recovery sheet). Paper size
defaults to the clinic's setting (`Clinic.paper_size`); "Printed …", signature times and the
default file names come from the clinic's clock, never from the computer's own zone.
`describe` answers what the preview needs before the first page (title, languages) and
writes nothing.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

import forms
from desktop.app import printouts
from desktop.app.printouts import (
    LETTERS,
    CarePlanPrint,
    ClaimPrint,
    InvoicePrint,
    LetterPrint,
    ReferralLetterPrint,
    ResultLetterPrint,
)
from desktop.app.transactions import Done
from desktop.clock import ClinicClock
from desktop.errors import InvalidInput, NotFound
from desktop.messages import msg
from desktop.permissions import Actor, Permission
from desktop.services import audit, form_records, scheduling
from desktop.services.clinic import get_clinic
from desktop.services.patients import get_patient
from desktop.settings import save_settings
from desktop.store.models import Appointment, AppointmentType, Patient, Provider

if TYPE_CHECKING:
    from desktop.core import ClinicCore

Paper = Literal["a4", "letter"]
PAPERS: tuple[Paper, ...] = ("a4", "letter")
SHIPPED = ("en", "fr", "sw")
Progress = Callable[[str, float], None]

# --- what can be printed ------------------------------------------------------------------------


@dataclass(frozen=True)
class FormRecordPrint:
    """A filled form, in the language asked (default: the one it was filled in)."""

    record_id: uuid.UUID
    lang: str | None = None
    paper: Paper | None = None  # None: the clinic's paper size


@dataclass(frozen=True)
class BlankFormPrint:
    """A blank form for filling by hand; with a patient, their name in the header."""

    form_id: str
    patient_id: uuid.UUID | None = None
    lang: str | None = None
    paper: Paper | None = None


@dataclass(frozen=True)
class BlankFormsPrint:
    """Blank forms for downtime, each in copies: ((form id, copies), …)."""

    forms: tuple[tuple[str, int], ...]
    lang: str | None = None
    paper: Paper | None = None


@dataclass(frozen=True)
class AppointmentSlipPrint:
    appointment_id: uuid.UUID
    lang: str | None = None
    paper: Paper | None = None


@dataclass(frozen=True)
class DayListPrint:
    """The appointments of one clinic day (of one provider, if given)."""

    day: dt.date
    provider_id: uuid.UUID | None = None
    lang: str | None = None
    paper: Paper | None = None


@dataclass(frozen=True)
class RecoverySheetPrint:
    recovery_key: str
    lang: str | None = None
    paper: Paper | None = None


PrintRequest = (
    FormRecordPrint
    | BlankFormPrint
    | BlankFormsPrint
    | AppointmentSlipPrint
    | DayListPrint
    | RecoverySheetPrint
    | LetterPrint
)


@dataclass(frozen=True)
class PrintInfo:
    """What the preview shows before the first page: nothing is printed or audited."""

    title: str  # in the interface's language
    languages: tuple[str, ...]
    lang: str  # the language the print starts in
    paper: Paper  # the clinic's paper size
    file_name: str  # default file name, dated in clinic time
    patient_data: bool  # the PDF holds patient data (saving it warns)
    folder: str = ""  # where "Save as PDF" opens: the last folder used, else Documents


@dataclass(frozen=True)
class Printed:
    pdf: bytes
    lang: str
    paper: Paper
    file_name: str
    patient_data: bool


def normal_paper(value: str | None) -> Paper:
    """'A4' / 'Letter' (the clinic setting) as the renderer's 'a4' / 'letter'."""
    text = (value or "").strip().lower()
    return "letter" if text == "letter" else "a4"


# --- the API ------------------------------------------------------------------------------------


class PrintingApi:
    def __init__(self, core: ClinicCore) -> None:
        self._core = core
        self._tx = core.tx

    @property
    def clock(self) -> ClinicClock:
        return self._core.clock

    def paper(self) -> Paper:
        """The clinic's paper size."""
        return self._tx.read(lambda session: normal_paper(get_clinic(session).paper_size))

    def describe(self, request: PrintRequest, *, language: str | None = None) -> PrintInfo:
        """Title (in `language`, default the interface's), languages and default file name."""
        ui_lang = language or self._core.settings.language
        info = self._tx.read(lambda session: self._describe(session, request, ui_lang))
        return replace(info, folder=self.save_folder())

    def save_folder(self) -> str:
        """Where a PDF is saved: the folder used last on this laptop, else Documents."""
        folder = self._core.settings.pdf_folder
        if folder and Path(folder).is_dir():
            return folder
        import platformdirs

        return platformdirs.user_documents_dir()

    def remember_save_folder(self, folder: str) -> None:
        """Remember where a PDF was saved (settings.json of this laptop: no patient data,
        nothing any screen shows, so no change is announced)."""
        settings = self._core.settings
        if settings.pdf_folder == folder:
            return
        settings.pdf_folder = folder
        save_settings(self._core.paths.settings, settings)

    def print(
        self,
        request: PrintRequest,
        actor: Actor | None = None,
        *,
        progress: Progress | None = None,
    ) -> Done[Printed]:
        """Render `request` as a PDF and record the print, in one transaction."""
        who = actor or self._core.actor

        def work(session: Session) -> Printed:
            info = self._describe(session, request, self._core.settings.language)
            paper = request.paper or info.paper
            if paper not in PAPERS:
                raise InvalidInput(msg("The paper size must be A4 or Letter."), field="paper")
            lang = request.lang or info.lang
            pdf = self._render(session, who, replace(request, lang=lang, paper=paper), progress)
            return Printed(pdf, lang, paper, info.file_name, info.patient_data)

        return self._tx.write(work, actor=who)

    # -- the follow-through's printouts (desktop/app/printouts.py) --

    def result_letter(
        self,
        result_id: uuid.UUID,
        language: str | None = None,
        *,
        paper: Paper | None = None,
        next_step: printouts.NextStep | None = None,
    ) -> Done[Printed]:
        """The letter telling the patient their result (default: in the patient's language)."""
        return self.print(ResultLetterPrint(result_id, language, paper, next_step))

    def referral_letter(
        self, referral_id: uuid.UUID, language: str | None = None, *, paper: Paper | None = None
    ) -> Done[Printed]:
        """The referral form, filled from the referral and the facility."""
        return self.print(ReferralLetterPrint(referral_id, language, paper))

    def invoice(
        self, invoice_id: uuid.UUID, language: str | None = None, *, paper: Paper | None = None
    ) -> Done[Printed]:
        """The invoice and its payments, on the receipt form."""
        return self.print(InvoicePrint(invoice_id, language, paper))

    def claim(
        self, claim_id: uuid.UUID, language: str | None = None, *, paper: Paper | None = None
    ) -> Done[Printed]:
        """The claim form to the scheme: member, ICD-10 diagnoses, lines and amounts."""
        return self.print(ClaimPrint(claim_id, language, paper))

    def care_plan(
        self, care_plan_id: uuid.UUID, language: str | None = None, *, paper: Paper | None = None
    ) -> Done[Printed]:
        """The care plan's summary: problems, goals, tasks, follow-ups, review date."""
        return self.print(CarePlanPrint(care_plan_id, language, paper))

    # -- what each kind is --

    def _describe(self, session: Session, request: PrintRequest, ui_lang: str) -> PrintInfo:
        library = self._core.forms.library()
        paper = normal_paper(get_clinic(session).paper_size)
        stamp = self.clock.today().isoformat()
        prefer = request.lang
        if isinstance(request, FormRecordPrint):
            record = form_records.get_record(session, request.record_id)
            definition = form_records.definition_of(library, record)
            return PrintInfo(
                definition.title_in(ui_lang),
                definition.languages,
                _pick(definition.languages, prefer, record.language),
                paper,
                f"{definition.id}-{stamp}.pdf",
                True,
            )
        if isinstance(request, BlankFormPrint):
            definition = _definition(library, request.form_id)
            return PrintInfo(
                definition.title_in(ui_lang),
                definition.languages,
                _pick(definition.languages, prefer, ui_lang),
                paper,
                f"{definition.id}-blank-{stamp}.pdf",
                request.patient_id is not None,
            )
        if isinstance(request, BlankFormsPrint):
            return PrintInfo(
                "",
                SHIPPED,
                _pick(SHIPPED, prefer, ui_lang),
                paper,
                f"blank-forms-{stamp}.pdf",
                False,
            )
        if isinstance(request, AppointmentSlipPrint):
            definition = _definition(library, "appointment_slip")
            appointment = _appointment(session, request.appointment_id)
            patient = get_patient(session, appointment.patient_id)
            day = self.clock.local(appointment.starts_at).date().isoformat()
            return PrintInfo(
                definition.title_in(ui_lang),
                definition.languages,
                _pick(definition.languages, prefer, patient.preferred_language, ui_lang),
                paper,
                f"appointment-slip-{day}.pdf",
                True,
            )
        if isinstance(request, LETTERS):
            definition = _definition(library, printouts.FORM_IDS[type(request)])
            letters = printouts.Letters(self._core, session, self._core.actor)
            patient = printouts.patient_of(letters, request)
            return PrintInfo(
                definition.title_in(ui_lang),
                definition.languages,
                _pick(definition.languages, prefer, patient.preferred_language, ui_lang),
                paper,
                f"{printouts.FILE_STEMS[type(request)]}-{stamp}.pdf",
                True,
            )
        if isinstance(request, DayListPrint):
            return PrintInfo(
                "",
                SHIPPED,
                _pick(SHIPPED, prefer, ui_lang),
                paper,
                f"day-list-{request.day.isoformat()}.pdf",
                True,
            )
        definition = _definition(library, "recovery_sheet")
        return PrintInfo(
            definition.title_in(ui_lang),
            definition.languages,
            _pick(definition.languages, prefer, ui_lang),
            paper,
            f"recovery-sheet-{stamp}.pdf",
            False,
        )

    def _render(
        self, session: Session, actor: Actor, request: PrintRequest, progress: Progress | None
    ) -> bytes:
        core = self._core
        library = core.forms.library()
        lang = request.lang or "en"
        paper = request.paper or "a4"
        if isinstance(request, FormRecordPrint):
            return form_records.render_record(
                session,
                library,
                request.record_id,
                clinic_name=core.clinic_name,
                clock=self.clock,
                actor=actor,
                lang=lang,
                paper=paper,
            )
        if isinstance(request, BlankFormPrint):
            return form_records.render_blank(
                session,
                library,
                request.form_id,
                clinic_name=core.clinic_name,
                clock=self.clock,
                actor=actor,
                patient_id=request.patient_id,
                lang=lang,
                paper=paper,
            )
        if isinstance(request, BlankFormsPrint):
            return self._blank_forms(session, actor, request, lang, paper, progress)
        if isinstance(request, AppointmentSlipPrint):
            return self._slip(session, actor, request, lang, paper)
        if isinstance(request, DayListPrint):
            return self._day_list(session, actor, request, lang, paper)
        if isinstance(request, LETTERS):
            return self._letter(session, actor, request, lang, paper)
        return self._recovery_sheet(session, actor, request, lang, paper)

    def _blank_forms(
        self,
        session: Session,
        actor: Actor,
        request: BlankFormsPrint,
        lang: str,
        paper: Paper,
        progress: Progress | None,
    ) -> bytes:
        from forms.render.merge import merge_pdfs

        library = self._core.forms.library()
        chosen = [(form_id, copies) for form_id, copies in request.forms if copies > 0]
        if not chosen:
            raise InvalidInput(msg("Choose at least one form to print."))
        parts: list[tuple[bytes, int]] = []
        for n, (form_id, copies) in enumerate(chosen):
            if progress is not None:
                progress(form_id, n / len(chosen))
            definition = _definition(library, form_id)
            context = form_records.print_context(
                self.clock,
                clinic_name=self._core.clinic_name,
                patient=None,
                values={"today": self.clock.today()},
            )
            pdf = forms.render_pdf(definition, None, context=context, lang=lang, paper=paper)
            parts.append((pdf, copies))
        audit.record(
            session,
            actor,
            "print",
            "forms",
            None,
            forms=",".join(f"{form_id}x{copies}" for form_id, copies in chosen),
        )
        if progress is not None:
            progress("", 1.0)
        return merge_pdfs(parts)

    def _slip(
        self,
        session: Session,
        actor: Actor,
        request: AppointmentSlipPrint,
        lang: str,
        paper: Paper,
    ) -> bytes:
        actor.require(Permission.VIEW_PATIENTS)
        clinic = get_clinic(session)
        definition = _definition(self._core.forms.library(), "appointment_slip")
        appointment = _appointment(session, request.appointment_id)
        patient = get_patient(session, appointment.patient_id)
        provider = session.scalar(select(Provider).where(Provider.id == appointment.provider_id))
        kind = session.scalar(
            select(AppointmentType).where(AppointmentType.id == appointment.type_id)
        )
        starts = self.clock.local(appointment.starts_at)
        answers: dict[str, object] = {
            "appointment_date": starts.date().isoformat(),
            "appointment_time": starts.strftime("%H:%M"),
            "provider": provider.name if provider is not None else "",
            "service": kind.name if kind is not None else "",
            "notes": appointment.reason,
        }
        answers = {k: v for k, v in answers.items() if k in definition.fields and v}
        values = form_records.condition_values(patient, self.clock.today())
        if clinic.phone:
            values["clinic_phone"] = _phone_text(clinic.phone, clinic.country)
        if clinic.address:
            values["clinic_address"] = clinic.address
        context = form_records.print_context(
            self.clock, clinic_name=clinic.name, patient=patient, values=values
        )
        audit.record(session, actor, "print", "appointments", appointment.id, form=definition.id)
        return forms.render_pdf(definition, answers, context=context, lang=lang, paper=paper)

    def _letter(
        self, session: Session, actor: Actor, request: LetterPrint, lang: str, paper: Paper
    ) -> bytes:
        """A form pre-filled from a record (a result, a referral, an invoice …): audited
        against that record, its QR code the record's id."""
        filled = printouts.build(printouts.Letters(self._core, session, actor), request, lang)
        definition = _definition(self._core.forms.library(), filled.form_id)
        context = form_records.print_context(
            self.clock,
            clinic_name=get_clinic(session).name,
            patient=filled.patient,
            values=filled.values,
        )
        context = replace(context, record_id=str(filled.entity_id), prefilled=True)
        audit.record(
            session, actor, "print", filled.entity, filled.entity_id, form=definition.id, lang=lang
        )
        return forms.render_pdf(definition, filled.answers, context=context, lang=lang, paper=paper)

    def _day_list(
        self, session: Session, actor: Actor, request: DayListPrint, lang: str, paper: Paper
    ) -> bytes:
        from forms.render.day_list import DayList, DayListRow, render_day_list

        actor.require(Permission.VIEW_PATIENTS)
        zone = self.clock.zone
        provider_name = None
        if request.provider_id is not None:
            found = session.scalar(select(Provider).where(Provider.id == request.provider_id))
            provider_name = found.name if found is not None else None
        # The schedule's own day (`core.schedule.day`'s internals): the same appointments,
        # times and lateness as Today shows, never a rule of the print's own.
        entries = scheduling.day_list(
            session, request.day, provider_id=request.provider_id, now=self.clock.now_utc()
        )
        people = {
            p.id: p
            for p in session.scalars(
                select(Patient).where(Patient.id.in_({e.patient_id for e in entries}))
            )
        }
        rows = []
        for e in entries:
            person = people.get(e.patient_id)
            rows.append(
                DayListRow(
                    time=self.clock.local(e.starts_at).strftime("%H:%M"),
                    patient=e.patient_name,
                    provider=e.provider_name,
                    kind=e.type_name,
                    status=e.status.value,
                    late=e.late,
                    patient_number=(person.clinic_number or None) if person else None,
                    phone=(
                        _phone_text(person.phone, self._core.region)
                        if person is not None and person.phone
                        else None
                    ),
                )
            )
        audit.record(
            session, actor, "print", "appointments", None, day_list=request.day.isoformat()
        )
        return render_day_list(
            DayList(
                clinic_name=self._core.clinic_name,
                day=request.day,
                printed_at=self.clock.now_utc(),
                rows=rows,
                zone=zone,
                provider=provider_name,
            ),
            lang=lang,
            paper=paper,
        )

    def _recovery_sheet(
        self,
        session: Session,
        actor: Actor,
        request: RecoverySheetPrint,
        lang: str,
        paper: Paper,
    ) -> bytes:
        from desktop.recovery_sheet import recovery_sheet_pdf

        actor.require(Permission.MANAGE_USERS)
        clinic = get_clinic(session)
        audit.record(session, actor, "print", "clinics", clinic.id, form="recovery_sheet")
        return recovery_sheet_pdf(
            clinic.name, request.recovery_key, lang=lang, paper=paper, clock=self.clock
        )


# --- helpers ------------------------------------------------------------------------------------


def _pick(languages: tuple[str, ...], *preferred: str | None) -> str:
    for lang in preferred:
        if lang and lang in languages:
            return lang
    return languages[0] if languages else "en"


def _definition(library: forms.FormLibrary, form_id: str) -> forms.FormDefinition:
    try:
        return library.get(form_id)
    except forms.UnknownFormError as exc:
        raise NotFound(str(exc)) from None


def _appointment(session: Session, appointment_id: uuid.UUID) -> Appointment:
    found = session.scalar(select(Appointment).where(Appointment.id == appointment_id))
    if found is None or found.deleted:
        raise NotFound(msg("No appointment with id {id}.", id=appointment_id))
    return found


def _phone_text(phone: str, region: str) -> str:
    """A stored (E.164) phone as people in the region write it."""
    from desktop.services.phones import display_phone

    return display_phone(phone, region) or phone


__all__ = [
    "AppointmentSlipPrint",
    "BlankFormPrint",
    "BlankFormsPrint",
    "CarePlanPrint",
    "ClaimPrint",
    "DayListPrint",
    "FormRecordPrint",
    "InvoicePrint",
    "PrintInfo",
    "PrintRequest",
    "Printed",
    "PrintingApi",
    "RecoverySheetPrint",
    "ReferralLetterPrint",
    "ResultLetterPrint",
    "normal_paper",
]
