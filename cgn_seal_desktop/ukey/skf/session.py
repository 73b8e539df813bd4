"""An SKF session on one UKEY: PIN counters, log in, sign with SM2, change the PIN.
The :class:`~cgn_seal_desktop.ukey.backend.TokenSession` of SKF drivers.

The PIN is revealed only inside :meth:`SkfSession._call_with_pin`'s action, copied into a ctypes
buffer that ``SKF_VerifyPIN``/``SKF_ChangePIN`` read and that is zeroed right after; the method
never raises: errors come back as fresh typed exceptions that the caller raises, so no
traceback reaches a frame that held the PIN.
"""

from __future__ import annotations

import contextlib
import ctypes
from collections.abc import Callable

from cgn_seal_desktop.ukey.backend import TokenSession
from cgn_seal_desktop.ukey.certinfo import CertificateInfo, sm2_public_key
from cgn_seal_desktop.ukey.errors import (
    CertificateNotFoundError,
    MechanismNotSupportedError,
    NoContainerError,
    PrivateKeyNotFoundError,
    TokenError,
    UKeyError,
    WrongPinError,
)
from cgn_seal_desktop.ukey.model import (
    TokenInfo,
    TokenRef,
    check_pin_state,
    pin_state_from_retries,
)
from cgn_seal_desktop.ukey.pin import Pin
from cgn_seal_desktop.ukey.skf import device
from cgn_seal_desktop.ukey.skf.abi import CONTAINER_ECC, SkfCallError, SkfLibrary
from cgn_seal_desktop.ukey.skf.codes import translate, wrong_pin
from cgn_seal_desktop.ukey.sm2 import (
    DEFAULT_SIGNER_ID,
    der_signature,
    digest_to_sign,
    rs_from_blob,
)

__all__ = ["SkfSession"]


def _pin_buffer(pin: Pin) -> ctypes.Array[ctypes.c_char]:
    """The PIN as a NUL-terminated C buffer (wiped by the caller); *pin* is wiped here."""
    return ctypes.create_string_buffer(pin.reveal_bytes())


def _wipe(buf: ctypes.Array[ctypes.c_char] | None) -> None:
    if buf is not None:
        ctypes.memset(buf, 0, ctypes.sizeof(buf))


