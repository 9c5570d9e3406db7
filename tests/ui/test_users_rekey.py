"""Settings → Users: disabling an account re-keys the store off the GUI thread, with a
progress dialog, then says what it means (issue 8, item 2)."""

from __future__ import annotations

import json
import threading

from PySide6.QtWidgets import QMessageBox, QProgressDialog

from desktop.store.keyfile import KeyFile
from desktop.store.models import Role
from desktop.store.store import key_opens
from tests.ui.conftest import find_window
from ui.users_admin import ROW_ROLE

PETER = "a long pass phrase"


def test_disabling_a_user_in_settings_rekeys_with_a_progress_dialog_and_says_so(
    signed_in, qtbot, monkeypatch
) -> None:
    core = signed_in.ctx.core
    core.admin.add_user(
        username="peter", display_name="Peter Mwangi", role=Role.CLINICIAN, password=PETER
    )
    stolen = core.paths.keyfile.read_bytes()
    window = signed_in.window
    window.nav.setCurrentRow(3)
    users = window.settings.users
    window.settings.tabs.setCurrentWidget(users)
    qtbot.waitUntil(lambda: users.model.rowCount() == 2, timeout=20_000)
    (peter,) = (
        users.model.item(r, 0).data(ROW_ROLE)
        for r in range(users.model.rowCount())
        if users.model.item(r, 0).text() == "peter"
    )
    # The re-key waits, halfway, until the test has seen its progress dialog.
    seen: list[float] = []
    halfway = threading.Event()
    go_on = threading.Event()
    real = core.admin.set_user_active

    def watched(*args, progress=None, **kwargs):
        def report(fraction: float) -> None:
            seen.append(fraction)
            if fraction >= 0.05 and not halfway.is_set():
                halfway.set()
                go_on.wait(30)
            if progress is not None:
                progress(fraction)

        return real(*args, progress=report, **kwargs)

    monkeypatch.setattr(core.admin, "set_user_active", watched)
    gui_thread = threading.get_ident()

    operation = users.disable(peter)

    qtbot.waitUntil(halfway.is_set, timeout=30_000)
    assert threading.get_ident() == gui_thread  # the GUI thread is free while it runs
    qtbot.waitUntil(lambda: find_window(QProgressDialog) is not None, timeout=10_000)
    assert "changing the clinic's key" in find_window(QProgressDialog).labelText()
    go_on.set()
    qtbot.waitUntil(lambda: operation.done, timeout=60_000)

    box = find_window(QMessageBox)
    assert box is not None and "no longer open the clinic's records" in box.text()
    assert "Backups made before this change" in users.last_message
    assert seen and seen[-1] == 1.0
    assert not {u.username: u for u in core.admin.users()}["peter"].active
    old = KeyFile.from_json(json.loads(stolen))
    assert not key_opens(core.paths.database, old.unlock_with_password("peter", PETER))
    box.close()
