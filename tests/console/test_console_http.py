"""The HQ console over plain HTTP against a real `outpost-hq` (requests, no browser):
redirects, cookie flags, CSRF, sign-in limits, roles, accounts, the audit, the pages'
contents, and the /v1 API left as it was."""

from __future__ import annotations

import re
from collections.abc import Iterator
from html import unescape
from pathlib import Path

import pytest
import requests

from sync.server import store
from tests.console.helpers import PATIENT_VALUE, Console, H, Laptop, csrf_of
from tests.hqserver import ADMIN, ADMIN_PASSWORD, HqServer, hq_server

__all__ = ["hq_server"]

pytestmark = pytest.mark.slow


@pytest.fixture
def admin(hq_server: HqServer) -> Console:
    console = Console(hq_server)
    assert console.sign_in().status_code == 200
    return console


def alert(html: str) -> str:
    found = re.search(r'role="alert"[^>]*>([^<]*)<', html)
    return unescape(found.group(1)) if found else ""


def message(html: str) -> str:
    found = re.search(r'<p class="message">([^<]*)<', html)
    return unescape(found.group(1)) if found else ""


def add_account(console: Console, name: str, password: str, role: str = "admin") -> None:
    r = console.act(
        "/console/accounts", {"name": name, "role": role, "password": password, "again": password}
    )
    assert r.status_code == 200 and "The account is added" in r.text, alert(r.text)


# --- the way in -------------------------------------------------------------------------


def test_the_root_leads_to_the_console_and_the_console_to_sign_in(hq_server: HqServer) -> None:
    r = requests.get(hq_server.url + "/", allow_redirects=False, timeout=10)
    assert r.status_code == 303 and r.headers["location"] == "/console/"
    r = requests.get(hq_server.url + "/console/attention", allow_redirects=False, timeout=10)
    assert r.status_code == 303 and r.headers["location"] == "/console/sign-in"
    r = requests.post(hq_server.url + "/console/enrol", data={"clinic": "X"}, timeout=10)
    assert r.url.endswith("/console/sign-in")  # not signed in: nothing issued
    assert "X" not in hq_server.status_text()


def test_the_session_cookie_is_httponly_strict_and_secure_over_tls(hq_server: HqServer) -> None:
    plain = Console(hq_server).sign_in(allow_redirects=False)
    assert plain.status_code == 303
    cookie = plain.headers["set-cookie"]
    assert re.search(r"outpost_hq_session=[\w-]{40,};", cookie)
    attributes = {part.strip().lower() for part in cookie.split(",")[0].split(";")[1:]}
    assert attributes == {"httponly", "path=/console", "samesite=strict"}  # a session cookie
    # Behind a TLS proxy on the same machine (uvicorn trusts its X-Forwarded-Proto).
    tls = Console(hq_server)
    tls.http.headers["X-Forwarded-Proto"] = "https"
    r = tls.get("/console/sign-in")
    token = re.search(r'name="csrf_token" value="([^"]+)"', r.text)
    assert token is not None
    tls.http.cookies.set("outpost_hq_signin", r.cookies["outpost_hq_signin"])
    r = tls.post(
        "/console/sign-in",
        {"csrf_token": token.group(1), "name": ADMIN, "password": ADMIN_PASSWORD},
        allow_redirects=False,
    )
    assert r.status_code == 303
    assert "; secure" in r.headers["set-cookie"].split(",")[0].lower()


def test_secure_cookies_can_be_required_for_plain_http_behind_a_proxy(tmp_path: Path) -> None:
    env = {"OUTPOST_HQ_CONSOLE_SECURE_COOKIES": "1"}
    with HqServer.started(tmp_path / "hq", env=env) as hq:
        form = requests.get(hq.url + "/console/sign-in", timeout=10)
        assert "; secure" in form.headers["set-cookie"].lower()
        # requests (like a browser) holds a Secure cookie back from plain http: hand it over, as
        # the TLS proxy's browser would.
        pre = re.search(r"outpost_hq_signin=([^;]+);", form.headers["set-cookie"])
        assert pre is not None
        r = requests.post(
            hq.url + "/console/sign-in",
            data={"csrf_token": csrf_of(form.text), "name": ADMIN, "password": ADMIN_PASSWORD},
            cookies={"outpost_hq_signin": pre.group(1)},
            allow_redirects=False,
            timeout=10,
        )
        assert r.status_code == 303
        assert "; secure" in r.headers["set-cookie"].split(",")[0].lower()


