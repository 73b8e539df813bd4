"""申请数字证书: draft, edit, submit, resubmit after rejection (never paying twice)."""

from __future__ import annotations

import json
import sqlite3

from fastapi import APIRouter

from cgn_seal_desktop.identifiers import is_valid_mobile, is_valid_phone
from cgn_seal_desktop.portal.materials import required_kinds
from cgn_seal_desktop.portal.models import (
    Application,
    ApplicationForm,
    ApplicationStatus,
    Material,
    OrgVerificationState,
    Shipping,
)
from cgn_seal_desktop.sandbox.context import Ctx, CtxDep, DbId, UserId, parse_ts, ts
from cgn_seal_desktop.sandbox.errors import ERROR_RESPONSES, ApiError
from cgn_seal_desktop.sandbox.orgverify import load_verification
from cgn_seal_desktop.sandbox.payments import latest_payment

__all__ = ["application_row", "load_application", "router"]

router = APIRouter(prefix="/v1/applications", tags=["applications"], responses=ERROR_RESPONSES)
A = ApplicationStatus
_REQUIRED_FORM = ("org_address", "org_phone", "seal_name", "validity_years", "contact_name",
                  "contact_mobile", "mail_recipient", "mail_mobile", "mail_address")


def reference(app_id: int) -> str:
    """The sandbox's 业务单号: says what it is, so no printout of it passes for a real one."""
    return f"SANDBOX-{app_id:08d}"


def application_row(conn: sqlite3.Connection, user_id: int | None, app_id: int) -> sqlite3.Row:
    """The application row, or 404 when it does not exist or is not *user_id*'s (None = ops)."""
    if user_id is None:
        row = conn.execute("SELECT * FROM applications WHERE id=?", (app_id,)).fetchone()
    else:
        row = conn.execute("SELECT * FROM applications WHERE id=? AND user_id=?",
                           (app_id, user_id)).fetchone()
    if row is None:
        raise ApiError(404, "not_found", "No such application")
    return row


def load_application(ctx: Ctx, conn: sqlite3.Connection, user_id: int | None,
                     app_id: int) -> Application:
    """The full application as the supplier sees it (404 if not theirs)."""
    row = application_row(conn, user_id, app_id)
    form = ApplicationForm.model_validate_json(row["form"])
    materials = [
        Material(kind=m["kind"], filename=m["filename"], content_type=m["content_type"],
                 size=m["size"], sha256=m["sha256"], uploaded_at=parse_ts(m["uploaded_at"]))
        for m in conn.execute("SELECT * FROM materials WHERE application_id=? ORDER BY kind",
                              (app_id,))
    ]
    have = {m.kind for m in materials}
    el = load_verification(ctx, conn, row["user_id"]).elements
    required = required_kinds(el)
    missing = [f for f in _REQUIRED_FORM if getattr(form, f) in (None, "")]
    missing += [k.value for k in required if k not in have]
    shipping = None
    if row["courier"]:
        shipping = Shipping(courier=row["courier"], tracking_number=row["tracking_number"],
                            shipped_at=parse_ts(row["shipped_at"]))
    return Application(
        id=row["id"],
        reference=reference(row["id"]),
        test_environment=True,
        status=A(row["status"]),
        form=form,
        org_name=el.org_name if el else "",
        uscc=el.uscc if el else "",
        materials=materials,
        missing=missing if A(row["status"]).editable else [],
        required_materials=required,
        amount_cents=(form.validity_years or 0) * ctx.limits.price_cents_per_year or None,
        paid=bool(row["paid"]),
        payment=latest_payment(ctx, conn, app_id),
        submitted_at=parse_ts(row["submitted_at"]) if row["submitted_at"] else None,
        reject_reason=row["reject_reason"],
        redo_materials=json.loads(row["redo_materials"]),
        certificate_serial=row["certificate_serial"],
        shipping=shipping,
        revision=row["revision"],
        created_at=parse_ts(row["created_at"]),
        updated_at=parse_ts(row["updated_at"]),
    )


