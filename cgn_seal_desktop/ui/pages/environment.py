"""环境检测: what this computer has for sealing, each line green/amber/red with what to do.

The full check runs in a worker when the page is first shown and on "Check again"; the UKEY lines
are re-read every 2 s (a :class:`~cgn_seal_desktop.ui.token_watch.TokenWatcher`, in a worker)
while the page is visible, so plugging a key in or out — or making a demo UKEY — shows up. Each
UKEY line offers 修改PIN码 (``change_pin_requested``).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
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

from cgn_seal_desktop.envcheck import Code, EnvReport, Group, check_tokens, collect
from cgn_seal_desktop.settings import Settings
from cgn_seal_desktop.ui.env_checks import CheckLine, describe, report_text
from cgn_seal_desktop.ui.messages import error_message
from cgn_seal_desktop.ui.pages.common import page_title
from cgn_seal_desktop.ui.token_watch import TokenWatcher
from cgn_seal_desktop.ui.workers import run_task
from cgn_seal_desktop.ukey.model import TokenInfo, TokenRef

__all__ = ["POLL_MS", "EnvironmentPage"]

POLL_MS = 2000
_COLORS = {"ok": "#1e7e34", "warn": "#b26a00", "error": "#b3261e", "info": "#666666"}
_MARKS = {"ok": "●", "warn": "▲", "error": "✖", "info": "○"}


class EnvironmentPage(QWidget):
    """Shows the environment check's findings (:mod:`cgn_seal_desktop.envcheck`) as translated
    lines; ``checked`` after each full run, ``tokens_changed`` when the UKEY lines change,
    ``change_pin_requested(TokenRef)`` when the user asks to change a UKEY's PIN."""

    checked = Signal()
    tokens_changed = Signal()
    change_pin_requested = Signal(object)

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("environmentPage")
        self._settings = settings
        self._lines: list[CheckLine] = []
        self._has_driver = False
        self._running = False
        self._started = False
        self.change_pin_buttons: list[QPushButton] = []

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
        self.watcher = TokenWatcher(settings, self, interval_ms=POLL_MS)
        self.watcher.changed.connect(self._on_tokens)
        self.timer = self.watcher.timer

    def lines(self) -> list[CheckLine]:
        return list(self._lines)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._started:
            self._started = True
            self.run_checks()
        self.timer.start()  # the full check reads the UKEYs first; the watcher then follows

    def hideEvent(self, event: QHideEvent) -> None:
        self.watcher.stop()
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
        if not any(f.code is Code.UKEY_BUSY for f in report.findings):
            self.watcher.set_known(report.tokens)
        self.state_label.setText("")
        self._render()
        self.checked.emit()

    def _on_error(self, exc: BaseException) -> None:
        self._running = False
        self.rerun_button.setEnabled(True)
        self.state_label.setText(self.tr("The check failed: %1").replace(
            "%1", error_message(exc)[0]))

    @Slot()
    def poll_tokens(self) -> None:
        """Re-read the inserted UKEYs now, in a worker (skipped while one read is running)."""
        if self._running:
            return
        self.watcher.poll()

    def _on_tokens(self, tokens: tuple[TokenInfo, ...]) -> None:
        if self._running or not self._started:
            return  # the full check running now brings its own UKEY lines
        drivers = {ln.extra for ln in self._lines if ln.key == Group.DRIVERS}
        if any(t.module_path not in drivers for t in tokens):
            self.run_checks()  # a driver appeared (a demo UKEY was made): check everything
            return
        if not self._has_driver:
            return
        new = [describe(f) for f in check_tokens(True, list(tokens))]
        at = next((i for i, ln in enumerate(self._lines) if ln.key == Group.TOKENS), None)
        rest = [ln for ln in self._lines if ln.key != Group.TOKENS]
        if at is None:
            at = next((i for i, ln in enumerate(rest) if ln.key == Group.TRUST), len(rest))
        self._lines = rest[:at] + new + rest[at:]
        self._render()
        self.tokens_changed.emit()

    def _render(self) -> None:
        self.tree.clear()
        self.change_pin_buttons = []
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
            if line.token is not None and line.level != "error":
                self._add_change_pin(item, line, line.token)

    def _add_change_pin(self, item: QTreeWidgetItem, line: CheckLine, token: TokenRef) -> None:
        """修改PIN码 in the UKEY line's "what to do" column (after its advice, if any)."""
        cell = QWidget(self.tree)
        row = QHBoxLayout(cell)
        row.setContentsMargins(2, 0, 2, 0)
        if line.advice:
            advice = QLabel(line.advice, cell)
            advice.setWordWrap(True)
            row.addWidget(advice, 1)
            item.setText(2, "")  # shown by the label; the tool tip keeps it
        button = QPushButton(self.tr("Change PIN…"), cell)
        button.setObjectName("changePinButton")
        button.setToolTip(self.tr("Change the PIN of %1").replace("%1", token.label))
        button.clicked.connect(lambda _c=False, t=token: self.change_pin_requested.emit(t))
        row.addWidget(button, 0)
        if not line.advice:
            row.addStretch(1)
        self.tree.setItemWidget(item, 2, cell)
        self.change_pin_buttons.append(button)

    @Slot()
    def copy_report(self) -> str:
        """Put the plain-text report on the clipboard (and return it)."""
        text = report_text(self._lines)
        QGuiApplication.clipboard().setText(text)
        self.state_label.setText(self.tr("Report copied"))
        return text

