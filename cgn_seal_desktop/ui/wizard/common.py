"""Small building blocks shared by the wizard pages: the error banner and a page base class."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cgn_seal_desktop.portal import errors as E
from cgn_seal_desktop.portal.wizard.state import Progress
from cgn_seal_desktop.ui.messages import error_message
from cgn_seal_desktop.ui.wizard.controller import ScopedDrafts, WizardController

__all__ = ["ERROR_STYLE", "ErrorBanner", "FieldError", "WizardPage", "field_errors_shown_on",
           "heading", "note", "with_error"]

#: The colour of a problem a field or a file has (also used by pages for their own messages).
ERROR_STYLE = "color: #c62828"


class FieldError(QLabel):
    """What is wrong with one field, in red under it; takes no room while there is nothing."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet(ERROR_STYLE)
        self.setWordWrap(True)
        self.setVisible(False)

    def setText(self, text: str) -> None:
        super().setText(text)
        self.setVisible(bool(text))

    def clear(self) -> None:
        self.setText("")


def with_error(field: QWidget, error: QLabel) -> QWidget:
    """*field* with its error label right under it, as one form-layout cell."""
    box = QWidget()
    lay = QVBoxLayout(box)
    lay.setContentsMargins(0, 0, 0, 0)
    lay.setSpacing(2)
    lay.addWidget(field)
    lay.addWidget(error)
    return box


def field_errors_shown_on(labels: dict[str, QLabel]) -> Callable[[BaseException], bool]:
    """An ``on_error`` for the controller that puts the server's per-field messages under the
    fields (*labels* by field name); other errors go to the page's banner as usual."""

    def on_error(exc: BaseException) -> bool:
        if isinstance(exc, E.ValidationFailed) and exc.fields:
            for name, text in exc.fields.items():
                if name in labels:
                    labels[name].setText(text)
            return True
        return False

    return on_error


def heading(text: str) -> QLabel:
    label = QLabel(text)
    f = label.font()
    f.setPointSizeF(f.pointSizeF() * 1.35)
    f.setBold(True)
    label.setFont(f)
    label.setWordWrap(True)
    return label


def note(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class ErrorBanner(QFrame):
    """A non-modal error strip with "Retry": the page under it stays usable."""

    retry_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("errorBanner")
        self.setStyleSheet("#errorBanner { background: #fdecea; border: 1px solid #f5c2c0;"
                           " border-radius: 4px; }")
        lay = QHBoxLayout(self)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.retry_button = QPushButton(self.tr("Retry"))
        self.retry_button.setObjectName("retryButton")
        self.retry_button.clicked.connect(self.retry_clicked)
        close = QPushButton(self.tr("Dismiss"))
        close.clicked.connect(self.hide)
        lay.addWidget(self.label, 1)
        lay.addWidget(self.retry_button)
        lay.addWidget(close)
        self.hide()

    def show_error(self, exc: BaseException) -> None:
        title, text = error_message(exc)
        self.label.setText(f"<b>{title}</b><br>{text}")
        self.show()


class WizardPage(QWidget):
    """A page renders the progress and sends user input through the controller."""

    def __init__(self, ctl: WizardController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctl = ctl
        self.box = QVBoxLayout(self)
        # Pages are rebuilt per account, so the scope taken now is the page's account's.
        self._drafts = ctl.drafts

    @property
    def drafts(self) -> ScopedDrafts:
        return self._drafts

    def show_progress(self, progress: Progress) -> None:
        """Show *progress* (and ``self.ctl.snapshot``); called after every state change."""

    def flush_drafts(self) -> None:
        """Write pending input to the drafts store now (before closing)."""
