"""One entry for every document a seal can be in: PDF or OFD, decided by the file's content.

``cgn-seal verify FILE`` and the GUI call :func:`verify_file`; the report is the same for both
formats (DESIGN.md's JSON, plus ``algorithm``, ``format`` and ``seal``).
"""

from __future__ import annotations

from pathlib import Path

from cgn_seal_desktop.seal.report import VerificationReport
from cgn_seal_desktop.seal.trust import TrustStore

__all__ = ["MAX_FILE", "document_kind", "verify_file"]

MAX_FILE = 2 * 1024**3  # refuse files over 2 GiB rather than exhaust memory


def document_kind(head: bytes) -> str | None:
    """``pdf``, ``ofd`` (a zip: OFD is a zip package) or None, from a file's first bytes."""
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return "ofd"
    return None


def verify_file(path: str | Path, store: TrustStore | None = None, *,
                password: str | None = None) -> VerificationReport:
    """Verify every seal in the PDF or OFD file at *path*, offline. Never raises for bad input.

    *password* opens an encrypted PDF (OFD has no encryption of its own).
    """
    path = Path(path)
    store = store or TrustStore.load()
    try:
        if path.stat().st_size > MAX_FILE:
            return VerificationReport(file=str(path), error="The file is too large",
                                      error_code="too_large").finish()
        data = path.read_bytes()
    except OSError as exc:
        return VerificationReport(file=str(path), error=f"Cannot read the file: {exc.strerror}",
                                  error_code="unreadable").finish()
    if document_kind(data) == "ofd":
        from cgn_seal_desktop.seal.gm.ofd import verify_ofd_bytes

        return verify_ofd_bytes(data, str(path), store)
    from cgn_seal_desktop.seal.verify import verify_bytes

    # Anything else goes to the PDF reader, whose report says "not a PDF" for other files.
    return verify_bytes(data, str(path), store, password=password)
