"""Per-server state shared by the route modules, and the FastAPI dependencies that reach it."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Annotated

from fastapi import Depends, Path, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from cgn_seal_desktop.sandbox.clock import Clock
from cgn_seal_desktop.sandbox.db import Database
from cgn_seal_desktop.sandbox.errors import ApiError

__all__ = ["Ctx", "CtxDep", "DbId", "Limits", "UserId", "parse_ts", "token_hash", "ts"]


@dataclass(frozen=True)
class Limits:
    """Timings and sizes of the simulated service (tests may shrink them)."""

    access_ttl: timedelta = timedelta(minutes=15)
    refresh_ttl: timedelta = timedelta(days=30)
    login_max_failures: int = 5  # per account name
    login_max_failures_per_address: int = 20  # per client address, over all account names
    login_lockout: timedelta = timedelta(minutes=5)
    identity_ttl: timedelta = timedelta(minutes=5)
    deposit_working_days: int = 3
    deposit_attempts: int = 3
    payment_ttl: timedelta = timedelta(minutes=30)
    max_upload_bytes: int = 5 * 1024 * 1024
    price_cents_per_year: int = 30000


@dataclass
class Ctx:
    db: Database
    clock: Clock
    limits: Limits = field(default_factory=Limits)
    #: Where the sandbox is reachable (``http://127.0.0.1:PORT``); when set, QR payloads point
    #: to its simulation pages (/scan, /pay) instead of WeChat/Alipay-looking placeholders.
    public_url: str = ""
    #: Random per server start; the operator console's forms must send it back (see guard.py).
    ops_token: str = field(default_factory=lambda: secrets.token_urlsafe(24))

    def now(self) -> datetime:
        return self.clock.now()


def ts(moment: datetime) -> str:
    """Store a datetime as an ISO string (UTC, sortable)."""
    return moment.isoformat()


def parse_ts(text: str) -> datetime:
    return datetime.fromisoformat(text)


def token_hash(token: str) -> str:
    """Tokens are stored only as hashes, so a copied database grants no session."""
    return hashlib.sha256(token.encode()).hexdigest()


#: A row id in a path: bounded so that absurd numbers are a 422, not an SQLite overflow.
DbId = Annotated[int, Path(ge=1, le=2**62)]


def _ctx(request: Request) -> Ctx:
    ctx: Ctx = request.app.state.ctx
    return ctx


CtxDep = Annotated[Ctx, Depends(_ctx)]
_bearer = HTTPBearer(auto_error=False)


def _current_user(
    ctx: CtxDep,
    creds: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> int:
    if creds is None or creds.scheme.lower() != "bearer":
        raise ApiError(401, "not_authenticated", "Log in first")
    with ctx.db.tx() as conn:
        row = conn.execute(
            "SELECT user_id, expires_at, revoked FROM tokens WHERE token_hash=? AND kind='access'",
            (token_hash(creds.credentials),),
        ).fetchone()
    if row is None or row["revoked"]:
        raise ApiError(401, "invalid_token", "Session is not valid; log in again")
    if parse_ts(row["expires_at"]) <= ctx.now():
        raise ApiError(401, "token_expired", "Access token expired; refresh it")
    return int(row["user_id"])


#: The logged-in supplier's user id; every query of supplier data is filtered by it.
UserId = Annotated[int, Depends(_current_user)]
