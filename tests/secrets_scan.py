"""Where could a secret still be read after an error? Walk everything an exception reaches.

Used by the PIN tests: every frame of the traceback chain (``tb_frame.f_locals``), following
``__context__`` and ``__cause__``, the exception's own attributes and arguments, and the objects
those hold (a few levels deep through ``__dict__``, ``__slots__`` and containers).
"""

from __future__ import annotations

from collections.abc import Iterator
from types import FrameType
from typing import Any

from cgn_seal_desktop.ukey.pin import Pin

__all__ = ["exceptions_in_chain", "frames_of", "where_is"]


def exceptions_in_chain(exc: BaseException) -> Iterator[BaseException]:
    seen: set[int] = set()
    stack: list[BaseException | None] = [exc]
    while stack:
        e = stack.pop()
        if e is None or id(e) in seen:
            continue
        seen.add(id(e))
        yield e
        stack += [e.__context__, e.__cause__]


def frames_of(exc: BaseException) -> Iterator[FrameType]:
    for e in exceptions_in_chain(exc):
        tb = e.__traceback__
        while tb is not None:
            yield tb.tb_frame
            tb = tb.tb_next


def _holds(value: Any, secret: str, depth: int, seen: set[int]) -> bool:
    if id(value) in seen or depth < 0:
        return False
    seen.add(id(value))
    if isinstance(value, str):
        return secret in value
    if isinstance(value, bytes | bytearray | memoryview):
        return secret.encode() in bytes(value)
    if isinstance(value, Pin):
        return secret.encode() in bytes(value._buf)
    if isinstance(value, dict):
        return any(_holds(k, secret, depth - 1, seen) or _holds(v, secret, depth - 1, seen)
                   for k, v in value.items())
    if isinstance(value, list | tuple | set | frozenset):
        return any(_holds(v, secret, depth - 1, seen) for v in value)
    if isinstance(value, int | float | bool | type(None)) or (callable(value) and not hasattr(
            value, "__dict__")):
        return False
    attrs: list[Any] = []
    d = getattr(value, "__dict__", None)
    if isinstance(d, dict):
        attrs += list(d.values())
    for slot in getattr(type(value), "__slots__", ()):
        attrs.append(getattr(value, slot, None))
    return any(_holds(v, secret, depth - 1, seen) for v in attrs)


def where_is(secret: str, exc: BaseException, depth: int = 4) -> list[str]:
    """Every place *exc* reaches that still holds *secret* (empty: nowhere)."""
    found: list[str] = []
    for e in exceptions_in_chain(exc):
        if _holds([e.args, getattr(e, "__dict__", {}), str(e), repr(e)], secret, depth, set()):
            found.append(f"exception {type(e).__name__}")
    for frame in frames_of(exc):
        for name, value in frame.f_locals.items():
            if _holds(value, secret, depth, set()):
                found.append(f"{frame.f_code.co_filename}:{frame.f_code.co_name} local {name}")
    return found