def test_a_wrong_password_is_refused_with_a_clear_message(hq_server: HqServer) -> None:
    console = Console(hq_server)
    r = console.sign_in(password="not the password")
    assert r.status_code == 401
    assert alert(r.text) == "The account name or the password is wrong."
    r = console.sign_in(name="Nobody")
    assert r.status_code == 401 and "wrong" in alert(r.text)
    assert console.get("/console/", allow_redirects=False).status_code == 303


def test_repeated_failures_lock_an_account_even_for_the_right_password(
    hq_server: HqServer,
) -> None:
    console = Console(hq_server)
    for _ in range(store.ADMIN_LOCK_AFTER - 1):
        assert console.sign_in(password="wrong password").status_code == 401
    r = console.sign_in(password="wrong password")  # the failure that locks it says so
    assert r.status_code == 429
    r = console.sign_in()
    assert r.status_code == 429
    assert "Too many failed sign-ins" in alert(r.text)


def test_failures_from_one_address_are_limited_whatever_the_name(tmp_path: Path) -> None:
    env = {"OUTPOST_HQ_CONSOLE_SIGN_IN_FAILURES_PER_MINUTE": "3"}
    with HqServer.started(tmp_path / "hq", env=env) as hq:
        console = Console(hq)
        for n in range(3):
            assert console.sign_in(name=f"guess {n}").status_code == 401
        r = console.sign_in()  # the real account, from the same address
        assert r.status_code == 429 and "wait a minute" in alert(r.text)


def test_sign_out_ends_the_session_at_hq(admin: Console) -> None:
    cookie = admin.http.cookies["outpost_hq_session"]
    r = admin.act("/console/sign-out", {})
    assert r.url.endswith("/console/sign-in?notice=signed_out") and "You are signed out" in r.text
    stolen = requests.get(
        admin.hq.url + "/console/",
        cookies={"outpost_hq_session": cookie},
        allow_redirects=False,
        timeout=10,
    )
    assert stolen.status_code == 303  # the old cookie opens nothing


# --- CSRF -------------------------------------------------------------------------------


def test_a_post_without_or_with_a_wrong_csrf_token_is_refused(
    hq_server: HqServer, admin: Console
) -> None:
    for data in (
        {"clinic": "Forged Clinic"},
        {"clinic": "Forged Clinic", "csrf_token": ""},
        {"clinic": "Forged Clinic", "csrf_token": admin.token() + "x"},
    ):
        r = admin.post("/console/enrol", data)
        assert r.status_code == 403
        assert "security token is missing or out of date" in message(r.text)
        assert "Nothing was changed" in message(r.text)
    other = Console(hq_server)
    other.sign_in()
    r = admin.post("/console/enrol", {"clinic": "Forged Clinic", "csrf_token": other.token()})
    assert r.status_code == 403  # another session's token is no good here
    assert "Forged Clinic" not in hq_server.status_text()
    audit = admin.get("/console/audit").text
    assert audit.count("Form refused (bad security token)") == 4


def test_the_sign_in_form_needs_its_token_too(hq_server: HqServer) -> None:
    r = requests.post(
        hq_server.url + "/console/sign-in",
        data={"name": ADMIN, "password": ADMIN_PASSWORD},
        allow_redirects=False,
        timeout=10,
    )
    assert r.status_code == 403 and "outpost_hq_session" not in r.headers.get("set-cookie", "")


