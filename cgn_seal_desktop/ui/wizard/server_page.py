"""First start / settings: the built-in sandbox or the address of the real service."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QButtonGroup, QLabel, QLineEdit, QPushButton, QRadioButton, QWidget

from cgn_seal_desktop.portal.server_profile import (
    KIND_SANDBOX,
    KIND_SERVICE,
    ServerProfile,
    valid_service_url,
)
from cgn_seal_desktop.settings import DEFAULT_SERVICE_URL
from cgn_seal_desktop.ui.wizard.common import heading, note

__all__ = ["ServerPage"]


class ServerPage(QWidget):
    """Emits ``chosen(kind, url)`` when the user confirms a valid choice."""

    chosen = Signal(str, str)
    cancelled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from PySide6.QtWidgets import QVBoxLayout

        box = QVBoxLayout(self)
        box.addWidget(heading(self.tr("Where do you want to apply?")))
        box.addWidget(note(self.tr(
            "Try the whole application with the built-in sandbox (nothing is sent to the CA), "
            "or enter the address of the online service. You can switch later.")))
        self.sandbox_radio = QRadioButton(self.tr("Try with the built-in sandbox"))
        self.sandbox_radio.setObjectName("sandboxRadio")
        self.service_radio = QRadioButton(self.tr("Use the online service at:"))
        self.service_radio.setObjectName("serviceRadio")
        group = QButtonGroup(self)
        group.addButton(self.sandbox_radio)
        group.addButton(self.service_radio)
        self.url_edit = QLineEdit(DEFAULT_SERVICE_URL)
        self.url_edit.setObjectName("serviceUrl")
        self.error = QLabel()
        self.error.setStyleSheet("color: #c00000")
        self.continue_button = QPushButton(self.tr("Continue"))
        self.continue_button.setObjectName("continueButton")
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setObjectName("cancelServerChoice")
        self.cancel_button.clicked.connect(self.cancelled)
        for w in (self.sandbox_radio, self.service_radio, self.url_edit, self.error,
                  self.continue_button, self.cancel_button):
            box.addWidget(w)
        box.addStretch(1)
        self.sandbox_radio.setChecked(True)
        self.url_edit.textEdited.connect(lambda _t: self.service_radio.setChecked(True))
        self.continue_button.clicked.connect(self._confirm)

    def load(self, profile: ServerProfile, settings_url: str = "") -> None:
        """Show the saved choice (the settings' service address when none was saved)."""
        self.cancel_button.setVisible(profile.chosen)  # nothing to go back to on first start
        if profile.kind == KIND_SERVICE:
            self.service_radio.setChecked(True)
            self.url_edit.setText(profile.url)
        else:
            self.sandbox_radio.setChecked(True)
            if settings_url:
                self.url_edit.setText(settings_url)

    def _confirm(self) -> None:
        if self.sandbox_radio.isChecked():
            self.error.clear()
            self.chosen.emit(KIND_SANDBOX, "")
            return
        url = self.url_edit.text().strip()
        if not valid_service_url(url):
            # TLS verification is never switched off, so plain http is only for loopback.
            self.error.setText(self.tr("Enter an https:// address."))
            return
        self.error.clear()
        self.chosen.emit(KIND_SERVICE, url)
