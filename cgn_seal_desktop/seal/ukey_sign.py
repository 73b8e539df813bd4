"""Sealing a PDF with the UKEY: the one entry both the CLI and the desktop program call.

:func:`sign_with_ukey` opens the UKEY through the token interface (``ukey.service``; PKCS#11 or
SKF, this module never knows which), logs in, picks the certificate, and signs with
:class:`UKeySigner`, a pyHanko signer whose key never leaves the token.

An SM2 key seals with SM3 and SM2-with-SM3 in the container format the request names
(``seal.sm2_cms``: standard PKCS#7 OIDs by default, or GM/T 0010's).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from asn1crypto import algos, cms
from asn1crypto import x509 as asn1_x509
from pyhanko.sign.signers import Signer
from pyhanko_certvalidator.registry import SimpleCertificateStore

from cgn_seal_desktop.seal import sm2_cms
from cgn_seal_desktop.seal.errors import SigningCancelledError
from cgn_seal_desktop.seal.pdf_sign import Progress, sign_pdf
from cgn_seal_desktop.seal.request import SignRequest, SignResult
from cgn_seal_desktop.ukey.backend import TokenSession
from cgn_seal_desktop.ukey.certinfo import CertificateInfo
from cgn_seal_desktop.ukey.model import TokenRef
from cgn_seal_desktop.ukey.pin import Pin
from cgn_seal_desktop.ukey.service import UKEY_LOCK, choose_signing_certificate, open_session

__all__ = ["UKeySigner", "sign_with_session", "sign_with_ukey"]


class UKeySigner(Signer):
    """Signs with the private key paired with *cert* on a logged-in token session.

    :param chain: other certificates on the token (issuing CAs); embedded so verifiers can build
        the chain without fetching anything.
    :param cancelled: checked right before the token is asked to sign.
    :param sm2_format: CMS container of an SM2 seal, ``pkcs7`` or ``gm`` (``seal.sm2_cms``).
    """

    def __init__(
        self,
        session: TokenSession,
        cert: CertificateInfo,
        *,
        chain: list[CertificateInfo] | None = None,
        cancelled: Callable[[], bool] | None = None,
        sm2_format: str = "pkcs7",
    ) -> None:
        mechanism = None
        if cert.key_type == "sm2":
            sm2_cms.register()  # before the certificate's SM2 key is parsed
            if sm2_format not in sm2_cms.FORMATS:
                raise ValueError(f"unknown SM2 container format {sm2_format!r}")
            mechanism = algos.SignedDigestAlgorithm(
                {"algorithm": sm2_cms.signature_mechanism_name(sm2_format)})
        signing_cert = asn1_x509.Certificate.load(cert.der)
        registry = SimpleCertificateStore()
        registry.register_multiple(
            asn1_x509.Certificate.load(c.der) for c in (chain or []) if c.der != cert.der
        )
        super().__init__(signing_cert=signing_cert, cert_registry=registry, embed_roots=True,
                         signature_mechanism=mechanism)
        self._session = session
        self._cert = cert
        self._cancelled = cancelled or (lambda: False)
        self._sm2_format = sm2_format if cert.key_type == "sm2" else None

    async def signed_attrs(self, *args: Any, **kwargs: Any) -> cms.CMSAttributes:
        attrs = await super().signed_attrs(*args, **kwargs)
        if self._sm2_format == "gm":
            attrs = sm2_cms.gm_content_type_attr(attrs)
        return attrs

    async def async_sign(self, *args: Any, **kwargs: Any) -> cms.ContentInfo:
        content_info = await super().async_sign(*args, **kwargs)
        if self._sm2_format == "gm":
            content_info = sm2_cms.apply_format(content_info, "gm")
        return content_info

    def _placeholder_size(self) -> int:
        if self._cert.key_type == "rsa":
            key = self.signing_cert.public_key if self.signing_cert else None
            bits = key.bit_size if key is not None else 4096
            return int(bits) // 8
        return 2 * 66 + 9  # DER ECDSA up to P-521 (SM2 needs 72)

    async def async_sign_raw(
        self, data: bytes, digest_algorithm: str, dry_run: bool = False
    ) -> bytes:
        if dry_run:
            return bytes(self._placeholder_size())
        if self._cancelled():
            raise SigningCancelledError()
        return self._session.sign(self._cert, data, digest_algorithm.lower())


def sign_with_session(
    session: TokenSession,
    input_path: str | Path,
    output_path: str | Path,
    request: SignRequest,
    *,
    cert_id: bytes | None = None,
    overwrite: bool = False,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> SignResult:
    """Sign with the UKEY behind a logged-in *session*.

    Picks the signing certificate (``cert_id`` or the only one), embeds the token's other
    certificates as the chain, and draws the default round seal of the certificate's organisation
    when the request carries no appearance. An SM2 key always digests with SM3.
    """
    certs = session.certificates()
    if cert_id is None and not any(c.can_sign for c in certs):
        raise session.missing_certificate_error()
    cert = choose_signing_certificate(certs, cert_id)
    if request.appearance_pdf is None:
        from cgn_seal_desktop.seal.appearance import default_seal_pdf

        org = cert.organization or cert.subject_cn
        request = replace(request, appearance_pdf=default_seal_pdf(org))
    if cert.key_type == "sm2" and request.digest != "sm3":
        request = replace(request, digest="sm3")
    signer = UKeySigner(session, cert, chain=[c for c in certs if c.is_ca], cancelled=cancelled,
                        sm2_format=request.sm2_format)
    return sign_pdf(input_path, output_path, signer, request, overwrite=overwrite,
                    progress=progress, cancelled=cancelled)


def sign_with_ukey(
    token: TokenRef,
    pin: Pin,
    input_path: str | Path,
    output_path: str | Path,
    request: SignRequest,
    *,
    cert_id: bytes | None = None,
    confirm_final_try: bool = False,
    overwrite: bool = False,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> SignResult:
    """Open the UKEY *token*, log in with *pin* and seal *input_path* into *output_path*.

    The whole use holds :data:`~cgn_seal_desktop.ukey.service.UKEY_LOCK`, so run it on a worker
    thread. *pin* is wiped whatever happens (the token layer reveals it only to the driver).
    Raises ``UKeyError`` (wrong or locked PIN, removed UKEY, …) or ``SealError`` subclasses.
    """
    report = progress or (lambda _stage, _f: None)
    try:
        with UKEY_LOCK, open_session(token) as session:
            report("login", 0.05)
            session.login(pin, confirm_final_try=confirm_final_try)
            return sign_with_session(session, input_path, output_path, request, cert_id=cert_id,
                                     overwrite=overwrite, progress=progress, cancelled=cancelled)
    finally:
        pin.wipe()
