"""The time limit on a block of code: in the main thread (SIGALRM) and in another (a
watchdog thread), interrupting Python code and leaving no timer behind."""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Callable, Iterator
from types import FrameType

import pytest

from dateline._timelimit import TimeLimitExceeded, time_limit


def spin(seconds: float) -> None:
    """A Python busy loop: what a runaway stage looks like."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        pass


class Alarmed(Exception):
    pass


def _outer_handler(signum: int, frame: FrameType | None) -> None:
    raise Alarmed


@pytest.fixture()
def outer_timer() -> Iterator[None]:
    """An outer SIGALRM handler and timer (30 s), as a test runner's timeout would be."""
    signal.signal(signal.SIGALRM, _outer_handler)
    signal.setitimer(signal.ITIMER_REAL, 30)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, signal.SIG_DFL)


def in_thread(fn: Callable[[], object]) -> object:
    """``fn``'s result (or exception) when run in a thread other than the main one."""
    outcome: list[object] = []

    def run() -> None:
        try:
            outcome.append(fn())
        except BaseException as exc:
            outcome.append(exc)

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(10)
    assert not thread.is_alive()
    return outcome[0]


def _watchdogs() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if isinstance(t, threading.Timer)]


def test_a_busy_loop_in_the_main_thread_is_interrupted(outer_timer: None) -> None:
    started = time.monotonic()
    with pytest.raises(TimeLimitExceeded) as raised, time_limit(0.1, "annotating"):
        spin(5)
    assert time.monotonic() - started < 1
    assert str(raised.value) == "annotating took over 0.1 s"
    assert (raised.value.seconds, raised.value.what) == (0.1, "annotating")
    # The outer handler and timer are back, the time spent counted against the timer.
    assert signal.getsignal(signal.SIGALRM) is _outer_handler
    left, _ = signal.getitimer(signal.ITIMER_REAL)
    assert 28 < left < 29.95


def test_work_done_in_time_raises_nothing_then_or_later(outer_timer: None) -> None:
    with time_limit(0.1, "annotating"):
        spin(0.01)
    spin(0.25)  # past the limit: no alarm left to go off
    assert signal.getsignal(signal.SIGALRM) is _outer_handler
    assert 29 < signal.getitimer(signal.ITIMER_REAL)[0] <= 30


def test_a_failing_block_restores_the_timer_too() -> None:
    with pytest.raises(ValueError, match="broken"), time_limit(5):
        raise ValueError("broken")
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    assert signal.getsignal(signal.SIGALRM) is signal.SIG_DFL


def test_a_blocking_call_in_the_main_thread_is_interrupted() -> None:
    started = time.monotonic()
    with pytest.raises(TimeLimitExceeded), time_limit(0.1):
        time.sleep(5)
    assert time.monotonic() - started < 1


def test_no_limit_sets_no_timer() -> None:
    for seconds in (None, 0):
        with time_limit(seconds):
            assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
            assert signal.getsignal(signal.SIGALRM) is signal.SIG_DFL
            spin(0.01)


def test_nested_limits_each_fire_at_their_own_time() -> None:
    # The inner limit due first is the inner's; the outer one then still holds.
    started = time.monotonic()
    with pytest.raises(TimeLimitExceeded) as outer, time_limit(0.3, "outer"):
        with pytest.raises(TimeLimitExceeded) as inner, time_limit(0.1, "inner"):
            spin(5)
        assert inner.value.what == "inner"
        spin(5)
    assert outer.value.what == "outer"
    assert 0.29 < time.monotonic() - started < 1.5
    # An outer limit due before the inner one fires first, as the outer's.
    with pytest.raises(TimeLimitExceeded) as first, time_limit(0.1, "outer"), time_limit(5):
        spin(5)
    assert first.value.what == "outer"
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    assert signal.getsignal(signal.SIGALRM) is signal.SIG_DFL


def test_a_busy_loop_in_another_thread_is_interrupted() -> None:
    def slow() -> float:
        started = time.monotonic()
        with time_limit(0.1, "annotating"):
            spin(5)
        return started

    started = time.monotonic()
    outcome = in_thread(slow)
    assert isinstance(outcome, TimeLimitExceeded), outcome
    assert str(outcome) == "annotating took over 0.1 s"
    assert time.monotonic() - started < 1
    # No signal is involved off the main thread.
    assert signal.getsignal(signal.SIGALRM) is signal.SIG_DFL


def test_work_done_in_time_in_another_thread_is_left_alone() -> None:
    def quick() -> str:
        for _ in range(50):
            with time_limit(0.1):
                spin(0.001)
        spin(0.25)  # past every limit: no exception is still pending
        return "done"

    assert in_thread(quick) == "done"
    # Every watchdog was cancelled and has ended.
    deadline = time.monotonic() + 2
    while _watchdogs() and time.monotonic() < deadline:
        time.sleep(0.01)
    assert not _watchdogs()
