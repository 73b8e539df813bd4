"""The wizard's Qt side of the state machine: network calls in workers, polling, results.

:class:`WizardController` owns the :class:`PortalClient`, runs every call on the thread pool
(:func:`ui.workers.run_task`), re-reads the server state after each change and recomputes the
:class:`~cgn_seal_desktop.portal.wizard.state.Progress`. Pages only call :meth:`run` /
:meth:`refresh` and render what ``progress_changed`` delivers. A failed call is kept so
:meth:`retry` repeats it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from cgn_seal_desktop.portal import errors as E
from cgn_seal_desktop.portal.client import PortalClient
from cgn_seal_desktop.portal.drafts import DraftStore
from cgn_seal_desktop.portal.models import (
    ApplicationStatus,
    IdentityStatus,
    OrgVerificationState,
    RegisterRequest,
)
from cgn_seal_desktop.portal.tokens import TokenStore, make_token_store
from cgn_seal_desktop.portal.wizard.state import (
    Action,
    PortalSnapshot,
    Progress,
    WaitingFor,
    compute_progress,
)
from cgn_seal_desktop.ui.workers import run_task

__all__ = [
    "ClientFactory",
    "ScopedDrafts",
    "TokenStoreFactory",
    "WizardController",
    "default_client_factory",
]

log = logging.getLogger(__name__)

ClientFactory = Callable[[str, TokenStore], PortalClient]
TokenStoreFactory = Callable[[str, bool], TokenStore]
SELF_CHECK_KEY = "wizard/self_check_done"
VIEW_KEY = "wizard/view"


def default_client_factory(base_url: str, tokens: TokenStore) -> PortalClient:
    return PortalClient(base_url, token_store=tokens)


class WizardController(QObject):
    """Holds the client and the latest server state; all network work off the GUI thread."""

    progress_changed = Signal(object)  #: Progress (snapshot in ``self.snapshot``)
    failed = Signal(object)  #: an exception; ``retry()`` repeats the failed call
    recovered = Signal()  #: a call succeeded after a failure (hide the error banner)
    busy_changed = Signal(bool)
    result_arrived = Signal(str)  #: a long wait ended: text for a tray notification
    login_required = Signal()  #: the session expired or was never there

    def __init__(self, drafts: DraftStore, *, client_factory: ClientFactory | None = None,
                 token_store_factory: TokenStoreFactory | None = None,
                 now: Callable[[], datetime] | None = None, poll_ms: int = 3000,
                 slow_poll_ms: int = 60_000, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = drafts
        #: Which service the drafts belong to ("sandbox" or the service URL), set by the widget.
        self.scope = ""
        self._client_factory = client_factory or default_client_factory
        self._token_store_factory = token_store_factory or make_token_store
        self.now: Callable[[], datetime] = now or (lambda: datetime.now(UTC))
        self.poll_ms, self.slow_poll_ms = poll_ms, slow_poll_ms
        self.client: PortalClient | None = None
        self.snapshot = PortalSnapshot()
        self.progress: Progress = compute_progress(self.snapshot, self.now())
        self._busy = 0
        #: (user name, remember me) of the last login from this widget.
        self.last_login: tuple[str, bool] | None = None
        self._retry: Callable[[], None] | None = None
        self._failed_background = False
        self._refreshing = False
        self._refresh_again = False
        self._generation = 0  # bumps on reconnect/logout so late answers are dropped
        self._poll = QTimer(self, singleShot=True)
        self._poll.timeout.connect(self.refresh)

    # ------------------------------------------------------------------ connection

    @property
    def base_url(self) -> str:
        return self.client.base_url if self.client is not None else ""

    @property
    def drafts(self) -> ScopedDrafts:
        """Drafts of the current service and account (another user never sees them)."""
        acc = self.snapshot.account
        return ScopedDrafts(self.store, f"{self.scope}|{acc.id if acc else '-'}|")

    @property
    def go_to_step(self) -> str | None:
        """A page the user chose within the editable application ("form", "print",
        "materials"); None = the step the state machine says. Kept in the drafts, so a
        restart shows the same page."""
        value = self.drafts.get(VIEW_KEY) if self.snapshot.account is not None else None
        return value if isinstance(value, str) else None

    @go_to_step.setter
    def go_to_step(self, value: str | None) -> None:
        if self.snapshot.account is None:
            return
        if value is None:
            if self.drafts.get(VIEW_KEY) is not None:
                self.drafts.delete(VIEW_KEY)
        else:
            self.drafts.put(VIEW_KEY, value)

    @property
    def busy(self) -> bool:
        return self._busy > 0

    def connect_to(self, base_url: str, username: str = "", remember: bool = False) -> None:
        """Use the service at *base_url*; resumes a remembered session when there is one."""
        self._drop_client()
        tokens = self._token_store_factory(username or "anonymous", remember and bool(username))
        self.client = self._client_factory(base_url, tokens)
        if self.client.logged_in:
            self.refresh()
        else:
            self._apply(PortalSnapshot())

    def _drop_client(self) -> None:
        self._generation += 1
        self._poll.stop()
        self._retry = None
        self._refreshing = self._refresh_again = False
        if self.client is not None:
            self.client.close()
            self.client = None

    def login(self, username: str, password: str, remember: bool,
              on_error: Callable[[BaseException], bool] | None = None) -> None:
        """Log in with a token store matching *remember*; the password is not kept."""
        assert self.client is not None
        base = self.client.base_url
        self._drop_client()
        self.client = self._client_factory(base, self._token_store_factory(username, remember))
        self.last_login = (username, remember)
        self.run(lambda c: c.login(username, password), on_error=on_error, retryable=False)

    def register(self, req: RegisterRequest, on_done: Callable[[Any], None],
                 on_error: Callable[[BaseException], bool] | None = None) -> None:
        self.run(lambda c: c.register(req), on_done, on_error, refresh=False, retryable=False)

    def logout(self) -> None:
        client = self.client
        if client is None:
            return
        def done(_r: object) -> None:
            self._generation += 1  # answers for the old account are dropped
            self._apply(PortalSnapshot())

        self.run(lambda c: c.logout(), done, refresh=False)

    def close(self) -> None:
        self._drop_client()

    # ------------------------------------------------------------------ calls

    def run(self, fn: Callable[[PortalClient], Any],
            on_done: Callable[[Any], None] | None = None,
            on_error: Callable[[BaseException], bool] | None = None, *,
            refresh: bool = True, background: bool = False, retryable: bool = True) -> None:
        """Run ``fn(client)`` on a worker. On success: *on_done*, then a state refresh.

        On failure *on_error* may handle the error (return True); otherwise ``failed`` is emitted
        and :meth:`retry` repeats this call. A *background* call (state refresh, polling) that
        succeeds does not discard a failed user action: its Retry stays offered. A call that
        is not *retryable* (it carries a password) is not kept: Retry then just refreshes.
        """
        client, gen = self.client, self._generation
        if client is None:
            self.login_required.emit()
            return

        def done(result: Any) -> None:
            self._set_busy(-1)
            if gen != self._generation:
                return
            if not background or self._failed_background:
                self._retry = None
                self.recovered.emit()
            if on_done is not None:
                on_done(result)
            if refresh:
                self.refresh()

        def error(exc: BaseException) -> None:
            self._set_busy(-1)
            if gen != self._generation:
                return
            if on_error is not None and on_error(exc):
                self.recovered.emit()
                return
            if isinstance(exc, E.SessionExpired):
                self._generation += 1  # the pages are rebuilt: drop their pending answers
                self._apply(PortalSnapshot())
                self.login_required.emit()
                return
            self._retry = (lambda: self.run(fn, on_done, on_error, refresh=refresh,
                                            background=background)) if retryable else None
            self._failed_background = background
            self.failed.emit(exc)

        self._set_busy(+1)
        run_task(lambda: fn(client), done, error)

    def retry(self) -> None:
        """Repeat the call that failed last (or just refresh)."""
        again, self._retry = self._retry, None
        (again or self.refresh)()

    def refresh(self) -> None:
        """Fetch the server state and recompute the progress (coalesces overlapping calls)."""
        self._poll.stop()
        if self.client is None or not self.client.logged_in:
            self._apply(PortalSnapshot())
            return
        if self._refreshing:
            self._refresh_again = True
            return
        self._refreshing = True

        def done(snap: PortalSnapshot) -> None:
            self._refreshing = False
            self._apply(snap)
            if self._refresh_again:
                self._refresh_again = False
                self.refresh()

        def error(exc: BaseException) -> bool:
            self._refreshing = self._refresh_again = False
            return False

        self.run(lambda c: c.snapshot(), done, error, refresh=False, background=True)

    def _set_busy(self, delta: int) -> None:
        was = self.busy
        self._busy = max(0, self._busy + delta)
        if was != self.busy:
            self.busy_changed.emit(self.busy)

    # ------------------------------------------------------------------ state

    @property
    def self_check_done(self) -> bool:
        return bool(self.drafts.get(SELF_CHECK_KEY, False))

    def mark_self_check_done(self) -> None:
        """The supplier sealed and verified a document with the new UKEY (local fact)."""
        self.drafts.put(SELF_CHECK_KEY, True)
        self._apply(self.snapshot)

    def recompute(self) -> None:
        """Recompute the progress at the current time (countdowns, overdue waits)."""
        self._apply(self.snapshot, notify=False)

    def _apply(self, snap: PortalSnapshot, notify: bool = True) -> None:
        old_snap, old = self.snapshot, self.progress
        self.snapshot = snap
        self.progress = compute_progress(snap, self.now(), self_check_done=self.self_check_done)
        if notify and old_snap.account is not None and snap.account is not None:
            text = _result_text(old_snap, old, snap, self.progress)
            if text:
                self.result_arrived.emit(text)
        self.progress_changed.emit(self.progress)
        self._schedule_poll()

    def _schedule_poll(self) -> None:
        p = self.progress
        if self.client is None or self.snapshot.account is None:
            return
        if Action.POLL_IDENTITY in p.actions or Action.POLL_PAYMENT in p.actions:
            self._poll.start(self.poll_ms)
        elif p.waiting is not None:
            self._poll.start(self.slow_poll_ms)


class ScopedDrafts:
    """The :class:`DraftStore` API under a key prefix."""

    def __init__(self, store: DraftStore, prefix: str) -> None:
        self._store, self._prefix = store, prefix

    def get(self, key: str, default: Any = None) -> Any:
        return self._store.get(self._prefix + key, default)

    def put(self, key: str, value: Any) -> None:
        self._store.put(self._prefix + key, value)

    def delete(self, key: str) -> None:
        self._store.delete(self._prefix + key)


def _tr(text: str) -> str:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("Wizard", text)


def _result_text(old_snap: PortalSnapshot, old: Progress, snap: PortalSnapshot,
                 new: Progress) -> str:
    """What to tell the user when a wait ended between two snapshots ("" = nothing)."""
    oa, na = old_snap.application, snap.application
    if oa is not None and na is not None and oa.id == na.id and oa.status != na.status:
        if na.status is ApplicationStatus.APPROVED:
            return _tr("Your certificate application was approved; the UKEY is being shipped.")
        if na.status is ApplicationStatus.REJECTED:
            return _tr("Your certificate application was rejected; please correct and resubmit.")
        if na.status is ApplicationStatus.UNDER_REVIEW and oa.status is (
                ApplicationStatus.AWAITING_PAYMENT):
            return _tr("Payment received; the application is under review.")
    if old.waiting is None or (new.waiting is not None and new.waiting.what == old.waiting.what):
        return ""
    if old.waiting.what is WaitingFor.IDENTITY_SCAN:
        ov = snap.verification
        if ov is not None and ov.state is not OrgVerificationState.IDENTITY:
            return _tr("The identity check has passed.")
        if ov is not None and ov.identity is not None and (
                ov.identity.status is IdentityStatus.FAILED):
            return _tr("The identity check failed; see the reason and try again.")
        return ""  # expired: the page itself offers a new QR code
    if old.waiting.what is WaitingFor.DEPOSIT:
        return _tr("The small deposit was made: enter the random code.")
    return ""
