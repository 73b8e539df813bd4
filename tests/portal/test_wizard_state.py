"""The wizard state machine on hand-built server states (no server, no Qt)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from cgn_seal_desktop.portal.models import (
    Account,
    Application,
    ApplicationForm,
    ApplicationStatus,
    DepositInfo,
    IdentitySession,
    IdentityStatus,
    OrgVerification,
    OrgVerificationState,
    PaymentChannel,
    PaymentOrder,
    PaymentStatus,
)
from cgn_seal_desktop.portal.wizard.state import (
    Action,
    Note,
    NoteCode,
    PortalSnapshot,
    StepGroup,
    StepId,
    StepState,
    WaitingFor,
    compute_progress,
)
from cgn_seal_desktop.portal.workdays import add_working_days
from tests.portal.helpers import START, elements, full_form

ACCOUNT = Account(id=1, username="u", company_name="c", contact_name="n", mobile="13800138000",
                  email="a@b.cn", created_at=START)
S = OrgVerificationState


def ov(state: OrgVerificationState, **kw: object) -> OrgVerification:
    return OrgVerification(state=state, elements=elements(), updated_at=START, **kw)  # type: ignore[arg-type]


def app(status: ApplicationStatus, *, missing: list[str] | None = None, paid: bool = False,
        payment: PaymentOrder | None = None, form: ApplicationForm | None = None,
        **kw: object) -> Application:
    return Application(id=7, status=status, form=form or full_form(), org_name="o", uscc="u",
                       materials=[], missing=missing or [], paid=paid, payment=payment,
                       revision=1, created_at=START, updated_at=START, **kw)  # type: ignore[arg-type]


def snap(verification: OrgVerification, application: Application | None = None) -> PortalSnapshot:
    return PortalSnapshot(ACCOUNT, verification, application)


def test_steps_are_ordered_and_done_before_current() -> None:
    p = compute_progress(snap(ov(S.BANK)), START)
    assert [s.id for s in p.steps][:3] == [StepId.REGISTER, StepId.ORG_ELEMENTS,
                                          StepId.ORG_IDENTITY]
    assert p.current is StepId.ORG_BANK
    assert [s.state for s in p.steps[:5]] == [StepState.DONE] * 3 + [StepState.CURRENT,
                                                                    StepState.TODO]
    assert p.actions == {Action.SUBMIT_BANK, Action.CANCEL_VERIFICATION}
    assert p.step(StepId.ORG_BANK).group is StepGroup.ORG_VERIFICATION
    assert [s.id for s in p.steps if s.group is StepGroup.ORG_VERIFICATION] == [
        StepId.ORG_ELEMENTS, StepId.ORG_IDENTITY, StepId.ORG_BANK, StepId.ORG_DEPOSIT_CODE]


def test_identity_pending_waits_and_failed_needs_attention() -> None:
    session = IdentitySession(id=1, status=IdentityStatus.SCANNED, qr_payload="q",
                              created_at=START, expires_at=START + timedelta(minutes=5))
    p = compute_progress(snap(ov(S.IDENTITY, identity=session)), START)
    assert p.step(StepId.ORG_IDENTITY).state is StepState.WAITING
    assert p.waiting is not None and p.waiting.what is WaitingFor.IDENTITY_SCAN
    assert Action.POLL_IDENTITY in p.actions
    failed = session.model_copy(update={"status": IdentityStatus.FAILED,
                                        "failure_reason": "人脸不符"})
    p = compute_progress(snap(ov(S.IDENTITY, identity=failed)), START)
    assert p.step(StepId.ORG_IDENTITY).state is StepState.ATTENTION
    assert Note(NoteCode.IDENTITY_FAILED, {"reason": "人脸不符"}) in p.notices
    assert {Action.START_IDENTITY, Action.CONTACT_SUPPORT} <= p.actions


def test_deposit_wait_becomes_overdue_after_the_expected_date() -> None:
    deposit = DepositInfo(submitted_at=START, expected_by=add_working_days(START, 3),
                          attempts_left=3)
    assert deposit.expected_by == date(2026, 11, 26)
    p = compute_progress(snap(ov(S.DEPOSIT_PENDING, deposit=deposit)), START)
    assert p.waiting is not None and not p.waiting.overdue
    assert p.step(StepId.ORG_DEPOSIT_CODE).detail == Note(NoteCode.DEPOSIT_EXPECTED,
                                                          {"expected_by": "2026-11-26"})
    late = compute_progress(snap(ov(S.DEPOSIT_PENDING, deposit=deposit)),
                            START + timedelta(days=4))
    assert late.waiting is not None and late.waiting.overdue
    assert Action.CONTACT_SUPPORT in late.actions
    assert Note(NoteCode.DEPOSIT_OVERDUE) in late.notices


def test_working_days_skip_weekends() -> None:
    friday = datetime(2026, 11, 27, 2, 0, tzinfo=UTC)
    assert add_working_days(friday, 3) == date(2026, 12, 2)  # Mon, Tue, Wed
    late_sunday_utc = datetime(2026, 11, 29, 17, 0, tzinfo=UTC)  # Monday 01:00 in China
    assert add_working_days(late_sunday_utc, 1) == date(2026, 12, 1)


def test_draft_steps_follow_what_is_missing() -> None:
    verified = ov(S.VERIFIED)
    assert compute_progress(snap(verified), START).actions == {Action.CREATE_APPLICATION}
    p = compute_progress(snap(verified, app(ApplicationStatus.DRAFT,
                                            missing=["mail_address", "business_licence"])), START)
    assert p.current is StepId.APP_FORM
    assert p.step(StepId.APP_FORM).detail == Note(NoteCode.FORM_MISSING, items=("mail_address",))
    p = compute_progress(snap(verified, app(ApplicationStatus.DRAFT,
                                            missing=["application_form"])), START)
    assert p.current is StepId.APP_PRINT and Action.SUBMIT_APPLICATION not in p.actions
    # What is still to upload is said from the start (the clerk may look at the uploads first),
    # in the order the upload page lists them.
    p = compute_progress(snap(verified, app(ApplicationStatus.DRAFT, missing=[
        "operator_id_back", "application_form", "business_licence"])), START)
    assert p.current is StepId.APP_PRINT
    assert p.step(StepId.APP_MATERIALS).detail == Note(NoteCode.MATERIALS_MISSING, items=(
        "business_licence", "application_form", "operator_id_back"))
    p = compute_progress(snap(verified, app(ApplicationStatus.DRAFT, missing=[
        "mail_address", "org_phone", "org_address", "from_a_newer_server"])), START)
    assert p.step(StepId.APP_FORM).detail == Note(NoteCode.FORM_MISSING, items=(
        "org_address", "org_phone", "mail_address", "from_a_newer_server"))
    p = compute_progress(snap(verified, app(ApplicationStatus.DRAFT)), START)
    assert p.current is StepId.APP_MATERIALS and Action.SUBMIT_APPLICATION in p.actions


def test_expired_payment_offers_a_new_one() -> None:
    order = PaymentOrder(id=1, application_id=7, channel=PaymentChannel.ALIPAY,
                         amount_cents=30000, qr_payload="q", status=PaymentStatus.OPEN,
                         created_at=START, expires_at=START + timedelta(minutes=30))
    a = app(ApplicationStatus.AWAITING_PAYMENT, payment=order)
    p = compute_progress(snap(ov(S.VERIFIED), a), START)
    assert p.step(StepId.APP_PAYMENT).state is StepState.WAITING
    assert p.actions == {Action.PAY, Action.POLL_PAYMENT}
    p = compute_progress(snap(ov(S.VERIFIED), a), START + timedelta(hours=1))
    assert p.actions == {Action.PAY} and p.waiting is None
    assert p.notices == (Note(NoteCode.PAYMENT_QR_EXPIRED),)


def test_rejected_paid_application_resubmits_without_paying() -> None:
    a = app(ApplicationStatus.REJECTED, paid=True, reject_reason="模糊",
            missing=["seal_impression"])
    p = compute_progress(snap(ov(S.VERIFIED), a), START)
    assert p.step(StepId.APP_PAYMENT).state is StepState.DONE
    assert p.step(StepId.APP_REVIEW).state is StepState.ATTENTION
    assert Action.PAY not in p.actions
    assert p.notices == (Note(NoteCode.APPLICATION_REJECTED, {"reason": "模糊", "paid": "yes"}),)
    assert p.step(StepId.APP_REVIEW).detail == Note(NoteCode.REVIEW_REJECTED, {"reason": "模糊"})
    assert p.step(StepId.APP_MATERIALS).detail == Note(NoteCode.MATERIALS_MISSING,
                                                       items=("seal_impression",))


def test_review_wait_has_an_expected_date() -> None:
    a = app(ApplicationStatus.UNDER_REVIEW, paid=True, submitted_at=START)
    p = compute_progress(snap(ov(S.VERIFIED), a), START)
    assert p.waiting is not None and p.waiting.what is WaitingFor.REVIEW
    assert p.waiting.expected_by == date(2026, 11, 26)
