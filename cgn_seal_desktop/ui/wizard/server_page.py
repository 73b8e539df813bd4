"""First start / settings: the address of the real service, or — a deliberate choice, never
the one pre-selected — the built-in sandbox, whose every number and printout is test data."""

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
            "Apply with the online service of SZCA. To only try the program, choose the "
            "built-in sandbox instead. You can switch later.")))
        self.service_radio = QRadioButton(self.tr("Use the online service at:"))
        self.service_radio.setObjectName("serviceRadio")
        self.sandbox_radio = QRadioButton(self.tr("Try with the built-in sandbox (test only)"))
        self.sandbox_radio.setObjectName("sandboxRadio")
        self.sandbox_note = note(self.tr(
            "Nothing is sent to SZCA. Every number, QR code and printout of the sandbox is marked "
            "\u201cTEST / SANDBOX — NOT VALID\u201d and is worth nothing."))
        self.sandbox_note.setObjectName("sandboxNote")
        self.sandbox_note.setContentsMargins(24, 0, 0, 0)
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
        for w in (self.service_radio, self.url_edit, self.error, self.sandbox_radio,
                  self.sandbox_note, self.continue_button, self.cancel_button):
            box.addWidget(w)
        box.addStretch(1)
        self.service_radio.setChecked(True)  # the sandbox only when the user picks it
        self.url_edit.textEdited.connect(lambda _t: self.service_radio.setChecked(True))
        self.continue_button.clicked.connect(self._confirm)

    def load(self, profile: ServerProfile, settings_url: str = "") -> None:
        """Show the saved choice (the settings' service address when none was saved)."""
        self.cancel_button.setVisible(profile.chosen)  # nothing to go back to on first start
        if profile.kind == KIND_SANDBOX:
            self.sandbox_radio.setChecked(True)
        else:
            self.service_radio.setChecked(True)
        if profile.kind == KIND_SERVICE:
            self.url_edit.setText(profile.url)
        elif settings_url:
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
