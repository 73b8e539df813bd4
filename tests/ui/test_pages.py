"""Environment check, support, settings, messages table, main-window plumbing."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QGuiApplication
from PySide6.QtWidgets import QApplication, QLabel

from cgn_seal_desktop.settings import Settings, settings_path
from tests.pdfs import make_pdf
from tests.ui.conftest import DialogBot

TIMEOUT = 30_000


def test_environment_lists_softhsm_tokens_and_report_has_no_secrets(
        qtbot: Any, window: Any, ukey: Any) -> None:
    env = window.environment
    with qtbot.waitSignal(env.checked, timeout=TIMEOUT):
        window.show_page("environment")
    keys = {ln.key for ln in env.lines()}
    assert {"os", "modules", "trust", "service", "clock"} <= keys
    token_text = "\n".join(ln.detail for ln in env.lines() if ln.key == "tokens")
    for label in ("CGN-RSA", "CGN-EC", "CGN-EXPIRED", "CGN-B", "CGN-UNTRUSTED"):
        assert label in token_text
    # The expired test certificate is red; the test root loaded from the user store is listed.
    assert any(ln.level == "error" and ln.key == "tokens" for ln in env.lines())
    assert any(ln.key == "trust" and ln.level == "ok" for ln in env.lines())
    # Polling fills the token lines in the tree (one row per line).
    qtbot.waitUntil(lambda: env.tree.topLevelItemCount() == len(env.lines()), timeout=TIMEOUT)
    text = env.copy_report()
    assert QGuiApplication.clipboard().text() == text
    assert "CGN-RSA" in text
    assert ukey.pin not in text
    # Token serials are shortened; no 18-digit ID-shaped numbers.
    assert not re.search(r"\d{15,}", text)


def test_environment_polls_tokens(qtbot: Any, window: Any, empty_module: str, ukey: Any) -> None:
    env = window.environment
    with qtbot.waitSignal(env.checked, timeout=TIMEOUT):
        window.show_page("environment")
    assert env.timer.isActive() and env.timer.interval() == 2000
    # "Unplug" every UKEY by pointing the poller at the empty module: the lines follow.
    window.settings.module_path = empty_module
    with qtbot.waitSignal(env.tokens_changed, timeout=TIMEOUT):
        env.poll_tokens()
    tokens = [ln for ln in env.lines() if ln.key == "tokens"]
    assert len(tokens) == 1 and tokens[0].level == "warn"
    window.settings.module_path = ukey.module
    with qtbot.waitSignal(env.tokens_changed, timeout=TIMEOUT):
        env.poll_tokens()
    assert any("CGN-RSA" in ln.detail for ln in env.lines())


def test_support_page_qr_and_hotline(window: Any) -> None:
    sup = window.support
    window.show_page("support")
    assert sup.hotline.text() == "400-112-3838"
    texts = " ".join(w.text() for w in sup.findChildren(QLabel))
    assert "www.szca.com" in texts
    qr = sup.qr_widgets["wechat_service"]
    assert qr.payload() == window.settings.support_qr["wechat_service"]
    img = qr.grab().toImage()
    colours = {img.pixelColor(x, y).name() for x in range(0, img.width(), 3)
               for y in range(0, img.height(), 3)}
    assert {"#000000", "#ffffff"} <= colours
    window.settings.support_qr["wechat_service"] = "https://example.invalid/other"
    sup.reload()
    assert qr.payload() == "https://example.invalid/other"


def test_settings_persist_across_windows(qtbot: Any, window: Any, tmp_path: Path,
                                         ukey: Any) -> None:
    from cgn_seal_desktop.ui.main_window import MainWindow

    sp = window.settings_page
    sp.set_module_path("/opt/vendor/libukey.so")
    sp.language.setCurrentIndex(sp.language.findData("en"))
    sp.url_edit.setText("https://sandbox.example.test")
    sp.url_edit.editingFinished.emit()
    pdf = make_pdf(tmp_path / "recent.pdf", pages=1)
    with qtbot.waitSignal(window.self_check.report_ready, timeout=TIMEOUT):
        window.open_file(str(pdf))
    window.resize(780, 560)  # inside the 800 px offscreen screen
    qtbot.waitUntil(lambda: window.size().height() == 560)
    expected = (window.size().width(), window.size().height())
    window.close()
    loaded = Settings.load()
    assert loaded.module_path == "/opt/vendor/libukey.so"
    assert loaded.language == "en"
    assert loaded.service_base_url == "https://sandbox.example.test"
    assert loaded.recent_files[0] == str(pdf.resolve())
    again = MainWindow(loaded)
    qtbot.addWidget(again)
    assert again.settings_page.module_edit.text() == "/opt/vendor/libukey.so"
    # Restored (the offscreen screen is 800 px wide, so a wider window is fitted to it).
    assert again.size().height() == expected[1]
    assert again.size().width() == min(expected[0], 798)
    assert [a.data() for a in again.recent_menu.actions()] == [str(pdf.resolve())]
    raw = settings_path().read_text(encoding="utf-8")
    assert ukey.pin not in raw and "pin" not in raw.lower()


def test_settings_trust_roots_add_remove(qtbot: Any, window: Any, bot: DialogBot,
                                         ukey: Any, tmp_path: Path) -> None:
    sp = window.settings_page
    sp.refresh_roots()
    user_rows = [sp.roots.item(i) for i in range(sp.roots.count())
                 if sp.roots.item(i).data(Qt.ItemDataRole.UserRole)[1] == "user"]
    assert len(user_rows) == 1  # the fixture added the test root
    sp.roots.setCurrentItem(user_rows[0])
    bot.on("QMessageBox", lambda _d: 0x4000)  # Yes
    sp.remove_selected_root()
    assert all(sp.roots.item(i).data(Qt.ItemDataRole.UserRole)[1] != "user"
               for i in range(sp.roots.count()))
    junk = tmp_path / "junk.cer"
    junk.write_bytes(b"not a certificate")
    assert not sp.add_root_file(junk)
    assert any("Not a certificate" in t for t, _ in bot.messages)
    assert sp.add_root_file(ukey.root_pem_path)


def test_every_error_code_has_a_message() -> None:
    import importlib
    import pkgutil

    import cgn_seal_desktop
    import cgn_seal_desktop.ukey.errors as ue
    from cgn_seal_desktop.errors import CgnSealError
    from cgn_seal_desktop.ui.messages import ERRORS, error_message

    # Every module of the package, so an error class added anywhere is seen.
    for mod in pkgutil.walk_packages(cgn_seal_desktop.__path__, "cgn_seal_desktop."):
        if not mod.name.endswith("__main__"):
            importlib.import_module(mod.name)

    def subclasses(cls: type) -> list[type]:
        return [s for c in cls.__subclasses__() for s in (c, *subclasses(c))]

    classes = subclasses(CgnSealError)
    assert len(classes) > 30
    missing = sorted(f"{c.__module__}.{c.__name__}: {c.code}" for c in classes
                     if c.code not in ERRORS)
    assert missing == []
    generic = error_message(RuntimeError("x"))
    assert error_message(ue.PinLockedError()) != generic
    assert "400-112-3838" in error_message(ue.PinLockedError())[1]


def test_show_error_goes_through_one_dialog_method(qtbot: Any, bot: DialogBot) -> None:
    from cgn_seal_desktop.ui.messages import show_error
    from cgn_seal_desktop.ukey.errors import WrongPinError

    show_error(None, WrongPinError(final_try=True))
    assert len(bot.messages) == 1
    text, extra = bot.messages[0]
    assert "Wrong PIN" in text and "next wrong PIN locks" in extra
    assert "Traceback" not in text


def test_drop_pdf_opens_it(qtbot: Any, window: Any, tmp_path: Path) -> None:
    pdf = make_pdf(tmp_path / "dropped.pdf", pages=1)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(pdf))])
    ev = QDropEvent(QPointF(300, 300), Qt.DropAction.CopyAction, mime,
                    Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(window.self_check.report_ready, timeout=TIMEOUT):
        window.dropEvent(ev)
    assert window.self_check.current_path() == pdf


def test_install_page_replaces_progress(qtbot: Any, window: Any) -> None:
    label = QLabel("wizard")
    window.install_page("progress", label)
    window.show_page("progress")
    assert window.stack.currentWidget() is label
    assert window.pages["progress"] is label
    assert window.nav.count() == 5


def test_shortcuts(window: Any) -> None:
    assert window.act_open.shortcut().toString() == "Ctrl+O"
    assert window.act_close.shortcut().toString() == "Ctrl+W"
    assert "Ctrl+=" in [s.toString() for s in window.self_check.act_zoom_in.shortcuts()]
    assert QApplication.instance() is not None


def test_settings_test_driver(qtbot: Any, window: Any, tmp_path: Path) -> None:
    sp = window.settings_page
    sp.test_driver()
    qtbot.waitUntil(lambda: sp.test_button.isEnabled(), timeout=TIMEOUT)
    assert "CGN-RSA" in sp.driver_result.text()
    sp.set_module_path(str(tmp_path / "missing-driver.so"))
    sp.test_driver()
    qtbot.waitUntil(lambda: sp.test_button.isEnabled(), timeout=TIMEOUT)
    assert "missing-driver.so" in sp.driver_result.text()
    assert "driver file is not there" in sp.driver_result.text()
