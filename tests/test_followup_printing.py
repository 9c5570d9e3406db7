"""The follow-through's printouts on a real store, read back from the PDF: a result told to
the patient, the referral letter, the invoice and receipt, the claim to a scheme and the
care-plan summary, each in English, French and Swahili, audited like every print, and long
content flowing onto a second page instead of being cut."""

from __future__ import annotations

import datetime as dt
import io
import shutil
import subprocess
import uuid
import zoneinfo
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from desktop.app.patients import PatientInput
from desktop.clock import ClinicClock
from desktop.core import ClinicCore
from desktop.errors import InvalidInput
from desktop.paths import DataPaths
from desktop.services import results as ressvc
from desktop.store.models import (
    AuditEvent,
    CareItemKind,
    ClaimStatus,
    FacilityKind,
    PaymentMethod,
    ReferralUrgency,
    SchemeKind,
)
from tests.clinic_template import copy_laptop
from tests.conftest import PASSWORD

ZONE = zoneinfo.ZoneInfo("Africa/Nairobi")
MONDAY = dt.datetime(2026, 11, 23, 9, 0, tzinfo=ZONE)
LANGS = ("en", "fr", "sw")


def at(core: ClinicCore, moment: dt.datetime) -> None:
    core.clock = ClinicClock(ZONE, now=lambda: moment)


@pytest.fixture
def core(clinic_template: Path, tmp_path: Path) -> Iterator[ClinicCore]:
    opened = ClinicCore.unlock(
        DataPaths(copy_laptop(clinic_template, tmp_path / "clinic")), "admin", PASSWORD
    )
    at(opened, MONDAY)
    opened.admin.update_clinic(phone="0720 111 222", address="Box 12, Ahero")
    yield opened
    opened.close()


def pdf_text(pdf: bytes) -> str:
    text = "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages)
    return " ".join(text.split())


def pages(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)


def prints(core: ClinicCore, entity: str) -> list[AuditEvent]:
    with core.store.read_session() as session:
        return list(
            session.scalars(
                select(AuditEvent).where(AuditEvent.action == "print", AuditEvent.entity == entity)
            )
        )


def patient(core: ClinicCore, given: str = "Wanjiru", language: str = "") -> uuid.UUID:
    data = PatientInput(
        given_name=given,
        family_name="Kamau",
        estimated_age_years="34",
        phone="0712 345 678",
        preferred_language=language,
    )
    return core.patients.register(data, confirmed_new=True).value


def clinic_number(core: ClinicCore, pid: uuid.UUID) -> str:
    number = core.patients.details(pid).clinic_number
    assert number
    return number


def received_result(
    core: ClinicCore,
    pid: uuid.UUID,
    *,
    text: str = "Mild anaemia.",
    values: tuple[str, ...] = ("Haemoglobin=9.1 g/dL low (12-16)",),
    urgent: bool = False,
) -> uuid.UUID:
    lab = next((f for f in core.referrals.facilities() if f.name == "Kisumu County Lab"), None)
    if lab is None:
        lab = core.referrals.add_facility("Kisumu County Lab", FacilityKind.LAB).value
    rid = core.results.order(
        pid, "Full blood count", facility_id=lab.facility_id, sent_on=MONDAY.date(), urgent=urgent
    ).value.line.result_id
    core.results.record_received(
        rid, text=text, measurements=[ressvc.parse_measurement(v) for v in values]
    )
    return rid


# --- the results letter -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("en", ["Your test result", "LOW", "usual range 12-16", "come to the clinic"]),
        ("fr", ["Votre résultat d'examen", "BAS", "valeurs habituelles 12-16", "venir au centre"]),
        ("sw", ["Majibu ya kipimo chako", "CHINI", "kiwango cha kawaida 12-16", "njoo kliniki"]),
    ],
)
def test_result_letter_tells_the_patient_the_result_in_their_language(
    core: ClinicCore, lang: str, words: list[str]
) -> None:
    pid = patient(core)
    rid = received_result(core, pid)
    printed = core.printing.result_letter(rid, lang).value
    text = pdf_text(printed.pdf)
    assert printed.lang == lang
    assert printed.file_name == "result-letter-2026-11-23.pdf"
    for expected in [
        "Wanjiru Kamau",
        clinic_number(core, pid),
        "Full blood count",
        "Mild anaemia.",
        "Haemoglobin: 9.1 g/dL",
        "Kisumu County Lab",
        "Box 12, Ahero",
        *words,
    ]:
        assert expected in text, (expected, text)
    audited = prints(core, "results")
    assert [(e.entity_id, e.detail["form"]) for e in audited] == [(rid, "results_letter")]


