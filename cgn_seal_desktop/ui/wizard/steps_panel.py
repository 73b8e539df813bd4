"""办理进度: every step of the journey with its state, what we wait for, and the next action."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from cgn_seal_desktop.portal.wizard.state import Progress, StepId, StepState, WaitingFor

__all__ = ["StepsPanel", "next_action_text", "waiting_text"]

_MARK = {StepState.DONE: "✔", StepState.CURRENT: "➜", StepState.WAITING: "◷",
         StepState.ATTENTION: "⚠", StepState.TODO: "○"}
_COLOR = {StepState.DONE: "#2e7d32", StepState.CURRENT: "#1565c0", StepState.WAITING: "#ef6c00",
          StepState.ATTENTION: "#c62828", StepState.TODO: "#757575"}


def _tr(text: str) -> str:
    return QCoreApplication.translate("StepsPanel", text)


def waiting_text(progress: Progress) -> str:
    """What the wizard waits for, in words (empty when nothing)."""
    w = progress.waiting
    if w is None:
        return ""
    base = {
        WaitingFor.IDENTITY_SCAN: _tr("Waiting for the operator to scan the QR code with WeChat."),
        WaitingFor.DEPOSIT: _tr("SZCA will make a small deposit to the corporate account within "
                                "3 working days."),
        WaitingFor.PAYMENT: _tr("Waiting for the payment."),
        WaitingFor.REVIEW: _tr("SZCA reviews the application (3 working days)."),
        WaitingFor.DELIVERY: _tr("The UKEY is on its way by courier."),
    }[w.what]
    if w.expected_by is not None:
        base += " " + _tr("Expected by %1.").replace("%1", w.expected_by.isoformat())
    if w.overdue:
        base += " " + _tr("This takes longer than usual: call 400-112-3838.")
    return base


def next_action_text(progress: Progress) -> str:
    """The one thing the user should do now."""
    texts = {
        StepId.REGISTER: _tr("Register, or log in."),
        StepId.ORG_ELEMENTS: _tr("Fill in the six elements and submit them."),
        StepId.ORG_IDENTITY: _tr("Scan the QR code with the operator's WeChat."),
        StepId.ORG_BANK: _tr("Enter the corporate bank account."),
        StepId.ORG_DEPOSIT_CODE: _tr("Enter the random code of the small deposit."),
        StepId.APP_FORM: _tr("Fill in the certificate application."),
        StepId.APP_PRINT: _tr("Print, sign and stamp the forms, then upload them."),
        StepId.APP_MATERIALS: _tr("Upload the materials and submit the application."),
        StepId.APP_PAYMENT: _tr("Pay the fee with Alipay or WeChat."),
        StepId.APP_REVIEW: _tr("Wait for the review result."),
        StepId.SHIPPING: _tr("When the UKEY arrives, do the seal self-check."),
        StepId.SELF_CHECK: _tr("Done."),
    }
    if progress.current is StepId.ORG_DEPOSIT_CODE and progress.waiting is not None:
        return _tr("Wait for the deposit SMS, then ask your finance department for the code.")
    return texts[progress.current]


class StepsPanel(QWidget):
    """Left-hand overview; clicking a step emits ``step_clicked``."""

    step_clicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        title = QLabel(f"<b>{self.tr('Progress')}</b>")
        self.list = QListWidget()
        self.list.setObjectName("progressSteps")
        self.waiting = QLabel()
        self.waiting.setObjectName("waitingText")
        self.waiting.setWordWrap(True)
        self.next = QLabel()
        self.next.setObjectName("nextAction")
        self.next.setWordWrap(True)
        self.notices = QLabel()
        self.notices.setObjectName("notices")
        self.notices.setWordWrap(True)
        self.notices.setStyleSheet("color: #c62828")
        for w in (title, self.list, self.next, self.waiting, self.notices):
            lay.addWidget(w)
        self.list.itemClicked.connect(
            lambda it: self.step_clicked.emit(it.data(Qt.ItemDataRole.UserRole)))

    def show_progress(self, progress: Progress) -> None:
        self.list.clear()
        group = ""
        for step in progress.steps:
            if step.group != group and step.group != step.title:
                head = QListWidgetItem(step.group)
                head.setFlags(Qt.ItemFlag.NoItemFlags)
                f = head.font()
                f.setBold(True)
                head.setFont(f)
                self.list.addItem(head)
            group = step.group
            indent = "    " if step.group != step.title else ""
            text = f"{indent}{_MARK[step.state]} {step.title}"
            if step.detail:
                text += f"\n{indent}    {step.detail}"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, step.id.value)
            item.setForeground(QBrush(QColor(_COLOR[step.state])))
            if step.id is progress.current:
                f = item.font()
                f.setBold(True)
                item.setFont(f)
            self.list.addItem(item)
        self.next.setText(self.tr("Next: %1").replace("%1", next_action_text(progress)))
        self.waiting.setText(waiting_text(progress))
        self.notices.setText("\n".join(progress.notices))
