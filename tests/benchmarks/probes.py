"""Measurements that need a process of their own; each prints one JSON line on stdout.

``python -m tests.benchmarks.probes NAME ARGS...`` with NAME one of:

- ``gui-start bare|app``: exits at the first paint event of any widget. ``bare`` shows an empty
  PySide6 window; ``app`` starts the program through its public entry (``cli.main(["gui"])``),
  so whatever window the GUI shows is what is measured. The parent times the whole process.
- ``first-page PDF DPI``: a running PdfView (render workers started and used once on a
  one-page warm-up file) opens PDF; prints the seconds from ``open()`` to page 1 painted.
- ``scroll PDF``: opens PDF in a 900 x 1000 PdfView (fit width), scrolls top to bottom three
  screens every 16 ms, waits for the last screen to render; prints the largest gap between
  ticks of a 5 ms timer on the GUI thread, paint count, and peak memory (GUI process alone and
  with its render workers).
- ``sign-mem PDF OUT``: signs PDF through the SoftHSM2 UKEY (module, token label in the
  environment, PIN on stdin); prints VmHWM before reading the file (after imports and login)
  and at the end.

Only Qt probes import Qt; the GUI-start probe imports nothing else before the clock matters.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _status_kb(field: str, pid: int | str = "self") -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def _children() -> list[int]:
    pids: list[int] = []
    for task in Path("/proc/self/task").iterdir():
        try:
            pids += [int(p) for p in (task / "children").read_text().split()]
        except (OSError, ValueError):
            continue
    return pids


def _emit(**values: object) -> None:
    print(json.dumps(values), flush=True)


def gui_start(mode: str) -> None:
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication, QWidget

    app = QApplication(sys.argv[:1])

    class FirstPaint(QObject):
        def eventFilter(self, obj: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and isinstance(obj, QWidget):
                # Leave at once: teardown is not part of "start to first paint".
                os._exit(0)
            return False

    first_paint = FirstPaint()
    app.installEventFilter(first_paint)
    if mode == "bare":
        w = QWidget()
        w.resize(1024, 720)
        w.show()
        app.exec()
    else:
        from cgn_seal_desktop.cli import main

        main(["gui"])
    raise SystemExit("the window closed without painting")


def _wait(app: object, cond: object, timeout: float) -> bool:
    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QApplication

    end = time.perf_counter() + timeout
    while not cond():  # type: ignore[operator]
        if time.perf_counter() > end:
            return False
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
        time.sleep(0.001)
    return True


def first_page(pdf: str, dpi: str, warmup_pdf: str) -> None:
    from PySide6.QtWidgets import QApplication

    from cgn_seal_desktop.ui.viewer import PdfView

    app = QApplication(sys.argv[:1])
    view = PdfView()
    view.resize(1000, 1200)
    view.show()
    view.set_zoom(float(dpi) / 96.0)  # 100 % is 96 dpi on a scale-1 screen
    painted: dict[int, float] = {}
    view.page_painted.connect(lambda i: painted.setdefault(i, time.perf_counter()))
    # A running window: workers started and used once, as after the user's previous file.
    view.open(warmup_pdf)
    if not _wait(app, lambda: 0 in painted, 60):
        raise SystemExit("warm-up page never painted")
    _wait(app, lambda: False, 0.5)
    painted.clear()
    stages: dict[str, float] = {}
    service = view.render_service()
    service.info_loaded.connect(lambda *_a: stages.setdefault("info", time.perf_counter()))
    service.page_rendered.connect(lambda *_a: stages.setdefault("rendered", time.perf_counter()))
    t0 = time.perf_counter()
    view.open(pdf)
    if not _wait(app, lambda: 0 in painted, 120):
        raise SystemExit("page 1 never painted")
    _emit(seconds=painted[0] - t0, pages=view.page_count(),
          info_s=stages.get("info", t0) - t0, rendered_s=stages.get("rendered", t0) - t0)
    view.render_service().shutdown()


def scroll(pdf: str) -> None:
    from PySide6.QtCore import QEvent, QObject, Qt, QTimer
    from PySide6.QtWidgets import QApplication

    from cgn_seal_desktop.ui.viewer import PdfView

    app = QApplication(sys.argv[:1])
    view = PdfView()
    if os.environ.get("BENCH_CACHE_MB"):  # for experiments with the cache bound
        view.set_cache_limit(int(os.environ["BENCH_CACHE_MB"]) * 2**20)
    view.resize(900, 1000)
    view.show()
    painted: set[int] = set()
    view.page_painted.connect(painted.add)
    view.open(pdf)
    if not _wait(app, lambda: 0 in painted, 120):
        raise SystemExit("page 1 never painted")
    _wait(app, lambda: view.rendering_idle(), 30)
    rss_start = _status_kb("VmRSS")

    gaps: list[float] = []
    last = [time.perf_counter()]
    peak_total = [0]
    samples = [0]

    def beat() -> None:
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now
        samples[0] += 1
        if samples[0] % 10 == 0:
            total = _status_kb("VmRSS") + sum(_status_kb("VmRSS", p) for p in _children())
            peak_total[0] = max(peak_total[0], total)

    class Paints(QObject):
        count = 0

        def eventFilter(self, obj: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                Paints.count += 1
            return False

    paints = Paints()
    view.viewport().installEventFilter(paints)
    heartbeat = QTimer(interval=5, timerType=Qt.TimerType.PreciseTimer)
    heartbeat.timeout.connect(beat)
    bar = view.verticalScrollBar()
    done = [False]

    def step() -> None:
        if bar.value() >= bar.maximum():
            done[0] = True
            stepper.stop()
        else:
            bar.setValue(bar.value() + 3 * bar.pageStep())

    stepper = QTimer(interval=16, timerType=Qt.TimerType.PreciseTimer)
    stepper.timeout.connect(step)
    t0 = time.perf_counter()
    last[0] = t0
    heartbeat.start()
    stepper.start()
    _wait(app, lambda: done[0], 600)
    scrolled = time.perf_counter() - t0
    settled = _wait(app, lambda: view.rendering_idle(), 60)
    heartbeat.stop()
    gaps.sort()
    workers_peak = [_status_kb("VmHWM", p) / 1024 for p in _children()]
    _emit(pages=view.page_count(), scroll_seconds=scrolled, last_screen_rendered=settled,
          max_gap_ms=gaps[-1] * 1000, p99_gap_ms=gaps[int(len(gaps) * 0.99)] * 1000,
          gaps_over_50ms=sum(g > 0.05 for g in gaps), ticks=len(gaps), paints=Paints.count,
          rss_start_mb=rss_start / 1024, gui_peak_mb=_status_kb("VmHWM") / 1024,
          total_peak_mb=peak_total[0] / 1024, workers_peak_mb=workers_peak,
          cache_mb=view.cache_bytes() / 2**20)
    view.render_service().shutdown()


def sign_mem(pdf: str, out: str) -> None:
    from cgn_seal_desktop.seal.pdf_sign import SealPlacement, SignRequest
    from cgn_seal_desktop.seal.ukey_sign import sign_with_session
    from cgn_seal_desktop.ukey.pin import Pin
    from tests.softhsm import open_token

    pin = sys.stdin.readline().strip()
    with open_token(os.environ["BENCH_MODULE"], os.environ["BENCH_TOKEN"]) as session:
        session.login(Pin(pin))
        session.certificates()
        base = _status_kb("VmHWM")
        t0 = time.perf_counter()
        sign_with_session(session, pdf, out,
                          SignRequest(placement=SealPlacement(1, (400, 80, 520, 200))))
        seconds = time.perf_counter() - t0
    _emit(baseline_mb=base / 1024, peak_mb=_status_kb("VmHWM") / 1024, seconds=seconds,
          input_mb=Path(pdf).stat().st_size / 2**20)


if __name__ == "__main__":
    name, *args = sys.argv[1:]
    {"gui-start": gui_start, "first-page": first_page, "scroll": scroll,
     "sign-mem": sign_mem}[name](*args)
