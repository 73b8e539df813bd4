"""OFD files (GB/T 33190): every seal's references, signed value and seal, offline.

OFD.xml → each DocBody's ``Signatures`` list → each ``Signature.xml``: every Reference's
CheckValue against the file it names, and ``SignedValue.dat`` (an SES_Signature, or SM2 CMS)
over that Signature.xml. A seal added later changes ``Signatures.xml`` only; an earlier seal
that protected that list stays valid and the later seal is reported. Any other referenced file
changed or removed after sealing makes the seal ``modified``.

Hostile packages are bounded, never fatal: entry count, sizes, compression ratio and XML size
are limited, DTDs (entity expansion) refused, paths that leave the package rejected, and a
truncated or garbage zip is a reported error.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import io
import posixpath
import xml.etree.ElementTree as ET
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from cgn_seal_desktop.seal.gm import cms, ses, sm2
from cgn_seal_desktop.seal.gm.der import DerError
from cgn_seal_desktop.seal.report import SignatureReport, VerificationReport

__all__ = ["LIMITS", "OfdLimits", "is_ofd", "verify_ofd_bytes"]


@dataclass(frozen=True)
class OfdLimits:
    """Bounds for reading one package (a zip bomb or a huge entry stops here)."""

    entries: int = 20_000
    entry_size: int = 512 * 1024**2  # uncompressed bytes of one entry we hash
    total: int = 2 * 1024**3  # uncompressed bytes read from the whole package
    xml_size: int = 16 * 1024**2  # an XML file we parse
    signed_value: int = 4 * 1024**2  # SignedValue.dat, Seal.esl
    ratio: int = 500  # uncompressed / compressed, for entries over 1 MiB


LIMITS = OfdLimits()

_CHECK_METHODS = {
    "1.2.156.10197.1.401": "sm3", "sm3": "sm3",
    "2.16.840.1.101.3.4.2.1": "sha256", "sha256": "sha256", "sha-256": "sha256",
    "1.3.14.3.2.26": "sha1", "sha1": "sha1", "sha-1": "sha1", "md5": "md5",
}


class OfdError(Exception):
    """The package, or one of its parts, cannot be used; ``code`` is stable."""

    def __init__(self, code: str, text: str) -> None:
        super().__init__(text)
        self.code = code
        self.text = text


def is_ofd(data: bytes) -> bool:
    """A zip archive with an OFD.xml entry (looked up in the central directory only)."""
    if not data.startswith(b"PK\x03\x04"):
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            return any(n.lstrip("/").lower() == "ofd.xml" for n in zf.namelist()[:LIMITS.entries])
    except (zipfile.BadZipFile, ValueError, OSError, EOFError):
        return False


class Package:
    """The zip, read within :class:`OfdLimits`."""

    def __init__(self, data: bytes, limits: OfdLimits = LIMITS) -> None:
        self.limits = limits
        self._read_total = 0
        try:
            self.zf = zipfile.ZipFile(io.BytesIO(data))
            infos = self.zf.infolist()
        except (zipfile.BadZipFile, ValueError, OSError, EOFError) as exc:
            raise OfdError("ofd_unreadable", "The OFD file is damaged or not a zip archive"
                           ) from exc
        if len(infos) > limits.entries:
            raise OfdError("ofd_too_many_entries", "The OFD file has too many parts")
        self.entries: dict[str, zipfile.ZipInfo] = {}
        self.folded: dict[str, str] = {}
        for info in infos:
            name = info.filename.replace("\\", "/").lstrip("/")
            if info.is_dir() or not name:
                continue
            if name in self.entries:
                raise OfdError("ofd_duplicate_entry",
                               f"The OFD file has two parts named {name}")
            self.entries[name] = info
            self.folded.setdefault(name.lower(), name)

    def find(self, name: str) -> str | None:
        """The entry for *name* (exact, else case-insensitive as Windows tools write it)."""
        return name if name in self.entries else self.folded.get(name.lower())

    def _stream(self, name: str, limit: int, sink: Callable[[bytes], None]) -> int:
        info = self.entries[name]
        if info.file_size > limit:
            raise OfdError("ofd_entry_too_large", f"{name} is too large to check")
        if info.file_size > 1024**2 and \
                info.file_size > max(info.compress_size, 1) * self.limits.ratio:
            raise OfdError("ofd_zip_bomb", f"{name} expands far beyond its stored size")
        size = 0
        try:
            with self.zf.open(info) as fh:
                while chunk := fh.read(1024**2):
                    size += len(chunk)
                    self._read_total += len(chunk)
                    if size > limit or self._read_total > self.limits.total:
                        raise OfdError("ofd_entry_too_large", f"{name} is too large to check")
                    sink(chunk)
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError,
                NotImplementedError, RuntimeError) as exc:
            raise OfdError("ofd_entry_unreadable", f"{name} cannot be read (damaged)") from exc
        return size

    def read(self, name: str, limit: int) -> bytes:
        parts: list[bytes] = []
        self._stream(name, limit, parts.append)
        return b"".join(parts)

    def digest(self, name: str, method: str) -> bytes:
        h: sm2.Sm3Hasher = sm2.sm3_hasher() if method == "sm3" else hashlib.new(method)
        self._stream(name, self.limits.entry_size, h.update)
        return h.digest()


def _resolve(base_dir: str, loc: str) -> str | None:
    """A package path for *loc* (absolute from the root, or relative to *base_dir*); None when
    it leaves the package."""
    loc = loc.strip().replace("\\", "/")
    if not loc:
        return None
    joined = loc.lstrip("/") if loc.startswith("/") else posixpath.join(base_dir, loc)
    parts: list[str] = []
    for part in joined.split("/"):
        if part in ("", "."):
            continue
        if part == "..":
            if not parts:
                return None
            parts.pop()
        else:
            parts.append(part)
    return "/".join(parts) or None


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _xml(pkg: Package, name: str) -> ET.Element:
    data = pkg.read(name, pkg.limits.xml_size)
    head = data[:4096].upper()
    if b"<!DOCTYPE" in data.upper() or b"<!ENTITY" in head:
        raise OfdError("ofd_xml_dtd", f"{name} contains a DTD, which OFD does not use")
    try:
        return ET.fromstring(data)
    except ET.ParseError as exc:
        raise OfdError("ofd_xml_invalid", f"{name} is not well-formed XML") from exc


def _children(el: ET.Element, name: str) -> list[ET.Element]:
    return [c for c in el.iter() if _local(c.tag) == name]


def _first_text(el: ET.Element, name: str) -> str:
    found = _children(el, name)
    return (found[0].text or "").strip() if found else ""


@dataclass
class _SigEntry:
    sig_id: str
    path: str | None  # Signature.xml in the package
    kind: str
    files: set[str] = field(default_factory=set)  # its own files


def _signature_entries(pkg: Package, list_path: str) -> list[_SigEntry]:
    root = _xml(pkg, list_path)
    base = posixpath.dirname(list_path)
    out: list[_SigEntry] = []
    for el in _children(root, "Signature"):
        loc = el.get("BaseLoc", "")
        out.append(_SigEntry(el.get("ID", str(len(out) + 1)), _resolve(base, loc),
                             el.get("Type", "Seal")))
    return out


def _page_numbers(pkg: Package, doc_root: str | None) -> dict[str, int]:
    if doc_root is None or pkg.find(doc_root) is None:
        return {}
    try:
        root = _xml(pkg, pkg.find(doc_root) or doc_root)
    except OfdError:
        return {}
    pages = [p for p in _children(root, "Page") if p.get("ID")]
    return {p.get("ID", ""): i + 1 for i, p in enumerate(pages)}


def _iso_text(text: str) -> str | None:
    text = text.strip()
    for fmt in ("%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S", "%Y%m%d%H%M%SZ", "%Y-%m-%d"):
        try:
            return datetime.strptime(text, fmt).replace(tzinfo=UTC).isoformat()
        except ValueError:
            continue
    return None


def _check_signature(pkg: Package, entry: _SigEntry, later: list[_SigEntry], list_path: str,
                     doc_root: str | None, pages: dict[str, int], store: object
                     ) -> SignatureReport:
    rep = SignatureReport(field=posixpath.basename(posixpath.dirname(entry.path or ""))
                          or f"Signature {entry.sig_id}")
    path = pkg.find(entry.path) if entry.path else None
    if path is None:
        rep.worsen("invalid")
        rep.note("signature_missing", "The seal's Signature.xml is missing")
        return rep
    base = posixpath.dirname(path)
    sig_xml_bytes = pkg.read(path, pkg.limits.xml_size)
    root = _xml(pkg, path)
    annots = _children(root, "StampAnnot")
    if annots:
        rep.page = pages.get(annots[0].get("PageRef", ""))
    signed_value_loc = _first_text(root, "SignedValue")
    sv_path = pkg.find(_resolve(base, signed_value_loc) or "") if signed_value_loc else None
    if sv_path is None:
        rep.worsen("invalid")
        rep.note("malformed_signature", "The seal's signed value (SignedValue.dat) is missing")
        return rep
    signed_value = pkg.read(sv_path, pkg.limits.signed_value)
    entry.files = {path, sv_path}
    seal_loc = ""
    seal_el = _children(root, "Seal")
    if seal_el:
        seal_loc = _first_text(seal_el[0], "BaseLoc")
    seal_path = pkg.find(_resolve(base, seal_loc) or "") if seal_loc else None
    if seal_path:
        entry.files.add(seal_path)

    # 1. The signed value over Signature.xml.
    if ses.looks_like_ses(signed_value):
        try:
            parsed = ses.parse(signed_value)
        except DerError:
            rep.worsen("invalid")
            rep.note("malformed_signature", "The seal signature (SES) cannot be read")
            return rep
        ses.verify(parsed, sm2.sm3(sig_xml_bytes), store, rep, hash_what="Signature.xml")
        if seal_path is not None and \
                pkg.read(seal_path, pkg.limits.signed_value) != parsed.seal.raw:
            rep.worsen("invalid")
            rep.note("seal_mismatch", "The seal file (Seal.esl) is not the seal that was "
                     "applied: it was replaced or copied from elsewhere")
    elif cms.cms_format(signed_value):
        cms.verify(signed_value, sig_xml_bytes, store, rep, content_name="Signature.xml")
    else:
        rep.worsen("invalid")
        rep.note("malformed_signature", "The signed value is neither an SES seal nor a CMS "
                 "signature")
        return rep
    if rep.signing_time is None:
        rep.signing_time = _iso_text(_first_text(root, "SignatureDateTime"))

    # 2. Every referenced file against its CheckValue.
    refs_el = _children(root, "References")
    method_text = (refs_el[0].get("CheckMethod", "") if refs_el else "").strip()
    method = _CHECK_METHODS.get(method_text.lower(), "" if method_text else "sm3")
    referenced: set[str] = set()
    later_list_change = False
    changed: list[str] = []
    missing: list[str] = []
    for ref in _children(root, "Reference"):
        loc = ref.get("FileRef", "")
        target = _resolve(base, loc)
        if target is None:
            rep.worsen("invalid")
            rep.note("bad_reference", f"A reference points outside the document ({loc})",
                     file=loc)
            continue
        found = pkg.find(target)
        if found is None:
            missing.append(target)
            continue
        referenced.add(found)
        if not method:
            continue
        try:
            expected = base64.b64decode(_first_text(ref, "CheckValue") or "", validate=False)
        except (binascii.Error, ValueError):
            expected = b""
        try:
            actual = pkg.digest(found, method)
        except OfdError as exc:
            rep.worsen("invalid")
            rep.note(exc.code, exc.text, file=found)
            continue
        if actual == expected:
            continue
        if found == list_path and later:
            later_list_change = True
        else:
            changed.append(found)
    if not method:
        rep.worsen("unknown")
        rep.note("unknown_check_method",
                 f"The references use a digest this program does not know ({method_text})")
    elif method in ("sha1", "md5"):
        rep.worsen("weak_algorithm")
        rep.note("weak_algorithm", "A weak algorithm (such as SHA-1 or MD5) was used")
    for name in missing:
        rep.worsen("modified")
        rep.note("referenced_file_missing",
                 f"A file the seal protects was removed after sealing: {name}", file=name)
    for name in changed:
        rep.worsen("modified")
        rep.note("modified_after_signing",
                 f"A file the seal protects was changed after sealing: {name}", file=name)
    if doc_root is not None and pkg.find(doc_root) not in referenced and method:
        rep.worsen("modified")
        rep.note("document_not_covered", "The seal does not protect the document's root "
                 "file (Document.xml); the document could have been replaced")
    if changed or missing:
        rep.changes_after_signing = "other"
    elif later:
        # Another seal is a permitted change (as in a PDF, where it counts as form filling).
        rep.changes_after_signing = "form_filling"
        rep.note("later_seal_added", f"{len(later)} more seal(s) were added later; only the "
                 "list of seals changed" if later_list_change else
                 f"{len(later)} more seal(s) were added later", count=str(len(later)))
    # Covered: every part except seals' own files and the seal list is protected.
    own = {list_path} | entry.files
    for other in later:
        own |= other.files
    rest = [n for n in pkg.entries if n not in referenced and n not in own
            and "/signs/" not in f"/{n.lower()}"]
    rep.covers_whole_file = not rest and not later
    if rest:
        rep.note("unprotected_files", f"{len(rest)} file(s) in the document are not protected "
                 "by this seal", count=str(len(rest)))
    return rep


def verify_ofd_bytes(data: bytes, name: str, store: object,
                     limits: OfdLimits = LIMITS) -> VerificationReport:
    """Verify every seal in the OFD package *data*; never raises for bad input."""
    report = VerificationReport(file=name)
    try:
        pkg = Package(data, limits)
        ofd_xml = pkg.find("OFD.xml")
        if ofd_xml is None:
            raise OfdError("ofd_unreadable", "The file has no OFD.xml: it is not an OFD file")
        root = _xml(pkg, ofd_xml)
        bodies = _children(root, "DocBody")
    except OfdError as exc:
        report.error, report.error_code = exc.text, exc.code
        return report.finish()
    for body in bodies:
        doc_root = _resolve("", _first_text(body, "DocRoot"))
        list_loc = _first_text(body, "Signatures")
        if not list_loc:
            continue
        list_path = pkg.find(_resolve("", list_loc) or "")
        if list_path is None:
            rep = SignatureReport(field="Signatures.xml")
            rep.worsen("invalid")
            rep.note("signature_list_missing", "The document's list of seals is missing")
            report.signatures.append(rep)
            continue
        try:
            entries = _signature_entries(pkg, list_path)
        except OfdError as exc:
            rep = SignatureReport(field="Signatures.xml")
            rep.worsen("invalid")
            rep.note(exc.code, exc.text)
            report.signatures.append(rep)
            continue
        pages = _page_numbers(pkg, doc_root)
        # Own files of every seal first, so that earlier seals know what later ones added.
        for entry in entries:
            path = pkg.find(entry.path) if entry.path else None
            if path:
                entry.files = {n for n in pkg.entries
                               if posixpath.dirname(n) == posixpath.dirname(path)}
        for i, entry in enumerate(entries):
            try:
                rep = _check_signature(pkg, entry, entries[i + 1:], list_path, doc_root,
                                       pages, store)
            except OfdError as exc:
                rep = SignatureReport(field=f"Signature {entry.sig_id}")
                rep.worsen("invalid")
                rep.note(exc.code, exc.text)
            report.signatures.append(rep)
    return report.finish()
