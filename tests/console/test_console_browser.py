"""The HQ console in a real browser (Debian's chromium through playwright) against a real
`outpost-hq` on 127.0.0.1: sign-in, enrolment with its QR code, revocation, accounts, and
the keyboard alone, and a form sent without its CSRF token."""

from __future__ import annotations

import io
from typing import Any

import pytest

from sync.protocol.enrol_link import parse_enrol_link
from sync.server import store
from tests.console.helpers import Laptop
from tests.hqserver import ADMIN, ADMIN_PASSWORD, HqServer

pytestmark = pytest.mark.slow


def sign_in(page: Any, hq: HqServer, name: str = ADMIN, password: str = ADMIN_PASSWORD) -> None:
    page.goto(hq.url + "/console/")
    page.get_by_label("Account name").fill(name)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()


def alert_text(page: Any) -> str:
    return str(page.get_by_role("alert").inner_text())


def test_a_wrong_password_is_refused_and_the_right_one_signs_in(
    hq_server: HqServer, page: Any
) -> None:
    page.goto(hq_server.url + "/")
    assert page.url == hq_server.url + "/console/sign-in"
    sign_in(page, hq_server, password="not the password")
    assert alert_text(page) == "The account name or the password is wrong."
    assert page.get_by_label("Account name").input_value() == ADMIN  # kept for a retry
    assert page.get_by_label("Password").input_value() == ""
    sign_in(page, hq_server)
    assert page.get_by_role("heading", level=1).inner_text() == "Clinics"
    assert "Signed in as HQ Admin" in page.locator("header").inner_text()
    cookie = next(c for c in page.context.cookies() if c["name"] == "outpost_hq_session")
    assert cookie["httpOnly"] and cookie["sameSite"] == "Strict" and cookie["path"] == "/console"
    assert not cookie["secure"]  # plain http on loopback
    page.get_by_role("button", name="Sign out").click()
    assert page.get_by_role("status").inner_text() == "You are signed out."


def test_the_sign_in_limit_kicks_in(hq_server: HqServer, page: Any) -> None:
    for _ in range(store.ADMIN_LOCK_AFTER - 1):
        sign_in(page, hq_server, password="a guess")
        assert "wrong" in alert_text(page)
    sign_in(page, hq_server, password="a guess")
    sign_in(page, hq_server)  # the right password, too late
    assert "Too many failed sign-ins" in alert_text(page)
    assert page.get_by_role("heading", level=1).inner_text() == "Sign in to HQ's console"


def test_a_code_shows_as_text_and_as_a_qr_code_that_enrols_a_laptop(
    hq_server: HqServer, page: Any
) -> None:
    import zxingcpp
    from PIL import Image

    sign_in(page, hq_server)
    page.get_by_role("link", name="Enrol a laptop").click()
    page.get_by_label("Clinic").fill("Kisumu Health Post")
    page.get_by_role("button", name="Issue a code").click()
    assert page.get_by_role("heading", level=1).inner_text() == (
        "Enrolment code for Kisumu Health Post"
    )
    code = page.locator("#code").inner_text()
    assert len(code) == 19 and code.count("-") == 3
    assert "(in 24 hours)" in page.locator("main").inner_text()
    qr = page.get_by_role("img", name="QR code of the enrolment code for Kisumu Health Post")
    assert qr.is_visible()
    shot = Image.open(io.BytesIO(qr.screenshot()))
    found = zxingcpp.read_barcodes(shot)
    assert len(found) == 1
    link = parse_enrol_link(found[0].text)
    assert link.url == hq_server.url and link.code == code
    laptop = Laptop(hq_server, link.code)
    assert laptop.enrolment["clinic_name"] == "Kisumu Health Post"
    page.goto(hq_server.url + "/console/")
    assert "Front desk" in page.locator("section.clinic").inner_text()


