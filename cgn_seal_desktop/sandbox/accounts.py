"""Accounts and sessions: register, login (throttled), refresh (rotating), logout."""

from __future__ import annotations

import hashlib
import hmac
import secrets
import sqlite3
from typing import Annotated

from fastapi import APIRouter, Depends, Request, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from cgn_seal_desktop.identifiers import is_valid_mobile
from cgn_seal_desktop.portal.models import (
    Account,
    LoginRequest,
    RefreshRequest,
    RegisterRequest,
    TokenPair,
)
from cgn_seal_desktop.sandbox import throttle
from cgn_seal_desktop.sandbox.context import Ctx, CtxDep, UserId, parse_ts, token_hash, ts
from cgn_seal_desktop.sandbox.errors import ERROR_RESPONSES, ApiError
from cgn_seal_desktop.sandbox.throttle import Bucket

__all__ = ["account_from_row", "hash_password", "router"]

router = APIRouter(prefix="/v1", tags=["accounts"], responses=ERROR_RESPONSES)

# scrypt cost: n=2**14, r=8 ≈ 16 MiB and some tens of ms; fine for a sandbox, in line with OWASP.
_SCRYPT = {"n": 2**14, "r": 8, "p": 1, "dklen": 32}


def hash_password(password: str, salt: bytes) -> bytes:
    """scrypt hash of *password* with *salt*."""
    return hashlib.scrypt(password.encode(), salt=salt, **_SCRYPT)


def account_from_row(row: sqlite3.Row) -> Account:
    return Account(
        id=row["id"],
        username=row["username"],
        company_name=row["company_name"],
        contact_name=row["contact_name"],
        mobile=row["mobile"],
        email=row["email"],
        created_at=parse_ts(row["created_at"]),
    )


def _issue_tokens(ctx: Ctx, conn: sqlite3.Connection, user_id: int, family: str) -> TokenPair:
    now = ctx.now()
    access, refresh = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
    access_exp, refresh_exp = now + ctx.limits.access_ttl, now + ctx.limits.refresh_ttl
    conn.executemany(
        "INSERT INTO tokens(token_hash, user_id, kind, family, expires_at) VALUES (?,?,?,?,?)",
        [
            (token_hash(access), user_id, "access", family, ts(access_exp)),
            (token_hash(refresh), user_id, "refresh", family, ts(refresh_exp)),
        ],
    )
    return TokenPair(
        access_token=access,
        refresh_token=refresh,
        access_expires_at=access_exp,
        refresh_expires_at=refresh_exp,
    )


@router.post("/accounts", status_code=201, response_model=Account)
def register(body: RegisterRequest, ctx: CtxDep) -> Account:
    """供应商注册: create a supplier account."""
    if not is_valid_mobile(body.mobile):
        raise ApiError(422, "validation_failed", "Invalid input", {"mobile": "手机号码格式不正确"})
    salt = secrets.token_bytes(16)
    pw_hash = hash_password(body.password, salt)
    with ctx.db.tx() as conn:
        if conn.execute("SELECT 1 FROM users WHERE username=?", (body.username,)).fetchone():
            raise ApiError(409, "username_taken", "Username already registered",
                           {"username": "用户名已被注册"})
        cur = conn.execute(
            "INSERT INTO users(username, pw_salt, pw_hash, company_name, contact_name, mobile,"
            " email, created_at) VALUES (?,?,?,?,?,?,?,?)",
            (body.username, salt, pw_hash, body.company_name, body.contact_name, body.mobile,
             body.email, ts(ctx.now())),
        )
        row = conn.execute("SELECT * FROM users WHERE id=?", (cur.lastrowid,)).fetchone()
    return account_from_row(row)


@router.post("/sessions", response_model=TokenPair)
def login(body: LoginRequest, ctx: CtxDep, request: Request) -> TokenPair:
    """Log in; after repeated failures for an account, or from one address, it is locked for a
    while (429), even for the right password."""
    now = ctx.now()
    address = request.client.host if request.client is not None else "unknown"
    buckets = [Bucket("account", body.username, ctx.limits.login_max_failures),
               Bucket("address", address, ctx.limits.login_max_failures_per_address)]
    with ctx.db.tx() as conn:
        throttle.claim(conn, buckets, now, ctx.limits.login_lockout)  # counted before evaluated
        row = conn.execute("SELECT * FROM users WHERE username=?", (body.username,)).fetchone()
    # Hashed outside the database lock (it is the slow part), and for unknown users too, so
    # timing does not reveal which usernames exist.
    salt = row["pw_salt"] if row is not None else b"\0" * 16
    candidate = hash_password(body.password, salt)
    if row is None or not hmac.compare_digest(candidate, row["pw_hash"]):
        raise ApiError(401, "bad_credentials", "Wrong username or password")
    with ctx.db.tx() as conn:
        throttle.give_back(conn, buckets)
        return _issue_tokens(ctx, conn, row["id"], secrets.token_hex(8))


@router.post("/sessions/refresh", response_model=TokenPair)
def refresh(body: RefreshRequest, ctx: CtxDep) -> TokenPair:
    """Exchange a refresh token for a new pair; the old refresh token stops working."""
    with ctx.db.tx() as conn:
        row = conn.execute(
            "SELECT * FROM tokens WHERE token_hash=? AND kind='refresh'",
            (token_hash(body.refresh_token),),
        ).fetchone()
        if row is None or row["revoked"] or parse_ts(row["expires_at"]) <= ctx.now():
            raise ApiError(401, "session_expired", "Session expired; log in again")
        # Rotation: revoke the whole family (old access token included), issue a new pair.
        conn.execute("UPDATE tokens SET revoked=1 WHERE family=?", (row["family"],))
        return _issue_tokens(ctx, conn, row["user_id"], secrets.token_hex(8))


_bearer = HTTPBearer(auto_error=False)


@router.delete("/sessions/current", status_code=204)
def logout(
    user_id: UserId,
    ctx: CtxDep,
    creds: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> Response:
    """Log out: the access token and its refresh token stop working."""
    assert creds is not None  # UserId already required a bearer token
    with ctx.db.tx() as conn:
        row = conn.execute("SELECT family FROM tokens WHERE token_hash=?",
                           (token_hash(creds.credentials),)).fetchone()
        if row is not None:
            conn.execute("UPDATE tokens SET revoked=1 WHERE family=? AND user_id=?",
                         (row["family"], user_id))
    return Response(status_code=204)


@router.get("/me", response_model=Account)
def me(user_id: UserId, ctx: CtxDep) -> Account:
    """The logged-in supplier's account."""
    with ctx.db.tx() as conn:
        row = conn.execute("SELECT * FROM users WHERE id=?", (user_id,)).fetchone()
    if row is None:
        raise ApiError(401, "invalid_token", "Account no longer exists")
    return account_from_row(row)
