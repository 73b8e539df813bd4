"""The sandbox server's notion of "now", injectable so multi-day waits are testable.

The real service waits three working days for a bank deposit and expires QR codes after minutes;
tests and demos move a :class:`ManualClock` instead of sleeping.
"""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta
from typing import Protocol

from cgn_seal_desktop.portal.workdays import CHINA_TZ, add_working_days

__all__ = ["CHINA_TZ", "Clock", "ManualClock", "SystemClock", "add_working_days"]

class Clock(Protocol):
    """Anything that tells the current time as a timezone-aware UTC datetime."""

    def now(self) -> datetime: ...


class SystemClock:
    """The wall clock."""

    def now(self) -> datetime:
        return datetime.now(UTC)


class ManualClock:
    """A clock that only moves when told to (thread-safe)."""

    def __init__(self, start: datetime | None = None) -> None:
        self._now = start or datetime.now(UTC)
        self._lock = threading.Lock()

    def now(self) -> datetime:
        with self._lock:
            return self._now

    def advance(self, delta: timedelta) -> None:
        """Move the clock forward by *delta*."""
        with self._lock:
            self._now += delta
