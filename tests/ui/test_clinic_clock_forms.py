"""Defect 2: one clinic clock. The laptop is left on UTC in a Nairobi clinic; at 21:30 UTC it
is already 00:30 the next day at the clinic, and the form on screen, the printed PDF and the
stored record all say 2 December, not 1 December."""

from __future__ import annotations

import datetime as dt
import os
import time
import zoneinfo

import pytest

from desktop.clock import ClinicClock
from forms import read_signature
from tests.ui.test_form_view import (
    LEFT,
    answer_consent,
    confirm_completion,
    draw,
    make_desk,
    new_patient,
    open_new_form,
    stored,
)
from tests.ui.test_print_preview import pdf_text, wait_for_preview

NAIROBI = zoneinfo.ZoneInfo("Africa/Nairobi")
LATE_EVENING_UTC = dt.datetime(2026, 12, 1, 21, 30, tzinfo=dt.UTC)  # 00:30 on 2 Dec, Nairobi
CLINIC_DAY = dt.date(2026, 12, 2)


@pytest.fixture
def laptop_on_utc():  # type: ignore[no-untyped-def]
    """The process's own zone forced to UTC (as a laptop set up without a zone is)."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = "UTC"
    time.tzset()
    try:
        yield
    finally:
        if before is None:
            os.environ.pop("TZ", None)
        else:
            os.environ["TZ"] = before
        time.tzset()


def test_screen_pdf_and_record_agree_on_the_clinics_date_around_midnight(
    signed_in, qtbot, laptop_on_utc
) -> None:
    core = signed_in.ctx.core
    core.clock = ClinicClock(NAIROBI, now=lambda: LATE_EVENING_UTC)
    # The laptop's own idea of the date is still the 1st.
    laptop = time.localtime(LATE_EVENING_UTC.timestamp())
    assert (laptop.tm_mday, laptop.tm_hour) == (1, 21)
    desk = make_desk(signed_in)
    patient_id = new_patient(signed_in)

    # Screen: a new intake is dated the clinic's today; "Today" on a date field too.
    intake = open_new_form(qtbot, signed_in, desk, patient_id, "intake")
    assert intake.answers()["visit_date"] == CLINIC_DAY.isoformat()
    assert intake.rows["visit_date"].widget.today() == CLINIC_DAY
    intake.close()

    # Signed on screen: the signature, the banner and the stored record say the 2nd, 00:30.
    view = open_new_form(qtbot, signed_in, desk, patient_id, "consent_treatment")
    answer_consent(qtbot, view)
    draw(qtbot, view.rows["patient_signature"].widget.pad)
    draw(qtbot, view.rows["staff_signature"].widget.pad)
    signature = read_signature("signature", view.answers()["patient_signature"])
    assert signature.signed_at == LATE_EVENING_UTC
    assert signature.signed_at.isoformat().startswith("2026-12-02T00:30")
    qtbot.mouseClick(view.complete_button, LEFT)
    confirm_completion(qtbot, view)
    qtbot.waitUntil(lambda: view.status == "signed", timeout=20_000)
    banner = view.banner.text()
    assert "2 Dec 2026" in banner and "00:30" in banner
    assert "1 Dec 2026" not in banner

    status, answers, record = stored(signed_in, view.record_id)
    assert status == "signed"
    assert record.signed_at == LATE_EVENING_UTC  # stored instants stay UTC
    assert core.clock.local(record.signed_at).date() == CLINIC_DAY
    assert answers["patient_signature"]["signed_at"].startswith("2026-12-02T00:30")

    # Paper: "Printed …", the signature line and the default file name.
    desk.preview_record(signed_in.window, view.record_id)
    preview = wait_for_preview(qtbot, desk)
    text = pdf_text(preview.pdf)
    assert "Printed 2 December 2026, 00:30" in text
    assert "on 2 December 2026, 00:30" in text  # the signature's time
    assert "1 December 2026" not in text
    assert preview.file_name == "consent_treatment-2026-12-02.pdf"
