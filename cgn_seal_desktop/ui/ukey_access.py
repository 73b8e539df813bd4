"""How the UI reaches the UKEYs: which drivers to ask, and one lock for every PKCS#11 call.

Called from worker threads only. With no driver chosen in Settings, every PKCS#11 driver found on
the computer is asked, so a UKEY is found whichever vendor's driver serves it.
"""

from __future__ import annotations

import threading

from cgn_seal_desktop.settings import Settings
from cgn_seal_desktop.ukey.discovery import find_modules
from cgn_seal_desktop.ukey.errors import NoModuleError, UKeyError
from cgn_seal_desktop.ukey.model import TokenInfo

__all__ = ["PKCS11_LOCK", "candidate_modules", "list_all_tokens"]

#: Held around every PKCS#11 use in the program (listing tokens, a whole signing session).
#: UKEY drivers — SoftHSM2 included, as python-pkcs11 initialises it — abort the process when
#: two threads call into them at once, so the UI's workers take turns.
PKCS11_LOCK = threading.RLock()


def candidate_modules(settings: Settings) -> list[str]:
    """The chosen driver, or every PKCS#11 driver found (vendors first, test modules last)."""
    if settings.module_path:
        return [settings.module_path]
    return [m.path for m in find_modules(None) if m.exists and m.interface == "pkcs11"]


def list_all_tokens(settings: Settings, *, wait_s: float = 60.0) -> list[TokenInfo] | None:
    """UKEYs inserted, over all candidate drivers; ``None`` if the UKEY stayed busy *wait_s*.

    Raises :class:`NoModuleError` when there is no driver, and the driver's own error when the
    only driver asked fails (so the message says what is wrong with it). A failing driver among
    several is skipped.
    """
    from cgn_seal_desktop.ukey.tokens import list_tokens  # loads PKCS#11 on first use

    modules = candidate_modules(settings)
    if not modules:
        raise NoModuleError()
    if not PKCS11_LOCK.acquire(timeout=wait_s):
        return None
    try:
        tokens: list[TokenInfo] = []
        errors: list[UKeyError] = []
        for module in modules:
            try:
                tokens += list_tokens(module)
            except UKeyError as exc:
                errors.append(exc)
        if not tokens and errors and len(errors) == len(modules):
            raise errors[0]
        return tokens
    finally:
        PKCS11_LOCK.release()
