"""办理进度 until the application wizard installs its own page (``MainWindow.install_page``)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from cgn_seal_desktop.ui.pages.common import page_title

__all__ = ["ProgressPlaceholderPage"]


class ProgressPlaceholderPage(QWidget):
    """Explains the application steps; ``start_requested`` when the user clicks the button."""

    start_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("progressPage")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        title = page_title(self.tr("Application progress"), self)
        layout.addWidget(title)
        steps = QLabel(self.tr(
            "Apply for the digital certificate (e-seal) of the CGN e-commerce platform:\n\n"
            "1. Supplier registration\n2. Organisation verification\n"
            "3. Apply for the digital certificate\n4. Payment and review\n"
            "5. The UKEY is shipped — then run the seal self-check"), self)
        steps.setStyleSheet("font-size: 11pt; line-height: 150%;")
        layout.addWidget(steps)
        self.start_button = QPushButton(self.tr("Start or continue the application"), self)
        self.start_button.setObjectName("startApplicationButton")
        self.start_button.clicked.connect(self.start_requested)
        layout.addWidget(self.start_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
