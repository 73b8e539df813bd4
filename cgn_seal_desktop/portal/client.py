"""``PortalClient``: the desktop's typed access to the online service (or the sandbox).

Every method either returns a parsed model or raises a :mod:`portal.errors` type. Methods block:
call them from a worker thread, never the GUI thread.
"""

from __future__ import annotations

import hashlib
import logging
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import httpx
from pydantic import BaseModel, TypeAdapter, ValidationError

from cgn_seal_desktop.portal import errors as E
from cgn_seal_desktop.portal.materials import content_type_for_name
from cgn_seal_desktop.portal.models import (
    Account,
    Application,
    ApplicationForm,
    BankAccount,
    ElementSchema,
    IdentitySession,
    Invoice,
    Material,
    MaterialKind,
    MaterialKindInfo,
    OrgElements,
    OrgVerification,
    PaymentChannel,
    PaymentOrder,
    RegisterRequest,
    SupportInfo,
    TokenPair,
)
from cgn_seal_desktop.portal.redact import mask_id_number
from cgn_seal_desktop.portal.tokens import TokenStore
from cgn_seal_desktop.portal.transport import HttpCore
from cgn_seal_desktop.portal.upload_reader import UploadReader
from cgn_seal_desktop.portal.wizard.state import PortalSnapshot

__all__ = ["PortalClient", "new_idempotency_key"]

log = logging.getLogger("cgn_seal_desktop.portal")
M = TypeVar("M", bound=BaseModel)


def new_idempotency_key() -> str:
    """A fresh key for one "pay" click; reuse it for every retry of that click."""
    return uuid.uuid4().hex


