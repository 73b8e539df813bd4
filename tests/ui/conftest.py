"""Fixtures for the main-window tests: a window wired to the SoftHSM2 UKEY, and a dialog stand-in.

Every modal dialog goes through ``cgn_seal_desktop.ui.dialogs.exec_dialog``; :class:`DialogBot`
replaces it with handlers the test registers per dialog class, and records every dialog seen.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest


class DialogBot:
    """Answers dialogs without nested event loops. Unhandled dialogs are rejected (0)."""

    def __init__(self) -> None:
        self.seen: list[Any] = []
        self.handlers: dict[str, list[Callable[[Any], int]]] = {}
        self.save_paths: list[str | None] = []
        self.open_paths: list[str | None] = []
        self.messages: list[tuple[str, str]] = []

    def on(self, class_name: str, handler: Callable[[Any], int], times: int = 1) -> None:
        """Answer the next *times* dialogs of class *class_name* with *handler*."""
        self.handlers.setdefault(class_name, []).extend([handler] * times)

    def exec_dialog(self, dialog: Any) -> int:
        self.seen.append(dialog)
        name = type(dialog).__name__
        if name == "QMessageBox":
            self.messages.append((dialog.text(), dialog.informativeText()))
        queue = self.handlers.get(name)
        if queue:
            return queue.pop(0)(dialog)
        return 0

    def of(self, class_name: str) -> list[Any]:
        return [d for d in self.seen if type(d).__name__ == class_name]


@pytest.fixture
def bot(monkeypatch: pytest.MonkeyPatch) -> DialogBot:
    from cgn_seal_desktop.ui import dialogs

    b = DialogBot()
    monkeypatch.setattr(dialogs, "exec_dialog", b.exec_dialog)

    def save(_parent: Any, _title: str, default: str) -> str | None:
        return b.save_paths.pop(0) if b.save_paths else default

    def open_pdf(_parent: Any, _directory: str = "") -> str | None:
        return b.open_paths.pop(0) if b.open_paths else None

    monkeypatch.setattr(dialogs, "ask_save_path", save)
    monkeypatch.setattr(dialogs, "ask_open_pdf", open_pdf)
    return b


@pytest.fixture
def window(qtbot: Any, ukey: Any, bot: DialogBot) -> Iterator[Any]:
    """A shown MainWindow using the SoftHSM2 module, with the test root trusted."""
    from cgn_seal_desktop.seal.trust import add_user_root
    from cgn_seal_desktop.settings import Settings
    from cgn_seal_desktop.ui.main_window import MainWindow
    from cgn_seal_desktop.ui.workers import wait_for_tasks

    add_user_root(ukey.root_pem_path)
    settings = Settings(module_path=ukey.module, check_service_online=False)
    settings.save()
    win = MainWindow(settings)
    qtbot.addWidget(win)
    win.resize(1100, 800)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.self_check.sealing.runner.wait(10_000)
    wait_for_tasks(10_000)


@pytest.fixture
def skf_window(qtbot: Any, softskf: Any, bot: DialogBot) -> Iterator[Any]:
    """A shown MainWindow whose chosen driver is the software SKF UKEY library (SM2), with its
    SM2 test root trusted for the user."""
    from cgn_seal_desktop.seal.trust import add_user_root
    from cgn_seal_desktop.settings import Settings
    from cgn_seal_desktop.ui.main_window import MainWindow
    from cgn_seal_desktop.ui.workers import wait_for_tasks

    add_user_root(softskf.root_pem)
    settings = Settings(module_path=softskf.module, check_service_online=False)
    settings.save()
    win = MainWindow(settings)
    qtbot.addWidget(win)
    win.resize(1100, 800)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.self_check.sealing.runner.wait(10_000)
    win.self_check.watcher.stop()
    win.environment.watcher.stop()
    wait_for_tasks(10_000)


def sign_directly(ukey: Any, src: Path, out: Path, label: str = "CGN-RSA") -> Path:
    """Seal *src* into *out* without the GUI (for verification tests)."""
    from cgn_seal_desktop.seal.pdf_sign import SealPlacement, SignRequest
    from cgn_seal_desktop.seal.ukey_sign import sign_with_session
    from cgn_seal_desktop.ukey.pin import Pin
    from tests.softhsm import open_token

    with open_token(ukey.module, label) as s:
        s.login(Pin(ukey.pin))
        sign_with_session(s, src, out, SignRequest(
            placement=SealPlacement(1, (350.0, 500.0, 470.0, 620.0))))
    return out
