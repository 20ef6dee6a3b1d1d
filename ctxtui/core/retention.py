"""How long a service keeps a context's records: a number of years (per context type if the
service wants), counted from the day its chain was closed, or from its last conference if it
was never closed. Which chains are past it, on a given day."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Protocol

from ctxtui.core.dates import add_months
from ctxtui.core.due import date_or_none
from ctxtui.core.story import Listed, root_of


class Member(Listed, Protocol):
    """What retention needs of each stored conference (a listing's summary has it)."""

    @property
    def type(self) -> str: ...
    @property
    def context(self) -> str: ...


@dataclass(frozen=True)
class Retention:
    """Years to keep a chain: ``default``, or the number set for its context type."""

    default: int | None
    by_type: Mapping[str, int]

    def years_for(self, context_type: str) -> int | None:
        return self.by_type.get(context_type, self.default)

    @property
    def set(self) -> bool:
        return self.default is not None or bool(self.by_type)


@dataclass(frozen=True)
class PastRetention:
    ids: tuple[str, ...]  # the chain, in the order held
    context: str
    type: str
    ended: dt.date  # the day closed, or the last conference
    closed: bool
    expired: dt.date  # the first day past retention


def chain_end(members: list[Member], today: dt.date) -> tuple[dt.date | None, bool]:
    """The day a chain ended and whether it was closed: its last conference, or a closure
    dated on or after that and not after ``today``. A closure can only make the chain end
    later, never earlier: a closure dated before a conference of the chain (or planted in it)
    does not count."""
    held = [d for m in members if (d := date_or_none(m.conference)) is not None]
    last = max(held, default=None)
    closed = [
        d
        for m in members
        if (d := date_or_none(m.closed)) is not None and d <= today and (last is None or d >= last)
    ]
    if closed:
        return max(closed), True
    return last, False


def past_retention(
    members: Iterable[Member], retention: Retention, today: dt.date
) -> list[PastRetention]:
    """Every chain past its retention on ``today``, the longest past first."""
    everyone = list(members)
    links = {m.id: m.previous_id for m in everyone}
    groups: dict[str, list[Member]] = {}
    for m in everyone:
        groups.setdefault(root_of(m.id, links), []).append(m)
    out = []
    for group in groups.values():
        group.sort(key=lambda m: (m.conference, m.id))
        years = retention.years_for(group[0].type)
        ended, closed = chain_end(group, today)
        if years is None or ended is None:
            continue
        expired = add_months(ended, 12 * years)
        if expired <= today:
            ids = tuple(m.id for m in group)
            out.append(PastRetention(ids, group[-1].context, group[0].type, ended, closed, expired))
    out.sort(key=lambda p: (p.expired, p.ids))
    return out


def past_ids(members: Iterable[Member], retention: Retention, today: dt.date) -> frozenset[str]:
    """The ids of every conference in a chain past retention (for marking a list)."""
    return frozenset(i for p in past_retention(members, retention, today) for i in p.ids)
