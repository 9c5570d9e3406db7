"""GUI fixtures: a real `OutpostApp` on a real encrypted store in a temporary folder.

`signed_in` skips the login window (and its key derivation) by handing the app a core
opened by the shared `core` fixture; the login itself is tested on its own.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pytest

pytest.importorskip("PySide6.QtWidgets")

from PySide6.QtWidgets import QApplication

from desktop.settings import Settings

if TYPE_CHECKING:
    import uuid

    from desktop.core import ClinicCore
    from desktop.paths import DataPaths
    from ui.app import OutpostApp, SignedInSession

pytestmark = pytest.mark.gui


@pytest.fixture(autouse=True, scope="session")
def _pyside_none_refcount_repaired() -> None:
    # The app installs it while the login window waits; widgets built directly by tests
    # need it too (see ui/qt_fixes.py).
    from ui import qt_fixes

    qt_fixes.install()


HOUR_MS = 3_600_000


def close_app(app: OutpostApp) -> None:
    session = app.session
    if session is not None:
        session.lock.stop()
        session.window.close_for_real()
    app.shutdown()
    for widget in QApplication.topLevelWidgets():
        widget.hide()
        widget.deleteLater()
    app.deleteLater()
    QApplication.processEvents()


@pytest.fixture
def make_app(qapp: QApplication, data_paths: DataPaths) -> Iterator:
    made: list[OutpostApp] = []

    def make(*, language: str = "en", auto_lock_ms: int = HOUR_MS) -> OutpostApp:
        from ui.app import OutpostApp

        settings = Settings(language=language, daily_backup=False)
        app = OutpostApp(qapp, data_paths, settings=settings, auto_lock_ms=auto_lock_ms)
        app.tasks.progress_delay_ms = 100  # keep progress windows quick to appear in tests
        made.append(app)
        return app

    yield make
    for app in made:
        close_app(app)


@pytest.fixture
def ui_app(make_app) -> OutpostApp:
    return make_app()


@pytest.fixture
def signed_in(ui_app: OutpostApp, core: ClinicCore) -> SignedInSession:
    core.settings.daily_backup = False
    ui_app._signed_in(core)
    assert ui_app.session is not None
    return ui_app.session


@dataclass
class Clinic:
    provider_id: uuid.UUID
    other_provider_id: uuid.UUID
    type_id: uuid.UUID


def set_up_clinic(core: ClinicCore) -> Clinic:
    """Two providers working 07:00–19:00 every day, and a 30-minute consultation."""
    every_day = {weekday: [(dt.time(7), dt.time(19))] for weekday in range(7)}
    first = core.admin.add_provider("Dr. Achieng Otieno", "Clinical officer", hours=every_day)
    second = core.admin.add_provider("Nurse Peter Mwangi", "Nurse", hours=every_day)
    kind = core.admin.add_appointment_type("Consultation", 30)
    return Clinic(first.value.id, second.value.id, kind.value.id)


def register(core: ClinicCore, given: str, family: str, **fields: str) -> uuid.UUID:
    from desktop.services.patients import PatientInput, register_patient

    with core.store.session() as session, session.begin():
        patient = register_patient(
            session,
            core.actor,
            PatientInput(given_name=given, family_name=family, **fields),
            region=core.region,
            search=core.search,
            confirmed_new=True,
        )
        return patient.id


def book(
    core: ClinicCore,
    clinic: Clinic,
    patient_id: uuid.UUID,
    starts_at: dt.datetime,
    provider_id: uuid.UUID | None = None,
) -> uuid.UUID:
    from desktop.services import scheduling

    with core.store.session() as session, session.begin():
        return scheduling.book(
            session,
            core.actor,
            patient_id=patient_id,
            provider_id=provider_id or clinic.provider_id,
            type_id=clinic.type_id,
            starts_at=starts_at,
        ).id


def visible_top_levels() -> list:
    return [w for w in QApplication.topLevelWidgets() if w.isVisible()]


def find_window(kind: type, *, visible: bool = True):
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, kind) and (widget.isVisible() or not visible):
            return widget
    return None
