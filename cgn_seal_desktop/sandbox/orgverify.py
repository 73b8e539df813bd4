"""机构认证: six elements → operator identity (QR) → bank account → deposit random code.

The server enforces the order; every transition checks the current state and answers 409 when
the step is not allowed now. Time-driven transitions (QR expiry, the deposit arriving on the
expected date) are applied lazily whenever the state is read.
"""

from __future__ import annotations

import hmac
import secrets
import sqlite3

from fastapi import APIRouter

from cgn_seal_desktop.portal.models import (
    BankAccount,
    DepositCodeRequest,
    DepositInfo,
    ElementSchema,
    IdentitySession,
    IdentityStatus,
    OrgElements,
    OrgVerification,
    OrgVerificationState,
)
from cgn_seal_desktop.sandbox.clock import CHINA_TZ, add_working_days
from cgn_seal_desktop.sandbox.context import Ctx, CtxDep, DbId, UserId, parse_ts, ts
from cgn_seal_desktop.sandbox.elements import ELEMENT_SCHEMA, normalise_name, validate_elements
from cgn_seal_desktop.sandbox.errors import ERROR_RESPONSES, ApiError

__all__ = ["identity_from_row", "load_verification", "router"]

router = APIRouter(prefix="/v1/org-verification", tags=["org-verification"],
                   responses=ERROR_RESPONSES)
S = OrgVerificationState
_CANCELLABLE = {S.IDENTITY, S.BANK, S.DEPOSIT_PENDING, S.DEPOSIT_SENT, S.LOCKED}


def _row(ctx: Ctx, conn: sqlite3.Connection, user_id: int) -> sqlite3.Row:
    row = conn.execute("SELECT * FROM orgverify WHERE user_id=?", (user_id,)).fetchone()
    if row is None:
        conn.execute("INSERT INTO orgverify(user_id, state, updated_at) VALUES (?,?,?)",
                     (user_id, S.EDITING.value, ts(ctx.now())))
        row = conn.execute("SELECT * FROM orgverify WHERE user_id=?", (user_id,)).fetchone()
    return row


def identity_from_row(ctx: Ctx, conn: sqlite3.Connection, row: sqlite3.Row) -> IdentitySession:
    """The identity session, expiring it first if its QR code has timed out."""
    status = IdentityStatus(row["status"])
    if status in (IdentityStatus.PENDING, IdentityStatus.SCANNED) and (
        parse_ts(row["expires_at"]) <= ctx.now()
    ):
        status = IdentityStatus.EXPIRED
        conn.execute("UPDATE identity_sessions SET status=? WHERE id=?", (status.value, row["id"]))
    return IdentitySession(
        id=row["id"],
        status=status,
        qr_payload=(f"{ctx.public_url}/scan/{row['nonce']}" if ctx.public_url else
                    f"https://open.weixin.qq.com/sandbox/identity?nonce={row['nonce']}"),
        created_at=parse_ts(row["created_at"]),
        expires_at=parse_ts(row["expires_at"]),
        failure_reason=row["failure_reason"],
    )


