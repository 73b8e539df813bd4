"""缴费: the 发票 details (发票抬头, 税号 checked as a unified social credit code), then 支付宝 or
微信, pay by QR code (amount, expiry), live status by polling.

One idempotency key per "pay" click is kept in the drafts (with the channel and the invoice
details it was for) until the server's order is known, so a retry after a lost answer fetches
the same order instead of opening a second one. The invoice details stay with the order and are
shown with it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QWidget,
)

from cgn_seal_desktop.portal import errors as E
from cgn_seal_desktop.portal.client import new_idempotency_key
from cgn_seal_desktop.portal.models import Invoice, PaymentChannel, PaymentOrder, PaymentStatus
from cgn_seal_desktop.portal.validators import check_invoice_field
from cgn_seal_desktop.portal.wizard.state import Action, Progress
from cgn_seal_desktop.ui.wizard.common import FieldError, WizardPage, heading, note, with_error
from cgn_seal_desktop.ui.wizard.controller import WizardController
from cgn_seal_desktop.ui.wizard.qr import QrCodeWidget
from cgn_seal_desktop.ui.wizard.wording import invoice_text

__all__ = ["PaymentPage", "pending_key"]


INVOICE_DRAFT = "wizard/invoice"
_INVOICE_FIELDS = ("title", "tax_id")


def pending_key(app_id: int) -> str:
    return f"wizard/payment_key/{app_id}"


class PaymentPage(WizardPage):
    def __init__(self, ctl: WizardController, parent: QWidget | None = None) -> None:
        super().__init__(ctl, parent)
        self.box.addWidget(heading(self.tr("Pay the certificate fee")))
        self.amount = QLabel()
        self.amount.setObjectName("paymentAmount")
        self.box.addWidget(self.amount)
        # 发票: what the company's accounts department needs for the fee.
        box = QGroupBox(self.tr("Invoice (fapiao)"))
        box.setObjectName("invoiceBox")
        form = QFormLayout(box)
        form.addRow(note(self.tr("SZCA issues the invoice for the fee with these details. "
                                 "The tax ID of a company is its unified social credit code.")))
        labels = {"title": self.tr("Invoice title"), "tax_id": self.tr("Tax ID")}
        self.invoice_inputs: dict[str, QLineEdit] = {}
        self.invoice_errors: dict[str, FieldError] = {}
        for name in _INVOICE_FIELDS:
            edit = QLineEdit()
            edit.setObjectName(f"invoice_{name}")
            edit.setMaxLength(100 if name == "title" else 18)
            edit.textEdited.connect(lambda _t, n=name: self._invoice_edited(n))
            err = FieldError()
            err.setObjectName(f"invoice_err_{name}")
            self.invoice_inputs[name], self.invoice_errors[name] = edit, err
            form.addRow(labels[name], with_error(edit, err))
        self.box.addWidget(box)
        self._invoice_filled = False
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
        self.order_invoice = note()
        self.order_invoice.setObjectName("orderInvoice")
        self.box.addWidget(self.order_invoice)
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
        self.qr.set_test_mark(self.ctl.test_environment)
        self._fill_invoice()
        self._update()
        if not self._resume_checked:
            # First view since start: a click whose answer never arrived (crash, network)
            # is asked again with the same key, which fetches that order, never a second one.
            self._resume_checked = True
            if self.resume_pending():
                self.status.setText(self.tr("Checking the payment order…"))

    # --- 发票

    def _fill_invoice(self) -> None:
        """Once: the draft the user typed, else the organisation's name and USCC (what almost
        every supplier puts on its invoice)."""
        if self._invoice_filled:
            return
        ov = self.ctl.snapshot.verification
        el = ov.elements if ov is not None else None
        saved = self.drafts.get(INVOICE_DRAFT) or {}
        defaults = {"title": el.org_name if el else "", "tax_id": el.uscc if el else ""}
        for name, edit in self.invoice_inputs.items():
            edit.setText(str(saved.get(name) or defaults[name]))
        self._invoice_filled = True

    def invoice(self) -> Invoice | None:
        """The invoice details as typed, or None (with the problems shown) when not valid."""
        ok = True
        for name in self.invoice_inputs:
            text = self._invoice_problem(name)
            self.invoice_errors[name].setText(text)
            ok = ok and not text
        if not ok:
            return None
        return Invoice(title=self.invoice_inputs["title"].text().strip(),
                       tax_id=self.invoice_inputs["tax_id"].text().strip().upper())

    def _invoice_problem(self, name: str) -> str:
        value = self.invoice_inputs[name].text()
        code = check_invoice_field(name, value.upper() if name == "tax_id" else value)
        if code is None:
            return ""
        return {
            "required": self.tr("Required."),
            "too_short": self.tr("Enter the full name of the company."),
            "too_long": self.tr("Too long."),
            "uscc": self.tr("Not a valid tax ID: enter the 18-character unified social credit "
                            "code (check character wrong)."),
        }.get(code, self.tr("Not valid."))

    def _invoice_edited(self, name: str) -> None:
        self.drafts.put(INVOICE_DRAFT, {n: e.text() for n, e in self.invoice_inputs.items()})
        if self.invoice_errors[name].text():
            self.invoice_errors[name].setText(self._invoice_problem(name))

    # --- the order

    def _update(self) -> None:
        o = self.order
        self.order_invoice.setText(invoice_text(o.invoice) if o is not None and o.invoice
                                   else "")
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
        invoice = self.invoice()
        if invoice is None:
            return
        channel = PaymentChannel.WECHAT if self.wechat.isChecked() else PaymentChannel.ALIPAY
        pending = self.drafts.get(pending_key(app.id))
        if (pending and pending.get("channel") == channel.value
                and pending.get("invoice") == invoice.model_dump()):
            key = str(pending["key"])  # the last click's order is not known yet: same order
        else:
            key = new_idempotency_key()
            self.drafts.put(pending_key(app.id), {"key": key, "channel": channel.value,
                                                  "invoice": invoice.model_dump()})
        self._send(app.id, key, channel, invoice)

    def _send(self, app_id: int, key: str, channel: PaymentChannel, invoice: Invoice) -> None:
        self.pay_button.setEnabled(False)

        def done(order: Any) -> None:
            self.drafts.delete(pending_key(app_id))  # the order is known: the key is spent
            self.order = order
            self._update()

        def on_error(exc: BaseException) -> bool:
            self.pay_button.setEnabled(True)
            if isinstance(exc, E.ValidationFailed) and any(
                    f.startswith("invoice.") for f in exc.fields):
                for field, text in exc.fields.items():  # the service's words (Chinese)
                    name = field.removeprefix("invoice.")
                    if name in self.invoice_errors:
                        self.invoice_errors[name].setText(text)
                self.drafts.delete(pending_key(app_id))  # nothing was ordered
                return True
            return False  # banner with Retry; the retry repeats this call with the same key

        self.ctl.run(lambda c: c.create_payment(app_id, channel, key, invoice), done, on_error)

    def resume_pending(self) -> bool:
        """Repeat a click whose answer was lost (same key); True if there was one."""
        app = self.ctl.snapshot.application
        pending = self.drafts.get(pending_key(app.id)) if app is not None else None
        if app is None or not pending:
            return False
        try:
            invoice = Invoice.model_validate(pending.get("invoice"))
        except ValueError:  # a click saved by an older version: no invoice, nothing to repeat
            self.drafts.delete(pending_key(app.id))
            return False
        self._send(app.id, pending["key"], PaymentChannel(pending["channel"]), invoice)
        return True