def test_result_letter_defaults_to_the_patients_language(core: ClinicCore) -> None:
    rid = received_result(core, patient(core, language="sw"))
    printed = core.printing.result_letter(rid).value
    assert printed.lang == "sw"
    assert "Majibu ya kipimo chako" in pdf_text(printed.pdf)


def test_urgent_result_asks_the_patient_to_come_now_and_normal_values_to_carry_on(
    core: ClinicCore,
) -> None:
    pid = patient(core)
    urgent = received_result(core, pid, urgent=True)
    assert "as soon as possible" in pdf_text(core.printing.result_letter(urgent, "en").value.pdf)
    normal = received_result(core, pid, values=("Glucose=5.1 mmol/L normal (3.9-5.5)",))
    text = pdf_text(core.printing.result_letter(normal, "en").value.pdf)
    assert "Nothing more to do now" in text and "5.1 mmol/L · normal" in text


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("en", "In the scanned report kept at the clinic: ask the clinic for a copy."),
        ("fr", "Dans le compte rendu numérisé conservé au centre : demandez-en une copie."),
        ("sw", "Katika ripoti iliyochanganuliwa iliyohifadhiwa kliniki: omba nakala."),
    ],
)
def test_result_given_only_as_a_scan_says_where_the_report_is(
    core: ClinicCore, lang: str, words: str
) -> None:
    pid = patient(core)
    rid = core.results.order(pid, "Chest X-ray").value.line.result_id
    core.results.record_received(rid, scan=ressvc.Scan(b"%PDF-1.4\n%scan\n", "xray.pdf"))
    text = pdf_text(core.printing.result_letter(rid, lang).value.pdf)
    assert "Chest X-ray" in text and words in text, text


def test_result_not_received_yet_has_no_letter(core: ClinicCore) -> None:
    pid = patient(core)
    rid = core.results.order(pid, "Malaria RDT").value.line.result_id
    with pytest.raises(InvalidInput, match="not been received"):
        core.printing.result_letter(rid, "en")
    assert prints(core, "results") == []


def test_long_result_flows_onto_a_second_page(core: ClinicCore) -> None:
    pid = patient(core)
    long_text = " ".join(f"Finding number {n} described in full." for n in range(400))
    values = tuple(f"Value{n}={n}.5 mmol/L high (1-2)" for n in range(40))
    rid = received_result(core, pid, text=long_text, values=values)
    pdf = core.printing.result_letter(rid, "en").value.pdf
    text = pdf_text(pdf)
    assert pages(pdf) >= 2
    assert "Finding number 399 described in full." in text
    assert "Value39: 39.5 mmol/L · HIGH" in text


# --- the referral letter ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("en", ["Referral letter", "Urgent: within 24 hours", "Specialist consultation"]),
        ("fr", ["Lettre de référence", "Urgent : dans les 24 heures", "Consultation spécialisée"]),
        ("sw", ["Barua ya rufaa", "Haraka: ndani ya saa 24", "Kuonana na daktari bingwa"]),
    ],
)
def test_referral_letter_is_the_referral_form_filled_from_the_referral(
    core: ClinicCore, lang: str, words: list[str]
) -> None:
    pid = patient(core)
    received_result(core, pid)
    eye = core.referrals.add_facility(
        "Jaramogi Eye Unit", FacilityKind.SPECIALIST, phone="0733 444 555", address="Kisumu"
    ).value
    ref = core.referrals.add(
        pid,
        "Reduced vision in the left eye for two months.",
        facility_id=eye.facility_id,
        urgency=ReferralUrgency.URGENT,
    ).value
    printed = core.printing.referral_letter(ref.referral_id, lang).value
    text = pdf_text(printed.pdf)
    for expected in [
        "Wanjiru Kamau",
        clinic_number(core, pid),
        "Jaramogi Eye Unit",
        "Kisumu",
        "Reduced vision in the left eye for two months.",
        "Amina Odhiambo",  # who referred
        "Full blood count: Mild anaemia.",  # the results that came back, for the specialist
        *words,
    ]:
        assert expected in text, (expected, text)
    assert printed.file_name == "referral-letter-2026-11-23.pdf"
    assert [e.entity_id for e in prints(core, "referrals")] == [ref.referral_id]


