"""The agenda clock: which item is running, for how long, and whether time is short."""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from ctxtui.core.record import Conference


class AgendaStatus(NamedTuple):
    """What the agenda bar shows; all times in whole seconds."""

    current: int  # the item under way, -1 before the meeting starts
    item_count: int
    title: str
    item_elapsed: int
    item_planned: int
    meeting_elapsed: int
    meeting_planned: int
    warning: str | None


def planned_seconds(conference: Conference) -> int:
    """The meeting's planned length: start to end time if both are set, else the agenda's sum."""
    d = conference.dates
    if d.start_time and d.end_time:
        start, end = (dt.time.fromisoformat(hhmm) for hhmm in (d.start_time, d.end_time))
        if end > start:
            return (end.hour - start.hour) * 3600 + (end.minute - start.minute) * 60
    return sum(item.minutes for item in conference.agenda.items) * 60


def agenda_status(conference: Conference, now: dt.datetime) -> AgendaStatus:
    if conference.status == "final" and conference.finalised_at:  # the clock stops
        now = min(now, dt.datetime.fromisoformat(conference.finalised_at))
    agenda = conference.agenda
    planned = planned_seconds(conference)
    if agenda.current < 0 or not agenda.items:
        return AgendaStatus(-1, len(agenda.items), "", 0, 0, 0, planned, None)
    item = agenda.items[agenda.current]
    starts = [dt.datetime.fromisoformat(i.started) for i in agenda.items if i.started]
    meeting = int((now - min(starts)).total_seconds()) if starts else 0
    in_item = (
        int((now - dt.datetime.fromisoformat(item.started)).total_seconds()) if item.started else 0
    )
    warning = None
    left = planned - meeting
    if left < planned / 4 and not conference.actions:
        warning = f"{max(left, 0) // 60} min left and no intervention plan yet"
    return AgendaStatus(
        agenda.current,
        len(agenda.items),
        item.title,
        max(in_item, 0),
        item.minutes * 60,
        max(meeting, 0),
        planned,
        warning,
    )


def clock(seconds: int) -> str:
    """``h:mm:ss`` for a meeting clock, ``m:ss`` under an hour."""
    hours, rest = divmod(max(seconds, 0), 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"
