"""The main window: navigation on the left, one page at a time on the right.

Pages are keyed (``self_check``, ``progress``, ``environment``, ``support``, ``settings``);
:meth:`MainWindow.install_page` replaces one — the application wizard puts its page under
``progress`` this way.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSize, Qt, Slot
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from cgn_seal_desktop.settings import Settings
from cgn_seal_desktop.ui import dialogs
from cgn_seal_desktop.ui.change_pin import ChangePinFlow
from cgn_seal_desktop.ui.icon_art import app_icon
from cgn_seal_desktop.ui.pages.environment import EnvironmentPage
from cgn_seal_desktop.ui.pages.progress_placeholder import ProgressPlaceholderPage
from cgn_seal_desktop.ui.pages.settings_page import SettingsPage
from cgn_seal_desktop.ui.pages.support import SupportPage
from cgn_seal_desktop.ui.selfcheck import SelfCheckPage

__all__ = ["PAGE_KEYS", "MainWindow"]

PAGE_KEYS = ("self_check", "progress", "environment", "support", "settings")

_NAV_STYLE = """
QListWidget#navigation { background: #2b2f36; color: #e8e8e8; border: none; outline: none;
  font-size: 11pt; padding-top: 8px; }
QListWidget#navigation::item { padding: 12px 18px; }
QListWidget#navigation::item:selected { background: #c62828; color: white; }
QListWidget#navigation::item:hover:!selected { background: #3a3f47; }
"""


class MainWindow(QMainWindow):
    """The program window. ``settings`` is shared with every page and saved on close."""

    def __init__(self, settings: Settings | None = None) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.settings = settings or Settings.load()
        self.setWindowTitle(self.tr("CGN E-Seal Desktop"))
        self.setWindowIcon(app_icon())
        self.setAcceptDrops(True)

        self.nav = QListWidget(self)
        self.nav.setObjectName("navigation")
        self.nav.setFixedWidth(196)
        self.nav.setStyleSheet(_NAV_STYLE)
        self.nav.setAccessibleName(self.tr("Navigation"))
        self.stack = QStackedWidget(self)
        self.pages: dict[str, QWidget] = {}

        self.self_check = SelfCheckPage(self.settings, self)
        self.progress_page = ProgressPlaceholderPage(self)
        self.environment = EnvironmentPage(self.settings, self)
        self.support = SupportPage(self.settings, self)
        self.settings_page = SettingsPage(self.settings, self)
        titles = {
            "self_check": self.tr("Seal self-check"),
            "progress": self.tr("Application progress"),
            "environment": self.tr("Environment check"),
            "support": self.tr("Customer service"),
            "settings": self.tr("Settings"),
        }
        widgets: dict[str, QWidget] = {
            "self_check": self.self_check, "progress": self.progress_page,
            "environment": self.environment, "support": self.support,
            "settings": self.settings_page,
        }
        for key in PAGE_KEYS:
            item = QListWidgetItem(titles[key], self.nav)
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setSizeHint(QSize(160, 46))
            item.setToolTip(f"{titles[key]} (Ctrl+{PAGE_KEYS.index(key) + 1})")
            self.pages[key] = widgets[key]
            self.stack.addWidget(widgets[key])
        self.nav.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.nav.setCurrentRow(0)

        central = QWidget(self)
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.nav)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self._make_actions()
        self._make_menus()
        self.statusBar().showMessage(self.tr("Ready"))
        self.self_check.status_message.connect(lambda m: self.statusBar().showMessage(m, 8000))
        self.self_check.file_opened.connect(self._on_file_opened)
        self.settings_page.changed.connect(self.support.reload)
        self.change_pin_flow = ChangePinFlow(self.settings, self)
        self.change_pin_flow.status.connect(lambda m: self.statusBar().showMessage(m, 8000))
        self.change_pin_flow.finished.connect(lambda _changed: self.environment.poll_tokens())
        self.environment.change_pin_requested.connect(self.change_pin_flow.start)
        self._restore_geometry()

    # --- pages ------------------------------------------------------------------------------

    def install_page(self, key: str, widget: QWidget) -> None:
        """Replace the page under *key* (e.g. ``progress``) with *widget*; keeps its nav entry."""
        if key not in self.pages:
            raise KeyError(key)
        old = self.pages[key]
        index = self.stack.indexOf(old)
        self.stack.insertWidget(index, widget)
        self.stack.removeWidget(old)
        old.deleteLater()
        self.pages[key] = widget
        if self.nav.currentRow() == index:
            self.stack.setCurrentIndex(index)

    def show_page(self, key: str) -> None:
        self.nav.setCurrentRow(PAGE_KEYS.index(key))

    def current_page_key(self) -> str:
        return PAGE_KEYS[self.nav.currentRow()]

    # --- actions and menus ------------------------------------------------------------------

    def _make_actions(self) -> None:
        self.act_open = QAction(self.tr("&Open…"), self)
        self.act_open.setShortcut(QKeySequence.StandardKey.Open)
        self.act_open.triggered.connect(self.ask_open)
        self.act_save_copy = QAction(self.tr("Save &sealed copy as…"), self)
        self.act_save_copy.setShortcut(QKeySequence("Ctrl+Shift+S"))
        self.act_save_copy.triggered.connect(self.self_check.save_copy)
        self.act_close = QAction(self.tr("&Close document"), self)
        self.act_close.setShortcut(QKeySequence("Ctrl+W"))
        self.act_close.triggered.connect(self.self_check.close_file)
        self.act_quit = QAction(self.tr("E&xit"), self)
        self.act_quit.setShortcut(QKeySequence("Ctrl+Q"))
        self.act_quit.triggered.connect(self.close)
        self.act_about = QAction(self.tr("&About"), self)
        self.act_about.triggered.connect(self.show_about)
        self.act_change_pin = QAction(self.tr("&Change PIN…"), self)
        self.act_change_pin.setObjectName("actChangePin")
        self.act_change_pin.setStatusTip(self.tr("Replace the UKEY's PIN (the first one comes "
                                                 "by SMS)"))
        self.act_change_pin.triggered.connect(lambda: self.change_pin_flow.start())
        self.act_environment = QAction(self.tr("&Environment check"), self)
        self.act_environment.triggered.connect(lambda: self.show_page("environment"))
        for a in (self.act_open, self.act_save_copy, self.act_close, self.act_quit):
            self.addAction(a)
        # Ctrl+1 … Ctrl+5 switch pages, in navigation order.
        self.page_actions: list[QAction] = []
        for i, key in enumerate(PAGE_KEYS):
            act = QAction(self)
            act.setShortcut(QKeySequence(f"Ctrl+{i + 1}"))
            act.triggered.connect(lambda _c=False, k=key: self.show_page(k))
            self.addAction(act)
            self.page_actions.append(act)

    def _make_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        file_menu.addAction(self.act_open)
        self.recent_menu = QMenu(self.tr("Recent files"), self)
        self.recent_menu.setObjectName("recentMenu")
        file_menu.addMenu(self.recent_menu)
        file_menu.addAction(self.act_save_copy)
        file_menu.addAction(self.act_close)
        file_menu.addSeparator()
        file_menu.addAction(self.act_quit)
        sc = self.self_check
        view_menu = self.menuBar().addMenu(self.tr("&View"))
        for a in (sc.act_zoom_in, sc.act_zoom_out, sc.act_fit_width, sc.act_fit_page):
            view_menu.addAction(a)
        seal_menu = self.menuBar().addMenu(self.tr("&Seal"))
        for a in (sc.act_seal, sc.act_image, sc.act_default_image, sc.act_verify):
            seal_menu.addAction(a)
        ukey_menu = self.menuBar().addMenu(self.tr("&UKEY"))
        ukey_menu.setObjectName("ukeyMenu")
        ukey_menu.addAction(self.act_change_pin)
        ukey_menu.addAction(self.act_environment)
        self.ukey_menu = ukey_menu
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_menu.addAction(self.act_about)
        self._rebuild_recent()

    def _rebuild_recent(self) -> None:
        self.recent_menu.clear()
        for f in self.settings.recent_files:
            act = self.recent_menu.addAction(Path(f).name)
            act.setToolTip(f)
            act.setData(f)
            act.triggered.connect(lambda _c=False, name=f: self.open_file(name))
        self.recent_menu.setEnabled(bool(self.settings.recent_files))

    @Slot()
    def show_about(self) -> None:
        from cgn_seal_desktop import __version__

        text = self.tr(
            "<h3>CGN E-Seal Desktop %1</h3>"
            "<p>Apply for the digital certificate / e-seal of the CGN e-commerce platform and "
            "check the seal offline.</p>"
            "<p>This program is free software: you can redistribute it and/or modify it under "
            "the terms of the GNU Affero General Public License as published by the Free "
            "Software Foundation, either version 3 of the License, or (at your option) any "
            "later version. It is distributed WITHOUT ANY WARRANTY. See the GNU AGPL "
            "(licenses/AGPL-3.0.txt) for details.</p>"
            "<p>Customer service: 400-112-3838 · www.szca.com</p>").replace("%1", __version__)
        dialogs.show_message(self, QMessageBox.Icon.Information, self.tr("About"), text)

    # --- files ------------------------------------------------------------------------------

    @Slot()
    def ask_open(self) -> None:
        self.show_page("self_check")
        self.self_check.ask_open()

    def open_file(self, path: str | Path) -> None:
        self.show_page("self_check")
        self.self_check.open_file(path)

    @Slot(str)
    def _on_file_opened(self, path: str) -> None:
        self.settings.add_recent(path)
        self.settings.save()
        self._rebuild_recent()
        self.setWindowTitle(f"{Path(path).name} — {self.tr('CGN E-Seal Desktop')}")

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if _pdf_urls(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        files = _pdf_urls(event.mimeData())
        if files:
            event.acceptProposedAction()
            self.open_file(files[0])

    # --- geometry ---------------------------------------------------------------------------

    def _restore_geometry(self) -> None:
        geo = self.settings.window_geometry
        if not (geo and self.restoreGeometry(QByteArray.fromBase64(geo.encode("ascii")))):
            self.resize(1200, 800)

    def save_state(self) -> None:
        """Put geometry into the settings and write them."""
        self.settings.window_geometry = bytes(self.saveGeometry().toBase64().data()).decode()
        self.settings.save()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.self_check.sealing.runner.is_running():
            if not dialogs.ask_yes_no(self, self.tr("Sealing in progress"),
                                      self.tr("Sealing is still running. Cancel it and exit?")):
                event.ignore()
                return
            self.self_check.sealing.runner.cancel()
            self.self_check.sealing.runner.wait(10_000)
        self.environment.watcher.stop()
        self.self_check.watcher.stop()
        self.save_state()
        super().closeEvent(event)


def _pdf_urls(mime: object) -> list[str]:
    from PySide6.QtCore import QMimeData

    if not isinstance(mime, QMimeData) or not mime.hasUrls():
        return []
    return [u.toLocalFile() for u in mime.urls()
            if u.isLocalFile() and u.toLocalFile().lower().endswith(".pdf")]
