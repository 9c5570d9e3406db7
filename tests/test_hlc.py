"""The hybrid logical clock: never backwards, past all it has seen, sortable as text."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.hlc import ClockDriftError, HybridLogicalClock, Stamp

walls = st.lists(st.integers(min_value=0, max_value=2**41), min_size=1, max_size=50)
stamps = st.builds(
    Stamp,
    st.integers(0, 2**41),
    st.integers(0, 999_999),
    st.text("abcdef0123456789", min_size=1, max_size=8),
)


def clock_with(readings: list[int], node: str = "a") -> HybridLogicalClock:
    feed = iter(readings)
    last = [0]

    def wall() -> int:
        last[0] = next(feed, last[0])
        return last[0]

    return HybridLogicalClock(node, wall=wall, max_drift_ms=2**42)


@given(walls)
def test_local_stamps_strictly_increase_even_when_the_wall_clock_goes_back(
    readings: list[int],
) -> None:
    clock = clock_with(readings)
    issued = [clock.now() for _ in readings]
    assert all(a < b for a, b in itertools.pairwise(issued))


@given(walls, st.lists(stamps, min_size=1, max_size=20))
def test_observing_a_remote_stamp_moves_past_it_and_past_everything_before(
    readings: list[int], remotes: list[Stamp]
) -> None:
    clock = clock_with(readings * 3)
    previous = clock.now()
    for remote in remotes:
        merged = clock.observe(remote)
        assert (merged.wall_ms, merged.counter) > (remote.wall_ms, remote.counter)
        assert merged > previous
        previous = merged


@given(stamps, stamps)
def test_the_text_encoding_sorts_like_the_stamps(a: Stamp, b: Stamp) -> None:
    assert Stamp.decode(a.encode()) == a
    assert (a.encode() < b.encode()) == (a < b)


def test_counter_overflow_borrows_the_next_millisecond() -> None:
    clock = clock_with([5])
    clock.observe(Stamp(5, 999_999, "b"))
    assert clock.now() > Stamp(5, 999_999, "b")


def test_a_stamp_far_in_the_future_is_refused() -> None:
    clock = HybridLogicalClock("a", wall=lambda: 1_000_000)
    with pytest.raises(ClockDriftError, match="ahead"):
        clock.observe(Stamp(1_000_000 + 10 * 60 * 1000, 0, "b"))
    assert clock.now().wall_ms == 1_000_000


@pytest.mark.parametrize("bad", ["", "12-3", "abc", "000000000000001-000001-"])
def test_malformed_stamps_are_rejected(bad: str) -> None:
    with pytest.raises(ValueError):
        Stamp.decode(bad)