# --- the invoice and receipt, and the claim -------------------------------------------------------


def billed(
    core: ClinicCore, currency: str, *, lines: int = 0, paid: int = 0
) -> tuple[uuid.UUID, uuid.UUID]:
    """An issued invoice in `currency` (a consultation at 1,500.50 (KES) or 1,500 (XOF), two
    paracetamol, `lines` more), malaria (B54) diagnosed, `paid` taken in cash."""
    core.admin.update_clinic(currency=currency)
    pid = patient(core)
    cents = currency != "XOF"
    core.billing.add_price("CONS", "Consultation", 150050 if cents else 1500)
    invoice = core.billing.create(pid).value.invoice_id
    core.billing.add_line(invoice, price="CONS")
    core.billing.add_line(
        invoice, description="Paracetamol 500 mg", unit_amount=1525 if cents else 15, quantity=2
    )
    for n in range(lines):
        core.billing.add_line(invoice, description=f"Dressing pack {n}", unit_amount=100)
    core.billing.diagnose(invoice, "B54", primary=True)
    core.billing.issue(invoice)
    if paid:
        core.billing.pay(invoice, paid, PaymentMethod.CASH)
    return pid, invoice


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("en", ["Invoice and receipt", "Total", "Still to pay", "Cash"]),
        ("fr", ["Facture et reçu", "Total", "Reste à payer", "Espèces"]),
        ("sw", ["Ankara na risiti", "Jumla", "Kiasi kilichobaki", "Taslimu"]),
    ],
)
def test_invoice_prints_its_lines_totals_and_payments_in_the_currency(
    core: ClinicCore, lang: str, words: list[str]
) -> None:
    pid, invoice = billed(core, "KES", paid=100000)
    detail = core.billing.show(invoice)
    printed = core.printing.invoice(invoice, lang).value
    text = pdf_text(printed.pdf)
    decimal = "," if lang == "fr" else "."
    for expected in [
        "Wanjiru Kamau",
        clinic_number(core, pid),
        detail.number,
        "Consultation",
        "Paracetamol 500 mg",
        f"1500{decimal}50",  # the consultation, with its cents
        f"30{decimal}50",  # two paracetamol at 15.25
        f"1531{decimal}00",  # the total
        f"1000{decimal}00",  # paid
        f"531{decimal}00",  # still to pay
        "(KES)",
        detail.payments[0].receipt_number,
        *words,
    ]:
        assert expected in text, (expected, text)
    assert printed.file_name == "invoice-2026-11-23.pdf"
    assert [e.entity_id for e in prints(core, "invoices")] == [invoice]


def test_invoice_in_francs_cfa_has_no_decimals(core: ClinicCore) -> None:
    _, invoice = billed(core, "XOF", paid=500)
    text = pdf_text(core.printing.invoice(invoice, "fr").value.pdf)
    assert "(XOF)" in text
    assert "1530" in text and "1 030" not in text  # the total, and what is still to pay
    assert "1530,00" not in text and "1500,00" not in text
    assert "500 F CFA" in text  # the payment, said as people read it


def test_void_invoice_is_not_printed_as_a_bill(core: ClinicCore) -> None:
    _, invoice = billed(core, "KES")
    core.billing.void(invoice, "Billed to the wrong patient")
    with pytest.raises(InvalidInput, match="is void"):
        core.printing.invoice(invoice, "en")
    assert prints(core, "invoices") == []


