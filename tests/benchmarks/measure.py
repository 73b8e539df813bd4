"""Timing helpers: medians of wall-clock times of calls and of whole processes."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

__all__ = ["REPO", "median_call", "median_process", "probe", "run_clean"]

REPO = Path(__file__).resolve().parents[2]


def run_clean(cmd: Sequence[str], *, stdin: str | None = None, timeout: float = 900,
              env: dict[str, str] | None = None) -> tuple[int, str, str, float]:
    """Run *cmd* in its own process group; (exit code, stdout, stderr, wall seconds).

    Whatever the command left running (e.g. render workers of a GUI that exits at its first
    paint) is ended with its process group, so nothing outlives the measurement. Output goes
    through files: a leftover process holding a pipe must not block the wait.
    """
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, stdin=subprocess.PIPE if stdin is not None else
                                subprocess.DEVNULL, stdout=out, stderr=err, cwd=REPO,
                                env=env, start_new_session=True)
        try:
            if stdin is not None:
                assert proc.stdin is not None
                proc.stdin.write(stdin.encode())
                proc.stdin.close()
            code = proc.wait(timeout=timeout)
            elapsed = time.perf_counter() - t0
        finally:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
        out.seek(0)
        err.seek(0)
        return code, out.read().decode(errors="replace"), err.read().decode(errors="replace"), \
            elapsed


def median_call(fn: Callable[[], object], runs: int, *, warmup: int = 1) -> float:
    """Median seconds of *fn* over *runs* calls, after *warmup* untimed calls."""
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def median_process(cmd: Sequence[str], runs: int, *, warmup: int = 1,
                   ok_codes: Sequence[int] = (0,), env: dict[str, str] | None = None) -> float:
    """Median wall-clock seconds of running *cmd* to completion (start to exit)."""
    def once() -> float:
        code, _out, err, elapsed = run_clean(cmd, env=env)
        if code not in ok_codes:
            raise RuntimeError(f"{cmd[0]} exited {code}: {err[-500:]!r}")
        return elapsed

    for _ in range(warmup):
        once()
    return statistics.median(once() for _ in range(runs))


def probe(name: str, *args: str, stdin: str | None = None, timeout: float = 900) -> Any:
    """Run ``tests.benchmarks.probes NAME ARGS`` in a fresh interpreter; its JSON answer."""
    code, out, err, _t = run_clean([sys.executable, "-m", "tests.benchmarks.probes", name, *args],
                                   stdin=stdin, timeout=timeout)
    lines = [ln for ln in out.splitlines() if ln.startswith("{")]
    if code != 0 or not lines:
        raise RuntimeError(f"probe {name} failed ({code}): {err[-800:]}")
    return json.loads(lines[-1])
