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


def paired_ratio(subject: list[float], baseline: list[float]) -> float:
    """The median of the ratios of runs made side by side (subject[i] / baseline[i]). On this
    shared machine the speed of a core swings by half within minutes (other guests take up to
    a third of it); two runs made one after the other see the same machine, so their ratio
    holds where either time alone, or the ratio of two medians, does not."""
    return statistics.median(s / b for s, b in zip(subject, baseline, strict=True))


def summary(name: str, value: str, ratio: float, goal: float) -> str:
    verdict = "ok" if ratio <= goal else "MISS"
    return f"{name}: {value} ratio={ratio:.2f} goal<={goal} {verdict}"