def _check_form(form: ApplicationForm) -> None:
    errors = {
        name: "手机号码格式不正确"
        for name in ("contact_mobile", "mail_mobile")
        if getattr(form, name) and not is_valid_mobile(getattr(form, name))
    }
    if form.org_phone and not is_valid_phone(form.org_phone):
        errors["org_phone"] = "电话号码格式不正确（固定电话请带区号）"
    if errors:
        raise ApiError(422, "validation_failed", "Invalid input", errors)


@router.get("", response_model=list[Application])
def list_applications(user_id: UserId, ctx: CtxDep) -> list[Application]:
    """The supplier's applications, newest first."""
    with ctx.db.tx() as conn:
        ids = [r["id"] for r in conn.execute(
            "SELECT id FROM applications WHERE user_id=? ORDER BY id DESC", (user_id,))]
        return [load_application(ctx, conn, user_id, i) for i in ids]


@router.post("", status_code=201, response_model=Application)
def create_application(body: ApplicationForm, user_id: UserId, ctx: CtxDep) -> Application:
    """Start a draft; needs a completed 机构认证 and no other application in progress."""
    _check_form(body)
    with ctx.db.tx() as conn:
        if load_verification(ctx, conn, user_id).state is not OrgVerificationState.VERIFIED:
            raise ApiError(409, "not_verified", "Complete 机构认证 first")
        if conn.execute("SELECT 1 FROM applications WHERE user_id=? AND status!=?",
                        (user_id, A.APPROVED.value)).fetchone():
            raise ApiError(409, "application_in_progress", "An application is already open")
        now = ts(ctx.now())
        cur = conn.execute(
            "INSERT INTO applications(user_id, status, form, created_at, updated_at)"
            " VALUES (?,?,?,?,?)", (user_id, A.DRAFT.value, body.model_dump_json(), now, now))
        assert cur.lastrowid is not None
        return load_application(ctx, conn, user_id, cur.lastrowid)


@router.get("/{app_id}", response_model=Application)
def get_application(app_id: DbId, user_id: UserId, ctx: CtxDep) -> Application:
    """One application with materials, payment, review result and shipping."""
    with ctx.db.tx() as conn:
        return load_application(ctx, conn, user_id, app_id)


@router.put("/{app_id}", response_model=Application)
def edit_application(app_id: DbId, body: ApplicationForm, user_id: UserId,
                     ctx: CtxDep) -> Application:
    """Replace the form; allowed while a draft or after rejection."""
    _check_form(body)
    with ctx.db.tx() as conn:
        row = application_row(conn, user_id, app_id)
        if not A(row["status"]).editable:
            raise ApiError(409, "wrong_state", f"Cannot edit while '{row['status']}'")
        if row["paid"] and body.validity_years != ApplicationForm.model_validate_json(
                row["form"]).validity_years:
            raise ApiError(422, "validation_failed", "Already paid for this validity",
                           {"validity_years": "已缴费，不能修改有效期"})
        conn.execute("UPDATE applications SET form=?, updated_at=? WHERE id=?",
                     (body.model_dump_json(), ts(ctx.now()), app_id))
        return load_application(ctx, conn, user_id, app_id)


@router.post("/{app_id}/submit", response_model=Application)
def submit_application(app_id: DbId, user_id: UserId, ctx: CtxDep) -> Application:
    """Submit (or resubmit after rejection). Paid applications go straight back to review."""
    with ctx.db.tx() as conn:
        app = load_application(ctx, conn, user_id, app_id)
        if not app.editable:
            raise ApiError(409, "wrong_state", f"Cannot submit while '{app.status.value}'")
        if app.missing:
            raise ApiError(422, "incomplete", "Form fields or materials missing",
                           {m: "必填" for m in app.missing})
        status = A.UNDER_REVIEW if app.paid else A.AWAITING_PAYMENT
        revision = app.revision + (1 if app.status is A.REJECTED else 0)
        conn.execute(
            "UPDATE applications SET status=?, submitted_at=?, updated_at=?, revision=?"
            " WHERE id=?", (status.value, ts(ctx.now()), ts(ctx.now()), revision, app_id))
        return load_application(ctx, conn, user_id, app_id)
