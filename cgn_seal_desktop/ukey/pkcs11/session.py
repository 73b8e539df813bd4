"""A PKCS#11 session on one UKEY: log in, find the key paired with a certificate, sign, change
the PIN. The :class:`~cgn_seal_desktop.ukey.backend.TokenSession` of PKCS#11 drivers.

One session belongs to one thread (the worker that opened it). The PIN is revealed only inside
:meth:`Pkcs11Session._call_with_pin`, which never raises: errors are returned as fresh typed
exceptions and raised by the caller, so no traceback reaches the frame that held the PIN.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import Any, cast

import pkcs11
from pkcs11 import Attribute, ObjectClass
from pkcs11 import exceptions as p11x
from pkcs11.types import SignMixin

from cgn_seal_desktop.ukey.backend import TokenSession
from cgn_seal_desktop.ukey.certinfo import CertificateInfo, sm2_public_key
from cgn_seal_desktop.ukey.errors import (
    MechanismNotSupportedError,
    PinLockedError,
    PinPolicyError,
    PrivateKeyNotFoundError,
    UKeyError,
    WrongPinError,
)
from cgn_seal_desktop.ukey.model import (
    PinState,
    TokenInfo,
    TokenRef,
    check_pin_state,
    pin_state_from_flags,
)
from cgn_seal_desktop.ukey.pin import Pin
from cgn_seal_desktop.ukey.pkcs11.driver import (
    find_token,
    read_certificates,
    token_info,
    translate_pkcs11_error,
)
from cgn_seal_desktop.ukey.pkcs11.mechanisms import (
    SignatureScheme,
    finish_output,
    prepare_input,
    scheme_for,
    vendor_number,
)
from cgn_seal_desktop.ukey.pkcs11.vendor import raw_sign
from cgn_seal_desktop.ukey.sm2 import digest_to_sign

__all__ = ["Pkcs11Session"]


class Pkcs11Session(TokenSession):
    """Open session on one PKCS#11 token.

    :param mechanisms: the module table's per-key-type scheme overrides for this driver.
    """

    def __init__(self, module_path: str, ref: TokenRef, *,
                 mechanisms: dict[str, str] | None = None,
                 vendor_mechanisms: dict[str, str] | None = None) -> None:
        self.module_path = module_path
        self._vendor_mechanisms = dict(vendor_mechanisms or {})
        self._token = find_token(module_path, label=ref.label or None,
                                 serial=ref.serial or None)
        self._slot = self._token.slot
        self._mechanisms = dict(mechanisms or {})
        try:
            self._session: pkcs11.Session | None = self._token.open()
        except p11x.PKCS11Error as exc:
            raise translate_pkcs11_error(exc) from None
        self._logged_in = False

    @property
    def session(self) -> pkcs11.Session:
        if self._session is None:
            raise UKeyError("The UKEY session is closed")
        return self._session

    def token_info(self) -> TokenInfo:
        try:
            return token_info(self.module_path, self._slot.get_token(), [])
        except p11x.PKCS11Error as exc:
            raise translate_pkcs11_error(exc) from None

    def certificates(self) -> list[CertificateInfo]:
        try:
            return read_certificates(self.session)
        except p11x.PKCS11Error as exc:
            raise translate_pkcs11_error(exc) from None

    @property
    def logged_in(self) -> bool:
        return self._logged_in

    def _pin_state_quietly(self) -> PinState:
        try:
            return pin_state_from_flags(self._slot.get_token().flags)
        except p11x.PKCS11Error:
            return PinState.OK

    def _wrong_pin(self) -> UKeyError:
        state = self._pin_state_quietly()
        if state is PinState.LOCKED:
            return PinLockedError()
        return WrongPinError(count_low=state in (PinState.COUNT_LOW, PinState.FINAL_TRY),
                             final_try=state is PinState.FINAL_TRY)

    def _call_with_pin(self, action: Callable[[], object], *,
                       new_pin: bool = False) -> UKeyError | None:
        """Run *action* (which reveals the PIN) and return the typed error instead of raising.

        Returning (not raising) inside the ``except`` keeps the driver's exception, and its
        traceback into the frame that held the PIN, from becoming anyone's ``__context__``.
        With *new_pin*, a PIN of the wrong form is the new one's fault (``C_SetPIN``).
        """
        try:
            action()
        except (p11x.PinLenRange, p11x.PinInvalid):
            return PinPolicyError() if new_pin else self._wrong_pin()
        except p11x.PinIncorrect:
            return self._wrong_pin()
        except p11x.PinLocked:
            return PinLockedError()
        except p11x.PKCS11Error as exc:
            return translate_pkcs11_error(exc)
        return None

    def login(self, pin: Pin, *, confirm_final_try: bool = False) -> None:
        try:
            check_pin_state(self.token_info().pin_state, confirm_final_try=confirm_final_try)
            opened: list[pkcs11.Session] = []
            # A fresh session logs in; the unauthenticated one is replaced so no state lingers.
            error = self._call_with_pin(
                lambda: opened.append(self._token.open(user_pin=pin.reveal())))
        finally:
            pin.wipe()
        if error is not None:
            raise error
        old, self._session = self._session, opened[0]
        if old is not None:
            # The old read-only session may already be gone; the new one works regardless.
            with contextlib.suppress(p11x.PKCS11Error):
                old.close()
        self._logged_in = True

    def change_pin(self, old: Pin, new: Pin, *, confirm_final_try: bool = False) -> None:
        try:
            check_pin_state(self.token_info().pin_state, confirm_final_try=confirm_final_try)
            rw: list[pkcs11.Session] = []
            error = self._call_with_pin(lambda: rw.append(self._token.open(rw=True)))
            if error is None:
                error = self._call_with_pin(
                    lambda: rw[0].set_pin(old.reveal(), new.reveal()), new_pin=True)
        finally:
            old.wipe()
            new.wipe()
            for s in rw:
                with contextlib.suppress(p11x.PKCS11Error):
                    s.close()
        if error is not None:
            raise error

    def _key(self, key_id: bytes) -> SignMixin:
        try:
            key: SignMixin = self.session.get_key(  # type: ignore[assignment]
                object_class=ObjectClass.PRIVATE_KEY, id=key_id)
        except p11x.NoSuchKey:
            raise PrivateKeyNotFoundError(
                f"No private key on the UKEY for certificate ID {key_id.hex()}") from None
        except p11x.MultipleObjectsReturned:
            raise PrivateKeyNotFoundError(
                f"Several private keys share ID {key_id.hex()}; the UKEY is ambiguous") from None
        except p11x.PKCS11Error as exc:
            raise translate_pkcs11_error(exc) from None
        return key

    def has_private_key(self, key_id: bytes) -> bool:
        """Whether a private key with CKA_ID *key_id* is visible (log in first)."""
        try:
            keys = list(self.session.get_objects(
                {Attribute.CLASS: ObjectClass.PRIVATE_KEY, Attribute.ID: key_id}))
        except p11x.PKCS11Error as exc:
            raise translate_pkcs11_error(exc) from None
        return bool(keys)

    def _sign_vendor(self, scheme: SignatureScheme, key: SignMixin, cert: CertificateInfo,
                     data: bytes) -> bytes:
        number = vendor_number(scheme, self._vendor_mechanisms)
        if scheme.sm2_e:
            public_key = sm2_public_key(cert.der)
            if public_key is None:
                raise MechanismNotSupportedError("The certificate holds no SM2 public key")
            data = digest_to_sign(public_key, data)
        else:
            data = prepare_input(scheme, data)
        # The C handles behind python-pkcs11's objects (its typing does not show the session's).
        session_handle = int(cast(Any, self.session).handle)
        key_handle = int(cast(Any, key).handle)
        raw = raw_sign(self.module_path, session_handle, key_handle, number, data)
        return finish_output(scheme, raw)

    def sign(self, cert: CertificateInfo, data: bytes, digest: str) -> bytes:
        scheme = scheme_for(cert.key_type, digest.lower(), self._mechanisms.get(cert.key_type))
        key = self._key(cert.key_id)
        if scheme.vendor:  # a number python-pkcs11 would refuse
            return self._sign_vendor(scheme, key, cert, data)
        try:
            raw = key.sign(prepare_input(scheme, data), mechanism=scheme.mechanism)
        except (p11x.MechanismInvalid, p11x.FunctionNotSupported,
                p11x.KeyTypeInconsistent) as exc:
            raise MechanismNotSupportedError(
                f"The UKEY does not support {scheme.name}") from exc
        except p11x.PKCS11Error as exc:
            raise translate_pkcs11_error(exc) from None
        return finish_output(scheme, bytes(raw))

    def close(self) -> None:
        session, self._session = self._session, None
        self._logged_in = False
        if session is None:
            return
        # Token already removed: nothing left to close.
        with contextlib.suppress(p11x.PKCS11Error):
            session.close()
