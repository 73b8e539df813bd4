"""Operator actions (what CA staff, WeChat, the bank and the payment provider would do).

Plain functions over a :class:`Ctx`, shared by the ``/ops/api`` routes, the HTML console and
``cgn-seal sandbox ops``. The sandbox has no operator login: serve it on loopback only.
"""

from __future__ import annotations

import json
import secrets
import sqlite3

from cgn_seal_desktop.portal.models import (
    Application,
    ApplicationStatus,
    ApprovalRequest,
    DepositReveal,
    IdentitySession,
    IdentityStatus,
    OpsOverview,
    OpsSupplier,
    OrgVerification,
    OrgVerificationState,
    PaymentStatus,
    RejectionRequest,
)
from cgn_seal_desktop.portal.redact import mask_id_number
from cgn_seal_desktop.sandbox.accounts import account_from_row
from cgn_seal_desktop.sandbox.applications import application_row, load_application
from cgn_seal_desktop.sandbox.context import Ctx, ts
from cgn_seal_desktop.sandbox.errors import ApiError
from cgn_seal_desktop.sandbox.orgverify import identity_from_row, load_verification
from cgn_seal_desktop.sandbox.payments import payment_from_row
from cgn_seal_desktop.sandbox.testca import TestCA

__all__ = [
    "approve",
    "deposit_post",
    "deposit_reveal",
    "find_user",
    "identity_set",
    "issue_test_certificate",
    "mark_paid",
    "overview",
    "pay_order",
    "reject",
]

A = ApplicationStatus


def overview(ctx: Ctx) -> OpsOverview:
    """Every supplier with its verification and applications; personal ID numbers masked (the
    operator side has no login)."""
    with ctx.db.tx() as conn:
        suppliers = []
        for row in conn.execute("SELECT * FROM users ORDER BY id").fetchall():
            app_ids = [r["id"] for r in conn.execute(
                "SELECT id FROM applications WHERE user_id=? ORDER BY id DESC", (row["id"],))]
            suppliers.append(OpsSupplier(
                account=account_from_row(row),
                verification=_masked(load_verification(ctx, conn, row["id"])),
                applications=[load_application(ctx, conn, None, i) for i in app_ids]))
    return OpsOverview(suppliers=suppliers)


def _masked(ov: OrgVerification) -> OrgVerification:
    el = ov.elements
    if el is None:
        return ov
    return ov.model_copy(update={"elements": el.model_copy(update={
        "legal_rep_id_number": mask_id_number(el.legal_rep_id_number),
        "operator_id_number": mask_id_number(el.operator_id_number)})})


def find_user(ctx: Ctx, who: str) -> int:
    """A user id from a username or a numeric id (404 if unknown)."""
    with ctx.db.tx() as conn:
        row = conn.execute("SELECT id FROM users WHERE username=?", (who,)).fetchone()
        if row is None and who.isdigit() and len(who) < 19:
            row = conn.execute("SELECT id FROM users WHERE id=?", (int(who),)).fetchone()
    if row is None:
        raise ApiError(404, "not_found", f"No supplier '{who}'")
    return int(row["id"])


def _require_user(ctx: Ctx, user_id: int) -> None:
    with ctx.db.tx() as conn:
        if conn.execute("SELECT 1 FROM users WHERE id=?", (user_id,)).fetchone() is None:
            raise ApiError(404, "not_found", f"No supplier #{user_id}")


def identity_set(ctx: Ctx, user_id: int, status: IdentityStatus,
                 reason: str | None = None) -> IdentitySession:
    """Scan / pass / fail the supplier's newest identity session (as WeChat would)."""
    if status not in (IdentityStatus.SCANNED, IdentityStatus.PASSED, IdentityStatus.FAILED):
        raise ApiError(422, "validation_failed", "status must be scanned, passed or failed")
    _require_user(ctx, user_id)
    with ctx.db.tx() as conn:
        row = conn.execute("SELECT * FROM identity_sessions WHERE user_id=? ORDER BY id DESC"
                           " LIMIT 1", (user_id,)).fetchone()
        if row is None:
            raise ApiError(404, "not_found", "The supplier has no identity session")
        current = identity_from_row(ctx, conn, row)
        if current.status not in (IdentityStatus.PENDING, IdentityStatus.SCANNED):
            raise ApiError(409, "wrong_state", f"Identity session is '{current.status.value}'")
        conn.execute("UPDATE identity_sessions SET status=?, failure_reason=? WHERE id=?",
                     (status.value, reason if status is IdentityStatus.FAILED else None,
                      row["id"]))
        if status is IdentityStatus.PASSED:
            conn.execute("UPDATE orgverify SET state=?, updated_at=? WHERE user_id=? AND state=?",
                         (OrgVerificationState.BANK.value, ts(ctx.now()), user_id,
                          OrgVerificationState.IDENTITY.value))
        row = conn.execute("SELECT * FROM identity_sessions WHERE id=?", (row["id"],)).fetchone()
        return identity_from_row(ctx, conn, row)


def deposit_reveal(ctx: Ctx, user_id: int) -> DepositReveal:
    """The random code of the supplier's pending deposit (what the finance staff would read)."""
    _require_user(ctx, user_id)
    with ctx.db.tx() as conn:
        ov = load_verification(ctx, conn, user_id)
        row = conn.execute("SELECT deposit_code FROM orgverify WHERE user_id=?",
                           (user_id,)).fetchone()
    if row is None or not row["deposit_code"] or ov.deposit is None:
        raise ApiError(409, "wrong_state", "No deposit scheduled for this supplier")
    return DepositReveal(user_id=user_id, code=row["deposit_code"], sent_at=ov.deposit.sent_at)


