"""PKCS#11 UKEY drivers (python-pkcs11): the first token backend (``ukey.backend``).

Importing this package loads python-pkcs11's extension; the rest of ``ukey`` reaches it only
through ``ukey.service`` when a token is actually touched.
"""

from __future__ import annotations

from cgn_seal_desktop.ukey.backend import TokenBackend, TokenSession
from cgn_seal_desktop.ukey.model import TokenInfo, TokenRef
from cgn_seal_desktop.ukey.pkcs11.driver import list_tokens, load_module, reload_module
from cgn_seal_desktop.ukey.pkcs11.session import Pkcs11Session

__all__ = ["Pkcs11Backend", "Pkcs11Session"]


class Pkcs11Backend(TokenBackend):
    """A PKCS#11 module. *mechanisms* are the module table's scheme overrides (by key type),
    *vendor_mechanisms* its vendor-defined mechanism numbers (by scheme, e.g. ``SM3_SM2``)."""

    interface = "pkcs11"

    def __init__(self, module_path: str, *, mechanisms: dict[str, str] | None = None,
                 vendor_mechanisms: dict[str, str] | None = None) -> None:
        super().__init__(module_path)
        self._mechanisms = dict(mechanisms or {})
        self._vendor_mechanisms = dict(vendor_mechanisms or {})
        load_module(module_path)  # fail here, typed, when the driver cannot be loaded

    def list_tokens(self, *, with_certificates: bool = True) -> list[TokenInfo]:
        return list_tokens(self.module_path, with_certificates=with_certificates)

    def open_session(self, ref: TokenRef) -> TokenSession:
        return Pkcs11Session(self.module_path, ref, mechanisms=self._mechanisms,
                             vendor_mechanisms=self._vendor_mechanisms)

    def reload(self) -> None:
        # C_Finalize + C_Initialize: a module reads its configuration and token store again
        # (SoftHSM2 sees a token directory made after it was loaded).
        reload_module(self.module_path)