def test_many_invoice_lines_flow_onto_a_second_page_with_the_total(core: ClinicCore) -> None:
    _, invoice = billed(core, "KES", lines=60)
    pdf = core.printing.invoice(invoice, "en").value.pdf
    text = pdf_text(pdf)
    assert pages(pdf) >= 2
    assert "Dressing pack 0" in text and "Dressing pack 59" in text
    # The table starts under its heading on the first page, not on a page of its own.
    first = PdfReader(io.BytesIO(pdf)).pages[0].extract_text() or ""
    assert "Dressing pack 0" in first
    assert "1591.00" in text  # 1,531.00 and 60 × 1.00: the total after the last line


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("en", ["Claim to a scheme", "Diagnoses (ICD-10)", "Amount claimed"]),
        ("fr", ["Demande de remboursement", "Diagnostics (CIM-10)", "Montant demandé"]),
        ("sw", ["Dai kwa mpango wa bima", "Utambuzi wa magonjwa (ICD-10)", "Kiasi kinachodaiwa"]),
    ],
)
def test_claim_form_carries_member_scheme_icd10_diagnoses_and_amounts(
    core: ClinicCore, lang: str, words: list[str]
) -> None:
    pid, invoice = billed(core, "KES", paid=31000)
    scheme = core.coverage.add_scheme("NHIF", SchemeKind.GOVERNMENT).value
    core.coverage.add_membership(pid, scheme.scheme_id, "NHIF-778812")
    claim = core.claims.add(invoice).value.claim_id
    core.claims.move(claim, ClaimStatus.SUBMITTED)
    printed = core.printing.claim(claim, lang).value
    text = pdf_text(printed.pdf)
    for expected in [
        "Wanjiru Kamau",
        clinic_number(core, pid),
        "NHIF",
        "NHIF-778812",
        "B54",
        "malaria",
        "Consultation",
        # What is still owed (1,531.00 less 310.00 paid), claimed, said as Babel says it.
        {"en": "1,221.00", "fr": "221,00", "sw": "1,221.00"}[lang],
        *words,
    ]:
        assert expected in text, (expected, text)
    assert [e.entity_id for e in prints(core, "claims")] == [claim]


# --- the care plan -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("en", ["Care plan", "Next review", "every 30 days", "Problems", "Goals"]),
        ("fr", ["Plan de soins", "Prochaine révision", "tous les 30 jours", "Objectifs"]),
        ("sw", ["Mpango wa huduma", "Mapitio yajayo", "kila siku 30", "Malengo"]),
    ],
)
def test_care_plan_summary_lists_problems_goals_tasks_and_follow_ups(
    core: ClinicCore, lang: str, words: list[str]
) -> None:
    pid = patient(core)
    plan = core.care_plans.create(
        pid,
        "Type 2 diabetes",
        review_on=dt.date(2027, 2, 1),
        problems=["Type 2 diabetes, poorly controlled"],
        goals=["HbA1c under 7% by June"],
    ).value.line.plan_id
    core.care_plans.add_item(
        plan,
        CareItemKind.TASK,
        "Foot examination",
        owner_name="Otieno (CHW)",
        due_on=dt.date(2026, 12, 10),
    )
    core.care_plans.add_item(
        plan,
        CareItemKind.FOLLOW_UP,
        "Diabetes review",
        due_on=dt.date(2026, 12, 21),
        repeat_days=30,
    )
    printed = core.printing.care_plan(plan, lang).value
    text = pdf_text(printed.pdf)
    for expected in [
        "Wanjiru Kamau",
        clinic_number(core, pid),
        "Type 2 diabetes, poorly controlled",
        "HbA1c under 7% by June",
        "Foot examination · Otieno (CHW)",
        "Diabetes review",
        "Amina Odhiambo",
        *words,
    ]:
        assert expected in text, (expected, text)
    assert {"en": "10 December 2026", "fr": "10 décembre 2026", "sw": "10 Desemba 2026"}[
        lang
    ] in text
    assert [e.entity_id for e in prints(core, "care_plans")] == [plan]


# --- rendering to look at -------------------------------------------------------------------------


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils not installed")
def test_result_letter_renders_to_an_image(core: ClinicCore, tmp_path: Path) -> None:
    rid = received_result(core, patient(core))
    pdf = tmp_path / "letter.pdf"
    pdf.write_bytes(core.printing.result_letter(rid, "fr").value.pdf)
    subprocess.run(
        ["pdftoppm", "-png", "-r", "40", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "p")],
        check=True,
    )
    assert list(tmp_path.glob("p*.png"))


# --- the command line ---------------------------------------------------------------------------


