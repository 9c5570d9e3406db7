"""The claim screen on a real store, through its real widgets: a claim made from the invoice's
screen through the patient's membership, submitted, rejected with the scheme's reason (on the
worklist, whose line opens the claim's screen), resubmitted with a corrected amount and
paid (the scheme's payment on the invoice); only the steps the status machine allows are
offered at each status; the claim form previewed.

A screenshot of the screen is made on demand (docs/screenshots/desk-35-claim.png):

    OUTPOST_SCREENSHOTS=docs/screenshots QT_QPA_PLATFORM=offscreen \\
        .venv/bin/python -m pytest tests/ui/test_claim_screen.py -k screenshot
"""

from __future__ import annotations

import datetime as dt
import os
import uuid
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from desktop.app.billing import ClaimStatus, InvoiceStatus
from desktop.store.models import SchemeKind
from tests.ui.followup_data import WAIT, patient
from tests.ui.mnemonics import clashes
from tests.ui.test_invoice_screen import dialog_of, opened, priced, retype, submit
from ui.claim_screen import ClaimScreen, open_claim
from ui.main_window import WORKLIST

S = ClaimStatus
OUT = os.environ.get("OUTPOST_SCREENSHOTS", "")


def issued_with_member(core, given: str = "Wanjiru") -> tuple[uuid.UUID, uuid.UUID]:
    """An issued KES invoice (KES 750.00, malaria coded) for a member of NHIF."""
    priced(core, "KES", ("CONS", "Consultation", 50_000), ("RDT", "Malaria rapid test", 25_000))
    pid = patient(core, given, "Kamau")
    scheme = core.coverage.add_scheme("NHIF", SchemeKind.GOVERNMENT, phone="0800 720 601")
    core.coverage.add_membership(
        pid,
        scheme.value.scheme_id,
        "NH-448812",
        valid_until=core.today() + dt.timedelta(days=200),
    )
    invoice = core.billing.create(pid).value.invoice_id
    core.billing.add_line(invoice, price="CONS")
    core.billing.add_line(invoice, price="RDT")
    core.billing.diagnose(invoice, "B54")
    core.billing.issue(invoice)
    return pid, invoice


def claim_screen_of(qtbot, parent) -> ClaimScreen:
    qtbot.waitUntil(
        lambda: any(w.isVisible() for w in parent.window().findChildren(ClaimScreen)),
        timeout=WAIT,
    )
    screen = next(w for w in parent.window().findChildren(ClaimScreen) if w.isVisible())
    qtbot.waitUntil(lambda: screen.detail is not None, timeout=WAIT)
    return screen


def step(qtbot, screen: ClaimScreen, to: ClaimStatus, **texts: str) -> None:
    button = screen.step_buttons[to]
    assert button.isVisibleTo(screen)
    button.click()
    dialog = dialog_of(screen)
    for key, text in texts.items():
        retype(qtbot, dialog.fields[key], text)
    submit(qtbot, dialog)
    qtbot.waitUntil(lambda: screen.detail.status is to, timeout=WAIT)


def test_a_claim_rejected_then_resubmitted_then_paid(signed_in, qtbot) -> None:
    core, window = signed_in.ctx.core, signed_in.window
    _pid, invoice_id = issued_with_member(core)
    invoice = opened(qtbot, signed_in, invoice_id)
    assert invoice.claim_button.isEnabled()
    invoice.claim_button.click()
    qtbot.waitUntil(lambda: any(d.isVisible() for d in _dialogs(invoice)), timeout=WAIT)
    dialog = dialog_of(invoice)
    assert "NHIF" in dialog.fields["membership_id"].currentText()
    assert dialog.fields["amount"].text() == "750.00"  # what is owed, as typed
    retype(qtbot, dialog.fields["amount"], "700")
    submit(qtbot, dialog)
    screen = claim_screen_of(qtbot, invoice)
    assert screen.detail.status is S.DRAFTED and screen.detail.line.amount == 70_000
    assert screen.offered_steps() == [S.SUBMITTED, S.WITHDRAWN]
    assert not screen.invoice_button.isVisibleTo(screen)  # opened from the invoice

    step(qtbot, screen, S.SUBMITTED)
    assert screen.offered_steps() == [S.PAID, S.REJECTED, S.WITHDRAWN]
    # Rejected needs the scheme's reason: asked for in words.
    screen.step_buttons[S.REJECTED].click()
    dialog = dialog_of(screen)
    qtbot.keyClick(dialog.ok_button, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: dialog.errors["reason"].message != "" or dialog.general_error.message != "",
        timeout=WAIT,
    )
    qtbot.keyClicks(dialog.fields["reason"], "Member number does not match the card")
    submit(qtbot, dialog)
    qtbot.waitUntil(lambda: screen.detail.status is S.REJECTED, timeout=WAIT)
    assert "Member number does not match the card" in screen.summary.text()
    assert screen.offered_steps() == [S.RESUBMITTED, S.WITHDRAWN]
    assert clashes(screen) == {}
    screen.close()

    # The worklist's claim line opens the claim's screen.
    invoice.close()
    window.nav.setCurrentRow(WORKLIST)
    page = window.worklist
    page.refresh()
    _select(qtbot, page, _claim_id(core))
    reopened = page.open_selected()
    assert isinstance(reopened, ClaimScreen)
    qtbot.waitUntil(lambda: reopened.detail is not None, timeout=WAIT)
    assert reopened.invoice_button.isVisibleTo(reopened)

    step(qtbot, reopened, S.RESUBMITTED, amount="750")
    assert reopened.detail.line.amount == 75_000
    assert reopened.offered_steps() == [S.PAID, S.REJECTED, S.WITHDRAWN]
    step(qtbot, reopened, S.PAID, paid_amount="750.00", reference="NHIF-PAY-0912")
    assert reopened.offered_steps() == []
    assert reopened.detail.invoice.status is InvoiceStatus.PAID
    assert reopened.detail.payment is not None and reopened.detail.payment.amount == 75_000
    assert "NHIF-PAY-0912" in reopened.findChild(type(reopened.summary), "claim_reference").text()

    # The claim form, through the print preview.
    reopened.print_button.click()
    qtbot.waitUntil(
        lambda: reopened.desk is not None and reopened.desk.last_preview is not None,
        timeout=WAIT,
    )
    reopened.desk.last_preview.close()
    # Off the worklist once resubmitted.
    page.refresh()
    qtbot.waitUntil(lambda: not _has(page, reopened.claim_id), timeout=WAIT)


