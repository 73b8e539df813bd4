"""Token backends for tests: real drivers wrapped, installed through the product's seam
(``ukey.service.install_backend``), never hooks inside product classes."""

from __future__ import annotations

import time
from collections.abc import Callable

from cgn_seal_desktop.ukey.backend import TokenBackend, TokenSession
from cgn_seal_desktop.ukey.certinfo import CertificateInfo
from cgn_seal_desktop.ukey.errors import UKeyError
from cgn_seal_desktop.ukey.model import TokenInfo, TokenRef
from cgn_seal_desktop.ukey.pin import Pin

__all__ = ["DelayedBackend", "UnplugBackend"]


class _DelayedSession(TokenSession):
    def __init__(self, inner: TokenSession, delay_s: float,
                 before_sign: Callable[[], None] | None = None) -> None:
        self._inner, self._delay_s, self._before_sign = inner, delay_s, before_sign

    def token_info(self) -> TokenInfo:
        return self._inner.token_info()

    def certificates(self) -> list[CertificateInfo]:
        return self._inner.certificates()

    @property
    def logged_in(self) -> bool:
        return self._inner.logged_in

    def login(self, pin: Pin, *, confirm_final_try: bool = False) -> None:
        self._inner.login(pin, confirm_final_try=confirm_final_try)
        time.sleep(self._delay_s)  # a slow token: the PIN is checked, the signature takes long

    def sign(self, cert: CertificateInfo, data: bytes, digest: str) -> bytes:
        if self._before_sign is not None:
            self._before_sign()
        return self._inner.sign(cert, data, digest)

    def change_pin(self, old: Pin, new: Pin, *, confirm_final_try: bool = False) -> None:
        self._inner.change_pin(old, new, confirm_final_try=confirm_final_try)

    def missing_certificate_error(self) -> UKeyError:
        return self._inner.missing_certificate_error()

    def close(self) -> None:
        self._inner.close()


class DelayedBackend(TokenBackend):
    """A real backend whose logins take *delay_s* seconds longer (a slow UKEY)."""

    def __init__(self, inner: TokenBackend, delay_s: float) -> None:
        super().__init__(inner.module_path)
        self.interface = inner.interface
        self.inner, self._delay_s = inner, delay_s

    def list_tokens(self, *, with_certificates: bool = True) -> list[TokenInfo]:
        return self.inner.list_tokens(with_certificates=with_certificates)

    def open_session(self, ref: TokenRef) -> TokenSession:
        return _DelayedSession(self.inner.open_session(ref), self._delay_s)


class UnplugBackend(DelayedBackend):
    """A real backend whose UKEY is pulled out (*unplug*) after the PIN was accepted, right
    before the real driver is asked to sign: the driver itself then reports the removal."""

    def __init__(self, inner: TokenBackend, unplug: Callable[[], None]) -> None:
        super().__init__(inner, 0.0)
        self._unplug = unplug

    def open_session(self, ref: TokenRef) -> TokenSession:
        return _DelayedSession(self.inner.open_session(ref), 0.0, self._unplug)
