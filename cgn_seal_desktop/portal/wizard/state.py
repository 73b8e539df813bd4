"""The application wizard as a UI-agnostic state machine.

:func:`compute_progress` rebuilds everything from the server's state (a :class:`PortalSnapshot`),
so the wizard resumes where it was after a restart or on another computer. The UI renders the
steps, enables exactly the :class:`Action` values offered, and shows what we are waiting for.
Nothing here is worded for a user: steps are :class:`StepId` / :class:`StepGroup`, details and
notices are :class:`Note` codes with their facts; ``ui/wizard/wording.py`` says them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum

from cgn_seal_desktop.portal.models import (
    Account,
    Application,
    ApplicationForm,
    ApplicationStatus,
    IdentityStatus,
    MaterialKind,
    OrgVerification,
    OrgVerificationState,
    PaymentStatus,
)
from cgn_seal_desktop.portal.workdays import add_working_days, china_date

__all__ = [
    "STEP_GROUPS",
    "Action",
    "Note",
    "NoteCode",
    "PortalSnapshot",
    "Progress",
    "Step",
    "StepGroup",
    "StepId",
    "StepState",
    "Waiting",
    "WaitingFor",
    "compute_progress",
]


class StepId(StrEnum):
    REGISTER = "register"
    ORG_ELEMENTS = "org_elements"
    ORG_IDENTITY = "org_identity"
    ORG_BANK = "org_bank"
    ORG_DEPOSIT_CODE = "org_deposit_code"
    APP_FORM = "app_form"
    APP_PRINT = "app_print"
    APP_MATERIALS = "app_materials"
    APP_PAYMENT = "app_payment"
    APP_REVIEW = "app_review"
    SHIPPING = "shipping"
    SELF_CHECK = "self_check"


class StepGroup(StrEnum):
    """The stages of the process guide (供应商注册, 机构认证, 申请数字证书, UKEY寄送, 盖章自检)."""

    REGISTER = "register"
    ORG_VERIFICATION = "org_verification"
    CERT_APPLICATION = "cert_application"
    SHIPPING = "shipping"
    SELF_CHECK = "self_check"


#: The stage of each step, in the order of the journey.
STEP_GROUPS: dict[StepId, StepGroup] = {
    StepId.REGISTER: StepGroup.REGISTER,
    StepId.ORG_ELEMENTS: StepGroup.ORG_VERIFICATION,
    StepId.ORG_IDENTITY: StepGroup.ORG_VERIFICATION,
    StepId.ORG_BANK: StepGroup.ORG_VERIFICATION,
    StepId.ORG_DEPOSIT_CODE: StepGroup.ORG_VERIFICATION,
    StepId.APP_FORM: StepGroup.CERT_APPLICATION,
    StepId.APP_PRINT: StepGroup.CERT_APPLICATION,
    StepId.APP_MATERIALS: StepGroup.CERT_APPLICATION,
    StepId.APP_PAYMENT: StepGroup.CERT_APPLICATION,
    StepId.APP_REVIEW: StepGroup.CERT_APPLICATION,
    StepId.SHIPPING: StepGroup.SHIPPING,
    StepId.SELF_CHECK: StepGroup.SELF_CHECK,
}
_ORDER = list(STEP_GROUPS)


class StepState(StrEnum):
    DONE = "done"
    CURRENT = "current"  # the user has something to do here
    WAITING = "waiting"  # someone else (CA, bank, WeChat, courier) has to act
    ATTENTION = "attention"  # blocked or rejected: needs the user's attention
    TODO = "todo"


class Action(StrEnum):
    REGISTER = "register"
    LOGIN = "login"
    SUBMIT_ELEMENTS = "submit_elements"
    START_IDENTITY = "start_identity"
    POLL_IDENTITY = "poll_identity"
    SUBMIT_BANK = "submit_bank"
    ENTER_DEPOSIT_CODE = "enter_deposit_code"
    CANCEL_VERIFICATION = "cancel_verification"
    CREATE_APPLICATION = "create_application"
    EDIT_APPLICATION = "edit_application"
    PRINT_FORMS = "print_forms"
    UPLOAD_MATERIAL = "upload_material"
    SUBMIT_APPLICATION = "submit_application"
    PAY = "pay"
    POLL_PAYMENT = "poll_payment"
    REFRESH = "refresh"
    SELF_CHECK = "self_check"
    CONTACT_SUPPORT = "contact_support"


class WaitingFor(StrEnum):
    IDENTITY_SCAN = "identity_scan"
    DEPOSIT = "deposit"
    PAYMENT = "payment"
    REVIEW = "review"
    DELIVERY = "delivery"


class NoteCode(StrEnum):
    """What a step detail or a notice says; :attr:`Note.params` / :attr:`Note.items` carry its
    facts (named in each comment)."""

    ELEMENTS_RESUBMIT = "elements_resubmit"  #: check and correct the six elements
    IDENTITY_QR_EXPIRED = "identity_qr_expired"
    IDENTITY_FAILED = "identity_failed"  #: reason (may be empty)
    DEPOSIT_EXPECTED = "deposit_expected"  #: expected_by (ISO date)
    DEPOSIT_OVERDUE = "deposit_overdue"
    DEPOSIT_ATTEMPTS_LEFT = "deposit_attempts_left"  #: attempts
    DEPOSIT_CODE_LOCKED = "deposit_code_locked"
    FORM_MISSING = "form_missing"  #: items: form fields still empty
    MATERIALS_MISSING = "materials_missing"  #: items: material kinds still missing
    REVIEW_REJECTED = "review_rejected"  #: reason
    APPLICATION_REJECTED = "application_rejected"  #: reason, paid ("yes"/"no")
    PAYMENT_QR_EXPIRED = "payment_qr_expired"
    SHIPPED = "shipped"  #: courier, tracking
    SELF_CHECK_REMINDER = "self_check_reminder"


@dataclass(frozen=True)
class Note:
    """A step's detail or a notice, as a code and the facts to say it with."""

    code: NoteCode
    params: Mapping[str, str] = field(default_factory=dict)
    items: tuple[str, ...] = ()


