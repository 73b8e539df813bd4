"""The one place where modal dialogs are opened (tests replace these functions).

Every modal dialog of the program goes through :func:`exec_dialog`; file choosers go through
:func:`ask_open_pdf`, :func:`ask_open_file` and :func:`ask_save_path`. Callers use them through
the module (``dialogs.exec_dialog(d)``), so a test can ``monkeypatch.setattr(dialogs,
"exec_dialog", fake)`` and fill in / accept the dialog without a nested event loop.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

__all__ = [
    "ask_open_file",
    "ask_open_pdf",
    "ask_save_path",
    "ask_yes_no",
    "exec_dialog",
    "show_message",
]


def _tr(text: str) -> str:
    return QCoreApplication.translate("Dialogs", text)


def exec_dialog(dialog: QDialog) -> int:
    """Run *dialog* modally; returns ``QDialog.DialogCode`` as int (1 accepted, 0 rejected)."""
    return int(dialog.exec())


def show_message(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str,
                 details: str = "") -> None:
    """A message box with one OK button (through :func:`exec_dialog`)."""
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("messageBox")
    if details:
        box.setInformativeText(details)
    exec_dialog(box)


def ask_yes_no(parent: QWidget | None, title: str, text: str, *, default_yes: bool = False) -> bool:
    """A Yes/No question; True when the user chose Yes."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text,
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, parent)
    box.setObjectName("questionBox")
    box.setDefaultButton(QMessageBox.StandardButton.Yes if default_yes
                         else QMessageBox.StandardButton.No)
    return exec_dialog(box) == QMessageBox.StandardButton.Yes.value


def ask_open_pdf(parent: QWidget | None, directory: str = "") -> str | None:
    """Ask for a PDF file to open; None when cancelled."""
    name, _ = QFileDialog.getOpenFileName(parent, _tr("Open PDF"), directory,
                                          _tr("PDF documents (*.pdf);;All files (*)"))
    return name or None


def ask_open_file(parent: QWidget | None, title: str, filters: str,
                  directory: str = "") -> str | None:
    """Ask for any file to open; None when cancelled."""
    name, _ = QFileDialog.getOpenFileName(parent, title, directory, filters)
    return name or None


def ask_save_path(parent: QWidget | None, title: str, default: str) -> str | None:
    """Ask where to save; None when cancelled. The caller confirms overwriting (once)."""
    name, _ = QFileDialog.getSaveFileName(parent, title, default, _tr("PDF documents (*.pdf)"),
                                          options=QFileDialog.Option.DontConfirmOverwrite)
    return name or None
