"""Software test UKEYs for trying the seal self-check without a real one.

They live outside ``ukey/`` because making one needs both sides: the token (``ukey``) and the
user's trust store (``seal.trust``), which ``ukey`` must not import. ``cgn-seal demo-ukey``
creates a SoftHSM2 (PKCS#11) one, ``cgn-seal demo-ukey --sm2`` an SM2 one driven through SKF;
the program points the software drivers at them at start-up (:func:`activate`).
"""

from __future__ import annotations

from cgn_seal_desktop.demo import softhsm_ukey, softskf_ukey
from cgn_seal_desktop.demo.softhsm_ukey import DEMO_LABEL, DEMO_PIN
from cgn_seal_desktop.demo.softskf_ukey import DEMO_SM2_LABEL, DEMO_SM2_PIN

__all__ = ["DEMO_LABEL", "DEMO_PIN", "DEMO_SM2_LABEL", "DEMO_SM2_PIN", "activate"]


def activate() -> bool:
    """Make every demo UKEY that was created visible; True if any was."""
    pkcs11 = softhsm_ukey.activate()
    skf = softskf_ukey.activate()
    return pkcs11 or skf
