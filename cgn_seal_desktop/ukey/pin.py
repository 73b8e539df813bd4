"""The PIN on its way to the token: a one-shot holder that never shows its value.

A :class:`Pin` is made from what the user typed as early as possible (the PIN dialog, the CLI
prompt) and handed down to a token backend, which reads it once with :meth:`Pin.reveal` right
before the driver call and wipes it whatever happens. Every frame that holds a ``Pin`` therefore
holds nothing secret once the login is over, so a traceback that reaches such a frame (a
``WrongPinError`` travelling up to the CLI or the GUI) carries no PIN.
"""

from __future__ import annotations

from typing import NoReturn

__all__ = ["Pin"]


class Pin:
    """A PIN that can be read once. ``repr``/``str`` never show it; it cannot be pickled."""

    __slots__ = ("_buf",)

    def __init__(self, value: str) -> None:
        self._buf = bytearray(value.encode("utf-8"))

    def reveal(self) -> str:
        """The PIN as text, wiping this holder (a second call returns '')."""
        value = self._buf.decode("utf-8")
        self.wipe()
        return value

    def reveal_bytes(self) -> bytes:
        """The PIN as UTF-8 bytes (for C APIs), wiping this holder."""
        value = bytes(self._buf)
        self.wipe()
        return value

    def wipe(self) -> None:
        """Overwrite and forget the value (idempotent)."""
        for i in range(len(self._buf)):
            self._buf[i] = 0
        self._buf = bytearray()

    def __len__(self) -> int:
        return len(self._buf)

    def __bool__(self) -> bool:
        return bool(self._buf)

    def __repr__(self) -> str:
        return "Pin(<hidden>)" if self._buf else "Pin(<wiped>)"

    __str__ = __repr__

    def __eq__(self, other: object) -> bool:
        # Comparing PINs is never what the program should do; identity only.
        return self is other

    __hash__ = object.__hash__

    def __reduce__(self) -> NoReturn:
        raise TypeError("a PIN cannot be pickled")
