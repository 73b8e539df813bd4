"""盖章自检 (the seal self-check page): open a PDF, place the seal, sign with the UKEY, verify.

Public API: :class:`SelfCheckPage` (the main window's first page). The modules, in the order a
sealing goes through them: ``page`` (the page: viewer, side panel, wiring), ``placement`` (the
mouse tool that places the seal), ``sealing_steps`` (the dialogs after placing: certificate,
where to save, PIN), ``signing_thread`` (the QThread whose worker calls the core's
``sign_with_ukey``), then ``signature_panel`` / ``signature_overlay`` (the seals found) and
``verify_dialog`` (the verdict of 验证印章).
"""

from cgn_seal_desktop.ui.selfcheck.page import SelfCheckPage

__all__ = ["SelfCheckPage"]
