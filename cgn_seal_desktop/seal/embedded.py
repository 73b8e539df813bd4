"""What a signed PDF carries, read without verifying anything (for previews and tools)."""

from __future__ import annotations

from pathlib import Path

__all__ = ["signer_certificates"]


def signer_certificates(pdf: str | Path) -> list[bytes]:
    """DER of each signature's signer certificate, in field order (unreadable ones skipped)."""
    from pyhanko.pdf_utils.misc import PdfError
    from pyhanko.pdf_utils.reader import PdfFileReader

    out: list[bytes] = []
    with Path(pdf).open("rb") as fh:
        reader = PdfFileReader(fh, strict=False)
        for sig in reader.embedded_signatures:
            try:
                out.append(bytes(sig.signer_cert.dump()))
            except (PdfError, ValueError, KeyError, TypeError, AttributeError):
                continue
    return out
