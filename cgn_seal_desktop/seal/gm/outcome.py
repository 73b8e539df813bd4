"""One 国密 seal's result, and how it lands in the common :class:`SignatureReport`.

The SES, CMS and OFD checks record what they found here as findings with stable codes; the
verdict wording a Chinese verifier uses follows from status and code (see :func:`headline`):
签名有效 / 文档在盖章后被修改 / 印章已过期 / 制章者签名无效 / 证书不受信任.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from cgn_seal_desktop.seal.gm import certs
from cgn_seal_desktop.seal.report import SignatureReport, Status

if TYPE_CHECKING:
    from cgn_seal_desktop.seal.trust import TrustStore

__all__ = ["HEADLINES_ZH", "check_trust", "fill_signer", "headline", "iso", "roots_of"]

#: Verdict wording (Simplified Chinese) by finding code, most specific first, then by status.
HEADLINES_ZH: dict[str, str] = {
    "maker_signature_invalid": "制章者签名无效",
    "seal_expired": "印章已过期",
    "seal_not_yet_valid": "印章尚未生效",
    "modified_after_signing": "文档在盖章后被修改",
    "referenced_file_missing": "文档在盖章后被修改",
    "digest_mismatch": "文档在盖章后被修改",
    "trailing_bytes": "文档在盖章后被修改",
    "valid": "签名有效",
    "invalid": "签名无效",
    "modified": "文档在盖章后被修改",
    "untrusted": "证书不受信任",
    "expired": "证书已过期",
    "revoked": "证书已吊销",
    "weak_algorithm": "算法强度不足",
    "unknown": "无法确定",
}


def headline(rep: SignatureReport) -> str:
    """The one-line verdict for *rep* in a Chinese verifier's words (the most specific reason
    first: a forged seal says 制章者签名无效 even when the document was changed as well)."""
    if rep.status != "valid":
        codes = {f.code for f in rep.findings}
        for code, text in HEADLINES_ZH.items():
            if code in codes and code not in STATUS_CODES:
                return text
    return HEADLINES_ZH[rep.status]


STATUS_CODES = frozenset({"valid", "invalid", "modified", "untrusted", "expired", "revoked",
                          "weak_algorithm", "unknown"})


def iso(dt: datetime | None) -> str | None:
    if dt is None:
        return None
    return (dt if dt.tzinfo else dt.replace(tzinfo=UTC)).isoformat()


_ROOT_CACHE: dict[int, tuple[object, list[certs.CertInfo]]] = {}


def roots_of(store: TrustStore) -> list[certs.CertInfo]:
    """The store's roots read by our tolerant reader (cached per store)."""
    cached = _ROOT_CACHE.get(id(store))
    if cached is not None and cached[0] is store:
        return cached[1]
    roots: list[certs.CertInfo] = []
    for root in store.roots:
        try:
            roots.append(certs.read_certificate(root.cert.dump()))
        except ValueError:
            continue
    _ROOT_CACHE.clear()  # one store at a time is the common case; keep memory bounded
    _ROOT_CACHE[id(store)] = (store, roots)
    return roots


def fill_signer(rep: SignatureReport, cert: certs.CertInfo) -> None:
    """Signer, organisation, serial, issuer and validity of *cert* into *rep*."""
    rep.signer = cert.common_name
    rep.organization = cert.organization
    rep.certificate_serial = format(cert.serial, "X")
    rep.issuer = cert.name_text("issuer")
    rep.not_before = iso(cert.not_before)
    rep.not_after = iso(cert.not_after)
    for quirk in cert.quirks:
        rep.note("certificate_quirk", f"The signer's certificate deviates from the standard: "
                 f"{quirk}", quirk=quirk)


def check_trust(rep: SignatureReport, cert: certs.CertInfo, others: Sequence[certs.CertInfo],
                store: TrustStore, moment: datetime, *, role: str = "signer") -> bool:
    """Chain *cert* to the store's roots at *moment*; lower *rep* if it does not hold.

    *role* ``signer`` sets ``trusted``/``trust_anchor``; ``maker`` (the seal maker) only adds
    findings: an untrusted maker makes the seal untrusted, with its own code.
    """
    chain = certs.build_chain(cert, others, roots_of(store), moment)
    prefix = "" if role == "signer" else "maker_"
    if role == "signer":
        rep.trusted = chain.trusted and chain.code is None
        if chain.anchor is not None:
            rep.trust_anchor = chain.anchor.name_text()
    if chain.code is None:
        return True
    status: Status = "expired" if chain.code in ("cert_expired", "ca_expired") else "untrusted"
    rep.worsen(status)
    if role != "signer":
        rep.trusted = False  # the seal is only as trusted as its maker
    text = chain.text if role == "signer" else "Seal maker: " + chain.text
    rep.note(prefix + chain.code, text)
    return False