def test_a_claim_without_a_membership_is_explained(signed_in, qtbot) -> None:
    from PySide6.QtWidgets import QMessageBox

    core = signed_in.ctx.core
    priced(core, "KES", ("CONS", "Consultation", 50_000))
    invoice_id = core.billing.create(patient(core, "Otieno")).value.invoice_id
    core.billing.add_line(invoice_id, price="CONS")
    core.billing.issue(invoice_id)
    invoice = opened(qtbot, signed_in, invoice_id)
    invoice.claim_button.click()
    qtbot.waitUntil(
        lambda: any(b.isVisible() for b in invoice.findChildren(QMessageBox)), timeout=WAIT
    )
    box = next(b for b in invoice.findChildren(QMessageBox) if b.isVisible())
    assert "no membership" in box.text()


def test_a_drafted_claim_is_withdrawn(signed_in, qtbot) -> None:
    from PySide6.QtWidgets import QMessageBox

    core = signed_in.ctx.core
    _pid, invoice_id = issued_with_member(core, "Baraka")
    claim = core.claims.add(invoice_id).value.claim_id
    window = signed_in.window
    window.show()
    screen = open_claim(signed_in.ctx, window, claim)
    qtbot.waitUntil(lambda: screen.detail is not None, timeout=WAIT)
    screen.step_buttons[S.WITHDRAWN].click()
    box = next(b for b in screen.findChildren(QMessageBox) if b.isVisible())
    box.buttons()[0].click()
    qtbot.waitUntil(lambda: screen.detail.status is S.WITHDRAWN, timeout=WAIT)
    assert screen.offered_steps() == []


def _dialogs(parent):
    from ui.followup_dialogs import FollowupDialog

    return parent.findChildren(FollowupDialog)


def _claim_id(core) -> uuid.UUID:
    (line,) = core.claims.list(rejected=True)
    return line.claim_id


def _items(page) -> list:
    model = page.tree.model()
    out = []
    for g in range(model.rowCount()):
        group = model.index(g, 0)
        for r in range(model.rowCount(group)):
            out.append(model.index(r, 0, group))
    return out


def _has(page, record_id: uuid.UUID) -> bool:
    from ui.worklist_page import ITEM_ROLE

    return any(getattr(i.data(ITEM_ROLE), "record_id", None) == record_id for i in _items(page))


def _select(qtbot, page, record_id: uuid.UUID) -> None:
    from ui.worklist_page import ITEM_ROLE

    qtbot.waitUntil(lambda: _has(page, record_id), timeout=WAIT)
    index = next(i for i in _items(page) if i.data(ITEM_ROLE).record_id == record_id)
    page.tree.setCurrentIndex(index)
    assert page.selected().record_id == record_id


@pytest.mark.skipif(not OUT, reason="set OUTPOST_SCREENSHOTS to a folder to make them")
def test_claim_screen_screenshot(signed_in, qtbot) -> None:
    core = signed_in.ctx.core
    _pid, invoice_id = issued_with_member(core)
    claim = core.claims.add(invoice_id).value.claim_id
    core.claims.move(claim, S.SUBMITTED)
    core.claims.move(claim, S.REJECTED, reason="Member number does not match the card")
    window = signed_in.window
    window.show()
    screen = open_claim(signed_in.ctx, window, claim)
    qtbot.waitUntil(lambda: screen.detail is not None, timeout=WAIT)
    qtbot.waitExposed(screen)
    qtbot.wait(200)
    target = Path(OUT) / "desk-35-claim.png"
    target.parent.mkdir(parents=True, exist_ok=True)
    assert screen.grab().save(str(target))
