"""The sandbox server's notion of "now", injectable so multi-day waits are testable.

The real service waits three working days for a bank deposit and expires QR codes after minutes;
tests and demos move a :class:`ManualClock` instead of sleeping.
"""

from __future__ import annotations

import threading
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Protocol

__all__ = ["CHINA_TZ", "Clock", "ManualClock", "SystemClock", "add_working_days"]

#: Business days are counted in China Standard Time (no DST).
CHINA_TZ = timezone(timedelta(hours=8), "CST")


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


def add_working_days(start: datetime, days: int) -> date:
    """The calendar date *days* working days (Mon–Fri, China time) after *start*'s date.

    Public holidays are not modelled; the real service's estimate is also only an estimate.
    """
    current = start.astimezone(CHINA_TZ).date()
    added = 0
    while added < days:
        current += timedelta(days=1)
        if current.weekday() < 5:
            added += 1
    return current
