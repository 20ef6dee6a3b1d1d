"""Helpers shared by the benchmarks: interleaved timing and the summary line."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def compare(subject: Callable[[], object], baseline: Callable[[], object], rounds: int = 15):
    """Median seconds of subject and baseline, run alternately so machine noise hits both."""
    a, b = [], []
    for _ in range(rounds):
        a.append(timed(subject))
        b.append(timed(baseline))
    return statistics.median(a), statistics.median(b)


def fastest(seconds: list[float]) -> float:
    """The start-up figure of several runs in new processes: the fastest. This machine's cores
    are shared (a third of their time is sometimes taken by other guests), and that only ever
    adds time, in bursts that hit one run and miss the next; the fastest run is the one the
    noise touched least, for the app and its baseline alike (as ``timeit`` advises)."""
    return min(seconds)


def summary(name: str, value: str, ratio: float, goal: float) -> str:
    verdict = "ok" if ratio <= goal else "MISS"
    return f"{name}: {value} ratio={ratio:.2f} goal<={goal} {verdict}"
