"""A pyHanko :class:`~pyhanko.sign.signers.Signer` whose key lives on the UKEY.

The bridge between ``ukey`` (PKCS#11) and ``seal`` (pyHanko). The signature mechanism comes from
``ukey.mechanisms`` and can be overridden per driver, so SM2 can be added there later.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from asn1crypto import x509 as asn1_x509
from pyhanko.sign.signers import Signer
from pyhanko_certvalidator.registry import SimpleCertificateStore

from cgn_seal_desktop.seal.errors import SigningCancelledError
from cgn_seal_desktop.seal.sign import Progress, SignRequest, SignResult, sign_pdf
from cgn_seal_desktop.ukey.certinfo import CertificateInfo
from cgn_seal_desktop.ukey.mechanisms import scheme_for
from cgn_seal_desktop.ukey.session import UKeySession, choose_signing_certificate

__all__ = ["UKeySigner", "sign_with_session"]


class UKeySigner(Signer):
    """Signs with the private key paired (by CKA_ID) with *cert* on a logged-in session.

    :param chain: other certificates on the token (issuing CAs); embedded so verifiers can build
        the chain without fetching anything.
    :param mechanism_override: a scheme name from ``ukey.mechanisms.SCHEMES`` (driver quirks).
    :param cancelled: checked right before the token is asked to sign.
    """

    def __init__(
        self,
        session: UKeySession,
        cert: CertificateInfo,
        *,
        chain: list[CertificateInfo] | None = None,
        mechanism_override: str | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> None:
        signing_cert = asn1_x509.Certificate.load(cert.der)
        registry = SimpleCertificateStore()
        registry.register_multiple(
            asn1_x509.Certificate.load(c.der) for c in (chain or []) if c.der != cert.der
        )
        super().__init__(signing_cert=signing_cert, cert_registry=registry, embed_roots=True)
        self._session = session
        self._cert = cert
        self._override = mechanism_override
        self._cancelled = cancelled or (lambda: False)

    def _placeholder_size(self) -> int:
        if self._cert.key_type == "rsa":
            key = self.signing_cert.public_key if self.signing_cert else None
            bits = key.bit_size if key is not None else 4096
            return int(bits) // 8
        return 2 * 66 + 9  # DER ECDSA up to P-521

    async def async_sign_raw(
        self, data: bytes, digest_algorithm: str, dry_run: bool = False
    ) -> bytes:
        if dry_run:
            return bytes(self._placeholder_size())
        if self._cancelled():
            raise SigningCancelledError()
        scheme = scheme_for(self._cert.key_type, digest_algorithm.lower(), self._override)
        return self._session.sign(self._cert.key_id, data, scheme)


def sign_with_session(
    session: UKeySession,
    input_path: str | Path,
    output_path: str | Path,
    request: SignRequest,
    *,
    cert_id: bytes | None = None,
    mechanism_override: str | None = None,
    overwrite: bool = False,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> SignResult:
    """Sign with the UKEY behind a logged-in *session*.

    Picks the signing certificate (``cert_id`` or the only one), embeds the token's other
    certificates as the chain, and draws the default round seal of the certificate's organisation
    when the request carries no appearance.
    """
    certs = session.certificates()
    cert = choose_signing_certificate(certs, cert_id)
    if request.appearance_pdf is None:
        from cgn_seal_desktop.seal.appearance import default_seal_pdf

        org = cert.organization or cert.subject_cn
        request = replace(request, appearance_pdf=default_seal_pdf(org))
    signer = UKeySigner(session, cert, chain=[c for c in certs if c.is_ca],
                        mechanism_override=mechanism_override, cancelled=cancelled)
    return sign_pdf(input_path, output_path, signer, request, overwrite=overwrite,
                    progress=progress, cancelled=cancelled)
