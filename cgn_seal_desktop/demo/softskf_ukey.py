"""An SM2 test UKEY driven through SKF, like SZCA's (software, PIN 123456).

``cgn-seal demo-ukey --sm2`` builds the software SKF library (``demo/softskf``, C over OpenSSL 3)
under the per-user data directory, issues a device "CGN-DEMO-SM2" holding an SM2 seal key pair
(generated on the device) and a certificate for "示例供应商有限公司" signed by a demo SM2 root
made for this computer, and adds that root to the user's trusted roots. At start-up the program
points the module table's ``softskf`` entry and the library's state at it (:func:`activate`), so
the UKEY is found like any vendor's SKF UKEY.

The demo root is a toy: anyone with this computer's profile can sign with it. Remove it under
Settings → trusted roots when done.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

from cgn_seal_desktop import paths

__all__ = ["DEMO_SM2_LABEL", "DEMO_SM2_PIN", "activate", "create_demo_sm2_ukey", "demo_dir"]

DEMO_SM2_LABEL = "CGN-DEMO-SM2"
DEMO_SM2_PIN = "123456"
_DEVICE = "cgn-demo-sm2"
_ORG = "示例供应商有限公司"


def demo_dir() -> Path:
    return paths.data_dir() / "demo-ukey-sm2"


def _library(base: Path) -> Path | None:
    from cgn_seal_desktop.demo.softskf import library_name

    found = sorted((base / "lib").glob(f"*/{library_name()}"),
                   key=lambda p: p.stat().st_mtime, reverse=True)
    return found[0] if found else None


def activate() -> bool:
    """Point the ``softskf`` driver entry at the demo UKEY if one was made and nothing else is
    configured (``SOFTSKF_DIR`` / ``CGN_SEAL_SOFTSKF_LIB_DIR`` already set win)."""
    from cgn_seal_desktop.demo.softskf import ENV_DIR, ENV_LIB_DIR

    base = demo_dir()
    state = base / "state"
    lib = _library(base)
    if ENV_DIR in os.environ or ENV_LIB_DIR in os.environ or lib is None \
            or not (state / f"{_DEVICE}.skf").is_file():
        return False
    os.environ[ENV_DIR] = str(state)
    os.environ[ENV_LIB_DIR] = str(lib.parent)
    return True


def create_demo_sm2_ukey() -> tuple[Path, Path]:
    """Create (or re-create) the SM2 demo UKEY; returns (SKF library path, demo root PEM)."""
    from cgn_seal_desktop.demo.sm2_pki import Sm2Authority, Sm2Name
    from cgn_seal_desktop.demo.softskf import ENV_LIB_DIR, build_library, issue_device
    from cgn_seal_desktop.fsutil import atomic_write_bytes
    from cgn_seal_desktop.seal.trust import add_user_root
    from cgn_seal_desktop.settings import Settings

    base = demo_dir()
    if (base / "state").exists():
        shutil.rmtree(base / "state")
    lib = build_library(base / "lib")
    root = Sm2Authority(Sm2Name("cgn-seal-desktop demo",
                                "演示 SM2 根证书 Demo SM2 Root, NOT FOR PRODUCTION"))
    seal_name = Sm2Name(_ORG, f"{_ORG}(演示 SM2)")
    issue_device(lib, base / "state", _DEVICE, label=DEMO_SM2_LABEL, pin=DEMO_SM2_PIN,
                 serial="CGNSM2DEMO0001", issue=lambda pub: root.issue(seal_name, pub))
    os.environ[ENV_LIB_DIR] = str(lib.parent)
    root_pem = base / "demo-sm2-root.pem"
    atomic_write_bytes(root_pem, root.certificate_pem)
    add_user_root(root_pem)
    # With one driver chosen only that one is asked; the SoftHSM2 demo chooses SoftHSM2, which
    # would hide this UKEY. Both demo UKEYs are found when no driver is chosen.
    settings = Settings.load()
    if settings.module_path and _is_demo_driver(settings.module_path):
        settings.module_path = ""
        settings.save()
    return lib, root_pem


def _is_demo_driver(path: str) -> bool:
    from cgn_seal_desktop.ukey.discovery import vendor_for

    vendor = vendor_for(path)
    return vendor is not None and vendor.test_only


def main() -> int:
    from cgn_seal_desktop.demo.softskf import SoftSkfError
    from cgn_seal_desktop.errors import CgnSealError

    try:
        lib, root = create_demo_sm2_ukey()
    except (SoftSkfError, OSError, CgnSealError) as exc:
        print(f"无法创建国密试用 UKEY / cannot create the SM2 demo UKEY: {exc}", file=sys.stderr)
        return 1
    print(f"已创建国密 SM2 试用 UKEY“{DEMO_SM2_LABEL}”（PIN {DEMO_SM2_PIN}），SKF 驱动 {lib}。")
    print(f"  SM2 demo UKEY '{DEMO_SM2_LABEL}' created (PIN {DEMO_SM2_PIN}); SKF driver {lib}.")
    print(f"它的 SM2 根证书 {root} 现已被当前用户信任（仅用于试用）。启动程序：cgn-seal")
    print(f"  Its SM2 root {root} is now trusted for this user. Start the program: cgn-seal")
    return 0


if __name__ == "__main__":
    sys.exit(main())
