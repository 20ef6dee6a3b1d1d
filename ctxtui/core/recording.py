"""The meeting's own safeguards over time: the confidentiality reminder read to the room, and
the audio recording with each point's, plan row's and score's offset into it. No I/O: the
editor calls these inside the change that files a point, so undo takes a mark back with it.

A point is plain text under its heading, so its offset is kept beside it in
``recording.points`` (heading, text, offset) and follows the point when it is reworded, moved
to another heading or deleted. Two points of the same text under one heading are told apart by
their order.
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from ctxtui.core.labels import TARGET_KEYS, TARGET_LABELS
from ctxtui.core.record import Conference
from ctxtui.core.recorded import PointMark, Recording

# Read to the room before the discussion starts (the guidance's words, made the chair's).
CONFIDENTIALITY_REMINDER = (
    "This conference is about a place or a group, never about a child or a family. Do not "
    "name or describe any young person or family, and give no personal details: speak of "
    "patterns, places and times. What is said here stays with the agencies invited: statutory "
    "partners keep it as they keep child protection conference information, and everyone "
    "else under the information-sharing agreement they signed."
)


def recorded(recording: Recording) -> bool:
    """Whether the meeting was recorded (the recording was started): only then is there a
    recording index to write."""
    return bool(recording.started)


def running(recording: Recording) -> bool:
    return bool(recording.started) and not recording.stopped


def offset_text(seconds: int) -> str:
    """``H:MM:SS`` (hours as many as it takes)."""
    seconds = max(seconds, 0)
    return f"{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"


def offset_now(recording: Recording, now: dt.datetime) -> str:
    """How far into the recording ``now`` is, or "" when it is not running."""
    if not running(recording):
        return ""
    started = dt.datetime.fromisoformat(recording.started)
    return offset_text(int((now.replace(tzinfo=None) - started).total_seconds()))


def length(recording: Recording) -> str:
    """How long the recording ran (H:MM:SS), or "" while it runs or never did."""
    if not recording.started or not recording.stopped:
        return ""
    started = dt.datetime.fromisoformat(recording.started)
    stopped = dt.datetime.fromisoformat(recording.stopped)
    return offset_text(int((stopped - started).total_seconds()))


def mark_point(conference: Conference, heading: str, text: str, now: dt.datetime) -> None:
    """A point just filed under ``heading`` keeps its offset, while the recording runs."""
    offset = offset_now(conference.recording, now)
    if offset:
        conference.recording.points.append(PointMark(heading, text, offset))


def _mark_at(conference: Conference, heading: str, index: int) -> int | None:
    """The place in ``recording.points`` of the mark of the point at ``index``, if it has one."""
    points = conference.target_list(heading)
    if not 0 <= index < len(points):
        return None
    text = points[index]
    nth = points[:index].count(text)
    same = [
        n
        for n, m in enumerate(conference.recording.points)
        if (m.heading, m.text) == (heading, text)
    ]
    return same[nth] if nth < len(same) else None


def mark_of(conference: Conference, heading: str, index: int) -> PointMark | None:
    """The mark of the point at ``index`` under ``heading`` (None: filed while not recording)."""
    place = _mark_at(conference, heading, index)
    return None if place is None else conference.recording.points[place]


def follow_point(
    conference: Conference,
    heading: str,
    index: int,
    *,
    text: str | None = None,
    to: str | None = None,
) -> None:
    """Called just before the point at ``index`` changes: its mark takes the new ``text``,
    moves ``to`` another heading, or (neither given: the point is deleted) goes."""
    place = _mark_at(conference, heading, index)
    if place is None:
        return
    marks = conference.recording.points
    if text is None and to is None:
        del marks[place]
        return
    mark = marks[place]
    marks[place] = PointMark(to or mark.heading, mark.text if text is None else text, mark.offset)


class IndexRow(NamedTuple):
    """One line of the recording index: the offset, where it stands in the minutes, what."""

    offset: str
    where: str
    text: str


def _seconds(offset: str) -> int:
    hours, minutes, seconds = (int(part) for part in offset.split(":"))
    return hours * 3600 + minutes * 60 + seconds


def index_rows(conference: Conference) -> list[IndexRow]:
    """Every point, plan row and score filed while the meeting was recorded, by offset."""
    rows: list[IndexRow] = []
    for heading in TARGET_KEYS:
        for n, point in enumerate(conference.target_list(heading)):
            mark = mark_of(conference, heading, n)
            if mark is not None:
                rows.append(
                    IndexRow(mark.offset, f"{TARGET_LABELS[heading]}, point {n + 1}", point)
                )
    for n, action in enumerate(conference.actions, 1):
        if action.recording_offset:
            what = action.intervention or action.worry or action.goal or action.helping
            rows.append(IndexRow(action.recording_offset, f"Intervention plan, row {n}", what))
    for score in conference.scaling.scores:
        if score.recording_offset:
            given = "no score" if score.score is None else f"{score.score} out of 10"
            text = f"{given}: {score.reason}" if score.reason else given
            rows.append(IndexRow(score.recording_offset, f"Scaling, {score.attendee}", text))
    return sorted(rows, key=lambda row: _seconds(row.offset))


def points_filed(conference: Conference) -> int:
    """How many points stand under the headings and the safety goals."""
    return sum(len(conference.target_list(key)) for key in TARGET_KEYS)


__all__ = [
    "CONFIDENTIALITY_REMINDER",
    "IndexRow",
    "follow_point",
    "index_rows",
    "length",
    "mark_of",
    "mark_point",
    "offset_now",
    "offset_text",
    "points_filed",
    "recorded",
    "running",
]