class PortalClient:
    """Client of the remote API at *base_url* (``https://…``, or ``http://127.0.0.1…`` sandbox).

    :param ca_bundle: extra CA certificates (PEM) to trust besides the system roots.
    :param token_store: where tokens live (see :func:`portal.tokens.make_token_store`).
    :param transport: an ``httpx`` transport (tests use it to lose responses on purpose).
    """

    def __init__(self, base_url: str, *, ca_bundle: Path | None = None,
                 token_store: TokenStore | None = None, timeout: float = 15.0,
                 retries: int = 3, backoff: float = 0.25,
                 transport: httpx.BaseTransport | None = None,
                 sleep: Callable[[float], None] | None = None) -> None:
        extra: dict[str, Any] = {} if sleep is None else {"sleep": sleep}
        self._core = HttpCore(base_url, ca_bundle=ca_bundle, token_store=token_store,
                              timeout=timeout, retries=retries, backoff=backoff,
                              transport=transport, **extra)

    @property
    def base_url(self) -> str:
        return self._core.base_url

    @property
    def logged_in(self) -> bool:
        """True when tokens are held (they may still turn out to be expired)."""
        return self._core.tokens.load() is not None

    def close(self) -> None:
        self._core.close()

    def __enter__(self) -> PortalClient:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------ helpers

    def _call(self, model: type[M], method: str, path: str, **kw: Any) -> M:
        resp = self._core.request(method, path, **kw)
        try:
            return model.model_validate(resp.json())
        except (ValueError, ValidationError):
            raise E.ServerError(f"{method} {path}: unexpected response") from None

    def _call_list(self, model: type[M], method: str, path: str, **kw: Any) -> list[M]:
        resp = self._core.request(method, path, **kw)
        try:
            return TypeAdapter(list[model]).validate_python(resp.json())  # type: ignore[valid-type]
        except (ValueError, ValidationError):
            raise E.ServerError(f"{method} {path}: unexpected response") from None

    # ------------------------------------------------------------------ accounts

    def register(self, req: RegisterRequest) -> Account:
        """供应商注册 (does not log in)."""
        return self._call(Account, "POST", "/v1/accounts", auth=False, json=req.model_dump())

    def login(self, username: str, password: str) -> Account:
        """Log in and keep the tokens in the token store; wrong credentials → Forbidden."""
        pair = self._call(TokenPair, "POST", "/v1/sessions", auth=False,
                          json={"username": username, "password": password})
        self._core.save_tokens(pair)
        log.info("logged in as %s", username)
        return self.me()

    def logout(self) -> None:
        """End the session on the server (best effort) and forget the tokens."""
        try:
            if self.logged_in:
                self._core.request("DELETE", "/v1/sessions/current")
        except E.PortalError:
            pass
        finally:
            self._core.tokens.clear()

    def me(self) -> Account:
        return self._call(Account, "GET", "/v1/me")

    def support(self) -> SupportInfo:
        """客户服务支持: hotline, website, WeChat QR payloads."""
        return self._call(SupportInfo, "GET", "/v1/support", auth=False)

    # ------------------------------------------------------------------ 机构认证

    def element_schema(self) -> ElementSchema:
        return self._call(ElementSchema, "GET", "/v1/org-verification/schema", auth=False)

    def verification(self) -> OrgVerification:
        return self._call(OrgVerification, "GET", "/v1/org-verification")

    def submit_elements(self, elements: OrgElements) -> OrgVerification:
        """提交认证; invalid elements raise ValidationFailed with per-field messages."""
        log.info("submitting six elements (legal rep %s, operator %s)",
                 mask_id_number(elements.legal_rep_id_number),
                 mask_id_number(elements.operator_id_number))
        return self._call(OrgVerification, "PUT", "/v1/org-verification/elements",
                          json=elements.model_dump())

    def start_identity(self) -> IdentitySession:
        """Open a WeChat identity session; show ``qr_payload`` as a QR code until it expires."""
        return self._call(IdentitySession, "POST", "/v1/org-verification/identity-sessions")

    def identity_session(self, session_id: int) -> IdentitySession:
        return self._call(IdentitySession, "GET",
                          f"/v1/org-verification/identity-sessions/{session_id}")

    def submit_bank_account(self, account: BankAccount) -> OrgVerification:
        return self._call(OrgVerification, "PUT", "/v1/org-verification/bank-account",
                          json=account.model_dump())

    def enter_deposit_code(self, code: str) -> OrgVerification:
        """Wrong code → ValidationFailed with ``attempts_left``; locked → Conflict."""
        return self._call(OrgVerification, "POST", "/v1/org-verification/deposit-code",
                          json={"code": code})

    def cancel_verification(self) -> OrgVerification:
        """Cancel the verification order and go back to editing the six elements."""
        return self._call(OrgVerification, "POST", "/v1/org-verification/cancel")

    # ------------------------------------------------------------------ 申请数字证书

    def material_kinds(self) -> list[MaterialKindInfo]:
        return self._call_list(MaterialKindInfo, "GET", "/v1/material-kinds", auth=False)

    def applications(self) -> list[Application]:
        """The supplier's applications, newest first."""
        return self._call_list(Application, "GET", "/v1/applications")

    def create_application(self, form: ApplicationForm) -> Application:
        return self._call(Application, "POST", "/v1/applications",
                          json=form.model_dump(mode="json"))

    def application(self, app_id: int) -> Application:
        return self._call(Application, "GET", f"/v1/applications/{app_id}")

    def update_application(self, app_id: int, form: ApplicationForm) -> Application:
        return self._call(Application, "PUT", f"/v1/applications/{app_id}",
                          json=form.model_dump(mode="json"))

    def upload_material(self, app_id: int, kind: MaterialKind, data: bytes | Path,
                        filename: str | None = None,
                        progress: Callable[[int, int], None] | None = None) -> Material:
        """Upload one material (PDF/JPEG/PNG). The SHA-256 is sent so the server can check it.

        *progress* ``(sent, total)`` is called from this thread as the bytes go out.
        """
        if isinstance(data, Path):
            filename = filename or data.name
            data = data.read_bytes()
        name = filename or "upload.pdf"
        ctype = content_type_for_name(name) or "application/octet-stream"
        body: bytes | UploadReader = data if progress is None else UploadReader(data, progress)
        return self._call(Material, "PUT", f"/v1/applications/{app_id}/materials/{kind.value}",
                          files={"file": (name, body, ctype)},
                          data={"sha256": hashlib.sha256(data).hexdigest()})

    def submit_application(self, app_id: int) -> Application:
        """Submit, or resubmit after a rejection (no second payment if already paid)."""
        return self._call(Application, "POST", f"/v1/applications/{app_id}/submit")

    def create_payment(self, app_id: int, channel: PaymentChannel, idempotency_key: str,
                       invoice: Invoice) -> PaymentOrder:
        """Create (or, for a repeated key, fetch) the payment order of one "pay" click, with
        the 发票 details kept with the order (a bad 税号 → ValidationFailed on
        ``invoice.tax_id``)."""
        return self._call(PaymentOrder, "POST", f"/v1/applications/{app_id}/payments",
                          idempotency_key=idempotency_key,
                          json={"channel": channel.value, "invoice": invoice.model_dump()})

    def payment(self, payment_id: int) -> PaymentOrder:
        return self._call(PaymentOrder, "GET", f"/v1/payments/{payment_id}")

    # ------------------------------------------------------------------ progress

    def snapshot(self) -> PortalSnapshot:
        """Everything the progress state machine needs, fetched fresh from the server."""
        apps = self.applications()
        return PortalSnapshot(account=self.me(), verification=self.verification(),
                              application=apps[0] if apps else None)
