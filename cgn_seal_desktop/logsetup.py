"""Logging that is safe to hand to support: no secrets, ID numbers masked, libraries quiet.

PINs and passwords are never passed to a logger in this code base; this module additionally
masks anything shaped like a resident ID number (GB 11643) or a unified social credit code's
personal part, in case a library logs request data.
"""

from __future__ import annotations

import logging
import logging.handlers
import re

__all__ = ["MaskingFilter", "mask_id_numbers", "setup_logging"]

# 18-character resident ID: 6 region digits, 8 birth-date digits, 3 sequence, 1 check (0-9/X).
_ID_RE = re.compile(r"(?<![0-9A-Za-z])(\d{4})\d{10}(\d{3}[\dXx])(?![0-9A-Za-z])")


def mask_id_numbers(text: str) -> str:
    """Replace the middle ten digits of 18-character ID numbers with ``*``."""
    return _ID_RE.sub(lambda m: m.group(1) + "*" * 10 + m.group(2), text)


class MaskingFilter(logging.Filter):
    """Masks ID numbers in every record's final message."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        masked = mask_id_numbers(message)
        if masked != message:
            record.msg, record.args = masked, None
        return True


_NOISY = ("pyhanko", "pyhanko_certvalidator", "httpx", "httpcore", "uvicorn.access", "asyncio")


def setup_logging(*, verbose: bool = False, log_file: bool = False) -> None:
    """Configure the root logger once: stderr (warnings, or debug with *verbose*), optional file.

    pyHanko logs validation failures as warnings with tracebacks; the report already says what
    failed, so those go to the log file only.
    """
    root = logging.getLogger()
    if getattr(root, "_cgn_configured", False):
        return
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    console = logging.StreamHandler()
    console.setLevel(logging.DEBUG if verbose else logging.ERROR)
    console.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    console.addFilter(MaskingFilter())
    root.addHandler(console)
    if log_file:
        from cgn_seal_desktop.paths import log_dir

        fh = logging.handlers.RotatingFileHandler(
            log_dir() / "cgn-seal.log", maxBytes=2_000_000, backupCount=3, encoding="utf-8"
        )
        fh.setLevel(logging.INFO)
        fh.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        fh.addFilter(MaskingFilter())
        root.addHandler(fh)
    if not verbose:
        for name in _NOISY:
            logging.getLogger(name).setLevel(logging.ERROR)
    root._cgn_configured = True  # type: ignore[attr-defined]
