"""DER by hand: the tests need exact control (GM structures, deviations found in the wild)."""

from __future__ import annotations

from datetime import UTC, datetime

from asn1crypto import core

from cgn_seal_desktop.seal.gm import der


def length(n: int) -> bytes:
    if n < 0x80:
        return bytes([n])
    raw = n.to_bytes((n.bit_length() + 7) // 8, "big")
    return bytes([0x80 | len(raw)]) + raw


def tlv(tag: int, body: bytes) -> bytes:
    return bytes([tag]) + length(len(body)) + body


def seq(*items: bytes) -> bytes:
    return tlv(0x30, b"".join(items))


def set_of(*items: bytes) -> bytes:
    return tlv(0x31, b"".join(sorted(items)))


def integer(n: int) -> bytes:
    return core.Integer(n).dump()


def oid(dotted: str) -> bytes:
    return core.ObjectIdentifier(dotted).dump()


def ia5(text: str | bytes) -> bytes:
    return tlv(0x16, text.encode() if isinstance(text, str) else text)


def utf8(text: str) -> bytes:
    return tlv(0x0C, text.encode())


def printable(text: str) -> bytes:
    return tlv(0x13, text.encode())


def octets(data: bytes) -> bytes:
    return tlv(0x04, data)


def bits(data: bytes) -> bytes:
    return tlv(0x03, b"\x00" + data)


def boolean(value: bool) -> bytes:
    return tlv(0x01, b"\xff" if value else b"\x00")


def utc_time(dt: datetime) -> bytes:
    return tlv(0x17, dt.astimezone(UTC).strftime("%y%m%d%H%M%SZ").encode())


def gen_time(dt: datetime) -> bytes:
    return tlv(0x18, dt.astimezone(UTC).strftime("%Y%m%d%H%M%SZ").encode())


def explicit(n: int, body: bytes) -> bytes:
    return tlv(0xA0 | n, body)


def replace_child(encoded: bytes, index: int, new: bytes) -> bytes:
    """*encoded* (a SEQUENCE) with its child number *index* replaced by *new* (re-wrapped)."""
    parent = der.read(encoded)
    children = [c.raw for c in parent.children()]
    children[index] = new
    return bytes([encoded[0]]) + length(sum(map(len, children))) + b"".join(children)
