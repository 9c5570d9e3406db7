"""Realistic example answers for every shipped form.

Used for previews (a clinic checking how a translated form prints), the docs' sample
pages, the benchmarks and the tests. The names deliberately carry diacritics.
"""

from __future__ import annotations

import base64
import datetime as dt
import functools
import io
import math

from PIL import Image, ImageDraw

from forms.context import PrintContext
from forms.model import FormDefinition

EAT = dt.timezone(dt.timedelta(hours=3))
PRINTED_AT = dt.datetime(2025, 3, 4, 10, 15, tzinfo=EAT)
SIGNED_AT = "2025-03-04T10:12:00+03:00"


@functools.cache
def signature_png() -> bytes:
    """A drawn-signature-like stroke, as the signature pad would capture it."""
    image = Image.new("RGBA", (600, 180), (255, 255, 255, 0))
    pen = ImageDraw.Draw(image)
    points = [(40 + t * 5.2, 100 + 45 * math.sin(t / 6.0) * math.cos(t / 17.0)) for t in range(100)]
    pen.line(points, fill=(20, 20, 60, 255), width=5, joint="curve")
    pen.line([(60, 140), (540, 128)], fill=(20, 20, 60, 255), width=3)
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


@functools.cache
def thumbprint_png() -> bytes:
    """Concentric ridges, roughly the look of an ink thumbprint."""
    image = Image.new("L", (220, 280), 255)
    pen = ImageDraw.Draw(image)
    for i in range(12):
        inset = 7.5 * i
        pen.ellipse(
            (10 + inset, 10 + inset * 1.2, 210 - inset, 270 - inset * 1.2), outline=40, width=3
        )
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def signature(name: str, *, method: str = "drawn", role: str | None = None) -> dict[str, object]:
    answer: dict[str, object] = {"signer_name": name, "signed_at": SIGNED_AT, "method": method}
    if method == "drawn":
        answer["image_png"] = base64.b64encode(signature_png()).decode("ascii")
    elif method == "thumbprint":
        answer["image_png"] = base64.b64encode(thumbprint_png()).decode("ascii")
    if role:
        answer["role"] = role
    return answer


def context(
    record_id: str | None = "0195a2b4-7c1d-7e3f-9a0b-3c5d7e9f1a2b", **values: object
) -> PrintContext:
    return PrintContext(
        clinic_name="Dispensaire de Kibera Sud",
        printed_at=PRINTED_AT,
        patient_name="Nguyễn Thị Ánh",
        patient_id="KBS-2025-000123",
        record_id=record_id,
        values={"today": PRINTED_AT.date(), "patient_age_years": 34, "currency": "KES", **values},
    )


def _consent_signed() -> dict[str, object]:
    return {
        "explained_language": "sw",
        "signed_by": "patient",
        "patient_thumbprint": signature("Nguyễn Thị Ánh", method="thumbprint"),
        "witness": signature("Zoë Ndiaye-Oyelọ́wọ̀", role="sister"),
        "staff_name": "Đorđe Petrović, clinical officer",
        "staff_signature": signature("Đorđe Petrović"),
    }


