"""The worklist page on a real store: the core's lines grouped under its words, urgent first,
the count in the side list, refreshed from the core's change events, and each line opening
the record where it is done (a result's screen, a referral's, else the patient's record).

A screenshot of the page is made on demand (docs/screenshots/desk-30-worklist.png):

    OUTPOST_SCREENSHOTS=docs/screenshots QT_QPA_PLATFORM=offscreen \\
        .venv/bin/python -m pytest tests/ui/test_worklist_page.py -k screenshot
"""

from __future__ import annotations

import datetime as dt
import os
import uuid
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from desktop.app import work_items as wl
from desktop.store.models import ReferralUrgency, RelayMethod, RelayOutcome
from tests.ui.followup_data import WAIT, days_later, facility, patient, received_result
from tests.ui.mnemonics import clashes
from ui.main_window import PATIENTS, WORKLIST
from ui.referral_screen import ReferralScreen
from ui.result_screen import ResultScreen
from ui.worklist_page import DEBOUNCE_MS

OUT = os.environ.get("OUTPOST_SCREENSHOTS", "")


def lines(page) -> list[tuple[str, list[list[str]]]]:
    """(group title, [cells of each line]) as the page shows them."""
    out = []
    model = page.model
    for g in range(model.rowCount()):
        group = model.item(g)
        rows = [
            [group.child(r, c).text() for c in range(model.columnCount())]
            for r in range(group.rowCount())
        ]
        out.append((group.text(), rows))
    return out


def open_worklist(qtbot, window):
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=WAIT)  # its shortcuts work once active
    qtbot.keyClick(window, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)
    assert window.nav.currentRow() == WORKLIST
    return window.worklist


def test_a_received_result_is_on_the_worklist_with_patient_number_phone_and_since(
    signed_in, qtbot
) -> None:
    core = signed_in.ctx.core
    pid = patient(core, "Akoth")
    received_result(core, pid)
    page = open_worklist(qtbot, signed_in.window)
    qtbot.waitUntil(
        lambda: page.worklist is not None and len(page.worklist.items) == 1, timeout=WAIT
    )
    [(title, [cells])] = lines(page)
    assert title == "Result to relay — 1"
    number = page.worklist.items[0].clinic_number
    assert number and cells[:3] == ["Akoth Onyango", number, "0712 345678"]
    assert cells[3].startswith("Full blood count: received ")
    assert cells[3].endswith(", 0 attempts")
    assert cells[4].endswith("(today)")
    assert signed_in.window.nav.item(WORKLIST).text() == "Worklist (1)"
    assert page.tree.hasFocus()  # the keyboard is on the list at once


def test_urgent_lines_come_first_and_a_new_result_arrives_without_a_refresh(
    signed_in, qtbot
) -> None:
    core = signed_in.ctx.core
    received_result(core, patient(core, "Akoth"), "Lipid profile")
    page = open_worklist(qtbot, signed_in.window)
    qtbot.waitUntil(
        lambda: page.worklist is not None and len(page.worklist.items) == 1, timeout=WAIT
    )
    # Made while the page is shown: the change event brings it.
    received_result(core, patient(core, "Baraka"), "Potassium", urgent=True)
    qtbot.waitUntil(lambda: len(page.worklist.items) == 2, timeout=WAIT)
    groups = lines(page)
    assert [title for title, _ in groups] == ["‼ Urgent result to relay — 1", "Result to relay — 1"]
    assert groups[0][1][0][0] == "Baraka Onyango"
    assert signed_in.window.nav.item(WORKLIST).text() == "Worklist (2)"
    # The line the coordinator was on stays selected through the refresh.
    assert page.selected() is not None and page.selected().patient_name == "Akoth Onyango"


def test_the_count_is_in_the_side_list_before_the_page_is_opened(signed_in, qtbot) -> None:
    core = signed_in.ctx.core
    received_result(core, patient(core, "Akoth"))
    window = signed_in.window
    window.show()
    qtbot.waitUntil(lambda: window.nav.item(WORKLIST).text() == "Worklist (1)", timeout=WAIT)
    assert window.nav.currentRow() == 0  # still on Today
    # A result relayed while another page is shown: the count follows.
    result_id = window.worklist.worklist.items[0].record_id
    core.results.relay(result_id, RelayMethod.PHONE, RelayOutcome.INFORMED)
    qtbot.waitUntil(lambda: window.nav.item(WORKLIST).text() == "Worklist", timeout=WAIT)


def test_enter_on_a_result_line_opens_the_result_screen(signed_in, qtbot) -> None:
    core = signed_in.ctx.core
    result_id = received_result(core, patient(core, "Akoth"))
    page = open_worklist(qtbot, signed_in.window)
    qtbot.waitUntil(lambda: page.selected() is not None, timeout=WAIT)
    qtbot.keyClick(page.tree, Qt.Key.Key_Return)
    screen = next(w for w in signed_in.window.findChildren(ResultScreen) if w.isVisible())
    assert screen.result_id == result_id
    qtbot.waitUntil(lambda: screen.detail is not None, timeout=WAIT)
    assert screen.title.text() == "Full blood count — Akoth Onyango"


