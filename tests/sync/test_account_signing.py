"""Account changes reach the other laptops only when the clinic's administrators made them
(desktop.store.account_grants): real laptop stores synced through a real `outpost-hq`.

The attacker here holds a device credential (a stolen laptop not yet revoked, an enrolment
code, a hostile relay) but not an administrator's password: they push account changes of
their own, and no laptop lets them in.
"""

from __future__ import annotations

import base64
import io
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import select
from sqlalchemy.orm import Session, undefer

from desktop import hlc
from desktop.app import session as app_session
from desktop.app.from_server import setup_from_server
from desktop.cli.main import main
from desktop.core import ClinicCore
from desktop.errors import PermissionDenied, WrongPassword
from desktop.paths import DataPaths
from desktop.store import account_grants, account_keys
from desktop.store.keyfile import KeyFile
from desktop.store.models import NeedsAttention, Role, User
from sync.protocol import Change, ChangeStatus, PatchEntry, PushRequest
from tests.conftest import CLINIC, PASSWORD
from tests.hqserver import HqServer
from tests.sync.laptops import Laptops, laptops_of, make_clinic
from tests.sync.test_scenarios_a import Codes, client_of

NURSE = "nurse password 2026"
ATTACKER = "the attacker's own password 1"


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_clinic(tmp_path_factory.mktemp("clinic") / "template")


@pytest.fixture
def laptops(template: Path, tmp_path: Path, hq_sqlite: HqServer) -> Iterator[Laptops]:
    # The signing is the laptops' work: HQ only carries it, so SQLite's HQ is enough here.
    codes = Codes(hq_sqlite)
    try:
        with laptops_of(template, tmp_path / "laptops", codes) as made:  # type: ignore[arg-type]
            yield made
    finally:
        codes.close()


def user_row(core: ClinicCore, username: str) -> User:
    def read(session: Session) -> User:
        found = session.scalar(
            select(User)
            .where(User.username == username)
            .options(
                undefer(User.key_public), undefer(User.key_wrapped), undefer(User.account_grant)
            )
        )
        assert found is not None
        return found

    return core.tx.read(read)


def opens(core: ClinicCore, username: str, password: str) -> bool:
    """Does this laptop's key file let `username` in with `password`?"""
    try:
        KeyFile.load(core.paths.keyfile).unlock_with_password(username, password)
    except WrongPassword:
        return False
    return True


def unaccepted(core: ClinicCore) -> list[NeedsAttention]:
    return core.tx.read(
        lambda s: list(
            s.scalars(
                select(NeedsAttention).where(
                    NeedsAttention.reason == account_grants.UNSIGNED_ACCOUNT,
                    NeedsAttention.resolved_at.is_(None),
                )
            )
        )
    )


def push_forged(core: ClinicCore, user_id: uuid.UUID, fields: dict[str, object]) -> None:
    """Push an update of a `users` record with `core`'s own device credential, stamped now."""
    now = hlc.HybridLogicalClock("forger0000000000").now().encode()
    change = Change(
        change_id=uuid.uuid4(),
        entity="users",
        entity_id=user_id,
        clinic_id=core.store.clinic_id,
        op="update",
        patch={k: PatchEntry(v=v, hlc=now) for k, v in fields.items()},
        hlc=now,
    )
    with client_of(core) as client:
        answer = client.push(
            PushRequest(batch_id=uuid.uuid4(), changes=[change], sent_at_ms=hlc.wall_clock_ms())
        )
    assert answer.results[0].status is ChangeStatus.APPLIED


def cli(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    core: ClinicCore,
    *args: str,
) -> tuple[int, str, str]:
    """`outpost --user admin ARGS` on `core`'s data folder."""
    monkeypatch.setattr(sys, "stdin", io.StringIO(PASSWORD + "\n"))
    code = main(["--data-dir", str(core.paths.root), "--password-stdin", "--user", "admin", *args])
    out, err = capsys.readouterr()
    return code, out, err


