"""Signing with a vendor-defined PKCS#11 mechanism (e.g. SM3-with-SM2), whatever its number.

python-pkcs11 only accepts mechanisms of its ``Mechanism`` enum and cannot even read the key
type of a vendor SM2 key, so these calls go to the module's own ``C_SignInit``/``C_Sign`` through
ctypes, on the session and key handles python-pkcs11 already holds (the same loaded module: a
second load of one library file returns the same instance). Our own code, no new dependency,
so the program stays AGPL-compatible. The numbers come from the module table
(``vendor_mechanisms``), never from code.
"""

from __future__ import annotations

import ctypes
import sys
import threading
from typing import Any

from cgn_seal_desktop.ukey.errors import (
    MechanismNotSupportedError,
    TokenError,
    TokenRemovedError,
    UKeyError,
)

__all__ = ["raw_sign"]

_CKR_BUFFER_TOO_SMALL = 0x150
_UNSUPPORTED = {0x70, 0x71, 0x63, 0x68, 0x54, 0x60}  # mechanism/param/key type/function
_REMOVED = {0x30, 0x31, 0x32, 0xB0, 0xB3, 0xE0, 0xE1}  # device error/removed, session, token
_MAX_SIGNATURE = 1 << 14


class _Mechanism(ctypes.Structure):
    # CK_ULONG is the platform's unsigned long (32 bits on Windows), structures packed to one
    # byte on Windows (PKCS#11 v2.40 §2, "Structure packing").
    _pack_ = 1 if sys.platform == "win32" else 0
    _fields_ = (("mechanism", ctypes.c_ulong), ("pParameter", ctypes.c_void_p),
                ("ulParameterLen", ctypes.c_ulong))


_libs: dict[str, Any] = {}
_lock = threading.Lock()


def _library(path: str) -> Any:
    with _lock:
        lib = _libs.get(path)
        if lib is None:
            lib = ctypes.CDLL(path)
            lib.C_SignInit.argtypes = [ctypes.c_ulong, ctypes.POINTER(_Mechanism), ctypes.c_ulong]
            lib.C_SignInit.restype = ctypes.c_ulong
            lib.C_Sign.argtypes = [ctypes.c_ulong, ctypes.c_char_p, ctypes.c_ulong,
                                   ctypes.c_void_p, ctypes.POINTER(ctypes.c_ulong)]
            lib.C_Sign.restype = ctypes.c_ulong
            _libs[path] = lib
        return lib


def _error(function: str, rv: int, mechanism: int) -> UKeyError:
    if rv in _UNSUPPORTED:
        return MechanismNotSupportedError(
            f"The UKEY refused mechanism 0x{mechanism:08X} ({function}: CKR 0x{rv:X})")
    if rv in _REMOVED:
        return TokenRemovedError(f"The UKEY was removed ({function}: CKR 0x{rv:X})")
    return TokenError(f"The UKEY reported an error ({function}: CKR 0x{rv:X})")


def raw_sign(module_path: str, session_handle: int, key_handle: int, mechanism: int,
             data: bytes) -> bytes:
    """``C_SignInit`` + ``C_Sign`` with mechanism number *mechanism* (no parameter)."""
    try:
        lib = _library(module_path)
    except (OSError, AttributeError) as exc:
        raise TokenError(f"The PKCS#11 module cannot sign directly: {exc}") from None
    mech = _Mechanism(mechanism, None, 0)
    rv = int(lib.C_SignInit(session_handle, ctypes.byref(mech), key_handle))
    if rv:
        raise _error("C_SignInit", rv, mechanism)
    size = ctypes.c_ulong(_MAX_SIGNATURE)
    out = ctypes.create_string_buffer(_MAX_SIGNATURE)
    rv = int(lib.C_Sign(session_handle, data, len(data), out, ctypes.byref(size)))
    if rv:
        raise _error("C_Sign", rv, mechanism)
    if size.value > _MAX_SIGNATURE:
        raise _error("C_Sign", _CKR_BUFFER_TOO_SMALL, mechanism)
    return out.raw[: size.value]
