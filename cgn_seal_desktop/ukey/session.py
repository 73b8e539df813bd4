"""A logged-in PKCS#11 session on one UKEY: find the signing key and sign with it.

One :class:`UKeySession` belongs to one thread (the worker that opened it). The PIN is handed
straight to ``C_Login`` and not kept anywhere.
"""

from __future__ import annotations

import contextlib

import pkcs11
from pkcs11 import Attribute, ObjectClass
from pkcs11 import exceptions as p11x
from pkcs11.types import SignMixin

from cgn_seal_desktop.ukey.certinfo import CertificateInfo
from cgn_seal_desktop.ukey.errors import (
    CertificateNotFoundError,
    MechanismNotSupportedError,
    PinLockedError,
    PrivateKeyNotFoundError,
    UKeyError,
    WrongPinError,
)
from cgn_seal_desktop.ukey.mechanisms import (
    SignatureScheme,
    finish_output,
    prepare_input,
)
from cgn_seal_desktop.ukey.tokens import (
    PinState,
    TokenInfo,
    _token_info,
    check_pin_allowed,
    find_token,
    pin_state_from_flags,
    read_certificates,
    translate_pkcs11_error,
)

__all__ = ["UKeySession", "choose_signing_certificate"]


def choose_signing_certificate(
    certs: list[CertificateInfo], cert_id: bytes | None = None
) -> CertificateInfo:
    """The certificate to sign with: the one with ``CKA_ID`` *cert_id*, else the only signer one.

    With several end-entity certificates and no *cert_id*, the one valid longest wins, so a
    renewed certificate beats the old one still on the key.
    """
    if cert_id is not None:
        for c in certs:
            if c.key_id == cert_id and not c.is_ca:
                return c
        raise CertificateNotFoundError(f"No certificate with ID {cert_id.hex()} on the UKEY")
    signers = [c for c in certs if c.can_sign]
    if not signers:
        raise CertificateNotFoundError("The UKEY holds no certificate that can sign documents")
    return max(signers, key=lambda c: c.not_after)


class UKeySession:
    """Open session on one token. Use as a context manager; :meth:`close` is idempotent."""

    def __init__(self, module_path: str, *, label: str | None = None, serial: str | None = None):
        self.module_path = module_path
        self._token = find_token(module_path, label=label, serial=serial)
        self._slot = self._token.slot
        try:
            self._session: pkcs11.Session | None = self._token.open()
        except p11x.PKCS11Error as exc:
            raise translate_pkcs11_error(exc) from exc
        self._logged_in = False

    def __enter__(self) -> UKeySession:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def session(self) -> pkcs11.Session:
        if self._session is None:
            raise UKeyError("The UKEY session is closed")
        return self._session

    def token_info(self) -> TokenInfo:
        """Fresh token info (flags are re-read, so the PIN state is current)."""
        try:
            token = self._slot.get_token()
            return _token_info(self.module_path, token, [])
        except p11x.PKCS11Error as exc:
            raise translate_pkcs11_error(exc) from exc

    def certificates(self) -> list[CertificateInfo]:
        """Certificates on the token (no login needed)."""
        try:
            return read_certificates(self.session)
        except p11x.PKCS11Error as exc:
            raise translate_pkcs11_error(exc) from exc

    @property
    def logged_in(self) -> bool:
        return self._logged_in

    def login(self, pin: str, *, confirm_final_try: bool = False) -> None:
        """Log the user in with *pin*.

        Refuses without calling the token when the PIN is locked, or when the token says this is
        the final try and *confirm_final_try* is false. On a wrong PIN raises
        :class:`WrongPinError` carrying the token's state after the failure.
        """
        check_pin_allowed(self.token_info().flags, confirm_final_try=confirm_final_try)
        # A fresh session logs in; the unauthenticated one is replaced so no state lingers.
        try:
            new_session = self._token.open(user_pin=pin)
        except (p11x.PinIncorrect, p11x.PinInvalid, p11x.PinLenRange):
            state = self._pin_state_quietly()
            if state is PinState.LOCKED:
                raise PinLockedError() from None
            raise WrongPinError(
                count_low=state in (PinState.COUNT_LOW, PinState.FINAL_TRY),
                final_try=state is PinState.FINAL_TRY,
            ) from None
        except p11x.PKCS11Error as exc:
            raise translate_pkcs11_error(exc) from None
        old, self._session = self._session, new_session
        if old is not None:
            # The old read-only session may already be gone; the new one works regardless.
            with contextlib.suppress(p11x.PKCS11Error):
                old.close()
        self._logged_in = True

    def _pin_state_quietly(self) -> PinState:
        try:
            return pin_state_from_flags(self._slot.get_token().flags)
        except p11x.PKCS11Error:
            return PinState.OK

    def has_private_key(self, key_id: bytes) -> bool:
        """Whether a private key with CKA_ID *key_id* is visible (log in first)."""
        try:
            keys = list(
                self.session.get_objects(
                    {Attribute.CLASS: ObjectClass.PRIVATE_KEY, Attribute.ID: key_id}
                )
            )
        except p11x.PKCS11Error as exc:
            raise translate_pkcs11_error(exc) from exc
        return bool(keys)

    def sign(self, key_id: bytes, data: bytes, scheme: SignatureScheme) -> bytes:
        """Sign *data* with the private key *key_id* using *scheme*; returns CMS-ready bytes."""
        try:
            key: SignMixin = self.session.get_key(  # type: ignore[assignment]
                object_class=ObjectClass.PRIVATE_KEY, id=key_id
            )
        except p11x.NoSuchKey:
            raise PrivateKeyNotFoundError(
                f"No private key on the UKEY for certificate ID {key_id.hex()}"
            ) from None
        except p11x.MultipleObjectsReturned:
            raise PrivateKeyNotFoundError(
                f"Several private keys share ID {key_id.hex()}; the UKEY is ambiguous"
            ) from None
        except p11x.PKCS11Error as exc:
            raise translate_pkcs11_error(exc) from exc
        try:
            raw = key.sign(prepare_input(scheme, data), mechanism=scheme.mechanism)
        except (p11x.MechanismInvalid, p11x.FunctionNotSupported, p11x.KeyTypeInconsistent) as exc:
            raise MechanismNotSupportedError(
                f"The UKEY does not support {scheme.name}"
            ) from exc
        except p11x.PKCS11Error as exc:
            raise translate_pkcs11_error(exc) from exc
        return finish_output(scheme, bytes(raw))

    def close(self) -> None:
        session, self._session = self._session, None
        if session is None:
            return
        # Token already removed: nothing left to close.
        with contextlib.suppress(p11x.PKCS11Error):
            session.close()
        self._logged_in = False
