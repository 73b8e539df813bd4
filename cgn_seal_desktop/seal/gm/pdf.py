"""国密 in PDFs: what a signature's /Contents holds (decided from its bytes, never from the
SubFilter), SES seals in /Contents, and the algorithm/format fields of every PDF seal.

CMS (PKCS#7 or GM/T 0010 OIDs, RSA/ECDSA/SM2) goes to the regular pyHanko path, which knows SM2
through :class:`.validator.Sm2SignatureValidator`; an SES_Signature (GB/T 38540 for PDF, whose
dataHash is the SM3 digest of the ByteRange), and a CMS whose certificates only our tolerant
reader reads right, are checked here, with pyHanko's difference analysis deciding what changed
after the signed revision.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from typing import Any

from cgn_seal_desktop.seal.gm import certs, cms, der, oids, ses, sm2
from cgn_seal_desktop.seal.gm.der import DerError
from cgn_seal_desktop.seal.gm.validator import Sm2SignatureValidator
from cgn_seal_desktop.seal.report import SignatureReport

__all__ = ["describe", "signature_validator", "verify_field"]

_BYTE_RANGE = re.compile(
    rb"/ByteRange\s*\[\s*(\d{1,12})\s+(\d{1,12})\s+(\d{1,12})\s+(\d{1,12})\s*\]")
_MAX_RANGES = 200


def signature_validator(data: bytes) -> Sm2SignatureValidator:
    """An SM2-aware validator for the PDF *data*, able to map a ByteRange digest back to the
    signed bytes (needed when an SM2 CMS has no signed attributes)."""
    cache: dict[bytes, bytes] = {}
    scanned = False

    def lookup(digest: bytes) -> bytes | None:
        nonlocal scanned
        if digest in cache or scanned:
            return cache.get(digest)
        scanned = True
        for i, m in enumerate(_BYTE_RANGE.finditer(data)):
            if i >= _MAX_RANGES:
                break
            a, b, c, d = (int(x) for x in m.groups())
            if a != 0 or c < a + b or c + d > len(data):
                continue
            signed = data[a:a + b] + data[c:c + d]
            cache[sm2.sm3(signed)] = signed
        return cache.get(digest)

    return Sm2SignatureValidator(lookup)


def _contents(field_ref: Any) -> tuple[Any, bytes] | None:
    """(signature dictionary reference, /Contents bytes) of a signature field, or None."""

    try:
        field = field_ref.get_object()
        sig_ref = field.raw_get("/V")
        sig = sig_ref.get_object()
        return sig_ref, bytes(sig["/Contents"])
    except (KeyError, TypeError, AttributeError, ValueError):
        return None
    except Exception:  # pyHanko's PdfError family on a broken file
        return None


def describe(rep: SignatureReport, contents: bytes | None) -> None:
    """Fill ``format`` and ``algorithm`` of a CMS seal checked by the pyHanko path."""
    if contents is not None:
        rep.format = cms.cms_format(contents) or rep.format
    rep.algorithm = oids.algorithm_label(rep.signature_algorithm, rep.digest_algorithm,
                                         sm2_key=rep.digest_algorithm == "sm3")


def _ses_byte_range(sig: Any, data: bytes, contents_len: int) -> tuple[list[int], list[str]]:
    try:
        br = [int(v) for v in sig["/ByteRange"]]
    except (KeyError, TypeError, ValueError):
        return [], ["The ByteRange is not a list of numbers"]
    if len(br) != 4:
        return [], ["The ByteRange does not have exactly two ranges"]
    a, b, c, d = br
    problems = []
    if a != 0:
        problems.append("The signed range does not start at the beginning of the file")
    if min(br) < 0 or c < a + b:
        problems.append("The ByteRange ranges overlap or are negative")
    if c + d > len(data):
        problems.append("The ByteRange points past the end of the file")
    elif not data[max(0, c + d - 16): c + d].rstrip(b"\r\n \x00").endswith(b"%%EOF"):
        problems.append("The ByteRange does not end at the end of a document revision")
    if c - (a + b) != contents_len * 2 + 2:
        problems.append("The gap in the ByteRange is not exactly the signature value")
    return br, problems


def _has_wild_certificate(contents: bytes) -> bool:
    """Whether a CMS carries a certificate that only our tolerant reader gets right (UTF8String
    x500UniqueIdentifier, OCTET STRING key…): asn1crypto, under pyHanko, would misjudge it."""
    try:
        top = der.read_first(contents)
        signed_data = top.sequence(2)[1].children()[0].sequence(4)
        for item in signed_data[3:]:
            if item.cls == 2 and item.tag == 0:
                return any(certs.read_certificate(c.raw).quirks for c in item.children())
    except (DerError, IndexError):
        return False
    return False


def _verify_own(kind: str, reader: Any, sig_ref: Any, contents: bytes, data: bytes,
                store: object, rep: SignatureReport, junk: int) -> SignatureReport:
    """A PDF signature checked by our code (*kind* ``ses`` or ``cms``), with the ByteRange
    checks and pyHanko's difference analysis for what came after the signed revision."""
    sig = sig_ref.get_object()
    br, problems = _ses_byte_range(sig, data, len(contents))
    parsed = None
    if kind == "ses":
        try:
            parsed = ses.parse(contents)
        except DerError:
            rep.worsen("invalid")
            rep.note("malformed_signature", "The seal signature (SES) cannot be read")
            return rep
        rep.format = parsed.format
    else:
        rep.format = cms.cms_format(contents)
    if problems:
        rep.worsen("invalid")
        for p in problems:
            rep.note("byte_range", p)
        return rep
    a, b, c, d = br
    signed = data[a:a + b] + data[c:c + d]
    if parsed is not None:
        ses.verify(parsed, sm2.sm3(signed), store, rep, hash_what="the signed bytes of the PDF")
    else:
        cms.verify(contents, signed, store, rep, content_name="The document")
    if not rep.intact:
        return rep
    rep.covers_whole_file = c + d == len(data) and not junk
    if c + d < len(data):
        _later_changes(reader, sig_ref, rep)
    if junk:
        rep.covers_whole_file = False
        rep.changes_after_signing = "other"
        rep.worsen("modified")
        rep.note("trailing_bytes",
                 f"{junk} bytes were appended after the end of the document", count=str(junk))
    return rep