def add_nurse(core: ClinicCore) -> None:
    core.admin.add_user(
        username="nurse", display_name="Neema", role=Role.COORDINATOR, password=NURSE
    )


def test_a_key_pushed_for_the_administrator_without_the_clinics_signature_lets_nobody_in(
    laptops: Laptops,
) -> None:
    a, b = laptops.new("a"), laptops.new("b")
    a.sync.sync_now()
    b.sync.sync_now()
    admin = user_row(b, "admin")
    entry_before = KeyFile.load(b.paths.keyfile).users["admin"]
    forged = account_keys.new_account_key(
        ATTACKER, account_keys.account_for(b.store.clinic_id, admin.id)
    )
    push_forged(
        a, admin.id, {"key_public": forged.public_json(), "key_wrapped": forged.wrapped_json()}
    )

    report = b.sync.sync_now()

    assert "admin" not in report.accounts
    assert KeyFile.load(b.paths.keyfile).users["admin"] == entry_before
    assert opens(b, "admin", PASSWORD) and not opens(b, "admin", ATTACKER)
    items = unaccepted(b)
    assert [(i.entity_id, i.remote_value["username"]) for i in items] == [(admin.id, "admin")]
    # Signing in still works, with the rights this laptop accepted, and nothing here is
    # changed by it: the item stays for an administrator.
    again = app_session.sign_in(DataPaths(b.paths.root), "admin", PASSWORD)
    try:
        assert again.actor.role is Role.ADMIN
        # The administrator still holds the clinic's key (the copy accepted here) and
        # refuses the change.
        assert again.store.authority is not None
        again.admin.answer_account_change(items[0].id, approve=False)
    finally:
        again.close()
    assert opens(b, "admin", PASSWORD) and not opens(b, "admin", ATTACKER)
    assert unaccepted(b) == []


def test_an_account_made_with_another_authority_gets_no_entry_and_no_rights(
    laptops: Laptops,
) -> None:
    a, b, m = laptops.new("a"), laptops.new("b"), laptops.new("m")
    add_nurse(a)
    a.sync.sync_now()
    b.sync.sync_now()
    assert opens(b, "nurse", NURSE)
    # The attacker's laptop signs with an authority of its own making.
    m.store.authority = Ed25519PrivateKey.generate()
    m.sync.sync_now()
    m.admin.add_user(username="mallory", display_name="Mallory", role=Role.ADMIN, password=ATTACKER)
    m.admin.set_role("nurse", Role.ADMIN)
    m.sync.sync_now()

    b.sync.sync_now()

    assert "mallory" not in KeyFile.load(b.paths.keyfile).users
    assert {i.remote_value["username"] for i in unaccepted(b)} == {"mallory", "nurse"}
    nurse = app_session.sign_in(DataPaths(b.paths.root), "nurse", NURSE)
    try:
        assert nurse.actor.role is Role.COORDINATOR  # the role b accepted, not the forged one
    finally:
        nurse.close()
    with pytest.raises(WrongPassword):
        app_session.sign_in(DataPaths(b.paths.root), "mallory", ATTACKER)