class SkfSession(TokenSession):
    """Connection to one SKF UKEY (device + application), held until :meth:`close`.

    :param signer_id: the SM2 signer ID hashed into Z (GM/T 0009 default).
    """

    def __init__(self, lib: SkfLibrary, module_path: str, ref: TokenRef, *,
                 signer_id: bytes = DEFAULT_SIGNER_ID) -> None:
        self.module_path = module_path
        self._lib = lib
        self._signer_id = signer_id
        self._da = device.find_device_app(lib, ref.label or None, ref.serial or None)
        self._dev: int | None = None
        self._app: int | None = None
        self._logged_in = False
        try:
            self._dev = lib.connect(self._da.device)
            self._app = lib.open_application(self._dev, self._da.application)
        except SkfCallError as exc:
            self.close()
            raise translate(exc.function, exc.code) from None

    @property
    def app(self) -> int:
        if self._app is None:
            raise TokenError("The UKEY session is closed")
        return self._app

    def _pin_counters(self) -> tuple[int, int]:
        # Raised outside the handler: on the PIN paths the error must carry no __context__.
        try:
            maximum, left, _default = self._lib.pin_info(self.app)
        except SkfCallError as exc:
            error = translate(exc.function, exc.code)
        else:
            return maximum, left
        raise error

    def token_info(self) -> TokenInfo:
        maximum, left = self._pin_counters()
        return device.token_info(self.module_path, self._da, maximum, left, [])

    def certificates(self) -> list[CertificateInfo]:
        return device.read_certificates(self._lib, self.app)

    @property
    def logged_in(self) -> bool:
        return self._logged_in

    def _pin_error(self, exc: SkfCallError, *, new_pin: bool) -> UKeyError:
        error = translate(exc.function, exc.code, retry=exc.retry, new_pin=new_pin)
        if not isinstance(error, WrongPinError):
            return error
        # The counter as the token keeps it now (some drivers leave pulRetryCount unset).
        try:
            maximum, left, _default = self._lib.pin_info(self.app)
        except SkfCallError:
            return error
        return wrong_pin(left, maximum)

    def _call_with_pin(self, action: Callable[[], None], *, new_pin: bool = False
                       ) -> UKeyError | None:
        """Run *action* (which reveals the PIN) and return the typed error instead of raising.

        Returning inside ``except`` keeps the driver error and its traceback (into the frame
        that held the PIN buffer) from becoming anyone's ``__context__``.
        """
        try:
            action()
        except SkfCallError as exc:
            return self._pin_error(exc, new_pin=new_pin)
        except (ctypes.ArgumentError, OSError, ValueError) as exc:
            return TokenError(f"The UKEY driver failed: {type(exc).__name__}")
        return None

    def _check(self, confirm_final_try: bool) -> None:
        maximum, left = self._pin_counters()
        check_pin_state(pin_state_from_retries(left, maximum),
                        confirm_final_try=confirm_final_try)

    def login(self, pin: Pin, *, confirm_final_try: bool = False) -> None:
        try:
            self._check(confirm_final_try)
            app = self.app

            def verify() -> None:
                buf = _pin_buffer(pin)
                try:
                    self._lib.verify_pin(app, buf)
                finally:
                    _wipe(buf)

            error = self._call_with_pin(verify)
        finally:
            pin.wipe()
        if error is not None:
            raise error
        self._logged_in = True

    def change_pin(self, old: Pin, new: Pin, *, confirm_final_try: bool = False) -> None:
        try:
            self._check(confirm_final_try)
            app = self.app

            def change() -> None:
                old_buf = new_buf = None
                try:
                    old_buf, new_buf = _pin_buffer(old), _pin_buffer(new)
                    self._lib.change_pin(app, old_buf, new_buf)
                finally:
                    _wipe(old_buf)
                    _wipe(new_buf)

            error = self._call_with_pin(change, new_pin=True)
        finally:
            old.wipe()
            new.wipe()
        if error is not None:
            raise error

    def _open_container(self, cert: CertificateInfo) -> int:
        name = cert.key_id.decode("utf-8", "replace")
        try:
            return self._lib.open_container(self.app, name)
        except SkfCallError as exc:
            if exc.code in (0x0A000031, 0x0A000006, 0x0A00000D):  # no such file/param/object
                raise NoContainerError(
                    f"The UKEY has no key container {name!r}") from None
            raise translate(exc.function, exc.code) from None

    def sign(self, cert: CertificateInfo, data: bytes, digest: str) -> bytes:
        if cert.key_type != "sm2":
            raise MechanismNotSupportedError(
                f"This version signs only with SM2 keys on SKF UKEYs (the key is {cert.key_type})")
        if digest.lower() != "sm3":
            raise MechanismNotSupportedError(f"SM2 signs with SM3, not {digest}")
        public_key = sm2_public_key(cert.der)
        if public_key is None:
            raise CertificateNotFoundError("The certificate's SM2 public key cannot be read")
        cont = self._open_container(cert)
        try:
            if self._lib.container_type(cont) != CONTAINER_ECC:
                raise PrivateKeyNotFoundError(
                    "The certificate's container holds no SM2 key pair")
            if self._lib.export_public_key(cont, sign=True) != public_key:
                raise PrivateKeyNotFoundError(
                    "The certificate does not belong to the key pair in its container")
            e = digest_to_sign(public_key, data, self._signer_id)
            r_field, s_field = self._lib.sign_digest(cont, e)
        except SkfCallError as exc:
            raise translate(exc.function, exc.code, retry=exc.retry) from None
        finally:
            with contextlib.suppress(SkfCallError):
                self._lib.close_container(cont)
        try:
            r, s = rs_from_blob(r_field, s_field)
        except ValueError as exc:
            raise TokenError(str(exc)) from None
        return der_signature(r, s)

    def missing_certificate_error(self) -> UKeyError:
        try:
            names = self._lib.enum_containers(self.app)
        except SkfCallError as exc:
            return translate(exc.function, exc.code)
        if not names:
            return NoContainerError("The UKEY holds no key container: it has not been issued")
        for name in names:
            try:
                cont = self._lib.open_container(self.app, name)
            except SkfCallError:
                continue
            try:
                has_key = self._lib.container_type(cont) != 0
            except SkfCallError:
                has_key = False
            finally:
                with contextlib.suppress(SkfCallError):
                    self._lib.close_container(cont)
            if has_key:
                return CertificateNotFoundError(
                    f"The UKEY's key container {name!r} holds a key pair but no signing "
                    "certificate")
        return NoContainerError("The UKEY's key containers hold no key pair")

    def close(self) -> None:
        app, dev = self._app, self._dev
        self._app = self._dev = None
        self._logged_in = False
        # A removed UKEY cannot be closed cleanly: nothing is left to release.
        if app is not None:
            with contextlib.suppress(SkfCallError):
                self._lib.clear_secure_state(app)
            with contextlib.suppress(SkfCallError):
                self._lib.close_application(app)
        if dev is not None:
            with contextlib.suppress(SkfCallError):
                self._lib.disconnect(dev)
