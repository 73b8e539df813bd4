"""The demo UKEY: created in one process, used by the next one to seal and verify as valid."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

_USE = r"""
import sys
from pathlib import Path
from cgn_seal_desktop.ukey.pin import Pin
from cgn_seal_desktop.demo.softhsm_ukey import DEMO_LABEL, DEMO_PIN, activate
assert activate()
from cgn_seal_desktop.settings import Settings
from cgn_seal_desktop.seal.pdf_sign import SealPlacement, SignRequest
from cgn_seal_desktop.seal.trust import TrustStore
from cgn_seal_desktop.seal.ukey_sign import sign_with_session
from cgn_seal_desktop.seal.verify import verify_pdf
from tests.softhsm import open_token
from tests.pdfs import make_pdf
src = make_pdf(Path(sys.argv[1]) / "in.pdf", pages=1)
with open_token(Settings.load().module_path, DEMO_LABEL) as s:
    s.login(Pin(DEMO_PIN))
    sign_with_session(s, src, Path(sys.argv[1]) / "out.pdf",
                      SignRequest(placement=SealPlacement(1, (400, 80, 520, 200))))
print(verify_pdf(Path(sys.argv[1]) / "out.pdf", TrustStore.load()).verdict)
"""


def test_demo_ukey_seals_valid(tmp_path: Path) -> None:
    env = {**os.environ, "CGN_SEAL_HOME": str(tmp_path / "home")}
    env.pop("SOFTHSM2_CONF", None)
    root = Path(__file__).resolve().parents[2]
    made = subprocess.run([sys.executable, "-m", "cgn_seal_desktop.demo.softhsm_ukey"], env=env,
                          cwd=root, capture_output=True, text=True, timeout=120)
    assert made.returncode == 0, made.stderr
    assert "CGN-DEMO" in made.stdout
    # Said in Chinese first (the clerk's language), English below it.
    assert made.stdout.startswith("已创建试用 UKEY") and "PIN 123456" in made.stdout
    used = subprocess.run([sys.executable, "-c", _USE, str(tmp_path)], env=env, cwd=root,
                          capture_output=True, text=True, timeout=120)
    assert used.returncode == 0, used.stderr
    assert used.stdout.strip().splitlines()[-1] == "valid"