def test_a_flood_of_tokenless_sign_ins_stops_being_written_down(
    hq_server: HqServer, admin: Console
) -> None:
    """Anyone may post to the sign-in form: the audit notes the refusals up to the address's
    limit, not one row each for ever."""
    for _ in range(30):
        r = requests.post(
            hq_server.url + "/console/sign-in",
            data={"name": ADMIN, "password": "guess"},
            allow_redirects=False,
            timeout=10,
        )
        assert r.status_code == 403
    audit = admin.get("/console/audit").text
    assert 1 <= audit.count("Form refused (bad security token)") <= 20


def test_a_form_hq_cannot_read_is_refused_plainly(admin: Console) -> None:
    r = admin.http.post(
        admin.hq.url + "/console/enrol",
        json={"clinic": "X"},
        timeout=10,
    )
    assert r.status_code == 400 and "only the console's own forms" in message(r.text)
    r = admin.post("/console/enrol", {"clinic": "x" * 20_000})
    assert r.status_code == 400 and "too large" in message(r.text)


# --- enrolment and devices --------------------------------------------------------------


def test_a_code_issued_in_the_console_enrols_a_laptop_once(admin: Console) -> None:
    code = admin.issue_code("Kisumu Health Post")
    laptop = Laptop(admin.hq, code)
    assert laptop.enrolment["clinic_name"] == "Kisumu Health Post"
    r = requests.post(
        admin.hq.url + "/v1/enrol",
        headers=H,
        json={"code": code, "device_name": "Again", "mode": "new_laptop"},
        timeout=10,
    )
    assert r.status_code == 403  # one-time
    page = admin.get("/console/audit").text
    assert "Enrolment code issued" in page and "Kisumu Health Post" in page
    assert code not in page  # the audit never shows the code


def test_an_empty_clinic_name_is_refused_and_nothing_issued(admin: Console) -> None:
    r = admin.act("/console/enrol", {"clinic": "   "})
    assert r.status_code == 400 and "Type the clinic's name" in alert(r.text)
    assert "Enrolment code issued" not in admin.get("/console/audit").text


def test_revoking_needs_the_confirmation_then_the_device_is_refused(admin: Console) -> None:
    laptop = Laptop(admin.hq, admin.issue_code("Kisumu"))
    laptop.sync({"patient": 2})
    path = f"/console/devices/{laptop.device_id}/revoke"
    page = admin.get(path).text
    assert "Revoke the device Front desk?" in page and "Kisumu" in page
    r = admin.act(path, {})
    assert r.status_code == 400 and "Tick the box" in alert(r.text)
    assert laptop.pull().status_code == 200  # not revoked yet
    r = admin.act(path, {"confirm": "yes"})
    assert r.status_code == 200 and "The device is revoked" in r.text
    refused = laptop.pull()
    assert refused.status_code == 403 and refused.json()["error"] == "device_revoked"
    assert "Device revoked" in admin.get("/console/audit").text
    assert admin.get("/console/devices/not-a-uuid/revoke").status_code == 404


# --- roles and accounts -----------------------------------------------------------------


def test_a_viewer_looks_but_changes_nothing(admin: Console) -> None:
    add_account(admin, "Juma Viewer", "viewer password", role="viewer")
    viewer = Console(admin.hq)
    assert viewer.sign_in("juma viewer", "viewer password").status_code == 200
    assert viewer.get("/console/").status_code == 200
    assert viewer.get("/console/attention").status_code == 200
    assert "Enrol a laptop" not in viewer.get("/console/").text
    for path in ("/console/enrol", "/console/accounts", "/console/audit"):
        assert viewer.get(path).status_code == 403
    r = viewer.act("/console/enrol", {"clinic": "Viewer's Clinic"})
    assert r.status_code == 403 and "ask an HQ administrator" in message(r.text)
    own = re.search(r'href="(/console/accounts/\d+/password)"', viewer.get("/console/").text)
    assert own is not None
    r = viewer.act(
        own.group(1),
        {"current": "viewer password", "password": "a new password", "again": "a new password"},
    )
    assert r.status_code == 200 and "The password is changed" in r.text
    admin_path = re.sub(r"\d+", "1", own.group(1))
    assert viewer.get(admin_path).status_code == 403  # not another's


