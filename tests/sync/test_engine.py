"""The sync engine end to end: real laptops' stores, a real `outpost-hq` on 127.0.0.1, on
SQLite and on PostgreSQL (the `hq` fixture of tests/sync/conftest.py)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.app import sync as sync_module
from desktop.app.from_server import STAGING, setup_from_server
from desktop.app.session import sign_in
from desktop.app.sync import ClientFactory, SyncApi
from desktop.core import ClinicCore
from desktop.errors import NotEnrolled, SyncFailed, SyncUnreachable, WrongPassword
from desktop.paths import DataPaths
from desktop.store.keyfile import KeyFile
from desktop.store.models import Role
from desktop.store.store import key_opens
from sync.client.client import HqClient
from sync.protocol import PullPage
from tests.conftest import CLINIC, PASSWORD
from tests.hqserver import HqServer
from tests.netproxy import Faults, NetProxy
from tests.sync.laptops import Laptops, laptops_of, make_clinic, patient_names, register, unacked


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_clinic(tmp_path_factory.mktemp("clinic") / "template")


@pytest.fixture
def laptops(template: Path, tmp_path: Path, hq: HqServer) -> Iterator[Laptops]:
    with laptops_of(template, tmp_path / "laptops", hq) as made:
        yield made


def test_a_patient_registered_on_one_laptop_reaches_the_other(laptops: Laptops) -> None:
    a = laptops.new("a")
    b = laptops.new("b")
    register(a, "Wanjiru")
    sent = a.sync.sync_now()
    assert sent.sent > 0 and sent.rejected == ()
    assert unacked(a) == 0
    got = b.sync.sync_now()
    assert got.applied > 0
    assert "Wanjiru Achieng" in patient_names(b)
    # Nothing new: a second sync sends and receives nothing of substance.
    again = a.sync.sync_now()
    assert again.sent == 0 and again.duplicates == 0


def test_edits_from_both_laptops_converge(laptops: Laptops) -> None:
    a = laptops.new("a")
    b = laptops.new("b")
    register(a, "Atieno")
    register(b, "Kamau", "Njoroge")
    for core in (a, b, a):
        core.sync.sync_now()
    assert patient_names(a) == patient_names(b) == {"Atieno Achieng", "Kamau Njoroge"}


def test_status_after_a_sync_names_the_server_and_nothing_waiting(laptops: Laptops) -> None:
    a = laptops.new("a")
    register(a, "Nafula")
    before = a.sync.status()
    assert before.enrolled and before.pending > 0 and before.last_success_at is None
    a.sync.sync_now()
    after = a.sync.status()
    assert after.pending == 0
    assert after.last_success_at is not None and after.last_error is None
    assert after.clock_offset_ms is not None and abs(after.clock_offset_ms) < 60_000


def test_hq_unreachable_says_so_and_keeps_every_change(laptops: Laptops, hq: HqServer) -> None:
    a = laptops.new("a")
    register(a, "Chebet")
    waiting = unacked(a)
    hq.stop()
    with pytest.raises(SyncUnreachable) as caught:
        a.sync.sync_now()
    text = str(caught.value)
    assert f"{waiting} changes wait" in text and "nothing was lost" in text
    assert "\n" not in text
    assert unacked(a) == waiting
    assert a.sync.status().last_error == text
    hq.start()
    assert a.sync.sync_now().sent == waiting
    assert unacked(a) == 0


def test_a_reply_lost_after_hq_committed_is_a_duplicate_next_time(
    laptops: Laptops, hq: HqServer
) -> None:
    a = laptops.new("a")
    b = laptops.new("b")
    register(a, "Akinyi")
    waiting = unacked(a)
    with NetProxy(hq.port) as proxy:
        # Every push goes through the proxy, which lets the whole request reach HQ and cuts
        # the reply before its first byte: HQ committed, the laptop never heard.
        proxy.set(Faults(cut_down_after=0))
        a.sync = SyncApi(a, pushes_through(proxy.url))
        with pytest.raises(SyncUnreachable):
            a.sync.sync_now()
        assert unacked(a) == waiting  # nothing acknowledged without HQ's answer
    a.sync = SyncApi(a)
    again = a.sync.sync_now()
    assert again.duplicates == waiting and again.sent == 0
    b.sync.sync_now()
    assert patient_names(b) == {"Akinyi Achieng"}


def pushes_through(proxy_url: str) -> ClientFactory:
    """Clients whose pushes go to `proxy_url`; everything else goes to HQ directly."""

    def make(url: str, token: str | None, ca_file: str | None) -> HqClient:
        direct = HqClient(url, token=token, ca_file=ca_file, retries=1, backoff=0.01)
        proxied = HqClient(proxy_url, token=token, ca_file=ca_file, retries=2, backoff=0.01)
        direct.push = proxied.push  # type: ignore[method-assign]
        return direct

    return make


def test_a_laptop_not_joined_to_hq_is_told_how_to_join(laptops: Laptops) -> None:
    a = laptops.new("a", enrol=False)
    with pytest.raises(NotEnrolled, match="sync enrol"):
        a.sync.sync_now()


def test_a_new_laptop_set_up_from_hq_has_the_clinic_and_its_accounts(
    laptops: Laptops, hq: HqServer, tmp_path: Path
) -> None:
    a = laptops.new("a")
    register(a, "Muthoni", "Kariuki")
    a.sync.sync_now()
    paths = DataPaths(tmp_path / "new-laptop")
    core, recovery, report = setup_from_server(
        paths, hq.url, hq.enrol(CLINIC), "admin", PASSWORD, device_name="replacement"
    )
    try:
        assert report.received > 0 and recovery
        assert patient_names(core) == {"Muthoni Kariuki"}
        assert core.actor.username == "admin"
        assert not (paths.root / STAGING).exists()
        # The new laptop syncs as a laptop of its own: its edits reach the first one.
        register(core, "Odhiambo", "Otieno")
        core.sync.sync_now()
        a.sync.sync_now()
        assert patient_names(a) == {"Muthoni Kariuki", "Odhiambo Otieno"}
    finally:
        core.close()
    # The same person signs in there again later with the password they already had.
    again = ClinicCore.unlock(paths, "admin", PASSWORD)
    again.close()


def test_a_wrong_password_sets_nothing_up_from_hq(
    laptops: Laptops, hq: HqServer, tmp_path: Path
) -> None:
    a = laptops.new("a")
    a.sync.sync_now()
    paths = DataPaths(tmp_path / "new-laptop")
    with pytest.raises(WrongPassword):
        setup_from_server(paths, hq.url, hq.enrol(CLINIC), "admin", "not the password")
    assert not paths.database.exists() and not paths.keyfile.exists()
    assert not (paths.root / STAGING).exists()


def test_an_account_made_on_one_laptop_signs_in_on_the_other_until_disabled(
    laptops: Laptops,
) -> None:
    a = laptops.new("a")
    b = laptops.new("b")
    a.admin.add_user(
        username="wanjiku",
        display_name="Wanjiku Mwangi",
        role=Role.COORDINATOR,
        password="wanjiku's own password",
    )
    a.sync.sync_now()
    got = b.sync.sync_now()
    assert "wanjiku" in got.accounts
    there = sign_in(b.paths, "wanjiku", "wanjiku's own password")
    there.close()
    old_copy = b.paths.keyfile.read_bytes()
    # Disabled on A: B's key file loses the account, and B's data key changes, so a copy of
    # B's old key file no longer opens B's database.
    a.admin.set_user_active("wanjiku", False)
    a.sync.sync_now()
    b.sync.sync_now()
    with pytest.raises(WrongPassword):
        sign_in(b.paths, "wanjiku", "wanjiku's own password")
    stolen = KeyFile.from_json(json.loads(old_copy))
    old_key = stolen.unlock_with_password("wanjiku", "wanjiku's own password")
    assert not key_opens(b.paths.database, old_key)


def test_a_clock_hq_says_is_days_away_is_not_taken_and_nothing_is_sent(
    laptops: Laptops,
) -> None:
    a = laptops.new("a")
    register(a, "Nekesa")
    waiting = unacked(a)
    # This laptop's clock reset days back (a flat clock battery), or an HQ that lies.
    client_factory = sync_module._default_client

    def skewed(url: str, token: str | None, ca_file: str | None) -> HqClient:
        client = client_factory(url, token, ca_file)
        original = client.hello

        def hello() -> object:
            answer = original()
            client.clock_offset_ms = 3 * 86_400_000
            return answer

        client.hello = hello  # type: ignore[method-assign]
        return client  # type: ignore[return-value]

    a.sync = SyncApi(a, skewed)
    with pytest.raises(SyncFailed, match="72 hours"):
        a.sync.sync_now()
    assert unacked(a) == waiting
    assert abs(a.store.clock.offset_ms) < 60_000  # the offset measured at enrolment stays


def test_a_page_that_says_more_but_never_moves_on_is_refused(laptops: Laptops) -> None:
    a = laptops.new("a")

    def stuck(url: str, token: str | None, ca_file: str | None) -> HqClient:
        client = HqClient(url, token=token, ca_file=ca_file)
        original = client.pull

        def pull(after: int, **kw: object) -> PullPage:
            page = original(after, **kw)  # type: ignore[arg-type]
            return page.model_copy(update={"more": True, "next_cursor": after, "changes": []})

        client.pull = pull  # type: ignore[method-assign]
        return client

    a.sync = SyncApi(a, stuck)
    with pytest.raises(SyncFailed, match="out of order"):
        a.sync.sync_now()


def test_a_patient_removed_on_another_laptop_is_said_in_the_sync_summary(
    laptops: Laptops,
) -> None:
    a = laptops.new("a")
    b = laptops.new("b")
    patient = register(a, "Jepkoech")
    a.sync.sync_now()
    b.sync.sync_now()
    a.patients.remove(patient)
    a.sync.sync_now()
    report = b.sync.sync_now()
    assert report.removed == 1
    assert patient_names(b) == set()
