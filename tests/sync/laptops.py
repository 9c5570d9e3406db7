"""Laptops of one clinic for sync tests: real stores in temporary folders, joined to a real
`outpost-hq` (tests/hqserver.py).

A clinic's store is made once per test module (`make_clinic`, or the session's
`clinic_template` fixture); each laptop is a copy of it (tests/clinic_template.py) with its own
device file, enrolled with its own one-time code, so all laptops share the clinic's id as the
laptops of one clinic do.
"""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import func, select

from desktop.app.patients import PatientInput
from desktop.app.session import sign_in
from desktop.core import ClinicCore
from desktop.paths import DataPaths
from desktop.store.models import OutboxEntry, Patient
from tests.clinic_template import copy_laptop, make_template
from tests.conftest import CLINIC, PASSWORD
from tests.hqserver import HqServer


def make_clinic(root: Path) -> Path:
    """A clinic's store in `root`, to be the `template` of `Laptops` (tests/clinic_template.py)."""
    return make_template(root)


class Laptops:
    """Makes laptops of the clinic in `template`, each enrolled at `hq` (when given)."""

    def __init__(self, template: Path, folder: Path, hq: HqServer | None) -> None:
        self.template = template
        self.folder = folder
        self.hq = hq
        self.open: list[ClinicCore] = []

    def new(self, name: str, *, url: str | None = None, enrol: bool = True) -> ClinicCore:
        root = self.folder / name
        copy_laptop(self.template, root, own_device=True)
        core = sign_in(DataPaths(root), "admin", PASSWORD)
        self.open.append(core)
        if enrol:
            assert self.hq is not None
            core.sync.enrol(url or self.hq.url, self.hq.enrol(CLINIC), device_name=name)
        return core

    def close(self) -> None:
        for core in self.open:
            core.close()


@contextlib.contextmanager
def laptops_of(template: Path, folder: Path, hq: HqServer | None) -> Iterator[Laptops]:
    made = Laptops(template, folder, hq)
    try:
        yield made
    finally:
        made.close()


def register(core: ClinicCore, given: str, family: str = "Achieng", **extra: str) -> uuid.UUID:
    data = PatientInput(given_name=given, family_name=family, estimated_age_years="30", **extra)
    return core.patients.register(data, confirmed_new=True).value


def patient_names(core: ClinicCore) -> set[str]:
    def read(session: object) -> set[str]:
        rows = session.execute(  # type: ignore[attr-defined]
            select(Patient.given_name, Patient.family_name).where(Patient.deleted.is_(False))
        )
        return {f"{g} {f}" for g, f in rows}

    return core.tx.read(read)


def unacked(core: ClinicCore) -> int:
    def read(session: object) -> int:
        return int(
            session.scalar(  # type: ignore[attr-defined]
                select(func.count()).select_from(OutboxEntry).where(OutboxEntry.acked_at.is_(None))
            )
        )

    return core.tx.read(read)
