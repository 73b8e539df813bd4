"""The whole wizard against a real sandbox over loopback, including the unhappy paths."""

from __future__ import annotations

from datetime import date, timedelta

import httpx
import pytest
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

from cgn_seal_desktop.portal import errors as E
from cgn_seal_desktop.portal.client import PortalClient, new_idempotency_key
from cgn_seal_desktop.portal.models import (
    ApplicationForm,
    ApplicationStatus,
    IdentityStatus,
    MaterialKind,
    OrgVerificationState,
    PaymentChannel,
    PaymentStatus,
)
from cgn_seal_desktop.portal.tokens import MemoryTokenStore
from cgn_seal_desktop.portal.wizard.state import (
    Action,
    Note,
    NoteCode,
    StepId,
    StepState,
    WaitingFor,
    compute_progress,
)
from cgn_seal_desktop.sandbox.clock import ManualClock
from cgn_seal_desktop.sandbox.server import SandboxServer
from tests.portal.conftest import LIMITS, ClientFactory
from tests.portal.helpers import (
    PASSWORD,
    LossyTransport,
    bank,
    elements,
    full_form,
    invoice,
    pdf_bytes,
    png_bytes,
    register_request,
)

S = OrgVerificationState
REQUIRED = [MaterialKind.BUSINESS_LICENCE, MaterialKind.APPLICATION_FORM,
            MaterialKind.SEAL_IMPRESSION, MaterialKind.OPERATOR_ID_FRONT,
            MaterialKind.OPERATOR_ID_BACK]


def progress(client: PortalClient, clock: ManualClock, **kw: bool):  # type: ignore[no-untyped-def]
    return compute_progress(client.snapshot(), clock.now(), **kw)


def pass_identity(client: PortalClient, ops: httpx.Client, user_id: int) -> None:
    session = client.start_identity()
    assert session.status is IdentityStatus.PENDING and "/scan/" in session.qr_payload
    assert ops.post(f"/ops/api/suppliers/{user_id}/identity/scanned").status_code == 200
    assert client.identity_session(session.id).status is IdentityStatus.SCANNED
    assert ops.post(f"/ops/api/suppliers/{user_id}/identity/passed").status_code == 200
    assert client.identity_session(session.id).status is IdentityStatus.PASSED


