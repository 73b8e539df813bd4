"""Shared pieces of the wizard tests: the 'same computer' (factories shared by every widget
instance of one test), the env fixture, and typing/clicking helpers."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton
from pytestqt.qtbot import QtBot

from cgn_seal_desktop.portal.client import PortalClient
from cgn_seal_desktop.portal.tokens import MemoryTokenStore, TokenStore
from cgn_seal_desktop.sandbox.clock import ManualClock
from cgn_seal_desktop.sandbox.context import Ctx
from cgn_seal_desktop.sandbox.server import SandboxServer
from cgn_seal_desktop.ui.wizard import WizardWidget
from cgn_seal_desktop.ui.workers import wait_for_tasks
from tests.portal.conftest import LIMITS
from tests.portal.helpers import START

__all__ = ["ORG", "PASSWORD", "USER", "WAIT", "Env", "click", "ctx", "env", "find", "on_page",
           "type_into", "write"]

USER = "acme_clerk"
PASSWORD = "correct horse 42"  # = tests.portal.helpers.PASSWORD
ORG = "深圳市测试科技有限公司"
WAIT = 10_000


class Env:
    """Factories shared by every widget instance of one test (the 'same computer')."""

    def __init__(self, clock: ManualClock) -> None:
        self.clock = clock
        self.keyring: dict[str, MemoryTokenStore] = {}  # stands in for the OS keyring
        self.widgets: list[WizardWidget] = []
        self._notified: dict[int, list[str]] = {}

    def tokens(self, user: str, remember: bool) -> TokenStore:
        if not remember:
            return MemoryTokenStore()
        return self.keyring.setdefault(user, MemoryTokenStore())

    def client(self, base_url: str, tokens: TokenStore) -> PortalClient:
        return PortalClient(base_url, token_store=tokens, retries=1, sleep=lambda _s: None)

    def sandbox(self, data_dir: Path, port: int) -> SandboxServer:
        return SandboxServer(data_dir, port=port, clock=self.clock, limits=LIMITS)

    def widget(self, qtbot: QtBot) -> WizardWidget:
        w = WizardWidget(client_factory=self.client, token_store_factory=self.tokens,
                         sandbox_factory=self.sandbox, now=self.clock.now, poll_ms=50,
                         slow_poll_ms=150, tray=False)
        qtbot.addWidget(w)
        w.resize(1100, 800)
        w.show()
        self.widgets.append(w)
        w.notified.connect(self._notified.setdefault(id(w), []).append)
        return w

    def notifications(self, w: WizardWidget) -> list[str]:
        """What *w* announced so far (``notified``), oldest first."""
        return list(self._notified.get(id(w), []))


@pytest.fixture
def env(qtbot: QtBot) -> Iterator[Env]:
    e = Env(ManualClock(START))
    yield e
    for w in e.widgets:
        w.shutdown()
    wait_for_tasks()


def ctx(w: WizardWidget) -> Ctx:
    assert w.sandbox.server is not None
    return w.sandbox.server.ctx


def on_page(qtbot: QtBot, w: WizardWidget, name: str) -> None:
    qtbot.waitUntil(lambda: w.current_page_name == name and not w.ctl.busy, timeout=WAIT)


def find(w: WizardWidget, cls: type, name: str):  # type: ignore[no-untyped-def]
    found = w.findChild(cls, name)
    assert found is not None, name
    return found


def click(qtbot: QtBot, w: WizardWidget, name: str) -> None:
    button = find(w, QPushButton, name)
    # Widgets added to a shown page appear on the next event-loop turn.
    qtbot.waitUntil(lambda: button.isEnabled() and button.isVisible(), timeout=WAIT)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def type_into(qtbot: QtBot, w: WizardWidget, name: str, text: str) -> None:
    """Type like a user: ASCII as key clicks, Chinese as an input method commits it."""
    edit = find(w, QLineEdit, name)
    edit.clear()
    edit.setFocus()
    for ch in text:
        if ch.isascii():
            qtbot.keyClicks(edit, ch)
        else:
            event = QInputMethodEvent("", [])
            event.setCommitString(ch)
            QApplication.sendEvent(edit, event)
    assert edit.text() == text[: edit.maxLength()]


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path
