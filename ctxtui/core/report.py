"""The service report for a period: what a manager answers for. Every figure is worked out
here from the facts of the stored records (``story.Facts``), by rules written once:

- a conference is *in the period* when its conference date is;
- minutes are *on time* when they first went out by the day they were due (one working day);
- a review is *on time* when it was held by the review date the conference before it set
  (or the default three months when none was set);
- a chain's plan is the plan of its last conference held by the end of the period; a row is
  *done* when marked done, *overdue* when open or in progress and due before the period ended;
- a context is *opened* by an initial conference in the period and *closed* by a closure
  decision dated in it;
- a chain's *scaling change* is the median of its last scored conference held by the end of
  the period less the median of its first scored conference.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from ctxtui.core import due
from ctxtui.core.record import CONTEXT_TYPES, KINDS, Action
from ctxtui.core.story import Facts, Listed, chains, root_of


@dataclass(frozen=True)
class AgencyActions:
    agency: str
    total: int
    done: int
    overdue: int


@dataclass
class ServiceReport:
    start: dt.date
    end: dt.date
    held: Counter[tuple[str, str]] = field(default_factory=Counter)  # (type, kind) -> count
    minutes_on_time: int = 0
    minutes_late: int = 0
    minutes_not_sent: int = 0
    reviews_on_time: int = 0
    reviews_late: int = 0
    agencies: list[AgencyActions] = field(default_factory=list)
    opened: int = 0
    closed: int = 0
    changes: list[float] = field(default_factory=list)  # one per chain with two scored

    @property
    def conferences(self) -> int:
        return sum(self.held.values())

    def held_by(self, context_type: str | None = None, kind: str | None = None) -> int:
        return sum(
            n for (t, k), n in self.held.items() if context_type in (None, t) and kind in (None, k)
        )

    @property
    def types(self) -> list[str]:
        """The context types held in the period, in the record's order (unknown ones last)."""
        seen = {t for t, _k in self.held}
        return [t for t in CONTEXT_TYPES if t in seen] + sorted(seen - set(CONTEXT_TYPES))

    @property
    def kinds(self) -> tuple[str, ...]:
        return KINDS

    @property
    def minutes_share(self) -> float | None:
        asked = self.minutes_on_time + self.minutes_late + self.minutes_not_sent
        return self.minutes_on_time / asked if asked else None

    @property
    def reviews_share(self) -> float | None:
        asked = self.reviews_on_time + self.reviews_late
        return self.reviews_on_time / asked if asked else None

    @property
    def median_change(self) -> float | None:
        return float(statistics.median(self.changes)) if self.changes else None


def _in(day: str, start: dt.date, end: dt.date) -> bool:
    held = due.date_or_none(day)
    return held is not None and start <= held <= end


def service_report(
    facts: Iterable[Facts], start: dt.date, end: dt.date, nation: str
) -> ServiceReport:
    """The report for the days ``start`` to ``end`` (both included)."""
    everyone = list(facts)
    by_id = {f.id: f for f in everyone}
    report = ServiceReport(start, end)
    for f in everyone:
        if not _in(f.held, start, end):
            continue
        report.held[(f.type, f.kind)] += 1
        _count_minutes(report, f, nation)
        if f.kind != "initial" and f.previous_id in by_id:
            _count_review(report, f, by_id[f.previous_id], nation)
        if f.kind == "initial":
            report.opened += 1
    report.closed = sum(
        1 for f in everyone if f.closure_outcome and _in(f.closure_date, start, end)
    )
    totals: dict[str, list[int]] = {}
    for chain in chains(everyone):
        so_far = [f for f in chain if (d := due.date_or_none(f.held)) is not None and d <= end]
        if not any(_in(f.held, start, end) for f in so_far):
            continue
        for row in so_far[-1].plan:
            entry = totals.setdefault(row.agency.strip() or "(no agency)", [0, 0, 0])
            entry[0] += 1
            entry[1] += row.status == "done"
            entry[2] += due.action_overdue(Action(status=row.status, due=row.due), end)
        medians = [m for f in so_far if (m := f.median) is not None]
        if len(medians) >= 2:
            report.changes.append(medians[-1] - medians[0])
    report.agencies = [AgencyActions(agency, *counts) for agency, counts in sorted(totals.items())]
    return report


def ids_for_report(listed: Iterable[Listed], start: dt.date, end: dt.date) -> list[str]:
    """The conferences a report for ``start`` to ``end`` reads: every one held by the end of
    the period in a chain that held one in it, and any closed in it (the rest cannot change
    a figure, so 10,000 stored cost only what the period touches)."""
    everyone = list(listed)
    links = {s.id: s.previous_id for s in everyone}
    touched = {root_of(s.id, links) for s in everyone if _in(s.conference, start, end)}
    return [
        s.id
        for s in everyone
        if _in(s.closed, start, end)
        or (
            root_of(s.id, links) in touched
            and (held := due.date_or_none(s.conference)) is not None
            and held <= end
        )
    ]


def _count_minutes(report: ServiceReport, f: Facts, nation: str) -> None:
    deadline = due.minutes_due(f.held, nation)
    if not f.first_sent:
        report.minutes_not_sent += 1
    elif f.first_sent <= deadline:
        report.minutes_on_time += 1
    else:
        report.minutes_late += 1


def _count_review(report: ServiceReport, f: Facts, previous: Facts, nation: str) -> None:
    deadline = due.review_due(previous.review, previous.held, nation)
    if not deadline:
        return
    if f.held <= deadline:
        report.reviews_on_time += 1
    else:
        report.reviews_late += 1
