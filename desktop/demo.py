"""`outpost demo`: a clinic that looks like a real one, for training and trying things out.

Patients come from several language communities (Latin, Ge'ez, Cyrillic scripts; names with
diacritics), with Kenyan phone numbers and villages; three providers with working hours; and
a week of appointments from yesterday on, through the same services the GUI uses (so the
outbox and audit trail are filled as in real use).
"""

from __future__ import annotations

import datetime as dt
import json
import random
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop.core import ClinicCore
from desktop.dates import age_in_years
from desktop.errors import Conflict, InvalidInput
from desktop.services import clinic_setup, patients, scheduling
from desktop.store.models import AppointmentStatus

NAMES_FILE = Path(__file__).with_name("demo_names.json")
SAFARICOM_PREFIXES = ("0701", "0712", "0722", "0723", "0733", "0745", "0757", "0768", "0790")


@dataclass(frozen=True)
class DemoPatient:
    id: Any
    sex: str  # "female" | "male"
    age: int  # whole years on the demo's day


Fits = Callable[[DemoPatient], bool]


def _any(_p: DemoPatient) -> bool:
    return True


def _woman_of_childbearing_age(p: DemoPatient) -> bool:
    return p.sex == "female" and 15 <= p.age <= 49


def _young_child(p: DemoPatient) -> bool:
    return p.age < 5


def _not_a_baby(p: DemoPatient) -> bool:
    return p.age >= 5


def _adolescent_or_adult(p: DemoPatient) -> bool:
    return p.age >= 15


def _adult_over_30(p: DemoPatient) -> bool:
    return p.age >= 30


# Who each appointment type and each reason is for: no antenatal visit for a man, no HIV
# test and counselling for a 1-year-old. A name not listed here fits everyone.
TYPE_FITS: dict[str, Fits] = {
    "Antenatal visit": _woman_of_childbearing_age,
    "Immunisation": _young_child,
    "HIV test and counselling": _adolescent_or_adult,
}
REASON_FITS: dict[str, Fits] = {
    "Antenatal check": _woman_of_childbearing_age,
    "Family planning": _woman_of_childbearing_age,
    "Child immunisation": _young_child,
    "Blood pressure review": _adult_over_30,
    "Diabetes review": _adult_over_30,
    "Headache and dizziness": _not_a_baby,
}
# The reason an appointment of this type is booked for (others: one that fits the patient).
TYPE_REASONS: dict[str, str] = {
    "Antenatal visit": "Antenatal check",
    "Immunisation": "Child immunisation",
    "HIV test and counselling": "",
}


def fits(name: str, patient: DemoPatient, table: dict[str, Fits]) -> bool:
    return table.get(name, _any)(patient)


def _age(data: patients.PatientInput, today: dt.date) -> int:
    if data.birth_date:
        return age_in_years(dt.date.fromisoformat(data.birth_date), today)
    return int(data.estimated_age_years)


def load_names() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(NAMES_FILE.read_text("utf-8"))
    return data


def random_patient(
    rng: random.Random, names: dict[str, Any], today: dt.date
) -> patients.PatientInput:
    group = rng.choice(names["groups"])
    sex = rng.choice(("female", "male"))
    given = rng.choice(group[sex])
    # Some languages (Russian) inflect family names for women.
    family = rng.choice(group.get(f"family_{sex}", group["family"]))
    village = rng.choice(group["villages"])
    phone = (
        f"{rng.choice(SAFARICOM_PREFIXES)}{rng.randrange(100000, 999999)}"
        if rng.random() < 0.8
        else ""
    )
    age = birth = ""
    if rng.random() < 0.15:  # many rural patients know only roughly how old they are
        age = str(rng.randint(18, 80))
    else:
        birth = (today - dt.timedelta(days=rng.randint(0, 85 * 365))).isoformat()
    national_id = str(rng.randrange(10_000_000, 39_999_999)) if rng.random() < 0.5 else ""
    return patients.PatientInput(
        given_name=given,
        family_name=family,
        sex=sex,
        village=village,
        phone=phone,
        estimated_age_years=age,
        birth_date=birth,
        national_id=national_id,
    )


