"""`outpost demo`: the appointments it books fit the patients — no antenatal visit for a man,
no HIV test and counselling for a 1-year-old, no child immunisation for an adult."""

from __future__ import annotations

from sqlalchemy import select

from desktop.core import ClinicCore
from desktop.dates import age_in_years
from desktop.demo import REASON_FITS, TYPE_FITS, DemoPatient, fits, seed_demo
from desktop.store.models import Appointment, AppointmentType, Patient


def test_fits_says_who_a_type_or_reason_is_for() -> None:
    man, woman, baby = (
        DemoPatient(1, "male", 30),
        DemoPatient(2, "female", 28),
        DemoPatient(3, "female", 1),
    )
    assert not fits("Antenatal visit", man, TYPE_FITS)
    assert fits("Antenatal visit", woman, TYPE_FITS)
    assert not fits("HIV test and counselling", baby, TYPE_FITS)
    assert fits("Immunisation", baby, TYPE_FITS) and not fits("Immunisation", man, TYPE_FITS)
    assert not fits("Family planning", man, REASON_FITS)
    assert fits("Consultation", baby, TYPE_FITS)  # not listed: fits everyone


def test_the_demo_books_types_and_reasons_that_fit_the_patient(core: ClinicCore) -> None:
    seed_demo(core, count=120, seed=3)
    today = core.today()
    seen_types = set()
    with core.store.session() as session:
        rows = session.execute(
            select(Patient, AppointmentType.name, Appointment.reason)
            .join(Appointment, Appointment.patient_id == Patient.id)
            .join(AppointmentType, AppointmentType.id == Appointment.type_id)
        ).all()
        assert len(rows) > 50
        for patient, type_name, reason in rows:
            assert patient.birth_date is not None
            person = DemoPatient(
                patient.id, patient.sex.value, age_in_years(patient.birth_date, today)
            )
            assert fits(type_name, person, TYPE_FITS), (type_name, person)
            assert fits(reason, person, REASON_FITS), (reason, person)
            if type_name == "Antenatal visit":
                assert reason == "Antenatal check"
            seen_types.add(type_name)
    # Still every kind of visit, just for the right people.
    assert {"Antenatal visit", "HIV test and counselling", "Consultation"} <= seen_types
