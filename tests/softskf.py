"""The software SKF UKEY for the tests (``tests/skf/`` and the GUI tests): the C library built once
per session with the system compiler (as ``cgn-seal demo-ukey --sm2`` builds it), devices issued
through SKF calls, and an SM2 root (GmSSL) that signs their certificates. The product loads the
library as a vendor DLL. The fixtures are registered by ``tests/conftest.py``."""

from __future__ import annotations

import itertools
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from cgn_seal_desktop.demo.sm2_pki import Sm2Authority, Sm2Name
from cgn_seal_desktop.demo.softskf import (
    ENV_DIR,
    IssuedDevice,
    build_library,
    issue_device,
    reinsert_device,
    remove_device,
)
from cgn_seal_desktop.ukey.model import TokenRef

__all__ = ["ORG", "PIN", "SoftSkf", "skf_device", "softskf"]

PIN = "123456"
ORG = "深圳市国密测试供应商有限公司"
_counter = itertools.count(1)


@dataclass
class SoftSkf:
    """The built library, its state directory and the SM2 root that issues certificates."""

    __test__ = False

    lib: Path
    state: Path
    root: Sm2Authority
    root_pem: Path

    @property
    def module(self) -> str:
        return str(self.lib)

    def ref(self, label: str) -> TokenRef:
        return TokenRef(self.module, label, interface="skf")

    def issue(self, *, label: str | None = None, max_retries: int = 6,
              container: str | None = "SEAL", with_cert: bool = True,
              org: str = ORG) -> IssuedDevice:
        """A fresh device (unique name) with an SM2 key and certificate by default."""
        n = next(_counter)
        label = label or f"CGN-SM2-{n}"
        subject = Sm2Name(org, f"{org}(SM2)")
        return issue_device(
            self.lib, self.state, f"dev{n}", label=label, pin=PIN, serial=f"SKF{n:06d}",
            max_retries=max_retries, container=container,
            issue=(lambda pub: self.root.issue(subject, pub)) if with_cert else None)

    def remove(self, device: IssuedDevice) -> None:
        remove_device(self.state, device.name)

    def reinsert(self, device: IssuedDevice) -> None:
        reinsert_device(self.state, device.name)


@pytest.fixture(scope="session")
def softskf(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SoftSkf]:
    base = tmp_path_factory.mktemp("softskf")
    lib = build_library(base / "lib")
    state = base / "state"
    state.mkdir()
    old = os.environ.get(ENV_DIR)
    os.environ[ENV_DIR] = str(state)
    root = Sm2Authority(Sm2Name("CGN Seal Desktop SM2 Test PKI", "CGN SM2 Test Root"))
    root_pem = base / "sm2-root.pem"
    root_pem.write_bytes(root.certificate_pem)
    yield SoftSkf(lib, state, root, root_pem)
    if old is None:
        os.environ.pop(ENV_DIR, None)
    else:
        os.environ[ENV_DIR] = old


@pytest.fixture
def skf_device(softskf: SoftSkf) -> Callable[..., IssuedDevice]:
    """Issue a fresh device for a test that spends PIN tries or removes it."""
    return softskf.issue