def test_full_journey(sandbox: SandboxServer, make_client: ClientFactory, clock: ManualClock,
                      ops_http: httpx.Client) -> None:
    tokens = MemoryTokenStore()
    client = make_client(token_store=tokens)
    assert progress_anonymous_is_register()

    # 供应商注册 and login
    account = client.register(register_request("acme"))
    with pytest.raises(E.Conflict):
        client.register(register_request("acme"))
    client.login("acme", PASSWORD)
    uid = account.id
    p = progress(client, clock)
    assert p.current is StepId.ORG_ELEMENTS and Action.SUBMIT_ELEMENTS in p.actions
    assert p.step(StepId.REGISTER).state is StepState.DONE

    # 六要素: schema from the server, server-side validation with per-field errors
    schema = client.element_schema()
    assert {f.name for f in schema.fields} >= {"uscc", "legal_rep_id_number", "operator_mobile"}
    bad = elements(uscc=elements().uscc[:-1] + "0" if not elements().uscc.endswith("0")
                   else elements().uscc[:-1] + "1",
                   legal_rep_id_number="110105194912310021", operator_mobile="12345")
    with pytest.raises(E.ValidationFailed) as err:
        client.submit_elements(bad)
    assert set(err.value.fields) == {"uscc", "legal_rep_id_number", "operator_mobile"}
    assert client.verification().state is S.EDITING
    assert client.submit_elements(elements()).state is S.IDENTITY
    with pytest.raises(E.Conflict):  # only once per verification
        client.submit_elements(elements())

    # 身份认证: a QR session that expires, then one that passes
    stale = client.start_identity()
    clock.advance(timedelta(minutes=6))
    assert client.identity_session(stale.id).status is IdentityStatus.EXPIRED
    p = progress(client, clock)
    assert p.current is StepId.ORG_IDENTITY and Action.START_IDENTITY in p.actions
    assert Note(NoteCode.IDENTITY_QR_EXPIRED) in p.notices
    assert ops_http.post(f"/ops/api/suppliers/{uid}/identity/passed").status_code == 409
    with pytest.raises(E.Conflict):  # bank account not yet allowed
        client.submit_bank_account(bank())
    pass_identity(client, ops_http, uid)
    assert client.verification().state is S.BANK

    # 金融认证: account name must match; deposit expected three working days out
    with pytest.raises(E.ValidationFailed) as err:
        client.submit_bank_account(bank("别的公司"))
    assert "account_name" in err.value.fields
    ov = client.submit_bank_account(bank("深圳市测试科技有限公司 "))
    assert ov.state is S.DEPOSIT_PENDING and ov.deposit is not None
    assert ov.deposit.expected_by == date(2026, 11, 26)  # Monday + 3 working days
    with pytest.raises(E.Conflict):  # no deposit yet, so no code to enter
        client.enter_deposit_code("000000")
    p = progress(client, clock)
    assert p.waiting is not None and p.waiting.what is WaitingFor.DEPOSIT
    assert p.waiting.expected_by == date(2026, 11, 26) and not p.waiting.overdue

    # Server restart mid-journey: state and session survive, client resumes on the new port
    sandbox.stop()
    sandbox.start()
    client = make_client(sandbox.base_url, token_store=tokens)
    assert client.verification().state is S.DEPOSIT_PENDING

    # The deposit lands by the expected date; three wrong codes lock it
    clock.advance(timedelta(days=3))
    ov = client.verification()
    assert ov.state is S.DEPOSIT_SENT
    assert progress(client, clock).actions >= {Action.ENTER_DEPOSIT_CODE}
    code = ops_http.get(f"/ops/api/suppliers/{uid}/deposit").json()["code"]
    wrong = f"{(int(code) + 1) % 10**6:06d}"
    for left in (2, 1, 0):
        with pytest.raises(E.ValidationFailed) as err:
            client.enter_deposit_code(wrong)
        assert err.value.attempts_left == left
    assert client.verification().state is S.LOCKED
    with pytest.raises(E.Conflict):  # even the right code no longer helps
        client.enter_deposit_code(code)
    p = progress(client, clock)
    assert p.step(StepId.ORG_DEPOSIT_CODE).state is StepState.ATTENTION
    assert Action.CANCEL_VERIFICATION in p.actions

    # Cancel-and-redo: back to editing with the elements kept, then the whole way again
    ov = client.cancel_verification()
    assert ov.state is S.EDITING and ov.elements == elements() and ov.deposit is None
    client.submit_elements(elements())
    # This time the operator "scans" the QR code: its URL is the sandbox's WeChat simulation.
    qr = client.start_identity().qr_payload
    page = httpx.get(qr)
    assert page.status_code == 200 and "人脸核验通过" in page.text
    assert client.verification().identity.status is IdentityStatus.SCANNED  # type: ignore[union-attr]
    assert "认证通过" in httpx.post(qr + "/passed").text
    client.submit_bank_account(bank())
    reveal = ops_http.post(f"/ops/api/suppliers/{uid}/deposit").json()
    assert reveal["sent_at"] is not None
    with pytest.raises(E.Conflict):  # no application before 机构认证 is complete
        client.create_application(ApplicationForm())
    assert client.enter_deposit_code(reveal["code"]).state is S.VERIFIED
    assert progress(client, clock).current is StepId.APP_FORM

    # 录入: a partial draft, then the complete form
    app = client.create_application(ApplicationForm(seal_name="深圳市测试科技有限公司"))
    assert app.status is ApplicationStatus.DRAFT and "mail_address" in app.missing
    assert app.org_name == "深圳市测试科技有限公司"
    with pytest.raises(E.ValidationFailed) as err:
        client.update_application(app.id, full_form(mail_mobile="123"))
    assert "mail_mobile" in err.value.fields
    app = client.update_application(app.id, full_form())
    assert app.amount_cents == 2 * 30000
    p = progress(client, clock)
    assert p.current is StepId.APP_PRINT and Action.PRINT_FORMS in p.actions

    # 上传资料: content, not the name, decides; size limit enforced
    with pytest.raises(E.ValidationFailed) as err:
        client.upload_material(app.id, MaterialKind.BUSINESS_LICENCE, b"MZ not a pdf", "x.pdf")
    assert err.value.server_code == "bad_file_type"
    with pytest.raises(E.ValidationFailed) as err:
        client.upload_material(app.id, MaterialKind.BUSINESS_LICENCE, png_bytes(), "x.pdf")
    assert err.value.server_code == "extension_mismatch"
    with pytest.raises(E.TooLarge):
        client.upload_material(app.id, MaterialKind.BUSINESS_LICENCE,
                               pdf_bytes("x" * LIMITS.max_upload_bytes), "big.pdf")
    with pytest.raises(E.ValidationFailed) as err:  # not everything is there yet
        client.submit_application(app.id)
    assert "business_licence" in err.value.fields
    for kind in REQUIRED:
        data, name = (png_bytes(), f"{kind.value}.png") if "operator" in kind.value else (
            pdf_bytes(kind.value), f"{kind.value}.pdf")
        material = client.upload_material(app.id, kind, data, name)
        assert material.size == len(data) and material.filename == name
    app = client.application(app.id)
    assert app.missing == [] and len(app.materials) == 5
    assert Action.SUBMIT_APPLICATION in progress(client, clock).actions

    # Submit → 缴费
    app = client.submit_application(app.id)
    assert app.status is ApplicationStatus.AWAITING_PAYMENT
    with pytest.raises(E.Conflict):
        client.submit_application(app.id)
    with pytest.raises(E.Conflict):  # no more edits once submitted
        client.update_application(app.id, full_form())

    # The payment response is lost: the client retries with the same key; one order only
    lossy = LossyTransport(lambda r: r.method == "POST" and r.url.path.endswith("/payments"))
    pay_client = make_client(sandbox.base_url, token_store=tokens, transport=lossy)
    key = new_idempotency_key()
    order = pay_client.create_payment(app.id, PaymentChannel.WECHAT, key, invoice())
    assert lossy.dropped == 1 and order.status is PaymentStatus.OPEN
    assert order.amount_cents == 60000 and order.qr_payload.endswith("channel=wechat")
    # The caller, unsure after an error, clicks nothing new and retries with the same key.
    assert client.create_payment(app.id, PaymentChannel.WECHAT, key, invoice()).id == order.id
    assert _count_payments(sandbox, app.id) == 1
    with pytest.raises(E.ValidationFailed):  # same key, different request
        client.create_payment(app.id, PaymentChannel.ALIPAY, key, invoice())
    p = progress(client, clock)
    assert p.current is StepId.APP_PAYMENT and p.waiting is not None
    assert p.waiting.what is WaitingFor.PAYMENT

    # Paid → 审核 (waiting, with an expected date)
    assert ops_http.post(f"/ops/api/applications/{app.id}/mark-paid").status_code == 200
    assert client.payment(order.id).status is PaymentStatus.PAID
    app = client.application(app.id)
    assert app.status is ApplicationStatus.UNDER_REVIEW and app.paid
    p = progress(client, clock)
    assert p.current is StepId.APP_REVIEW and p.step(StepId.APP_REVIEW).state is StepState.WAITING
    assert p.waiting is not None and p.waiting.what is WaitingFor.REVIEW
    assert p.waiting.expected_by is not None

    # Rejected: fix the form, redo the seal impression, resubmit without paying again
    r = ops_http.post(f"/ops/api/applications/{app.id}/reject",
                      json={"reason": "印模不清晰", "redo_materials": ["seal_impression"]})
    assert r.status_code == 200
    app = client.application(app.id)
    assert app.status is ApplicationStatus.REJECTED and app.reject_reason == "印模不清晰"
    assert app.redo_materials == [MaterialKind.SEAL_IMPRESSION]
    assert app.missing == ["seal_impression"]
    p = progress(client, clock)
    assert p.step(StepId.APP_REVIEW).state is StepState.ATTENTION
    assert p.step(StepId.APP_PAYMENT).state is StepState.DONE
    assert p.current is StepId.APP_MATERIALS and Action.SUBMIT_APPLICATION not in p.actions
    client.update_application(app.id, full_form(mail_address="深圳市南山区科技园 2 号"))
    client.upload_material(app.id, MaterialKind.SEAL_IMPRESSION, pdf_bytes("clear"), "印模.pdf")
    app = client.submit_application(app.id)
    assert app.status is ApplicationStatus.UNDER_REVIEW and app.revision == 2
    assert app.form.mail_address == "深圳市南山区科技园 2 号"
    with pytest.raises(E.Conflict):
        client.create_payment(app.id, PaymentChannel.ALIPAY, new_idempotency_key(), invoice())
    assert _count_payments(sandbox, app.id) == 1

    # Approved → UKEY寄送, and a test certificate for the self-check
    r = ops_http.post(f"/ops/api/applications/{app.id}/approve", json={"courier": "顺丰速运"})
    assert r.status_code == 200
    app = client.application(app.id)
    assert app.status is ApplicationStatus.APPROVED and app.certificate_serial
    assert app.shipping is not None and app.shipping.tracking_number.startswith("SF")
    p = progress(client, clock)
    assert p.current is StepId.SHIPPING and Action.SELF_CHECK in p.actions
    assert p.waiting is not None and p.waiting.what is WaitingFor.DELIVERY
    assert progress(client, clock, self_check_done=True).finished
    r = ops_http.post(f"/ops/api/applications/{app.id}/test-certificate",
                      json={"password": "p12-secret"})
    assert r.status_code == 200 and r.headers["content-type"] == "application/x-pkcs12"
    key_obj, cert, cas = pkcs12.load_key_and_certificates(r.content, b"p12-secret")
    assert key_obj is not None and cert is not None and len(cas) == 1
    org = cert.subject.get_attributes_for_oid(NameOID.ORGANIZATION_NAME)[0].value
    # The organisation's name carries the sandbox mark: a seal drawn from this certificate and
    # every report on it say it is a test.
    assert org == "深圳市测试科技有限公司（测试/沙箱 — 无效）"
    cn = cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)[0].value
    assert "测试/沙箱 — 无效" in cn
    assert format(cert.serial_number, "X") == app.certificate_serial


def progress_anonymous_is_register() -> bool:
    from datetime import UTC, datetime

    from cgn_seal_desktop.portal.wizard.state import PortalSnapshot

    p = compute_progress(PortalSnapshot(), datetime.now(UTC))
    return p.current is StepId.REGISTER and Action.REGISTER in p.actions


def _count_payments(server: SandboxServer, app_id: int) -> int:
    with server.ctx.db.tx() as conn:
        row = conn.execute("SELECT COUNT(*) FROM payments WHERE application_id=?",
                           (app_id,)).fetchone()
    return int(row[0])
