"""UKEY access: one token interface (``backend``) with a PKCS#11 backend (``pkcs11``), driver
discovery, tokens and PIN state, certificates, and the service both front ends use (``service``).

No Qt here, and nothing from ``seal``. A token session belongs to one worker thread.
"""
