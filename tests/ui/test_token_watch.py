"""UKEYs plugged in and pulled out while the program runs: the environment page and the
self-check toolbar follow them (the software SKF UKEY's devices appear and vanish like USB keys),
polling only while they are visible, and never asking a driver on the GUI thread."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

import pytest

from cgn_seal_desktop.ukey.model import TokenInfo
from tests.softskf import SoftSkf

TIMEOUT = 30_000


@pytest.fixture
def driver_threads(softskf: SoftSkf) -> Iterator[list[str]]:
    """Names of the threads the SKF driver is asked on (its backend wrapped at the seam)."""
    from cgn_seal_desktop.ukey import service
    from tests.ukey_backends import DelayedBackend

    names: list[str] = []

    class Recording(DelayedBackend):
        def list_tokens(self, *, with_certificates: bool = True) -> list[TokenInfo]:
            names.append(threading.current_thread().name)
            return super().list_tokens(with_certificates=with_certificates)

    real = service.backend_for(softskf.module, "skf")
    service.install_backend(Recording(real, 0.0))
    yield names
    service.install_backend(real)


def ukey_lines(env: Any) -> str:
    return "\n".join(ln.detail for ln in env.lines() if ln.key == "tokens")


def test_environment_page_follows_ukeys_in_and_out(
        qtbot: Any, skf_window: Any, softskf: SoftSkf, driver_threads: list[str]) -> None:
    env = skf_window.environment
    with qtbot.waitSignal(env.checked, timeout=TIMEOUT):
        skf_window.show_page("environment")
    assert env.watcher.is_running() and env.timer.interval() == 2000
    dev = softskf.issue()  # plugged in while the page is shown
    qtbot.waitUntil(lambda: dev.label in ukey_lines(env), timeout=TIMEOUT)
    line = next(ln for ln in env.lines() if dev.label in ln.detail)
    assert "SKF" in line.detail and "6 of 6" in line.detail and line.level == "ok"
    # Its certificate is listed as an SM2 one.
    assert any("SM2" in ln.detail and ln.key == "tokens" for ln in env.lines())
    softskf.remove(dev)  # pulled out (looked at now rather than at the next tick)
    env.poll_tokens()
    qtbot.waitUntil(lambda: dev.label not in ukey_lines(env), timeout=TIMEOUT)
    softskf.reinsert(dev)
    env.poll_tokens()
    qtbot.waitUntil(lambda: dev.label in ukey_lines(env), timeout=TIMEOUT)
    # Another page: the polling stops.
    skf_window.show_page("support")
    assert not env.watcher.is_running()
    main = threading.main_thread().name
    assert driver_threads and main not in driver_threads


def test_self_check_toolbar_says_which_ukey_is_there(
        qtbot: Any, skf_window: Any, softskf: SoftSkf, driver_threads: list[str]) -> None:
    page = skf_window.self_check
    assert page.watcher.is_running()
    dev = softskf.issue()
    qtbot.waitUntil(lambda: dev.label in page.ukey_label.text(), timeout=TIMEOUT)
    assert "1e7e34" in page.ukey_label.styleSheet()
    assert "SKF" in page.ukey_label.toolTip()
    softskf.remove(dev)
    page.watcher.poll()
    qtbot.waitUntil(lambda: dev.label not in page.ukey_label.text(), timeout=TIMEOUT)
    skf_window.show_page("settings")
    assert not page.watcher.is_running()
    assert threading.main_thread().name not in driver_threads


def test_settings_driver_test_names_skf_and_counts_ukeys(
        qtbot: Any, skf_window: Any, softskf: SoftSkf) -> None:
    dev = softskf.issue()
    sp = skf_window.settings_page
    sp.test_driver()
    qtbot.waitUntil(lambda: sp.test_button.isEnabled(), timeout=TIMEOUT)
    text = sp.driver_result.text()
    assert text.startswith("cgn-seal-desktop SoftSKF (SKF driver): works;")
    assert dev.label in text and "inserted" in text
    assert " 个" not in text  # the old broken pattern ("已插入的 UKEY：CGN-DEMO 个")
