"""Errors of the ``seal`` package (signing, verification, seal appearance, trust store).

Every class derives from :class:`SealError` and carries a stable ``code`` for the UI's message
table. Messages never contain a PIN or other secret.
"""

from __future__ import annotations

from cgn_seal_desktop.errors import CgnSealError

__all__ = [
    "FieldError",
    "InputPdfError",
    "OutputExistsError",
    "PdfPasswordError",
    "PlacementError",
    "SealError",
    "SealImageError",
    "SigningCancelledError",
    "SigningFailedError",
    "TrustStoreError",
]


class SealError(CgnSealError):
    """The seal operation failed."""

    code = "seal_error"


class SealImageError(SealError):
    """The seal image is not a usable PNG or JPEG (wrong type, too large, or cannot be decoded)."""

    code = "seal_image_invalid"


class InputPdfError(SealError):
    """The file is not a PDF this program can read (not a PDF, damaged, or truncated)."""

    code = "pdf_unreadable"


class PdfPasswordError(InputPdfError):
    """The PDF is encrypted and needs a password (or the password given is wrong)."""

    code = "pdf_password"

    def __init__(self, message: str = "", *, wrong_password: bool = False) -> None:
        super().__init__(message)
        self.wrong_password = wrong_password


class PlacementError(SealError):
    """The seal cannot be placed there (page out of range, or area outside the page)."""

    code = "seal_placement"


class FieldError(SealError):
    """The signature field cannot be used (missing, already signed, or not a signature field)."""

    code = "signature_field"


class OutputExistsError(SealError):
    """The output file already exists and overwriting was not confirmed."""

    code = "output_exists"


class SigningCancelledError(SealError):
    """Signing was cancelled; nothing was written."""

    code = "signing_cancelled"


class SigningFailedError(SealError):
    """The PDF could not be signed."""

    code = "signing_failed"


class TrustStoreError(SealError):
    """A trust root could not be read (not a PEM/DER certificate)."""

    code = "trust_store"
