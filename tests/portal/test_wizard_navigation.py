"""The wizard's navigation map, poll policy and wait results on hand-built server states
(no server, no Qt)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from cgn_seal_desktop.portal.models import (
    ApplicationStatus,
    DepositInfo,
    IdentitySession,
    IdentityStatus,
    PaymentChannel,
    PaymentOrder,
    PaymentStatus,
)
from cgn_seal_desktop.portal.wizard.navigation import (
    CHOOSABLE_VIEWS,
    VIEW_FOR_STEP,
    PollPolicy,
    Route,
    View,
    WaitResult,
    route,
    view_for_step_click,
    wait_result,
)
from cgn_seal_desktop.portal.wizard.state import (
    PortalSnapshot,
    StepId,
    compute_progress,
)
from tests.portal.helpers import START
from tests.portal.test_wizard_state import S, app, ov, snap

A = ApplicationStatus


def _route(s: PortalSnapshot, chosen: str | None) -> Route:
    return route(s, compute_progress(s, START), chosen)


def test_every_step_has_a_view_and_choosable_views_are_application_steps() -> None:
    assert set(VIEW_FOR_STEP) == set(StepId)
    assert all(VIEW_FOR_STEP[s] is v for s, v in CHOOSABLE_VIEWS.items())
    assert set(CHOOSABLE_VIEWS) == {StepId.APP_FORM, StepId.APP_PRINT, StepId.APP_MATERIALS}


def test_logged_out_shows_the_account_view() -> None:
    assert _route(PortalSnapshot(), "form") == Route(View.ACCOUNT, View.FORM)
    assert _route(PortalSnapshot(), None) == Route(View.ACCOUNT, None)


def test_a_choice_holds_while_the_application_is_editable() -> None:
    draft = snap(ov(S.VERIFIED), app(A.DRAFT))  # nothing missing: materials is current
    assert _route(draft, None) == Route(View.MATERIALS, None)
    assert _route(draft, "form") == Route(View.FORM, View.FORM)
    assert _route(draft, "print") == Route(View.PRINT, View.PRINT)
    assert _route(draft, "payment") == Route(View.MATERIALS, None)  # not choosable
    assert _route(draft, "junk") == Route(View.MATERIALS, None)
    rejected = snap(ov(S.VERIFIED), app(A.REJECTED, reject_reason="模糊"))
    assert _route(rejected, "form") == Route(View.FORM, View.FORM)


@pytest.mark.parametrize(("status", "view"), [
    (A.AWAITING_PAYMENT, View.PAYMENT),
    (A.UNDER_REVIEW, View.REVIEW),
    (A.APPROVED, View.REVIEW),
])
def test_a_choice_is_forgotten_once_the_application_is_not_editable(
        status: ApplicationStatus, view: View) -> None:
    assert _route(snap(ov(S.VERIFIED), app(status, submitted_at=START)), "form") == Route(
        view, None)


def test_the_state_machine_leads_before_there_is_an_application() -> None:
    assert _route(snap(ov(S.BANK)), "form") == Route(View.BANK, None)
    assert _route(snap(ov(S.VERIFIED)), "print") == Route(View.FORM, None)


def test_step_clicks() -> None:
    draft = snap(ov(S.VERIFIED), app(A.DRAFT))
    assert view_for_step_click("app_form", draft) is View.FORM
    assert view_for_step_click("app_materials", draft) is View.MATERIALS
    assert view_for_step_click("org_bank", draft) is None
    assert view_for_step_click("no such step", draft) is None
    paid = snap(ov(S.VERIFIED), app(A.UNDER_REVIEW, paid=True, submitted_at=START))
    assert view_for_step_click("app_form", paid) is None
    assert view_for_step_click("app_form", snap(ov(S.VERIFIED))) is None


def _order(status: PaymentStatus = PaymentStatus.OPEN) -> PaymentOrder:
    return PaymentOrder(id=1, application_id=7, channel=PaymentChannel.ALIPAY,
                        amount_cents=30000, qr_payload="q", status=status, created_at=START,
                        expires_at=START + timedelta(minutes=30))


def _identity(status: IdentityStatus) -> IdentitySession:
    return IdentitySession(id=1, status=status, qr_payload="q", created_at=START,
                           expires_at=START + timedelta(minutes=5))


def test_poll_policy() -> None:
    policy = PollPolicy(fast_ms=3000, slow_ms=60_000)

    def delay(s: PortalSnapshot, logged_in: bool = True) -> int | None:
        return policy.delay_ms(compute_progress(s, START), logged_in=logged_in)

    scanning = snap(ov(S.IDENTITY, identity=_identity(IdentityStatus.PENDING)))
    assert delay(scanning) == 3000  # WeChat: within seconds
    assert delay(snap(ov(S.VERIFIED), app(A.AWAITING_PAYMENT, payment=_order()))) == 3000
    deposit = DepositInfo(submitted_at=START, expected_by=START.date() + timedelta(days=3),
                          attempts_left=3)
    assert delay(snap(ov(S.DEPOSIT_PENDING, deposit=deposit))) == 60_000  # the bank: days
    assert delay(snap(ov(S.VERIFIED), app(A.UNDER_REVIEW, paid=True,
                                          submitted_at=START))) == 60_000
    assert delay(snap(ov(S.BANK))) is None  # the user's turn: nothing to wait for
    assert delay(scanning, logged_in=False) is None


def _result(old: PortalSnapshot, new: PortalSnapshot) -> WaitResult | None:
    return wait_result(old, compute_progress(old, START), new, compute_progress(new, START))


def test_wait_results() -> None:
    v = ov(S.VERIFIED)
    review = snap(v, app(A.UNDER_REVIEW, paid=True, submitted_at=START))
    assert _result(review, snap(v, app(A.APPROVED, paid=True))) is WaitResult.APPROVED
    assert _result(review, snap(v, app(A.REJECTED, paid=True))) is WaitResult.REJECTED
    paying = snap(v, app(A.AWAITING_PAYMENT, payment=_order()))
    assert _result(paying, review) is WaitResult.PAYMENT_RECEIVED
    assert _result(review, review) is None
    scanning = snap(ov(S.IDENTITY, identity=_identity(IdentityStatus.SCANNED)))
    assert _result(scanning, snap(ov(S.BANK))) is WaitResult.IDENTITY_PASSED
    failed = snap(ov(S.IDENTITY, identity=_identity(IdentityStatus.FAILED)))
    assert _result(scanning, failed) is WaitResult.IDENTITY_FAILED
    expired = snap(ov(S.IDENTITY, identity=_identity(IdentityStatus.EXPIRED)))
    assert _result(scanning, expired) is None  # an expired QR code is no result
    deposit = DepositInfo(submitted_at=START, expected_by=START.date() + timedelta(days=3),
                          attempts_left=3)
    assert _result(snap(ov(S.DEPOSIT_PENDING, deposit=deposit)),
                   snap(ov(S.DEPOSIT_SENT, deposit=deposit))) is WaitResult.DEPOSIT_MADE


def test_the_step_on_screen_is_the_one_marked_current() -> None:
    from cgn_seal_desktop.portal.wizard.navigation import steps_as_viewed
    from cgn_seal_desktop.portal.wizard.state import StepState

    printing = compute_progress(snap(ov(S.VERIFIED), app(
        A.DRAFT, missing=["application_form", "business_licence"])), START)
    assert printing.current is StepId.APP_PRINT
    states = {s.id: s.state for s in steps_as_viewed(printing, View.MATERIALS)}
    assert states[StepId.APP_MATERIALS] is StepState.CURRENT
    assert states[StepId.APP_PRINT] is StepState.TODO  # not done: the form is not uploaded
    assert list(states.values()).count(StepState.CURRENT) == 1
    # Back to the form from the uploads: the form is where the clerk is; the rest unchanged.
    uploading = compute_progress(snap(ov(S.VERIFIED), app(A.DRAFT)), START)
    states = {s.id: s.state for s in steps_as_viewed(uploading, View.FORM)}
    assert states[StepId.APP_FORM] is StepState.CURRENT
    assert states[StepId.APP_PRINT] is StepState.DONE
    assert states[StepId.APP_MATERIALS] is StepState.TODO
    # The state machine's own view, or a view outside the editable application: as computed.
    assert steps_as_viewed(printing, View.PRINT) == printing.steps
    assert steps_as_viewed(printing, None) == printing.steps
    review = compute_progress(snap(ov(S.VERIFIED), app(A.UNDER_REVIEW, paid=True,
                                                       submitted_at=START)), START)
    assert steps_as_viewed(review, View.MATERIALS) == review.steps
