"""The built-in sandbox ("try it without an account at the CA"), started in-process on loopback.

Starting binds a socket and waits for uvicorn, so it runs on a worker; ``started`` or
``start_failed`` comes back on the GUI thread. A restart reuses the previous port when it is
free, so a client's base URL stays valid.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from cgn_seal_desktop import paths
from cgn_seal_desktop.sandbox.server import SandboxServer, SandboxStartError
from cgn_seal_desktop.ui.workers import run_task

__all__ = ["SandboxFactory", "SandboxHost", "sandbox_data_dir"]

SandboxFactory = Callable[[Path, int], SandboxServer]


def sandbox_data_dir() -> Path:
    """Where the built-in sandbox keeps its database and uploads."""
    d = paths.data_dir() / "sandbox"
    d.mkdir(parents=True, exist_ok=True)
    return d


def _default_factory(data_dir: Path, port: int) -> SandboxServer:
    return SandboxServer(data_dir, host="127.0.0.1", port=port)


class SandboxHost(QObject):
    """Owns at most one running :class:`SandboxServer`."""

    started = Signal(str)  #: base URL
    start_failed = Signal(object)  #: SandboxStartError

    def __init__(self, factory: SandboxFactory | None = None,
                 data_dir: Path | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._factory = factory or _default_factory
        self._data_dir = data_dir
        self.server: SandboxServer | None = None
        self._port = 0

    @property
    def running(self) -> bool:
        return self.server is not None

    def start(self) -> None:
        """Start (or report the already running server) without blocking the GUI."""
        if self.server is not None:
            self.started.emit(self.server.base_url)
            return
        data_dir = self._data_dir or sandbox_data_dir()
        port = self._port

        def work() -> SandboxServer:
            try:
                return self._factory(data_dir, port).start()
            except SandboxStartError:
                if port == 0:
                    raise
                return self._factory(data_dir, 0).start()  # old port taken: any free one

        def done(server: SandboxServer) -> None:
            self.server, self._port = server, server.port
            self.started.emit(server.base_url)

        run_task(work, done, self.start_failed.emit)

    def stop(self) -> None:
        """Stop serving (state stays on disk); safe when not running."""
        if self.server is not None:
            self.server.stop()
            self.server = None
