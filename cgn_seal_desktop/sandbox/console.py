"""The operator web console at ``/ops``: server-rendered HTML with one form per action."""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from typing import Annotated

from fastapi import APIRouter, Depends, Form
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from cgn_seal_desktop.portal.models import (
    Application,
    ApprovalRequest,
    IdentityStatus,
    MaterialKind,
    OpsSupplier,
    RejectionRequest,
)
from cgn_seal_desktop.sandbox import ops
from cgn_seal_desktop.sandbox.context import CtxDep, DbId
from cgn_seal_desktop.sandbox.errors import ApiError
from cgn_seal_desktop.sandbox.guard import form_token_ok
from cgn_seal_desktop.sandbox.labels import (
    MATERIAL_LABELS,
    SANDBOX_MARK,
    error_text,
    label,
    missing_label,
)

__all__ = ["actions", "router"]

router = APIRouter(include_in_schema=False)
_TOKEN_FIELD = "ops_token"


def _form_token(ctx: CtxDep, ops_token: Annotated[str, Form()] = "") -> None:
    """Every console action must carry the token of the page this server start rendered."""
    if not form_token_ok(ops_token, ctx.ops_token):
        raise ApiError(403, "ops_form_expired",
                       "Operator form is stale or was not made by this sandbox; reload /ops")


#: The console's actions (form posts); the guard has checked origin and address already.
actions = APIRouter(prefix="/ops/do", include_in_schema=False,
                    dependencies=[Depends(_form_token)])

_STYLE = """body{font-family:sans-serif;margin:1.5em}table{border-collapse:collapse;margin:.5em 0}
td,th{border:1px solid #ccc;padding:.3em .6em;text-align:left;vertical-align:top}
form{display:inline-block;margin:.1em}.msg{background:#ffd;padding:.5em;border:1px solid #cc8}
h2{margin-top:1.5em;border-bottom:1px solid #888}
.mark{color:#c62828;font-weight:bold}.raw{color:#888;font-size:smaller}"""


def _form(action: str, token: str, inner: str) -> str:
    """A POST form to *action* carrying this server start's token (checked by _form_token)."""
    return (f'<form method="post" action="{escape(action)}">'
            f'<input type="hidden" name="{_TOKEN_FIELD}" value="{escape(token)}">{inner}</form>')


def _button(action: str, label: str, token: str) -> str:
    return _form(action, token, f"<button>{escape(label)}</button>")


def _application_html(app: Application, token: str) -> str:
    a = app.id
    missing = "、".join(missing_label(m) for m in app.missing) or "无"
    parts = [f"<tr><td>#{a} {escape(app.reference)}<br><b>{escape(label(app.status))}</b>"
             f" 第 {app.revision} 版</td>",
             f"<td>{escape(app.form.seal_name or '')}<br>缺少: {escape(missing)}",
             f"<br>已缴费: {'是' if app.paid else '否'}<br>资料: "]
    parts.extend(f'<a href="/ops/files/{a}/{m.kind.value}">{escape(MATERIAL_LABELS[m.kind])}</a> '
                 for m in app.materials)
    if app.reject_reason:
        parts.append(f"<br>驳回: {escape(app.reject_reason)}")
    if app.shipping:
        parts.append(f"<br>{escape(app.shipping.courier)} {escape(app.shipping.tracking_number)}")
    pay = app.payment
    if pay is not None:
        parts.append(f"<br>订单 #{pay.id} {escape(label(pay.channel))} "
                     f"¥{pay.amount_cents / 100:.2f} {escape(label(pay.status))}")
        if pay.qr_payload.startswith("http://"):
            parts.append(f' (<a href="{escape(pay.qr_payload)}">模拟支付页</a>)')
        if pay.invoice is not None:
            parts.append(f"<br>发票抬头: {escape(pay.invoice.title)} · "
                         f"税号: {escape(pay.invoice.tax_id)}")
    parts.append("</td><td>")
    parts.append(_button(f"/ops/do/applications/{a}/mark-paid", "标记已缴费", token))
    parts.append(_button(f"/ops/do/applications/{a}/approve", "审核通过", token))
    kinds = "".join(f'<label><input type="checkbox" name="redo" value="{k.value}">'
                    f"{escape(MATERIAL_LABELS[k])}</label> " for k in MaterialKind)
    parts.append(_form(f"/ops/do/applications/{a}/reject", token,
                       f'<input name="reason" value="资料不清晰" size="12"> 需重新上传: {kinds}'
                       "<button>审核驳回</button>"))
    parts.append(_form(f"/ops/do/applications/{a}/certificate", token,
                       '<input type="password" name="password" placeholder="PKCS#12 密码"'
                       ' size="10"><button>签发测试证书</button>'))
    parts.append("</td></tr>")
    return "".join(parts)


