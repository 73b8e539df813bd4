"""What the service keeps for the printed forms and the fee: the organisation's address and
telephone, the 业务单号, the materials this application needs (the 授权书 when the 经办人 is
not the 法定代表人), the 发票 details of a payment — and the operator's side in words."""

from __future__ import annotations

import re
from enum import StrEnum

import httpx
import pytest

from cgn_seal_desktop.portal import errors as E
from cgn_seal_desktop.portal.client import PortalClient, new_idempotency_key
from cgn_seal_desktop.portal.models import (
    ApplicationStatus,
    IdentityStatus,
    Invoice,
    MaterialKind,
    OrgVerificationState,
    PaymentChannel,
    PaymentStatus,
)
from cgn_seal_desktop.sandbox import labels
from cgn_seal_desktop.sandbox.server import SandboxServer
from tests.portal.helpers import (
    elements,
    full_form,
    invoice,
    pdf_bytes,
    resident_id,
    uscc,
    verify,
)

MARK = "测试/沙箱 — 无效"


def _upload_all(client: PortalClient, app_id: int, *, letter: bool) -> None:
    for kind in MaterialKind:
        if kind is not MaterialKind.AUTHORISATION_LETTER or letter:
            client.upload_material(app_id, kind, pdf_bytes(kind.value), f"{kind.value}.pdf")


def test_form_needs_address_and_telephone(supplier: PortalClient,
                                          ops_http: httpx.Client) -> None:
    verify(supplier, ops_http)
    app = supplier.create_application(full_form(org_address=None, org_phone=None))
    assert {"org_address", "org_phone"} <= set(app.missing)
    # The sandbox says what it is: its 业务单号 and its test flag.
    assert app.reference == f"SANDBOX-{app.id:08d}" and app.test_environment
    for bad in ("12345", "0755-123", "电话", "13800"):
        with pytest.raises(E.ValidationFailed) as err:
            supplier.update_application(app.id, full_form(org_phone=bad))
        assert set(err.value.fields) == {"org_phone"}, bad
    for good in ("0755-88886666", "(010) 6512 3456", "400-112-3838", "13800138000"):
        app = supplier.update_application(app.id, full_form(org_phone=good))
        assert app.form.org_phone == good
    assert not {"org_address", "org_phone"} & set(app.missing)


@pytest.mark.parametrize(("overrides", "letter"), [
    ({}, False),  # 李四 with his own ID number on both sides: the legal representative acts
    ({"operator_name": "王五"}, True),
    # Same name, another person (another ID number): still somebody else, a letter is needed.
    ({"operator_id_number": resident_id("44030119850505123")}, True),
])
def test_authorisation_letter_needed_when_the_operator_is_someone_else(
        supplier: PortalClient, ops_http: httpx.Client, overrides: dict[str, str],
        letter: bool) -> None:
    verify(supplier, ops_http, **overrides)
    app = supplier.create_application(full_form())
    kind = MaterialKind.AUTHORISATION_LETTER
    assert (kind in app.required_materials) is letter
    assert (kind.value in app.missing) is letter
    _upload_all(supplier, app.id, letter=letter)
    app = supplier.application(app.id)
    # Uploaded, the letter is still one this application needs (the asterisk stays).
    assert (kind in app.required_materials) is letter and app.missing == []


def test_empty_upload_is_said_as_such(supplier: PortalClient, ops_http: httpx.Client) -> None:
    verify(supplier, ops_http)
    app = supplier.create_application(full_form())
    with pytest.raises(E.ValidationFailed) as err:
        supplier.upload_material(app.id, MaterialKind.BUSINESS_LICENCE, b"", "untrusted.pdf")
    assert err.value.server_code == "empty_file" and "0 字节" in err.value.fields["file"]


def _awaiting_payment(supplier: PortalClient, ops_http: httpx.Client) -> int:
    verify(supplier, ops_http)
    app = supplier.create_application(full_form())
    _upload_all(supplier, app.id, letter=False)
    assert supplier.submit_application(app.id).status is ApplicationStatus.AWAITING_PAYMENT
    return app.id


