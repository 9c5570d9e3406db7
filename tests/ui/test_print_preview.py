"""Printing: the ReportLab PDF previewed inside Outpost, printed page by page, saved as a
PDF file (atomically, owner-only), blank forms for downtime in copies."""

from __future__ import annotations

import datetime as dt
import io
import os
import uuid
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter

import forms
from forms.examples import answers_for
from tests.ui.conftest import book, set_up_clinic
from tests.ui.test_form_view import LEFT, make_desk, new_patient
from ui.form_view_dialogs import BlankFormsDialog, PrintChoiceDialog
from ui.forms_seam import PrintRequest
from ui.print_preview import PdfPages, PrintPreviewDialog, merge_pdfs


def pdf_text(data: bytes) -> str:
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    return " ".join(text.split())  # Qt's PDFs space words with tabs


def completed_intake(signed_in, patient_id: uuid.UUID) -> uuid.UUID:
    from desktop.services import form_records

    core = signed_in.ctx.core
    library = forms.shipped_library()
    answers = answers_for(library.get("intake"))
    with core.store.session() as session, session.begin():
        record = form_records.start_form(
            session, core.actor, library, "intake", patient_id=patient_id
        )
        form_records.complete(
            session, core.actor, library, record.id, answers, lang="en", today=dt.date(2025, 3, 4)
        )
        return record.id


def wait_for_preview(qtbot, desk) -> PrintPreviewDialog:
    qtbot.waitUntil(
        lambda: desk.last_preview is not None and desk.last_preview.pages is not None,
        timeout=15_000,
    )
    return desk.last_preview


def test_a_form_is_previewed_and_saved_as_pdf(signed_in, qtbot, tmp_path) -> None:
    desk = make_desk(signed_in)
    patient_id = new_patient(signed_in)
    record_id = completed_intake(signed_in, patient_id)
    desk.print(
        signed_in.window,
        PrintRequest("form_record", patient_id=patient_id, form_record_id=record_id),
    )
    preview = wait_for_preview(qtbot, desk)
    assert preview.pages.page_count >= 2
    assert len(preview.page_widgets) == preview.pages.page_count
    qtbot.waitUntil(lambda: preview.rendered_pages() >= 1, timeout=20_000)
    first = preview.page_widgets[0].pixmap()
    assert not first.isNull() and first.width() > 300
    assert abs(preview.pages.sizes[0][0] - 595.3) < 1  # A4
    assert preview.print_button.isEnabled() and preview.save_button.isEnabled()

    # Navigation and zoom.
    preview.go_to(1)
    qtbot.waitUntil(lambda: preview.current_page() == 1, timeout=20_000)
    width = preview.page_widgets[0].width()
    preview.zoom_box.setCurrentIndex(preview.zoom_box.findData(2.0))
    assert preview.page_widgets[0].width() != width

    # Another paper size makes the PDF again.
    with qtbot.waitSignal(preview.loaded, timeout=15_000):
        preview.paper_box.setCurrentIndex(preview.paper_box.findData("letter"))
    assert abs(preview.pages.sizes[0][0] - 612) < 1

    # Save as PDF: warned that the file is not encrypted, then a file chosen.
    preview.save_as()
    box = preview.warning_box
    assert box is not None and "not encrypted" in box.text()
    accept = next(b for b in box.buttons() if box.buttonRole(b) == box.ButtonRole.AcceptRole)
    qtbot.mouseClick(accept, LEFT)
    assert preview.file_dialog is not None and preview.file_dialog.isVisible()
    target = tmp_path / "out" / "intake"
    target.parent.mkdir()
    with qtbot.waitSignal(preview.saved, timeout=20_000) as saved:
        preview.file_dialog.selectFile(str(target))
        preview.file_dialog.accept()
    path = saved.args[0]
    assert path.endswith(".pdf")
    data = Path(path).read_bytes()
    text = pdf_text(data)
    assert "Amina Wanjiru Juma" in text
    assert "Penicillin" in text  # the answers, not a blank form
    assert len(PdfReader(io.BytesIO(data)).pages) == preview.pages.page_count
    if os.name == "posix":
        assert os.stat(path).st_mode & 0o777 == 0o600
    assert not [p for p in target.parent.iterdir() if p.name.endswith(".tmp")]


