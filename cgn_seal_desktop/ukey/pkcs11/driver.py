"""PKCS#11 drivers: loading a module, listing its tokens with their PIN state, reading
certificates, and turning python-pkcs11's exceptions into typed UKEY errors.

Nothing here needs the PIN: token info and certificates are public objects.
"""

from __future__ import annotations

import contextlib
import threading
from pathlib import Path
from typing import Any

import pkcs11
from pkcs11 import Attribute, ObjectClass, TokenFlag
from pkcs11 import exceptions as p11x
from pkcs11._pkcs11 import lib as Pkcs11Lib

from cgn_seal_desktop.ukey.certinfo import CertificateInfo, certificate_info
from cgn_seal_desktop.ukey.discovery import check_driver_file
from cgn_seal_desktop.ukey.errors import (
    ModuleLoadError,
    NoTokenError,
    PinLockedError,
    TokenAmbiguousError,
    TokenError,
    TokenRemovedError,
    UKeyError,
    WrongPinError,
)
from cgn_seal_desktop.ukey.model import TokenInfo, pin_state_from_flags

__all__ = [
    "find_token",
    "list_tokens",
    "load_module",
    "read_certificates",
    "reload_module",
    "translate_pkcs11_error",
]


_modules: dict[str, Pkcs11Lib] = {}
_modules_lock = threading.Lock()


def load_module(path: str) -> Pkcs11Lib:
    """Load (once per process) and return the PKCS#11 module at *path*."""
    with _modules_lock:
        lib = _modules.get(path)
        if lib is not None:
            return lib
        check_driver_file(path)  # missing file, or a 32-bit driver: typed, before loading
        try:
            lib = pkcs11.lib(path)
        except (p11x.PKCS11Error, OSError, RuntimeError) as exc:
            raise ModuleLoadError(
                f"Could not load UKEY driver {Path(path).name}: {type(exc).__name__}", path=path
            ) from exc
        _modules[path] = lib
        return lib


def reload_module(path: str) -> None:
    """Finalize and initialise again the loaded module at *path* (nothing when it is not
    loaded). Raises :class:`ModuleLoadError` when it does not come back."""
    with _modules_lock:
        lib = _modules.get(path)
        if lib is None:
            return
        try:
            lib.reinitialize()
        except (p11x.PKCS11Error, OSError, RuntimeError) as exc:
            _modules.pop(path, None)
            raise ModuleLoadError(
                f"Could not reload UKEY driver {Path(path).name}: {type(exc).__name__}",
                path=path) from None


def translate_pkcs11_error(exc: BaseException) -> UKeyError:
    """Turn a python-pkcs11 exception into the matching typed :class:`UKeyError`."""
    if isinstance(exc, UKeyError):
        return exc
    if isinstance(exc, p11x.PinIncorrect | p11x.PinInvalid | p11x.PinLenRange):
        return WrongPinError()
    if isinstance(exc, p11x.PinLocked):
        return PinLockedError()
    if isinstance(
        exc,
        p11x.DeviceRemoved | p11x.TokenNotPresent | p11x.SessionClosed
        | p11x.SessionHandleInvalid | p11x.DeviceError | p11x.TokenNotRecognised,
    ):
        return TokenRemovedError()
    return TokenError(f"UKEY error: {type(exc).__name__}")


def _text(value: Any) -> str:
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace").strip(" \x00")
    return str(value).strip(" \x00")


def read_certificates(session: pkcs11.Session) -> list[CertificateInfo]:
    """All X.509 certificates on the token, signer certificates first."""
    certs: list[CertificateInfo] = []
    for obj in session.get_objects({Attribute.CLASS: ObjectClass.CERTIFICATE}):
        try:
            der = bytes(obj[Attribute.VALUE])
            key_id = bytes(obj[Attribute.ID])
            label = _text(obj[Attribute.LABEL])
        except (p11x.AttributeTypeInvalid, p11x.AttributeSensitive):
            continue
        info = certificate_info(der, key_id=key_id, label=label)
        if info is not None:
            certs.append(info)
    certs.sort(key=lambda c: (c.is_ca, c.subject))
    return certs


def token_info(
    lib_path: str, token: pkcs11.Token, certificates: list[CertificateInfo]
) -> TokenInfo:
    flags = int(token.flags)
    return TokenInfo(
        module_path=lib_path,
        slot_id=int(token.slot.slot_id),
        label=_text(token.label),
        manufacturer=_text(token.manufacturer_id),
        model=_text(token.model),
        serial=_text(token.serial),
        flags=flags,
        pin_state=pin_state_from_flags(flags),
        login_required=bool(flags & TokenFlag.LOGIN_REQUIRED),
        protected_auth_path=bool(flags & TokenFlag.PROTECTED_AUTHENTICATION_PATH),
        certificates=certificates,
    )


def list_tokens(module_path: str, *, with_certificates: bool = True) -> list[TokenInfo]:
    """Every initialised token present in the module's slots, with its certificates.

    A slot whose token is blank (not initialised, as SoftHSM2's spare slot) is left out; a token
    that fails while its certificates are read is still listed, without certificates.
    """
    lib = load_module(module_path)
    result: list[TokenInfo] = []
    try:
        slots = lib.get_slots(token_present=True)
    except p11x.PKCS11Error as exc:
        raise translate_pkcs11_error(exc) from exc
    for slot in slots:
        try:
            token = slot.get_token()
        except (p11x.TokenNotRecognised, p11x.TokenNotPresent, p11x.DeviceRemoved):
            continue
        except p11x.PKCS11Error as exc:
            raise translate_pkcs11_error(exc) from exc
        if not token.flags & TokenFlag.TOKEN_INITIALIZED:
            continue
        certs: list[CertificateInfo] = []
        if with_certificates:
            with contextlib.suppress(p11x.PKCS11Error), token.open() as session:
                certs = read_certificates(session)
        result.append(token_info(module_path, token, certs))
    return result


def find_token(
    module_path: str, *, label: str | None = None, serial: str | None = None
) -> pkcs11.Token:
    """The one token matching *label*/*serial* (or the only one inserted)."""
    lib = load_module(module_path)
    tokens = []
    try:
        for slot in lib.get_slots(token_present=True):
            try:
                token = slot.get_token()
            except (p11x.TokenNotRecognised, p11x.TokenNotPresent):
                continue
            if token.flags & TokenFlag.TOKEN_INITIALIZED:
                tokens.append(token)
    except p11x.PKCS11Error as exc:
        raise translate_pkcs11_error(exc) from exc
    if label is not None:
        tokens = [t for t in tokens if _text(t.label) == label]
    if serial is not None:
        tokens = [t for t in tokens if _text(t.serial) == serial]
    if not tokens:
        wanted = f" labelled {label!r}" if label else ""
        raise NoTokenError(f"No UKEY{wanted} is inserted")
    if len(tokens) > 1:
        raise TokenAmbiguousError(
            "Several UKEYs are inserted: " + ", ".join(_text(t.label) for t in tokens)
        )
    return tokens[0]

