"""Run the sandbox with uvicorn, in a background thread (desktop app, tests) or the foreground."""

from __future__ import annotations

import socket
import threading
import time
from pathlib import Path
from typing import Any

from cgn_seal_desktop.errors import CgnSealError
from cgn_seal_desktop.sandbox.clock import Clock
from cgn_seal_desktop.sandbox.context import Ctx, Limits

__all__ = ["SandboxServer", "SandboxStartError", "serve_forever"]


def _url(host: str, port: int) -> str:
    return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"


class SandboxStartError(CgnSealError):
    """The sandbox server could not start (port in use, data directory not writable, …)."""

    code = "sandbox_start_failed"


class SandboxServer:
    """The sandbox on ``host:port`` (port 0 picks a free one) with state in *data_dir*.

    ``start()`` returns once the server accepts connections; ``base_url`` is then valid.
    Stopping and starting again on the same *data_dir* keeps all state.
    """

    def __init__(self, data_dir: Path, host: str = "127.0.0.1", port: int = 0,
                 clock: Clock | None = None, limits: Limits | None = None, *,
                 remote_ops: bool = False) -> None:
        self.data_dir = Path(data_dir)
        self.host, self.port = host, port
        self._clock, self._limits = clock, limits
        self._remote_ops = remote_ops
        self._server: Any = None
        self._thread: threading.Thread | None = None
        self._sock: socket.socket | None = None

    @property
    def base_url(self) -> str:
        if self._sock is None:
            raise SandboxStartError("Sandbox is not running")
        return _url(self.host, self.port)

    @property
    def ctx(self) -> Ctx:
        """The running app's context (database, clock) — for in-process ops and tests."""
        ctx: Ctx = self._server.config.app.state.ctx
        return ctx

    def start(self, timeout: float = 20.0) -> SandboxServer:
        """Bind, start serving in a daemon thread, and wait until ready."""
        import uvicorn

        from cgn_seal_desktop.sandbox.app import create_app

        try:
            app = create_app(self.data_dir, self._clock, self._limits,
                             remote_ops=self._remote_ops)
            sock = socket.socket(socket.AF_INET6 if ":" in self.host else socket.AF_INET)
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            sock.bind((self.host, self.port))
        except OSError as exc:
            raise SandboxStartError(f"Cannot start sandbox: {exc.strerror or exc}") from exc
        self._sock = sock
        self.port = sock.getsockname()[1]
        app.state.ctx.public_url = self.base_url
        config = uvicorn.Config(app, log_level="warning", access_log=False, lifespan="off")
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self._server.run, kwargs={"sockets": [sock]},
                                        name="cgn-sandbox", daemon=True)
        self._thread.start()
        deadline = time.monotonic() + timeout
        while not self._server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                self.stop()
                raise SandboxStartError("Sandbox server did not start")
            time.sleep(0.02)
        return self

    def stop(self) -> None:
        """Stop serving and close the database; safe to call twice."""
        if self._server is not None:
            self._server.should_exit = True
        if self._thread is not None:
            self._thread.join(timeout=10)
            self._thread = None
        if self._server is not None:
            self._server.config.app.state.ctx.db.close()
            self._server = None
        if self._sock is not None:
            self._sock.close()
            self._sock = None

    def __enter__(self) -> SandboxServer:
        return self.start()

    def __exit__(self, *_exc: object) -> None:
        self.stop()


def serve_forever(data_dir: Path, host: str, port: int, *, remote_ops: bool = False) -> None:
    """Serve in the foreground until Ctrl+C (``cgn-seal sandbox``); the operator side answers
    other computers only with *remote_ops*."""
    import uvicorn

    from cgn_seal_desktop.sandbox.app import create_app

    app = create_app(data_dir, remote_ops=remote_ops)
    if port:
        app.state.ctx.public_url = _url("localhost" if host in ("0.0.0.0", "::") else host, port)
    try:
        uvicorn.run(app, host=host, port=port, log_level="info")
    finally:
        app.state.ctx.db.close()
