"""Typed errors of the ``documents`` package (opening, reading and rendering PDF files).

The UI maps each class (by ``code``) to a translated, actionable message; the password classes
tell the caller to ask the user for a password and try again. Messages never contain a password.
"""

from __future__ import annotations

from cgn_seal_desktop.errors import CgnSealError

__all__ = [
    "CorruptDocumentError",
    "DocumentError",
    "NotAPdfError",
    "PasswordRequiredError",
    "RenderError",
    "UnreadableDocumentError",
    "WrongPasswordError",
]


class DocumentError(CgnSealError):
    """The document could not be used."""

    code = "document"


class UnreadableDocumentError(DocumentError):
    """The file could not be read (missing, no permission, I/O error)."""

    code = "document.unreadable"


class NotAPdfError(DocumentError):
    """The file is not a PDF document."""

    code = "document.not_pdf"


class CorruptDocumentError(DocumentError):
    """The PDF file is damaged and cannot be read."""

    code = "document.corrupt"


class PasswordRequiredError(DocumentError):
    """The PDF is encrypted; a password is needed to open it."""

    code = "document.password_required"


class WrongPasswordError(PasswordRequiredError):
    """The password given for the encrypted PDF is not correct."""

    code = "document.wrong_password"


class RenderError(DocumentError):
    """A page of the document could not be rendered."""

    code = "document.render_failed"
