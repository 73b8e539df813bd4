"""操作员控制台: the built-in sandbox's operator page is a web page. Its address is shown to copy
(a computer without a browser, or one that opens nothing on a click, still gets there), with a
button that asks the system to open it."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

__all__ = ["OpsConsoleDialog"]


class OpsConsoleDialog(QDialog):
    """Shows the operator page's *url*: copy it, or open it in the browser."""

    def __init__(self, url: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("opsConsoleDialog")
        self.setWindowTitle(self.tr("Operator page"))
        lay = QVBoxLayout(self)
        text = QLabel(self.tr(
            "In the sandbox you also play the other side: WeChat (identity check), the bank "
            "(small deposit), the payment provider and SZCA's reviewer. Open this address in a "
            "web browser on this computer:"))
        text.setWordWrap(True)
        lay.addWidget(text)
        row = QHBoxLayout()
        self.address = QLineEdit(url)
        self.address.setObjectName("opsAddress")
        self.address.setReadOnly(True)
        self.address.setMinimumWidth(self.address.fontMetrics().horizontalAdvance(url) + 24)
        self.copy_button = QPushButton(self.tr("Copy address"))
        self.copy_button.setObjectName("copyOpsAddress")
        row.addWidget(self.address, 1)
        row.addWidget(self.copy_button)
        lay.addLayout(row)
        self.status = QLabel()
        self.status.setObjectName("opsStatus")
        self.status.setWordWrap(True)
        lay.addWidget(self.status)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.open_button = buttons.addButton(self.tr("Open in browser"),
                                             QDialogButtonBox.ButtonRole.ActionRole)
        self.open_button.setObjectName("openOpsInBrowser")
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.copy_button.clicked.connect(self.copy)
        self.open_button.clicked.connect(self.open_in_browser)
        self.address.selectAll()

    @property
    def url(self) -> str:
        return self.address.text()

    def copy(self) -> None:
        """Put the address on the clipboard."""
        QGuiApplication.clipboard().setText(self.url)
        self.status.setText(self.tr("Address copied. Paste it into a web browser."))

    def open_in_browser(self) -> None:
        """Ask the system to open the address; say so when it cannot."""
        if QDesktopServices.openUrl(QUrl(self.url)):
            self.status.setText(self.tr("Opening the browser… If nothing opens, copy the "
                                        "address into a browser."))
        else:
            self.status.setText(self.tr("No web browser could be opened. Copy the address "
                                        "into a browser on this computer."))
