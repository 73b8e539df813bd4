"""缴费: choose 支付宝 or 微信, pay by QR code (amount, expiry), live status by polling.

One idempotency key per "pay" click is kept in the drafts until the server's order is known,
so a retry after a lost answer fetches the same order instead of opening a second one.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QLabel, QPushButton, QRadioButton, QWidget

from cgn_seal_desktop.portal.client import new_idempotency_key
from cgn_seal_desktop.portal.models import PaymentChannel, PaymentOrder, PaymentStatus
from cgn_seal_desktop.portal.wizard.state import Action, Progress
from cgn_seal_desktop.ui.wizard.common import WizardPage, heading, note
from cgn_seal_desktop.ui.wizard.controller import WizardController
from cgn_seal_desktop.ui.wizard.qr import QrCodeWidget

__all__ = ["PaymentPage", "pending_key"]


def pending_key(app_id: int) -> str:
    return f"wizard/payment_key/{app_id}"


class PaymentPage(WizardPage):
    def __init__(self, ctl: WizardController, parent: QWidget | None = None) -> None:
        super().__init__(ctl, parent)
        self.box.addWidget(heading(self.tr("Pay the certificate fee")))
        self.amount = QLabel()
        self.amount.setObjectName("paymentAmount")
        self.box.addWidget(self.amount)
        row = QHBoxLayout()
        self.alipay = QRadioButton(self.tr("Alipay (支付宝)"))
        self.alipay.setObjectName("alipay")
        self.wechat = QRadioButton(self.tr("WeChat Pay (微信)"))
        self.wechat.setObjectName("wechat")
        group = QButtonGroup(self)
        group.addButton(self.alipay)
        group.addButton(self.wechat)
        self.alipay.setChecked(True)
        self.pay_button = QPushButton(self.tr("Pay"))
        self.pay_button.setObjectName("payButton")
        for w in (self.alipay, self.wechat, self.pay_button):
            row.addWidget(w)
        row.addStretch(1)
        self.box.addLayout(row)
        self.qr = QrCodeWidget()
        self.qr.setObjectName("paymentQr")
        self.box.addWidget(self.qr, 1)
        self.status = note()
        self.status.setObjectName("paymentStatus")
        self.box.addWidget(self.status)
        self.order: PaymentOrder | None = None
        self._resume_checked = False
        self._tick = QTimer(self, interval=1000)
        self._tick.timeout.connect(self._update)
        self.pay_button.clicked.connect(self._pay)

    def show_progress(self, progress: Progress) -> None:
        app = self.ctl.snapshot.application
        if app is None:
            return
        cents = app.amount_cents if app.amount_cents is not None else (
            app.payment.amount_cents if app.payment else None)
        self.amount.setText(self.tr("Amount: ¥%1").replace("%1", f"{cents / 100:.2f}")
                            if cents is not None else "")
        self.order = app.payment
        self.pay_button.setEnabled(Action.PAY in progress.actions)
        self._update()
        if not self._resume_checked:
            # First view since start: a click whose answer never arrived (crash, network)
            # is asked again with the same key, which fetches that order, never a second one.
            self._resume_checked = True
            if self.resume_pending():
                self.status.setText(self.tr("Checking the payment order…"))

    def _update(self) -> None:
        o = self.order
        if o is None:
            self.qr.set_payload("")
            self._tick.stop()
            return
        self.qr.set_payload(o.qr_payload)
        left = int((o.expires_at - self.ctl.now()).total_seconds())
        if o.status is PaymentStatus.PAID:
            self.qr.set_expired(False)
            self.status.setText(self.tr("Paid. Thank you."))
            self._tick.stop()
        elif o.status is PaymentStatus.OPEN and left > 0:
            channel = self.tr("Alipay") if o.channel is PaymentChannel.ALIPAY else self.tr(
                "WeChat")
            self.status.setText(self.tr("Scan with %1 and pay. Valid for %2:%3. Waiting for "
                                        "the payment…").replace("%1", channel)
                                .replace("%2", str(left // 60)).replace("%3", f"{left % 60:02d}"))
            self.pay_button.setText(self.tr("New QR code"))
            self._tick.start()
        else:
            self.qr.set_expired(True)
            self.status.setText(self.tr("The payment QR code has expired. Click \u201cPay\u201d "
                                        "for a new one."))
            self.pay_button.setText(self.tr("Pay"))
            self.pay_button.setEnabled(True)
            self._tick.stop()

    def _pay(self) -> None:
        app = self.ctl.snapshot.application
        if app is None:
            return
        channel = PaymentChannel.WECHAT if self.wechat.isChecked() else PaymentChannel.ALIPAY
        pending = self.drafts.get(pending_key(app.id))
        if pending and pending.get("channel") == channel.value:
            key = str(pending["key"])  # the last click's order is not known yet: same order
        else:
            key = new_idempotency_key()
            self.drafts.put(pending_key(app.id), {"key": key, "channel": channel.value})
        self._send(app.id, key, channel)

    def _send(self, app_id: int, key: str, channel: PaymentChannel) -> None:
        self.pay_button.setEnabled(False)

        def done(order: Any) -> None:
            self.drafts.delete(pending_key(app_id))  # the order is known: the key is spent
            self.order = order
            self._update()

        def on_error(_exc: BaseException) -> bool:
            self.pay_button.setEnabled(True)
            return False  # banner with Retry; the retry repeats this call with the same key

        self.ctl.run(lambda c: c.create_payment(app_id, channel, key), done, on_error)

    def resume_pending(self) -> bool:
        """Repeat a click whose answer was lost (same key); True if there was one."""
        app = self.ctl.snapshot.application
        pending = self.drafts.get(pending_key(app.id)) if app is not None else None
        if app is None or not pending:
            return False
        self._send(app.id, pending["key"], PaymentChannel(pending["channel"]))
        return True