def test_revoking_a_device_asks_first_then_its_next_sync_is_refused(
    hq_server: HqServer, page: Any
) -> None:
    laptop = Laptop(hq_server, hq_server.enrol("Lodwar Dispensary"), name="Lodwar laptop")
    laptop.sync({"patient": 4})
    sign_in(page, hq_server)
    page.get_by_role("link", name="Revoke Lodwar laptop").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Revoke the device Lodwar laptop?"
    button = page.get_by_role("button", name="Revoke Lodwar laptop")
    button.click()  # the box is not ticked: the browser keeps the form (it is required)
    assert "/revoke" in page.url
    assert laptop.pull().status_code == 200
    page.get_by_label("Yes, Lodwar laptop of Lodwar Dispensary must stop syncing").check()
    button.click()
    assert page.get_by_role("status").inner_text() == (
        "The device is revoked: its next sync will be refused."
    )
    row = page.get_by_role("row", name="Lodwar laptop")
    assert "Revoked" in row.inner_text()
    refused = laptop.pull()
    assert refused.status_code == 403 and refused.json()["error"] == "device_revoked"


def test_a_form_sent_without_its_security_token_is_refused_and_changes_nothing(
    hq_server: HqServer, page: Any
) -> None:
    laptop = Laptop(hq_server, hq_server.enrol("Kakuma Clinic"), name="Kakuma laptop")
    laptop.sync({"patient": 2})
    sign_in(page, hq_server)
    page.get_by_role("link", name="Revoke Kakuma laptop").click()
    page.get_by_label("Yes, Kakuma laptop of Kakuma Clinic must stop syncing").check()
    # What a forged form looks like to HQ: the browser's own session cookie, no token.
    removed = page.evaluate(
        "() => { const t = document.querySelectorAll('input[name=csrf_token]');"
        " t.forEach(e => e.remove()); return t.length; }"
    )
    assert removed >= 1
    with page.expect_response(lambda r: r.request.method == "POST") as answer:
        page.get_by_role("button", name="Revoke Kakuma laptop").click()
    assert answer.value.status == 403
    said = page.locator("body").inner_text()
    assert "security token is missing or out of date" in said and "Nothing was changed" in said
    assert laptop.pull().status_code == 200  # still enrolled
    page.goto(hq_server.url + "/console/")
    assert "Revoked" not in page.get_by_role("row", name="Kakuma laptop").inner_text()


def test_an_added_account_signs_in_and_once_disabled_cannot(
    hq_server: HqServer, page: Any, browser: Any
) -> None:
    sign_in(page, hq_server)
    page.get_by_role("link", name="Accounts").click()
    page.get_by_label("Name", exact=True).fill("Achieng Viewer")
    page.get_by_label("Viewer (looks only)").check()
    page.get_by_label("Password (at least 8 characters)").fill("achieng password")
    page.get_by_label("The password again").fill("achieng password")
    page.get_by_role("button", name="Add the account").click()
    assert page.get_by_role("status").inner_text().startswith("The account is added")
    assert "Viewer (looks only)" in page.get_by_role("row", name="Achieng Viewer").inner_text()

    other = browser.new_context()
    try:
        theirs = other.new_page()
        sign_in(theirs, hq_server, "Achieng Viewer", "achieng password")
        assert theirs.get_by_role("heading", level=1).inner_text() == "Clinics"
        assert theirs.get_by_role("link", name="Enrol a laptop").count() == 0
        page.get_by_role("button", name="Disable Achieng Viewer").click()
        assert "Disabled" in page.get_by_role("row", name="Achieng Viewer").inner_text()
        theirs.reload()
        assert theirs.url.endswith("/console/sign-in")  # signed out at once
        sign_in(theirs, hq_server, "Achieng Viewer", "achieng password")
        assert alert_text(theirs) == (
            "This account is disabled: ask an HQ administrator to enable it."
        )
    finally:
        other.close()
    page.get_by_role("link", name="Audit").click()
    audit = page.locator("table").inner_text()
    assert "Account added" in audit and "Account disabled" in audit and "127.0.0.1" in audit


def test_the_console_works_from_the_keyboard_alone(hq_server: HqServer, page: Any) -> None:
    page.goto(hq_server.url + "/console/sign-in")
    # The name field takes the focus by itself (autofocus), but Chromium applies autofocus at
    # its next rendering step, which on a loaded machine comes after the load event: typing
    # at once went nowhere and the empty, required field kept the form from being sent.
    page.wait_for_function("document.activeElement && document.activeElement.id === 'name'")
    page.keyboard.type(ADMIN)
    page.keyboard.press("Tab")
    page.keyboard.type(ADMIN_PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url(hq_server.url + "/console/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to the page's content"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Clinics"
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert page.get_by_role("heading", level=1).inner_text() == "Needs attention"