def test_a_double_click_on_a_referral_line_opens_the_referral_screen(signed_in, qtbot) -> None:
    core = signed_in.ctx.core
    referral = core.referrals.add(
        patient(core, "Dida"),
        "Surgical review",
        facility_id=facility(core),
        urgency=ReferralUrgency.URGENT,
        send_on=core.today(),
    ).value.referral_id
    days_later(core, 10)
    page = open_worklist(qtbot, signed_in.window)
    qtbot.waitUntil(lambda: page.selected() is not None, timeout=WAIT)
    [(title, [cells])] = lines(page)
    assert title == "‼ Urgent referral overdue — 1"
    assert cells[3].startswith("to County Referral Hospital: sent 10 days ago")
    index = page.tree.currentIndex()
    rect = page.tree.visualRect(index)
    # A real double-click: a press and release, then the double-click on the same line.
    qtbot.mouseClick(page.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(page.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    screen = next(w for w in signed_in.window.findChildren(ReferralScreen) if w.isVisible())
    assert screen.referral_id == referral


def test_a_line_of_a_kind_without_a_screen_opens_the_patient_record(signed_in, qtbot) -> None:
    core = signed_in.ctx.core
    pid = patient(core, "Chebet")
    page = open_worklist(qtbot, signed_in.window)
    qtbot.waitUntil(lambda: page.worklist is not None, timeout=WAIT)
    qtbot.wait(DEBOUNCE_MS * 2)  # the registration's change event read the list again
    qtbot.waitUntil(lambda: not page._soon.isActive() and not page._loading, timeout=WAIT)
    item = wl.WorkItem(  # a missed appointment: rebooked from the patient's record
        wl.NO_SHOW,
        wl.APPOINTMENT,
        uuid.uuid4(),
        pid,
        "Chebet Onyango",
        "",
        "",
        "Missed the appointment of 1 Dec",
        dt.date(2026, 12, 1),
    )
    page.show_worklist(wl.Worklist(core.today(), (item,)))
    page.tree.setFocus()
    qtbot.keyClick(page.tree, Qt.Key.Key_Return)
    window = signed_in.window
    assert window.nav.currentRow() == PATIENTS
    qtbot.waitUntil(lambda: window.patients.record.chart is not None, timeout=WAIT)
    assert window.patients.record.chart.patient_id == pid


def test_nobody_to_call_says_so(signed_in, qtbot) -> None:
    page = open_worklist(qtbot, signed_in.window)
    qtbot.waitUntil(lambda: page.worklist is not None, timeout=WAIT)
    assert page.summary.text() == "Nobody to call today. ✓"
    assert not page.open_button.isEnabled()
    assert signed_in.window.nav.item(WORKLIST).text() == "Worklist"
    # With the window's menus, no two things on the page share an Alt+letter.
    assert clashes(signed_in.window) == {}


@pytest.mark.skipif(not OUT, reason="set OUTPOST_SCREENSHOTS to a folder to make them")
def test_worklist_screenshot(signed_in, qtbot) -> None:
    core = signed_in.ctx.core
    hospital = facility(core)
    received_result(
        core, patient(core, "Baraka", "Otieno", "0733 222 111"), "Potassium", urgent=True
    )
    received_result(core, patient(core, "Akoth", "Wambui", "0712 345 678"), "Lipid profile")
    received_result(core, patient(core, "Imani", "Chege", "0701 998 877"), "Malaria RDT")
    core.referrals.add(
        patient(core, "Dida", "Mwangi", "0722 123 456"),
        "Surgical review of a hernia",
        facility_id=hospital,
        urgency=ReferralUrgency.ROUTINE,
        send_on=core.today(),
    )
    late = core.results.order(
        patient(core, "Zawadi", "Kamau", "0799 111 222"),
        "Sputum culture",
        expected_on=core.today() + dt.timedelta(days=3),
    ).value.line.result_id
    assert late
    days_later(core, 35)
    window = signed_in.window
    window.resize(1280, 720)
    page = open_worklist(qtbot, window)
    page.refresh()
    qtbot.waitUntil(
        lambda: page.worklist is not None and len(page.worklist.items) == 5, timeout=WAIT
    )
    qtbot.wait(200)
    target = Path(OUT) / "desk-30-worklist.png"
    target.parent.mkdir(parents=True, exist_ok=True)
    assert window.grab().save(str(target))


def test_tab_goes_from_the_list_to_open_then_refresh(signed_in, qtbot) -> None:
    core = signed_in.ctx.core
    received_result(core, patient(core, "Akoth"))
    page = open_worklist(qtbot, signed_in.window)
    qtbot.waitUntil(lambda: page.selected() is not None, timeout=WAIT)
    assert page.tree.hasFocus()
    order = []
    for _ in range(2):
        qtbot.keyClick(signed_in.window.focusWidget(), Qt.Key.Key_Tab)
        order.append(signed_in.window.focusWidget())
    assert order == [page.open_button, page.refresh_button]
