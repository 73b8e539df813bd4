"""What a signing job is asked to do and what it produced: plain data, no pyHanko.

Kept apart from ``seal.pdf_sign`` so the desktop program can describe a job without importing the
signing stack at start-up.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

__all__ = ["SealPlacement", "SignRequest", "SignResult"]


@dataclass(frozen=True)
class SealPlacement:
    """Where the seal goes: 1-based *page*, *rect* in PDF user space (pt, origin bottom-left)."""

    page: int
    rect: tuple[float, float, float, float]


@dataclass(frozen=True)
class SignRequest:
    """What to sign and how. Exactly one of *placement* / *field_name* of an empty field."""

    placement: SealPlacement | None = None
    field_name: str | None = None
    appearance_pdf: bytes | None = None  # one-page PDF drawn in the field (seal.appearance)
    reason: str | None = None
    location: str | None = None
    contact: str | None = None
    password: str | None = None  # for encrypted input
    digest: str = "sha256"  # an SM2 key always uses "sm3"
    sm2_format: str = "pkcs7"  # CMS of an SM2 seal: "pkcs7" or "gm" (seal.sm2_cms)


@dataclass(frozen=True)
class SignResult:
    output: Path
    field_name: str
    page: int
