"""Typed errors of the UKEY layer (PKCS#11 and SKF drivers).

Every failure a user can cause or meet gets its own class so the UI can say exactly what to do.
No message ever contains the PIN.
"""

from __future__ import annotations

from cgn_seal_desktop.errors import CgnSealError

__all__ = [
    "CertificateNotFoundError",
    "DriverArchitectureError",
    "FinalTryNotConfirmedError",
    "InterfaceNotSupportedError",
    "MechanismNotSupportedError",
    "ModuleLoadError",
    "NoContainerError",
    "NoModuleError",
    "NoTokenError",
    "PinLockedError",
    "PinPolicyError",
    "PrivateKeyNotFoundError",
    "TokenAmbiguousError",
    "TokenError",
    "TokenRemovedError",
    "UKeyError",
    "WrongPinError",
]


class UKeyError(CgnSealError):
    """The UKEY could not be used."""

    code = "ukey_error"


class NoModuleError(UKeyError):
    """No PKCS#11 module (UKEY driver) was found on this computer."""

    code = "module_not_found"


class ModuleLoadError(UKeyError):
    """The PKCS#11 module exists but could not be loaded or initialised."""

    code = "module_load_failed"

    def __init__(self, message: str = "", *, path: str = "") -> None:
        super().__init__(message)
        self.path = path


class DriverArchitectureError(ModuleLoadError):
    """The UKEY driver is built for another processor type (a 32-bit driver cannot be loaded by
    this 64-bit program): the vendor's 64-bit driver must be installed."""

    code = "driver_architecture"

    def __init__(self, message: str = "", *, path: str = "", machine: str = "") -> None:
        super().__init__(message, path=path)
        self.machine = machine


class InterfaceNotSupportedError(UKeyError):
    """The UKEY driver uses an interface (e.g. SKF, GM/T 0016) this version cannot use yet."""

    code = "interface_not_supported"


class NoTokenError(UKeyError):
    """No UKEY is inserted (no token present in any slot of the module)."""

    code = "no_token"


class TokenAmbiguousError(UKeyError):
    """Several UKEYs are inserted and none was chosen."""

    code = "token_ambiguous"


class TokenRemovedError(UKeyError):
    """The UKEY was removed (or stopped answering) during the operation."""

    code = "token_removed"


class TokenError(UKeyError):
    """The UKEY reported an error it did not explain."""

    code = "token_error"


class WrongPinError(UKeyError):
    """The PIN is wrong.

    ``final_try`` / ``count_low`` / ``locked`` tell what the token reports *after* the failure, so
    the UI can warn before the next try; ``tries_left`` is the exact count where the token says
    it (SKF), else ``None``.
    """

    code = "wrong_pin"

    def __init__(
        self, message: str = "", *, count_low: bool = False, final_try: bool = False,
        locked: bool = False, tries_left: int | None = None,
    ) -> None:
        super().__init__(message)
        self.count_low = count_low
        self.final_try = final_try
        self.locked = locked
        self.tries_left = tries_left


class PinLockedError(UKeyError):
    """The PIN is locked after too many wrong tries; it must be unlocked by the issuer (深圳CA)."""

    code = "pin_locked"


class PinPolicyError(UKeyError):
    """The new PIN does not meet the UKEY's rules (length or characters)."""

    code = "pin_policy"


class FinalTryNotConfirmedError(UKeyError):
    """The token allows only one more PIN try; the caller must confirm before it is used."""

    code = "pin_final_try"


class CertificateNotFoundError(UKeyError):
    """The UKEY holds no (matching) certificate for signing."""

    code = "certificate_not_found"


class NoContainerError(CertificateNotFoundError):
    """The UKEY holds no key container (SKF): it was never issued, or was wiped."""

    code = "no_container"


class PrivateKeyNotFoundError(UKeyError):
    """The certificate has no matching private key on the UKEY."""

    code = "private_key_not_found"


class MechanismNotSupportedError(UKeyError):
    """The UKEY does not support the signature mechanism needed for this key."""

    code = "mechanism_not_supported"
