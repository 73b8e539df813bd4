""""The application is editable": one rule (``ApplicationStatus.editable``) that the wizard and
the sandbox both read. Through every status, the real sandbox accepts an edit or an upload
exactly when the rule says so."""

from __future__ import annotations

import httpx
import pytest

from cgn_seal_desktop.portal import errors as E
from cgn_seal_desktop.portal.client import PortalClient, new_idempotency_key
from cgn_seal_desktop.portal.models import (
    Application,
    ApplicationStatus,
    MaterialKind,
    PaymentChannel,
)
from tests.portal.helpers import full_form, invoice, pdf_bytes, png_bytes, verify


def test_the_rule() -> None:
    assert {s for s in ApplicationStatus if s.editable} == {ApplicationStatus.DRAFT,
                                                            ApplicationStatus.REJECTED}


def _server_allows_changes(client: PortalClient, app: Application) -> bool:
    """Try an edit and an upload; both must agree."""
    try:
        client.update_application(app.id, full_form(contact_name="李四"))
        edited = True
    except E.Conflict:
        edited = False
    try:
        client.upload_material(app.id, MaterialKind.BUSINESS_LICENCE, pdf_bytes("again"), "a.pdf")
        uploaded = True
    except E.Conflict:
        uploaded = False
    assert edited == uploaded
    return edited


def test_the_sandbox_follows_the_rule_in_every_status(supplier: PortalClient,
                                                      ops_http: httpx.Client) -> None:
    verify(supplier, ops_http)
    app = supplier.create_application(full_form())
    for kind in MaterialKind:
        if kind is not MaterialKind.AUTHORISATION_LETTER:
            data, name = (png_bytes(), "a.png") if "operator" in kind.value else (
                pdf_bytes(), "a.pdf")
            supplier.upload_material(app.id, kind, data, name)
    seen: dict[ApplicationStatus, bool] = {}

    def check() -> Application:
        current = supplier.application(app.id)
        assert current.editable is current.status.editable
        seen[current.status] = _server_allows_changes(supplier, current)
        assert seen[current.status] is current.editable, current.status
        return current

    check()  # draft
    supplier.submit_application(app.id)
    check()  # awaiting payment
    supplier.create_payment(app.id, PaymentChannel.ALIPAY, new_idempotency_key(), invoice())
    ops_http.post(f"/ops/api/applications/{app.id}/mark-paid").raise_for_status()
    check()  # under review
    ops_http.post(f"/ops/api/applications/{app.id}/reject",
                  json={"reason": "模糊", "redo_materials": []}).raise_for_status()
    check()  # rejected
    supplier.submit_application(app.id)
    ops_http.post(f"/ops/api/applications/{app.id}/approve", json={}).raise_for_status()
    check()  # approved
    assert set(seen) == set(ApplicationStatus)


@pytest.mark.parametrize("status", list(ApplicationStatus))
def test_application_model_reads_the_rule(status: ApplicationStatus) -> None:
    from tests.portal.test_wizard_state import app

    assert app(status).editable is status.editable
