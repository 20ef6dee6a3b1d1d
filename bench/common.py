"""Helpers shared by the benchmarks: interleaved timing and the summary line."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from typing import NamedTuple


def timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


class Compared(NamedTuple):
    subject: float  # median seconds
    baseline: float  # median seconds
    ratio: float  # the median of the run-by-run ratios (paired_ratio)


def compare(
    subject: Callable[[], object], baseline: Callable[[], object], rounds: int = 15
) -> Compared:
    """Subject and baseline run alternately, so machine noise hits both, and compared run by
    run."""
    a, b = [], []
    for _ in range(rounds):
        a.append(timed(subject))
        b.append(timed(baseline))
    return Compared(statistics.median(a), statistics.median(b), paired_ratio(a, b))


def paired_ratio(subject: list[float], baseline: list[float]) -> float:
    """The median of the ratios of runs made side by side (subject[i] / baseline[i]). On this
    shared machine the speed of a core swings by half within minutes (other guests take up to
    a third of it); two runs made one after the other see the same machine, so their ratio
    holds where either time alone, or the ratio of two medians, does not."""
    return statistics.median(s / b for s, b in zip(subject, baseline, strict=True))


def summary(name: str, value: str, ratio: float, goal: float) -> str:
    verdict = "ok" if ratio <= goal else "MISS"
    return f"{name}: {value} ratio={ratio:.2f} goal<={goal} {verdict}"
