"""cgn-seal-desktop: apply for a CGN/SZCA digital certificate and e-seal, and self-check it offline.

Only :mod:`cgn_seal_desktop.ui` imports Qt; everything else is plain Python.
"""

__all__ = ["APP_ID", "APP_NAME", "__version__"]

__version__ = "0.1.0"
APP_NAME = "cgn-seal-desktop"
#: Used for platformdirs, keyring service names and the Qt organisation/application name.
APP_ID = "cgn-seal-desktop"