def test_disabling_an_account_signs_it_out_and_keeps_it_out(admin: Console) -> None:
    add_account(admin, "Grace Wanjiru", "grace password")
    grace = Console(admin.hq)
    assert grace.sign_in("Grace Wanjiru", "grace password").status_code == 200
    accounts = admin.get("/console/accounts").text
    found = re.search(r'action="(/console/accounts/\d+/active)"', accounts)
    assert found is not None
    r = admin.act(found.group(1), {"active": "0"})
    assert "The account is disabled" in r.text
    assert grace.get("/console/", allow_redirects=False).status_code == 303
    r = grace.sign_in("Grace Wanjiru", "grace password")
    assert r.status_code == 403 and "This account is disabled" in alert(r.text)
    r = admin.act(found.group(1), {"active": "1"})
    assert "The account is enabled again" in r.text
    assert grace.sign_in("Grace Wanjiru", "grace password").status_code == 200
    audit = admin.get("/console/audit").text
    for action in ("Account added", "Account disabled", "Account enabled", "Sign-in refused"):
        assert action in audit


def test_no_one_disables_themselves_or_the_last_administrator(admin: Console) -> None:
    own = re.search(r'href="/console/accounts/(\d+)/password"', admin.get("/console/accounts").text)
    assert own is not None
    r = admin.act(f"/console/accounts/{own.group(1)}/active", {"active": "0"})
    assert r.status_code == 400 and "your own account" in alert(r.text)
    assert admin.get("/console/").status_code == 200


def test_a_new_account_must_be_well_formed(admin: Console) -> None:
    cases = [
        ({"name": "A", "role": "admin", "password": "short", "again": "short"}, "at least 8"),
        ({"name": "A", "role": "admin", "password": "long enough", "again": "other"}, "differ"),
        ({"name": "A", "role": "root", "password": "long enough", "again": "long enough"}, "role"),
        ({"name": ADMIN, "role": "admin", "password": "long enough", "again": "long enough"},
         "exists already"),
    ]  # fmt: skip
    for data, says in cases:
        r = admin.act("/console/accounts", data)
        assert r.status_code == 400 and says in alert(r.text), alert(r.text)


def test_changing_a_password_asks_for_yours_and_ends_the_other_sessions(admin: Console) -> None:
    add_account(admin, "Otieno", "otieno password")
    otieno = Console(admin.hq)
    assert otieno.sign_in("Otieno", "otieno password").status_code == 200
    path = re.search(
        r'href="(/console/accounts/\d+/password)">Change password<span class="visually-hidden">'
        r" of Otieno",
        admin.get("/console/accounts").text,
    )
    assert path is not None
    new = {"password": "otieno new password", "again": "otieno new password"}
    r = admin.act(path.group(1), {"current": "not mine", **new})
    assert r.status_code == 400 and "current password is wrong" in alert(r.text)
    r = admin.act(path.group(1), {"current": ADMIN_PASSWORD, **new})
    assert "The password is changed" in r.text
    assert otieno.get("/console/", allow_redirects=False).status_code == 303
    assert Console(admin.hq).sign_in("Otieno", "otieno password").status_code == 401
    assert Console(admin.hq).sign_in("Otieno", "otieno new password").status_code == 200
    assert admin.get("/console/").status_code == 200  # the one who changed it stays in


# --- what the pages show ------------------------------------------------------------------


def test_the_clinics_page_shows_devices_counts_and_the_weeks_changes(admin: Console) -> None:
    laptop = Laptop(admin.hq, admin.issue_code("Kisumu Health Post"))
    laptop.sync({"patient": 3, "appointment": 2}, pending=4, needs_attention=1, app_version="0.1.0")
    Laptop(admin.hq, admin.issue_code("Lodwar Dispensary"), name="Lodwar laptop")
    page = admin.get("/console/").text
    kisumu = page[page.index("Kisumu Health Post") : page.index("Lodwar Dispensary")]
    assert re.search(r"patient</th><td class=\"num\">3<", kisumu)
    assert re.search(r"appointment</th><td class=\"num\">2<", kisumu)
    assert "Front desk" in kisumu and "just now" in kisumu and "0.1.0" in kisumu
    assert re.search(r"<desc [^>]*>(\w{3} \d\d: 0; ){6}\w{3} \d\d: 5</desc>", kisumu)
    assert "item needing attention" in kisumu
    lodwar = page[page.index("Lodwar Dispensary") :]
    assert "No sync yet" in lodwar and "Not heard from" in lodwar  # enrolled, never synced
    attention = admin.get("/console/attention").text
    assert "Items waiting for a decision" in attention and "Front desk" in attention
    assert "Lodwar Dispensary" in attention
    assert PATIENT_VALUE not in page + attention  # no record content, counts only


