"""What is due when, from the dates a record holds: minutes, review, and what is overdue."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable
from typing import Protocol

from ctxtui.core import dates
from ctxtui.core.record import Action, parse_date


@functools.lru_cache(maxsize=8192)  # the home screen reads three dates of each of 10,000
def date_or_none(text: str) -> dt.date | None:
    """A date typed or stored as YYYY-MM-DD, or None for anything else."""
    try:
        return parse_date(text)
    except ValueError:
        return None


def review_after_move(old: str, new: str, review: str, nation: str) -> str:
    """The review date once the conference moves from ``old`` to ``new``: while it is still the
    default for the old date (never set by hand), it moves with the conference."""
    old_day, new_day = date_or_none(old), date_or_none(new)
    automatic = not review or (
        old_day is not None and review == dates.default_review(old_day, nation).isoformat()
    )
    if automatic and new_day is not None:
        return dates.default_review_text(new_day, nation)
    return review


@functools.lru_cache(maxsize=4096)  # a list of 10,000 conferences has few distinct dates
def minutes_due(conference_date: str, nation: str) -> str:
    """The day the minutes must go out (ISO), or "" when the conference has no date."""
    held = date_or_none(conference_date)
    return dates.minutes_due(held, nation).isoformat() if held else ""


@functools.lru_cache(maxsize=4096)
def review_due(review_date: str, conference_date: str, nation: str = dates.DEFAULT_NATION) -> str:
    """The review date set, else three months after the conference, else ""."""
    if review_date:
        return review_date
    held = date_or_none(conference_date)
    return dates.default_review(held, nation).isoformat() if held else ""


STILL_TO_DO = ("open", "in-progress")


def next_action_due(actions: Iterable[Action]) -> str:
    """The earliest due date of the actions still to do (ISO), or ""."""
    dues = [a.due for a in actions if a.status in STILL_TO_DO and date_or_none(a.due)]
    return min(dues, default="")


def action_overdue(action: Action, today: dt.date) -> bool:
    day = date_or_none(action.due)
    return action.status in STILL_TO_DO and day is not None and day < today


class Dated(Protocol):
    """What the overdue rules read of a conference (a summary or a whole record)."""

    @property
    def id(self) -> str: ...
    @property
    def status(self) -> str: ...
    @property
    def conference(self) -> str: ...
    @property
    def review(self) -> str: ...
    @property
    def previous_id(self) -> str | None: ...
    @property
    def next_due(self) -> str: ...
    @property
    def circulated(self) -> str: ...


class Overdue:
    """What is overdue about any one of a set of conferences: draft minutes not sent by their
    due date, reviews past their date with no review conference yet, and actions past due.
    Worked out per conference when asked, so a list of 10,000 pays only for the rows shown."""

    def __init__(self, records: Iterable[Dated], today: dt.date, nation: str) -> None:
        self.reviewed = {r.previous_id for r in records if r.previous_id}
        self.today, self.nation = today, nation

    def notes(self, r: Dated) -> list[str]:
        found = []
        due = date_or_none(minutes_due(r.conference, self.nation))
        if r.status == "draft" and not r.circulated and due and due < self.today:
            found.append("minutes overdue")
        review = date_or_none(review_due(r.review, r.conference, self.nation))
        if review and review < self.today and r.id not in self.reviewed:
            found.append("review overdue")
        action_due = date_or_none(r.next_due)
        if action_due and action_due < self.today:
            found.append("actions overdue")
        return found


def overdue(records: Iterable[Dated], today: dt.date, nation: str) -> dict[str, list[str]]:
    """What is overdue, by conference id, for every conference that has something."""
    records = list(records)
    late = Overdue(records, today, nation)
    return {r.id: notes for r in records if (notes := late.notes(r))}
