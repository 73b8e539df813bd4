"""上传资料: which materials an application needs, and which files a material may be, as one
set of rules for the desktop and the sandbox.

The desktop checks a file before sending it (:func:`precheck`: name, size, first bytes); the
sandbox checks what arrives (:func:`detect_type`, :func:`name_fits`). Both read
:data:`FILE_TYPES`, so they cannot disagree on what a PDF, JPEG or PNG is. Which kinds are
needed (:func:`required_kinds`: the 授权书 only when the 经办人 is not the 法定代表人) is one
function too.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path, PurePath

from cgn_seal_desktop.portal.models import MaterialKind, MaterialKindInfo, OrgElements

__all__ = ["FILE_TYPES", "FileType", "MaterialProblem", "content_type_for_name", "detect_type",
           "name_fits", "operator_is_legal_rep", "precheck", "required_kinds"]


def operator_is_legal_rep(elements: OrgElements) -> bool:
    """True when the 经办人 is the 法定代表人 in person: same name and same ID number (two
    people may share a name; one ID number is one person)."""
    same_name = elements.operator_name.strip() == elements.legal_rep_name.strip()
    same_id = (elements.operator_id_number.strip().upper()
               == elements.legal_rep_id_number.strip().upper())
    return same_name and same_id


def required_kinds(elements: OrgElements | None) -> list[MaterialKind]:
    """The material kinds an application needs: all of them, except the authorisation letter
    (授权书) when the operator is the legal representative (or nothing is known yet)."""
    letter = MaterialKind.AUTHORISATION_LETTER
    kinds = [k for k in MaterialKind if k is not letter]
    if elements is not None and not operator_is_legal_rep(elements):
        kinds.append(letter)
    return kinds


@dataclass(frozen=True)
class FileType:
    """One accepted kind of file: its content type, first bytes and file-name extensions."""

    content_type: str
    magic: bytes
    extensions: frozenset[str]


#: content type → what a file of that type looks like.
FILE_TYPES: dict[str, FileType] = {t.content_type: t for t in (
    FileType("application/pdf", b"%PDF-", frozenset({".pdf"})),
    FileType("image/jpeg", b"\xff\xd8\xff", frozenset({".jpg", ".jpeg"})),
    FileType("image/png", b"\x89PNG\r\n\x1a\n", frozenset({".png"})),
)}
_HEAD = max(len(t.magic) for t in FILE_TYPES.values())


class MaterialProblem(StrEnum):
    """Why a file cannot be sent as a material."""

    TYPE = "type"  #: not a PDF/JPEG/PNG the kind accepts, or its content is not what it says
    EMPTY = "empty"  #: the file has no content (0 bytes)
    SIZE = "size"  #: larger than the kind allows
    UNREADABLE = "unreadable"  #: the file cannot be read


def detect_type(data: bytes) -> str | None:
    """The content type implied by the file's first bytes, or None if not PDF/JPEG/PNG."""
    return next((t.content_type for t in FILE_TYPES.values() if data.startswith(t.magic)), None)


def content_type_for_name(name: str) -> str | None:
    """The content type a file name's extension stands for (case-insensitive), or None."""
    suffix = PurePath(name.replace("\\", "/")).suffix.lower()
    return next((t.content_type for t in FILE_TYPES.values() if suffix in t.extensions), None)


def name_fits(name: str, content_type: str) -> bool:
    """True when the file name's extension is one of *content_type*'s."""
    return content_type_for_name(name) == content_type


def precheck(path: Path, info: MaterialKindInfo) -> MaterialProblem | None:
    """Why *path* cannot be sent as material *info*, or None: the extension must be a type the
    kind accepts, the size within its limit, and the first bytes those of that type."""
    ctype = content_type_for_name(path.name)
    if ctype is None or ctype not in info.content_types:
        return MaterialProblem.TYPE
    try:
        size = path.stat().st_size
        with path.open("rb") as fh:
            head = fh.read(_HEAD)
    except OSError:
        return MaterialProblem.UNREADABLE
    if size == 0:
        return MaterialProblem.EMPTY
    if size > info.max_bytes:
        return MaterialProblem.SIZE
    if detect_type(head) != ctype:
        return MaterialProblem.TYPE
    return None
