"""The care-plan screen on a real store, through its real widgets: a plan made from the
record's Care plans tab with a monthly follow-up owned by a community health worker, checked
off (who and when shown, the next occurrence beside it), unticked; a missed follow-up on the
worklist opens the plan on that item and leaves the list once checked off; the plan's moves
are only those its status allows; the summary goes to the print preview.

A screenshot of the screen is made on demand (docs/screenshots/desk-34-care-plan.png):

    OUTPOST_SCREENSHOTS=docs/screenshots QT_QPA_PLATFORM=offscreen \\
        .venv/bin/python -m pytest tests/ui/test_care_plan_screen.py -k screenshot
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QPlainTextEdit

from desktop.app.care_plans import CareItemKind
from tests.ui.followup_data import WAIT, days_later, patient
from tests.ui.mnemonics import clashes
from ui.care_plan_screen import CareDialog, CarePlanScreen, open_care_plan
from ui.main_window import WORKLIST
from ui.record_tab_care_plans import CarePlansTab
from ui.util import format_date, is_alive, qdate

OUT = os.environ.get("OUTPOST_SCREENSHOTS", "")


def _record(qtbot, window, patient_id):
    window.show()
    window.show_patient(patient_id)
    record = window.patients.record
    qtbot.waitUntil(
        lambda: record.chart is not None and record.chart.patient_id == patient_id, timeout=WAIT
    )
    tab = next(t for t in record.follow_through_tabs if isinstance(t, CarePlansTab))
    before = tab.loads
    record.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: tab.loads > before, timeout=WAIT)
    return record, tab


def _dialog(parent) -> CareDialog:
    found = [w for w in parent.findChildren(CareDialog) if w.isVisible()]
    assert len(found) == 1, found
    return found[0]


def _submit(qtbot, dialog: CareDialog) -> None:
    qtbot.keyClick(dialog.ok_button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not is_alive(dialog) or not dialog.isVisible(), timeout=WAIT)


def _screen(qtbot) -> CarePlanScreen:
    def shown() -> CarePlanScreen | None:
        for w in QApplication.topLevelWidgets():
            for s in [w, *w.findChildren(CarePlanScreen)]:
                if isinstance(s, CarePlanScreen) and is_alive(s) and s.isVisible():
                    return s
        return None

    qtbot.waitUntil(lambda: shown() is not None and shown().detail is not None, timeout=WAIT)
    screen = shown()
    assert screen is not None
    return screen


def _rows(screen: CarePlanScreen, group: int) -> list[list[str]]:
    node = screen.tree.topLevelItem(group)
    assert node is not None
    return [[node.child(r).text(c) for c in range(5)] for r in range(node.childCount())]


def _changed(qtbot, screen: CarePlanScreen, loads: int) -> None:
    qtbot.waitUntil(lambda: screen.loads > loads, timeout=WAIT)


def test_a_plan_with_a_monthly_follow_up_checked_off_shows_who_when_and_the_next_one(
    signed_in, qtbot
) -> None:
    core, window = signed_in.ctx.core, signed_in.window
    pid = patient(core, "Wanjiru", "Kamau")
    _record_view, tab = _record(qtbot, window, pid)
    assert tab.new_button.isVisible()
    assert "w" not in clashes(window)  # Ne&w care plan… shares its letter with nothing

    # New care plan… from the tab: what it is for, its problems and goals, one a line.
    tab.new_button.click()
    qtbot.waitUntil(
        lambda: tab.last_dialog is not None and tab.last_dialog.isVisible(), timeout=WAIT
    )
    new = tab.last_dialog
    assert isinstance(new, CareDialog)
    assert new.windowTitle() == "New care plan: Wanjiru Kamau"
    qtbot.keyClicks(new.fields["title"], "Type 2 diabetes")
    problems = new.fields["problems"]
    assert isinstance(problems, QPlainTextEdit)
    problems.setPlainText("High blood sugar\nOverweight")
    new.fields["goals"].setPlainText("HbA1c below 7 %")  # type: ignore[attr-defined]
    assert clashes(new) == {}
    _submit(qtbot, new)

    screen = _screen(qtbot)
    assert screen.title.text() == "Type 2 diabetes — care plan of Wanjiru Kamau"
    assert screen.summary.text().startswith("● Active")
    groups = [screen.tree.topLevelItem(g).text(0) for g in range(4)]
    assert groups == ["Problems — 2", "Goals — 1", "Tasks — 0", "Follow-ups — 0"]
    assert [r[0] for r in _rows(screen, 0)] == ["High blood sugar", "Overweight"]
    assert clashes(screen) == {}
    # The record's tab has the plan, from the change event.
    qtbot.waitUntil(lambda: [line.title for line in tab.lines] == ["Type 2 diabetes"], timeout=WAIT)

    # A monthly follow-up owned by a CHW who has no account: typed in.
    screen.tree.setCurrentItem(screen.tree.topLevelItem(3))
    screen.add_button.click()
    add = _dialog(screen)
    kind = add.fields["kind"]
    assert isinstance(kind, QComboBox) and kind.currentData() == CareItemKind.FOLLOW_UP
    assert clashes(add) == {}
    qtbot.keyClicks(add.fields["description"], "Blood sugar and feet check")
    owner = add.fields["owner"]
    assert isinstance(owner, QComboBox)
    qtbot.waitUntil(lambda: owner.loaded, timeout=WAIT)  # type: ignore[attr-defined]
    owner.setEditText("Mama Otieno (CHW)")
    due = add.fields["due_on"]
    assert due.check.isChecked()  # type: ignore[attr-defined]  # a follow-up is always due
    today = core.today()
    due.date.setDate(qdate(today))  # type: ignore[attr-defined]
    add.fields["repeat_days"].setValue(30)  # type: ignore[attr-defined]
    loads = screen.loads
    _submit(qtbot, add)
    _changed(qtbot, screen, loads)
    [follow_up] = _rows(screen, 3)
    assert follow_up[:4] == [
        "Blood sugar and feet check",
        "Mama Otieno (CHW)",
        format_date(today),
        "monthly (30 days)",
    ]
    assert follow_up[4] == "due today"
    assert screen.selected() is not None and screen.selected().description.startswith("Blood")

    # Checked off with Space: who and when, and the next occurrence a month on.
    loads = screen.loads
    screen.tree.setFocus()
    qtbot.keyClick(screen.tree, Qt.Key.Key_Space)
    _changed(qtbot, screen, loads)
    done, following = _rows(screen, 3)
    next_day = today + dt.timedelta(days=30)
    assert done[4].startswith(f"✓ done by {core.actor.display_name} on {format_date(today)} ")
    assert done[4].endswith(f"· next due {format_date(next_day)}")
    assert following[2] == format_date(next_day) and following[4] == "to do"
    assert screen.untick_button.isEnabled() and not screen.check_button.isEnabled()

    # Ticked by mistake: unticked, and the next occurrence taken back.
    loads = screen.loads
    screen.untick_button.click()
    _changed(qtbot, screen, loads)
    [again] = _rows(screen, 3)
    assert again[4] == "due today"
    # Enter on an item changes it (its owner, kept as typed).
    screen.tree.setFocus()
    qtbot.keyClick(screen.tree, Qt.Key.Key_Return)
    change = _dialog(screen)
    assert change.fields["owner"].currentText() == "Mama Otieno (CHW)"  # type: ignore[attr-defined]
    change.reject()

    # The plan's moves: complete or cancel while active; reopen once completed.
    assert screen.complete_button.isVisible() and screen.cancel_plan_button.isVisible()
    assert not screen.reopen_button.isVisible()
    screen.complete_button.click()
    loads = screen.loads
    _submit(qtbot, _dialog(screen))
    _changed(qtbot, screen, loads)
    assert screen.summary.text().startswith("✓ Completed")
    assert screen.reopen_button.isVisible() and not screen.complete_button.isVisible()
    assert not screen.add_button.isVisible()  # nothing changes in a plan that is not active


def test_cancelling_a_plan_needs_a_reason_in_the_core_s_words(signed_in, qtbot) -> None:
    core, window = signed_in.ctx.core, signed_in.window
    pid = patient(core, "Baraka")
    plan = core.care_plans.create(pid, "Hypertension").value.line.plan_id
    window.show()
    screen = open_care_plan(signed_in.ctx, window, plan)
    qtbot.waitUntil(lambda: screen.detail is not None, timeout=WAIT)
    screen.cancel_plan_button.click()
    dialog = _dialog(screen)
    qtbot.keyClick(dialog.ok_button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.errors["notes"].message.startswith("Say why"), timeout=WAIT)
    qtbot.keyClicks(dialog.fields["notes"], "Made in error")
    loads = screen.loads
    _submit(qtbot, dialog)
    _changed(qtbot, screen, loads)
    assert screen.summary.text().startswith("⊘ Cancelled")
    assert not screen.reopen_button.isVisible()  # a cancelled plan stays cancelled


def test_a_missed_follow_up_on_the_worklist_opens_the_plan_and_leaves_the_list_when_done(
    signed_in, qtbot
) -> None:
    core, window = signed_in.ctx.core, signed_in.window
    pid = patient(core, "Chebet", "Kiprono")
    plan = core.care_plans.create(pid, "Asthma", problems=["Night cough"]).value.line.plan_id
    item = core.care_plans.add_item(
        plan,
        CareItemKind.FOLLOW_UP,
        "Inhaler technique review",
        due_on=core.today() + dt.timedelta(days=2),
        repeat_days=30,
    ).value.item_id
    days_later(core, 5)  # missed by three days
    window.show()
    window.nav.setCurrentRow(WORKLIST)
    page = window.worklist
    page.refresh()
    qtbot.waitUntil(
        lambda: page.worklist is not None and any(i.record_id == item for i in page.worklist.items),
        timeout=WAIT,
    )
    assert page.select_record(item)
    screen = page.open_selected()
    assert isinstance(screen, CarePlanScreen)
    qtbot.waitUntil(lambda: screen.detail is not None, timeout=WAIT)
    chosen = screen.selected()
    assert chosen is not None and chosen.item_id == item  # opened on the line's item
    assert "⚠ 1 missed" in screen.summary.text()
    assert _rows(screen, 3)[0][4] == "⚠ missed"

    screen.check_button.click()
    qtbot.waitUntil(
        lambda: page.worklist is not None and all(i.record_id != item for i in page.worklist.items),
        timeout=WAIT,
    )
    # Done today: the next occurrence is a month after the visit missed, not yet due.
    assert not any(i.patient_id == pid for i in page.worklist.items)


def test_the_summary_goes_to_the_print_preview(ui_app, signed_in, qtbot) -> None:
    core, window = signed_in.ctx.core, signed_in.window
    plan = core.care_plans.create(patient(core, "Dida"), "Hypertension").value
    window.show()
    screen = open_care_plan(signed_in.ctx, window, plan.line.plan_id)
    qtbot.waitUntil(lambda: screen.detail is not None, timeout=WAIT)
    assert screen.print_button.shortcut().toString() == "Ctrl+P"
    screen.print_button.click()
    desk = ui_app.forms  # the application's print desk, reached through the window
    qtbot.waitUntil(
        lambda: desk.last_preview is not None and desk.last_preview.pages is not None,
        timeout=WAIT,
    )
    assert "Care plan" in desk.last_preview.windowTitle()
    desk.last_preview.close()


@pytest.mark.skipif(not OUT, reason="set OUTPOST_SCREENSHOTS to a folder to make them")
def test_care_plan_screenshot(signed_in, qtbot) -> None:
    core, window = signed_in.ctx.core, signed_in.window
    pid = patient(core, "Wanjiru", "Kamau", phone="0712 345 678")
    today = core.today()
    plan = core.care_plans.create(
        pid,
        "Type 2 diabetes",
        started_on=today - dt.timedelta(days=20),
        review_on=today + dt.timedelta(days=70),
        problems=["High blood sugar (HbA1c 9.1 %)", "Numb feet"],
        goals=["HbA1c below 7 % by March", "Walks 30 minutes a day"],
    ).value.line.plan_id
    first = core.care_plans.add_item(
        plan,
        CareItemKind.FOLLOW_UP,
        "Blood sugar and feet check",
        owner_name="Mama Otieno (CHW)",
        due_on=today - dt.timedelta(days=3),
        repeat_days=30,
    ).value.item_id
    core.care_plans.check_off(first)
    core.care_plans.add_item(
        plan, CareItemKind.TASK, "Refer to the eye clinic", due_on=today - dt.timedelta(days=2)
    )
    core.care_plans.add_item(
        plan, CareItemKind.TASK, "Teach insulin injection", due_on=today + dt.timedelta(days=7)
    )
    window.show()
    screen = open_care_plan(signed_in.ctx, window, plan)
    qtbot.waitUntil(lambda: screen.detail is not None, timeout=WAIT)
    screen.resize(1000, 640)
    qtbot.wait(200)
    screen.grab().save(str(Path(OUT) / "desk-34-care-plan.png"))
    follow_ups = screen.tree.topLevelItem(3)
    assert follow_ups is not None
    screen.tree.setCurrentItem(follow_ups.child(1))
    screen.edit_item_button.click()
    edit = _dialog(screen)
    qtbot.waitUntil(lambda: edit.fields["owner"].loaded, timeout=WAIT)  # type: ignore[attr-defined]
    qtbot.wait(200)
    edit.grab().save(str(Path(OUT) / "desk-36-care-plan-item.png"))
    edit.close()


def test_a_review_done_sets_the_next_review_date_and_the_plan_s_notes_say_so(
    signed_in, qtbot
) -> None:
    core, window = signed_in.ctx.core, signed_in.window
    today = core.today()
    plan = core.care_plans.create(
        patient(core, "Esther"), "Hypertension", review_on=today
    ).value.line.plan_id
    window.show()
    screen = open_care_plan(signed_in.ctx, window, plan)
    qtbot.waitUntil(lambda: screen.detail is not None, timeout=WAIT)
    assert "⚠ review due since" in screen.summary.text()
    screen.review_button.click()
    dialog = _dialog(screen)
    assert clashes(dialog) == {}
    dialog.fields["review_on"].setDate(qdate(today))  # type: ignore[attr-defined]
    qtbot.keyClick(dialog.ok_button, Qt.Key.Key_Return)  # today again: refused in words
    qtbot.waitUntil(
        lambda: dialog.errors["review_on"].message.startswith("The next review comes after"),
        timeout=WAIT,
    )
    later = today + dt.timedelta(days=90)
    dialog.fields["review_on"].setDate(qdate(later))  # type: ignore[attr-defined]
    qtbot.keyClicks(dialog.fields["notes"], "BP controlled")
    loads = screen.loads
    _submit(qtbot, dialog)
    _changed(qtbot, screen, loads)
    assert "review due" not in screen.summary.text()
    review = screen.findChild(QLabel, "care_plan_review_on")
    notes = screen.findChild(QLabel, "care_plan_notes")
    assert review is not None and review.text() == format_date(later)
    assert notes is not None and "reviewed: BP controlled" in notes.text()

    # Changed, its lead kept as it was when not chosen again.
    screen.edit_plan_button.click()
    edit = _dialog(screen)
    lead = edit.fields["lead_by"]
    qtbot.waitUntil(lambda: lead.loaded, timeout=WAIT)  # type: ignore[attr-defined]
    edit.fields["title"].setText("Hypertension, stage 2")  # type: ignore[attr-defined]
    loads = screen.loads
    _submit(qtbot, edit)
    _changed(qtbot, screen, loads)
    assert screen.detail is not None and screen.detail.line.title == "Hypertension, stage 2"
    assert screen.detail.line.lead == core.actor.display_name