def seed_demo(core: ClinicCore, *, count: int = 200, seed: int = 7) -> str:
    if not 1 <= count <= 50_000:
        raise InvalidInput("Demo data: between 1 and 50,000 patients (use benchmarks/ for more).")
    rng = random.Random(seed)
    names = load_names()
    today = core.today()
    actor = core.actor
    with core.store.session() as session, session.begin():
        providers = clinic_setup.list_providers(session)
        if not providers:
            for name, title in names["providers"]:
                provider = clinic_setup.add_provider(session, actor, name, title)
                for weekday in range(6):  # Monday to Saturday
                    windows = [(dt.time(8), dt.time(13)), (dt.time(14), dt.time(17))]
                    if weekday == 5:
                        windows = [(dt.time(8), dt.time(12))]
                    clinic_setup.set_working_hours(session, actor, provider.id, weekday, windows)
            for name, minutes in names["appointment_types"]:
                clinic_setup.add_appointment_type(session, actor, name, minutes)
            providers = clinic_setup.list_providers(session)
        kinds = clinic_setup.list_appointment_types(session)

    people: list[DemoPatient] = []
    for _ in range(count):
        data = random_patient(rng, names, today)
        with core.store.session() as session, session.begin():
            patient = _register(session, core, data)
            people.append(DemoPatient(patient.id, data.sex, _age(data, today)))

    booked = 0
    for offset in range(-1, 6):
        day = today + dt.timedelta(days=offset)
        if day.weekday() == 6:
            continue
        for provider in providers:
            slot = dt.datetime.combine(day, dt.time(8, 0))
            while slot.time() < dt.time(16, 30) and people:
                person = rng.choice(people)
                fitting = [k for k in kinds if fits(k.name, person, TYPE_FITS)]
                if rng.random() < 0.55 and fitting:
                    kind = rng.choice(fitting)
                    reason = TYPE_REASONS.get(kind.name)
                    if reason is None:
                        reasons = [r for r in names["reasons"] if fits(r, person, REASON_FITS)]
                        reason = rng.choice(reasons) if reasons else ""
                    with core.store.session() as session, session.begin():
                        try:
                            appt = scheduling.book(
                                session,
                                actor,
                                patient_id=person.id,
                                provider_id=provider.id,
                                type_id=kind.id,
                                starts_at=slot,
                                reason=reason,
                            )
                            booked += 1
                            if offset < 0:
                                _play_out_past(session, core, appt.id, rng)
                        except (InvalidInput, Conflict):
                            pass  # lunch break, Saturday afternoon or overlapping: skip slot
                slot += dt.timedelta(minutes=30)
    return (
        f"Added {count} demo patients, {len(providers)} providers and {booked} "
        f"appointments around {today:%A %d %B %Y}."
    )


def _register(session: Any, core: ClinicCore, data: patients.PatientInput) -> Any:
    # Demo names repeat on purpose (it is a small list); they are different people.
    return patients.register_patient(
        session, core.actor, data, region=core.region, search=core.search, confirmed_new=True
    )


def _play_out_past(session: Any, core: ClinicCore, appointment_id: Any, rng: random.Random) -> None:
    """Yesterday's appointments have happened: most attended, some no-shows. Each step is
    stamped with a time of its own day — a few minutes early or late for the arrival, the
    consultation after it, the end after the booked length — never the time the demo ran."""
    actor = core.actor
    booked = scheduling.get_appointment(session, appointment_id)
    start, length = booked.starts_at, booked.ends_at - booked.starts_at
    if rng.random() < 0.15:
        marked = start + dt.timedelta(minutes=rng.randint(30, 90))
        scheduling.mark_no_show(session, actor, appointment_id, now=marked, at=marked)
        return
    arrived = start + dt.timedelta(minutes=rng.randint(-25, 20))
    started = max(arrived, start) + dt.timedelta(minutes=rng.randint(0, 25))
    finished = started + length * rng.uniform(0.7, 1.2)
    scheduling.check_in(session, actor, appointment_id, at=arrived)
    scheduling.start_consultation(session, actor, appointment_id, at=started)
    scheduling.complete(session, actor, appointment_id, at=finished)
    assert scheduling.get_appointment(session, appointment_id).status is AppointmentStatus.COMPLETED
