"""审核, UKEY 寄送 and 盖章自检: review status, certificate serial and courier tracking."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from cgn_seal_desktop.portal.models import ApplicationStatus
from cgn_seal_desktop.portal.wizard.state import Progress
from cgn_seal_desktop.ui.wizard.common import WizardPage, heading, note
from cgn_seal_desktop.ui.wizard.controller import WizardController
from cgn_seal_desktop.ui.wizard.wording import invoice_text, note_text

__all__ = ["ReviewPage"]


class ReviewPage(WizardPage):
    self_check_requested = Signal()  #: open the 盖章自检 page of the main window

    def __init__(self, ctl: WizardController, parent: QWidget | None = None) -> None:
        super().__init__(ctl, parent)
        self.title = heading(self.tr("Review by SZCA"))
        self.box.addWidget(self.title)
        self.status = note()
        self.status.setObjectName("reviewStatus")
        self.box.addWidget(self.status)
        self.serial = QLabel()
        self.serial.setObjectName("certificateSerial")
        self.tracking = QLabel()
        self.tracking.setObjectName("trackingNumber")
        self.invoice = QLabel()
        self.invoice.setObjectName("reviewInvoice")
        self.invoice.setWordWrap(True)
        for w in (self.serial, self.tracking, self.invoice):
            w.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.box.addWidget(w)
        row = QHBoxLayout()
        self.refresh_button = QPushButton(self.tr("Check status"))
        self.refresh_button.setObjectName("refreshReview")
        self.self_check_button = QPushButton(self.tr("Seal self-check"))
        self.self_check_button.setObjectName("selfCheck")
        self.done_button = QPushButton(self.tr("Self-check passed"))
        self.done_button.setObjectName("selfCheckDone")
        for b in (self.refresh_button, self.self_check_button, self.done_button):
            row.addWidget(b)
        row.addStretch(1)
        self.box.addLayout(row)
        self.checked = note()
        self.checked.setObjectName("reviewChecked")
        self.box.addWidget(self.checked)
        self.box.addStretch(1)
        self.refresh_button.clicked.connect(self._check)
        self.self_check_button.clicked.connect(self.self_check_requested)
        self.done_button.clicked.connect(self.ctl.mark_self_check_done)

    def _check(self) -> None:
        self.refresh_button.setEnabled(False)
        self.checked.setText(self.tr("Checking…"))

        def checked(ok: bool) -> None:
            self.refresh_button.setEnabled(True)
            app = self.ctl.snapshot.application
            if not ok:
                self.checked.setText(self.tr("Could not check; see the message above."))
            elif app is not None and app.status is ApplicationStatus.UNDER_REVIEW:
                at = self.ctl.now().astimezone().strftime("%H:%M")
                self.checked.setText(self.tr("Checked at %1: still under review.")
                                     .replace("%1", at))

        self.ctl.refresh(checked)

    def show_progress(self, progress: Progress) -> None:
        app = self.ctl.snapshot.application
        if app is None:
            return
        approved = app.status is ApplicationStatus.APPROVED
        self.title.setText(self.tr("Approved") if approved else self.tr("Review by SZCA"))
        lines = [note_text(n) for n in progress.notices]
        if app.status is ApplicationStatus.UNDER_REVIEW:
            w = progress.waiting
            if w is not None and w.expected_by is not None:
                lines.insert(0, self.tr("Under review; the result is expected by %1.")
                             .replace("%1", w.expected_by.isoformat()))
                if w.overdue:
                    lines.append(self.tr("The review takes longer than usual; call "
                                         "400-112-3838."))
        elif approved:
            lines.insert(0, self.tr("Your application was approved. The UKEY is on its way."))
        if progress.finished:
            lines.append(self.tr("All done: the seal self-check passed."))
        self.status.setText("\n".join(lines))
        self.serial.setText(self.tr("Certificate serial: %1").replace(
            "%1", app.certificate_serial) if app.certificate_serial else "")
        ship = app.shipping
        self.tracking.setText(self.tr("Courier: %1, tracking number %2").replace(
            "%1", ship.courier).replace("%2", ship.tracking_number) if ship else "")
        self.invoice.setText(invoice_text(app.payment.invoice)
                             if app.payment is not None and app.payment.invoice else "")
        if app.status is not ApplicationStatus.UNDER_REVIEW:
            self.checked.clear()
        self.self_check_button.setVisible(approved)
        self.done_button.setVisible(approved and not progress.finished)
        self.refresh_button.setVisible(not approved)
