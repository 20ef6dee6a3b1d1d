"""A context's story: the chain of conferences about one place (initial, reviews, closure),
each with its scaling figures and how its plan stood, read from the stored records.

``Facts`` is the one reading of a record that the story, the service report and retention
share. It is taken from the raw stored dictionary without checking every field (a service
report reads thousands), so every value is checked for its type as it is read.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Protocol

from ctxtui.core.scaling import summarise

# Plan rows never completed: what a closure summary lists as left behind.
UNFINISHED = ("open", "in-progress", "not-done")


@dataclass(frozen=True)
class PlanRow:
    agency: str
    status: str
    due: str  # YYYY-MM-DD or ""
    intervention: str


@dataclass(frozen=True)
class Facts:
    """What the story and the report need of one conference."""

    id: str
    previous_id: str | None
    kind: str
    type: str
    context: str
    held: str  # the conference date, YYYY-MM-DD or ""
    review: str  # the review date as set, or ""
    status: str
    first_sent: str  # the day the minutes first went out, or ""
    scores: tuple[int, ...]
    plan: tuple[PlanRow, ...]
    closure_outcome: str
    closure_reason: str
    closure_agreed_by: tuple[str, ...]
    closure_date: str

    @property
    def median(self) -> float | None:
        return summarise(self.scores).median

    @property
    def low(self) -> int | None:
        return min(self.scores) if self.scores else None

    @property
    def high(self) -> int | None:
        return max(self.scores) if self.scores else None

    def count(self, *statuses: str) -> int:
        return sum(1 for row in self.plan if row.status in statuses)


def _text(data: Any, key: str) -> str:
    value = data.get(key, "") if isinstance(data, dict) else ""
    return value if isinstance(value, str) else ""


def _list(data: Any, key: str) -> list[Any]:
    value = data.get(key, []) if isinstance(data, dict) else []
    return value if isinstance(value, list) else []


def facts_of_record(data: Mapping[str, Any]) -> Facts:
    """The facts of one record in the interchange form (a stored record reads the same)."""
    context = data.get("context", {})
    when = data.get("dates", {})
    scaling = data.get("scaling", {})
    closure = data.get("closure", {})
    sends = [_text(s, "at") for s in _list(data, "circulated")]
    scores = tuple(
        s["score"]
        for s in _list(scaling, "scores")
        if isinstance(s, dict) and type(s.get("score")) is int and 0 <= s["score"] <= 10
    )
    plan = tuple(
        PlanRow(_text(a, "agency"), _text(a, "status"), _text(a, "due"), _text(a, "intervention"))
        for a in _list(data, "actions")
        if isinstance(a, dict)
    )
    previous = data.get("previous_id")
    return Facts(
        id=_text(data, "id"),
        previous_id=previous if isinstance(previous, str) and previous else None,
        kind=_text(data, "kind") or "initial",
        type=_text(context, "type"),
        context=_text(context, "name"),
        held=_text(when, "conference"),
        review=_text(when, "review"),
        status=_text(data, "status") or "draft",
        first_sent=min((s for s in sends if s), default="")[:10],
        scores=scores,
        plan=plan,
        closure_outcome=_text(closure, "outcome"),
        closure_reason=_text(closure, "reason"),
        closure_agreed_by=tuple(n for n in _list(closure, "agreed_by") if isinstance(n, str)),
        closure_date=_text(closure, "date"),
    )


class Listed(Protocol):
    """What the chain rules read of each stored conference (a listing's summary has it)."""

    @property
    def id(self) -> str: ...
    @property
    def previous_id(self) -> str | None: ...
    @property
    def conference(self) -> str: ...
    @property
    def closed(self) -> str: ...


def root_of(conference_id: str, links: Mapping[str, str | None]) -> str:
    """The first conference of the chain ``conference_id`` belongs to: followed back along
    ``previous_id`` while the one before is known (a loop stops where it closes)."""
    path = [conference_id]
    seen = {conference_id}
    current = conference_id
    while (previous := links.get(current)) is not None and previous in links:
        if previous in seen:  # a loop: every member of it answers with the same one
            return min(path[path.index(previous) :])
        seen.add(previous)
        path.append(previous)
        current = previous
    return current


def chain_ids(
    conference_id: str, links: Mapping[str, str | None], held: Mapping[str, str]
) -> list[str]:
    """Every conference of the chain of ``conference_id`` (all that share its first
    conference), in the order they were held."""
    root = root_of(conference_id, links)
    members = [cid for cid in links if root_of(cid, links) == root]
    return sorted(members, key=lambda cid: (held.get(cid, ""), cid))


def chains(facts: Iterable[Facts]) -> list[list[Facts]]:
    """Every chain among ``facts`` (by :func:`root_of`), each in the order held."""
    by_id = {f.id: f for f in facts}
    links = {f.id: f.previous_id for f in by_id.values()}
    groups: dict[str, list[Facts]] = {}
    for f in by_id.values():
        groups.setdefault(root_of(f.id, links), []).append(f)
    return [sorted(g, key=lambda f: (f.held, f.id)) for g in groups.values()]


@dataclass(frozen=True)
class Story:
    """The chain of one context, oldest first, and how it ended (if it has)."""

    conferences: tuple[Facts, ...]

    @property
    def closure(self) -> Facts | None:
        last = self.conferences[-1] if self.conferences else None
        return last if last is not None and last.closure_outcome else None

    @property
    def never_completed(self) -> tuple[PlanRow, ...]:
        """The plan rows of the last conference still to finish."""
        if not self.conferences:
            return ()
        return tuple(r for r in self.conferences[-1].plan if r.status in UNFINISHED)

    def trend(self) -> list[tuple[str, float]]:
        """(conference date, median score) for each conference with scores."""
        return [(f.held, m) for f in self.conferences if (m := f.median) is not None]

    def change(self) -> float | None:
        """The median's change from the first scored conference to the last."""
        points = self.trend()
        if len(points) < 2:
            return None
        return points[-1][1] - points[0][1]
