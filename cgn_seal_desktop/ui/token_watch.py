"""Noticing UKEYs plugged in and pulled out: the token service asked again in a worker.

A :class:`TokenWatcher` polls :func:`~cgn_seal_desktop.envcheck.inserted_tokens` (every driver
sealing would use, demo UKEYs made meanwhile included) at a modest interval while a page that
shows UKEYs is visible, and once more when the program comes back to the foreground. It never
calls a driver on the GUI thread, skips a tick while the previous look is still running, and
leaves the UKEYs alone while they are busy sealing (the answer is then "busy", not "none").
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QGuiApplication

from cgn_seal_desktop.envcheck import inserted_tokens
from cgn_seal_desktop.settings import Settings
from cgn_seal_desktop.ui.workers import run_task
from cgn_seal_desktop.ukey.model import TokenInfo

__all__ = ["TokenWatcher", "token_key"]

TokenKey = tuple[tuple[str, str, str, str, int | None, int], ...]


def token_key(tokens: list[TokenInfo] | tuple[TokenInfo, ...]) -> TokenKey:
    """What identifies the inserted UKEYs and their state (a change means: tell the pages)."""
    return tuple((t.module_path, t.label, t.serial, t.pin_state.value, t.pin_tries_left,
                  len(t.certificates)) for t in tokens)


class TokenWatcher(QObject):
    """Polls the inserted UKEYs while :meth:`start` ed. ``changed(tuple[TokenInfo, ...])`` when
    they differ from the last answer (the first answer always counts as a change)."""

    changed = Signal(object)

    def __init__(self, settings: Settings, parent: QObject | None = None, *,
                 interval_ms: int = 3000, with_certificates: bool = True) -> None:
        super().__init__(parent)
        self._settings = settings
        self._with_certificates = with_certificates
        self._busy = False
        self._key: TokenKey | None = None
        self.tokens: tuple[TokenInfo, ...] = ()
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.poll)
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.applicationStateChanged.connect(self._on_app_state)

    def start(self) -> None:
        """Look now, then every interval, until :meth:`stop`."""
        if not self.timer.isActive():
            self.timer.start()
            self.poll()

    def stop(self) -> None:
        self.timer.stop()

    def is_running(self) -> bool:
        return self.timer.isActive()

    def forget(self) -> None:
        """Forget the last answer: the next one is reported even when it is the same."""
        self._key = None

    def set_known(self, tokens: list[TokenInfo] | tuple[TokenInfo, ...]) -> None:
        """Another look (a full check) found *tokens*: report only changes from them."""
        self.tokens = tuple(tokens)
        self._key = token_key(self.tokens)

    @Slot(Qt.ApplicationState)
    def _on_app_state(self, state: Qt.ApplicationState) -> None:
        # Back from another program (where the user may have made a demo UKEY): look at once.
        if state == Qt.ApplicationState.ApplicationActive and self.timer.isActive():
            self.poll()

    @Slot()
    def poll(self) -> None:
        """Ask for the inserted UKEYs in a worker (skipped while one look is running)."""
        if self._busy:
            return
        self._busy = True
        chosen, certs = self._settings.module_path, self._with_certificates
        run_task(lambda: inserted_tokens(chosen, wait_s=0.5, with_certificates=certs),
                 self._on_tokens, self._on_error, context=self)

    def _on_error(self, _exc: BaseException) -> None:
        self._busy = False

    def _on_tokens(self, tokens: list[TokenInfo] | None) -> None:
        self._busy = False
        if tokens is None:  # busy sealing: look again at the next tick
            return
        key = token_key(tokens)
        if key == self._key:
            return
        self._key = key
        self.tokens = tuple(tokens)
        self.changed.emit(self.tokens)