def _supplier_html(s: OpsSupplier, token: str) -> str:
    uid, ov = s.account.id, s.verification
    ident = ov.identity
    rows = [f"<h2>{escape(s.account.username)} — {escape(s.account.company_name)} (#{uid})</h2>",
            f"<p>机构认证: <b>{escape(label(ov.state))}</b>"]
    if ident:
        rows.append(f" · 身份认证会话 #{ident.id}: {escape(label(ident.status))}")
        if ident.qr_payload.startswith("http://"):
            rows.append(f' (<a href="{escape(ident.qr_payload)}">模拟扫码页</a>)')
    if ov.deposit:
        rows.append(f" · 预计打款日 {ov.deposit.expected_by} · 剩余次数 {ov.deposit.attempts_left}")
    rows.append("</p><p>")
    for action, text in (("scanned", "模拟扫码"), ("passed", "身份认证通过"),
                         ("failed", "身份认证失败")):
        rows.append(_button(f"/ops/do/suppliers/{uid}/identity/{action}", text, token))
    rows.append(_button(f"/ops/do/suppliers/{uid}/deposit", "打款并显示随机码", token))
    rows.append("</p><table><tr><th>申请</th><th>详情</th><th>操作</th></tr>")
    rows.extend(_application_html(app, token) for app in s.applications)
    rows.append("</table>")
    return "".join(rows)


@router.get("/ops", response_class=HTMLResponse)
def console(ctx: CtxDep, msg: str = "") -> HTMLResponse:
    """The console page: every supplier with buttons for the operator actions."""
    body = [f"<!doctype html><html lang='zh-CN'><meta charset='utf-8'>"
            f"<title>沙箱运营台（{SANDBOX_MARK}）</title><style>{_STYLE}</style>"
            f"<h1>沙箱运营台 <span class='mark'>{SANDBOX_MARK}</span></h1>"
            "<p>这里扮演微信、银行、支付平台和深圳CA审核员；此处的一切均为测试数据，不具效力。</p>"]
    if msg:
        body.append(f"<p class='msg'>{escape(msg)}</p>")
    suppliers = ops.overview(ctx).suppliers
    body.extend(_supplier_html(s, ctx.ops_token) for s in suppliers)
    if not suppliers:
        body.append("<p>还没有供应商注册。</p>")
    return HTMLResponse("".join(body))


def _back(msg: str) -> RedirectResponse:
    from urllib.parse import quote

    return RedirectResponse(f"/ops?msg={quote(msg)}", status_code=303)


def _run(what: str, fn: Callable[[], object]) -> RedirectResponse:
    try:
        result = fn()
    except ApiError as exc:
        return _back(f"{what}: 失败 — {error_text(exc.body.code, exc.body.message)}")
    return _back(f"{what}: 完成 {result}" if isinstance(result, str) else f"{what}: 完成")


@router.get("/ops/files/{app_id}/{kind}", response_model=None)
def material_file(app_id: DbId, kind: MaterialKind, ctx: CtxDep) -> Response:
    """Show an uploaded material to the reviewer (served as stored, never executed)."""
    with ctx.db.tx() as conn:
        row = conn.execute("SELECT stored_name, content_type FROM materials"
                           " WHERE application_id=? AND kind=?", (app_id, kind.value)).fetchone()
    try:
        data = (ctx.db.uploads_dir / row["stored_name"]).read_bytes() if row else None
    except FileNotFoundError:
        data = None
    if row is None or data is None:
        return Response("not found", status_code=404, media_type="text/plain")
    return Response(data, media_type=row["content_type"],
                    headers={"X-Content-Type-Options": "nosniff"})


@actions.post("/suppliers/{user_id}/identity/{action}")
def do_identity(user_id: DbId, action: IdentityStatus, ctx: CtxDep) -> RedirectResponse:
    reason = "身份核验未通过（沙箱）"
    return _run("身份认证", lambda: ops.identity_set(ctx, user_id, action, reason))


@actions.post("/suppliers/{user_id}/deposit")
def do_deposit(user_id: DbId, ctx: CtxDep) -> RedirectResponse:
    return _run("打款", lambda: "随机码 " + ops.deposit_post(ctx, user_id).code)


@actions.post("/applications/{app_id}/mark-paid")
def do_paid(app_id: DbId, ctx: CtxDep) -> RedirectResponse:
    return _run("缴费", lambda: ops.mark_paid(ctx, app_id))


@actions.post("/applications/{app_id}/approve")
def do_approve(app_id: DbId, ctx: CtxDep) -> RedirectResponse:
    return _run("审核通过", lambda: ops.approve(ctx, app_id, ApprovalRequest()))


@actions.post("/applications/{app_id}/reject")
def do_reject(app_id: DbId, ctx: CtxDep, reason: Annotated[str, Form()] = "资料不符合要求",
              redo: Annotated[list[MaterialKind] | None, Form()] = None) -> RedirectResponse:
    req = RejectionRequest(reason=reason[:500] or "资料不符合要求", redo_materials=redo or [])
    return _run("审核驳回", lambda: ops.reject(ctx, app_id, req))


@actions.post("/applications/{app_id}/certificate", response_model=None)
def do_certificate(app_id: DbId, ctx: CtxDep,
                   password: Annotated[str, Form()] = "") -> Response:
    if len(password) < 4:
        return _back("签发测试证书: 密码至少 4 位")
    try:
        data = ops.issue_test_certificate(ctx, app_id, password)
    except ApiError as exc:
        return _back(f"签发测试证书: 失败 — {error_text(exc.body.code, exc.body.message)}")
    return Response(data, media_type="application/x-pkcs12",
                    headers={"Content-Disposition": f'attachment; filename="sandbox-{app_id}.p12"'})
