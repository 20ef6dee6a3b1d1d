"""The 0–10 confidence scale: summary figures and the distribution."""

from __future__ import annotations

import statistics
from collections.abc import Iterable
from dataclasses import dataclass

from ctxtui.core.record import Conference

SCALE = range(0, 11)


@dataclass(frozen=True)
class ScalingSummary:
    scored: int
    asked: int
    median: float | None
    low: int | None
    high: int | None
    counts: tuple[int, ...]  # how many gave each score 0..10

    def median_text(self) -> str:
        if self.median is None:
            return "–"
        return f"{self.median:g}"

    def describe(self) -> str:
        if not self.scored:
            return f"No scores yet ({self.asked} to ask)."
        spread = f"{self.low}" if self.low == self.high else f"{self.low}–{self.high}"
        return (
            f"{self.scored} of {self.asked} scored · median {self.median_text()} · range {spread}"
        )


def summarise(scores: Iterable[int | None], asked: int | None = None) -> ScalingSummary:
    """Figures for a set of scores; ``None`` means the person gave no score."""
    everyone = list(scores)
    values = sorted(s for s in everyone if s is not None)
    counts = tuple(values.count(n) for n in SCALE)
    total = asked if asked is not None else len(everyone)
    if not values:
        return ScalingSummary(0, total, None, None, None, counts)
    return ScalingSummary(
        len(values),
        max(total, len(values)),
        float(statistics.median(values)),
        values[0],
        values[-1],
        counts,
    )


BARS = " ▁▂▃▄▅▆▇█"


def distribution(counts: tuple[int, ...], ascii_only: bool = False) -> list[str]:
    """Three lines: a bar per score (height by count), the counts, and the scale."""
    top = max(counts) if any(counts) else 1
    if ascii_only:
        bars = "".join(f"{('#' * c)[:3]:>3}" for c in counts)
    else:
        bars = "".join(f"  {BARS[round(c / top * (len(BARS) - 1))] if c else '·'}" for c in counts)
    numbers = "".join(f"{c or '':>3}" for c in counts)
    scale = "".join(f"{n:>3}" for n in SCALE)
    return [bars, numbers, scale]


def people_to_ask(conference: Conference) -> list[tuple[str, str]]:
    """(name, agency): everyone present, then anyone scored who is not on the list."""
    present = [
        (a.name, a.agency) for a in conference.attendees if a.attendance == "present" and a.name
    ]
    names = {name for name, _ in present}
    extra = [
        (s.attendee, "not marked present")
        for s in conference.scaling.scores
        if s.attendee not in names and (s.score is not None or s.reason)
    ]
    return present + extra


def conference_summary(conference: Conference) -> ScalingSummary:
    """The figures for everyone there is to ask at this conference."""
    people = people_to_ask(conference)
    scores = {s.attendee: s.score for s in conference.scaling.scores}
    return summarise((scores.get(name) for name, _ in people), asked=len(people))
