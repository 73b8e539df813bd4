"""Software test UKEYs for trying the seal self-check without a real one.

They live outside ``ukey/`` because making one needs both sides: the token (``ukey``) and the
user's trust store (``seal.trust``), which ``ukey`` must not import. ``cgn-seal demo-ukey``
creates one; the program points the software driver at it at start-up (:func:`activate`).
"""

from __future__ import annotations

from cgn_seal_desktop.demo.softhsm_ukey import DEMO_LABEL, DEMO_PIN, activate

__all__ = ["DEMO_LABEL", "DEMO_PIN", "activate"]
