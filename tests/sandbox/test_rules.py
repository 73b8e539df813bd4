"""Server-side rules not covered by the journey: checksums, identity failure, payment expiry,
other ID types, the operator console."""

from __future__ import annotations

import re
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

import httpx
import pytest

from cgn_seal_desktop.portal import errors as E
from cgn_seal_desktop.portal.client import PortalClient, new_idempotency_key
from cgn_seal_desktop.portal.models import (
    IdentityStatus,
    MaterialKind,
    OrgVerificationState,
    PaymentChannel,
    PaymentStatus,
)
from cgn_seal_desktop.sandbox.clock import ManualClock
from tests.portal.helpers import bank, elements, full_form, invoice, pdf_bytes, sha256, verify


def test_identity_failure_and_retry(supplier: PortalClient, ops_http: httpx.Client) -> None:
    uid = supplier.me().id
    supplier.submit_elements(elements())
    first = supplier.start_identity()
    r = ops_http.post(f"/ops/api/suppliers/{uid}/identity/failed")
    assert r.status_code == 200
    failed = supplier.identity_session(first.id)
    assert failed.status is IdentityStatus.FAILED and failed.failure_reason
    assert supplier.verification().state is OrgVerificationState.IDENTITY
    second = supplier.start_identity()
    assert second.id != first.id and second.qr_payload != first.qr_payload


def test_other_id_types_and_authorisation_letter(supplier: PortalClient,
                                                 ops_http: httpx.Client) -> None:
    with pytest.raises(E.ValidationFailed) as err:
        supplier.submit_elements(elements(legal_rep_id_type="护照", legal_rep_id_number="E1-2"))
    assert set(err.value.fields) == {"legal_rep_id_number"}
    # Operator differs from the legal representative: an authorisation letter becomes required.
    verify(supplier, ops_http, legal_rep_id_type="护照", legal_rep_id_number="E12345678",
           operator_name="王五")
    app = supplier.create_application(full_form())
    assert MaterialKind.AUTHORISATION_LETTER.value in app.missing


def test_checksum_mismatch_is_refused(supplier: PortalClient, ops_http: httpx.Client) -> None:
    verify(supplier, ops_http)
    app = supplier.create_application(full_form())
    pair = supplier._core.tokens.load()
    assert pair is not None
    r = httpx.put(f"{supplier.base_url}/v1/applications/{app.id}/materials/business_licence",
                  headers={"Authorization": f"Bearer {pair.access_token}"},
                  files={"file": ("l.pdf", pdf_bytes("a"), "application/pdf")},
                  data={"sha256": sha256(pdf_bytes("b"))})
    assert r.status_code == 422 and r.json()["code"] == "checksum_mismatch"
    assert supplier.application(app.id).materials == []


def test_payment_qr_expires_and_a_new_click_supersedes(supplier: PortalClient,
                                                       ops_http: httpx.Client,
                                                       clock: ManualClock) -> None:
    verify(supplier, ops_http)
    app = supplier.create_application(full_form(validity_years=1))
    for kind in MaterialKind:
        if kind is not MaterialKind.AUTHORISATION_LETTER:
            supplier.upload_material(app.id, kind, pdf_bytes(), "m.pdf")
    supplier.submit_application(app.id)
    first = supplier.create_payment(app.id, PaymentChannel.ALIPAY, new_idempotency_key(), invoice())
    assert first.amount_cents == 30000 and first.qr_payload.endswith("channel=alipay")
    clock.advance(timedelta(minutes=31))
    # Nobody looked at the order since it expired: paying it must still be refused.
    assert ops_http.post(f"/ops/api/applications/{app.id}/mark-paid").status_code == 409
    assert supplier.payment(first.id).status is PaymentStatus.EXPIRED
    second = supplier.create_payment(app.id, PaymentChannel.WECHAT, new_idempotency_key(),
                                     invoice())
    third = supplier.create_payment(app.id, PaymentChannel.ALIPAY, new_idempotency_key(), invoice())
    assert supplier.payment(second.id).status is PaymentStatus.SUPERSEDED
    # Paying the superseded QR code is refused; the current one is paid on the simulated app.
    assert "¥300.00" in httpx.get(third.qr_payload).text
    assert "支付成功" not in httpx.post(second.qr_payload.split("?")[0]).text
    assert "支付成功" in httpx.post(third.qr_payload.split("?")[0]).text
    assert supplier.payment(third.id).status is PaymentStatus.PAID
    assert supplier.application(app.id).payment == supplier.payment(third.id)


def test_operator_console_page_and_actions(supplier: PortalClient,
                                           ops_http: httpx.Client) -> None:
    uid = supplier.me().id
    supplier.submit_elements(elements())
    supplier.start_identity()
    page = ops_http.get("/ops")
    assert page.status_code == 200 and "alice" in page.text and "身份认证通过" in page.text
    assert "模拟扫码页" in page.text
    # What a browser sends for the console's forms: its origin and the page's token.
    m = re.search(r'name="ops_token" value="([^"]+)"', page.text)
    assert m is not None
    form = {"ops_token": m.group(1)}
    ops_http.headers["Origin"] = str(ops_http.base_url).rstrip("/")
    r = ops_http.post(f"/ops/do/suppliers/{uid}/identity/passed", data=form)
    assert r.status_code == 303
    assert supplier.verification().state is OrgVerificationState.BANK
    supplier.submit_bank_account(bank())
    r = ops_http.post(f"/ops/do/suppliers/{uid}/deposit", data=form, follow_redirects=True)
    code = re.search(r"随机码 (\d{6})", r.text)
    assert code is not None
    assert supplier.enter_deposit_code(code.group(1)).state is OrgVerificationState.VERIFIED
    app = supplier.create_application(full_form())
    r = ops_http.post(f"/ops/do/applications/{app.id}/approve", data=form, follow_redirects=True)
    assert "失败" in r.text  # a draft cannot be approved
    r = ops_http.post(f"/ops/do/applications/{app.id}/certificate",
                      data={**form, "password": "abcd"}, follow_redirects=True)
    assert "失败" in r.text
    assert "<script>" not in ops_http.get("/ops", params={"msg": "<script>"}).text


def test_concurrent_payment_requests_with_one_key_make_one_order(
    supplier: PortalClient, ops_http: httpx.Client
) -> None:
    verify(supplier, ops_http)
    app = supplier.create_application(full_form())
    for kind in MaterialKind:
        if kind is not MaterialKind.AUTHORISATION_LETTER:
            supplier.upload_material(app.id, kind, pdf_bytes(kind.value), "m.pdf")
    supplier.submit_application(app.id)
    key = new_idempotency_key()
    with ThreadPoolExecutor(max_workers=4) as pool:
        ids = set(pool.map(
            lambda _i: supplier.create_payment(app.id, PaymentChannel.WECHAT, key,
                                               invoice()).id, range(8)))
    assert len(ids) == 1
    overview = ops_http.get("/ops/api/overview").json()["suppliers"][0]["applications"][0]
    assert overview["payment"]["id"] in ids
    # The reviewer can open the uploaded files from the console.
    r = ops_http.get(f"/ops/files/{app.id}/business_licence")
    assert r.status_code == 200 and r.content == pdf_bytes("business_licence")
    assert r.headers["content-type"] == "application/pdf"
    assert ops_http.get(f"/ops/files/{app.id}/authorisation_letter").status_code == 404
