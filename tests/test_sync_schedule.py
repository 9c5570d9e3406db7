"""The automatic sync's policy with a fake clock: the clinic's schedule (every N minutes, set
times in the clinic's time zone), backoff with jitter after failures, offline until a probe
answers, metered (nothing automatic), stopped when retrying cannot help, and the settings
that carry the plan."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from pathlib import Path

import pytest

from desktop.app.sync_schedule import (
    Backoff,
    Outcome,
    Reason,
    SyncPlan,
    SyncScheduler,
    next_set_time,
    parse_times,
)
from desktop.errors import InvalidInput
from desktop.settings import Settings, load_settings, save_settings

NAIROBI = zoneinfo.ZoneInfo("Africa/Nairobi")  # UTC+3, no DST
T0 = dt.datetime(2026, 3, 10, 6, 0, tzinfo=dt.UTC)  # 09:00 in Nairobi


def at(minutes: float) -> dt.datetime:
    return T0 + dt.timedelta(minutes=minutes)


def fixed(value: float) -> Backoff:
    return Backoff(base_s=60, cap_s=600, rand=lambda: value)


def scheduler(plan: SyncPlan | None = None, **kw) -> SyncScheduler:
    kw.setdefault("backoff", fixed(0.5))
    kw.setdefault("start_delay_s", 120)
    return SyncScheduler(plan or SyncPlan(), NAIROBI, started=T0, **kw)


def test_backoff_doubles_up_to_its_cap_with_jitter_within_half_a_step() -> None:
    low, high = fixed(0.0), fixed(1.0)
    assert [low.delay(n) for n in range(1, 7)] == [30, 60, 120, 240, 300, 300]
    assert [high.delay(n) for n in range(1, 7)] == [60, 120, 240, 480, 600, 600]
    assert fixed(0.5).delay(1) == 45
    assert low.delay(10_000) == 300  # no overflow after days offline
    real = Backoff(base_s=60, cap_s=600)
    draws = {real.delay(3) for _ in range(200)}
    assert all(120 <= d <= 240 for d in draws) and len(draws) > 100  # really jittered


def test_a_laptop_never_synced_tries_after_the_start_delay_then_every_n_minutes() -> None:
    s = scheduler(SyncPlan(every_minutes=30))
    first = s.next(at(0))
    assert first.reason is Reason.SCHEDULE and first.at == at(2)
    assert not s.due(at(1)) and s.due(at(2))
    s.probed(at(2), True)
    s.finished(at(2.5), Outcome.SYNCED)
    assert s.next(at(3)).at == at(32.5)
    assert not s.due(at(32)) and s.due(at(33))


def test_a_sync_made_elsewhere_counts_and_the_start_delay_holds() -> None:
    s = scheduler(SyncPlan(every_minutes=30), last_success=at(-29))
    assert s.next(at(0)).at == at(2)  # overdue by the plan, but not during sign-in
    s.note_success(at(1))  # `outpost sync` from the command line
    s.note_success(at(-100))  # older: ignored
    assert s.next(at(1)).at == at(31)


def test_set_times_are_the_clinics_clock_and_come_round_each_day() -> None:
    plan = SyncPlan(every_minutes=0, at_times=parse_times("13:00, 07:30"))
    s = scheduler(plan, last_success=at(0))  # 09:00 Nairobi
    assert s.next(at(1)).at == dt.datetime(2026, 3, 10, 10, 0, tzinfo=dt.UTC)  # 13:00 EAT
    s.finished(dt.datetime(2026, 3, 10, 10, 1, tzinfo=dt.UTC), Outcome.SYNCED)
    assert s.next(at(300)).at == dt.datetime(2026, 3, 11, 4, 30, tzinfo=dt.UTC)  # 07:30 next day
    # Both kinds: whichever comes first.
    both = scheduler(SyncPlan(every_minutes=120, at_times=(dt.time(10, 0),)), last_success=at(0))
    assert both.next(at(1)).at == dt.datetime(2026, 3, 10, 7, 0, tzinfo=dt.UTC)


def test_next_set_time_across_a_dst_change() -> None:
    paris = zoneinfo.ZoneInfo("Europe/Paris")
    before = dt.datetime(2026, 3, 28, 21, 0, tzinfo=dt.UTC)  # Sat 22:00 CET
    got = next_set_time([dt.time(8, 0)], before, paris)
    assert got == dt.datetime(2026, 3, 29, 6, 0, tzinfo=dt.UTC)  # Sun 08:00 CEST
    assert next_set_time([], before, paris) is None


def test_offline_backs_off_until_a_probe_answers_then_syncs_on_schedule() -> None:
    s = scheduler(SyncPlan(every_minutes=30), last_success=at(-60))
    assert s.due(at(2))
    s.probed(at(2), False)
    after = s.next(at(2))
    assert after.reason is Reason.OFFLINE and after.at == at(2) + dt.timedelta(seconds=45)
    s.probed(after.at, False)
    s.probed(after.at, False)
    assert s.failures == 3
    third = s.next(after.at)
    assert third.at == after.at + dt.timedelta(seconds=180)  # (240/2 + 0.5·240/2)
    # The link is back: the probe answers, the sync runs and the schedule starts again.
    s.probed(third.at, True)
    assert not s.offline
    s.finished(third.at, Outcome.SYNCED)
    assert s.failures == 0 and s.next(third.at).reason is Reason.SCHEDULE
    assert s.next(third.at).at == third.at + dt.timedelta(minutes=30)


def test_a_failed_sync_retries_and_a_cut_link_is_offline() -> None:
    s = scheduler(last_success=at(-60))
    s.finished(at(3), Outcome.FAILED)
    assert s.next(at(3)).reason is Reason.RETRY
    s.finished(at(4), Outcome.UNREACHABLE)
    nxt = s.next(at(4))
    assert nxt.reason is Reason.OFFLINE and nxt.at == at(4) + dt.timedelta(seconds=90)


def test_busy_tries_again_soon_without_growing_the_backoff() -> None:
    s = scheduler(last_success=at(-60))
    s.finished(at(3), Outcome.BUSY)
    s.finished(at(4), Outcome.BUSY)
    assert s.failures == 0
    assert s.next(at(4)).at == at(4) + dt.timedelta(seconds=45)


def test_a_cancelled_sync_is_not_started_again_before_the_next_period() -> None:
    s = scheduler(SyncPlan(every_minutes=30), last_success=at(-600))
    s.finished(at(5), Outcome.CANCELLED)
    assert s.failures == 0 and s.next(at(5)).at == at(35)
    m = scheduler(SyncPlan(every_minutes=0, at_times=(dt.time(12, 0),)), last_success=at(-600))
    m.finished(at(5), Outcome.CANCELLED)
    assert m.next(at(5)).at == at(15)  # the backoff's cap (600 s)


def test_stopped_until_a_person_acts() -> None:
    s = scheduler(last_success=at(-60))
    s.finished(at(3), Outcome.STOPPED)  # revoked, update required
    assert s.next(at(3)).at is None and s.next(at(3)).reason is Reason.STOPPED
    assert not s.due(at(10_000))
    assert not s.wants_closing_sync(5)
    s.finished(at(5), Outcome.SYNCED)  # synced by hand once it was put right
    assert s.next(at(5)).reason is Reason.SCHEDULE
    s.finished(at(6), Outcome.STOPPED)
    s.set_plan(SyncPlan(every_minutes=10))  # a changed setting is a fresh start
    assert s.next(at(6)).at == at(15)


def test_metered_means_nothing_automatic() -> None:
    s = scheduler(SyncPlan(automatic=False), last_success=at(-600))
    assert s.next(at(100)).at is None and s.next(at(100)).reason is Reason.METERED
    assert not s.due(at(100_000))
    assert not s.wants_closing_sync(10)
    s.finished(at(5), Outcome.UNREACHABLE)  # a sync asked for by hand failed: still nothing
    assert s.next(at(5)).at is None


def test_closing_sync_only_with_changes_waiting() -> None:
    s = scheduler()
    assert s.wants_closing_sync(3)
    assert not s.wants_closing_sync(0)
    assert not scheduler(SyncPlan(on_close=False)).wants_closing_sync(3)


def test_only_set_times_and_none_set_means_no_automatic_sync_after_the_first() -> None:
    s = scheduler(SyncPlan(every_minutes=0), last_success=at(0))
    assert s.next(at(1)).at is None


def test_times_typed_by_a_person() -> None:
    assert parse_times("") == ()
    assert parse_times(" 17:45; 07:30 13:00, 07:30") == (
        dt.time(7, 30),
        dt.time(13, 0),
        dt.time(17, 45),
    )
    for bad in ("25:00", "7h30", "12:5", "noon", "12:00:00"):
        with pytest.raises(InvalidInput) as caught:
            parse_times(bad)
        assert "is not a time of day" in str(caught.value)
        assert caught.value.field == "sync_at"


def test_the_plan_lives_in_settings_json(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    assert load_settings(path).sync_plan() == SyncPlan()
    save_settings(
        path,
        Settings(
            sync_automatic=False, sync_every_minutes=90, sync_at=["07:30"], sync_on_close=False
        ),
    )
    plan = load_settings(path).sync_plan()
    assert plan == SyncPlan(False, 90, (dt.time(7, 30),), False)
    with pytest.raises(InvalidInput):
        save_settings(path, Settings(sync_every_minutes=-5))
    with pytest.raises(InvalidInput):
        save_settings(path, Settings(sync_at=["later"]))
    assert load_settings(path).sync_every_minutes == 90  # nothing bad was written
