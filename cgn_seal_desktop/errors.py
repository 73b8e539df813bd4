"""Root of the project's typed errors.

Each package has its own hierarchy under :class:`CgnSealError` (``ukey.errors``, ``seal.errors``,
``portal.errors``); ``ui`` turns them into translated messages in one place. ``message`` is a plain
English description for logs and the CLI; it never contains a PIN, a password or a token.
"""

from __future__ import annotations

__all__ = ["CgnSealError"]


class CgnSealError(Exception):
    """Base class of every error this program raises on purpose.

    :param message: human-readable, secret-free description (English; the UI translates by type).
    """

    #: Stable machine-readable code, used by the UI's message table and by ``--json`` output.
    code: str = "error"

    def __init__(self, message: str = "") -> None:
        super().__init__(message or self.__class__.__doc__ or self.code)
        self.message = message or (self.__class__.__doc__ or self.code).strip().splitlines()[0]

    def __str__(self) -> str:
        return self.message
