"""The patient record's follow-through: one tab per kind (results, referrals, care plans,
coverage, billing), each a list the core reads for the patient and redraws from the core's
change events, and the one-line summary at the top (next appointment, open referrals,
results waiting to be relayed, allergies). Real widgets on a real store."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from desktop.app.followup import RelayMethod, RelayOutcome
from desktop.store.models import SchemeKind
from tests.ui.conftest import find_window, register, set_up_clinic
from ui.patient_record import FOLLOW_THROUGH_TABS
from ui.record_tab import RecordTab


def _open_record(qtbot, window, patient_id):
    window.show_patient(patient_id)
    record = window.patients.record
    qtbot.waitUntil(
        lambda: record.chart is not None and record.chart.patient_id == patient_id,
        timeout=20_000,
    )
    return record


def _rows(tab: RecordTab) -> list[str]:
    model = tab.model
    return [model.index(r, 0).data() or "" for r in range(model.rowCount())]


def _tab(record, kind: type[RecordTab]) -> RecordTab:
    return next(t for t in record.follow_through_tabs if isinstance(t, kind))


def _show_tab(qtbot, record, tab: RecordTab) -> None:
    before = tab.loads
    record.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: tab.loads > before, timeout=20_000)


def test_the_record_shows_each_follow_through_kind_on_its_own_tab(signed_in, qtbot) -> None:
    core, window = signed_in.ctx.core, signed_in.window
    window.show()
    record = _open_record(qtbot, window, register(core, "Achieng", "Otieno"))
    titles = [record.tabs.tabText(i).replace("&", "") for i in range(record.tabs.count())]
    assert titles == [
        "Details",
        "Appointments",
        "Forms",
        "Results",
        "Referrals",
        "Care plans",
        "Coverage",
        "Billing",
        "History",
    ]
    assert [type(t) for t in record.follow_through_tabs] == list(FOLLOW_THROUGH_TABS)
    for tab in record.follow_through_tabs:  # each says it has nothing yet, in words
        _show_tab(qtbot, record, tab)
        assert len(_rows(tab)) == 1 and _rows(tab)[0].startswith("No ")


def test_the_summary_line_says_what_is_pending_and_follows_changes(signed_in, qtbot) -> None:
    core, window = signed_in.ctx.core, signed_in.window
    window.show()
    clinic = set_up_clinic(core)
    pid = register(core, "Wanjiru", "Kamau")
    when = dt.datetime.combine(core.today() + dt.timedelta(days=2), dt.time(10))
    core.schedule.book(
        patient_id=pid, provider_id=clinic.provider_id, type_id=clinic.type_id, starts_at=when
    )
    core.referrals.add(pid, "Cataract assessment")
    rid = core.results.order(pid, "Malaria RDT").value.line.result_id
    core.results.record_received(rid, text="Positive", urgent=True)
    intake = core.forms.start(pid, "intake").value.record_id
    core.forms.save_draft(intake, {"has_allergies": True, "allergies": "Penicillin: rash"})

    record = _open_record(qtbot, window, pid)
    line = record.follow_through
    qtbot.waitUntil(lambda: line.summary is not None, timeout=20_000)
    said = line.accessibleName()
    assert "Next appointment:" in said and "10:00, Dr. Achieng Otieno" in said
    assert "1 open referral" in said
    assert "1 result to relay (1 urgent)" in said
    assert "⚠ Allergy: Penicillin: rash" in said
    assert "<b>⚠ Allergy: Penicillin: rash</b>" in line.text()  # said in bold, too
    assert line.isVisible()

    # Relayed elsewhere (another window, a sync): the line follows the change event.
    core.results.relay(rid, RelayMethod.PHONE, RelayOutcome.INFORMED)
    qtbot.waitUntil(lambda: "No result to relay" in line.accessibleName(), timeout=20_000)


def test_a_tab_lists_the_patient_s_records_and_follows_changes_for_that_patient(
    signed_in, qtbot
) -> None:
    from ui.record_tab_referrals import ReferralsTab
    from ui.record_tab_results import ResultsTab

    core, window = signed_in.ctx.core, signed_in.window
    window.show()
    pid = register(core, "Wanjiru", "Kamau")
    other = register(core, "Baraka", "Juma")
    core.results.order(pid, "Full blood count", urgent=True)
    core.results.order(other, "Urinalysis")
    record = _open_record(qtbot, window, pid)
    results, referrals = _tab(record, ResultsTab), _tab(record, ReferralsTab)
    _show_tab(qtbot, record, results)
    assert _rows(results) == ["‼ Full blood count"]  # the urgent one marked, never by colour

    core.results.order(pid, "Lipid profile")
    qtbot.waitUntil(lambda: len(_rows(results)) == 2, timeout=20_000)
    loads = results.loads
    core.results.order(other, "Malaria RDT")  # someone else's: not read again
    qtbot.wait(300)
    assert results.loads == loads

    # A hidden tab does not read; shown, it reads what changed meanwhile.
    assert referrals.loads == 0
    core.referrals.add(pid, "Physiotherapy")
    qtbot.wait(300)
    assert referrals.loads == 0
    _show_tab(qtbot, record, referrals)
    assert [r.split()[0] for r in _rows(referrals)] == ["(not"]  # no facility chosen yet
    assert referrals.model.index(0, 1).data() == "Physiotherapy"


def test_enter_on_a_result_opens_its_screen(signed_in, qtbot) -> None:
    from ui.record_tab_results import ResultsTab
    from ui.result_screen import ResultScreen

    core, window = signed_in.ctx.core, signed_in.window
    window.show()
    pid = register(core, "Wanjiru", "Kamau")
    rid = core.results.order(pid, "Full blood count").value.line.result_id
    record = _open_record(qtbot, window, pid)
    results = _tab(record, ResultsTab)
    _show_tab(qtbot, record, results)
    assert results.open_button.isVisible() and not results.open_button.isEnabled()
    results.table.setFocus()
    results.table.selectRow(0)
    assert results.open_button.isEnabled()
    qtbot.keyClick(results.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: find_window(ResultScreen) is not None, timeout=20_000)
    assert find_window(ResultScreen).result_id == rid


def test_care_plans_coverage_and_billing_tabs_list_the_patient_s_records(signed_in, qtbot) -> None:
    from ui.record_tab_billing import BillingTab
    from ui.record_tab_care_plans import CarePlansTab
    from ui.record_tab_coverage import CoverageTab

    core, window = signed_in.ctx.core, signed_in.window
    window.show()
    core.admin.update_clinic(currency="KES")
    pid = register(core, "Wanjiru", "Kamau")
    core.care_plans.create(pid, "Type 2 diabetes", goals=["HbA1c under 7%"])
    scheme = core.coverage.add_scheme("NHIF", SchemeKind.GOVERNMENT).value
    core.coverage.add_membership(pid, scheme.scheme_id, "NH-123456")
    invoice = core.billing.create(pid).value
    core.billing.add_line(invoice.invoice_id, description="Consultation", unit_amount=50000)

    record = _open_record(qtbot, window, pid)
    plans, cover, bills = (
        _tab(record, CarePlansTab),
        _tab(record, CoverageTab),
        _tab(record, BillingTab),
    )
    _show_tab(qtbot, record, plans)
    assert _rows(plans) == ["Type 2 diabetes"]
    _show_tab(qtbot, record, cover)
    assert _rows(cover) == ["NHIF"] and cover.model.index(0, 1).data() == "NH-123456"
    _show_tab(qtbot, record, bills)
    assert len(_rows(bills)) == 1
    assert "500" in bills.model.index(0, 3).data()  # KES 500.00, as this laptop writes it
    # A check-off, a verification or a payment elsewhere redraws the tab shown.
    other = core.coverage.add_scheme("Jamii Mutual", SchemeKind.COMMUNITY).value
    core.coverage.add_membership(pid, other.scheme_id, "JM-42")
    record.tabs.setCurrentWidget(cover)
    qtbot.waitUntil(lambda: len(_rows(cover)) == 2, timeout=20_000)


def test_the_follow_through_tabs_alt_letters_are_their_own(signed_in, qtbot) -> None:
    """Whichever tab is shown, Alt+the letter of a follow-through tab reaches only it."""
    from tests.ui.mnemonics import mnemonic, shown_mnemonics

    core, window = signed_in.ctx.core, signed_in.window
    window.show()
    record = _open_record(qtbot, window, register(core, "Achieng", "Otieno"))
    letters = {
        mnemonic(record.tabs.tabText(record.tabs.indexOf(t))) for t in record.follow_through_tabs
    }
    assert None not in letters and len(letters) == len(record.follow_through_tabs)
    for index in range(record.tabs.count()):
        record.tabs.setCurrentIndex(index)
        found = shown_mnemonics(record)
        for letter in letters:
            assert len(found[letter]) == 1, (record.tabs.tabText(index), found[letter])
