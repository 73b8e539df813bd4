"""The software SKF UKEY (``softskf.c``): building it with the system compiler and issuing a
device, for the tests and ``cgn-seal demo-ukey --sm2``.

The library implements the SKF ABI over OpenSSL 3's SM2 and keeps each device in a state file
under ``SOFTSKF_DIR``; the program loads it exactly as it loads a vendor's SKF DLL. Issuing a
device goes through the standard SKF calls (verify PIN, create container, generate the SM2 key
pair, import the certificate) after one non-SKF call, ``SOFTSKF_InitDevice``, that makes the
blank device (what a vendor's personalisation tool does).
"""

from __future__ import annotations

import contextlib
import ctypes
import hashlib
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

__all__ = [
    "ENV_DIR",
    "ENV_LIB_DIR",
    "SoftSkfError",
    "build_library",
    "issue_device",
    "library_name",
    "reinsert_device",
    "remove_device",
]

ENV_DIR = "SOFTSKF_DIR"
#: Where the module table's ``softskf`` entry looks for the library.
ENV_LIB_DIR = "CGN_SEAL_SOFTSKF_LIB_DIR"
_SOURCE = "softskf.c"


class SoftSkfError(RuntimeError):
    """The software UKEY could not be built or issued (the message says what to install)."""


def source_text() -> bytes:
    return resources.files(__name__).joinpath(_SOURCE).read_bytes()


def library_name() -> str:
    """File name of the built library (the module table's ``softskf`` entry knows it)."""
    return {"win32": "softskf.dll", "darwin": "libsoftskf.dylib"}.get(sys.platform,
                                                                        "libsoftskf.so")


def build_library(out_dir: Path) -> Path:
    """Compile ``softskf.c`` into a directory of *out_dir* named for the source's hash (so a
    changed source is rebuilt, once) and return the library's path.

    Needs a C compiler (``$CC``, gcc or cc) and OpenSSL 3's headers (Debian: ``gcc``,
    ``libssl-dev``).
    """
    digest = hashlib.sha256(source_text()).hexdigest()[:12]
    out_dir = out_dir / digest
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / library_name()
    if target.is_file():
        return target
    compiler = os.environ.get("CC") or shutil.which("gcc") or shutil.which("cc")
    if not compiler:
        raise SoftSkfError("No C compiler found to build the software SKF UKEY "
                           "(Debian/Ubuntu: apt-get install gcc libssl-dev)")
    src = out_dir / _SOURCE
    src.write_bytes(source_text())
    tmp = target.with_name(target.name + f".{os.getpid()}.tmp")
    cmd = [compiler, "-std=c11", "-D_POSIX_C_SOURCE=200809L", "-O2", "-Wall", "-fPIC",
           "-shared", "-fvisibility=hidden", "-o", str(tmp), str(src), "-lcrypto"]
    if sys.platform != "win32":
        cmd.append("-lpthread")
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=300, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise SoftSkfError(f"Cannot run the C compiler {compiler}: {exc}") from exc
    if done.returncode != 0:
        tmp.unlink(missing_ok=True)
        hint = " (install libssl-dev)" if "openssl/" in done.stderr else ""
        raise SoftSkfError(f"Building the software SKF UKEY failed{hint}:\n"
                           + done.stderr.strip()[-2000:])
    os.replace(tmp, target)
    return target


@dataclass(frozen=True)
class IssuedDevice:
    """What :func:`issue_device` made: the device name, its label, and the public key."""

    name: str
    label: str
    public_key: bytes | None
    certificate: bytes | None


def _init_device(lib_path: Path, name: str, label: str, serial: str, app: str, pin: str,
                 admin_pin: str, max_retries: int) -> None:
    dll = ctypes.CDLL(str(lib_path)) if sys.platform != "win32" else \
        ctypes.WinDLL(str(lib_path))  # type: ignore[attr-defined,unused-ignore]
    init = dll.SOFTSKF_InitDevice
    init.restype = ctypes.c_uint32
    init.argtypes = [ctypes.c_char_p] * 6 + [ctypes.c_uint32]
    rv = init(name.encode(), label.encode(), serial.encode(), app.encode(), pin.encode(),
              admin_pin.encode(), max_retries)
    if rv != 0:
        raise SoftSkfError(f"SOFTSKF_InitDevice returned 0x{rv:08X}")


def issue_device(lib_path: Path, state_dir: Path, name: str, *, label: str, pin: str,
                 serial: str = "", app: str = "CGN_SEAL", admin_pin: str = "12345678",
                 max_retries: int = 6, container: str | None = "SEAL",
                 issue: Callable[[bytes], bytes] | None = None) -> IssuedDevice:
    """Make device *name* in *state_dir*, through the library at *lib_path*.

    With *container*, an SM2 key pair is generated on the device; with *issue* (public key x‖y
    → DER certificate), its certificate is imported. Sets ``SOFTSKF_DIR`` for this process.
    """
    from cgn_seal_desktop.ukey.skf.abi import SkfCallError

    try:
        return _issue(lib_path, state_dir, name, label=label, pin=pin, serial=serial, app=app,
                      admin_pin=admin_pin, max_retries=max_retries, container=container,
                      issue=issue)
    except (SkfCallError, OSError) as exc:
        raise SoftSkfError(f"Issuing the software SKF UKEY failed: {exc}") from exc


def _issue(lib_path: Path, state_dir: Path, name: str, *, label: str, pin: str, serial: str,
           app: str, admin_pin: str, max_retries: int, container: str | None,
           issue: Callable[[bytes], bytes] | None) -> IssuedDevice:
    from cgn_seal_desktop.ukey.skf.abi import SkfLibrary

    state_dir.mkdir(parents=True, exist_ok=True)
    os.environ[ENV_DIR] = str(state_dir)
    (state_dir / f"{name}.removed").unlink(missing_ok=True)
    _init_device(lib_path, name, label, serial or name.upper(), app, pin, admin_pin,
                 max_retries)
    if container is None:
        return IssuedDevice(name, label, None, None)
    lib = SkfLibrary(str(lib_path))
    dev = lib.connect(name)
    try:
        handle = lib.open_application(dev, app)
        buf = ctypes.create_string_buffer(pin.encode())
        try:
            lib.verify_pin(handle, buf)
        finally:
            ctypes.memset(buf, 0, ctypes.sizeof(buf))
        cont = lib.create_container(handle, container)
        lib.generate_sm2_key(cont)
        public_key = lib.export_public_key(cont)
        cert = issue(public_key) if issue else None
        if cert is not None:
            lib.import_certificate(cont, cert)
        lib.close_container(cont)
        lib.clear_secure_state(handle)
        lib.close_application(handle)
    finally:
        with contextlib.suppress(Exception):
            lib.disconnect(dev)
    return IssuedDevice(name, label, public_key, cert)


def remove_device(state_dir: Path, name: str) -> None:
    """Simulate pulling the UKEY out: the device disappears and its handles fail."""
    (state_dir / f"{name}.removed").write_bytes(b"")


def reinsert_device(state_dir: Path, name: str) -> None:
    (state_dir / f"{name}.removed").unlink(missing_ok=True)
