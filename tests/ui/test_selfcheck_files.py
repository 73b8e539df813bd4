"""盖章自检 file work off the GUI thread: "save a copy" (never over the original) and a seal
picture from a file. Spies wrap the real functions to see which thread runs them."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest

from tests.pdfs import make_pdf
from tests.ui.conftest import DialogBot
from tests.ui.test_seal_flow import open_and_wait

TIMEOUT = 30_000


class ThreadSpy:
    """Calls through to *fn* and records the thread of every call."""

    def __init__(self, fn: Any) -> None:
        self.fn, self.threads = fn, []

    def __call__(self, *args: Any, **kw: Any) -> Any:
        self.threads.append(threading.current_thread())
        return self.fn(*args, **kw)


def test_save_copy_is_written_by_a_worker_and_never_over_the_original(
        qtbot: Any, window: Any, bot: DialogBot, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from cgn_seal_desktop import fsutil
    from cgn_seal_desktop.ui.selfcheck import save_as

    spy = ThreadSpy(fsutil.copy_file)
    monkeypatch.setattr(save_as, "copy_file", spy)
    src = make_pdf(tmp_path / "合同.pdf", pages=2)
    original = src.read_bytes()
    other = tmp_path / "other.pdf"
    other.write_bytes(b"keep me")
    open_and_wait(qtbot, window, src)
    page = window.self_check
    # The original (refused, asked again), an existing file (declined, asked again), a new name.
    bot.save_paths = [str(src), str(other), str(tmp_path / "copy.pdf")]
    answers = iter([0, 0x10000])  # OK on the message, then No
    bot.on("QMessageBox", lambda _d: next(answers), times=2)
    with qtbot.waitSignal(page.copy_saved, timeout=TIMEOUT) as saved:
        page.save_copy()
    assert Path(saved.args[0]) == tmp_path / "copy.pdf"
    assert (tmp_path / "copy.pdf").read_bytes() == original == src.read_bytes()
    assert other.read_bytes() == b"keep me"
    assert any("already exists" in t for t, _ in bot.messages)
    assert spy.threads and threading.main_thread() not in spy.threads


def test_seal_picture_is_read_and_converted_by_a_worker(
        qtbot: Any, window: Any, bot: DialogBot, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtGui import QColor, QImage

    from cgn_seal_desktop.seal import appearance
    from cgn_seal_desktop.ui import dialogs

    spy = ThreadSpy(appearance.image_to_seal_pdf)
    monkeypatch.setattr(appearance, "image_to_seal_pdf", spy)
    picture = tmp_path / "公章.png"
    img = QImage(120, 120, QImage.Format.Format_ARGB32)
    img.fill(QColor(200, 0, 0))
    assert img.save(str(picture))
    hostile = tmp_path / "untrusted_not_a_picture.png"
    hostile.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    chosen = iter([str(picture), str(hostile)])
    monkeypatch.setattr(dialogs, "ask_open_file", lambda *_a, **_k: next(chosen))
    page = window.self_check
    open_and_wait(qtbot, window, make_pdf(tmp_path / "a.pdf", pages=1))
    page.act_image.trigger()
    qtbot.waitUntil(lambda: page.picture.appearance_pdf is not None, timeout=TIMEOUT)
    assert page.picture.appearance_pdf.startswith(b"%PDF-")
    assert page.seal_tool.image().size().width() == 120
    page.act_image.trigger()  # a broken picture: a message, the good one stays
    qtbot.waitUntil(lambda: bool(bot.messages), timeout=TIMEOUT)
    assert page.seal_tool.image().size().width() == 120
    assert len(spy.threads) == 2 and threading.main_thread() not in spy.threads