def test_console_pages_carry_a_strict_content_policy(admin: Console) -> None:
    r = admin.get("/console/")
    assert "default-src 'none'" in r.headers["content-security-policy"]
    assert r.headers["x-frame-options"] == "DENY" and r.headers["cache-control"] == "no-store"
    assert "<script" not in r.text
    css = admin.get("/console/static/console.css")
    assert css.status_code == 200 and "text/css" in css.headers["content-type"]
    r = admin.get("/console/no/such/page")
    assert r.status_code == 404 and "no page at this address" in message(r.text)


def test_the_v1_api_is_as_it_was(hq_server: HqServer) -> None:
    r = requests.get(hq_server.url + "/v1/hello", headers=H, timeout=10)
    assert r.status_code == 200 and r.json()["protocol_max"] == 1
    r = requests.get(hq_server.url + "/v1/hello", timeout=10)
    assert r.status_code == 426
    r = requests.get(hq_server.url + "/v1/nothing", headers=H, timeout=10)
    assert r.status_code == 404 and r.json()["error"] == "not_found"
    paths = requests.get(hq_server.url + "/openapi.json", timeout=10).json()["paths"]
    assert all(p.startswith("/v1/") for p in paths)


@pytest.fixture
def pg_hq(tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[HqServer]:
    url = request.getfixturevalue("pg_database")
    with HqServer.started(tmp_path / "hq", database_url=url) as hq:
        yield hq


@pytest.mark.postgres
def test_the_console_works_on_postgresql(pg_hq: HqServer) -> None:
    admin = Console(pg_hq)
    assert admin.sign_in().status_code == 200
    laptop = Laptop(pg_hq, admin.issue_code("Kisumu"))
    laptop.sync({"patient": 2})
    page = admin.get("/console/").text
    assert re.search(r"patient</th><td class=\"num\">2<", page)
    assert admin.act(f"/console/devices/{laptop.device_id}/revoke", {"confirm": "yes"}).ok
    assert laptop.pull().status_code == 403
    assert "Device revoked" in admin.get("/console/audit").text


def test_guessing_ones_password_through_the_change_form_is_limited(admin: Console) -> None:
    own = re.search(
        r'href="(/console/accounts/\d+/password)">Change password<span class="visually-hidden">'
        r" of HQ Admin",
        admin.get("/console/accounts").text,
    )
    assert own is not None
    new = {"password": "brand new password", "again": "brand new password"}
    for _ in range(5):
        r = admin.act(own.group(1), {"current": "a guess", **new})
        assert "current password is wrong" in alert(r.text)
    r = admin.act(own.group(1), {"current": ADMIN_PASSWORD, **new})
    assert r.status_code == 400 and "Too many wrong passwords" in alert(r.text)
    r = Console(admin.hq).sign_in()  # the same limit as for signing in, held for a minute
    assert r.status_code == 429 and "Too many failed sign-ins" in alert(r.text)


def test_serve_refuses_console_options_it_cannot_use(hq_server: HqServer) -> None:
    for args, says in (
        (["--public-url", "hq.example.org"], "--public-url: "),
        (["--quiet-days", "0"], "--quiet-days takes 1 to 365"),
        (["--console-idle-minutes", "99999"], "--console-idle-minutes takes 1 to 1440"),
    ):
        done = hq_server.run_cli("serve", "--port", "1", *args, check=False)
        assert done.returncode == 2 and says in done.stderr, done.stderr
