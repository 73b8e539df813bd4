"""Timing helpers: medians of wall-clock times of calls and of whole processes."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

__all__ = ["REPO", "median_call", "median_process", "probe"]

REPO = Path(__file__).resolve().parents[2]


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
        t0 = time.perf_counter()
        proc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=REPO,
                              env=env)
        elapsed = time.perf_counter() - t0
        if proc.returncode not in ok_codes:
            raise RuntimeError(f"{cmd[0]} exited {proc.returncode}: {proc.stderr[-500:]!r}")
        return elapsed

    for _ in range(warmup):
        once()
    return statistics.median(once() for _ in range(runs))


def probe(name: str, *args: str, stdin: str | None = None, timeout: float = 900) -> Any:
    """Run ``tests.benchmarks.probes NAME ARGS`` in a fresh interpreter; its JSON answer."""
    proc = subprocess.run([sys.executable, "-m", "tests.benchmarks.probes", name, *args],
                          input=stdin, capture_output=True, text=True, cwd=REPO,
                          timeout=timeout, env=os.environ.copy())
    lines = [ln for ln in proc.stdout.splitlines() if ln.startswith("{")]
    if proc.returncode != 0 or not lines:
        raise RuntimeError(f"probe {name} failed ({proc.returncode}): {proc.stderr[-800:]}")
    return json.loads(lines[-1])