def deposit_post(ctx: Ctx, user_id: int) -> DepositReveal:
    """Make the small deposit now (before the expected date) and return its code."""
    _require_user(ctx, user_id)
    with ctx.db.tx() as conn:
        ov = load_verification(ctx, conn, user_id)
        if ov.state is OrgVerificationState.DEPOSIT_PENDING:
            conn.execute("UPDATE orgverify SET state=?, deposit_sent_at=?, updated_at=?"
                         " WHERE user_id=?", (OrgVerificationState.DEPOSIT_SENT.value,
                                              ts(ctx.now()), ts(ctx.now()), user_id))
        elif ov.state is not OrgVerificationState.DEPOSIT_SENT:
            raise ApiError(409, "wrong_state", f"Verification is '{ov.state.value}'")
    return deposit_reveal(ctx, user_id)


def mark_paid(ctx: Ctx, app_id: int) -> Application:
    """The newest open (unexpired) payment order of the application is paid; review starts."""
    with ctx.db.tx() as conn:
        application_row(conn, None, app_id)
        row = conn.execute("SELECT * FROM payments WHERE application_id=? AND status=?"
                           " ORDER BY id DESC LIMIT 1",
                           (app_id, PaymentStatus.OPEN.value)).fetchone()
    if row is None:
        raise ApiError(409, "no_open_payment", "No open payment order for this application")
    return pay_order(ctx, row["id"])


def pay_order(ctx: Ctx, payment_id: int) -> Application:
    """The payment provider confirms order *payment_id* (409 unless it is open and unexpired)."""
    with ctx.db.tx() as conn:
        row = conn.execute("SELECT * FROM payments WHERE id=?", (payment_id,)).fetchone()
        if row is None:
            raise ApiError(404, "not_found", "No such payment")
        order = payment_from_row(ctx, conn, row)
        if order.status is not PaymentStatus.OPEN:
            raise ApiError(409, "no_open_payment", f"Payment order is '{order.status.value}'")
        app = application_row(conn, None, order.application_id)
        now = ts(ctx.now())
        conn.execute("UPDATE payments SET status=?, paid_at=? WHERE id=?",
                     (PaymentStatus.PAID.value, now, payment_id))
        status = A.UNDER_REVIEW.value if app["status"] == A.AWAITING_PAYMENT.value else (
            app["status"])
        conn.execute("UPDATE applications SET paid=1, status=?, updated_at=? WHERE id=?",
                     (status, now, order.application_id))
        return load_application(ctx, conn, None, order.application_id)


def _under_review(conn: sqlite3.Connection, app_id: int) -> None:
    app = application_row(conn, None, app_id)
    if app["status"] != A.UNDER_REVIEW.value:
        raise ApiError(409, "wrong_state", f"Application is '{app['status']}', not under review")


def approve(ctx: Ctx, app_id: int, req: ApprovalRequest) -> Application:
    """审核通过: assign a certificate serial and ship the UKEY."""
    with ctx.db.tx() as conn:
        _under_review(conn, app_id)
        now = ts(ctx.now())
        tracking = req.tracking_number or f"SF{secrets.randbelow(10**12):012d}"
        conn.execute(
            "UPDATE applications SET status=?, certificate_serial=?, courier=?, tracking_number=?,"
            " shipped_at=?, reject_reason=NULL, redo_materials='[]', updated_at=? WHERE id=?",
            (A.APPROVED.value, secrets.token_hex(16).upper().lstrip("0") or "1", req.courier,
             tracking, now, now, app_id))
        return load_application(ctx, conn, None, app_id)


def reject(ctx: Ctx, app_id: int, req: RejectionRequest) -> Application:
    """审核驳回: give a reason; listed materials must be uploaded again before resubmitting."""
    dropped: list[str] = []
    with ctx.db.tx() as conn:
        _under_review(conn, app_id)
        for kind in req.redo_materials:
            dropped += [r["stored_name"] for r in conn.execute(
                "SELECT stored_name FROM materials WHERE application_id=? AND kind=?",
                (app_id, kind.value))]
            conn.execute("DELETE FROM materials WHERE application_id=? AND kind=?",
                         (app_id, kind.value))
        conn.execute("UPDATE applications SET status=?, reject_reason=?, redo_materials=?,"
                     " updated_at=? WHERE id=?",
                     (A.REJECTED.value, req.reason,
                      json.dumps([k.value for k in req.redo_materials]), ts(ctx.now()), app_id))
        app = load_application(ctx, conn, None, app_id)
    for name in dropped:
        ctx.db.discard_upload(name)
    return app


def issue_test_certificate(ctx: Ctx, app_id: int, password: str) -> bytes:
    """PKCS#12 for an approved application, from the sandbox's (untrusted) test CA."""
    with ctx.db.tx() as conn:
        app = load_application(ctx, conn, None, app_id)
    if app.status is not A.APPROVED or app.certificate_serial is None:
        raise ApiError(409, "wrong_state", "Only approved applications get a certificate")
    ca = TestCA(ctx.db.data_dir, ctx.now())
    return ca.issue_p12(app.org_name, app.uscc, app.certificate_serial, password, ctx.now(),
                        years=app.form.validity_years or 1)
