"""``WizardWidget``: the 办理进度 page — progress on the left, the current step's page on the right.

Built on :class:`~cgn_seal_desktop.ui.wizard.controller.WizardController` (network in workers,
polling) over :mod:`cgn_seal_desktop.portal.wizard.state` (which step, which actions).
Everything it needs comes through the constructor, so the main window and tests wire it the same
way.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QStyle,
    QSystemTrayIcon,
    QVBoxLayout,
    QWidget,
)

from cgn_seal_desktop.portal.drafts import DraftStore
from cgn_seal_desktop.portal.server_profile import (
    KIND_SANDBOX,
    KIND_SERVICE,
    ServerProfile,
    first_start_profile,
    is_release_build,
    valid_service_url,
)
from cgn_seal_desktop.portal.wizard.navigation import View, route, view_for_step_click
from cgn_seal_desktop.portal.wizard.state import Action, Progress, StepId
from cgn_seal_desktop.settings import DEFAULT_SERVICE_URL, Settings
from cgn_seal_desktop.ui.wizard.account_page import AccountPage
from cgn_seal_desktop.ui.wizard.application_page import ApplicationFormPage
from cgn_seal_desktop.ui.wizard.bank_page import BankPage
from cgn_seal_desktop.ui.wizard.common import ErrorBanner, WizardPage, heading, note
from cgn_seal_desktop.ui.wizard.controller import (
    ClientFactory,
    TokenStoreFactory,
    WizardController,
)
from cgn_seal_desktop.ui.wizard.elements_page import ElementsPage
from cgn_seal_desktop.ui.wizard.identity_page import IdentityPage
from cgn_seal_desktop.ui.wizard.materials_page import MaterialsPage
from cgn_seal_desktop.ui.wizard.ops_console import OpsConsoleDialog
from cgn_seal_desktop.ui.wizard.payment_page import PaymentPage
from cgn_seal_desktop.ui.wizard.print_page import PrintFormsPage
from cgn_seal_desktop.ui.wizard.review_page import ReviewPage
from cgn_seal_desktop.ui.wizard.sandbox_host import SandboxFactory, SandboxHost
from cgn_seal_desktop.ui.wizard.server_page import ServerPage
from cgn_seal_desktop.ui.wizard.steps_panel import StepsPanel
from cgn_seal_desktop.ui.wizard.wording import result_text

__all__ = ["WizardWidget"]

log = logging.getLogger(__name__)



class WizardWidget(QWidget):
    """The whole application journey in one widget (install it as the 办理进度 page)."""

    self_check_requested = Signal()  #: the user wants the 盖章自检 (seal self-check) page
    support_requested = Signal()  #: the user wants the customer service page (客户服务支持)
    notified = Signal(str)  #: a long wait ended; the text shown in the page and the tray

    def __init__(self, settings: Settings | None = None, drafts: DraftStore | None = None, *,
                 client_factory: ClientFactory | None = None,
                 token_store_factory: TokenStoreFactory | None = None,
                 sandbox_factory: SandboxFactory | None = None,
                 now: Callable[[], datetime] | None = None, poll_ms: int = 3000,
                 slow_poll_ms: int = 60_000, tray: bool = True, release: bool | None = None,
                 parent: QWidget | None = None) -> None:
        """*release*: start like the installed program (None: find out), i.e. with the real
        service unless the user chose otherwise before."""
        super().__init__(parent)
        self.setObjectName("wizardWidget")
        self.settings = settings
        self.drafts = drafts or DraftStore()
        service_url = settings.service_base_url if settings is not None else DEFAULT_SERVICE_URL
        self.profile = first_start_profile(
            ServerProfile.load(), service_url,
            release=is_release_build() if release is None else release)
        self.ctl = WizardController(self.drafts, client_factory=client_factory,
                                    token_store_factory=token_store_factory, now=now,
                                    poll_ms=poll_ms, slow_poll_ms=slow_poll_ms, parent=self)
        self.sandbox = SandboxHost(sandbox_factory, parent=self)
        self._tray: QSystemTrayIcon | None = None
        self._want_tray = tray
        self._closed = False
        self._retry_override: Callable[[], None] | None = None
        self._info_key: tuple[StepId, object] | None = None
        self._ops_url = ""

        outer = QVBoxLayout(self)
        top = QHBoxLayout()
        self.server_label = QLabel()
        self.server_label.setObjectName("serverLabel")
        self.busy_label = QLabel()
        self.busy_label.setObjectName("busyLabel")
        self.change_server = QPushButton(self.tr("Change server…"))
        self.change_server.setObjectName("changeServer")
        self.logout_button = QPushButton(self.tr("Log out"))
        self.logout_button.setObjectName("logoutButton")
        self.support_button = QPushButton(self.tr("Contact customer service"))
        self.support_button.setObjectName("supportButton")
        self.support_button.hide()
        # The operator page's address, shown to copy (a click may open no browser at all).
        self.console_link = QPushButton(self.tr("Operator page…"))
        self.console_link.setObjectName("consoleLink")
        self.console_link.hide()
        top.addWidget(self.server_label, 1)
        top.addWidget(self.console_link)
        top.addWidget(self.busy_label)
        top.addWidget(self.support_button)
        top.addWidget(self.change_server)
        top.addWidget(self.logout_button)
        outer.addLayout(top)
        self.sandbox_mark = QLabel(self.tr(
            "<b>TEST / SANDBOX — NOT VALID.</b> This is the built-in sandbox: nothing reaches "
            "SZCA, and every number, QR code, printout and certificate here is test data."))
        self.sandbox_mark.setObjectName("sandboxMark")
        self.sandbox_mark.setWordWrap(True)
        self.sandbox_mark.setStyleSheet("#sandboxMark { color: #b71c1c; background: #fff3e0;"
                                        " border: 1px solid #ef9a9a; padding: 4px; }")
        self.sandbox_mark.hide()
        outer.addWidget(self.sandbox_mark)
        self.banner = ErrorBanner()
        outer.addWidget(self.banner)
        self.info = QLabel()
        self.info.setObjectName("resultInfo")
        self.info.setWordWrap(True)
        self.info.hide()
        outer.addWidget(self.info)
        split = QSplitter()
        outer.addWidget(split, 1)
        self.steps_panel = StepsPanel()
        split.addWidget(self.steps_panel)
        self.stack = QStackedWidget()
        split.addWidget(self.stack)
        split.setStretchFactor(1, 3)

        self.server_page = ServerPage()
        self.connecting = QWidget()
        cl = QVBoxLayout(self.connecting)
        cl.addWidget(heading(self.tr("Connecting…")))
        self.connecting_note = note()
        cl.addWidget(self.connecting_note)
        cl.addStretch(1)
        self.stack.addWidget(self.server_page)
        self.stack.addWidget(self.connecting)
        self.pages: dict[View, WizardPage] = {}
        self._account_key: tuple[str, int] | None = None
        self.ctl.scope = self._scope()
        self._build_pages()

        self.server_page.chosen.connect(self._profile_chosen)
        self.server_page.cancelled.connect(self._leave_server_choice)
        self.change_server.clicked.connect(self.show_server_choice)
        self.support_button.clicked.connect(self.support_requested)
        self.console_link.clicked.connect(self.show_ops_console)
        self.logout_button.clicked.connect(self._logout)
        self.banner.retry_clicked.connect(self._retry)
        self.ctl.progress_changed.connect(self._render)
        self.ctl.failed.connect(self.banner.show_error)
        self.ctl.recovered.connect(self._recovered)
        self.ctl.busy_changed.connect(
            lambda b: self.busy_label.setText(self.tr("Working…") if b else ""))
        self.ctl.result_arrived.connect(lambda result: self.notify(result_text(result)))
        self.ctl.confirmed.connect(lambda text: self.notify(text, tray=False))
        self.ctl.login_required.connect(lambda: self._render(self.ctl.progress))
        self.sandbox.started.connect(self._sandbox_started)
        self.sandbox.start_failed.connect(self._sandbox_failed)
        self.steps_panel.step_clicked.connect(self._step_clicked)
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)

        self.steps_panel.show_progress(self.ctl.progress)  # the whole journey, at a glance
        if self.profile.chosen:
            self._connect()
        else:
            self.show_server_choice()

    def _build_pages(self) -> None:
        """(Re)create the step pages: on start and whenever another account logs in, so no
        input of one account is ever shown to another."""
        for old in self.pages.values():
            old.flush_drafts()
            self.stack.removeWidget(old)
            old.hide()
            old.setParent(None)  # out of the widget tree now; deleted when its calls are done
            old.deleteLater()
        review = ReviewPage(self.ctl)
        review.self_check_requested.connect(self.self_check_requested)
        account = AccountPage(self.ctl)
        account.suggest_user(self.profile.username)
        self.pages = {
            View.ACCOUNT: account, View.ELEMENTS: ElementsPage(self.ctl),
            View.IDENTITY: IdentityPage(self.ctl), View.BANK: BankPage(self.ctl),
            View.FORM: ApplicationFormPage(self.ctl), View.PRINT: PrintFormsPage(self.ctl),
            View.MATERIALS: MaterialsPage(self.ctl), View.PAYMENT: PaymentPage(self.ctl),
            View.REVIEW: review,
        }
        for page in self.pages.values():
            self.stack.addWidget(page)

    # ------------------------------------------------------------------ server profile

    def show_server_choice(self) -> None:
        self.server_page.load(self.profile, self.settings.service_base_url
                              if self.settings is not None else "")
        self.stack.setCurrentWidget(self.server_page)

    def _leave_server_choice(self) -> None:
        self.stack.setCurrentWidget(self.connecting)  # _render then shows the current step
        self._render(self.ctl.progress)

    def _profile_chosen(self, kind: str, url: str) -> None:
        changed = (kind, url) != (self.profile.kind, self.profile.url)
        self.profile.kind, self.profile.url = kind, url
        if changed:
            self.profile.username, self.profile.remember = "", False
        self.profile.save()
        if kind == KIND_SERVICE and self.settings is not None:
            self.settings.service_base_url = url
            self.settings.save()
        if kind != KIND_SANDBOX:
            self.sandbox.stop()
            self.console_link.hide()
            self._ops_url = ""
        self._connect()

    def settings_changed(self) -> None:
        """The settings page changed the service address: follow it (service profile only)."""
        url = self.settings.service_base_url.strip() if self.settings is not None else ""
        if (self.profile.kind == KIND_SERVICE and url != self.profile.url
                and valid_service_url(url)):
            self.profile.url, self.profile.username, self.profile.remember = url, "", False
            self.profile.save()
            self._connect()

    def _scope(self) -> str:
        return KIND_SANDBOX if self.profile.kind == KIND_SANDBOX else self.profile.url

    def _connect(self) -> None:
        self.banner.hide()
        self.ctl.scope = self._scope()
        self._show_sandbox_mark()
        account = self.pages[View.ACCOUNT]
        assert isinstance(account, AccountPage)
        account.suggest_user(self.profile.username)
        self.stack.setCurrentWidget(self.connecting)
        if self.profile.kind == KIND_SANDBOX:
            self.connecting_note.setText(self.tr("Starting the built-in sandbox…"))
            self.server_label.setText(self.tr("Built-in sandbox (test data only)"))
            self.sandbox.start()
        else:
            self.server_label.setText(self.tr("Service: %1").replace("%1", self.profile.url))
            self.ctl.connect_to(self.profile.url, self.profile.username, self.profile.remember)

    def _sandbox_started(self, url: str) -> None:
        self._retry_override = None
        # Play CA staff, WeChat, bank and payment provider on the operator page.
        self._ops_url = f"{url}/ops"
        self.console_link.setToolTip(self._ops_url)
        self.console_link.setVisible(self.profile.kind == KIND_SANDBOX)
        self.server_label.setText(self.tr("Built-in sandbox (test data only) at %1")
                                  .replace("%1", url))
        if self.ctl.base_url == url and self.ctl.client is not None:
            self.ctl.refresh()
        else:
            self.ctl.connect_to(url, self.profile.username, self.profile.remember)

    @property
    def ops_url(self) -> str:
        """The built-in sandbox's operator page ("" while none runs)."""
        return self._ops_url

    def show_ops_console(self) -> OpsConsoleDialog | None:
        """Show the operator page's address (to copy, or to open in a browser)."""
        if not self._ops_url:
            return None
        dlg = OpsConsoleDialog(self._ops_url, self)
        dlg.setModal(False)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dlg.show()
        return dlg

    def _show_sandbox_mark(self) -> None:
        app = self.ctl.snapshot.application
        self.sandbox_mark.setVisible(self.profile.kind == KIND_SANDBOX or (
            app is not None and app.test_environment))

    def _sandbox_failed(self, exc: BaseException) -> None:
        self._retry_override = self.sandbox.start
        self.banner.show_error(exc)

    # ------------------------------------------------------------------ rendering

    def _page_name(self, progress: Progress) -> View:
        """The view :func:`~cgn_seal_desktop.portal.wizard.navigation.route` says to show."""
        where = route(self.ctl.snapshot, progress, self.ctl.chosen_view)
        if where.chosen != self.ctl.chosen_view:
            self.ctl.chosen_view = where.chosen
        return where.view

    def _render(self, progress: Progress) -> None:
        if self._closed or self.stack.currentWidget() is self.server_page:
            return
        acc = self.ctl.snapshot.account
        key = (self.ctl.scope, acc.id) if acc is not None else None
        if key != self._account_key:
            self._account_key = key
            self._build_pages()
        name = self._page_name(progress)
        self.steps_panel.show_progress(progress, name)
        self._show_sandbox_mark()
        if self._info_key is not None and self._info_key != self._where(progress):
            self.info.hide()  # the journey moved on, or a new wait began (a new QR code)
            self._info_key = None
        page = self.pages[name]
        self.stack.setCurrentWidget(page)
        page.show_progress(progress)
        self.logout_button.setVisible(acc is not None)
        overdue = progress.waiting is not None and progress.waiting.overdue
        self.support_button.setVisible(Action.CONTACT_SUPPORT in progress.actions or overdue)
        last = self.ctl.last_login
        if acc is not None and last is not None and (
                (self.profile.username, self.profile.remember) != last):
            self.profile.username, self.profile.remember = last
            self.profile.save()

    @property
    def current_page_name(self) -> str:
        w = self.stack.currentWidget()
        if w is self.server_page:
            return "server"
        if w is self.connecting:
            return "connecting"
        return next(n for n, p in self.pages.items() if p is w)

    def _step_clicked(self, step: str) -> None:
        view = view_for_step_click(step, self.ctl.snapshot)
        if view is not None:
            self.ctl.chosen_view = view
            self._render(self.ctl.progress)

    # ------------------------------------------------------------------ errors, results

    def _retry(self) -> None:
        self.banner.hide()
        again, self._retry_override = self._retry_override, None
        (again or self.ctl.retry)()

    def _recovered(self) -> None:
        if self._retry_override is None:
            self.banner.hide()

    @staticmethod
    def _where(progress: Progress) -> tuple[StepId, object]:
        return progress.current, progress.waiting.what if progress.waiting else None

    def notify(self, text: str, *, tray: bool = True) -> None:
        """Tell the user a long wait ended (or an action was done): in the page and, with
        *tray*, in the tray. Shown until the journey moves on or a new wait begins."""
        self.info.setText(text)
        self.info.show()
        self._info_key = self._where(self.ctl.progress)
        if tray and self._want_tray and QSystemTrayIcon.isSystemTrayAvailable():
            if self._tray is None:
                icon = self.window().windowIcon()
                if icon.isNull():
                    icon = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation)
                self._tray = QSystemTrayIcon(icon, self)
                self._tray.show()
            self._tray.showMessage(self.tr("Certificate application"), text)
        self.notified.emit(text)

    def _logout(self) -> None:
        self.profile.username, self.profile.remember = "", False
        self.profile.save()
        self.ctl.last_login = None
        self.ctl.logout()

    # ------------------------------------------------------------------ lifetime

    def flush_drafts(self) -> None:
        for page in self.pages.values():
            page.flush_drafts()

    def shutdown(self) -> None:
        """Save drafts, stop polling and the built-in sandbox (idempotent)."""
        if self._closed:
            return
        self._closed = True
        self.flush_drafts()
        self.ctl.close()
        self.sandbox.stop()
        if self._tray is not None:
            self._tray.hide()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.shutdown()
        super().closeEvent(event)
