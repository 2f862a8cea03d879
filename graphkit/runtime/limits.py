"""A time limit on a block of Python code (SIGALRM), for one document's extraction."""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator


class OverTime(Exception):
    """The block ran over its time limit."""


@contextlib.contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise :class:`OverTime` in the block once ``seconds`` have passed (SIGALRM: only in a
    main thread on a POSIX system; elsewhere the block runs without a limit)."""
    usable = (
        seconds
        and hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
    )
    if not usable:
        yield
        return

    def over(signum: int, frame: object) -> None:
        raise OverTime

    previous = signal.signal(signal.SIGALRM, over)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
