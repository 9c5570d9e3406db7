"""Rendered PDFs read back: language, diacritics, page furniture, QR codes, overflow."""

from __future__ import annotations

import dataclasses
import io
import re
import unicodedata

import pypdf
import pytest
from forms_testkit import (
    needs_poppler,
    page_count,
    page_images,
    page_size,
    pdftotext_pages,
    pypdf_pages,
    qr_texts,
    squash,
)

from forms import FormDefinition, FormLibrary, PrintContext, render_pdf, shipped_library
from forms.examples import PRINTED_AT, RECOVERY_KEY, answers_for, context_for
from forms.library import SHIPPED_DIR

RECORD = "0195a2b4-7c1d-7e3f-9a0b-3c5d7e9f1a2b"
PAGE_WORDS = {"en": "Page {} of {}", "fr": "Page {} sur {}", "sw": "Ukurasa {} kati ya {}"}
PRINTED = {
    "en": "Printed 4 March 2025",
    "fr": "Imprimé le 4 mars 2025",
    "sw": "Imechapishwa 4 Machi 2025",
}
VERSION = {"en": "version", "fr": "version", "sw": "toleo"}
A4 = (595.28, 841.89)
LETTER = (612.0, 792.0)

FORM_VERSIONS = sorted(path.stem for path in SHIPPED_DIR.glob("*.json"))


def definition_of(stem: str) -> FormDefinition:
    form_id, version = stem.rsplit(".v", 1)
    return shipped_library().get(form_id, int(version))


def assert_furniture(
    pages: list[str], definition: FormDefinition, lang: str, *, patient: str | None
) -> None:
    title = unicodedata.normalize("NFC", definition.title_in(lang))
    for number, page in enumerate(pages, start=1):
        flat = " ".join(page.split())
        assert "Dispensaire de Kibera Sud" in flat, f"clinic missing on page {number}"
        assert title in flat, f"title missing on page {number}"
        assert f"{VERSION[lang]} {definition.version}" in flat
        assert PAGE_WORDS[lang].format(number, len(pages)) in flat, (
            f"page number missing on page {number}"
        )
        assert PRINTED[lang] in flat
        if patient is not None:
            assert patient in flat and "KBS-2025-000123" in flat, (
                f"patient missing on page {number}"
            )


@pytest.mark.parametrize("paper", ["a4", "letter"])
@pytest.mark.parametrize("lang", ["en", "fr", "sw"])
@pytest.mark.parametrize("stem", FORM_VERSIONS)
def test_every_shipped_form_renders_filled_and_blank(stem: str, lang: str, paper: str) -> None:
    definition = definition_of(stem)
    context = context_for(definition.id)
    patient = "Nguyễn Thị Ánh" if definition.about_patient else None
    for answers in (answers_for(definition), None):
        pdf = render_pdf(definition, answers, context=context, lang=lang, paper=paper)
        assert pdf.startswith(b"%PDF-")
        width, height = page_size(pdf)
        assert (round(width, 2), round(height, 2)) == (A4 if paper == "a4" else LETTER)
        pages = pypdf_pages(pdf)
        assert_furniture(pages, definition, lang, patient=patient)
        text = " ".join(" ".join(pages).split())
        first_section = definition.text(definition.sections[0].title, lang)
        assert unicodedata.normalize("NFC", first_section) in text


@needs_poppler
@pytest.mark.parametrize("lang", ["en", "fr", "sw"])
def test_filled_intake_prints_answers_in_the_language(intake: FormDefinition, lang: str) -> None:
    pages = pdftotext_pages(
        render_pdf(intake, answers_for(intake), context=context_for("intake"), lang=lang)
    )
    text = " ".join(" ".join(pages).split())
    expected = {
        "en": [
            "Date of birth",
            "about June 1990",
            "4 March 2025",
            "Community health scheme",
            "38.6 °C",
            "148/94 mmHg",
        ],
        "fr": [
            "Date de naissance",
            "environ juin 1990",
            "4 mars 2025",
            "Mutuelle de santé communautaire",
            "38,6 °C",
        ],
        "sw": [
            "Tarehe ya kuzaliwa",
            "takriban Juni 1990",
            "4 Machi 2025",
            "Mfuko wa afya wa jamii",
            "Ndiyo",
        ],
    }[lang]
    for words in expected:
        assert words in text
    # Pregnancy section shown for a 34-year-old woman; the hidden follow-ups are not.
    assert intake.text(intake.sections[6].title, lang) in text
    assert intake.text(intake.fields["gestation_weeks"].label, lang) not in text


