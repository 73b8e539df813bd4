"""SKF UKEY drivers (GM/T 0016, ctypes): the second token backend (``ukey.backend``).

SZCA's SM2 UKEYs (Feitian ePass3000GM SZCA edition, Longmai mToken GM3000, HaiTai) are driven
through their vendor's SKF library. Signing computes e = SM3(Z ‖ M) here (``ukey.sm2``) and has
the UKEY sign it with ``SKF_ECCSignData``; the PIN goes to ``SKF_VerifyPIN``/``SKF_ChangePIN``
and nowhere else.
"""

from __future__ import annotations

from cgn_seal_desktop.ukey.backend import TokenBackend, TokenSession
from cgn_seal_desktop.ukey.model import TokenInfo, TokenRef
from cgn_seal_desktop.ukey.skf.device import list_tokens, load_library
from cgn_seal_desktop.ukey.skf.session import SkfSession

__all__ = ["SkfBackend", "SkfSession"]


class SkfBackend(TokenBackend):
    """An SKF driver file. The module table's PKCS#11 *mechanisms* do not apply."""

    interface = "skf"

    def __init__(self, module_path: str, *, mechanisms: dict[str, str] | None = None,
                 vendor_mechanisms: dict[str, str] | None = None) -> None:
        super().__init__(module_path)
        self._lib = load_library(module_path)  # fail here, typed, when it cannot be loaded

    def list_tokens(self, *, with_certificates: bool = True) -> list[TokenInfo]:
        return list_tokens(self._lib, self.module_path, with_certificates=with_certificates)

    def open_session(self, ref: TokenRef) -> TokenSession:
        return SkfSession(self._lib, self.module_path, ref)