def test_printing_sends_every_page_to_the_printer(signed_in, qtbot, tmp_path) -> None:
    desk = make_desk(signed_in)
    patient_id = new_patient(signed_in)
    record_id = completed_intake(signed_in, patient_id)
    desk.preview_record(signed_in.window, record_id, "fr")
    preview = wait_for_preview(qtbot, desk)
    assert preview.lang == "fr"
    assert "Antécédents" in pdf_text(preview.pdf) or "Motif" in pdf_text(preview.pdf)

    printer = preview.make_printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    printer.setResolution(100)  # quick; a real printer gets up to 300 dpi
    with qtbot.waitSignal(preview.printed, timeout=20_000) as printed:
        preview.print_to(printer)
    assert printed.args[0] == preview.pages.page_count
    assert len(PdfReader(str(out)).pages) == preview.pages.page_count

    # A range of pages, as chosen in the printer dialog.
    printer2 = preview.make_printer()
    printer2.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer2.setOutputFileName(str(tmp_path / "page2.pdf"))
    printer2.setResolution(100)
    printer2.setFromTo(2, 2)
    with qtbot.waitSignal(preview.printed, timeout=20_000) as printed:
        preview.print_to(printer2)
    assert printed.args[0] == 1


def test_blank_forms_for_downtime_in_copies(signed_in, qtbot) -> None:
    desk = make_desk(signed_in)
    desk.print(signed_in.window, PrintRequest("blank_forms"))
    qtbot.waitUntil(lambda: isinstance(desk.last_dialog, BlankFormsDialog), timeout=20_000)
    dialog = desk.last_dialog
    assert not dialog.preview_button.isEnabled()  # nothing chosen yet
    dialog.set_copies("intake", 3)
    dialog.set_copies("consent_treatment", 2)
    dialog.language.setCurrentIndex(dialog.language.findData("sw"))
    qtbot.mouseClick(dialog.preview_button, LEFT)
    preview = wait_for_preview(qtbot, desk)

    library = forms.shipped_library()
    printed_at = dt.datetime(2025, 3, 4, tzinfo=dt.UTC)
    context = forms.PrintContext(clinic_name="x", printed_at=printed_at)
    intake = PdfPages(forms.render_pdf(library.get("intake"), None, context=context))
    consent = PdfPages(forms.render_pdf(library.get("consent_treatment"), None, context=context))
    assert preview.pages.page_count == 3 * intake.page_count + 2 * consent.page_count
    text = pdf_text(preview.pdf)
    assert library.get("intake").title_in("sw") in text
    assert preview.file_name.startswith("blank-forms")
    assert not preview.patient_data  # blank: no warning about patient data


def test_patient_print_offers_their_forms_and_blank_ones(signed_in, qtbot) -> None:
    desk = make_desk(signed_in)
    patient_id = new_patient(signed_in)
    completed_intake(signed_in, patient_id)
    desk.print(signed_in.window, PrintRequest("patient", patient_id=patient_id))
    qtbot.waitUntil(lambda: isinstance(desk.last_dialog, PrintChoiceDialog), timeout=20_000)
    dialog = desk.last_dialog
    texts = [dialog.list.item(i).text() for i in range(dialog.list.count())]
    assert texts[0].startswith("Patient intake — Final")
    assert any(t.startswith("Blank: Consent to examination") for t in texts)
    blank_row = next(i for i, t in enumerate(texts) if t.startswith("Blank: Consent to exam"))
    dialog.list.setCurrentRow(blank_row)
    qtbot.mouseClick(dialog.preview_button, LEFT)
    preview = wait_for_preview(qtbot, desk)
    assert "Amina Wanjiru Juma" in pdf_text(preview.pdf)  # a blank form with their name


def test_appointment_slip_and_day_list(signed_in, qtbot) -> None:
    core = signed_in.ctx.core
    clinic = set_up_clinic(core)
    patient_id = new_patient(signed_in)
    day = core.today() + dt.timedelta(days=1)
    appointment_id = book(core, clinic, patient_id, dt.datetime.combine(day, dt.time(9, 30)))
    desk = make_desk(signed_in)
    desk.print(
        signed_in.window,
        PrintRequest("appointment_slip", patient_id=patient_id, appointment_id=appointment_id),
    )
    slip = wait_for_preview(qtbot, desk)
    text = pdf_text(slip.pdf)
    assert "Dr. Achieng Otieno" in text and "09:30" in text
    slip.close()

    desk.last_preview = None
    desk.print(signed_in.window, PrintRequest("day_list", day=day))
    day_list = wait_for_preview(qtbot, desk)
    text = pdf_text(day_list.pdf)
    assert "Amina Wanjiru Juma" in text and "Dr. Achieng Otieno" in text


