"""Pieces every page of the main window shares."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

__all__ = ["page_title"]


def page_title(text: str, parent: QWidget) -> QLabel:
    """The big bold title at the top of a page (the same look on every page)."""
    title = QLabel(text, parent)
    title.setStyleSheet("font-size: 16pt; font-weight: bold;")
    return title
