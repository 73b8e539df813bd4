"""Shared test set-up: Qt offscreen, an isolated per-user directory, the test PKI and SoftHSM2 UKEY."""

from __future__ import annotations

import os

# Set before anything imports Qt; the tests never need a display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Settings, drafts and user trust roots go to a temporary directory, never the real profile."""
    monkeypatch.setenv("CGN_SEAL_HOME", str(tmp_path_factory.mktemp("home")))
