"""UKEY access over PKCS#11: driver discovery, tokens and PIN state, certificates, signing.

No Qt here. One :class:`~cgn_seal_desktop.ukey.session.UKeySession` per worker thread.
"""
