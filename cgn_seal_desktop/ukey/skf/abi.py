"""ctypes binding of the SKF calls the program uses (GM/T 0016-2012, chapter 7).

Types as the standard defines them: ``ULONG`` and ``DWORD`` are 32-bit unsigned, ``BOOL`` a
32-bit int, handles are pointers, name lists are NUL-separated strings ending in a double NUL,
and ``DEVAPI`` is ``__stdcall`` on Windows (``WinDLL``) and the C convention elsewhere.

Out-parameters get 8 zeroed bytes: a driver built with a 64-bit ``unsigned long`` (seen on Linux)
writes its value over both halves and the low half reads the same on little-endian machines,
instead of overwriting Python's memory. Structures are read from oversized raw buffers by offset
for the same reason (``DEVINFO`` packing differs between vendors after the serial number).
"""

from __future__ import annotations

import ctypes
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

__all__ = [
    "ADMIN_TYPE",
    "CONTAINER_ECC",
    "CONTAINER_EMPTY",
    "CONTAINER_RSA",
    "SGD_SM2_1",
    "USER_TYPE",
    "DeviceInfo",
    "SkfCallError",
    "SkfLibrary",
]

ADMIN_TYPE = 0
USER_TYPE = 1
SGD_SM2_1 = 0x00020100
CONTAINER_EMPTY, CONTAINER_RSA, CONTAINER_ECC = 0, 1, 2

_ULONG = ctypes.c_uint32
_BOOL = ctypes.c_int32
_HANDLE = ctypes.c_void_p
_PTR = ctypes.c_void_p
_STR = ctypes.c_char_p

#: name → argument types (all return ULONG). Required ones first; the rest may be missing.
_REQUIRED: dict[str, list[Any]] = {
    "SKF_EnumDev": [_BOOL, _PTR, _PTR],
    "SKF_ConnectDev": [_STR, _PTR],
    "SKF_DisConnectDev": [_HANDLE],
    "SKF_GetDevInfo": [_HANDLE, _PTR],
    "SKF_EnumApplication": [_HANDLE, _PTR, _PTR],
    "SKF_OpenApplication": [_HANDLE, _STR, _PTR],
    "SKF_CloseApplication": [_HANDLE],
    "SKF_GetPINInfo": [_HANDLE, _ULONG, _PTR, _PTR, _PTR],
    "SKF_VerifyPIN": [_HANDLE, _ULONG, _PTR, _PTR],
    "SKF_ChangePIN": [_HANDLE, _ULONG, _PTR, _PTR, _PTR],
    "SKF_EnumContainer": [_HANDLE, _PTR, _PTR],
    "SKF_OpenContainer": [_HANDLE, _STR, _PTR],
    "SKF_CloseContainer": [_HANDLE],
    "SKF_GetContainerType": [_HANDLE, _PTR],
    "SKF_ExportCertificate": [_HANDLE, _BOOL, _PTR, _PTR],
    "SKF_ExportPublicKey": [_HANDLE, _BOOL, _PTR, _PTR],
    "SKF_ECCSignData": [_HANDLE, _PTR, _ULONG, _PTR],
}
_OPTIONAL: dict[str, list[Any]] = {
    "SKF_ClearSecureState": [_HANDLE],
    "SKF_CreateContainer": [_HANDLE, _STR, _PTR],
    "SKF_GenECCKeyPair": [_HANDLE, _ULONG, _PTR],
    "SKF_ImportCertificate": [_HANDLE, _BOOL, _PTR, _ULONG],
}

_MAX_LIST = 1 << 16  # a name list longer than 64 KiB is a broken driver, not a real list
_MAX_CERT = 1 << 16


class SkfCallError(Exception):
    """An SKF call returned *code* (not SAR_OK). Internal: ``ukey.skf.codes`` translates it.

    ``retry`` carries the retry counter PIN calls report with a wrong PIN.
    """

    def __init__(self, function: str, code: int, retry: int | None = None) -> None:
        super().__init__(f"{function} returned 0x{code:08X}")
        self.function = function
        self.code = code
        self.retry = retry


@dataclass(frozen=True)
class DeviceInfo:
    """The ``DEVINFO`` fields we show."""

    manufacturer: str
    issuer: str
    label: str
    serial: str


def _text(raw: bytes) -> str:
    raw = raw.split(b"\0", 1)[0]
    for encoding in ("utf-8", "gbk"):  # Chinese vendors write GBK labels
        try:
            return raw.decode(encoding).strip()
        except UnicodeDecodeError:
            continue
    return raw.decode("latin-1").strip()


