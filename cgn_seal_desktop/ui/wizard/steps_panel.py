"""办理进度: every step of the journey with its state, what we wait for, and the next action.

Lines wrap to the panel's width (no horizontal scroll bar hides the end of a detail), and the
step marked current is the one on screen (:func:`~portal.wizard.navigation.steps_as_viewed`).
"""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cgn_seal_desktop.portal.wizard.navigation import View, steps_as_viewed
from cgn_seal_desktop.portal.wizard.state import Progress, StepState
from cgn_seal_desktop.ui.wizard.wording import (
    group_title,
    next_action_text,
    note_text,
    step_title,
    waiting_text,
)

__all__ = ["StepsPanel"]

_MARK = {StepState.DONE: "✔", StepState.CURRENT: "➜", StepState.WAITING: "◷",
         StepState.ATTENTION: "⚠", StepState.TODO: "○"}
_COLOR = {StepState.DONE: "#2e7d32", StepState.CURRENT: "#1565c0", StepState.WAITING: "#ef6c00",
          StepState.ATTENTION: "#c62828", StepState.TODO: "#757575"}


class StepsPanel(QWidget):
    """Left-hand overview; clicking a step emits ``step_clicked``."""

    step_clicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        title = QLabel(f"<b>{self.tr('Progress')}</b>")
        self.list = QListWidget()
        self.list.setObjectName("progressSteps")
        # Wrap long details at the panel's width instead of hiding them behind a scroll bar.
        self.list.setWordWrap(True)
        self.list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.waiting = QLabel()
        self.waiting.setObjectName("waitingText")
        self.waiting.setWordWrap(True)
        self.next = QLabel()
        self.next.setObjectName("nextAction")
        self.next.setWordWrap(True)
        self.notices = QLabel()
        self.notices.setObjectName("notices")
        self.notices.setWordWrap(True)
        self.notices.setStyleSheet("color: #c62828")
        for w in (title, self.list, self.next, self.waiting, self.notices):
            lay.addWidget(w)
        self.list.itemClicked.connect(
            lambda it: self.step_clicked.emit(it.data(Qt.ItemDataRole.UserRole)))

    def show_progress(self, progress: Progress, view: View | None = None) -> None:
        """Show *progress*; *view* is the page on screen (its step is marked current)."""
        self.list.clear()
        steps = steps_as_viewed(progress, view)
        sizes = Counter(step.group for step in steps)
        group = None
        for step in steps:
            grouped = sizes[step.group] > 1  # a stage of one step is shown as that step
            if step.group != group and grouped:
                head = QListWidgetItem(group_title(step.group))
                head.setFlags(Qt.ItemFlag.NoItemFlags)
                f = head.font()
                f.setBold(True)
                head.setFont(f)
                self.list.addItem(head)
            group = step.group
            indent = "    " if grouped else ""
            text = f"{indent}{_MARK[step.state]} {step_title(step.id)}"
            detail = note_text(step.detail)
            if detail:
                text += f"\n{indent}    {detail}"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, step.id.value)
            item.setForeground(QBrush(QColor(_COLOR[step.state])))
            if step.state is StepState.CURRENT or (
                    step.id is progress.current and step.state is not StepState.TODO):
                f = item.font()
                f.setBold(True)
                item.setFont(f)
            self.list.addItem(item)
        self.next.setText(self.tr("Next: %1").replace("%1", next_action_text(progress)))
        self.waiting.setText(waiting_text(progress))
        self.notices.setText("\n".join(note_text(n) for n in progress.notices))