def test_cli_prints_a_result_letter_and_a_referral_letter_to_a_file(
    clinic_template: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import sys

    from desktop.cli.main import main

    data = copy_laptop(clinic_template, tmp_path / "clinic")
    opened = ClinicCore.unlock(DataPaths(data), "admin", PASSWORD)
    at(opened, MONDAY)
    try:
        pid = patient(opened)
        rid = received_result(opened, pid)
        ref = opened.referrals.add(pid, "Reduced vision.").value.referral_id
        plan = opened.care_plans.create(pid, "Hypertension", goals=["BP under 140/90"])
    finally:
        opened.close()

    def outpost(*args: str) -> tuple[int, str, str]:
        monkeypatch.setattr(sys, "stdin", io.StringIO(PASSWORD + "\n"))
        code = main(["--data-dir", str(data), "--password-stdin", "--user", "admin", *args])
        out, err = capsys.readouterr()
        return code, out, err

    letter = tmp_path / "letter.pdf"
    code, out, err = outpost("results", "print", str(rid), "--language", "fr", "-o", str(letter))
    assert (code, err) == (0, ""), err
    assert f"Wrote {letter} (fr)." in out
    text = pdf_text(letter.read_bytes())
    assert "Votre résultat d'examen" in text and "Full blood count" in text
    code, out, err = outpost(
        "results", "print", str(rid), "--next", "come_now", "-o", str(tmp_path / "now.pdf")
    )
    assert code == 0 and "as soon as possible" in pdf_text((tmp_path / "now.pdf").read_bytes())

    code, out, err = outpost("referrals", "print", str(ref), "-o", str(tmp_path / "ref.pdf"))
    assert (code, err) == (0, ""), err
    assert "Reduced vision." in pdf_text((tmp_path / "ref.pdf").read_bytes())

    care = tmp_path / "plan.pdf"
    code, out, err = outpost(
        "careplans", "print", str(plan.value.line.plan_id), "--lang", "sw", "-o", str(care)
    )
    assert (code, err) == (0, ""), err
    assert "Mpango wa huduma" in pdf_text(care.read_bytes())
    assert "BP under 140/90" in pdf_text(care.read_bytes())

    code, out, err = outpost("results", "print", str(rid), "-o", str(tmp_path / "no" / "x.pdf"))
    assert code == 1 and "does not exist" in err and out == ""
    code, out, err = outpost("results", "print", str(rid), "-o", str(tmp_path / "x.txt"))
    assert code == 1 and "should end in .pdf" in err


def test_claim_form_leaves_what_the_clinic_waived_out_of_paid_by_the_patient(
    core: ClinicCore,
) -> None:
    pid, invoice = billed(core, "KES", paid=31000)
    core.billing.pay(invoice, 50_000, PaymentMethod.WAIVED)
    scheme = core.coverage.add_scheme("NHIF", SchemeKind.GOVERNMENT).value
    core.coverage.add_membership(pid, scheme.scheme_id, "NHIF-778812")
    claim = core.claims.add(invoice).value.claim_id
    text = pdf_text(core.printing.claim(claim, "en").value.pdf)
    assert "310.00" in text and "810.00" not in text  # 310.00 in cash; 500.00 waived
    assert "721.00" in text  # claimed: 1,531.00 less both


def test_cli_prints_an_invoice_by_its_number_and_a_claim(
    clinic_template: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import sys

    from desktop.cli.main import main

    data = copy_laptop(clinic_template, tmp_path / "clinic")
    opened = ClinicCore.unlock(DataPaths(data), "admin", PASSWORD)
    at(opened, MONDAY)
    try:
        pid, invoice = billed(opened, "XOF", paid=500)
        number = opened.billing.show(invoice).number
        scheme = opened.coverage.add_scheme("CMU", SchemeKind.GOVERNMENT).value
        opened.coverage.add_membership(pid, scheme.scheme_id, "CMU-0042")
        claim = opened.claims.add(invoice).value.claim_id
    finally:
        opened.close()

    def outpost(*args: str) -> tuple[int, str, str]:
        monkeypatch.setattr(sys, "stdin", io.StringIO(PASSWORD + "\n"))
        code = main(["--data-dir", str(data), "--password-stdin", "--user", "admin", *args])
        out, err = capsys.readouterr()
        return code, out, err

    bill = tmp_path / "bill.pdf"
    code, _out, err = outpost("invoices", "print", number, "--lang", "fr", "-o", str(bill))
    assert (code, err) == (0, ""), err
    assert number in pdf_text(bill.read_bytes()) and "Facture et reçu" in pdf_text(
        bill.read_bytes()
    )
    form = tmp_path / "claim.pdf"
    code, _out, err = outpost("claims", "print", str(claim), "-o", str(form))
    assert (code, err) == (0, ""), err
    text = pdf_text(form.read_bytes())
    assert "CMU-0042" in text and "B54" in text
