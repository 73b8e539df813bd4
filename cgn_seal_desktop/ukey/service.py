"""The one way the program reaches UKEYs: which drivers to ask, listing tokens across them,
choosing the certificate, opening a session — for the CLI and the desktop program alike.

Qt-free; called from worker threads. With no driver chosen (settings' ``module_path`` empty),
every usable driver found on the computer is asked, PKCS#11 and SKF alike, so a UKEY is found
whichever vendor's driver serves it. Backends are picked by the module table's ``interface``.
"""

from __future__ import annotations

import importlib
import threading
from dataclasses import dataclass, field

from cgn_seal_desktop.ukey.backend import TokenBackend, TokenSession
from cgn_seal_desktop.ukey.certinfo import CertificateInfo
from cgn_seal_desktop.ukey.discovery import (
    ModuleCandidate,
    check_driver_file,
    find_modules,
    vendor_for,
)
from cgn_seal_desktop.ukey.errors import (
    CertificateNotFoundError,
    InterfaceNotSupportedError,
    NoModuleError,
    NoTokenError,
    TokenAmbiguousError,
    UKeyError,
)
from cgn_seal_desktop.ukey.model import TokenInfo, TokenRef
from cgn_seal_desktop.ukey.pin import Pin

__all__ = [
    "UKEY_LOCK",
    "CertChoice",
    "DriverSurvey",
    "backend_for",
    "candidate_drivers",
    "change_pin",
    "choose_signing_certificate",
    "find_token",
    "install_backend",
    "list_all_tokens",
    "open_session",
    "reload_driver",
    "signing_choices",
    "survey_drivers",
    "token_status",
]

#: Held around every UKEY use in the program (listing tokens, a whole signing session).
#: UKEY drivers — SoftHSM2 included, as python-pkcs11 initialises it — abort the process when
#: two threads call into them at once, so workers take turns.
UKEY_LOCK = threading.RLock()

#: interface → "module:Class" of its backend; loaded on first use (PKCS#11's extension is heavy).
_BACKENDS: dict[str, str] = {
    "pkcs11": "cgn_seal_desktop.ukey.pkcs11:Pkcs11Backend",
    "skf": "cgn_seal_desktop.ukey.skf:SkfBackend",
}

_backends: dict[tuple[str, str], TokenBackend] = {}
_backends_lock = threading.Lock()


def supported_interfaces() -> frozenset[str]:
    return frozenset(_BACKENDS)


def install_backend(backend: TokenBackend) -> None:
    """Use *backend* for its driver path from now on (a seam for tests and tools, like
    Dangerzone's isolation providers: a wrapping backend, never a hook in product classes)."""
    with _backends_lock:
        _backends[(backend.interface, backend.module_path)] = backend


def forget_backends() -> None:
    """Drop cached and installed backends (tests)."""
    with _backends_lock:
        _backends.clear()


def backend_for(module_path: str, interface: str = "pkcs11") -> TokenBackend:
    """The loaded backend for the driver at *module_path* (loaded once per process), with the
    module table's mechanism overrides for that driver's vendor."""
    key = (interface, module_path)
    with _backends_lock:
        backend = _backends.get(key)
        if backend is not None:
            return backend
        target = _BACKENDS.get(interface)
        if target is None:
            raise InterfaceNotSupportedError(
                f"{module_path} is a {interface.upper()} driver, which this version cannot use")
        module_name, class_name = target.split(":")
        cls = getattr(importlib.import_module(module_name), class_name)
        vendor = vendor_for(module_path)
        backend = cls(module_path, mechanisms=vendor.mechanisms if vendor else None,
                      vendor_mechanisms=vendor.vendor_mechanisms if vendor else None)
        _backends[key] = backend
        return backend


def reload_driver(module_path: str, interface: str = "pkcs11", *, wait_s: float = 30.0) -> bool:
    """Have the loaded driver at *module_path* read its configuration and UKEYs again (e.g. a
    software UKEY made after it was loaded). Nothing happens for a driver not loaded yet.

    Waits up to *wait_s* for :data:`UKEY_LOCK` (no session is open while it is held); returns
    False when the UKEYs stayed busy, True once done. Raises the driver's ``UKeyError``.
    """
    with _backends_lock:
        backend = _backends.get((interface, module_path))
    if backend is None:
        return True
    if not UKEY_LOCK.acquire(timeout=wait_s):
        return False
    try:
        backend.reload()
    finally:
        UKEY_LOCK.release()
    return True


def candidate_drivers(chosen: str = "") -> list[ModuleCandidate]:
    """The drivers to ask: the *chosen* one if any (even when its file is gone, so the user
    hears why it fails), else every usable one found (vendors first, test modules last;
    missing files, drivers for another processor type and interfaces without a backend left
    out)."""
    found = find_modules(chosen or None)
    if chosen:
        return [m for m in found if m.source == "user"]
    return [m for m in found if m.usable and m.interface in _BACKENDS]


