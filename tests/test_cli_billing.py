"""`outpost clinic|prices|invoices|claims`: billing from the command line, on a real store,
amounts typed and printed in the clinic's currency, with the exit codes of every command
(0 done; 1 one clear line; 2 a mistake in the command's words)."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest

from desktop.core import ClinicCore
from desktop.paths import DataPaths
from desktop.store.models import CoverageMembership, CoverageScheme, SchemeKind
from tests.cli_store import Outpost, patient
from tests.hostile import PASSWORD, make_clinic


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_clinic(tmp_path_factory.mktemp("billing") / "clinic")


@pytest.fixture
def outpost(
    made: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> Outpost:
    return Outpost.on_copy_of(made, tmp_path, capsys, monkeypatch)


def membership(data: Path, patient_id: str) -> str:
    """A membership of NHIF for the patient (written directly: the coverage commands are
    another kind's)."""
    core = ClinicCore.unlock(DataPaths(data), "admin", PASSWORD)
    try:

        def work(session: object) -> uuid.UUID:
            from sqlalchemy.orm import Session

            assert isinstance(session, Session)
            scheme = CoverageScheme(
                clinic_id=core.actor.clinic_id, name="NHIF", kind=SchemeKind.GOVERNMENT
            )
            session.add(scheme)
            session.flush()
            member = CoverageMembership(
                clinic_id=core.actor.clinic_id,
                patient_id=uuid.UUID(patient_id),
                scheme_id=scheme.id,
                member_number="NH-4471",
            )
            session.add(member)
            session.flush()
            return member.id

        return str(core.tx.write(work).value)
    finally:
        core.close()


def test_the_clinic_s_currency_is_set_once_and_bills_need_it(outpost: Outpost) -> None:
    pid = patient(outpost)
    outpost.refused("invoices", "add", pid, says="currency is not set")
    outpost.refused("prices", "add", "CONS", "Consultation", "500", says="currency is not set")
    assert "currency: not set" in outpost.ok("clinic", "show")
    outpost.refused("clinic", "set", "--currency", "KSH", says="not a currency code")
    shown = outpost.ok("clinic", "set", "--currency", "kes")
    assert "currency: KES (Kenyan Shilling)" in shown
    outpost.ok("prices", "add", "CONS", "Consultation", "500")
    outpost.refused("clinic", "set", "--currency", "TZS", says="stays KES")
    code, _out, err = outpost("clinic", "set")
    assert code == 1 and "Nothing to change" in err


def test_a_visit_billed_diagnosed_paid_and_claimed(outpost: Outpost) -> None:
    outpost.ok("clinic", "set", "--currency", "KES")
    cons = outpost.ok("prices", "add", "cons", "Consultation", "1,500.50", "--category", "visit")
    outpost.ok("prices", "add", "RDT", "Malaria RDT", "250")
    listed = outpost.ok("prices", "list")
    assert f"CONS  Consultation  visit  Ksh1,500.50  {cons.strip()}" in listed
    assert "RDT  Malaria RDT  Ksh250.00" in listed
    outpost.refused("prices", "add", "X", "Thing", "1.505", says="at most 2 decimals")
    outpost.refused("prices", "add", "rdt", "Again", "1", says="taken by Malaria RDT")

    pid = patient(outpost)
    invoice = outpost.ok("invoices", "add", pid, "--line", "CONS", "--line", "RDT*2").strip()
    shown = outpost.ok("invoices", "show", invoice)
    assert shown.startswith("Invoice (draft): draft")
    assert "CONS  Consultation  1 × Ksh1,500.50  = Ksh1,500.50" in shown
    assert "RDT  Malaria RDT  2 × Ksh250.00  = Ksh500.00" in shown
    assert "total Ksh2,000.50  paid Ksh0.00  owed Ksh2,000.50" in shown
    out = outpost.ok(
        "invoices", "add-line", invoice, "--description", "Dressing", "--amount", "99.50"
    )
    assert "Dressing  1 × Ksh99.50" in out and "total Ksh2,100.00" in out
    outpost.refused("invoices", "add-line", invoice, "NOPE", says="No price list item")
    outpost.refused("invoices", "pay", invoice, "100", "--method", "cash", says="Issue the")

    outpost.refused("invoices", "diagnose", invoice, "J18", says="J18.9")
    outpost.refused("invoices", "diagnose", invoice, "Z99.99", says="not an ICD-10 code")
    out = outpost.ok("invoices", "diagnose", invoice, "j189")
    assert "J18.9  Pneumonia, unspecified  (primary)" in out

    issued = outpost.ok("invoices", "issue", invoice)
    number = issued.splitlines()[0].split()[1].rstrip(":")
    assert number.endswith("-INV0001") and ": issued " in issued.splitlines()[0]
    outpost.refused("invoices", "add-line", number, "CONS", says="lines are fixed")
    paid = outpost.ok(
        "invoices", "pay", number, "1,000", "--method", "mobile-money", "--reference", "QK7"
    )
    assert "-RCT0001" in paid and "mobile money  Ksh1,000.00" in paid and "QK7" in paid
    assert "owed Ksh1,100.00" in paid
    outpost.refused("invoices", "pay", number, "2000", "--method", "cash", says="more than")
    assert outpost.ok("invoices", "list", "--unpaid").count(number) == 1

    member = membership(outpost.data, pid)
    claim = outpost.ok("claims", "add", number, "--membership", member).strip()
    shown = outpost.ok("claims", "show", claim)
    assert shown.startswith("Claim to NHIF: drafted, Ksh1,100.00 claimed")
    assert "member number NH-4471" in shown and "diagnoses: J18.9" in shown
    outpost.ok("claims", "update", claim, "--status", "submitted", "--reference", "NH/22")
    out = outpost.ok("claims", "update", claim, "--reason", "member number does not match")
    assert "Claim to NHIF: rejected" in out
    rejected = outpost.ok("claims", "list", "--rejected")
    assert claim in rejected and "[REJECTED: member number does not match]" in rejected
    assert "claim rejected" in outpost.ok("worklist")
    outpost.ok("claims", "update", claim, "--status", "resubmitted")
    assert outpost.ok("claims", "list", "--rejected") == ""
    out = outpost.ok("claims", "update", claim, "--paid", "1,100")
    assert "Claim to NHIF: paid" in out and "paid by the scheme: Ksh1,100.00 (receipt" in out
    final = outpost.ok("invoices", "show", number)
    assert f"Invoice {number}: paid" in final and "owed Ksh0.00" in final
    assert "paid by the scheme  Ksh1,100.00" in final
    assert outpost.ok("invoices", "list", "--unpaid") == ""


def test_a_payment_made_in_error_is_removed_and_the_invoice_owes_again(outpost: Outpost) -> None:
    outpost.ok("clinic", "set", "--currency", "XOF")
    outpost.ok("prices", "add", "CONS", "Consultation", "1 500")
    pid = patient(outpost, "Awa")
    invoice = outpost.ok("invoices", "add", pid, "--line", "CONS", "--issue").strip()
    outpost.refused("invoices", "pay", invoice, "1500.5", "--method", "cash", says="no decimals")
    paid = outpost.ok("invoices", "pay", invoice, "1500", "--method", "cash")
    assert ": paid " in paid.splitlines()[0]
    receipt = next(w for w in paid.split() if "-RCT" in w)
    again = outpost.ok("invoices", "update", invoice, "--remove-payment", receipt)
    assert ": issued " in again.splitlines()[0] and "payments (" not in again
    with pytest.raises(SystemExit) as usage:  # a scheme pays through its claim
        outpost("invoices", "pay", invoice, "5", "--method", "scheme")
    assert usage.value.code == 2 and "invalid choice" in outpost.capsys.readouterr().err
    voided = outpost.ok("invoices", "void", invoice, "--reason", "billed twice")
    assert ": void " in voided.splitlines()[0] and "void: billed twice" in voided


def test_bad_words_are_refused_in_one_line(outpost: Outpost) -> None:
    outpost.refused("invoices", "show", "KHP-ZZ-INV9999", says="No invoice numbered")
    outpost.refused("claims", "show", "nonsense", says="not a record id")
    outpost.refused("claims", "update", str(uuid.uuid4()), says="Nothing to change")
    outpost.refused("prices", "update", "CONS", says="Nothing to change")
    # A line or code refused leaves no draft behind (its id would never have been shown).
    outpost.ok("clinic", "set", "--currency", "KES")
    outpost.ok("prices", "add", "CONS", "Consultation", "500")
    pid = patient(outpost)
    outpost.refused("invoices", "add", pid, "--line", "NOPE", says="No price list item")
    outpost.refused("invoices", "add", pid, "--line", "CONS*0", says="N from 1 to 10000")
    outpost.refused("invoices", "add", pid, "--line", "CONS", "--diagnose", "J18", says="J18.9")
    assert outpost.ok("invoices", "list") == ""
    with pytest.raises(SystemExit) as usage:
        outpost("invoices", "add")
    assert usage.value.code == 2 and "patient" in outpost.capsys.readouterr().err
