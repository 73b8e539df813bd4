"""A small, tolerant DER reader for structures asn1crypto has no classes for (SES seals).

Every value keeps its exact encoded bytes (``raw``), because signatures are checked over the
bytes as written. Readers accept the deviations real seal tools produce (OCTET STRING where a
BIT STRING is due, GeneralizedTime where UTCTime is due, UTF-8 in an IA5String) and raise
:class:`DerError` for anything else; nothing here recurses without a bound.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from asn1crypto import core, parser

__all__ = ["DerError", "Tlv", "read", "read_first"]

_MAX_CHILDREN = 10_000

# Universal tags.
INTEGER, BIT_STRING, OCTET_STRING, OID = 2, 3, 4, 6
UTF8, PRINTABLE, IA5, UTC_TIME, GEN_TIME, SEQUENCE = 12, 19, 22, 23, 24, 16
_TEXT_TAGS = {UTF8, PRINTABLE, IA5, 20, 26, 28, 30}


class DerError(ValueError):
    """The bytes are not the DER structure that was expected."""


@dataclass(frozen=True)
class Tlv:
    """One encoded value: class, constructed flag, tag, and its bytes."""

    cls: int
    constructed: bool
    tag: int
    header: bytes
    contents: bytes

    @property
    def raw(self) -> bytes:
        return self.header + self.contents

    @property
    def universal(self) -> bool:
        return self.cls == 0

    def is_(self, tag: int) -> bool:
        return self.cls == 0 and self.tag == tag

    def children(self) -> list[Tlv]:
        """The values inside a constructed value, in order."""
        if not self.constructed:
            raise DerError("not a constructed value")
        out: list[Tlv] = []
        pos = 0
        data = self.contents
        while pos < len(data):
            if len(out) >= _MAX_CHILDREN:
                raise DerError("too many elements")
            out.append(_parse_at(data, pos))
            pos += len(out[-1].raw)
        return out

    def sequence(self, minimum: int = 0) -> list[Tlv]:
        """The children of a SEQUENCE, at least *minimum* of them."""
        if not (self.is_(SEQUENCE) and self.constructed):
            raise DerError(f"expected a SEQUENCE, found tag {self.cls}/{self.tag}")
        items = self.children()
        if len(items) < minimum:
            raise DerError(f"SEQUENCE has {len(items)} elements, expected {minimum}")
        return items

    def integer(self) -> int:
        if not self.is_(INTEGER) or not self.contents:
            raise DerError("expected an INTEGER")
        return int.from_bytes(self.contents, "big", signed=True)

    def oid(self) -> str:
        if not self.is_(OID):
            raise DerError("expected an OBJECT IDENTIFIER")
        try:
            return str(core.ObjectIdentifier.load(self.raw).dotted)
        except ValueError as exc:
            raise DerError("malformed OBJECT IDENTIFIER") from exc

    def text(self) -> str:
        """A string value; UTF-8 is accepted in any string type (seal tools put it in IA5)."""
        if not (self.cls == 0 and self.tag in _TEXT_TAGS):
            raise DerError("expected a string")
        if self.tag == 30:  # BMPString
            return self.contents.decode("utf-16-be", errors="replace")
        try:
            return self.contents.decode("utf-8")
        except UnicodeDecodeError:
            return self.contents.decode("gb18030", errors="replace")

    def octets(self) -> bytes:
        """OCTET STRING contents, or BIT STRING contents without the unused-bits byte."""
        if self.is_(OCTET_STRING) and not self.constructed:
            return self.contents
        if self.is_(BIT_STRING) and not self.constructed:
            if not self.contents or self.contents[0] != 0:
                raise DerError("BIT STRING with unused bits")
            return self.contents[1:]
        raise DerError("expected an OCTET STRING or BIT STRING")

    def time(self) -> datetime:
        """UTCTime or GeneralizedTime (either where the other is due), as aware UTC."""
        if self.is_(UTC_TIME):
            value = core.UTCTime.load(self.raw).native
        elif self.is_(GEN_TIME):
            value = core.GeneralizedTime.load(self.raw).native
        else:
            raise DerError("expected a time")
        if not isinstance(value, datetime):
            raise DerError("malformed time")
        return value if value.tzinfo else value.replace(tzinfo=UTC)


def _parse_at(data: bytes, pos: int) -> Tlv:
    try:
        info, _end = parser._parse(data, len(data), pos)
    except (ValueError, TypeError, IndexError) as exc:
        raise DerError(f"malformed DER at byte {pos}") from exc
    cls, method, tag, header, contents, _trailer = info
    if contents is None or _trailer:
        raise DerError("indefinite length")
    return Tlv(cls, method == 1, tag, bytes(header), bytes(contents))


def read_first(data: bytes) -> Tlv:
    """The value at the start of *data*, whatever follows it (a PDF pads /Contents with zeros)."""
    return _parse_at(bytes(data), 0)


def read(data: bytes) -> Tlv:
    """The single value that is all of *data* (trailing bytes are an error)."""
    tlv = _parse_at(bytes(data), 0)
    if len(tlv.raw) != len(data):
        raise DerError("bytes after the end of the structure")
    return tlv
