"""设置: language, UKEY driver, trust roots, online service address."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cgn_seal_desktop.seal.errors import TrustStoreError
from cgn_seal_desktop.seal.trust import TrustStore, add_user_root, remove_user_root
from cgn_seal_desktop.settings import Settings
from cgn_seal_desktop.ui import dialogs
from cgn_seal_desktop.ui.i18n import LANGUAGES, SYSTEM
from cgn_seal_desktop.ui.messages import error_message, show_error
from cgn_seal_desktop.ui.pages.common import page_title
from cgn_seal_desktop.ui.workers import run_task
from cgn_seal_desktop.ukey.errors import NoModuleError
from cgn_seal_desktop.ukey.service import DriverSurvey

__all__ = ["SettingsPage"]



class SettingsPage(QWidget):
    """Edits :class:`Settings` and saves at once; ``changed`` after each save."""

    changed = Signal()

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsPage")
        self._settings = settings
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(14)
        title = page_title(self.tr("Settings"), self)
        layout.addWidget(title)

        general = QGroupBox(self.tr("General"), self)
        form = QFormLayout(general)
        self.language = QComboBox(general)
        self.language.setObjectName("languageCombo")
        for code, name in LANGUAGES:
            self.language.addItem(name, code)
        self.language.addItem(self.tr("Follow the system"), SYSTEM)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        self.language.currentIndexChanged.connect(self._language_changed)
        lang_row = QHBoxLayout()
        lang_row.addWidget(self.language)
        self.language_note = QLabel(self.tr("Takes effect after restarting the program."))
        self.language_note.setStyleSheet("color: #666;")
        lang_row.addWidget(self.language_note)
        lang_row.addStretch(1)
        form.addRow(self.tr("Language:"), lang_row)
        self.url_edit = QLineEdit(settings.service_base_url, general)
        self.url_edit.setObjectName("serviceUrlEdit")
        self.url_edit.editingFinished.connect(self._url_changed)
        form.addRow(self.tr("Online service address:"), self.url_edit)
        layout.addWidget(general)

        ukey = QGroupBox(self.tr("UKEY driver (PKCS#11 or SKF)"), self)
        ukey_form = QFormLayout(ukey)
        mod_row = QHBoxLayout()
        self.module_edit = QLineEdit(settings.module_path, ukey)
        self.module_edit.setObjectName("moduleEdit")
        self.module_edit.setPlaceholderText(self.tr("Automatic (search installed drivers)"))
        self.module_edit.editingFinished.connect(self._module_changed)
        mod_row.addWidget(self.module_edit, 1)
        browse = QPushButton(self.tr("Browse…"), ukey)
        browse.clicked.connect(self.browse_module)
        mod_row.addWidget(browse)
        ukey_form.addRow(self.tr("Driver file:"), mod_row)
        test_row = QHBoxLayout()
        self.test_button = QPushButton(self.tr("Test driver"), ukey)
        self.test_button.setObjectName("testDriverButton")
        self.test_button.clicked.connect(self.test_driver)
        test_row.addWidget(self.test_button)
        self.driver_result = QLabel(ukey)
        self.driver_result.setObjectName("driverResult")
        self.driver_result.setWordWrap(True)
        test_row.addWidget(self.driver_result, 1)
        ukey_form.addRow("", test_row)
        layout.addWidget(ukey)

        trust = QGroupBox(self.tr("Trusted root certificates"), self)
        tl = QVBoxLayout(trust)
        self.roots = QListWidget(trust)
        self.roots.setObjectName("trustRootList")
        tl.addWidget(self.roots)
        row = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add root certificate…"), trust)
        self.add_button.clicked.connect(self.add_root)
        row.addWidget(self.add_button)
        self.remove_button = QPushButton(self.tr("Remove"), trust)
        self.remove_button.clicked.connect(self.remove_selected_root)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        self.sandbox_box = QCheckBox(self.tr("Trust the test (sandbox) CA"), trust)
        self.sandbox_box.setChecked(settings.trust_sandbox_ca)
        self.sandbox_box.toggled.connect(self._sandbox_changed)
        row.addWidget(self.sandbox_box)
        tl.addLayout(row)
        layout.addWidget(trust, 1)
        self.refresh_roots()

    def showEvent(self, event: QShowEvent) -> None:
        # The driver may have been remembered by a sealing meanwhile.
        if not self.module_edit.hasFocus():
            self.module_edit.setText(self._settings.module_path)
        super().showEvent(event)

    def _save(self) -> None:
        self._settings.save()
        self.changed.emit()

    @Slot()
    def _language_changed(self) -> None:
        self._settings.language = str(self.language.currentData())
        self._save()

    @Slot()
    def _url_changed(self) -> None:
        url = self.url_edit.text().strip()
        if url and url != self._settings.service_base_url:
            self._settings.service_base_url = url
            self._save()

    @Slot()
    def _module_changed(self) -> None:
        path = self.module_edit.text().strip()
        if path != self._settings.module_path:
            self._settings.module_path = path
            self._save()

    @Slot()
    def test_driver(self) -> None:
        """Load the driver(s) and list the UKEYs, in a worker; the answer shows beside the
        button: which kind of driver each is (PKCS#11 or SKF), the UKEYs, or why it fails."""
        self.test_button.setEnabled(False)
        self.driver_result.setText(self.tr("Testing…"))
        chosen = self._settings.module_path

        def survey() -> list[DriverSurvey] | None:
            from cgn_seal_desktop.demo import refresh
            from cgn_seal_desktop.ukey.service import candidate_drivers, survey_drivers

            refresh()
            used = {m.path for m in candidate_drivers(chosen)}
            found = survey_drivers(chosen, wait_s=10)
            return None if found is None else [d for d in found if d.candidate.path in used
                                                or d.candidate.source == "user"]

        run_task(survey, self._on_driver_tested, self._on_driver_failed, context=self)

    def _on_driver_tested(self, surveys: list[DriverSurvey] | None) -> None:
        self.test_button.setEnabled(True)
        if surveys is None:
            self.driver_result.setText(self.tr("The UKEY is busy; try again in a moment."))
            return
        if not surveys:
            title, todo = error_message(NoModuleError())
            self.driver_result.setText(f"{title}. {todo}")
            return
        lines = [self._survey_line(d) for d in surveys]
        self.driver_result.setText("\n".join(lines))

    def _survey_line(self, d: DriverSurvey) -> str:
        m = d.candidate
        kind = self.tr("SKF driver") if m.interface == "skf" else self.tr("PKCS#11 driver")
        name = self.tr("%1 (%2)").replace("%1", m.display_name).replace("%2", kind)
        if not m.exists:
            return f"{name}: " + self.tr("the driver file is not there. Choose it again, or "
                                         "reinstall the driver.")
        if d.error is not None:
            title, todo = error_message(d.error)
            return f"{name}: {title}. {todo}"
        if not d.tokens:
            return f"{name}: " + self.tr("works; no UKEY inserted")
        labels = ", ".join(t.label for t in d.tokens)
        return f"{name}: " + self.tr("works; %n UKEY(s) inserted: %1", "",
                                     len(d.tokens)).replace("%1", labels)

    def _on_driver_failed(self, exc: BaseException) -> None:
        self.test_button.setEnabled(True)
        title, todo = error_message(exc)
        self.driver_result.setText(f"{title}. {todo}")

    def set_module_path(self, path: str) -> None:
        self.module_edit.setText(path)
        self._module_changed()

    @Slot()
    def browse_module(self) -> None:
        name = dialogs.ask_open_file(self, self.tr("Choose the UKEY driver"),
                                     self.tr("UKEY drivers, PKCS#11 or SKF (*.dll *.so *.dylib);;"
                                             "All files (*)"))
        if name:
            self.set_module_path(name)

    @Slot(bool)
    def _sandbox_changed(self, on: bool) -> None:
        self._settings.trust_sandbox_ca = on
        self._save()

    def refresh_roots(self) -> None:
        """List bundled and user roots (reading a few small files)."""
        self.roots.clear()
        for r in TrustStore.load().roots:
            kind = self.tr("bundled") if r.source == "bundled" else self.tr("added")
            until = self.tr("valid until %1").replace("%1", r.not_after.date().isoformat())
            item = QListWidgetItem(f"{r.common_name}  —  {kind}, {until}", self.roots)
            item.setToolTip(f"{r.subject}\nSHA-256 {r.sha256}\n{r.origin}")
            item.setData(Qt.ItemDataRole.UserRole, (r.sha256, r.source))

    def add_root_file(self, path: str | Path) -> bool:
        try:
            add_user_root(path)
        except (TrustStoreError, OSError) as exc:
            show_error(self, exc if isinstance(exc, TrustStoreError) else TrustStoreError())
            return False
        self.refresh_roots()
        self.changed.emit()
        return True

    @Slot()
    def add_root(self) -> None:
        name = dialogs.ask_open_file(self, self.tr("Add a root certificate"),
                                     self.tr("Certificates (*.cer *.crt *.pem *.der);;All files "
                                             "(*)"))
        if name:
            self.add_root_file(name)

    @Slot()
    def remove_selected_root(self) -> None:
        item = self.roots.currentItem()
        if item is None:
            return
        sha, source = item.data(Qt.ItemDataRole.UserRole)
        if source != "user":
            dialogs.show_message(self, dialogs.QMessageBox.Icon.Information,
                                 self.tr("Bundled root"),
                                 self.tr("Bundled roots cannot be removed."))
            return
        if dialogs.ask_yes_no(self, self.tr("Remove root?"),
                              self.tr("Seals chained to this root will no longer show as "
                                      "valid. Remove it?")):
            remove_user_root(sha)
            self.refresh_roots()
            self.changed.emit()
