"""UKEY access: one token interface (``backend``) with a PKCS#11 backend (``pkcs11``) and an SKF
(GM/T 0016) backend (``skf``), driver discovery, tokens and PIN state, certificates, SM2 on the
token side (``sm2``), and the service both front ends use (``service``).

No Qt here, and nothing from ``seal``. A token session belongs to one worker thread.
"""
