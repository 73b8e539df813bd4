"""Pages behind the sandbox's QR codes: what WeChat (identity check) and the payment app would
show on the phone. Open the QR payload URL in a browser on the same computer to act them out."""

from __future__ import annotations

from html import escape

from fastapi import APIRouter
from fastapi.responses import HTMLResponse

from cgn_seal_desktop.portal.models import IdentityStatus, PaymentStatus
from cgn_seal_desktop.sandbox import ops
from cgn_seal_desktop.sandbox.context import CtxDep
from cgn_seal_desktop.sandbox.errors import ApiError
from cgn_seal_desktop.sandbox.labels import SANDBOX_MARK, error_text, label
from cgn_seal_desktop.sandbox.orgverify import identity_from_row
from cgn_seal_desktop.sandbox.payments import payment_from_row

__all__ = ["router"]

router = APIRouter(include_in_schema=False)


def _page(title: str, body: str) -> HTMLResponse:
    return HTMLResponse(
        "<!doctype html><html lang='zh-CN'><meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width'>"
        f"<title>{escape(title)}</title><body style='font-family:sans-serif;margin:2em'>"
        f"<p style='color:#c62828;font-weight:bold'>{SANDBOX_MARK}</p>"
        f"<h1>{escape(title)}</h1>{body}<p><small>沙箱模拟页面 (sandbox simulation)</small></p>")


def _button(action: str, label: str) -> str:
    return f'<form method="post" action="{escape(action)}"><button>{escape(label)}</button></form>'


@router.get("/scan/{nonce}")
def scan(nonce: str, ctx: CtxDep) -> HTMLResponse:
    """Opening the identity QR URL counts as scanning it with WeChat."""
    with ctx.db.tx() as conn:
        row = conn.execute("SELECT * FROM identity_sessions WHERE nonce=?", (nonce,)).fetchone()
        session = identity_from_row(ctx, conn, row) if row is not None else None
    if row is None or session is None:
        return _page("二维码无效", "<p>没有这个身份认证会话。</p>")
    if session.status is IdentityStatus.PENDING:
        session = ops.identity_set(ctx, row["user_id"], IdentityStatus.SCANNED)
    if session.status is not IdentityStatus.SCANNED:
        return _page("经办人身份认证", f"<p>状态：{escape(label(session.status))}</p>")
    return _page("经办人身份认证", "<p>请确认由经办人本人操作。</p>"
                 + _button(f"/scan/{nonce}/passed", "人脸核验通过")
                 + _button(f"/scan/{nonce}/failed", "人脸核验失败"))


@router.post("/scan/{nonce}/{action}")
def scan_result(nonce: str, action: IdentityStatus, ctx: CtxDep) -> HTMLResponse:
    with ctx.db.tx() as conn:
        row = conn.execute("SELECT user_id FROM identity_sessions WHERE nonce=?",
                           (nonce,)).fetchone()
    if row is None:
        return _page("二维码无效", "<p>没有这个身份认证会话。</p>")
    try:
        session = ops.identity_set(ctx, row["user_id"], action, "人脸核验未通过（沙箱）")
    except ApiError as exc:
        return _page("经办人身份认证",
                     f"<p>{escape(error_text(exc.body.code, exc.body.message))}</p>")
    done = "认证通过，请回到电脑上点击“下一步”。" if session.status is IdentityStatus.PASSED else (
        "认证未通过。")
    return _page("经办人身份认证", f"<p>{done}</p>")


@router.get("/pay/{nonce}")
def pay(nonce: str, ctx: CtxDep) -> HTMLResponse:
    """The payment app's confirmation screen for one order."""
    with ctx.db.tx() as conn:
        row = conn.execute("SELECT * FROM payments WHERE nonce=?", (nonce,)).fetchone()
        order = payment_from_row(ctx, conn, row) if row is not None else None
    if order is None:
        return _page("支付二维码无效", "<p>没有这个订单。</p>")
    title = "支付宝" if order.channel.value == "alipay" else "微信支付"
    info = f"<p>数字证书费用：¥{order.amount_cents / 100:.2f}（订单 {order.id}）</p>"
    if order.invoice is not None:
        info += (f"<p>发票抬头：{escape(order.invoice.title)}<br>"
                 f"税号：{escape(order.invoice.tax_id)}</p>")
    if order.status is not PaymentStatus.OPEN:
        return _page(title, info + f"<p>订单状态：{escape(label(order.status))}</p>")
    return _page(title, info + _button(f"/pay/{nonce}", "确认支付"))


@router.post("/pay/{nonce}")
def pay_confirm(nonce: str, ctx: CtxDep) -> HTMLResponse:
    with ctx.db.tx() as conn:
        row = conn.execute("SELECT id FROM payments WHERE nonce=?", (nonce,)).fetchone()
    if row is None:
        return _page("支付二维码无效", "<p>没有这个订单。</p>")
    try:
        ops.pay_order(ctx, row["id"])
    except ApiError as exc:
        return _page("支付", f"<p>{escape(error_text(exc.body.code, exc.body.message))}</p>")
    return _page("支付", "<p>支付成功，请回到电脑上查看审核进度。</p>")