def test_invoice_is_checked_and_kept_with_the_order(supplier: PortalClient,
                                                    ops_http: httpx.Client) -> None:
    app_id = _awaiting_payment(supplier, ops_http)
    good = uscc()
    bad = good[:-1] + ("0" if good[-1] != "0" else "1")
    with pytest.raises(E.ValidationFailed) as err:
        supplier.create_payment(app_id, PaymentChannel.ALIPAY, new_idempotency_key(),
                                Invoice(title="深圳市测试科技有限公司", tax_id=bad))
    assert set(err.value.fields) == {"invoice.tax_id"}
    assert "统一社会信用代码" in err.value.fields["invoice.tax_id"]
    # Not even the contract lets a short tax ID or a missing invoice through.
    pair = supplier._core.tokens.load()
    assert pair is not None
    headers = {"Authorization": f"Bearer {pair.access_token}", "Idempotency-Key": "k" * 10}
    r = httpx.post(f"{supplier.base_url}/v1/applications/{app_id}/payments", headers=headers,
                   json={"channel": "alipay"})
    assert r.status_code == 422
    assert supplier.application(app_id).payment is None  # nothing was ordered

    key = new_idempotency_key()
    order = supplier.create_payment(app_id, PaymentChannel.WECHAT, key, invoice("某某集团有限公司"))
    assert order.invoice == Invoice(title="某某集团有限公司", tax_id=good)
    assert supplier.payment(order.id).invoice == order.invoice
    # The same click again: the same order. The same key with other invoice details: refused.
    assert supplier.create_payment(app_id, PaymentChannel.WECHAT, key,
                                   invoice("某某集团有限公司")).id == order.id
    with pytest.raises(E.ValidationFailed):
        supplier.create_payment(app_id, PaymentChannel.WECHAT, key, invoice("另一家公司"))
    # The operator sees it; once paid, the application's result shows it.
    assert "某某集团有限公司" in ops_http.get("/ops").text
    pay_page = ops_http.get(order.qr_payload.removeprefix(str(ops_http.base_url).rstrip("/")))
    assert "某某集团有限公司" in pay_page.text and good in pay_page.text
    ops_http.post(f"/ops/api/applications/{app_id}/mark-paid").raise_for_status()
    app = supplier.application(app_id)
    assert app.payment is not None and app.payment.status is PaymentStatus.PAID
    assert app.payment.invoice is not None and app.payment.invoice.tax_id == good


def _visible_text(html: str) -> str:
    """What a browser shows: no tags, no attribute values (links and form values may keep
    the API's ids)."""
    return re.sub(r"<[^>]+>", " ", html)


def test_every_state_has_words() -> None:
    for enum in (OrgVerificationState, IdentityStatus, ApplicationStatus, PaymentStatus,
                 PaymentChannel, MaterialKind):
        for value in enum:
            assert value in labels.LABELS, value
            assert re.search(r"[\u4e00-\u9fff]", labels.label(value)), value
    assert labels.missing_label("org_phone") == "单位电话"
    assert labels.missing_label("authorisation_letter").startswith("授权书")
    assert labels.missing_label("something_new") == "something_new"


def test_console_shows_words_not_codes(supplier: PortalClient, ops_http: httpx.Client,
                                       sandbox: SandboxServer) -> None:
    uid = verify(supplier, ops_http, operator_name="王五")
    app = supplier.create_application(full_form(org_phone=None))
    supplier.upload_material(app.id, MaterialKind.BUSINESS_LICENCE, pdf_bytes(), "l.pdf")
    page = ops_http.get("/ops")
    assert page.status_code == 200
    text = _visible_text(page.text)
    assert MARK in text and "机构认证已通过" in text and "草稿" in text
    assert "单位电话" in text and "授权书" in text and app.reference in text
    raw: list[StrEnum] = [*OrgVerificationState, *ApplicationStatus, *MaterialKind]
    shown = [v.value for v in raw if re.search(rf"\b{v.value}\b", text)]
    assert shown == [], "raw states or material ids shown to the operator"
    assert uid > 0


def test_simulation_pages_carry_the_mark(supplier: PortalClient,
                                         ops_http: httpx.Client) -> None:
    supplier.submit_elements(elements())
    session = supplier.start_identity()
    path = session.qr_payload.removeprefix(str(ops_http.base_url).rstrip("/"))
    page = ops_http.get(path)
    assert page.status_code == 200 and MARK in page.text and "经办人身份认证" in page.text