@dataclass(frozen=True)
class Waiting:
    """What the wizard waits for, since when, and until when it is normally done."""

    what: WaitingFor
    since: datetime | None
    expected_by: date | None
    overdue: bool = False


@dataclass(frozen=True)
class Step:
    id: StepId
    group: StepGroup
    state: StepState
    detail: Note | None = None


@dataclass(frozen=True)
class PortalSnapshot:
    """The server state the wizard is computed from (None = not logged in / nothing yet)."""

    account: Account | None = None
    verification: OrgVerification | None = None
    application: Application | None = None


@dataclass(frozen=True)
class Progress:
    steps: tuple[Step, ...]
    current: StepId
    actions: frozenset[Action]
    waiting: Waiting | None = None
    notices: tuple[Note, ...] = ()
    finished: bool = False

    def step(self, step_id: StepId) -> Step:
        return next(s for s in self.steps if s.id == step_id)


@dataclass
class _Build:
    current: StepId
    state: StepState = StepState.CURRENT
    actions: set[Action] = field(default_factory=set)
    waiting: Waiting | None = None
    notices: list[Note] = field(default_factory=list)
    details: dict[StepId, Note] = field(default_factory=dict)
    overrides: dict[StepId, StepState] = field(default_factory=dict)
    finished: bool = False


