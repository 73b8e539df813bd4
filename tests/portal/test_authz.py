"""One supplier can never read or change another supplier's data."""

from __future__ import annotations

import httpx
import pytest

from cgn_seal_desktop.portal import errors as E
from cgn_seal_desktop.portal.client import PortalClient, new_idempotency_key
from cgn_seal_desktop.portal.models import (
    ApplicationStatus,
    MaterialKind,
    OrgVerificationState,
    PaymentChannel,
)
from cgn_seal_desktop.portal.tokens import MemoryTokenStore
from tests.portal.conftest import ClientFactory
from tests.portal.helpers import (
    PASSWORD,
    bank,
    elements,
    full_form,
    invoice,
    pdf_bytes,
    register_request,
)


def verified_supplier_with_order(client: PortalClient, ops: httpx.Client) -> tuple[int, int]:
    uid = client.me().id
    client.submit_elements(elements())
    client.start_identity()
    ops.post(f"/ops/api/suppliers/{uid}/identity/passed").raise_for_status()
    client.submit_bank_account(bank())
    code = ops.post(f"/ops/api/suppliers/{uid}/deposit").json()["code"]
    client.enter_deposit_code(code)
    app = client.create_application(full_form())
    for kind in MaterialKind:
        if kind is not MaterialKind.AUTHORISATION_LETTER:
            client.upload_material(app.id, kind, pdf_bytes(), "a.pdf")
    client.submit_application(app.id)
    order = client.create_payment(app.id, PaymentChannel.ALIPAY, new_idempotency_key(), invoice())
    return app.id, order.id


def test_supplier_b_cannot_touch_supplier_a(supplier: PortalClient, make_client: ClientFactory,
                                            ops_http: httpx.Client) -> None:
    app_id, order_id = verified_supplier_with_order(supplier, ops_http)
    mallory = make_client(token_store=MemoryTokenStore())
    mallory.register(register_request("mallory", "另一家公司"))
    mallory.login("mallory", PASSWORD)

    assert mallory.applications() == []
    assert mallory.verification().state is OrgVerificationState.EDITING
    assert mallory.verification().elements is None
    for attempt in (
        lambda: mallory.application(app_id),
        lambda: mallory.update_application(app_id, full_form(mail_address="骗子地址")),
        lambda: mallory.upload_material(app_id, MaterialKind.BUSINESS_LICENCE, pdf_bytes(), "x.pdf"
                                        ),
        lambda: mallory.submit_application(app_id),
        lambda: mallory.create_payment(app_id, PaymentChannel.WECHAT, new_idempotency_key(),
                                       invoice()),
        lambda: mallory.payment(order_id),
        lambda: mallory.identity_session(1),
    ):
        with pytest.raises(E.NotFound):
            attempt()
    # Alice's data is unchanged.
    app = supplier.application(app_id)
    assert app.status is ApplicationStatus.AWAITING_PAYMENT
    assert app.form.mail_address == full_form().mail_address
    assert supplier.payment(order_id).application_id == app_id
    # The same Idempotency-Key used by two suppliers gives each their own scope.
    key = new_idempotency_key()
    supplier.create_payment(app_id, PaymentChannel.WECHAT, key, invoice())
    with pytest.raises(E.NotFound):
        mallory.create_payment(app_id, PaymentChannel.WECHAT, key, invoice())


def test_requests_without_or_with_bad_token_are_refused(supplier: PortalClient,
                                                        ops_http: httpx.Client) -> None:
    base = supplier.base_url
    assert httpx.get(f"{base}/v1/org-verification").status_code == 401
    r = httpx.get(f"{base}/v1/applications", headers={"Authorization": "Bearer forged"})
    assert r.status_code == 401 and r.json()["code"] == "invalid_token"
