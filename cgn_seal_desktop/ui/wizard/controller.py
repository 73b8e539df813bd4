"""The wizard's Qt side of the state machine: network and keyring in workers, polling, results.

:class:`WizardController` owns the :class:`PortalClient`, runs every call on the thread pool
(:func:`ui.workers.run_task`), re-reads the server state after each change and recomputes the
:class:`~cgn_seal_desktop.portal.wizard.state.Progress`. Pages only call :meth:`run` /
:meth:`refresh` and render what ``progress_changed`` delivers. A failed call is kept so
:meth:`retry` repeats it. Opening a client (its token store reads the OS keyring) runs in a worker
too; when to poll and what a finished wait means come from
:mod:`cgn_seal_desktop.portal.wizard.navigation`.
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
from cgn_seal_desktop.portal.models import RegisterRequest
from cgn_seal_desktop.portal.tokens import TokenStore, make_token_store
from cgn_seal_desktop.portal.wizard.navigation import PollPolicy, View, wait_result
from cgn_seal_desktop.portal.wizard.state import PortalSnapshot, Progress, compute_progress
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
    """Holds the client and the latest server state; all network and keyring work off the GUI
    thread."""

    progress_changed = Signal(object)  #: Progress (snapshot in ``self.snapshot``)
    failed = Signal(object)  #: an exception; ``retry()`` repeats the failed call
    recovered = Signal()  #: a call succeeded after a failure (hide the error banner)
    busy_changed = Signal(bool)
    result_arrived = Signal(object)  #: a long wait ended: a navigation.WaitResult
    login_required = Signal()  #: the session expired or was never there
    confirmed = Signal(str)  #: a user action was done (submitted…): the text to show

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
        self.poll = PollPolicy(poll_ms, slow_poll_ms)
        self.client: PortalClient | None = None
        self._base_url = ""
        self.snapshot = PortalSnapshot()
        self.progress: Progress = compute_progress(self.snapshot, self.now())
        self._busy = 0
        #: (user name, remember me) of the last login from this widget.
        self.last_login: tuple[str, bool] | None = None
        self._retry: Callable[[], None] | None = None
        self._failed_background = False
        self._refreshing = False
        self._refresh_again = False
        self._after_refresh: list[Callable[[bool], None]] = []  # for the next state read
        self._checking: list[Callable[[bool], None]] = []  # for the read under way
        self._generation = 0  # bumps on reconnect/logout so late answers are dropped
        self._poll = QTimer(self, singleShot=True)
        self._poll.timeout.connect(self.refresh)

    # ------------------------------------------------------------------ connection

    @property
    def base_url(self) -> str:
        """The service this controller talks to (also while its client is being opened)."""
        return self._base_url

    @property
    def drafts(self) -> ScopedDrafts:
        """Drafts of the current service and account (another user never sees them)."""
        acc = self.snapshot.account
        return ScopedDrafts(self.store, f"{self.scope}|{acc.id if acc else '-'}|")

    @property
    def chosen_view(self) -> View | None:
        """A view the user chose within the editable application (one of
        :data:`~cgn_seal_desktop.portal.wizard.navigation.CHOOSABLE_VIEWS`); None = the view of
        the step the state machine says. Kept in the drafts, so a restart shows the same page."""
        value = self.drafts.get(VIEW_KEY) if self.snapshot.account is not None else None
        return View(value) if value in set(View) else None

    @chosen_view.setter
    def chosen_view(self, value: View | None) -> None:
        if self.snapshot.account is None:
            return
        if value is None:
            if self.drafts.get(VIEW_KEY) is not None:
                self.drafts.delete(VIEW_KEY)
        else:
            self.drafts.put(VIEW_KEY, value.value)

    def show_view(self, view: View | None) -> None:
        """Open *view* of the editable application (None: follow the state machine again)."""
        self.chosen_view = view
        self.recompute()

    @property
    def test_environment(self) -> bool:
        """The service is a test environment: the built-in sandbox, or a service that says so
        for the application. Then everything shown or printed carries the test mark."""
        app = self.snapshot.application
        return self.scope == "sandbox" or (app is not None and app.test_environment)

    @property
    def busy(self) -> bool:
        return self._busy > 0

    def connect_to(self, base_url: str, username: str = "", remember: bool = False) -> None:
        """Use the service at *base_url*; resumes a remembered session when there is one."""

        def opened(logged_in: bool) -> None:
            if logged_in:
                self.refresh()
            else:
                self._apply(PortalSnapshot())

        self._open_client(base_url, username or "anonymous", remember and bool(username), opened)

    def _open_client(self, base_url: str, account: str, remember: bool,
                     then: Callable[[bool], None]) -> None:
        """Make the token store and the client in a worker (the keyring may be slow to answer),
        then ``then(logged_in)`` on the GUI thread with :attr:`client` set."""
        self._drop_client()
        self._base_url = base_url
        gen = self._generation
        make_tokens, make_client = self._token_store_factory, self._client_factory

        def work() -> tuple[PortalClient, bool]:
            client = make_client(base_url, make_tokens(account, remember))
            return client, client.logged_in

        def done(result: tuple[PortalClient, bool]) -> None:
            self._set_busy(-1)
            client, logged_in = result
            if gen != self._generation:
                client.close()
                return
            self.client = client
            then(logged_in)

        def error(exc: BaseException) -> None:
            self._set_busy(-1)
            if gen == self._generation:
                self._retry = lambda: self._open_client(base_url, account, remember, then)
                self._failed_background = False
                self.failed.emit(exc)

        self._set_busy(+1)
        run_task(work, done, error)

    def _drop_client(self) -> None:
        self._generation += 1
        self._poll.stop()
        self._retry = None
        self._refreshing = self._refresh_again = False
        self._checked(False)
        if self.client is not None:
            self.client.close()
            self.client = None

    def login(self, username: str, password: str, remember: bool,
              on_error: Callable[[BaseException], bool] | None = None) -> None:
        """Log in with a token store matching *remember*; the password is not kept."""
        self.last_login = (username, remember)
        self._open_client(self._base_url, username, remember, lambda _logged_in: self.run(
            lambda c: c.login(username, password), on_error=on_error, retryable=False))

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

    def refresh(self, on_checked: Callable[[bool], None] | None = None) -> None:
        """Fetch the server state and recompute the progress (coalesces overlapping calls).

        *on_checked* is called once a state read that started after this call has arrived
        (True, after ``progress_changed``) or failed (False): what a "check again" button
        needs to say that it looked. Whether there is a session at all is asked in the worker
        too (the token store may be the OS keyring)."""
        self._poll.stop()
        if on_checked is not None:
            self._after_refresh.append(on_checked)
        if self.client is None:
            self._apply(PortalSnapshot())
            self._checked(True)
            return
        if self._refreshing:
            self._refresh_again = True
            return
        self._refreshing = True
        self._checking, self._after_refresh = self._after_refresh, []

        def done(snap: PortalSnapshot) -> None:
            self._refreshing = False
            self._apply(snap)
            waiting, self._checking = self._checking, []
            for callback in waiting:
                callback(True)
            if self._refresh_again:
                self._refresh_again = False
                self.refresh()

        def error(exc: BaseException) -> bool:
            self._refreshing = self._refresh_again = False
            self._checked(False)
            return False

        self.run(lambda c: c.snapshot() if c.logged_in else PortalSnapshot(), done, error,
                 refresh=False, background=True)

    def _checked(self, ok: bool) -> None:
        """Answer every "check again" waiting for a state read (also when it was dropped)."""
        waiting = self._checking + self._after_refresh
        self._checking, self._after_refresh = [], []
        for callback in waiting:
            try:
                callback(ok)
            except RuntimeError:  # the asking page was replaced (another account) meanwhile
                log.debug("a state-read callback's page is gone")

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
            result = wait_result(old_snap, old, snap, self.progress)
            if result is not None:
                self.result_arrived.emit(result)
        self.progress_changed.emit(self.progress)
        self._schedule_poll()

    def _schedule_poll(self) -> None:
        delay = self.poll.delay_ms(self.progress, logged_in=self.client is not None
                                   and self.snapshot.account is not None)
        if delay is not None:
            self._poll.start(delay)


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