def test_merge_repeats_copies() -> None:
    library = forms.shipped_library()
    context = forms.PrintContext(clinic_name="x", printed_at=dt.datetime(2025, 3, 4, tzinfo=dt.UTC))
    slip = forms.render_pdf(library.get("appointment_slip"), None, context=context)
    merged = merge_pdfs([(slip, 4)])
    assert len(PdfReader(io.BytesIO(merged)).pages) == 4 * PdfPages(slip).page_count


def test_a_printer_that_cannot_start_offers_save_as_pdf(
    signed_in, qtbot, tmp_path, monkeypatch
) -> None:
    """Defect 1: no printer set up (or one that cannot start) says so and offers Save as
    PDF, never "Something unexpected went wrong"."""
    import ui.print_preview as preview_module

    desk = make_desk(signed_in)
    patient_id = new_patient(signed_in)
    record_id = completed_intake(signed_in, patient_id)
    desk.preview_record(signed_in.window, record_id)
    preview = wait_for_preview(qtbot, desk)

    # No printer on this laptop: Print… says so at once.
    monkeypatch.setattr(preview_module, "has_printer", lambda: False)
    preview.print_()
    box = preview.printer_box
    assert box is not None and box.isVisible()
    assert box.text() == "The printer could not be started."
    assert "Something unexpected" not in box.text() + box.informativeText()
    save = next(b for b in box.buttons() if box.buttonRole(b) == box.ButtonRole.AcceptRole)
    assert save.text() == "Save as PDF…" and box.defaultButton() is save
    qtbot.mouseClick(save, LEFT)
    assert preview.warning_box is not None and "not encrypted" in preview.warning_box.text()
    preview.warning_box.close()

    # A printer that fails to start once chosen: the same answer, from the print thread.
    preview.printer_box = None
    broken = preview.make_printer()
    broken.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    broken.setOutputFileName(str(tmp_path / "no-such-folder" / "x.pdf"))
    preview.print_to(broken)
    qtbot.waitUntil(lambda: preview.printer_box is not None, timeout=20_000)
    assert preview.printer_box.text() == "The printer could not be started."
    assert preview.print_button.isEnabled()


def test_save_dialogs_open_in_documents_then_in_the_last_folder(
    signed_in, qtbot, tmp_path, monkeypatch
) -> None:
    """Defect 20: the first save opens in Documents (not the program's folder), the next
    one where the last PDF went; the default name is dated in clinic time."""
    import platformdirs

    documents = tmp_path / "Documents"
    documents.mkdir()
    monkeypatch.setattr(platformdirs, "user_documents_dir", lambda: str(documents))
    desk = make_desk(signed_in)
    patient_id = new_patient(signed_in)
    record_id = completed_intake(signed_in, patient_id)
    core = signed_in.ctx.core

    desk.preview_record(signed_in.window, record_id)
    preview = wait_for_preview(qtbot, desk)
    assert preview.file_name == f"intake-{core.today().isoformat()}.pdf"
    preview._choose_file()
    dialog = preview.file_dialog
    assert Path(dialog.directory().absolutePath()) == documents
    assert Path(dialog.directory().absolutePath()) != Path.cwd()
    elsewhere = tmp_path / "usb-stick"
    elsewhere.mkdir()
    with qtbot.waitSignal(preview.saved, timeout=20_000):
        dialog.selectFile(str(elsewhere / "intake"))
        dialog.accept()
    signed_in.ctx.tasks.wait_for_idle()
    qtbot.waitUntil(lambda: core.settings.pdf_folder == str(elsewhere), timeout=20_000)
    from desktop.settings import load_settings

    assert load_settings(core.paths.settings).pdf_folder == str(elsewhere)  # kept on disk
    preview.close()

    desk.last_preview = None
    desk.print(signed_in.window, PrintRequest("blank_forms"))
    qtbot.waitUntil(lambda: isinstance(desk.last_dialog, BlankFormsDialog), timeout=20_000)
    desk.last_dialog.set_copies("intake", 1)
    qtbot.mouseClick(desk.last_dialog.preview_button, LEFT)
    second = wait_for_preview(qtbot, desk)
    second._choose_file()
    assert Path(second.file_dialog.directory().absolutePath()) == elsewhere
