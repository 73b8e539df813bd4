"""Working-day arithmetic in China time (used for "within three working days" estimates)."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

__all__ = ["CHINA_TZ", "add_working_days", "china_date"]

#: Business days are counted in China Standard Time (UTC+8, no DST).
CHINA_TZ = timezone(timedelta(hours=8), "CST")


def china_date(moment: datetime) -> date:
    """The calendar date in China at *moment* (aware datetime)."""
    return moment.astimezone(CHINA_TZ).date()


def add_working_days(start: datetime, days: int) -> date:
    """The date *days* working days (Mon–Fri, China time) after *start*'s date.

    Public holidays are not modelled; the service's own estimate is only an estimate too.
    """
    current = china_date(start)
    added = 0
    while added < days:
        current += timedelta(days=1)
        if current.weekday() < 5:
            added += 1
    return current
