"""The sandbox FastAPI application: wires the route modules to one database and clock."""

from __future__ import annotations

import logging
from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import RedirectResponse

from cgn_seal_desktop import __version__
from cgn_seal_desktop.portal.models import SupportInfo
from cgn_seal_desktop.sandbox import (
    accounts,
    applications,
    console,
    materials,
    opsapi,
    orgverify,
    payments,
    simulate,
)
from cgn_seal_desktop.sandbox.clock import Clock, SystemClock
from cgn_seal_desktop.sandbox.context import Ctx, Limits
from cgn_seal_desktop.sandbox.db import Database
from cgn_seal_desktop.sandbox.errors import install_error_handlers
from cgn_seal_desktop.sandbox.guard import OpsGuard

__all__ = ["SUPPORT", "create_app"]

log = logging.getLogger("cgn_seal_desktop.sandbox")

SUPPORT = SupportInfo(
    hotline="400-112-3838",
    website="https://www.szca.com",
    online_service_url="https://wt.szca.com",
    wechat_service_qr="https://weixin.qq.com/r/szca-service",
    wechat_subscription_qr="https://weixin.qq.com/r/szca-news",
    driver_download_url="https://www.szca.com/download",
)


def create_app(data_dir: Path, clock: Clock | None = None, limits: Limits | None = None, *,
               remote_ops: bool = False) -> FastAPI:
    """A sandbox app whose state lives in *data_dir* (created if missing).

    The operator side (``/ops``, ``/scan``, ``/pay``) answers loopback clients only unless
    *remote_ops* (see :mod:`cgn_seal_desktop.sandbox.guard`).
    """
    app = FastAPI(
        title="CGN e-seal application service (sandbox)",
        version=__version__,
        description="Reference implementation of the remote API used by cgn-seal-desktop.",
    )
    db = Database(Path(data_dir))
    removed = db.sweep_uploads()  # what a crash left behind: orphans and temporary files
    if removed:
        log.info("removed %d stale upload file(s)", len(removed))
    app.state.ctx = Ctx(db, clock or SystemClock(), limits or Limits())
    install_error_handlers(app)
    app.add_middleware(OpsGuard, remote_ops=remote_ops)
    for module in (accounts, orgverify, applications, materials, payments, opsapi, console,
                   simulate):
        app.include_router(module.router)
    app.include_router(console.actions)

    @app.get("/v1/support", response_model=SupportInfo, tags=["support"])
    def support() -> SupportInfo:
        """客户服务支持: hotline, website, WeChat QR payloads."""
        return SUPPORT

    @app.get("/healthz", include_in_schema=False)
    def healthz() -> dict[str, str]:
        return {"status": "ok"}

    @app.get("/", include_in_schema=False)
    def root() -> RedirectResponse:
        return RedirectResponse("/ops")

    return app
