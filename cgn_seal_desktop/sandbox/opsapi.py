"""``/ops/api``: the operator actions as JSON endpoints (sandbox only, no operator login; who may
call them is decided by :mod:`cgn_seal_desktop.sandbox.guard`)."""

from __future__ import annotations

from fastapi import APIRouter, Response

from cgn_seal_desktop.portal.models import (
    ApiErrorBody,
    Application,
    ApprovalRequest,
    CertificateIssueRequest,
    DepositReveal,
    IdentitySession,
    IdentityStatus,
    OpsOverview,
    RejectionRequest,
)
from cgn_seal_desktop.sandbox import ops
from cgn_seal_desktop.sandbox.context import CtxDep, DbId
from cgn_seal_desktop.sandbox.errors import ERROR_RESPONSES

__all__ = ["router"]

router = APIRouter(prefix="/ops/api", tags=["ops"], responses={
    **ERROR_RESPONSES,
    403: {"model": ApiErrorBody,
          "description": "Not from this computer, or posted by another web site (guard.py)"},
})


@router.get("/overview", response_model=OpsOverview)
def overview(ctx: CtxDep) -> OpsOverview:
    """All suppliers, verifications and applications."""
    return ops.overview(ctx)


@router.post("/suppliers/{user_id}/identity/{action}", response_model=IdentitySession)
def identity(user_id: DbId, action: IdentityStatus, ctx: CtxDep) -> IdentitySession:
    """Set the newest identity session to scanned, passed or failed."""
    return ops.identity_set(ctx, user_id, action, "身份核验未通过（沙箱）")


@router.get("/suppliers/{user_id}/deposit", response_model=DepositReveal)
def deposit_reveal(user_id: DbId, ctx: CtxDep) -> DepositReveal:
    """Reveal the deposit random code."""
    return ops.deposit_reveal(ctx, user_id)


@router.post("/suppliers/{user_id}/deposit", response_model=DepositReveal)
def deposit_post(user_id: DbId, ctx: CtxDep) -> DepositReveal:
    """Make the deposit now and reveal its code."""
    return ops.deposit_post(ctx, user_id)


@router.post("/applications/{app_id}/mark-paid", response_model=Application)
def mark_paid(app_id: DbId, ctx: CtxDep) -> Application:
    """Mark the open payment order paid."""
    return ops.mark_paid(ctx, app_id)


@router.post("/applications/{app_id}/approve", response_model=Application)
def approve(app_id: DbId, body: ApprovalRequest, ctx: CtxDep) -> Application:
    """Approve and ship."""
    return ops.approve(ctx, app_id, body)


@router.post("/applications/{app_id}/reject", response_model=Application)
def reject(app_id: DbId, body: RejectionRequest, ctx: CtxDep) -> Application:
    """Reject with a reason and materials to redo."""
    return ops.reject(ctx, app_id, body)


@router.post("/applications/{app_id}/test-certificate",
             responses={200: {"content": {"application/x-pkcs12": {}},
                              "description": "PKCS#12 file"}})
def test_certificate(app_id: DbId, body: CertificateIssueRequest, ctx: CtxDep) -> Response:
    """Issue a test organisation certificate (PKCS#12) from the sandbox test CA."""
    data = ops.issue_test_certificate(ctx, app_id, body.password)
    return Response(data, media_type="application/x-pkcs12",
                    headers={"Content-Disposition": f'attachment; filename="sandbox-{app_id}.p12"'})