@needs_poppler
def test_diacritics_survive_in_names_and_answers(intake: FormDefinition) -> None:
    answers = {
        **answers_for(intake),
        "next_of_kin": "Zoë Ndiaye-Oyelọ́wọ̀ and Đorđe, Ærøskøbing, Łódź, Şəki",
    }
    context = dataclasses.replace(context_for("intake"), patient_name="Zoë Ndiaye-Oyelọ́wọ̀")
    pdf = render_pdf(intake, answers, context=context)
    text = "\n".join(pdftotext_pages(pdf))
    for name in ("Nguyễn Thị Ánh", "Zoë Ndiaye-Oyelọ́wọ̀", "Đorđe", "Ærøskøbing", "Łódź", "Şəki"):
        assert unicodedata.normalize("NFC", name) in text, name
    # The font is embedded (as a subset), so the printer needs nothing installed.
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    fonts = reader.pages[0]["/Resources"]["/Font"]
    for ref in fonts.values():
        descriptor = ref.get_object()["/FontDescriptor"].get_object()
        assert "/FontFile2" in descriptor


@needs_poppler
def test_qr_code_on_every_page_carries_the_record_id(intake: FormDefinition) -> None:
    answers = {**answers_for(intake), "history_notes": "Long history. " * 400}
    pdf = render_pdf(intake, answers, context=context_for("intake", record_id=RECORD))
    images = page_images(pdf)
    assert len(images) >= 3
    for number, image in enumerate(images, start=1):
        assert qr_texts(image) == [f"outpost:record:{RECORD}"], f"page {number}"


@needs_poppler
def test_blank_form_qr_carries_form_id_and_version(library: FormLibrary) -> None:
    definition = library.get("appointment_slip", 1)
    pdf = render_pdf(definition, None, context=context_for("appointment_slip"), paper="letter")
    (image,) = page_images(pdf)
    assert qr_texts(image) == ["outpost:form:appointment_slip:1"]
    intake_blank = render_pdf(library.get("intake"), None, context=context_for("intake"))
    assert [qr_texts(image) for image in page_images(intake_blank)] == [
        ["outpost:form:intake:1"]
    ] * page_count(intake_blank)


@needs_poppler
def test_ten_thousand_characters_flow_over_pages_without_loss(intake: FormDefinition) -> None:
    words = [f"w{i:04d}" for i in range(1700)]
    reason = " ".join(words)
    assert len(reason) >= 10_000
    short = {**answers_for(intake), "reason": "Fever."}
    long = {**answers_for(intake), "reason": reason}
    context = context_for("intake")
    pdf = render_pdf(intake, long, context=context)
    pages = pdftotext_pages(pdf)
    assert len(pages) > page_count(render_pdf(intake, short, context=context)) + 1
    found = re.findall(r"w\d{4}", "\n".join(pages))
    assert found == words  # every word, once, in order
    assert "(continued)" in "\n".join(pages)
    assert_furniture(pages, intake, "en", patient="Nguyễn Thị Ánh")


@needs_poppler
def test_unbroken_ten_thousand_character_string_is_cut_not_lost(intake: FormDefinition) -> None:
    blob = "".join(chr(ord("A") + i % 26) for i in range(10_000))
    pdf = render_pdf(intake, {**answers_for(intake), "reason": blob}, context=context_for("intake"))
    pages = pdftotext_pages(pdf)
    assert len(pages) >= 3
    # Page furniture and the repeated label sit between the pieces; the pieces join up exactly.
    pieces = [run for page in pages for run in re.findall(r"^[A-Z]{20,}$", page, re.MULTILINE)]
    assert "".join(pieces) == blob


@needs_poppler
def test_markup_and_control_characters_in_answers_print_literally(intake: FormDefinition) -> None:
    answers = {
        **answers_for(intake),
        "reason": 'Pain <b>severe</b> & "sharp" </para><font size=40>x</font>\x00\x1b',
        "address": "Plot 7\x07 <br/>",
    }
    text = "\n".join(pdftotext_pages(render_pdf(intake, answers, context=context_for("intake"))))
    assert squash('Pain <b>severe</b> & "sharp" </para><font size=40>x</font>') in squash(text)
    assert "Plot 7 <br/>" in text
    assert "\x00" not in text and "\x1b" not in text


@needs_poppler
def test_right_to_left_text_prints_in_reading_order(intake: FormDefinition) -> None:
    answers = {
        **answers_for(intake),
        "full_name": "שלום עליכם",
        "address": "مرحبا بكم في القرية 12",
    }
    text = "\n".join(pdftotext_pages(render_pdf(intake, answers, context=context_for("intake"))))
    assert "שלום עליכם" in text
    # Arabic is printed with joined letter forms; compatibility-normalised it reads back as typed.
    assert "مرحبا بكم في القرية" in unicodedata.normalize("NFKC", text)


@needs_poppler
def test_signed_consent_shows_who_signed_when_and_the_witness(consent: FormDefinition) -> None:
    pdf = render_pdf(
        consent, answers_for(consent), context=context_for("consent_treatment"), lang="fr"
    )
    text = " ".join(" ".join(pdftotext_pages(pdf)).split())
    assert "Empreinte du pouce de Nguyễn Thị Ánh" in text
    assert "Témoin : Zoë Ndiaye-Oyelọ́wọ̀ (sister)" in text
    assert "Signé par Đorđe Petrović" in text
    assert "le 4 mars 2025, 10:12 (UTC+03:00)" in text
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    drawn = sum(page.get_contents().get_data().count(b"/FormXob") for page in reader.pages)
    assert drawn == 3  # thumbprint, witness and staff signature (one image file may serve two)


