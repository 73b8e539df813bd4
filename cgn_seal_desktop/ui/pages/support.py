"""客户服务: hotline, website, online service, and the WeChat QR codes (payloads in Settings)."""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cgn_seal_desktop.settings import Settings
from cgn_seal_desktop.ui.pages.common import page_title
from cgn_seal_desktop.ui.qr_widget import QrWidget

__all__ = ["HOTLINE", "WEBSITE", "SupportPage"]

HOTLINE = "400-112-3838"
WEBSITE = "www.szca.com"


class SupportPage(QWidget):
    """Contact details and QR codes; ``qr_widgets`` maps payload keys to their widgets."""

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("supportPage")
        self._settings = settings
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(14)
        title = page_title(self.tr("Customer service"), self)
        layout.addWidget(title)

        card = QFrame(self)
        card.setObjectName("contactCard")
        card.setStyleSheet("#contactCard { background: white; border: 1px solid #ddd;"
                           " border-radius: 6px; }")
        grid = QGridLayout(card)
        grid.setContentsMargins(18, 14, 18, 14)
        grid.setHorizontalSpacing(18)
        big = "font-size: 14pt; font-weight: bold; color: #c62828;"
        grid.addWidget(QLabel(self.tr("Service hotline:")), 0, 0)
        self.hotline = QLabel(HOTLINE)
        self.hotline.setStyleSheet(big)
        self.hotline.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        grid.addWidget(self.hotline, 0, 1)
        grid.addWidget(QLabel(self.tr("Website:")), 1, 0)
        site = QLabel(f'<a href="https://{WEBSITE}">{WEBSITE}</a>')
        site.setOpenExternalLinks(True)
        site.setStyleSheet("font-size: 12pt;")
        grid.addWidget(site, 1, 1)
        grid.addWidget(QLabel(self.tr("Online service:")), 2, 0)
        online_row = QHBoxLayout()
        note = QLabel(self.tr("On the website, top right: “Online service”"))
        online_row.addWidget(note)
        self.online_button = QPushButton(self.tr("Open online service"))
        self.online_button.clicked.connect(self.open_online_service)
        online_row.addWidget(self.online_button)
        online_row.addStretch(1)
        grid.addLayout(online_row, 2, 1)
        grid.addWidget(QLabel(self.tr("Driver download:")), 3, 0)
        grid.addWidget(QLabel(self.tr("www.szca.com → Customer service → Driver download "
                                      "(CGN ECP project)")), 3, 1)
        grid.setColumnStretch(1, 1)
        layout.addWidget(card)

        qr_title = QLabel(self.tr("WeChat official accounts — scan to contact customer service"))
        qr_title.setStyleSheet("font-size: 12pt; font-weight: bold;")
        layout.addWidget(qr_title)
        qr_row = QHBoxLayout()
        qr_row.setSpacing(32)
        self.qr_widgets: dict[str, QrWidget] = {}
        captions = {
            "wechat_service": self.tr("Enterprise service account"),
            "wechat_subscription": self.tr("Enterprise subscription account"),
            "online_service": self.tr("Online service"),
        }
        for key, caption in captions.items():
            col = QVBoxLayout()
            qr = QrWidget(settings.support_qr.get(key, ""), self, side=150)
            qr.setObjectName(f"qr_{key}")
            self.qr_widgets[key] = qr
            col.addWidget(qr, 0, Qt.AlignmentFlag.AlignHCenter)
            cap = QLabel(caption)
            cap.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
            col.addWidget(cap)
            col.addStretch(1)
            col.setSpacing(6)
            qr_row.addLayout(col)
        qr_row.addStretch(1)
        layout.addLayout(qr_row)
        layout.addStretch(1)

    def reload(self) -> None:
        """Take new QR payloads from the settings."""
        for key, w in self.qr_widgets.items():
            w.set_payload(self._settings.support_qr.get(key, ""))

    def open_online_service(self) -> None:
        url = self._settings.support_qr.get("online_service") or f"https://{WEBSITE}"
        QDesktopServices.openUrl(QUrl(url))
