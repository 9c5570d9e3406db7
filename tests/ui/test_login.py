"""Signing in: a wrong password is a clear message (never a crash), repeated failures show
a countdown, and the unlock runs off the GUI thread."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.conftest import PASSWORD


def sign_in(qtbot, login, username: str, password: str) -> None:
    login.username.setText(username)
    login.password.setText(password)
    qtbot.keyClick(login.password, Qt.Key.Key_Return)


def test_wrong_password_is_a_clear_message(make_app, store, qtbot) -> None:
    store.close()
    app = make_app()
    app.start()
    login = app.login
    assert login is not None and login.isVisible()
    sign_in(qtbot, login, "admin", "not the password")
    qtbot.waitUntil(lambda: login.message.isVisible(), timeout=20_000)
    assert "Wrong user name or password" in login.message.text()
    assert login.password.text() == ""  # typed again from scratch
    assert app.session is None
    assert login.sign_in.isEnabled()

    sign_in(qtbot, login, "admin", PASSWORD)
    qtbot.waitUntil(lambda: app.session is not None, timeout=20_000)
    assert not login.isVisible()


def test_repeated_failures_show_a_countdown(make_app, store, qtbot) -> None:
    store.close()
    app = make_app()
    app.start()
    login = app.login
    for _attempt in range(4):  # three free failures, then the throttle
        qtbot.waitUntil(lambda: login.sign_in.isEnabled(), timeout=20_000)
        sign_in(qtbot, login, "admin", "wrong wrong wrong")
        qtbot.waitUntil(
            lambda: (
                (login.message.isVisible() and login.sign_in.isEnabled()) or login._wait_left > 0
            ),
            timeout=20_000,
        )
    qtbot.waitUntil(lambda: login._wait_left > 0, timeout=20_000)
    assert "Too many wrong passwords" in login.message.text()
    assert not login.sign_in.isEnabled()
    qtbot.waitUntil(lambda: login.sign_in.isEnabled(), timeout=20_000)
    assert "try again now" in login.message.text()


def test_a_throttled_user_sees_the_wait_before_trying_again(make_app, store, qtbot) -> None:
    from desktop.store.throttle import LoginThrottle

    store.close()
    throttle = LoginThrottle(store.paths.throttle)
    for _ in range(4):
        throttle.failed("admin")
    app = make_app()
    app.start()
    app.show_login("admin")  # as after switching user, or a restart
    login = app.login
    qtbot.waitUntil(lambda: login._wait_left > 0, timeout=20_000)
    assert "Too many wrong passwords for admin" in login.message.text()
    assert not login.sign_in.isEnabled()