@functools.cache
def _answers() -> dict[str, dict[str, object]]:
    # Built on first use: the images are drawn with Pillow, not at import time.
    return {
        "intake": {
            "full_name": "Nguyễn Thị Ánh",
            "sex": "female",
            "date_of_birth": {"year": 1990, "month": 6, "approximate": True},
            "phone": "+254 712 345 678",
            "address": "Mashimoni village, near the water kiosk",
            "next_of_kin": "Zoë Ndiaye-Oyelọ́wọ̀ (sister), +254 733 000 111",
            "visit_date": "2025-03-04",
            "reason": "Fever and headache for three days, vomiting since yesterday, "
            "cannot keep food down.",
            "onset": "2025-03-01",
            "symptoms": ["fever", "headache", "vomiting"],
            "has_chronic": True,
            "chronic_conditions": ["hypertension"],
            "history_notes": "Caesarean section in 2019. Treated for malaria in 2023.",
            "has_allergies": True,
            "allergies": "Penicillin: rash and swollen lips.",
            "takes_medication": True,
            "medications": "Amlodipine 5 mg once a day.",
            "bp": {"systolic": 148, "diastolic": 94},
            "temperature": 38.6,
            "pulse": 104,
            "respiratory_rate": 22,
            "spo2": 97,
            "weight": 61.5,
            "height": 158,
            "pregnant": False,
            "breastfeeding": True,
            "coverage": "community",
            "member_number": "MUT-44-0912",
            "coverage_checked": True,
            "recorded_by": "Amina Juma",
        },
        "consent_treatment": {
            **_consent_signed(),
            "understood": True,
            "questions_answered": True,
            "consent": True,
        },
        "consent_records": {
            **_consent_signed(),
            "consent_keep": True,
            "consent_share": True,
            "consent_contact": True,
            "contact_phone": "+254 712 345 678",
        },
        "consent_hiv_test": {
            **_consent_signed(),
            "counselled": True,
            "consent_test": True,
            "result_delivery": "today",
            "partner_information": True,
        },
        "referral": {
            "referral_date": "2025-03-04",
            "facility": "Mbagathi District Hospital",
            "service": "hospital",
            "department": "Medical ward",
            "urgency": "urgent",
            "transport": "clinic_vehicle",
            "reason": "Suspected severe malaria with persistent vomiting; "
            "unable to take oral treatment.",
            "history": "Three days of fever and headache. Known hypertension on amlodipine. "
            "Alert, dehydrated, no neck stiffness.",
            "bp": {"systolic": 148, "diastolic": 94},
            "temperature": 38.6,
            "pulse": 104,
            "weight": 61.5,
            "tests_done": "Malaria rapid test positive. Haemoglobin 10.2 g/dL.",
            "treatment_given": "Artesunate 144 mg IV at 09:40. Paracetamol 1 g.",
            "allergies": "Penicillin",
            "clinician_name": "Đorđe Petrović, clinical officer",
            "clinician_phone": "+254 700 111 222",
            "clinician_signature": signature("Đorđe Petrović"),
        },
        "appointment_slip": {
            "appointment_date": "2025-03-18",
            "appointment_time": "09:30",
            "provider": "Dr Wanjiru",
            "service": "Hypertension clinic",
            "notes": "Come fasting for the blood test.",
            "bring": ["health_card", "medicines"],
        },
        "visit_summary": {
            "visit_date": "2025-03-04",
            "seen_by": "Đorđe Petrović, clinical officer",
            "complaint": "Fever, headache and vomiting for three days.",
            "bp": {"systolic": 148, "diastolic": 94},
            "temperature": 38.6,
            "pulse": 104,
            "weight": 61.5,
            "examination": "Dehydrated, alert. Chest clear. Abdomen soft.",
            "test_results": "Malaria rapid test positive.",
            "diagnosis": "Severe malaria (B50.8). Essential hypertension (I10).",
            "treatment": "Artesunate IV, then referred.",
            "advice": "Drink often. Come back at once if confused or unable to drink.",
            "referred": True,
            "follow_up_date": "2025-03-11",
        },
        "receipt": {
            "invoice_number": "KBS-2025-00871",
            "invoice_date": "2025-03-04",
            "payer": "insurance",
            "payer_reference": "Kibera Community Mutual, MUT-44-0912",
            "items": [
                {"description": "Consultation", "quantity": 1, "unit_price": 300},
                {"description": "Malaria rapid test", "quantity": 1, "unit_price": 150},
                {"description": "Artesunate 60 mg vial", "quantity": 3, "unit_price": 420},
                {"description": "Paracetamol 500 mg tablets", "quantity": 12, "unit_price": 5},
            ],
            "payments": "4 March 2025 · Mobile money · Ksh 1,770 · KBS-RCT0412",
            "amount_paid": 1770,
            "balance": 0,
            "payment_method": "mobile_money",
            "transaction_reference": "SBC4XK91PQ",
            "received_by": "Amina Juma",
            "cashier_signature": signature("Amina Juma"),
        },
        "results_letter": {
            "test": "Full blood count",
            "category": "lab",
            "done_at": "Kibera County Laboratory",
            "ordered_on": "2025-02-28",
            "received_on": "2025-03-03",
            "result": "Mild anaemia; white cells normal.",
            "values": "Haemoglobin: 9.1 g/dL · LOW (usual range 12-16)\n"
            "White cells: 6.2 10^9/L · normal (usual range 4-11)",
            "reviewed_by": "Dr Wanjiru Otieno",
            "next_step": "come_soon",
            "next_appointment": "11 March 2025, 09:30",
        },
        "claim": {
            "scheme": "Kibera Community Mutual",
            "member_number": "MUT-44-0912",
            "holder": "Joseph Ánh",
            "valid_until": "2025-12-31",
            "claim_date": "2025-03-04",
            "invoice_number": "KBS-2025-00871",
            "visit_date": "2025-03-04",
            "diagnoses": "B50.8  Other severe and complicated Plasmodium falciparum malaria\n"
            "I10  Essential (primary) hypertension",
            "items": [
                {"description": "Consultation", "quantity": 1, "unit_price": 300},
                {"description": "Malaria rapid test", "quantity": 1, "unit_price": 150},
                {"description": "Artesunate 60 mg vial", "quantity": 3, "unit_price": 420},
            ],
            "invoice_total": "Ksh 1,710",
            "paid_by_patient": "Ksh 0",
            "amount_claimed": "Ksh 1,710",
        },
        "care_plan": {
            "plan_title": "Type 2 diabetes",
            "status": "active",
            "started_on": "2025-01-15",
            "lead": "Amina Juma",
            "review_on": "2025-04-15",
            "problems": "Type 2 diabetes, poorly controlled\nHigh blood pressure",
            "goals": "HbA1c under 7% by June\nBlood pressure under 140/90",
            "tasks": "10 March 2025 · Foot examination · Otieno (CHW)\n"
            "20 February 2025 · Eye check · Amina Juma  ✓ 19 February 2025",
            "follow_ups": "15 March 2025 · Diabetes review · Amina Juma · every 30 days",
            "notes": "Lives 12 km away: follow-ups by phone when the road is cut.",
        },
        "recovery_sheet": {
            "stored_where": "District health office safe, Kibera",
            "kept_by": "Amina Juma",
            "kept_by_signature": signature("Amina Juma"),
        },
    }


RECOVERY_KEY = "K7QF-2MXD-9HRT-WC4P-8NVB-6JYE-3GSA-5LUZ"


def answers_for(definition: FormDefinition) -> dict[str, object]:
    """Example answers for a shipped form, limited to the fields of this version
    (empty for forms without examples)."""
    known = _answers().get(definition.id, {})
    return {key: value for key, value in known.items() if key in definition.fields}


def context_for(
    form_id: str, record_id: str | None = "0195a2b4-7c1d-7e3f-9a0b-3c5d7e9f1a2b"
) -> PrintContext:
    """The example context of a shipped form (the recovery sheet gets its key)."""
    extra: dict[str, object] = {"clinic_phone": "+254 20 555 0100"}
    if form_id == "recovery_sheet":
        extra = {"recovery_key": RECOVERY_KEY, "device_name": "KBS-LAPTOP-1"}
    return context(record_id, **extra)
