"""Which page the wizard shows, when it asks the server again, and what a finished wait means.

A UI-agnostic navigation map in the manner of Electrum's ``wizard.py``: the state machine
(:mod:`~cgn_seal_desktop.portal.wizard.state`) says where the supplier is; this module says which
:class:`View` renders that (:data:`VIEW_FOR_STEP`), which views the supplier may open at will
(:data:`CHOOSABLE_VIEWS`: the parts of an application that can still be edited), how often to
poll (:class:`PollPolicy`) and what to announce when a long wait ended (:func:`wait_result`).
The Qt pages only render the view they are given.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum

from cgn_seal_desktop.portal.models import (
    ApplicationStatus,
    IdentityStatus,
    OrgVerificationState,
)
from cgn_seal_desktop.portal.wizard.state import (
    Action,
    PortalSnapshot,
    Progress,
    Step,
    StepId,
    StepState,
    WaitingFor,
)

__all__ = [
    "CHOOSABLE_VIEWS",
    "VIEW_FOR_STEP",
    "PollPolicy",
    "Route",
    "View",
    "WaitResult",
    "route",
    "steps_as_viewed",
    "view_for_step_click",
    "wait_result",
]


class View(StrEnum):
    """The wizard's pages (what a UI shows; one per kind of user input)."""

    ACCOUNT = "account"
    ELEMENTS = "elements"
    IDENTITY = "identity"
    BANK = "bank"
    FORM = "form"
    PRINT = "print"
    MATERIALS = "materials"
    PAYMENT = "payment"
    REVIEW = "review"


#: The navigation map: the view that renders each step when the state machine is there.
VIEW_FOR_STEP: dict[StepId, View] = {
    StepId.REGISTER: View.ACCOUNT,
    StepId.ORG_ELEMENTS: View.ELEMENTS,
    StepId.ORG_IDENTITY: View.IDENTITY,
    StepId.ORG_BANK: View.BANK,
    StepId.ORG_DEPOSIT_CODE: View.BANK,
    StepId.APP_FORM: View.FORM,
    StepId.APP_PRINT: View.PRINT,
    StepId.APP_MATERIALS: View.MATERIALS,
    StepId.APP_PAYMENT: View.PAYMENT,
    StepId.APP_REVIEW: View.REVIEW,
    StepId.SHIPPING: View.REVIEW,
    StepId.SELF_CHECK: View.REVIEW,
}

#: While the application is editable, the supplier may move freely between these steps' views
#: (back to the form from the materials, forward to printing, …), whatever step is current.
CHOOSABLE_VIEWS: dict[StepId, View] = {
    StepId.APP_FORM: View.FORM,
    StepId.APP_PRINT: View.PRINT,
    StepId.APP_MATERIALS: View.MATERIALS,
}


@dataclass(frozen=True)
class Route:
    """The view to show now, and the supplier's own choice of view to keep (None: forget it,
    the state machine leads again)."""

    view: View
    chosen: View | None


def route(snapshot: PortalSnapshot, progress: Progress, chosen: str | None) -> Route:
    """Where the wizard is: the login view when logged out; else the view the supplier chose, as
    long as the application is editable and the choice is one of :data:`CHOOSABLE_VIEWS`; else
    the current step's view. A choice is forgotten once the application is no longer editable."""
    choice = next((v for v in CHOOSABLE_VIEWS.values() if v == chosen), None)
    if snapshot.account is None:
        return Route(View.ACCOUNT, choice)
    app = snapshot.application
    if app is None or not app.editable:
        return Route(VIEW_FOR_STEP[progress.current], None)
    return Route(choice or VIEW_FOR_STEP[progress.current], choice)


def steps_as_viewed(progress: Progress, view: View | None) -> tuple[Step, ...]:
    """The steps as the list of steps shows them while *view* is on screen.

    The state machine's current step is where the journey stands; the supplier may have opened
    another part of the editable application (the uploads while the signed form is still to be
    printed). Then the step on screen is the one marked current, and the state machine's current
    step, not done yet, is shown as still to do — never two "you are here" marks, never the
    mark on a page the supplier is not looking at.
    """
    viewed = next((sid for sid, v in CHOOSABLE_VIEWS.items() if v == view), None)
    if viewed is None or viewed is progress.current or progress.current not in CHOOSABLE_VIEWS:
        return progress.steps
    steps = []
    for step in progress.steps:
        if step.id is viewed:
            step = replace(step, state=StepState.CURRENT)
        elif step.id is progress.current and step.state is StepState.CURRENT:
            step = replace(step, state=StepState.TODO)
        steps.append(step)
    return tuple(steps)


def view_for_step_click(step: str, snapshot: PortalSnapshot) -> View | None:
    """The view to open when the supplier clicks *step* in the list of steps, or None when a
    click there goes nowhere (only the editable application's steps can be opened at will)."""
    app = snapshot.application
    if app is None or not app.editable:
        return None
    try:
        return CHOOSABLE_VIEWS.get(StepId(step))
    except ValueError:
        return None


@dataclass(frozen=True)
class PollPolicy:
    """How soon to ask the server again.

    ``fast_ms`` while a person is about to act elsewhere (scanning the identity QR code with
    WeChat, paying by QR code): the page should follow within seconds. ``slow_ms`` while others
    take days (SZCA's review, the bank's deposit, the courier). Nothing while nothing is awaited.
    """

    fast_ms: int = 3000
    slow_ms: int = 60_000

    def delay_ms(self, progress: Progress, *, logged_in: bool) -> int | None:
        """Milliseconds until the next poll, or None for no poll."""
        if not logged_in:
            return None
        if Action.POLL_IDENTITY in progress.actions or Action.POLL_PAYMENT in progress.actions:
            return self.fast_ms
        if progress.waiting is not None:
            return self.slow_ms
        return None


class WaitResult(StrEnum):
    """A long wait that ended between two reads of the server (worth a notification)."""

    APPROVED = "approved"
    REJECTED = "rejected"
    PAYMENT_RECEIVED = "payment_received"
    IDENTITY_PASSED = "identity_passed"
    IDENTITY_FAILED = "identity_failed"
    DEPOSIT_MADE = "deposit_made"


def wait_result(old_snap: PortalSnapshot, old: Progress, snap: PortalSnapshot,
                new: Progress) -> WaitResult | None:
    """What ended between *old_snap* and *snap* (None: nothing worth telling). An expired QR
    code is no result: the page itself offers a new one."""
    A = ApplicationStatus
    oa, na = old_snap.application, snap.application
    if oa is not None and na is not None and oa.id == na.id and oa.status != na.status:
        if na.status is A.APPROVED:
            return WaitResult.APPROVED
        if na.status is A.REJECTED:
            return WaitResult.REJECTED
        if na.status is A.UNDER_REVIEW and oa.status is A.AWAITING_PAYMENT:
            return WaitResult.PAYMENT_RECEIVED
    if old.waiting is None or (new.waiting is not None and new.waiting.what == old.waiting.what):
        return None
    if old.waiting.what is WaitingFor.IDENTITY_SCAN:
        ov = snap.verification
        if ov is not None and ov.state is not OrgVerificationState.IDENTITY:
            return WaitResult.IDENTITY_PASSED
        if ov is not None and ov.identity is not None and (
                ov.identity.status is IdentityStatus.FAILED):
            return WaitResult.IDENTITY_FAILED
        return None
    if old.waiting.what is WaitingFor.DEPOSIT:
        return WaitResult.DEPOSIT_MADE
    return None