def test_a_forged_disable_neither_locks_the_account_out_nor_rekeys(
    laptops: Laptops, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    a, b = laptops.new("a"), laptops.new("b")
    add_nurse(a)
    a.sync.sync_now()
    b.sync.sync_now()
    nurse = user_row(b, "nurse")
    push_forged(a, nurse.id, {"active": False})

    report = b.sync.sync_now()

    assert report.accounts == () and not report.rekey_pending
    assert opens(b, "nurse", NURSE)
    [item] = unaccepted(b)
    assert item.remote_value["active"] is False

    # An administrator reads it in words and refuses it: it is never listed again.
    code, out, _ = cli(capsys, monkeypatch, b, "sync", "status")
    assert code == 0 and f"Accounts signed by: {a.admin.accounts_fingerprint()}" in out
    code, out, _ = cli(capsys, monkeypatch, b, "attention", "list")
    assert code == 0 and "without a signature of the clinic's administrators" in out
    assert "account nurse, role" in out
    code, out, _ = cli(capsys, monkeypatch, b, "attention", "show", item.id.hex[:8])
    assert code == 0 and "account nurse, role coordinator, disabled" in out
    code, out, _ = cli(
        capsys, monkeypatch, b, "attention", "resolve", item.id.hex[:8], "--keep", "mine"
    )
    assert code == 0 and "stays refused" in out
    b.sync.sync_now()
    assert unaccepted(b) == [] and opens(b, "nurse", NURSE)


def test_account_changes_an_administrator_makes_reach_every_laptop(
    laptops: Laptops, tmp_path: Path, hq_sqlite: HqServer
) -> None:
    a, b = laptops.new("a"), laptops.new("b")
    add_nurse(a)
    a.sync.sync_now()
    b.sync.sync_now()
    assert opens(b, "nurse", NURSE)

    # The nurse changes her own password on a: the new key is signed by her old one.
    own = app_session.sign_in(DataPaths(a.paths.root), "nurse", NURSE)
    try:
        own.admin.change_password("nurse", "a newer nurse password", old_password=NURSE)
        own.sync.sync_now()
    finally:
        own.close()
    assert len(user_row(a, "nurse").account_grant["chain"]) == 1
    b.sync.sync_now()
    assert opens(b, "nurse", "a newer nurse password") and not opens(b, "nurse", NURSE)
    assert unaccepted(b) == []

    # A new laptop from HQ checks the chain too, before the next administrator signs again.
    c, _recovery, _report = setup_from_server(
        DataPaths(tmp_path / "c"), hq_sqlite.url, hq_sqlite.enrol(CLINIC), "admin", PASSWORD
    )
    laptops.open.append(c)
    assert opens(c, "nurse", "a newer nurse password")
    assert c.admin.accounts_fingerprint() == a.admin.accounts_fingerprint() is not None

    # b's administrator signs the account again at its next sync: the chain starts over.
    b.sync.sync_now()
    assert user_row(b, "nurse").account_grant["chain"] == []
    b.sync.sync_now()
    a.sync.sync_now()
    assert unaccepted(a) == []

    # Disabled on a: gone from b's and c's key files.
    a.admin.set_user_active("nurse", False)
    a.sync.sync_now()
    b.sync.sync_now()
    c.sync.sync_now()
    assert not opens(b, "nurse", "a newer nurse password")
    assert not opens(c, "nurse", "a newer nurse password")
    assert unaccepted(b) == unaccepted(c) == []


def test_a_change_an_administrator_approves_is_signed_and_reaches_the_others(
    laptops: Laptops,
) -> None:
    a, b, m = laptops.new("a"), laptops.new("b"), laptops.new("m")
    add_nurse(a)
    a.sync.sync_now()
    b.sync.sync_now()
    nurse = user_row(b, "nurse")
    push_forged(m, nurse.id, {"display_name": "Neema W.", "role": "clinician"})
    b.sync.sync_now()
    a.sync.sync_now()
    [item] = unaccepted(b)
    assert [i.id for i in unaccepted(a)] != []

    b.admin.answer_account_change(item.id, approve=True)
    b.sync.sync_now()
    a.sync.sync_now()

    assert unaccepted(b) == [] and unaccepted(a) == []
    for core in (a, b):
        assert user_row(core, "nurse").role is Role.CLINICIAN


def test_an_old_signed_state_replayed_does_not_bring_back_an_old_password(
    laptops: Laptops,
) -> None:
    a, b, m = laptops.new("a"), laptops.new("b"), laptops.new("m")
    add_nurse(a)
    a.sync.sync_now()
    b.sync.sync_now()
    old = user_row(a, "nurse")
    a.admin.change_password("nurse", "a newer nurse password")  # an administrator's reset
    a.sync.sync_now()
    b.sync.sync_now()
    assert opens(b, "nurse", "a newer nurse password")

    # The attacker knows the old password and replays the record as it was signed then.
    push_forged(
        m,
        old.id,
        {
            "key_public": old.key_public,
            "key_wrapped": old.key_wrapped,
            "account_grant": old.account_grant,
        },
    )
    b.sync.sync_now()

    assert not opens(b, "nurse", NURSE) and opens(b, "nurse", "a newer nurse password")
    assert [i.remote_value["username"] for i in unaccepted(b)] == ["nurse"]


def test_a_new_laptop_from_hq_gives_no_entry_to_an_account_forged_before_it_was_set_up(
    laptops: Laptops, tmp_path: Path, hq_sqlite: HqServer
) -> None:
    a, m = laptops.new("a"), laptops.new("m")
    add_nurse(a)
    a.sync.sync_now()
    m.sync.sync_now()
    m.store.authority = Ed25519PrivateKey.generate()
    m.admin.add_user(username="mallory", display_name="Mallory", role=Role.ADMIN, password=ATTACKER)
    m.sync.sync_now()

    c, _recovery, _report = setup_from_server(
        DataPaths(tmp_path / "c"), hq_sqlite.url, hq_sqlite.enrol(CLINIC), "admin", PASSWORD
    )
    laptops.open.append(c)

    users = KeyFile.load(c.paths.keyfile).users
    assert "mallory" not in users and "nurse" in users
    assert [i.remote_value["username"] for i in unaccepted(c)] == ["mallory"]
    assert c.admin.accounts_fingerprint() == a.admin.accounts_fingerprint()


def test_a_disabled_account_replayed_active_gets_no_entry_on_a_new_laptop(
    laptops: Laptops, tmp_path: Path, hq_sqlite: HqServer
) -> None:
    """An old genuine grant pushed again with new stamps (to win the merge) is older than the
    values it stands beside: refused, on a laptop that knew the disable and on one that did
    not (found by our review)."""
    a, m = laptops.new("a"), laptops.new("m")
    add_nurse(a)
    a.sync.sync_now()
    old = user_row(a, "nurse")
    a.admin.set_user_active("nurse", False)
    a.sync.sync_now()
    push_forged(
        m,
        old.id,
        {
            "active": True,
            "key_public": old.key_public,
            "key_wrapped": old.key_wrapped,
            "account_grant": old.account_grant,
        },
    )
    a.sync.sync_now()
    c, _recovery, _report = setup_from_server(
        DataPaths(tmp_path / "c"), hq_sqlite.url, hq_sqlite.enrol(CLINIC), "admin", PASSWORD
    )
    laptops.open.append(c)

    assert not opens(a, "nurse", NURSE) and not opens(c, "nurse", NURSE)
    with pytest.raises((WrongPassword, PermissionDenied)):
        app_session.sign_in(DataPaths(c.paths.root), "nurse", NURSE)


def test_names_swapped_by_a_forged_change_give_nobody_the_administrators_rights(
    laptops: Laptops,
) -> None:
    """Found by our review: sign-in finds the record by name, which a refused change still
    writes; the name this laptop accepted is what counts."""
    a, b, m = laptops.new("a"), laptops.new("b"), laptops.new("m")
    add_nurse(a)
    a.sync.sync_now()
    b.sync.sync_now()
    admin, nurse = user_row(b, "admin"), user_row(b, "nurse")
    push_forged(m, nurse.id, {"username": "nurse-old"})
    push_forged(m, admin.id, {"username": "nurse"})
    b.sync.sync_now()

    with pytest.raises(PermissionDenied):
        app_session.sign_in(DataPaths(b.paths.root), "nurse", NURSE)


def test_a_key_that_cannot_be_sealed_to_does_not_stop_a_sync(laptops: Laptops) -> None:
    """Found by our review: an administrator's record with a small-order public key made the
    re-signing after a pull raise inside the sync."""
    a, b = laptops.new("a"), laptops.new("b")
    a.sync.sync_now()
    admin = user_row(b, "admin")
    bad = dict(admin.key_public or {})
    bad["key"] = base64.b64encode(b"\0" * 32).decode()
    push_forged(a, admin.id, {"key_public": bad})

    report = b.sync.sync_now()

    assert report.received >= 1 and opens(b, "admin", PASSWORD)
