"""Software test UKEYs for trying the seal self-check without a real one.

They live outside ``ukey/`` because making one needs both sides: the token (``ukey``) and the
user's trust store (``seal.trust``), which ``ukey`` must not import. ``cgn-seal demo-ukey``
creates a SoftHSM2 (PKCS#11) one, ``cgn-seal demo-ukey --sm2`` an SM2 one driven through SKF;
the program points the software drivers at them at start-up (:func:`activate`) and, while it
runs, notices one made or made again meanwhile (:func:`refresh`), like a UKEY plugged in.
"""

from __future__ import annotations

import logging
import os
import threading

from cgn_seal_desktop.demo import softhsm_ukey, softskf_ukey
from cgn_seal_desktop.demo.softhsm_ukey import DEMO_LABEL, DEMO_PIN
from cgn_seal_desktop.demo.softskf_ukey import DEMO_SM2_LABEL, DEMO_SM2_PIN

__all__ = ["DEMO_LABEL", "DEMO_PIN", "DEMO_SM2_LABEL", "DEMO_SM2_PIN", "activate", "refresh"]

log = logging.getLogger(__name__)

_refresh_lock = threading.Lock()
#: What the active SoftHSM2 demo looked like when SoftHSM2 last read it (None: not seen yet).
_softhsm_seen: tuple[int, tuple[str, ...]] | None = None


def activate() -> bool:
    """Make every demo UKEY that was created visible; True if any was."""
    pkcs11 = softhsm_ukey.activate()
    skf = softskf_ukey.activate()
    return pkcs11 or skf


def _softhsm_stamp() -> tuple[int, tuple[str, ...]] | None:
    """The SoftHSM2 demo's configuration time and token directories, when it is the one in use."""
    conf = softhsm_ukey.demo_dir() / "softhsm2.conf"
    if os.environ.get("SOFTHSM2_CONF") != str(conf):
        return None
    try:
        return conf.stat().st_mtime_ns, tuple(sorted(os.listdir(conf.parent / "tokens")))
    except OSError:
        return None


def refresh() -> bool:
    """Make a demo UKEY made (or made again) since start-up visible; True when one appeared.

    Worker threads only (it may wait for the UKEY lock). The software SKF UKEY is read afresh on
    every call once :func:`activate` pointed its driver at it; SoftHSM2 reads its configuration
    and token directory only when initialised, so a new or re-made SoftHSM2 demo has the loaded
    module initialised again (``ukey.service.reload_driver``).
    """
    global _softhsm_seen
    with _refresh_lock:
        activated = activate()
        stamp = _softhsm_stamp()
        if stamp is None:
            return activated
        if _softhsm_seen is not None and stamp == _softhsm_seen:
            return activated
        first_look = _softhsm_seen is None
        if first_look and not activated:
            # Pointed at the demo before SoftHSM2 was loaded (start-up): it read this one.
            _softhsm_seen = stamp
            return False
        from cgn_seal_desktop.ukey.discovery import find_modules
        from cgn_seal_desktop.ukey.errors import UKeyError
        from cgn_seal_desktop.ukey.service import reload_driver

        for m in find_modules():
            if m.vendor is not None and m.vendor.id == "softhsm2" and m.usable:
                try:
                    if not reload_driver(m.path, "pkcs11"):
                        return activated  # the UKEYs are busy: try at the next look
                except UKeyError as exc:
                    log.warning("SoftHSM2 could not read the demo UKEY: %s", exc.code)
        _softhsm_seen = stamp
        return True
