"""身份认证: the operator scans the QR code with WeChat; countdown, live status, refresh.

A QR code is shown only while it can be scanned: not before one was made, not after the check
failed or the code expired (then the page says why and offers a new one)."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from cgn_seal_desktop.portal.models import IdentitySession, IdentityStatus
from cgn_seal_desktop.portal.wizard.state import Action, Progress
from cgn_seal_desktop.ui.wizard.common import ERROR_STYLE, WizardPage, heading, note
from cgn_seal_desktop.ui.wizard.controller import WizardController
from cgn_seal_desktop.ui.wizard.qr import QrCodeWidget

__all__ = ["IdentityPage"]


class IdentityPage(WizardPage):
    def __init__(self, ctl: WizardController, parent: QWidget | None = None) -> None:
        super().__init__(ctl, parent)
        self.box.addWidget(heading(self.tr("Identity check of the operator")))
        self.instructions = note()
        self.instructions.setObjectName("identityInstructions")
        self.box.addWidget(self.instructions)
        self.qr = QrCodeWidget()
        self.qr.setObjectName("identityQr")
        self.box.addWidget(self.qr, 1)
        self.status = QLabel()
        self.status.setObjectName("identityStatus")
        self.status.setWordWrap(True)
        self.countdown = QLabel()
        self.countdown.setObjectName("identityCountdown")
        self.box.addWidget(self.status)
        self.box.addWidget(self.countdown)
        row = QHBoxLayout()
        self.start_button = QPushButton(self.tr("Show QR code"))
        self.start_button.setObjectName("startIdentity")
        self.cancel_button = QPushButton(self.tr("Cancel verification and start over…"))
        self.cancel_button.setObjectName("cancelVerificationIdentity")
        row.addWidget(self.start_button)
        row.addStretch(1)
        row.addWidget(self.cancel_button)
        self.box.addLayout(row)
        self.session: IdentitySession | None = None
        self._tick = QTimer(self, interval=1000)
        self._tick.timeout.connect(self._update_countdown)
        self.start_button.clicked.connect(self._start)
        self.cancel_button.clicked.connect(self._cancel)

    def _say(self, text: str, problem: bool = False) -> None:
        self.status.setStyleSheet(ERROR_STYLE if problem else "")
        self.status.setText(text)

    def _no_qr(self, instructions: str) -> None:
        """No code to scan now: nothing that looks scannable stays on screen."""
        self.qr.set_payload("")
        self.instructions.setText(instructions)
        self._tick.stop()
        self.countdown.clear()

    def show_progress(self, progress: Progress) -> None:
        ov = self.ctl.snapshot.verification
        self.session = ov.identity if ov is not None else None
        self.cancel_button.setVisible(Action.CANCEL_VERIFICATION in progress.actions)
        self.qr.set_test_mark(self.ctl.test_environment)
        s = self.session
        if s is None:
            self._no_qr(self.tr("Click \u201cShow QR code\u201d. Then open WeChat on the "
                                "operator's phone, choose Scan and scan the code shown here."))
            self._say(self.tr("Click \u201cShow QR code\u201d to begin."))
            self.start_button.setText(self.tr("Show QR code"))
            self.start_button.setEnabled(True)
            return
        self.start_button.setText(self.tr("Refresh QR code"))
        if s.status is IdentityStatus.FAILED:
            self._no_qr(self.tr("Check the operator's data, then click \u201cRefresh QR "
                                "code\u201d and scan the new code."))
            self._say(self.tr("The identity check failed: %1").replace(
                "%1", s.failure_reason or self.tr("no reason given")), problem=True)
            self.start_button.setEnabled(True)
            return
        self.qr.set_payload(s.qr_payload)
        self.instructions.setText(self.tr(
            "Open WeChat on the operator's phone, choose Scan and scan this QR code. "
            "After the check passes, this page moves on by itself."))
        texts = {
            IdentityStatus.PENDING: self.tr("Waiting for the WeChat scan…"),
            IdentityStatus.SCANNED: self.tr("Scanned; waiting for the operator to confirm…"),
            IdentityStatus.PASSED: self.tr("Identity check passed."),
            IdentityStatus.EXPIRED: self.tr("The QR code has expired."),
        }
        self._say(texts[s.status], problem=s.status is IdentityStatus.EXPIRED)
        live = s.status in (IdentityStatus.PENDING, IdentityStatus.SCANNED)
        self.start_button.setEnabled(not live)
        if live:
            self._tick.start()
        self._update_countdown()

    def _update_countdown(self) -> None:
        s = self.session
        if s is None:
            return
        left = int((s.expires_at - self.ctl.now()).total_seconds())
        live = s.status in (IdentityStatus.PENDING, IdentityStatus.SCANNED)
        if left <= 0 or not live:
            self._tick.stop()
            self.countdown.clear()
            expired = s.status is IdentityStatus.EXPIRED or (live and left <= 0)
            self.qr.set_expired(expired)
            if expired:
                self._say(self.tr("The QR code has expired. Click \u201cRefresh QR "
                                  "code\u201d for a new one."), problem=True)
                self.start_button.setEnabled(True)
            return
        self.qr.set_expired(False)
        self.countdown.setText(self.tr("Valid for %1:%2").replace("%1", str(left // 60))
                               .replace("%2", f"{left % 60:02d}"))

    def _start(self) -> None:
        self.start_button.setEnabled(False)
        if self.session is not None:  # the old code is dead from now on
            self.session = None
            self.qr.set_payload("")
            self.countdown.clear()
        self._say(self.tr("Making a new QR code…"))
        self.ctl.run(lambda c: c.start_identity(),
                     on_error=self._reenable)

    def _cancel(self) -> None:
        from cgn_seal_desktop.ui.wizard.bank_page import confirm_cancel

        confirm_cancel(self, self.ctl)

    def _reenable(self, _exc: BaseException) -> bool:
        self.start_button.setEnabled(True)
        return False  # still reported in the banner, with Retry