@dataclass(frozen=True)
class DriverSurvey:
    """One driver as ``cgn-seal tokens`` and the environment check show it."""

    candidate: ModuleCandidate
    tokens: list[TokenInfo] = field(default_factory=list)
    error: UKeyError | None = None

    @property
    def usable(self) -> bool:
        return self.candidate.usable and self.error is None


def survey_drivers(chosen: str = "", *, with_tokens: bool = True,
                   wait_s: float = 60.0) -> list[DriverSurvey] | None:
    """Every driver found (the chosen one first, missing or unusable ones included, with the
    reason), with its UKEYs; ``None`` if the UKEYs stayed busy for *wait_s* seconds."""
    if not UKEY_LOCK.acquire(timeout=wait_s):
        return None
    try:
        result: list[DriverSurvey] = []
        for m in find_modules(chosen or None):
            if not m.exists:
                result.append(DriverSurvey(m, error=NoModuleError(f"Driver not found: {m.path}")))
                continue
            try:
                check_driver_file(m.path)  # a 32-bit driver: reported, never loaded
                backend = backend_for(m.path, m.interface)
                tokens = backend.list_tokens() if with_tokens else []
            except UKeyError as exc:
                result.append(DriverSurvey(m, error=exc))
                continue
            result.append(DriverSurvey(m, tokens))
        return result
    finally:
        UKEY_LOCK.release()


def list_all_tokens(chosen: str = "", *, wait_s: float = 60.0,
                    with_certificates: bool = True) -> list[TokenInfo] | None:
    """UKEYs inserted, over all candidate drivers; ``None`` if the UKEY stayed busy *wait_s*.

    Raises :class:`NoModuleError` when there is no driver, and the driver's own error when every
    driver asked fails (so the message says what is wrong with it). A failing driver among
    several is skipped.
    """
    drivers = candidate_drivers(chosen)
    if not drivers:
        raise NoModuleError()
    if not UKEY_LOCK.acquire(timeout=wait_s):
        return None
    try:
        tokens: list[TokenInfo] = []
        errors: list[UKeyError] = []
        for m in drivers:
            try:
                backend = backend_for(m.path, m.interface)
                tokens += backend.list_tokens(with_certificates=with_certificates)
            except UKeyError as exc:
                errors.append(exc)
        if not tokens and errors and len(errors) == len(drivers):
            raise errors[0]
        return tokens
    finally:
        UKEY_LOCK.release()


def find_token(chosen: str = "", label: str | None = None,
               serial: str | None = None) -> TokenInfo:
    """The one inserted UKEY matching *label*/*serial* (or the only one), across drivers."""
    tokens = list_all_tokens(chosen, with_certificates=False) or []
    if label is not None:
        tokens = [t for t in tokens if t.label == label]
    if serial is not None:
        tokens = [t for t in tokens if t.serial == serial]
    if not tokens:
        wanted = f" labelled {label!r}" if label else ""
        raise NoTokenError(f"No UKEY{wanted} is inserted")
    if len(tokens) > 1:
        raise TokenAmbiguousError(
            "Several UKEYs are inserted: " + ", ".join(t.label for t in tokens))
    return tokens[0]


def open_session(ref: TokenRef) -> TokenSession:
    """Open the UKEY *ref* through its driver's backend. Hold :data:`UKEY_LOCK` around the use."""
    return backend_for(ref.module_path, ref.interface).open_session(ref)


def token_status(ref: TokenRef) -> TokenInfo:
    """Fresh facts about the UKEY *ref*, its PIN state re-read (e.g. before asking for a PIN)."""
    with UKEY_LOCK, open_session(ref) as session:
        return session.token_info()


def change_pin(ref: TokenRef, old: Pin, new: Pin, *, confirm_final_try: bool = False
               ) -> TokenInfo:
    """Replace the user PIN of the UKEY *ref* (``C_SetPIN`` or ``SKF_ChangePIN``) and return
    its state afterwards. Same guards as logging in: a locked PIN is refused without asking the
    token, the final try needs *confirm_final_try*. Both PINs are wiped whatever happens.

    Raises ``WrongPinError`` (with the tries left where the token says), ``PinLockedError``,
    ``FinalTryNotConfirmedError``, ``PinPolicyError``, ``TokenRemovedError``…
    """
    try:
        with UKEY_LOCK, open_session(ref) as session:
            session.change_pin(old, new, confirm_final_try=confirm_final_try)
            return session.token_info()
    finally:
        old.wipe()
        new.wipe()


@dataclass(frozen=True)
class CertChoice:
    """One certificate that can seal, and the UKEY it is on."""

    token: TokenInfo
    cert: CertificateInfo

    @property
    def owner(self) -> str:
        return self.cert.organization or self.cert.subject_cn


def signing_choices(tokens: list[TokenInfo]) -> list[CertChoice]:
    """Every end-entity certificate able to sign, on every token (token order kept)."""
    return [CertChoice(t, c) for t in tokens for c in t.certificates if c.can_sign]


def choose_signing_certificate(
    certs: list[CertificateInfo], cert_id: bytes | None = None
) -> CertificateInfo:
    """The certificate to sign with: the one with key ID *cert_id*, else the only signer one.

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
