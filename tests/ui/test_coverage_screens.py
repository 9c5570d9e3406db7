"""The coverage screens on a real store, through their real widgets: a membership added from
the record's Coverage tab and verified there makes the check-in queue's mark "verified this
month" (both follow the core's change events); a worklist coverage line opens the
verification of its membership and leaves the list once verified; a membership ended; the
clinic's schemes added, changed and no longer offered in Settings.

A screenshot of the verification dialog is made on demand
(docs/screenshots/desk-35-verification.png):

    OUTPOST_SCREENSHOTS=docs/screenshots QT_QPA_PLATFORM=offscreen \\
        .venv/bin/python -m pytest tests/ui/test_coverage_screens.py -k screenshot
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.store.models import SchemeKind, VerificationMethod, VerificationResult
from tests.ui.conftest import book, register, set_up_clinic
from tests.ui.followup_data import WAIT
from tests.ui.mnemonics import clashes
from ui.coverage_screens import SchemeCombo, VerificationDialog, verify_membership
from ui.followup_dialogs import FollowupDialog
from ui.main_window import PATIENTS, TODAY, WORKLIST
from ui.record_tab_coverage import CoverageTab
from ui.util import combo_select, is_alive

OUT = os.environ.get("OUTPOST_SCREENSHOTS", "")


def _coverage_tab(qtbot, window, patient_id) -> CoverageTab:
    window.show()
    window.show_patient(patient_id)
    record = window.patients.record
    qtbot.waitUntil(
        lambda: record.chart is not None and record.chart.patient_id == patient_id, timeout=WAIT
    )
    tab = next(t for t in record.follow_through_tabs if isinstance(t, CoverageTab))
    before = tab.loads
    record.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: tab.loads > before, timeout=WAIT)
    return tab


def _submit(qtbot, dialog: FollowupDialog) -> None:
    qtbot.keyClick(dialog.ok_button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not is_alive(dialog) or not dialog.isVisible(), timeout=WAIT)


def _verification() -> VerificationDialog | None:
    for widget in QApplication.topLevelWidgets():
        for found in [widget, *widget.findChildren(VerificationDialog)]:
            if isinstance(found, VerificationDialog) and is_alive(found) and found.isVisible():
                return found
    return None


def _today_cell(tab: CoverageTab, row: int = 0) -> str:
    return tab.model.index(row, 3).data() or ""


def _queue_marks(view) -> dict[str, str]:
    model = view.queue_model
    cells = [(model.item(r, 0), model.item(r, 3)) for r in range(model.rowCount())]
    return {name.text(): mark.text() if mark else "" for name, mark in cells if name is not None}


def test_a_membership_added_and_verified_makes_the_check_in_mark_verified_this_month(
    signed_in, qtbot
) -> None:
    core, window = signed_in.ctx.core, signed_in.window
    clinic = set_up_clinic(core)
    core.coverage.add_scheme("NHIF", SchemeKind.GOVERNMENT)
    pid = register(core, "Achieng", "Otieno")
    visit = book(core, clinic, pid, dt.datetime.combine(core.today(), dt.time(9)))
    core.schedule.check_in(visit)
    today = window.today
    today.refresh()
    qtbot.waitUntil(lambda: _queue_marks(today) == {"Achieng Otieno": ""}, timeout=WAIT)

    tab = _coverage_tab(qtbot, window, pid)
    assert tab.add_button.isVisible() and not tab.end_button.isEnabled()
    tab.table.selectRow(0)
    own = [tab.add_button.text(), tab.open_button.text(), tab.end_button.text()]
    assert own == ["Add a me&mbership…", "Verif&y the membership…", "End the member&ship…"]
    assert not {"m", "y", "s"} & set(clashes(window))  # the tab's own letters are its own
    tab.add_button.click()
    qtbot.waitUntil(
        lambda: tab.last_dialog is not None and tab.last_dialog.isVisible(), timeout=WAIT
    )
    add = tab.last_dialog
    assert isinstance(add, FollowupDialog)
    assert add.windowTitle() == "New membership: Achieng Otieno"
    schemes = add.fields["scheme_id"]
    assert isinstance(schemes, SchemeCombo)
    qtbot.waitUntil(lambda: schemes.loaded, timeout=WAIT)
    assert schemes.currentText() == "NHIF (government scheme)"
    assert clashes(add) == {}
    _submit_refused = add.ok_button
    qtbot.keyClick(_submit_refused, Qt.Key.Key_Return)  # no member number: refused beside it
    qtbot.waitUntil(lambda: bool(add.errors["member_number"].message), timeout=WAIT)
    assert add.errors["member_number"].message.startswith("Give the member number")
    qtbot.keyClicks(add.fields["member_number"], "NH-0042-77")
    add.fields["valid_until"].check.setChecked(True)  # type: ignore[attr-defined]
    _submit(qtbot, add)

    # The tab and the queue follow the change event: to verify.
    qtbot.waitUntil(lambda: _today_cell(tab) == "? to verify", timeout=WAIT)
    window.nav.setCurrentRow(TODAY)
    qtbot.waitUntil(lambda: _queue_marks(today) == {"Achieng Otieno": "? To verify"}, timeout=WAIT)
    window.nav.setCurrentRow(PATIENTS)  # back on the record, its Coverage tab
    qtbot.waitUntil(tab.isVisible, timeout=WAIT)

    # Enter on the line: its verification.
    tab.table.selectRow(0)
    assert tab.open_button.isEnabled() and tab.end_button.isEnabled()
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: _verification() is not None, timeout=WAIT)
    dialog = _verification()
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.line is not None, timeout=WAIT)
    assert dialog.heading.text() == "NHIF NH-0042-77 — Achieng Otieno"
    assert "Today: ? to verify (NHIF NH-0042-77 never verified)" in dialog.about.text()
    assert dialog.history.text() == "Never verified before."
    assert clashes(dialog) == {}
    combo_select(dialog.fields["method"], VerificationMethod.PHONE)  # type: ignore[arg-type]
    qtbot.keyClicks(dialog.fields["reference"], "CALL-981")
    _submit(qtbot, dialog)

    qtbot.waitUntil(lambda: _today_cell(tab) == "✓ verified this month", timeout=WAIT)
    window.nav.setCurrentRow(TODAY)
    qtbot.waitUntil(
        lambda: _queue_marks(today) == {"Achieng Otieno": "✓ Verified this month"}, timeout=WAIT
    )
    [check] = core.coverage.membership(tab.lines[0].membership_id).checks
    assert (check.method, check.result, check.reference) == (
        VerificationMethod.PHONE,
        VerificationResult.VERIFIED,
        "CALL-981",
    )
    assert check.by == core.actor.display_name


def test_a_worklist_coverage_line_opens_its_verification_and_leaves_when_verified(
    signed_in, qtbot
) -> None:
    core, window = signed_in.ctx.core, signed_in.window
    clinic = set_up_clinic(core)
    scheme = core.coverage.add_scheme("AAR Insurance", SchemeKind.INSURER).value.scheme_id
    pid = register(core, "Baraka", "Juma")
    member = core.coverage.add_membership(pid, scheme, "AAR-1234").value.membership_id
    tomorrow = core.today() + dt.timedelta(days=1)
    book(core, clinic, pid, dt.datetime.combine(tomorrow, dt.time(10)))
    window.show()
    window.nav.setCurrentRow(WORKLIST)
    page = window.worklist
    page.refresh()
    qtbot.waitUntil(
        lambda: (
            page.worklist is not None and any(i.record_id == member for i in page.worklist.items)
        ),
        timeout=WAIT,
    )
    assert page.select_record(member)
    dialog = page.open_selected()
    assert isinstance(dialog, VerificationDialog) and dialog.membership_id == member
    qtbot.waitUntil(lambda: dialog.line is not None and dialog.ok_button.isEnabled(), timeout=WAIT)
    assert "AAR Insurance AAR-1234" in dialog.heading.text()
    _submit(qtbot, dialog)
    qtbot.waitUntil(lambda: all(i.record_id != member for i in page.worklist.items), timeout=WAIT)


def test_a_membership_ended_from_the_tab_reads_ended_and_cannot_be_verified(
    signed_in, qtbot
) -> None:
    core, window = signed_in.ctx.core, signed_in.window
    scheme = core.coverage.add_scheme("NHIF", SchemeKind.GOVERNMENT).value.scheme_id
    pid = register(core, "Chebet", "Kiprono")
    member = core.coverage.add_membership(pid, scheme, "N-77").value.membership_id
    tab = _coverage_tab(qtbot, window, pid)
    tab.table.selectRow(0)
    tab.end_button.click()
    dialog = tab.last_dialog
    assert isinstance(dialog, FollowupDialog) and dialog.isVisible()
    qtbot.keyClicks(dialog.fields["note"], "Left the scheme")
    _submit(qtbot, dialog)
    qtbot.waitUntil(lambda: _today_cell(tab) == "ended", timeout=WAIT)
    tab.table.selectRow(0)
    assert not tab.end_button.isEnabled() and not tab.open_button.isEnabled()
    # Reached all the same (an old worklist line): it says so and saves nothing.
    ended = verify_membership(signed_in.ctx, window, member)
    qtbot.waitUntil(lambda: ended.line is not None, timeout=WAIT)
    assert not ended.ok_button.isEnabled()
    assert ended.general_error.message == "This membership was ended: nothing to verify."
    ended.close()


def test_the_clinic_s_schemes_are_added_changed_and_no_longer_offered_in_settings(
    signed_in, qtbot
) -> None:
    core, window = signed_in.ctx.core, signed_in.window
    window.show()
    window.nav.setCurrentRow(3)
    settings = window.settings
    panel = settings.schemes
    settings.tabs.setCurrentWidget(panel)
    qtbot.waitUntil(lambda: panel.loads > 0, timeout=WAIT)
    assert clashes(window) == {}

    add = panel.add_scheme()
    qtbot.keyClicks(add.fields["name"], "Linda Mama")
    combo_select(add.fields["kind"], SchemeKind.GOVERNMENT)  # type: ignore[arg-type]
    qtbot.keyClicks(add.fields["phone"], "0800 720 601")
    add.fields["verify_every_days"].setValue(90)  # type: ignore[attr-defined]
    _submit(qtbot, add)
    qtbot.waitUntil(lambda: [s.name for s in panel.schemes] == ["Linda Mama"], timeout=WAIT)
    assert panel.model.index(0, 3).data() == "90 days"

    panel.table.selectRow(0)
    edit = panel.edit_scheme()
    assert edit is not None
    edit.fields["name"].clear()  # type: ignore[attr-defined]
    qtbot.keyClicks(edit.fields["name"], "Linda Mama (NHIF)")
    _submit(qtbot, edit)
    qtbot.waitUntil(lambda: [s.name for s in panel.schemes] == ["Linda Mama (NHIF)"], timeout=WAIT)

    panel.table.selectRow(0)
    assert panel.offer_button.text() == "No longer o&ffered"
    panel.toggle_offered()
    box = next(
        w for w in QApplication.topLevelWidgets() if w.isVisible() and w.inherits("QMessageBox")
    )
    yes = next(b for b in box.buttons() if b.text() == "No longer offer it")
    yes.click()
    qtbot.waitUntil(lambda: not panel.schemes[0].active, timeout=WAIT)
    assert panel.model.index(0, 4).data() == "no longer"
    assert core.coverage.schemes() == ()  # not offered for new memberships
    panel.table.selectRow(0)
    assert panel.offer_button.text() == "Offe&r again"


@pytest.mark.skipif(not OUT, reason="set OUTPOST_SCREENSHOTS to a folder to make them")
def test_verification_screenshot(signed_in, qtbot) -> None:
    core, window = signed_in.ctx.core, signed_in.window
    scheme = core.coverage.add_scheme("NHIF", SchemeKind.GOVERNMENT).value.scheme_id
    pid = register(core, "Wanjiru", "Kamau")
    today = core.today()
    member = core.coverage.add_membership(
        pid,
        scheme,
        "NH-0042-77",
        holder_name="Joseph Kamau",
        valid_from=today - dt.timedelta(days=300),
        valid_until=today + dt.timedelta(days=65),
    ).value.membership_id
    before = dt.datetime.combine(today - dt.timedelta(days=40), dt.time(9, 15))
    core.coverage.verify(
        member,
        VerificationMethod.PORTAL,
        VerificationResult.VERIFIED,
        at=before,
        reference="P-5521",
    )
    window.resize(1280, 720)
    tab = _coverage_tab(qtbot, window, pid)
    tab.table.selectRow(0)
    qtbot.wait(200)
    window.grab().save(str(Path(OUT) / "desk-37-coverage-tab.png"))
    dialog = verify_membership(signed_in.ctx, window, member)
    qtbot.waitUntil(lambda: dialog.line is not None, timeout=WAIT)
    qtbot.wait(200)
    dialog.grab().save(str(Path(OUT) / "desk-35-verification.png"))
    dialog.close()