def _verification(ov: OrgVerification, now: datetime) -> _Build:
    S, cancel = OrgVerificationState, Action.CANCEL_VERIFICATION
    if ov.state is S.EDITING:
        b = _Build(StepId.ORG_ELEMENTS, actions={Action.SUBMIT_ELEMENTS})
        if ov.elements is not None:
            b.details[StepId.ORG_ELEMENTS] = Note(NoteCode.ELEMENTS_RESUBMIT)
        return b
    if ov.state is S.IDENTITY:
        b = _Build(StepId.ORG_IDENTITY, actions={Action.START_IDENTITY, cancel})
        ident = ov.identity
        if ident is not None and ident.status in (IdentityStatus.PENDING, IdentityStatus.SCANNED):
            b.state = StepState.WAITING
            b.actions.add(Action.POLL_IDENTITY)
            b.waiting = Waiting(WaitingFor.IDENTITY_SCAN, ident.created_at, None)
        elif ident is not None and ident.status is IdentityStatus.EXPIRED:
            b.notices.append(Note(NoteCode.IDENTITY_QR_EXPIRED))
        elif ident is not None and ident.status is IdentityStatus.FAILED:
            b.state = StepState.ATTENTION
            b.notices.append(Note(NoteCode.IDENTITY_FAILED,
                                  {"reason": ident.failure_reason or ""}))
        return b
    if ov.state is S.BANK:
        return _Build(StepId.ORG_BANK, actions={Action.SUBMIT_BANK, cancel})
    if ov.state is S.DEPOSIT_PENDING:
        assert ov.deposit is not None
        overdue = china_date(now) > ov.deposit.expected_by
        b = _Build(StepId.ORG_DEPOSIT_CODE, StepState.WAITING, {Action.REFRESH, cancel},
                   Waiting(WaitingFor.DEPOSIT, ov.deposit.submitted_at, ov.deposit.expected_by,
                           overdue))
        b.details[StepId.ORG_DEPOSIT_CODE] = Note(
            NoteCode.DEPOSIT_EXPECTED, {"expected_by": ov.deposit.expected_by.isoformat()})
        if overdue:
            b.actions.add(Action.CONTACT_SUPPORT)
            b.notices.append(Note(NoteCode.DEPOSIT_OVERDUE))
        return b
    if ov.state is S.DEPOSIT_SENT:
        assert ov.deposit is not None
        b = _Build(StepId.ORG_DEPOSIT_CODE, actions={Action.ENTER_DEPOSIT_CODE, cancel})
        b.details[StepId.ORG_DEPOSIT_CODE] = Note(
            NoteCode.DEPOSIT_ATTEMPTS_LEFT, {"attempts": str(ov.deposit.attempts_left)})
        return b
    if ov.state is S.LOCKED:
        b = _Build(StepId.ORG_DEPOSIT_CODE, StepState.ATTENTION,
                   {cancel, Action.CONTACT_SUPPORT})
        b.notices.append(Note(NoteCode.DEPOSIT_CODE_LOCKED))
        return b
    raise AssertionError(ov.state)  # VERIFIED is handled by the caller


#: The order in which missing things are listed: as the form and the upload page show them.
FORM_ORDER = tuple(ApplicationForm.model_fields)
MATERIAL_ORDER = tuple(k.value for k in MaterialKind)


def _in_order(items: set[str], order: tuple[str, ...]) -> tuple[str, ...]:
    """*items* in *order*; anything the order does not know (a newer server) last, sorted."""
    return (tuple(i for i in order if i in items)
            + tuple(sorted(i for i in items if i not in order)))