def load_verification(ctx: Ctx, conn: sqlite3.Connection, user_id: int) -> OrgVerification:
    """The supplier's verification, with lazy time-driven transitions applied."""
    row = _row(ctx, conn, user_id)
    state = S(row["state"])
    if state is S.DEPOSIT_PENDING and ctx.now().astimezone(CHINA_TZ).date().isoformat() >= (
        row["deposit_expected_by"]
    ):
        # The simulated bank transfer lands on the expected date at the latest.
        conn.execute("UPDATE orgverify SET state=?, deposit_sent_at=? WHERE user_id=?",
                     (S.DEPOSIT_SENT.value, ts(ctx.now()), user_id))
        row = _row(ctx, conn, user_id)
        state = S.DEPOSIT_SENT
    ident_row = conn.execute(
        "SELECT * FROM identity_sessions WHERE user_id=? ORDER BY id DESC LIMIT 1", (user_id,)
    ).fetchone()
    identity = identity_from_row(ctx, conn, ident_row) if ident_row is not None else None
    deposit = None
    if row["deposit_submitted_at"]:
        deposit = DepositInfo(
            submitted_at=parse_ts(row["deposit_submitted_at"]),
            expected_by=row["deposit_expected_by"],
            sent_at=parse_ts(row["deposit_sent_at"]) if row["deposit_sent_at"] else None,
            attempts_left=row["attempts_left"],
        )
    return OrgVerification(
        state=state,
        elements=OrgElements.model_validate_json(row["elements"]) if row["elements"] else None,
        identity=identity,
        bank_account=BankAccount.model_validate_json(row["bank"]) if row["bank"] else None,
        deposit=deposit,
        verified_at=parse_ts(row["verified_at"]) if row["verified_at"] else None,
        updated_at=parse_ts(row["updated_at"]),
    )


def _require(ov: OrgVerification, *allowed: OrgVerificationState) -> None:
    if ov.state not in allowed:
        raise ApiError(409, "wrong_state",
                       f"Not allowed while verification is '{ov.state.value}'")


def _set_state(ctx: Ctx, conn: sqlite3.Connection, user_id: int, state: S, **cols: object) -> None:
    sets = ", ".join(f"{k}=?" for k in ("state", "updated_at", *cols))
    conn.execute(f"UPDATE orgverify SET {sets} WHERE user_id=?",
                 (state.value, ts(ctx.now()), *cols.values(), user_id))


@router.get("/schema", response_model=ElementSchema)
def element_schema() -> ElementSchema:
    """The six-element form: labels, formats, required flags (the client renders from this)."""
    return ELEMENT_SCHEMA


@router.get("", response_model=OrgVerification)
def get_verification(user_id: UserId, ctx: CtxDep) -> OrgVerification:
    """The current verification state (resume point after a restart)."""
    with ctx.db.tx() as conn:
        return load_verification(ctx, conn, user_id)


@router.put("/elements", response_model=OrgVerification)
def submit_elements(body: OrgElements, user_id: UserId, ctx: CtxDep) -> OrgVerification:
    """提交认证: validate the six elements server-side; on success the identity step opens."""
    errors = validate_elements(body)
    if errors:
        raise ApiError(422, "validation_failed", "Some elements are invalid", errors)
    with ctx.db.tx() as conn:
        _require(load_verification(ctx, conn, user_id), S.EDITING)
        _set_state(ctx, conn, user_id, S.IDENTITY, elements=body.model_dump_json())
        return load_verification(ctx, conn, user_id)


@router.post("/identity-sessions", status_code=201, response_model=IdentitySession)
def start_identity(user_id: UserId, ctx: CtxDep) -> IdentitySession:
    """Open a WeChat identity session for the operator; the QR payload expires."""
    with ctx.db.tx() as conn:
        _require(load_verification(ctx, conn, user_id), S.IDENTITY)
        now = ctx.now()
        conn.execute("UPDATE identity_sessions SET status='expired' WHERE user_id=? AND"
                     " status IN ('pending','scanned')", (user_id,))
        cur = conn.execute(
            "INSERT INTO identity_sessions(user_id, status, nonce, created_at, expires_at)"
            " VALUES (?,?,?,?,?)",
            (user_id, IdentityStatus.PENDING.value, secrets.token_urlsafe(16), ts(now),
             ts(now + ctx.limits.identity_ttl)),
        )
        row = conn.execute("SELECT * FROM identity_sessions WHERE id=?",
                           (cur.lastrowid,)).fetchone()
        return identity_from_row(ctx, conn, row)


