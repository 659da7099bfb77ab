"""Small timing helpers shared by the benchmark scripts: medians of repeated runs."""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from collections.abc import Callable


def median_seconds(
    fn: Callable[[], object],
    runs: int,
    *,
    warm_up: bool = True,
    clock: Callable[[], float] = time.perf_counter,
) -> float:
    """Median time of ``fn`` over ``runs`` calls by ``clock`` (wall time by default;
    ``time.thread_time`` for this thread's CPU), after one warm-up call unless
    ``warm_up`` is false (a build is timed cold, each run as long as the first)."""
    if warm_up:
        fn()
    samples = []
    for _ in range(runs):
        start = clock()
        fn()
        samples.append(clock() - start)
    return statistics.median(samples)


def median_process_seconds(code: str, runs: int, cwd: str | None = None) -> float:
    """Median wall time of a fresh ``python -c code`` process."""

    def run() -> None:
        subprocess.run([sys.executable, "-c", code], check=True, cwd=cwd)

    return median_seconds(run, runs)


def row(label: str, seconds: float, baseline: float) -> str:
    return f"{label:<48} {seconds * 1000:10.2f} ms   x{seconds / baseline:6.2f}"
