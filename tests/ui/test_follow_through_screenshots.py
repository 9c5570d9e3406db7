"""Screenshots of the patient record's summary line and follow-through tabs, and of the
check-in queue with a walk-in, made on demand:

    OUTPOST_SCREENSHOTS=docs/screenshots QT_QPA_PLATFORM=offscreen .venv/bin/python -m pytest \
        tests/ui/test_follow_through_screenshots.py

Skipped in the normal test run.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from desktop.app.followup import RelayMethod, RelayOutcome
from desktop.app.patients import PatientInput
from desktop.store.models import FacilityKind, ReferralUrgency
from tests.ui.conftest import set_up_clinic
from ui.record_tab_referrals import ReferralsTab
from ui.record_tab_results import ResultsTab

OUT = os.environ.get("OUTPOST_SCREENSHOTS", "")


def _save(widget, name: str) -> None:
    widget.grab().save(str(Path(OUT) / name))


def _person(core, given, family, born, phone, village, sex="female"):
    data = PatientInput(
        given_name=given,
        family_name=family,
        birth_date=born,
        phone=phone,
        village=village,
        sex=sex,
    )
    return core.patients.register(data, confirmed_new=True).value


@pytest.mark.skipif(not OUT, reason="set OUTPOST_SCREENSHOTS to a folder to make them")
def test_follow_through_screenshots(signed_in, qtbot) -> None:
    core, window = signed_in.ctx.core, signed_in.window
    window.show()
    window.resize(1280, 720)
    clinic = set_up_clinic(core)
    today = core.today()
    wanjiru = _person(core, "Wanjiru", "Kamau", "1990-04-02", "0712345678", "Gatundu")
    core.schedule.book(
        patient_id=wanjiru,
        provider_id=clinic.provider_id,
        type_id=clinic.type_id,
        starts_at=dt.datetime.combine(today + dt.timedelta(days=3), dt.time(10)),
        reason="Review of results",
    )
    lab = core.referrals.add_facility("Kiambu County Lab", FacilityKind.LAB).value
    eye = core.referrals.add_facility("Thika Eye Unit", FacilityKind.SPECIALIST).value
    core.referrals.add(
        wanjiru,
        "Cataract assessment, left eye",
        facility_id=eye.facility_id,
        send_on=today - dt.timedelta(days=40),
    )
    core.referrals.add(wanjiru, "Physiotherapy after the fracture", urgency=ReferralUrgency.URGENT)
    rdt = core.results.order(
        wanjiru,
        "Malaria RDT",
        facility_id=lab.facility_id,
        ordered_on=today - dt.timedelta(days=2),
        sent_on=today - dt.timedelta(days=2),
    ).value.line.result_id
    core.results.record_received(rdt, text="Positive (P. falciparum)", urgent=True)
    core.results.relay(rdt, RelayMethod.PHONE, RelayOutcome.NO_ANSWER)
    fbc = core.results.order(
        wanjiru, "Full blood count", facility_id=lab.facility_id
    ).value.line.result_id
    core.results.record_received(fbc, text="Normal")
    core.results.relay(fbc, RelayMethod.IN_PERSON, RelayOutcome.INFORMED)
    core.results.order(wanjiru, "Lipid profile", facility_id=lab.facility_id)
    intake = core.forms.start(wanjiru, "intake").value.record_id
    core.forms.save_draft(
        intake, {"has_allergies": True, "allergies": "Penicillin: rash and swollen lips"}
    )

    window.show_patient(wanjiru)
    record = window.patients.record
    qtbot.waitUntil(lambda: record.follow_through.summary is not None, timeout=20_000)
    results = next(t for t in record.follow_through_tabs if isinstance(t, ResultsTab))
    record.tabs.setCurrentWidget(results)
    qtbot.waitUntil(lambda: results.loads > 0, timeout=20_000)
    qtbot.wait(200)
    _save(window, "desk-08d-patient-record-summary-results.png")
    referrals = next(t for t in record.follow_through_tabs if isinstance(t, ReferralsTab))
    record.tabs.setCurrentWidget(referrals)
    qtbot.waitUntil(lambda: referrals.loads > 0, timeout=20_000)
    qtbot.wait(200)
    _save(window, "desk-08e-patient-record-referrals.png")

    # Today: two booked patients (one arrived), and a walk-in in the queue.
    now = core.clock.now().replace(tzinfo=None, second=0, microsecond=0)
    # Inside the providers' 07:00–19:00 whatever the hour it runs: an hour ago, but no
    # earlier than 07:00 and no later than 18:00 (from 20:00 an hour ago was outside them).
    earliest = dt.datetime.combine(today, dt.time(7))
    latest = dt.datetime.combine(today, dt.time(18))
    start = min(latest, max(earliest, now.replace(minute=0) - dt.timedelta(hours=1)))
    achieng = _person(core, "Achieng", "Otieno", "1978-06-09", "0722000111", "Kisumu")
    abdi = _person(core, "Mohamed", "Abdi", "1985-11-20", "0711222333", "Garissa", "male")
    neema = _person(core, "Neema", "Juma", "1995-07-14", "0733111222", "Thika")
    first = core.schedule.book(
        patient_id=achieng, provider_id=clinic.provider_id, type_id=clinic.type_id, starts_at=start
    ).value
    core.schedule.check_in(first.appointment_id)
    core.schedule.book(
        patient_id=abdi,
        provider_id=clinic.other_provider_id,
        type_id=clinic.type_id,
        starts_at=start + dt.timedelta(minutes=30),
    )
    core.schedule.walk_in(neema, reason="Fever since yesterday")
    window.show_today()
    today_view = window.today
    qtbot.waitUntil(lambda: today_view.queue_model.rowCount() == 2, timeout=20_000)
    qtbot.waitUntil(
        lambda: any(
            "walk-in" in (today_view.queue_model.index(r, 1).data() or "") for r in range(2)
        ),
        timeout=20_000,
    )
    qtbot.wait(300)
    _save(window, "desk-04c-today-walk-in.png")

    # The walk-in dialog: the patient found as typed (a typo), the provider left to the core.
    from tests.ui.conftest import find_window
    from ui.walk_in_dialog import WalkInDialog

    _person(core, "Halima", "Wanjiku", "2001-02-17", "0700123456", "Ruiru")
    today_view.walk_in()
    qtbot.waitUntil(lambda: find_window(WalkInDialog) is not None, timeout=20_000)
    dialog = find_window(WalkInDialog)
    qtbot.keyClicks(dialog.patient_search, "halima wanjku")
    qtbot.waitUntil(lambda: dialog.patient is not None, timeout=20_000)
    qtbot.keyClicks(dialog.reason, "Cough for two weeks")
    qtbot.wait(200)
    _save(dialog, "desk-04d-walk-in-dialog.png")
    dialog.reject()
