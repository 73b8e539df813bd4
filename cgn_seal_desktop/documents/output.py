"""Saving generated documents: always atomically, never a half-written file in the user's folder."""

from __future__ import annotations

import os
from pathlib import Path

from cgn_seal_desktop.fsutil import atomic_write_bytes

__all__ = ["save_pdf"]


def save_pdf(data: bytes, path: str | os.PathLike[str], *, overwrite: bool = True) -> Path:
    """Write PDF *data* to *path* atomically (temp file, fsync, rename) and return the path.

    :raises ValueError: *data* is not a PDF (does not start with ``%PDF-``).
    :raises FileExistsError: *path* exists and ``overwrite`` is false.
    :raises OSError: the folder is not writable, the disk is full, …
    """
    if not data.startswith(b"%PDF-"):
        raise ValueError("refusing to save: data is not a PDF document")
    target = Path(path)
    atomic_write_bytes(target, data, overwrite=overwrite)
    return target
