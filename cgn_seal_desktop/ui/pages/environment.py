"""环境检测: what this computer has for sealing, each line green/amber/red with what to do.

The full check runs in a worker when the page is first shown and on "Check again"; the UKEY lines
are re-read every 2 s (worker) while the page is visible, so plugging a key in or out shows up.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtGui import QBrush, QColor, QGuiApplication, QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cgn_seal_desktop.envcheck import EnvReport, Group, check_tokens, collect, inserted_tokens
from cgn_seal_desktop.settings import Settings
from cgn_seal_desktop.ui.env_checks import CheckLine, describe, report_text
from cgn_seal_desktop.ui.pages.common import page_title
from cgn_seal_desktop.ui.workers import run_task
from cgn_seal_desktop.ukey.model import TokenInfo

__all__ = ["POLL_MS", "EnvironmentPage"]

POLL_MS = 2000
_COLORS = {"ok": "#1e7e34", "warn": "#b26a00", "error": "#b3261e", "info": "#666666"}
_MARKS = {"ok": "●", "warn": "▲", "error": "✖", "info": "○"}


class EnvironmentPage(QWidget):
    """Shows the environment check's findings (:mod:`cgn_seal_desktop.envcheck`) as translated
    lines; ``checked`` after each full run, ``tokens_changed`` when the UKEY lines change."""

    checked = Signal()
    tokens_changed = Signal()

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("environmentPage")
        self._settings = settings
        self._lines: list[CheckLine] = []
        self._has_driver = False
        self._token_key: tuple[tuple[str, str, str, int], ...] | None = None
        self._running = False
        self._polling = False
        self._started = False

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        title = page_title(self.tr("Environment check"), self)
        layout.addWidget(title)
        intro = QLabel(self.tr("Checks what sealing needs on this computer. Green is fine, amber "
                               "needs attention, red must be fixed."), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("envTree")
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels([self.tr("Check"), self.tr("Result"), self.tr("What to do")])
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setWordWrap(True)
        self.tree.setColumnWidth(0, 200)
        self.tree.setColumnWidth(1, 430)
        layout.addWidget(self.tree, 1)
        row = QHBoxLayout()
        self.online_box = QCheckBox(self.tr("Check the online service"), self)
        self.online_box.setChecked(settings.check_service_online)
        row.addWidget(self.online_box)
        row.addStretch(1)
        self.state_label = QLabel(self)
        row.addWidget(self.state_label)
        self.copy_button = QPushButton(self.tr("Copy report"), self)
        self.copy_button.setObjectName("copyReportButton")
        self.copy_button.clicked.connect(self.copy_report)
        row.addWidget(self.copy_button)
        self.rerun_button = QPushButton(self.tr("Check again"), self)
        self.rerun_button.clicked.connect(self.run_checks)
        row.addWidget(self.rerun_button)
        layout.addLayout(row)
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self.poll_tokens)

    def lines(self) -> list[CheckLine]:
        return list(self._lines)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._started:
            self._started = True
            self.run_checks()
        self.timer.start()

    def hideEvent(self, event: QHideEvent) -> None:
        self.timer.stop()
        super().hideEvent(event)

    @Slot()
    def run_checks(self) -> None:
        if self._running:
            return
        self._running = True
        self.state_label.setText(self.tr("Checking…"))
        self.rerun_button.setEnabled(False)
        settings, online = self._settings, self.online_box.isChecked()
        run_task(lambda: collect(settings, online=online), self._on_collected,
                 self._on_error, context=self)

    def _on_collected(self, report: EnvReport) -> None:
        self._running = False
        self.rerun_button.setEnabled(True)
        self._has_driver = report.has_driver
        self._lines = [describe(f) for f in report.findings]
        self._token_key = _key(list(report.tokens))
        self.state_label.setText("")
        self._render()
        self.checked.emit()

    def _on_error(self, exc: BaseException) -> None:
        self._running = False
        self.rerun_button.setEnabled(True)
        self.state_label.setText(self.tr("The check failed: %1").replace(
            "%1", type(exc).__name__))

    @Slot()
    def poll_tokens(self) -> None:
        """Re-read the inserted UKEYs in a worker (skipped while one read is running)."""
        if self._polling or self._running or not self._has_driver:
            return
        self._polling = True
        settings = self._settings
        run_task(lambda: inserted_tokens(settings.module_path, wait_s=0.5), self._on_tokens,
                 self._on_poll_error, context=self)

    def _on_poll_error(self, _exc: BaseException) -> None:
        self._polling = False

    def _on_tokens(self, tokens: list[TokenInfo] | None) -> None:
        self._polling = False
        if tokens is None:  # the UKEY is busy signing; look again at the next tick
            return
        key = _key(tokens)
        if key == self._token_key:
            return
        self._token_key = key
        new = [describe(f) for f in check_tokens(True, tokens)]
        at = next((i for i, ln in enumerate(self._lines) if ln.key == Group.TOKENS), None)
        rest = [ln for ln in self._lines if ln.key != Group.TOKENS]
        if at is None:
            at = next((i for i, ln in enumerate(rest) if ln.key == Group.TRUST), len(rest))
        self._lines = rest[:at] + new + rest[at:]
        self._render()
        self.tokens_changed.emit()

    def _render(self) -> None:
        self.tree.clear()
        for line in self._lines:
            item = QTreeWidgetItem([f"{_MARKS[line.level]}  {line.title}", line.detail,
                                    line.advice])
            color = _COLORS[line.level]
            item.setForeground(0, QBrush(QColor(color)))
            for col in range(3):
                item.setToolTip(col, item.text(col))
            if line.extra:
                item.setToolTip(1, f"{line.detail}\n{line.extra}")
            item.setData(0, Qt.ItemDataRole.UserRole, line.level)
            self.tree.addTopLevelItem(item)

    @Slot()
    def copy_report(self) -> str:
        """Put the plain-text report on the clipboard (and return it)."""
        text = report_text(self._lines)
        QGuiApplication.clipboard().setText(text)
        self.state_label.setText(self.tr("Report copied"))
        return text


def _key(tokens: list[TokenInfo]) -> tuple[tuple[str, str, str, int], ...]:
    """What identifies the inserted UKEYs and their state (a change means: re-render)."""
    return tuple((t.label, t.serial, t.pin_state.value, len(t.certificates)) for t in tokens)

