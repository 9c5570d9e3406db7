"""First run, "Join an existing clinic", against a real `outpost-hq` on loopback with a real
enrolment code (`outpost-hq enrol --clinic NAME`): a wrong code, HQ unreachable and a wrong
password are said in plain words with what to do, and nothing is set up; a wrong password is
typed again on the same page with the same code (the enrolment is kept: one device at HQ); a
pasted enrolment link fills HQ's address and the code; the right answers set the laptop up from
HQ, show the clinic's "Accounts signed by" fingerprint (the first laptop's) and this laptop's
recovery key, and the app opens signed in with the clinic's records. A set-up given up (the
wizard closed) leaves no staging folder, and HQ lists the device that never finished.

The screenshot of the join page is made on demand (docs/screenshots/desk-00c-…):

    OUTPOST_SCREENSHOTS=docs/screenshots .venv/bin/python -m pytest tests/ui/test_join_clinic.py
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from desktop.app.from_server import STAGING
from desktop.paths import DataPaths
from desktop.settings import Settings
from sync.protocol.enrol_link import format_enrol_link
from tests.conftest import CLINIC, PASSWORD
from tests.hqserver import HqServer, free_port
from tests.ui.conftest import HOUR_MS, close_app
from ui.setup_flow import Page

OUT = os.environ.get("OUTPOST_SCREENSHOTS", "")
WAIT = 60_000


@pytest.fixture
def hq(tmp_path: Path) -> Iterator[HqServer]:
    with HqServer.started(tmp_path / "hq") as server:
        yield server


@pytest.fixture
def first_laptop(hq: HqServer, core):
    """The clinic's first laptop (the `core` fixture's store), joined to HQ and synced, with a
    patient on it."""
    from desktop.app.patients import PatientInput

    core.sync.enrol(hq.url, hq.enrol(CLINIC), device_name="front desk")
    core.patients.register(
        PatientInput(given_name="Muthoni", family_name="Kariuki", estimated_age_years="40"),
        confirmed_new=True,
    )
    core.sync.sync_now()
    return core


@pytest.fixture
def new_app(qapp, tmp_path: Path) -> Iterator:
    from ui.app import OutpostApp

    paths = DataPaths(tmp_path / "new-laptop")
    app = OutpostApp(qapp, paths, settings=Settings(daily_backup=False), auto_lock_ms=HOUR_MS)
    app.tasks.progress_delay_ms = 100
    yield app
    close_app(app)


def _click_radio(qtbot, radio) -> None:
    # A radio button answers clicks on its circle and words only, not the rest of its row.
    qtbot.mouseClick(radio, Qt.MouseButton.LeftButton, pos=QPoint(8, radio.height() // 2))


def _to_join_page(app, qtbot):
    app.start()
    wizard = app.wizard
    assert wizard is not None and wizard.isVisible()
    wizard.activateWindow()
    qtbot.waitUntil(wizard.isActiveWindow, timeout=WAIT)  # focus needs an active window
    _click_radio(qtbot, wizard.join_choice)
    assert wizard.join_choice.isChecked()
    qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)
    assert wizard.flow.page is Page.JOIN
    assert wizard.step_label.text() == "Step 1 of 2"
    assert wizard.next_button.text() == "&Join the clinic"
    return wizard


def _join(wizard, qtbot) -> None:
    qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.join.operation is None, timeout=WAIT)


def test_join_an_existing_clinic_from_the_wizard(new_app, first_laptop, hq: HqServer, qtbot):
    wizard = _to_join_page(new_app, qtbot)
    join = wizard.join
    paths = new_app.paths

    # Join with nothing typed: each missing answer is said beside its field.
    qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)
    assert wizard.errors["server_url"].isVisible() and wizard.errors["code"].isVisible()
    assert "Type HQ's address" in wizard.errors["server_url"].message
    assert join.operation is None

    # Typed, with a code HQ never issued: refused in words, nothing set up.
    qtbot.keyClicks(join.server_url, hq.url)
    qtbot.keyClicks(join.code, "WRONG-CODE-0000")
    qtbot.keyClicks(join.username, "admin")
    qtbot.keyClicks(join.password, PASSWORD)
    assert not wizard.errors["server_url"].isVisible()  # updates as the person types
    _join(wizard, qtbot)
    assert join.message.isVisible()
    assert join.message.text().startswith("HQ did not accept this enrolment code")
    assert "ask HQ for a new code" in join.message.text()
    assert join.code.hasFocus()
    assert wizard.flow.page is Page.JOIN
    assert not paths.database.exists() and not paths.keyfile.exists()

    # HQ unreachable (nothing listens there): the code is still good.
    join.server_url.setText(f"http://127.0.0.1:{free_port()}")
    join.code.setText(hq.enrol(CLINIC))
    _join(wizard, qtbot)
    text = join.message.text()
    assert text.startswith("HQ could not be reached at http://127.0.0.1:")
    assert "the code is still good" in text
    assert join.server_url.hasFocus()
    assert not paths.database.exists()

    # A pasted enrolment link fills the address and the code; a damaged one is said so.
    join.link.setText("https://hq.example.org/enrol?code=1234")
    assert "not an Outpost enrolment link" in join.link_message.text()
    code = hq.enrol(CLINIC)
    join.link.setText(format_enrol_link(hq.url, code))
    assert join.server_url.text() == hq.url and join.code.text() == code
    assert "filled in from the link" in join.link_message.text()

    # A wrong password: nothing set up, but the laptop stays enrolled while the wizard is
    # open: the password is typed again, the code is not needed again.
    devices_before = len(hq.devices())
    join.device_name.setText("front desk 2")
    join.password.clear()
    qtbot.keyClicks(join.password, "not the password at all")
    _join(wizard, qtbot)
    text = join.message.text()
    assert text.startswith("Wrong user name or password, or that account is not one of")
    assert "the code is not needed again" in text and "front desk 2" in text
    assert "ask HQ" not in text
    assert join.password.text() == "" and join.password.hasFocus()
    assert not paths.database.exists() and not paths.keyfile.exists()
    assert join.pending is not None and join.device_name.isReadOnly()
    assert len(hq.devices()) == devices_before + 1

    # An account that is not in that clinic: the same words (a name is not given away), and
    # still the same enrolment.
    join.username.setText("nobody")
    qtbot.keyClicks(join.password, PASSWORD)
    _join(wizard, qtbot)
    assert join.message.text().startswith("Wrong user name or password")
    assert join.code.text() == code

    # The right answers, with the same code: set up from HQ off the GUI thread.
    join.username.setText("admin")
    qtbot.keyClicks(join.password, PASSWORD)
    qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)
    assert join.progress.isVisible() and not wizard.next_button.isEnabled()
    assert join.stage.text() == "Checking your password…"  # no enrolling, no pulling again
    qtbot.waitUntil(lambda: wizard.flow.page is Page.JOINED, timeout=WAIT)
    assert paths.database.exists()
    assert not (paths.root / STAGING).exists()
    # One device at HQ for this laptop: the one the first try enrolled, under its name.
    devices = hq.devices()
    assert len(devices) == devices_before + 1
    assert [d[2] for d in devices].count("front desk 2") == 1
    assert join.pending is None
    assert CLINIC in join.summary.text()
    expected = first_laptop.admin.accounts_fingerprint()
    assert expected and join.fingerprint.text() == expected
    key = join.recovery_label.text()
    assert key and key == wizard.flow.recovery_key
    assert wizard.step_label.text() == "Step 2 of 2"
    assert not wizard.back_button.isEnabled() and not wizard.cancel_button.isEnabled()
    assert not wizard.finish_button.isEnabled()
    wizard.reject()  # Escape must not lose the only sight of the key
    assert wizard.isVisible()
    qtbot.mouseClick(join.acknowledged, Qt.MouseButton.LeftButton)
    assert wizard.finish_button.isEnabled()
    qtbot.mouseClick(wizard.finish_button, Qt.MouseButton.LeftButton)

    # The app opens signed in, on the clinic's records from HQ.
    session = new_app.session
    assert session is not None and session.window.isVisible()
    core = session.ctx.core
    assert core.actor.username == "admin" and core.clinic_name == CLINIC
    names = {p.display_name for p in core.patients.search("Muthoni", limit=5)}
    assert any("Muthoni" in n for n in names)
    assert core.sync.status().enrolled
    # Settings → HQ shows the same fingerprint, for the next laptop to compare with.
    session.window.show_hq_settings()
    panel = session.window.settings.hq
    qtbot.waitUntil(lambda: expected in panel.fingerprint.text(), timeout=WAIT)
    qtbot.waitUntil(lambda: new_app.wizard is None, timeout=WAIT)
    assert new_app.login is None or not new_app.login.isVisible()


def test_a_set_up_given_up_leaves_nothing_and_hq_lists_the_device(
    new_app, first_laptop, hq: HqServer, qtbot
) -> None:
    wizard = _to_join_page(new_app, qtbot)
    join = wizard.join
    paths = new_app.paths
    code = hq.enrol(CLINIC)
    join.link.setText(format_enrol_link(hq.url, code))
    join.device_name.setText("spare laptop")
    qtbot.keyClicks(join.username, "admin")
    qtbot.keyClicks(join.password, "not the password at all")
    _join(wizard, qtbot)
    assert join.message.text().startswith("Wrong user name or password")
    staging = paths.root / STAGING
    assert staging.is_dir()  # the kept enrolment: an encrypted store, its key in memory
    assert not paths.database.exists() and not paths.keyfile.exists()
    (database,) = staging.glob("*.db")
    assert not database.read_bytes().startswith(b"SQLite format 3")  # SQLCipher: no clear page

    # Another code typed: the kept enrolment is given up and a new one made.
    other = hq.enrol(CLINIC)
    join.code.setText(other)
    qtbot.keyClicks(join.password, "still not the password")
    _join(wizard, qtbot)
    assert join.pending is not None and join.pending.code == other
    first = next(d for d in hq.devices() if d[2] == "spare laptop")
    assert f"was given up: HQ lists it as device spare laptop ({first[0]})" in join.message.text()
    assert len([d for d in hq.devices() if d[2] == "spare laptop"]) == 2

    # The wizard closed: nothing is left on this laptop; HQ lists both devices, active, for
    # HQ to revoke (the first laptop's sync is not affected).
    wizard.reject()
    assert not wizard.isVisible() and join.pending is None
    assert not staging.exists()
    assert not paths.database.exists() and not paths.keyfile.exists()
    spare = [d for d in hq.devices() if d[2] == "spare laptop"]
    assert len(spare) == 2 and all(d[4] == "active" for d in spare)
    for device in spare:
        hq.revoke(device[0])
    assert all(d[4] == "revoked" for d in hq.devices() if d[2] == "spare laptop")
    first_laptop.sync.sync_now()


def test_the_join_page_keeps_typing_and_goes_back(new_app, qtbot) -> None:
    wizard = _to_join_page(new_app, qtbot)
    join = wizard.join
    assert join.server_url.hasFocus()
    qtbot.keyClicks(join.server_url, "hq.example.org")
    qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)
    assert "starts with https://" in wizard.errors["server_url"].message
    qtbot.mouseClick(wizard.back_button, Qt.MouseButton.LeftButton)
    assert wizard.flow.page is Page.WELCOME
    _click_radio(qtbot, wizard.new_choice)
    qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)
    assert wizard.flow.page is Page.CLINIC and wizard.step_label.text() == "Step 1 of 4"


@pytest.mark.skipif(not OUT, reason="set OUTPOST_SCREENSHOTS to a folder to make them")
def test_join_page_screenshot(new_app, qtbot) -> None:
    wizard = _to_join_page(new_app, qtbot)
    join = wizard.join
    join.link.setText(format_enrol_link("https://hq.kisumu-health.org", "K7QF-3MZP-WX9D-TR2H"))
    qtbot.keyClicks(join.username, "amina")
    qtbot.keyClicks(join.password, "a long sentence here")
    join.device_name.setText("front-desk-2")
    wizard.resize(680, wizard.height())
    wizard._fit_height()
    QApplication.processEvents()
    qtbot.wait(200)
    target = Path(OUT) / "desk-00c-setup-wizard-join.png"
    target.parent.mkdir(parents=True, exist_ok=True)
    assert wizard.grab().save(str(target))