@router.get("/identity-sessions/{session_id}", response_model=IdentitySession)
def get_identity(session_id: DbId, user_id: UserId, ctx: CtxDep) -> IdentitySession:
    """Poll an identity session: pending → scanned → passed / failed / expired."""
    with ctx.db.tx() as conn:
        row = conn.execute("SELECT * FROM identity_sessions WHERE id=? AND user_id=?",
                           (session_id, user_id)).fetchone()
        if row is None:
            raise ApiError(404, "not_found", "No such identity session")
        return identity_from_row(ctx, conn, row)


@router.put("/bank-account", response_model=OrgVerification)
def submit_bank(body: BankAccount, user_id: UserId, ctx: CtxDep) -> OrgVerification:
    """金融认证: the account name must equal the organisation name; a deposit is then scheduled."""
    with ctx.db.tx() as conn:
        ov = load_verification(ctx, conn, user_id)
        _require(ov, S.BANK)
        assert ov.elements is not None
        if normalise_name(body.account_name) != normalise_name(ov.elements.org_name):
            raise ApiError(422, "validation_failed", "Account name differs from organisation",
                           {"account_name": "户名须与机构名称一致"})
        now = ctx.now()
        code = f"{secrets.randbelow(10**6):06d}"
        expected = add_working_days(now, ctx.limits.deposit_working_days)
        _set_state(ctx, conn, user_id, S.DEPOSIT_PENDING, bank=body.model_dump_json(),
                   deposit_code=code, deposit_submitted_at=ts(now),
                   deposit_expected_by=expected.isoformat(), deposit_sent_at=None,
                   attempts_left=ctx.limits.deposit_attempts)
        return load_verification(ctx, conn, user_id)


@router.post("/deposit-code", response_model=OrgVerification)
def enter_deposit_code(body: DepositCodeRequest, user_id: UserId, ctx: CtxDep) -> OrgVerification:
    """输入随机码: right → verified; wrong → 422 with attempts_left; the third miss locks."""
    with ctx.db.tx() as conn:
        ov = load_verification(ctx, conn, user_id)
        if ov.state is S.LOCKED:
            raise ApiError(409, "deposit_locked", "Too many wrong codes; cancel and redo",
                           attempts_left=0)
        if ov.state is S.DEPOSIT_PENDING:
            raise ApiError(409, "deposit_not_sent", "The deposit has not been made yet")
        _require(ov, S.DEPOSIT_SENT)
        row = _row(ctx, conn, user_id)
        if hmac.compare_digest(body.code.strip().encode(), row["deposit_code"].encode()):
            _set_state(ctx, conn, user_id, S.VERIFIED, verified_at=ts(ctx.now()))
            return load_verification(ctx, conn, user_id)
        left = row["attempts_left"] - 1
        if left <= 0:
            _set_state(ctx, conn, user_id, S.LOCKED, attempts_left=0)
        else:
            conn.execute("UPDATE orgverify SET attempts_left=? WHERE user_id=?", (left, user_id))
    # Raised outside the transaction so the decremented counter is committed.
    raise ApiError(422, "wrong_code", "Wrong random code", {"code": "随机码不正确"},
                   attempts_left=max(left, 0))


@router.post("/cancel", response_model=OrgVerification)
def cancel(user_id: UserId, ctx: CtxDep) -> OrgVerification:
    """Cancel the online verification order and return to editing the six elements."""
    with ctx.db.tx() as conn:
        ov = load_verification(ctx, conn, user_id)
        if ov.state is S.VERIFIED:
            raise ApiError(409, "wrong_state", "Verification already completed")
        if ov.state in _CANCELLABLE:
            conn.execute("UPDATE identity_sessions SET status='expired' WHERE user_id=? AND"
                         " status IN ('pending','scanned')", (user_id,))
            _set_state(ctx, conn, user_id, S.EDITING, bank=None, deposit_code=None,
                       deposit_submitted_at=None, deposit_expected_by=None,
                       deposit_sent_at=None, attempts_left=ctx.limits.deposit_attempts)
        return load_verification(ctx, conn, user_id)


