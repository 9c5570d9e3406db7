"""The referral screen on a real store, through its real widgets: only the steps the status
machine allows are offered, a referral moved to closed leaves the overdue list, declining
needs a reason (the core's words beside the field), and referring a patient from the record
with a facility added to the directory on the way.

A screenshot of the screen is made on demand (docs/screenshots/desk-32-referral.png):

    OUTPOST_SCREENSHOTS=docs/screenshots QT_QPA_PLATFORM=offscreen \\
        .venv/bin/python -m pytest tests/ui/test_referral_screens.py -k screenshot
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from desktop.app.followup import FacilityKind, ReferralStatus, ReferralUrgency
from tests.ui.followup_data import WAIT, days_later, facility, patient
from tests.ui.mnemonics import clashes
from ui.followup_dialogs import FollowupDialog
from ui.main_window import WORKLIST
from ui.referral_screen import ReferralScreen, open_referral
from ui.util import combo_select, is_alive, qdate

S = ReferralStatus
OUT = os.environ.get("OUTPOST_SCREENSHOTS", "")


def opened(qtbot, signed_in, referral_id) -> ReferralScreen:
    window = signed_in.window
    window.show()
    screen = open_referral(signed_in.ctx, window, referral_id)
    qtbot.waitUntil(lambda: screen.line is not None, timeout=WAIT)
    return screen


def submit(qtbot, dialog: FollowupDialog) -> None:
    qtbot.keyClick(dialog.ok_button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not is_alive(dialog) or not dialog.isVisible(), timeout=WAIT)


def step(qtbot, screen: ReferralScreen, to: ReferralStatus, **texts: str) -> None:
    loads = screen.loads
    button = screen.step_buttons[to]
    assert button.isVisibleTo(screen)
    button.click()
    dialog = next(w for w in screen.findChildren(FollowupDialog) if w.isVisible())
    for key, text in texts.items():
        qtbot.keyClicks(dialog.fields[key], text)
    submit(qtbot, dialog)
    qtbot.waitUntil(lambda: screen.loads > loads and screen.line.status is to, timeout=WAIT)


def test_a_referral_moved_to_closed_leaves_the_overdue_list(signed_in, qtbot) -> None:
    core = signed_in.ctx.core
    referral = core.referrals.add(
        patient(core, "Dida"),
        "Surgical review of a hernia",
        facility_id=facility(core),
        send_on=core.today(),
    ).value.referral_id
    days_later(core, 20)  # routine: the clinic allows 14 days for an appointment
    window = signed_in.window
    window.show()
    window.nav.setCurrentRow(WORKLIST)
    page = window.worklist
    page.refresh()
    qtbot.waitUntil(lambda: page.selected() is not None, timeout=WAIT)
    assert page.selected().record_id == referral
    screen = page.open_selected()
    assert isinstance(screen, ReferralScreen)
    qtbot.waitUntil(lambda: screen.line is not None, timeout=WAIT)
    assert "⚠ overdue: sent 20 days ago" in screen.summary.text()
    assert screen.offered_steps() == [S.APPOINTMENT_GIVEN, S.SEEN, S.DECLINED, S.LOST]
    assert clashes(screen) == {}

    step(qtbot, screen, S.SEEN)
    assert screen.offered_steps() == [S.FEEDBACK_RECEIVED, S.CLOSED]
    step(qtbot, screen, S.CLOSED, counter_referral="Hernia repaired; review in 6 weeks.")
    assert screen.offered_steps() == []  # closed: nothing more to do
    assert screen.counter.text() == "Hernia repaired; review in 6 weeks."
    assert screen.summary.text().startswith("✓ closed")
    qtbot.waitUntil(lambda: page.worklist is not None and not page.worklist.items, timeout=WAIT)
    assert core.referrals.list(overdue_only=True) == ()
    assert window.nav.item(WORKLIST).text() == "Worklist"


def test_each_status_offers_only_the_steps_its_machine_allows(signed_in, qtbot) -> None:
    core = signed_in.ctx.core
    hospital = facility(core)
    referral = core.referrals.add(
        patient(core, "Esther"), "Physiotherapy", facility_id=hospital
    ).value.referral_id
    screen = opened(qtbot, signed_in, referral)
    assert screen.offered_steps() == [S.SENT, S.DECLINED]
    step(qtbot, screen, S.SENT)
    assert screen.line.sent_on == core.today()
    assert screen.offered_steps() == [S.APPOINTMENT_GIVEN, S.SEEN, S.DECLINED, S.LOST]

    screen.step_buttons[S.APPOINTMENT_GIVEN].click()
    dialog = next(w for w in screen.findChildren(FollowupDialog) if w.isVisible())
    later = core.today() + dt.timedelta(days=9)

    dialog.fields["appointment_on"].setDate(qdate(later))
    submit(qtbot, dialog)
    qtbot.waitUntil(lambda: screen.line.appointment_on == later, timeout=WAIT)
    # Again: the facility moved the appointment.
    assert screen.step_buttons[S.APPOINTMENT_GIVEN].text() == "New &appointment date…"
    assert screen.offered_steps() == [S.APPOINTMENT_GIVEN, S.SEEN, S.DECLINED, S.LOST]

    step(qtbot, screen, S.LOST, end_reason="Moved to Nairobi, phone off")
    assert screen.offered_steps() == [S.SEEN, S.FEEDBACK_RECEIVED]  # found after all
    step(qtbot, screen, S.FEEDBACK_RECEIVED, counter_referral="Seen in Nairobi; exercises.")
    assert screen.offered_steps() == [S.CLOSED]


def test_declining_needs_a_reason_shown_in_the_cores_words(signed_in, qtbot) -> None:
    core = signed_in.ctx.core
    referral = core.referrals.add(
        patient(core, "Faith"), "Eye review", facility_id=facility(core)
    ).value.referral_id
    screen = opened(qtbot, signed_in, referral)
    screen.step_buttons[S.DECLINED].click()
    dialog = next(w for w in screen.findChildren(FollowupDialog) if w.isVisible())
    qtbot.keyClick(dialog.ok_button, Qt.Key.Key_Return)
    error = dialog.errors["end_reason"]
    qtbot.waitUntil(error.isVisible, timeout=WAIT)
    assert error.message == "Say why (who declined, or what is known of the patient)."
    assert core.referrals.show(referral).status is S.DRAFTED


def test_referring_from_the_record_with_a_facility_added_to_the_directory(signed_in, qtbot) -> None:
    core = signed_in.ctx.core
    pid = patient(core, "Grace")
    window = signed_in.window
    window.show()
    window.show_patient(pid)
    record = window.patients.record
    qtbot.waitUntil(lambda: record.chart is not None, timeout=WAIT)
    record.refer_button.click()
    dialog = next(w for w in record.findChildren(FollowupDialog) if w.isVisible())
    assert dialog.windowTitle() == "Refer Grace Onyango"
    picker = dialog.fields["facility_id"]
    qtbot.waitUntil(lambda: not picker.combo.currentText().startswith("Loading"), timeout=WAIT)
    picker.new_button.click()
    new = next(w for w in picker.findChildren(FollowupDialog) if w.isVisible())
    qtbot.keyClicks(new.fields["name"], "Kisumu Rehabilitation Centre")
    assert combo_select(new.fields["kind"], FacilityKind.REHABILITATION)
    qtbot.keyClicks(new.fields["phone"], "0722 555 666")
    submit(qtbot, new)
    qtbot.waitUntil(lambda: picker.value() is not None, timeout=WAIT)
    assert picker.combo.currentText().startswith("Kisumu Rehabilitation Centre (rehabilitation")
    qtbot.keyClicks(dialog.fields["reason"], "Physiotherapy after a stroke")
    assert combo_select(dialog.fields["urgency"], ReferralUrgency.URGENT)
    dialog.fields["sent"].setChecked(True)
    submit(qtbot, dialog)
    qtbot.waitUntil(
        lambda: any(w.isVisible() for w in window.findChildren(ReferralScreen)), timeout=WAIT
    )
    screen = next(w for w in window.findChildren(ReferralScreen) if w.isVisible())
    qtbot.waitUntil(lambda: screen.line is not None, timeout=WAIT)
    line = screen.line
    assert line.facility is not None and line.facility.name == "Kisumu Rehabilitation Centre"
    assert line.status is S.SENT and line.urgency is ReferralUrgency.URGENT
    assert screen.title.text() == "Referral of Grace Onyango to Kisumu Rehabilitation Centre"


@pytest.mark.skipif(not OUT, reason="set OUTPOST_SCREENSHOTS to a folder to make them")
def test_referral_screen_screenshot(signed_in, qtbot) -> None:
    core = signed_in.ctx.core
    referral = core.referrals.add(
        patient(core, "Dida", "Mwangi", "0722 123 456"),
        "Surgical review of an inguinal hernia, painful for 3 months",
        facility_id=facility(core),
        urgency=ReferralUrgency.URGENT,
        send_on=core.today(),
        notes="Patient prefers a morning appointment.",
    ).value.referral_id
    days_later(core, 9)
    screen = opened(qtbot, signed_in, referral)
    qtbot.waitExposed(screen)
    qtbot.wait(200)
    target = Path(OUT) / "desk-32-referral.png"
    target.parent.mkdir(parents=True, exist_ok=True)
    assert screen.grab().save(str(target))
