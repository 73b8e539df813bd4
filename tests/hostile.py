"""Byte-level manipulations of a signed PDF, each one a way an attacker or a broken tool could
damage it. Every function returns new bytes; the original file is left alone."""

from __future__ import annotations

import re


def _byte_range(data: bytes) -> list[int]:
    m = re.search(rb"/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]", data)
    assert m, "no ByteRange"
    return [int(v) for v in m.groups()]


def change_drawing_in_signed_range(data: bytes) -> bytes:
    """Move the blue rectangle: a content change inside the signed bytes, same length."""
    old = b"72 582 228 60 re"
    assert old in data[: _byte_range(data)[1]]
    return data.replace(old, b"92 582 228 60 re", 1)


def flip_comment_byte(data: bytes) -> bytes:
    """Change one byte of the header comment (inside the signed range; parsing unaffected)."""
    i = data.index(b"Written by") if b"Written by" in data else 10
    return data[:i] + bytes([data[i] ^ 0x20]) + data[i + 1 :]


def append_garbage(data: bytes) -> bytes:
    return data + b"\n% appended after signing\nGARBAGE GARBAGE\n"


def _contents_span(data: bytes) -> tuple[int, int]:
    start = data.index(b"<", _byte_range(data)[1])
    end = data.index(b">", start)
    return start + 1, end


def wipe_contents(data: bytes) -> bytes:
    """Overwrite the whole signature value with zeros (same length)."""
    s, e = _contents_span(data)
    return data[:s] + b"0" * (e - s) + data[e:]


def corrupt_contents(data: bytes) -> bytes:
    """Damage the DER header of the signature value."""
    s, _e = _contents_span(data)
    return data[:s] + b"FFFFFFFF" + data[s + 8 :]


def shrink_byte_range(data: bytes) -> bytes:
    """Make the ByteRange stop short of the end of the file (same text length)."""
    br = _byte_range(data)
    old = re.search(rb"/ByteRange\s*\[[^\]]*\]", data)
    assert old
    new_len = max(br[3] - 100, 1)
    text = f"/ByteRange [{br[0]} {br[1]} {br[2]} {new_len}".encode()
    text = text.ljust(len(old.group(0)) - 1) + b"]"
    assert len(text) == len(old.group(0))
    return data[: old.start()] + text + data[old.end() :]


def byte_range_not_from_start(data: bytes) -> bytes:
    """First range starts at 1 instead of 0 (same text length)."""
    old = re.search(rb"/ByteRange\s*\[\s*0 ", data)
    assert old
    return data[: old.end() - 2] + b"1 " + data[old.end() :]


def truncate(data: bytes) -> bytes:
    return data[: len(data) // 2]
