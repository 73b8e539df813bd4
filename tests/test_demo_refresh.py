"""A demo UKEY made while the program runs is found without a restart (``demo.refresh``), as the
environment check's hint promises: a program started before ``cgn-seal demo-ukey`` (its SoftHSM2
already loaded with another configuration) and before ``cgn-seal demo-ukey --sm2`` sees both
UKEYs at its next look, and sees a demo made again as the new token it is.

Runs in a fresh process with a fresh profile: the test session's own SoftHSM2 and software SKF
settings must not leak in."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

_PROGRAM = r"""
import json, subprocess, sys
from cgn_seal_desktop import demo
from cgn_seal_desktop.envcheck import inserted_tokens

def make(module):
    subprocess.run([sys.executable, "-m", f"cgn_seal_desktop.demo.{module}"], check=True,
                   capture_output=True, timeout=300)

def look():
    return {t.label: t.serial for t in inserted_tokens("") or []}

demo.activate()                   # start-up: no demo UKEY yet
before = look()                   # every driver found is loaded (SoftHSM2 with its defaults)
make("softhsm_ukey")              # made from another process while "the program" runs
make("softskf_ukey")
after = look()
make("softhsm_ukey")              # made again: a new token (new serial) in a new directory
again = look()
print(json.dumps([before, after, again]))
"""


def test_demo_ukeys_made_while_running_are_found(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in (
        "SOFTHSM2_CONF", "SOFTSKF_DIR", "CGN_SEAL_SOFTSKF_LIB_DIR", "CGN_SEAL_PKCS11_MODULE",
        "CGN_SEAL_SKF_MODULE")}
    env["CGN_SEAL_HOME"] = str(tmp_path / "home")
    root = Path(__file__).resolve().parents[1]
    done = subprocess.run([sys.executable, "-c", _PROGRAM], env=env, cwd=root,
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    before, after, again = json.loads(done.stdout.strip().splitlines()[-1])
    assert "CGN-DEMO" not in before and "CGN-DEMO-SM2" not in before
    assert "CGN-DEMO" in after and "CGN-DEMO-SM2" in after
    assert "CGN-DEMO" in again and again["CGN-DEMO"] != after["CGN-DEMO"]
