"""The login window with a throttle that fails closed: a deleted record of wrong attempts is a
wait, not a fresh start, and an attempt that cannot be recorded is refused with a clear line."""

from __future__ import annotations

import errno
from pathlib import Path

from tests.conftest import PASSWORD
from tests.ui.test_login import sign_in


def test_a_deleted_attempts_record_makes_the_next_sign_in_wait(
    make_app, store, qtbot, monkeypatch
) -> None:
    from desktop.store import throttle as throttle_module

    monkeypatch.setattr(throttle_module, "MAX_DELAY_S", 2.0)  # the longest wait, shortened
    store.close()
    store.paths.throttle.unlink()
    app = make_app()
    app.start()
    login = app.login
    sign_in(qtbot, login, "admin", PASSWORD)
    qtbot.waitUntil(lambda: login._wait_left > 0 or app.session is not None, timeout=20_000)
    assert app.session is None
    # Said as it is: the record was lost, not "too many wrong passwords" for this person.
    assert "missing or damaged" in login.message.text()
    assert "Too many wrong passwords" not in login.message.text()
    # The wait runs down, and then the right password opens the clinic.
    qtbot.waitUntil(lambda: login.sign_in.isEnabled(), timeout=20_000)
    sign_in(qtbot, login, "admin", PASSWORD)
    qtbot.waitUntil(lambda: app.session is not None, timeout=20_000)


def test_an_attempt_that_cannot_be_recorded_is_refused_with_a_clear_message(
    make_app, store, qtbot, monkeypatch
) -> None:
    from desktop.store import throttle as throttle_module

    def full(target: Path, data: bytes) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    store.close()
    monkeypatch.setattr(throttle_module, "write_atomic", full)
    app = make_app()
    app.start()
    login = app.login
    sign_in(qtbot, login, "admin", PASSWORD)
    qtbot.waitUntil(lambda: "Cannot record the attempt" in login.message.text(), timeout=20_000)
    assert "free disk space" in login.message.text()
    assert app.session is None
    assert login.sign_in.isEnabled()