def _application(app: Application | None, now: datetime, self_checked: bool) -> _Build:
    A = ApplicationStatus
    if app is None:
        return _Build(StepId.APP_FORM, actions={Action.CREATE_APPLICATION})
    b = _Build(StepId.APP_FORM)
    if app.paid:
        b.overrides[StepId.APP_PAYMENT] = StepState.DONE
    if app.editable:
        missing = set(app.missing)
        form_missing = missing - {k.value for k in MaterialKind}
        b.actions = {Action.EDIT_APPLICATION, Action.PRINT_FORMS, Action.UPLOAD_MATERIAL}
        if form_missing:
            b.current = StepId.APP_FORM
            b.details[StepId.APP_FORM] = Note(NoteCode.FORM_MISSING,
                                              items=_in_order(form_missing, FORM_ORDER))
        else:
            printed = MaterialKind.APPLICATION_FORM.value not in missing
            b.current = StepId.APP_MATERIALS if printed else StepId.APP_PRINT
            if missing:  # also while printing: the supplier may look at the uploads first
                b.details[StepId.APP_MATERIALS] = Note(
                    NoteCode.MATERIALS_MISSING, items=_in_order(missing, MATERIAL_ORDER))
        if not missing:
            b.actions.add(Action.SUBMIT_APPLICATION)
        if app.status is A.REJECTED:
            b.overrides[StepId.APP_REVIEW] = StepState.ATTENTION
            reason = app.reject_reason or ""
            b.details[StepId.APP_REVIEW] = Note(NoteCode.REVIEW_REJECTED, {"reason": reason})
            b.notices.append(Note(NoteCode.APPLICATION_REJECTED,
                                  {"reason": reason, "paid": "yes" if app.paid else "no"}))
        return b
    if app.status is A.AWAITING_PAYMENT:
        b.current, b.actions = StepId.APP_PAYMENT, {Action.PAY}
        pay = app.payment
        if pay is not None and pay.status is PaymentStatus.OPEN and pay.expires_at > now:
            b.state = StepState.WAITING
            b.actions.add(Action.POLL_PAYMENT)
            b.waiting = Waiting(WaitingFor.PAYMENT, pay.created_at, None)
        elif pay is not None and pay.status is not PaymentStatus.PAID:
            b.notices.append(Note(NoteCode.PAYMENT_QR_EXPIRED))
        return b
    if app.status is A.UNDER_REVIEW:
        since = app.submitted_at or app.updated_at
        expected = add_working_days(since, 3)
        return _Build(StepId.APP_REVIEW, StepState.WAITING, {Action.REFRESH},
                      Waiting(WaitingFor.REVIEW, since, expected, china_date(now) > expected))
    # Approved: the UKEY is on its way; the self-check is the last step.
    if self_checked:
        return _Build(StepId.SELF_CHECK, StepState.DONE, {Action.SELF_CHECK}, finished=True)
    b = _Build(StepId.SHIPPING, StepState.WAITING, {Action.SELF_CHECK})
    if app.shipping is not None:
        b.waiting = Waiting(WaitingFor.DELIVERY, app.shipping.shipped_at,
                            add_working_days(app.shipping.shipped_at, 3))
        b.details[StepId.SHIPPING] = Note(NoteCode.SHIPPED, {
            "courier": app.shipping.courier, "tracking": app.shipping.tracking_number or ""})
    b.notices.append(Note(NoteCode.SELF_CHECK_REMINDER))
    return b


def compute_progress(snapshot: PortalSnapshot, now: datetime, *,
                     self_check_done: bool = False) -> Progress:
    """The wizard's position for *snapshot* at *now* (aware datetime).

    *self_check_done* comes from the local app (the server cannot know the seal was tested).
    """
    if snapshot.account is None:
        b = _Build(StepId.REGISTER, actions={Action.REGISTER, Action.LOGIN})
    elif snapshot.verification is None or (
        snapshot.verification.state is not OrgVerificationState.VERIFIED
    ):
        ov = snapshot.verification
        b = _verification(ov, now) if ov is not None else _Build(StepId.ORG_ELEMENTS,
                                                                  actions={Action.SUBMIT_ELEMENTS})
    else:
        b = _application(snapshot.application, now, self_check_done)
    b.actions.add(Action.CONTACT_SUPPORT) if b.state is StepState.ATTENTION else None
    cur = _ORDER.index(b.current)
    steps = []
    for i, sid in enumerate(_ORDER):
        state = StepState.DONE if i < cur else b.state if i == cur else StepState.TODO
        state = b.overrides.get(sid, state)
        steps.append(Step(sid, STEP_GROUPS[sid], state, b.details.get(sid)))
    return Progress(tuple(steps), b.current, frozenset(b.actions), b.waiting,
                    tuple(b.notices), b.finished)
