"""A walk-in travels through a real `outpost-hq` like any appointment: checked in on one
laptop, it is in the other's check-in queue, marked walk-in; its consultation started there
comes back; and a booking the other laptop made at the same time for the same provider is
no double booking on either side."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.app.remote import DOUBLE_BOOKED
from desktop.app.schedule import AppointmentStatus
from desktop.clock import ClinicClock
from tests.hqserver import HqServer
from tests.sync.laptops import Laptops, laptops_of, make_clinic, register, unacked


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_clinic(tmp_path_factory.mktemp("clinic") / "template")


@pytest.fixture
def laptops(template: Path, tmp_path: Path, hq_sqlite: HqServer) -> Iterator[Laptops]:
    with laptops_of(template, tmp_path / "laptops", hq_sqlite) as made:
        yield made


def test_a_walk_in_checked_in_on_one_laptop_is_in_the_other_s_queue(laptops: Laptops) -> None:
    a = laptops.new("a")
    b = laptops.new("b")
    every_day = {day: [(dt.time(0), dt.time(23, 45))] for day in range(7)}
    doctor = a.admin.add_provider("Dr. Achieng Otieno", hours=every_day).value.id
    kind = a.admin.add_appointment_type("Consultation", 15).value.id
    walker = register(a, "Wanjiru")
    booked = register(a, "Juma")
    a.sync.sync_now()
    b.sync.sync_now()  # the clinic's set-up and the patients reach B

    # Both laptops' clinic clocks stopped at yesterday 10:00: on the real clock, from 23:31
    # the 15-minute booking at the walk-in's time ran past the doctor's 23:45 and was refused.
    # Yesterday, so the consultation started on the real clock comes after the arrival.
    ten = dt.datetime.combine(a.today() - dt.timedelta(days=1), dt.time(10), a.zone)
    for core in (a, b):
        core.clock = ClinicClock(core.zone, now=lambda: ten)
    walk = a.schedule.walk_in(walker, doctor, kind, "Fever").value
    # Meanwhile B books Juma with the same doctor at the time Wanjiru walked in.
    now = b.clock.now().replace(tzinfo=None, second=0, microsecond=0)
    b.schedule.book(
        patient_id=booked, provider_id=doctor, type_id=kind, starts_at=now, same_day_ok=True
    )
    sent = a.sync.sync_now()
    assert sent.rejected == () and unacked(a) == 0
    b.sync.sync_now()
    a.sync.sync_now()

    queue = b.schedule.today().queue
    assert [w.entry.appointment_id for w in queue] == [walk.appointment_id]
    assert queue[0].entry.walk_in and queue[0].entry.reason == "Fever"
    for core in (a, b):
        assert DOUBLE_BOOKED not in [i.reason for i in core.remote.needs_attention()]

    # The consultation starts on B; A learns it at its next sync.
    b.schedule.start(walk.appointment_id)
    b.sync.sync_now()
    a.sync.sync_now()
    seen = a.schedule.appointment(walk.appointment_id)
    assert seen.status is AppointmentStatus.IN_CONSULTATION and seen.walk_in
    assert a.sync.sync_now().counts_differ == ()