@needs_poppler
def test_unreadable_signature_image_is_noted_not_fatal(consent: FormDefinition) -> None:
    answers = answers_for(consent)
    broken = dict(answers["staff_signature"])  # type: ignore[call-overload]
    broken["image_png"] = (
        b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x01\x00" + b"junk" * 10
    )
    pdf = render_pdf(
        consent, {**answers, "staff_signature": broken}, context=context_for("consent_treatment")
    )
    assert "(the stored image could not be read)" in "\n".join(pdftotext_pages(pdf))


@needs_poppler
def test_hidden_sections_are_left_out_of_filled_forms(intake: FormDefinition) -> None:
    answers = {**answers_for(intake), "sex": "male"}
    text = "\n".join(pdftotext_pages(render_pdf(intake, answers, context=context_for("intake"))))
    assert "Pregnancy" not in text and "Is she pregnant?" not in text
    assert "Payment and coverage" in text


@needs_poppler
def test_blank_form_has_every_field_and_marks_conditional_ones(intake: FormDefinition) -> None:
    pdf = render_pdf(
        intake, None, context=dataclasses.replace(context_for("intake"), patient_name=None)
    )
    text = " ".join(" ".join(pdftotext_pages(pdf)).split())
    for field in intake.fields.values():
        assert intake.text(field.label, "en") in text, field.id
    assert "Only if: female patient aged 10 to 55" in text
    assert "Only if: an allergy is reported" in text
    assert "Blank form: fill in by hand" in text
    assert "day month year" in text


@needs_poppler
def test_recovery_sheet_shows_key_and_instructions_but_no_patient(library: FormLibrary) -> None:
    sheet = library.get("recovery_sheet")
    context = dataclasses.replace(context_for("recovery_sheet"), patient_name=None, patient_id=None)
    (page,) = pdftotext_pages(render_pdf(sheet, answers_for(sheet), context=context, lang="sw"))
    assert RECOVERY_KEY in page
    assert "Makao makuu hayawezi kurejesha ufunguo huu" in " ".join(page.split())
    assert "Mgonjwa" not in page
    assert "Imechapishwa 4 Machi 2025" in page


@needs_poppler
def test_correction_is_printed_as_such(consent: FormDefinition) -> None:
    context = dataclasses.replace(
        context_for("consent_treatment"),
        supersedes_record_id="rec-1",
        correction_reason="Wrong job title",
    )
    text = " ".join(" ".join(pdftotext_pages(render_pdf(consent, {}, context=context))).split())
    assert "Correction of record rec-1. Reason: Wrong job title" in text


@needs_poppler
def test_invoice_lines_and_total(library: FormLibrary) -> None:
    receipt = library.get("receipt")
    text = "\n".join(
        pdftotext_pages(render_pdf(receipt, answers_for(receipt), context=context_for("receipt")))
    )
    assert "Artesunate 60 mg vial" in text and "Amount (KES)" in text
    assert re.search(r"Total\s+1770", text)


@needs_poppler
def test_paper_only_section_keeps_room_to_write_on_a_filled_referral(library: FormLibrary) -> None:
    referral = library.get("referral")
    pdf = render_pdf(referral, answers_for(referral), context=context_for("referral"))
    text = " ".join(" ".join(pdftotext_pages(pdf)).split())
    assert "Reply from the receiving facility" in text
    assert "Date seen day month year" in text  # digit boxes, not a dash
    assert "Mbagathi District Hospital" in text


def test_reprint_is_byte_for_byte_identical(intake: FormDefinition) -> None:
    answers, context = answers_for(intake), context_for("intake")
    assert render_pdf(intake, answers, context=context) == render_pdf(
        intake, answers, context=context
    )


def test_language_without_form_text_falls_back_to_the_form_languages(
    intake: FormDefinition,
) -> None:
    pages = pypdf_pages(
        render_pdf(intake, answers_for(intake), context=context_for("intake"), lang="ln")
    )
    assert "Patient intake" in pages[0] and "Page 1 of" in pages[0]


def test_unknown_paper_size_is_refused(intake: FormDefinition) -> None:
    context = PrintContext(clinic_name="K", printed_at=PRINTED_AT)
    with pytest.raises(ValueError, match="paper"):
        render_pdf(intake, None, context=context, paper="a5")  # type: ignore[arg-type]


def test_hostile_header_values_are_fitted_not_overflowing(intake: FormDefinition) -> None:
    context = dataclasses.replace(
        context_for("intake"),
        clinic_name="C" * 3000,
        patient_name="N\x00" * 3000,
        patient_id="I" * 500,
    )
    pdf = render_pdf(intake, answers_for(intake), context=context)
    assert "…" in pypdf_pages(pdf)[0]
