"""A time limit on a block of Python code: ``with time_limit(60, "annotating"): ...``.

When the block runs past its limit, ``TimeLimitExceeded`` is raised inside it, so the
caller can record the work as failed and go on. In the main thread an interval timer
(``signal.setitimer``) delivers SIGALRM, whose handler raises; any handler and timer in
place before (an outer limit, a test runner's timeout) are restored afterwards, and an
outer limit due first still fires first. In any other thread (the web app runs an ingest
in a worker thread) a watchdog thread raises the exception in the target thread through
``PyThreadState_SetAsyncExc``.

Both only interrupt Python bytecode. CPython's regex engine checks for signals as it
matches, so in the main thread a runaway regular expression is interrupted too; but a C
extension stuck in one long call (a spaCy component's Cython loop, a C parser) cannot be
interrupted by either, and neither can a blocking C call in a thread other than the main
one: the exception arrives once control comes back to Python. That is why the size
limits (``Limits.max_bytes``, ``max_chars``, ``max_ratio``) stay the first line of
defence, and this limit the second.
"""

from __future__ import annotations

import ctypes
import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

__all__ = ["TimeLimitExceeded", "time_limit"]


class TimeLimitExceeded(BaseException):
    """A block ran past its time limit.

    A BaseException, like KeyboardInterrupt, so that code inside the block catching
    ``Exception`` does not swallow it and go on past the limit: the one who set the
    limit catches it.
    """

    def __init__(self, seconds: float | None = None, what: str = "") -> None:
        super().__init__(seconds, what)
        self.seconds = seconds
        self.what = what

    def __str__(self) -> str:
        what = self.what or "the work"
        if self.seconds is None:
            return f"{what} ran past its time limit"
        return f"{what} took over {self.seconds:g} s"


@contextmanager
def time_limit(seconds: float | None, what: str = "") -> Iterator[None]:
    """Raise ``TimeLimitExceeded(seconds, what)`` in the block if it runs longer than
    ``seconds``; None or 0 sets no limit. Safe to nest, in the main thread or another."""
    if not seconds or seconds <= 0:
        yield
        return
    if threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer"):
        alarm = _Alarm(seconds, what)
        alarm.start()
        try:
            yield
        finally:
            alarm.stop()
    else:
        with _watchdog(seconds, what):
            yield


class _Alarm:
    """SIGALRM after ``seconds``, raising in the main thread; the previous handler and
    timer back once it fires or is stopped (whichever comes first, and only once)."""

    def __init__(self, seconds: float, what: str) -> None:
        self.seconds, self.what = seconds, what
        self.active = False

    def start(self) -> None:
        # None: a handler not set from Python, which cannot be put back; the default then.
        self.previous = signal.getsignal(signal.SIGALRM) or signal.SIG_DFL
        self.previous_delay, self.previous_interval = signal.getitimer(signal.ITIMER_REAL)
        self.started = time.monotonic()
        # An outer timer due before this limit fires first, as it would have.
        self.ours_first = not self.previous_delay or self.seconds <= self.previous_delay
        delay = self.seconds if self.ours_first else self.previous_delay
        self.active = True
        signal.signal(signal.SIGALRM, self._on_alarm)
        signal.setitimer(signal.ITIMER_REAL, delay)

    def stop(self) -> None:
        """Put back the handler and timer that were in place (idempotent)."""
        if not self.active:
            return
        self.active = False
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, self.previous)
        if self.previous_delay:
            left = self.previous_delay - (time.monotonic() - self.started)
            # Overdue: fire at once, for the previous handler to do what it would have.
            signal.setitimer(signal.ITIMER_REAL, max(left, 1e-6), self.previous_interval)

    def _on_alarm(self, signum: int, frame: FrameType | None) -> None:
        if not self.active:  # the block is over: stop() is putting things back
            return
        # Before raising, so whatever catches it finds everything as it was. When an outer
        # timer is due first, this puts it back overdue: it fires at once, through its own
        # handler (which usually ends this block too; if it does not, this limit is given
        # up rather than fire out of turn).
        self.stop()
        if self.ours_first:
            raise TimeLimitExceeded(self.seconds, self.what)


_set_async_exc = ctypes.pythonapi.PyThreadState_SetAsyncExc


def _raise_in(thread_id: int, exception: type[BaseException] | None) -> None:
    """Have ``exception`` raised in the thread at its next bytecode (None: no longer)."""
    pending = None if exception is None else ctypes.py_object(exception)  # None: NULL
    if _set_async_exc(ctypes.c_ulong(thread_id), pending) > 1:  # never expected: undo
        _set_async_exc(ctypes.c_ulong(thread_id), None)


@contextmanager
def _watchdog(seconds: float, what: str) -> Iterator[None]:
    target = threading.get_ident()
    lock = threading.Lock()
    state = {"armed": True, "fired": False}

    def fire() -> None:
        with lock:
            if state["armed"]:
                state["fired"] = True
                # CPython raises a class here, never an instance: the details are added
                # when it is caught below.
                _raise_in(target, TimeLimitExceeded)

    timer = threading.Timer(seconds, fire)
    timer.daemon = True
    timer.start()
    try:
        yield
    except TimeLimitExceeded as exc:
        if state["fired"] and exc.seconds is None:  # ours, raised without details
            raise TimeLimitExceeded(seconds, what) from None
        raise
    finally:
        with lock:
            state["armed"] = False
            if state["fired"]:  # fired as the block ended: not to be raised after it
                _raise_in(target, None)
        timer.cancel()