def _names(raw: bytes) -> list[str]:
    return [_text(n) for n in raw.split(b"\0") if n.strip(b"\0 ")]


def _ulong_out(value: int = 0) -> ctypes.Array[ctypes.c_uint32]:
    out = (ctypes.c_uint32 * 2)()
    out[0] = value
    return out


class SkfLibrary:
    """One loaded SKF driver file. Methods raise :class:`SkfCallError` on a non-zero return.

    :param loader: ``ctypes.WinDLL`` / ``ctypes.CDLL`` (chosen by platform when ``None``).
    """

    def __init__(self, path: str, loader: Callable[[str], Any] | None = None) -> None:
        if loader is None:
            loader = ctypes.WinDLL if sys.platform == "win32" else ctypes.CDLL  # type: ignore[attr-defined,unused-ignore]
        self.path = path
        self._dll = loader(path)  # OSError when it cannot be loaded: the caller types it
        self._functions: dict[str, Any] = {}
        missing = []
        for table, required in ((_REQUIRED, True), (_OPTIONAL, False)):
            for name, argtypes in table.items():
                try:
                    fn = getattr(self._dll, name)
                except AttributeError:
                    if required:
                        missing.append(name)
                    continue
                fn.argtypes = argtypes
                fn.restype = _ULONG
                self._functions[name] = fn
        self.missing = missing

    def has(self, name: str) -> bool:
        return name in self._functions

    def _call(self, name: str, *args: Any, retry: ctypes.Array[ctypes.c_uint32] | None = None
              ) -> None:
        fn = self._functions.get(name)
        if fn is None:
            raise SkfCallError(name, 0x0A000003)  # SAR_NOTSUPPORTYETERR
        rv = int(fn(*args)) & 0xFFFFFFFF
        if rv != 0:
            raise SkfCallError(name, rv, int(retry[0]) if retry is not None else None)

    def _list(self, name: str, *args: Any) -> list[str]:
        size = _ulong_out()
        self._call(name, *args, None, size)
        n = int(size[0])
        if n <= 0:
            return []
        if n > _MAX_LIST:
            raise SkfCallError(name, 0x0A000001)
        buf = ctypes.create_string_buffer(n + 2)
        size[0] = n
        self._call(name, *args, buf, size)
        return _names(buf.raw[: min(int(size[0]), n)])

    # --- devices ---------------------------------------------------------------------------

    def enum_devices(self) -> list[str]:
        return self._list("SKF_EnumDev", _BOOL(1))

    def connect(self, name: str) -> int:
        handle = _HANDLE()
        self._call("SKF_ConnectDev", name.encode("utf-8"), ctypes.byref(handle))
        return int(handle.value or 0)

    def disconnect(self, dev: int) -> None:
        self._call("SKF_DisConnectDev", _HANDLE(dev))

    def device_info(self, dev: int) -> DeviceInfo:
        buf = ctypes.create_string_buffer(1024)  # DEVINFO is 294 bytes packed; room for others
        self._call("SKF_GetDevInfo", _HANDLE(dev), buf)
        raw = buf.raw
        # VERSION(2) Manufacturer[64] Issuer[64] Label[32] SerialNumber[32]: same in every
        # packing, as nothing before the serial number needs alignment.
        return DeviceInfo(manufacturer=_text(raw[2:66]), issuer=_text(raw[66:130]),
                          label=_text(raw[130:162]), serial=_text(raw[162:194]))

    # --- applications and PINs ---------------------------------------------------------------

    def enum_applications(self, dev: int) -> list[str]:
        return self._list("SKF_EnumApplication", _HANDLE(dev))

    def open_application(self, dev: int, name: str) -> int:
        handle = _HANDLE()
        self._call("SKF_OpenApplication", _HANDLE(dev), name.encode("utf-8"),
                   ctypes.byref(handle))
        return int(handle.value or 0)

    def close_application(self, app: int) -> None:
        self._call("SKF_CloseApplication", _HANDLE(app))

    def pin_info(self, app: int, pin_type: int = USER_TYPE) -> tuple[int, int, bool]:
        """(max retries, retries left, default PIN still set)."""
        maximum, left = _ulong_out(), _ulong_out()
        default = (ctypes.c_int32 * 2)()
        self._call("SKF_GetPINInfo", _HANDLE(app), _ULONG(pin_type), maximum, left, default)
        return int(maximum[0]), int(left[0]), bool(default[0])

    def verify_pin(self, app: int, pin: ctypes.Array[ctypes.c_char],
                   pin_type: int = USER_TYPE) -> None:
        """``SKF_VerifyPIN`` with the PIN in *pin* (a NUL-terminated buffer the caller wipes)."""
        retry = _ulong_out()
        self._call("SKF_VerifyPIN", _HANDLE(app), _ULONG(pin_type), pin, retry, retry=retry)

    def change_pin(self, app: int, old: ctypes.Array[ctypes.c_char],
                   new: ctypes.Array[ctypes.c_char], pin_type: int = USER_TYPE) -> None:
        retry = _ulong_out()
        self._call("SKF_ChangePIN", _HANDLE(app), _ULONG(pin_type), old, new, retry,
                   retry=retry)

    def clear_secure_state(self, app: int) -> None:
        if self.has("SKF_ClearSecureState"):
            self._call("SKF_ClearSecureState", _HANDLE(app))

    # --- containers ----------------------------------------------------------------------------

    def enum_containers(self, app: int) -> list[str]:
        return self._list("SKF_EnumContainer", _HANDLE(app))

    def open_container(self, app: int, name: str) -> int:
        handle = _HANDLE()
        self._call("SKF_OpenContainer", _HANDLE(app), name.encode("utf-8"),
                   ctypes.byref(handle))
        return int(handle.value or 0)

    def create_container(self, app: int, name: str) -> int:
        handle = _HANDLE()
        self._call("SKF_CreateContainer", _HANDLE(app), name.encode("utf-8"),
                   ctypes.byref(handle))
        return int(handle.value or 0)

    def close_container(self, cont: int) -> None:
        self._call("SKF_CloseContainer", _HANDLE(cont))

    def container_type(self, cont: int) -> int:
        out = _ulong_out()
        self._call("SKF_GetContainerType", _HANDLE(cont), out)
        return int(out[0])

    def export_certificate(self, cont: int, sign: bool = True) -> bytes:
        size = _ulong_out()
        self._call("SKF_ExportCertificate", _HANDLE(cont), _BOOL(int(sign)), None, size)
        n = int(size[0])
        if n <= 0 or n > _MAX_CERT:
            raise SkfCallError("SKF_ExportCertificate", 0x0A00001C)  # SAR_CERTNOTFOUNTERR
        buf = ctypes.create_string_buffer(n)
        self._call("SKF_ExportCertificate", _HANDLE(cont), _BOOL(int(sign)), buf, size)
        return buf.raw[: min(int(size[0]), n)]

    def export_public_key(self, cont: int, sign: bool = True) -> bytes:
        """The 64-byte x‖y of the container's SM2 key (from its ECCPUBLICKEYBLOB)."""
        buf = ctypes.create_string_buffer(512)
        size = _ulong_out(len(buf))
        self._call("SKF_ExportPublicKey", _HANDLE(cont), _BOOL(int(sign)), buf, size)
        raw = buf.raw
        bits = int.from_bytes(raw[0:4], "little")
        n = (bits + 7) // 8 if 0 < bits <= 512 else 32
        x, y = raw[4:68], raw[68:132]
        return x[64 - n:] + y[64 - n:]

    def generate_sm2_key(self, cont: int) -> None:
        blob = ctypes.create_string_buffer(512)
        self._call("SKF_GenECCKeyPair", _HANDLE(cont), _ULONG(SGD_SM2_1), blob)

    def import_certificate(self, cont: int, der: bytes, sign: bool = True) -> None:
        buf = ctypes.create_string_buffer(der, len(der))
        self._call("SKF_ImportCertificate", _HANDLE(cont), _BOOL(int(sign)), buf,
                   _ULONG(len(der)))

    def sign_digest(self, cont: int, digest: bytes) -> tuple[bytes, bytes]:
        """``SKF_ECCSignData`` on the 32-byte *digest* e: the blob's (r, s) 64-byte fields."""
        data = ctypes.create_string_buffer(digest, len(digest))
        blob = ctypes.create_string_buffer(256)  # ECCSIGNATUREBLOB is 128 bytes
        self._call("SKF_ECCSignData", _HANDLE(cont), data, _ULONG(len(digest)), blob)
        raw = blob.raw
        return raw[0:64], raw[64:128]
