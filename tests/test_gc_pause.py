"""The cycle collector held off while a pulled page is applied (desktop/gc_pause.py)."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator

import pytest

from desktop.gc_pause import collector_paused


@pytest.fixture(autouse=True)
def _collector_restored() -> Iterator[None]:
    was = gc.isenabled()
    yield
    if was:
        gc.enable()
    else:
        gc.disable()


def test_the_collector_is_off_within_a_pause_and_on_again_after_it() -> None:
    gc.enable()
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_the_collector_is_on_again_after_a_pause_that_raised() -> None:
    gc.enable()
    with pytest.raises(RuntimeError), collector_paused():
        raise RuntimeError("a page HQ refused")
    assert gc.isenabled()


def test_a_pause_never_switches_on_a_collector_the_gui_switched_off() -> None:
    gc.disable()  # as ui/main_thread_gc.py does for the whole life of the GUI
    with collector_paused():
        assert not gc.isenabled()
    assert not gc.isenabled()


def test_the_collector_stays_off_until_the_last_of_overlapping_pauses_ends() -> None:
    gc.enable()
    inside, leave = threading.Event(), threading.Event()

    def other() -> None:
        with collector_paused():
            inside.set()
            leave.wait(5)

    thread = threading.Thread(target=other)
    with collector_paused():
        thread.start()
        assert inside.wait(5)
    assert not gc.isenabled()  # the other thread's pause still holds
    with collector_paused():
        assert not gc.isenabled()
    leave.set()
    thread.join(5)
    assert gc.isenabled()
