"""The application wizard as a UI-agnostic state machine.

:func:`compute_progress` rebuilds everything from the server's state (a :class:`PortalSnapshot`),
so the wizard resumes where it was after a restart or on another computer. The UI renders the
steps, enables exactly the :class:`Action` values offered, and shows what we are waiting for.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum

from cgn_seal_desktop.portal.models import (
    Account,
    Application,
    ApplicationStatus,
    IdentityStatus,
    MaterialKind,
    OrgVerification,
    OrgVerificationState,
    PaymentStatus,
)
from cgn_seal_desktop.portal.workdays import add_working_days, china_date

__all__ = [
    "STEP_TITLES",
    "Action",
    "PortalSnapshot",
    "Progress",
    "Step",
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


#: (group, title) per step, in the wording of the process guide.
STEP_TITLES: dict[StepId, tuple[str, str]] = {
    StepId.REGISTER: ("供应商注册", "供应商注册"),
    StepId.ORG_ELEMENTS: ("机构认证", "六要素"),
    StepId.ORG_IDENTITY: ("机构认证", "身份认证"),
    StepId.ORG_BANK: ("机构认证", "金融认证（打款）"),
    StepId.ORG_DEPOSIT_CODE: ("机构认证", "随机码"),
    StepId.APP_FORM: ("申请数字证书", "录入"),
    StepId.APP_PRINT: ("申请数字证书", "打印申请表"),
    StepId.APP_MATERIALS: ("申请数字证书", "上传资料"),
    StepId.APP_PAYMENT: ("申请数字证书", "缴费"),
    StepId.APP_REVIEW: ("申请数字证书", "审核"),
    StepId.SHIPPING: ("UKEY寄送", "UKEY寄送"),
    StepId.SELF_CHECK: ("盖章自检", "盖章自检"),
}
_ORDER = list(STEP_TITLES)


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
    group: str
    title: str
    state: StepState
    detail: str = ""


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
    notices: tuple[str, ...] = ()
    finished: bool = False

    def step(self, step_id: StepId) -> Step:
        return next(s for s in self.steps if s.id == step_id)


@dataclass
class _Build:
    current: StepId
    state: StepState = StepState.CURRENT
    actions: set[Action] = field(default_factory=set)
    waiting: Waiting | None = None
    notices: list[str] = field(default_factory=list)
    details: dict[StepId, str] = field(default_factory=dict)
    overrides: dict[StepId, StepState] = field(default_factory=dict)
    finished: bool = False


def _verification(ov: OrgVerification, now: datetime) -> _Build:
    S, cancel = OrgVerificationState, Action.CANCEL_VERIFICATION
    if ov.state is S.EDITING:
        b = _Build(StepId.ORG_ELEMENTS, actions={Action.SUBMIT_ELEMENTS})
        if ov.elements is not None:
            b.details[StepId.ORG_ELEMENTS] = "请核对并修改六要素后重新提交认证"
        return b
    if ov.state is S.IDENTITY:
        b = _Build(StepId.ORG_IDENTITY, actions={Action.START_IDENTITY, cancel})
        ident = ov.identity
        if ident is not None and ident.status in (IdentityStatus.PENDING, IdentityStatus.SCANNED):
            b.state = StepState.WAITING
            b.actions.add(Action.POLL_IDENTITY)
            b.waiting = Waiting(WaitingFor.IDENTITY_SCAN, ident.created_at, None)
        elif ident is not None and ident.status is IdentityStatus.EXPIRED:
            b.notices.append("二维码已过期，请重新生成后用微信扫码")
        elif ident is not None and ident.status is IdentityStatus.FAILED:
            b.state = StepState.ATTENTION
            b.notices.append(f"身份认证未通过：{ident.failure_reason or '请重试'}")
        return b
    if ov.state is S.BANK:
        return _Build(StepId.ORG_BANK, actions={Action.SUBMIT_BANK, cancel})
    if ov.state is S.DEPOSIT_PENDING:
        assert ov.deposit is not None
        overdue = china_date(now) > ov.deposit.expected_by
        b = _Build(StepId.ORG_DEPOSIT_CODE, StepState.WAITING, {Action.REFRESH, cancel},
                   Waiting(WaitingFor.DEPOSIT, ov.deposit.submitted_at, ov.deposit.expected_by,
                           overdue))
        b.details[StepId.ORG_DEPOSIT_CODE] = (
            f"深圳CA将在 {ov.deposit.expected_by.isoformat()} 前向对公账户小额打款，"
            "收到短信后请向财务查询随机码")
        if overdue:
            b.actions.add(Action.CONTACT_SUPPORT)
            b.notices.append("已超过预计打款日期，请联系客服")
        return b
    if ov.state is S.DEPOSIT_SENT:
        assert ov.deposit is not None
        b = _Build(StepId.ORG_DEPOSIT_CODE, actions={Action.ENTER_DEPOSIT_CODE, cancel})
        b.details[StepId.ORG_DEPOSIT_CODE] = f"剩余 {ov.deposit.attempts_left} 次输入机会"
        return b
    if ov.state is S.LOCKED:
        b = _Build(StepId.ORG_DEPOSIT_CODE, StepState.ATTENTION,
                   {cancel, Action.CONTACT_SUPPORT})
        b.notices.append("随机码输入错误次数过多，请取消认证后重新认证")
        return b
    raise AssertionError(ov.state)  # VERIFIED is handled by the caller


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
            b.details[StepId.APP_FORM] = "待填写：" + "、".join(sorted(form_missing))
        elif MaterialKind.APPLICATION_FORM.value in missing:
            b.current = StepId.APP_PRINT
        else:
            b.current = StepId.APP_MATERIALS
            if missing:
                b.details[StepId.APP_MATERIALS] = "待上传：" + "、".join(sorted(missing))
        if not missing:
            b.actions.add(Action.SUBMIT_APPLICATION)
        if app.status is A.REJECTED:
            b.overrides[StepId.APP_REVIEW] = StepState.ATTENTION
            b.details[StepId.APP_REVIEW] = f"审核驳回：{app.reject_reason or ''}"
            b.notices.append(f"审核驳回：{app.reject_reason or ''}；请修改后重新提交"
                             + ("（无需再次缴费）" if app.paid else ""))
        return b
    if app.status is A.AWAITING_PAYMENT:
        b.current, b.actions = StepId.APP_PAYMENT, {Action.PAY}
        pay = app.payment
        if pay is not None and pay.status is PaymentStatus.OPEN and pay.expires_at > now:
            b.state = StepState.WAITING
            b.actions.add(Action.POLL_PAYMENT)
            b.waiting = Waiting(WaitingFor.PAYMENT, pay.created_at, None)
        elif pay is not None and pay.status is not PaymentStatus.PAID:
            b.notices.append("支付二维码已失效，请重新发起缴费")
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
        b.details[StepId.SHIPPING] = f"{app.shipping.courier} {app.shipping.tracking_number}"
    b.notices.append("收到 UKEY 后，请务必进行电子印章盖章自检")
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
        group, title = STEP_TITLES[sid]
        steps.append(Step(sid, group, title, state, b.details.get(sid, "")))
    return Progress(tuple(steps), b.current, frozenset(b.actions), b.waiting,
                    tuple(b.notices), b.finished)
