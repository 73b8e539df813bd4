"""Login throttling: a guess is counted before it is evaluated, inside one write transaction.

Counting after the (slow, deliberately so) password hash let parallel requests all pass the
"locked?" check before any of them was counted: 40 parallel wrong passwords got 21 guesses
evaluated. Here each attempt first *claims* a slot in every bucket it belongs to (the account name
and the client address) in one ``BEGIN IMMEDIATE`` transaction; a bucket that is full refuses the
attempt without evaluating it. A successful login gives its claims back.

Buckets are keyed by the name typed, not by a user id, so guessing at unknown names is throttled
the same way (and answers the same way) as guessing at real ones.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta

from cgn_seal_desktop.sandbox.errors import ApiError

__all__ = ["Bucket", "claim", "give_back"]


@dataclass(frozen=True)
class Bucket:
    """Attempts counted together: *scope* ``account`` or ``address``, its *key*, and how many
    unsuccessful attempts within the lockout period lock it."""

    scope: str
    key: str
    limit: int


def claim(conn: sqlite3.Connection, buckets: list[Bucket], now: datetime,
          lockout: timedelta) -> None:
    """Count one attempt in every bucket, or raise 429 ``login_locked`` if any bucket is locked.

    Must run inside a write transaction (``Database.tx``), so that checking and counting are one
    step for concurrent requests. A bucket reaching its limit is locked for *lockout*; the attempt
    that filled it is still evaluated, the next ones are not.
    """
    t, span = now.timestamp(), lockout.total_seconds()
    conn.execute("DELETE FROM login_throttle WHERE last_at < ? AND"
                 " (locked_until IS NULL OR locked_until < ?)", (t - span, t))
    rows = {}
    wait = 0.0
    for b in buckets:
        row = conn.execute("SELECT failures, last_at, locked_until FROM login_throttle"
                           " WHERE scope=? AND key=?", (b.scope, b.key)).fetchone()
        rows[b] = row
        if row is not None and row[2] is not None and row[2] > t:
            wait = max(wait, row[2] - t)
    if wait:
        raise ApiError(429, "login_locked", "Too many failed logins; try again later",
                       headers={"Retry-After": str(int(wait) + 1)})
    for b, row in rows.items():
        failures = (row[0] if row is not None and row[1] >= t - span else 0) + 1
        locked = t + span if failures >= b.limit else None
        conn.execute("INSERT OR REPLACE INTO login_throttle(scope, key, failures, last_at,"
                     " locked_until) VALUES (?,?,?,?,?)", (b.scope, b.key, failures, t, locked))


def give_back(conn: sqlite3.Connection, buckets: list[Bucket]) -> None:
    """The attempt succeeded: the account starts afresh, the address gets its one claim back."""
    for b in buckets:
        if b.scope == "account":
            conn.execute("DELETE FROM login_throttle WHERE scope=? AND key=?", (b.scope, b.key))
        else:
            conn.execute("UPDATE login_throttle SET failures=MAX(failures-1, 0),"
                         " locked_until=CASE WHEN failures-1 < ? THEN NULL ELSE locked_until END"
                         " WHERE scope=? AND key=?", (b.limit, b.scope, b.key))
