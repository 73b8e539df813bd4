"""在线缴费: payment orders with QR payloads; ``Idempotency-Key`` makes creation safe to retry."""

from __future__ import annotations

import secrets
import sqlite3
from typing import Annotated

from fastapi import APIRouter, Header, Response

from cgn_seal_desktop.identifiers import is_valid_uscc
from cgn_seal_desktop.portal.models import (
    ApplicationForm,
    ApplicationStatus,
    Invoice,
    PaymentChannel,
    PaymentOrder,
    PaymentRequest,
    PaymentStatus,
)
from cgn_seal_desktop.sandbox.context import Ctx, CtxDep, DbId, UserId, parse_ts, ts
from cgn_seal_desktop.sandbox.errors import ERROR_RESPONSES, ApiError

__all__ = ["latest_payment", "payment_from_row", "router"]

router = APIRouter(prefix="/v1", tags=["payments"], responses=ERROR_RESPONSES)
_QR = {
    PaymentChannel.ALIPAY: "https://qr.alipay.com/sandbox/{token}",
    PaymentChannel.WECHAT: "weixin://wxpay/bizpayurl?pr=sandbox-{token}",
}


def payment_from_row(ctx: Ctx, conn: sqlite3.Connection, row: sqlite3.Row) -> PaymentOrder:
    """The order, marking it expired first if its QR code timed out unpaid."""
    status = PaymentStatus(row["status"])
    if status is PaymentStatus.OPEN and parse_ts(row["expires_at"]) <= ctx.now():
        status = PaymentStatus.EXPIRED
        conn.execute("UPDATE payments SET status=? WHERE id=?", (status.value, row["id"]))
    return PaymentOrder(
        id=row["id"], application_id=row["application_id"], channel=row["channel"],
        amount_cents=row["amount_cents"], qr_payload=row["qr_payload"], status=status,
        created_at=parse_ts(row["created_at"]), expires_at=parse_ts(row["expires_at"]),
        paid_at=parse_ts(row["paid_at"]) if row["paid_at"] else None,
        invoice=Invoice.model_validate_json(row["invoice"]) if row["invoice"] else None,
    )


def latest_payment(ctx: Ctx, conn: sqlite3.Connection, app_id: int) -> PaymentOrder | None:
    """The paid order if any, else the newest order of the application."""
    row = conn.execute(
        "SELECT * FROM payments WHERE application_id=? ORDER BY status='paid' DESC, id DESC"
        " LIMIT 1", (app_id,)).fetchone()
    return payment_from_row(ctx, conn, row) if row is not None else None


@router.post("/applications/{app_id}/payments", status_code=201, response_model=PaymentOrder,
             responses={200: {"model": PaymentOrder, "description": "Replay of the same key"}})
def create_payment(
    app_id: DbId,
    body: PaymentRequest,
    user_id: UserId,
    ctx: CtxDep,
    response: Response,
    idempotency_key: Annotated[str, Header(min_length=8, max_length=64,
                                           pattern=r"^[A-Za-z0-9_-]+$")],
) -> PaymentOrder:
    """Create a payment order with the 发票 details (发票抬头, 税号 = the company's unified social
    credit code, check character verified). Repeating the request with the same
    ``Idempotency-Key`` returns the original order (200) instead of creating another one."""
    if not is_valid_uscc(body.invoice.tax_id):
        raise ApiError(422, "validation_failed", "Invalid tax ID",
                       {"invoice.tax_id": "税号须为 18 位统一社会信用代码（校验位不符）"})
    if not body.invoice.title.strip():
        raise ApiError(422, "validation_failed", "Invoice title missing",
                       {"invoice.title": "请填写发票抬头"})
    invoice = body.invoice.model_dump_json()
    with ctx.db.tx() as conn:
        app = conn.execute("SELECT * FROM applications WHERE id=? AND user_id=?",
                           (app_id, user_id)).fetchone()
        if app is None:
            raise ApiError(404, "not_found", "No such application")
        prior = conn.execute("SELECT * FROM payments WHERE user_id=? AND idempotency_key=?",
                             (user_id, idempotency_key)).fetchone()
        if prior is not None:
            if (prior["application_id"] != app_id or prior["channel"] != body.channel.value
                    or (prior["invoice"] or "") != invoice):
                raise ApiError(422, "idempotency_key_reused",
                               "This Idempotency-Key was used for a different request")
            response.status_code = 200
            return payment_from_row(ctx, conn, prior)
        if app["paid"]:
            raise ApiError(409, "already_paid", "This application is already paid")
        if app["status"] != ApplicationStatus.AWAITING_PAYMENT.value:
            raise ApiError(409, "wrong_state", f"Cannot pay while '{app['status']}'")
        years = ApplicationForm.model_validate_json(app["form"]).validity_years or 1
        now = ctx.now()
        # A new pay click (new key) replaces any earlier unpaid QR code of this application.
        conn.execute("UPDATE payments SET status=? WHERE application_id=? AND status=?",
                     (PaymentStatus.SUPERSEDED.value, app_id, PaymentStatus.OPEN.value))
        nonce = secrets.token_urlsafe(12)
        qr = (f"{ctx.public_url}/pay/{nonce}?channel={body.channel.value}" if ctx.public_url
              else _QR[body.channel].format(token=nonce))
        cur = conn.execute(
            "INSERT INTO payments(application_id, user_id, idempotency_key, channel, amount_cents,"
            " qr_payload, status, created_at, expires_at, nonce, invoice)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            (app_id, user_id, idempotency_key, body.channel.value,
             years * ctx.limits.price_cents_per_year, qr, PaymentStatus.OPEN.value,
             ts(now), ts(now + ctx.limits.payment_ttl), nonce, invoice))
        row = conn.execute("SELECT * FROM payments WHERE id=?", (cur.lastrowid,)).fetchone()
        return payment_from_row(ctx, conn, row)


@router.get("/payments/{payment_id}", response_model=PaymentOrder)
def get_payment(payment_id: DbId, user_id: UserId, ctx: CtxDep) -> PaymentOrder:
    """Poll a payment order (open → paid / expired / superseded)."""
    with ctx.db.tx() as conn:
        row = conn.execute("SELECT * FROM payments WHERE id=? AND user_id=?",
                           (payment_id, user_id)).fetchone()
        if row is None:
            raise ApiError(404, "not_found", "No such payment")
        return payment_from_row(ctx, conn, row)
