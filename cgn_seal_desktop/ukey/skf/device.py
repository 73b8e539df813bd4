"""SKF drivers: loading one, listing its UKEYs (device + application) with PIN counters and
certificates, and finding one again by label and serial. Nothing here needs the PIN.

An SKF device holds applications, each with its own user PIN and containers (one key pair and
its certificates per container). A UKEY in the program's sense is one (device, application):
SZCA's UKEYs have exactly one application, so its label is the device's label.
"""

from __future__ import annotations

import contextlib
import threading
from dataclasses import dataclass
from pathlib import Path

from cgn_seal_desktop.ukey.certinfo import CertificateInfo, certificate_info
from cgn_seal_desktop.ukey.errors import (
    ModuleLoadError,
    NoTokenError,
    TokenAmbiguousError,
    TokenRemovedError,
    UKeyError,
)
from cgn_seal_desktop.ukey.model import TokenInfo, pin_state_from_retries
from cgn_seal_desktop.ukey.skf.abi import (
    CONTAINER_ECC,
    CONTAINER_RSA,
    DeviceInfo,
    SkfCallError,
    SkfLibrary,
)
from cgn_seal_desktop.ukey.skf.codes import translate

__all__ = ["DeviceApp", "find_device_app", "list_device_apps", "load_library",
           "read_certificates", "token_info"]

_libraries: dict[str, SkfLibrary] = {}
_libraries_lock = threading.Lock()


def load_library(path: str) -> SkfLibrary:
    """Load (once per process) the SKF driver at *path*, after checking it can run here.

    Raises :class:`ModuleLoadError` (or its :class:`DriverArchitectureError`) with the reason.
    """
    from cgn_seal_desktop.ukey.discovery import check_driver_file

    with _libraries_lock:
        lib = _libraries.get(path)
        if lib is not None:
            return lib
        check_driver_file(path)
        try:
            lib = SkfLibrary(path)
        except OSError as exc:
            raise ModuleLoadError(
                f"Could not load the SKF driver {Path(path).name}: {exc.strerror or exc}",
                path=path) from None
        if lib.missing:
            raise ModuleLoadError(
                f"{Path(path).name} is not an SKF driver (missing {', '.join(lib.missing[:3])})",
                path=path)
        _libraries[path] = lib
        return lib


@dataclass(frozen=True)
class DeviceApp:
    """One UKEY as SKF sees it: device name, application name, device facts."""

    device: str
    application: str
    info: DeviceInfo
    several_apps: bool = False

    @property
    def label(self) -> str:
        base = self.info.label or self.device
        return f"{base} ({self.application})" if self.several_apps else base

    @property
    def serial(self) -> str:
        return self.info.serial or self.device


def _error(exc: SkfCallError) -> UKeyError:
    return translate(exc.function, exc.code, retry=exc.retry)


def list_device_apps(lib: SkfLibrary) -> list[DeviceApp]:
    """Every (device, application) present; a device that vanishes while listed is left out."""
    try:
        names = lib.enum_devices()
    except SkfCallError as exc:
        raise _error(exc) from None
    result: list[DeviceApp] = []
    for name in names:
        try:
            dev = lib.connect(name)
        except SkfCallError:
            continue  # pulled out between listing and connecting
        try:
            info = lib.device_info(dev)
            apps = lib.enum_applications(dev)
        except SkfCallError:
            continue
        finally:
            with contextlib.suppress(SkfCallError):
                lib.disconnect(dev)
        for app in apps:
            result.append(DeviceApp(name, app, info, several_apps=len(apps) > 1))
    return result


def read_certificates(lib: SkfLibrary, app: int) -> list[CertificateInfo]:
    """The signing certificate of every key container (``key_id`` = container name, UTF-8).

    Containers without a key pair or without a signing certificate are left out; the session
    tells those cases apart when asked to sign.
    """
    certs: list[CertificateInfo] = []
    try:
        names = lib.enum_containers(app)
    except SkfCallError as exc:
        raise _error(exc) from None
    for name in names:
        try:
            cont = lib.open_container(app, name)
        except SkfCallError as exc:
            if exc.code == 0x0A000023:  # SAR_DEVICE_REMOVED
                raise _error(exc) from None
            continue
        try:
            if lib.container_type(cont) not in (CONTAINER_ECC, CONTAINER_RSA):
                continue
            der = lib.export_certificate(cont, sign=True)
        except SkfCallError as exc:
            if exc.code == 0x0A000023:
                raise _error(exc) from None
            continue
        finally:
            with contextlib.suppress(SkfCallError):
                lib.close_container(cont)
        info = certificate_info(der, key_id=name.encode("utf-8"), label=name)
        if info is not None:
            certs.append(info)
    certs.sort(key=lambda c: (c.is_ca, c.subject))
    return certs


def token_info(module_path: str, da: DeviceApp, max_tries: int, left: int,
               certificates: list[CertificateInfo]) -> TokenInfo:
    return TokenInfo(
        module_path=module_path,
        slot_id=0,
        label=da.label,
        manufacturer=da.info.manufacturer,
        model=f"SKF ({da.info.issuer})" if da.info.issuer else "SKF",
        serial=da.serial,
        flags=0,
        pin_state=pin_state_from_retries(left, max_tries),
        login_required=True,
        protected_auth_path=False,
        certificates=certificates,
        interface="skf",
        pin_tries_left=left,
        pin_max_tries=max_tries,
    )


def describe(lib: SkfLibrary, module_path: str, da: DeviceApp, *,
             with_certificates: bool) -> TokenInfo:
    """Open *da* briefly and read its PIN counters (and certificates)."""
    try:
        dev = lib.connect(da.device)
    except SkfCallError as exc:
        raise _error(exc) from None
    try:
        app = lib.open_application(dev, da.application)
        try:
            maximum, left, _default = lib.pin_info(app)
            certs = read_certificates(lib, app) if with_certificates else []
        finally:
            with contextlib.suppress(SkfCallError):
                lib.close_application(app)
    except SkfCallError as exc:
        raise _error(exc) from None
    finally:
        with contextlib.suppress(SkfCallError):
            lib.disconnect(dev)
    return token_info(module_path, da, maximum, left, certs)


def list_tokens(lib: SkfLibrary, module_path: str, *,
                with_certificates: bool = True) -> list[TokenInfo]:
    """Every UKEY this driver sees now (one removed while being read is left out)."""
    result: list[TokenInfo] = []
    for da in list_device_apps(lib):
        try:
            result.append(describe(lib, module_path, da, with_certificates=with_certificates))
        except TokenRemovedError:
            continue
    return result


def find_device_app(lib: SkfLibrary, label: str | None, serial: str | None) -> DeviceApp:
    """The one UKEY matching *label*/*serial* (or the only one)."""
    found = list_device_apps(lib)
    if label:
        found = [d for d in found if d.label == label]
    if serial:
        found = [d for d in found if d.serial == serial]
    if not found:
        wanted = f" labelled {label!r}" if label else ""
        raise NoTokenError(f"No UKEY{wanted} is inserted")
    if len(found) > 1:
        raise TokenAmbiguousError(
            "Several UKEYs are inserted: " + ", ".join(d.label for d in found))
    return found[0]