def _later_changes(reader: Any, sig_ref: Any, rep: SignatureReport) -> None:
    """pyHanko's difference analysis from the signed revision to the end of the file."""
    from pyhanko.sign.diff_analysis import DEFAULT_DIFF_POLICY, ModificationLevel
    from pyhanko.sign.diff_analysis.policy_api import SuspiciousModification

    levels = {ModificationLevel.NONE: "none", ModificationLevel.LTA_UPDATES: "none",
              ModificationLevel.FORM_FILLING: "form_filling",
              ModificationLevel.ANNOTATIONS: "annotations"}
    try:
        revision = reader.xrefs.get_last_change(sig_ref.reference)
        result = DEFAULT_DIFF_POLICY.review_file(reader, revision)
    except SuspiciousModification:
        result = None
    except Exception:  # a damaged later revision: not a permitted change either
        result = None
    level = getattr(result, "modification_level", None)
    if level not in levels:
        rep.changes_after_signing = "other"
        rep.worsen("modified")
        rep.note("modified_after_signing",
                 "The document was changed after signing in a way that is not permitted")
        return
    rep.changes_after_signing = levels[level]  # type: ignore[assignment]
    if rep.changes_after_signing != "none":
        rep.note(f"later_{rep.changes_after_signing}",
                 "Permitted changes were made after signing: " + rep.changes_after_signing)


VerifyCms = Callable[..., Awaitable[SignatureReport]]


async def verify_field(verify_cms: VerifyCms, reader: Any, name: str, field_ref: Any,
                       data: bytes, store: object, vc: Any,
                       widgets: dict[int, tuple[int, tuple[float, ...]]], junk: int
                       ) -> SignatureReport:
    """One PDF signature field: SES checked here, CMS by *verify_cms* (the pyHanko path),
    both reported with ``format`` and ``algorithm``."""
    found = _contents(field_ref)
    kind = None
    if found is not None:
        if ses.looks_like_ses(found[1]):
            kind = "ses"
        elif cms.cms_format(found[1]) and _has_wild_certificate(found[1]):
            kind = "cms"
    if found is not None and kind is not None:
        rep = SignatureReport(field=name)
        idnum = getattr(field_ref, "idnum", None)
        if idnum in widgets:
            rep.page, rect = widgets[idnum]
            if len(rect) == 4:
                rep.rect = (rect[0], rect[1], rect[2], rect[3])
        return _verify_own(kind, reader, found[0], found[1], data, store, rep, junk)
    rep = await verify_cms(reader, name, field_ref, data, store, vc, widgets, junk)
    describe(rep, found[1] if found else None)
    return rep
