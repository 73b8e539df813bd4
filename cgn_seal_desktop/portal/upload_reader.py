"""Byte count of an upload: a file object that reports how much httpx has read to send.

httpx streams a multipart file part in 64 KiB reads and rewinds it (``seek(0)``) before a
retry, so the count starts again from zero on every attempt.
"""

from __future__ import annotations

import io
from collections.abc import Callable

__all__ = ["UploadReader"]


class UploadReader(io.BytesIO):
    """*data* as a file; ``progress(sent, total)`` after every read (from the sending thread)."""

    def __init__(self, data: bytes, progress: Callable[[int, int], None]) -> None:
        super().__init__(data)
        self._total = len(data)
        self._progress = progress

    def read(self, size: int | None = -1, /) -> bytes:
        chunk = super().read(size)
        if chunk:
            self._progress(self.tell(), self._total)
        return chunk
