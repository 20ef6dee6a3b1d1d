"""Changes the chair makes to an open conference, with undo and a change counter for autosave.

No UI here: the screens call these methods and redraw; tests call them directly.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from .model import (
    ACTION_STATUSES,
    CAPTURE_TARGETS,
    MAX_TEXT,
    Action,
    Amendment,
    Attendee,
    Conference,
    Score,
    strip_controls,
)

TARGET_KEYS: tuple[str, ...] = tuple(key for key, _ in CAPTURE_TARGETS)
TARGET_LABELS: dict[str, str] = dict(CAPTURE_TARGETS)
TARGET_SHORT_LABELS: dict[str, str] = {
    "concerns": "Concerns",
    "complicating": "Complicating",
    "strengths": "Strengths",
    "safety_plan": "Safety plan",
    "safety_goals": "Goals",
}
UNDO_DEPTH = 50
T = TypeVar("T")


def clean_point(text: str) -> str:
    """One point as it will be stored: no control characters, one paragraph, trimmed."""
    return " ".join(strip_controls(text).split())


class TooLong(ValueError):
    pass


@dataclass
class _Removed:
    """Something deleted, with what is needed to put it back."""

    describe: str
    restore: Callable[[], None]


class Finalised(ValueError):
    """A change to minutes that are final and have not been reopened with Amend."""


def _edit(method: Callable[..., T]) -> Callable[..., T]:
    """Every change goes through here: final minutes cannot change until they are amended."""

    @functools.wraps(method)
    def guarded(self: Editor, *args: object, **kwargs: object) -> T:
        if self.final:
            raise Finalised("These minutes are final: choose Amend to change them.")
        return method(self, *args, **kwargs)

    return guarded


class Editor:
    """Owns the open record. ``version`` goes up on every change; the autosaver compares it."""

    def __init__(self, conference: Conference, now: Callable[[], dt.datetime] = dt.datetime.now):
        self.conference = conference
        self.now = now
        self.version = 0
        self._undo: list[_Removed] = []

    def touch(self, what: str = "") -> None:
        """Count a change; while minutes are being amended, log what changed."""
        self.version += 1
        amendment = self.open_amendment()
        if amendment is not None and what and what not in amendment.changes:
            amendment.changes.append(what)

    def open_amendment(self) -> Amendment | None:
        """The amendment under way, if the finalised minutes have been reopened."""
        amendments = self.conference.amendments
        if self.conference.status == "draft" and amendments and not amendments[-1].finalised:
            return amendments[-1]
        return None

    @property
    def final(self) -> bool:
        return self.conference.status == "final"

    def finalise(self) -> None:
        """Mark the minutes final and read-only, and close any amendment."""
        if self.final:
            return
        stamp = self.now().replace(microsecond=0).isoformat()
        amendment = self.open_amendment()
        if amendment is not None:
            amendment.finalised = stamp
        self.conference.status = "final"
        self.conference.finalised_at = stamp
        self.version += 1

    def amend(self, reason: str) -> Amendment:
        """Reopen final minutes for a recorded change; ``reason`` says what and why."""
        if not self.final:
            raise ValueError("Only final minutes are amended; these are still a draft.")
        reason = clean_point(reason)
        if not reason:
            raise ValueError("Say what is being amended and why.")
        amendment = Amendment(started=self.now().replace(microsecond=0).isoformat(), reason=reason)
        self.conference.amendments.append(amendment)
        self.conference.status = "draft"
        self.version += 1
        return amendment

    # -- points

    def points(self, target: str) -> list[str]:
        return self.conference.target_list(target)

    @_edit
    def add_point(self, target: str, text: str) -> int | None:
        """File a point at the end of ``target``; its index, or None if there was nothing to file"""
        point = clean_point(text)
        if not point:
            return None
        if len(point) > MAX_TEXT:
            raise TooLong(f"A point can hold {MAX_TEXT:,} characters; this one has {len(point):,}.")
        points = self.points(target)
        points.append(point)
        self.touch(f"Point added under {TARGET_LABELS[target]}")
        return len(points) - 1

    @_edit
    def edit_point(self, target: str, index: int, text: str) -> bool:
        """Replace a point's text; an emptied point is deleted (undoable). True if it remains."""
        point = clean_point(text)
        if not point:
            self.delete_point(target, index)
            return False
        if len(point) > MAX_TEXT:
            raise TooLong(f"A point can hold {MAX_TEXT:,} characters; this one has {len(point):,}.")
        points = self.points(target)
        if points[index] != point:
            points[index] = point
            self.touch(f"Point {index + 1} under {TARGET_LABELS[target]} reworded")
        return True

    @_edit
    def delete_point(self, target: str, index: int) -> str:
        points = self.points(target)
        text = points.pop(index)

        def restore() -> None:
            self.points(target).insert(min(index, len(self.points(target))), text)

        self._remember(_Removed(f"point under {TARGET_LABELS[target]}", restore))
        return text

    @_edit
    def move_point(self, target: str, index: int, delta: int) -> int:
        """Move a point up (-1) or down (+1) within its list; its new index."""
        points = self.points(target)
        new = max(0, min(len(points) - 1, index + delta))
        if new != index:
            points.insert(new, points.pop(index))
            self.touch(f"Points reordered under {TARGET_LABELS[target]}")
        return new

    @_edit
    def move_to(self, target: str, index: int, new_target: str) -> int:
        """Move a point to the end of another heading; its index there."""
        if new_target == target:
            return index
        point = self.points(target).pop(index)
        destination = self.points(new_target)
        destination.append(point)
        self.touch(f"Point moved to {TARGET_LABELS[new_target]}")
        return len(destination) - 1

    # -- attendees

    @_edit
    def add_attendee(self, attendee: Attendee) -> int:
        self.conference.attendees.append(self._clean_attendee(attendee))
        self.touch("Attendee added")
        return len(self.conference.attendees) - 1

    @_edit
    def update_attendee(self, index: int, attendee: Attendee) -> None:
        self.conference.attendees[index] = self._clean_attendee(attendee)
        self.touch(f"Attendee {index + 1} changed")

    @_edit
    def delete_attendee(self, index: int) -> Attendee:
        attendee = self.conference.attendees.pop(index)

        def restore() -> None:
            self.conference.attendees.insert(index, attendee)

        self._remember(_Removed(f"attendee {attendee.name}", restore))
        return attendee

    @staticmethod
    def _clean_attendee(attendee: Attendee) -> Attendee:
        return Attendee(
            name=clean_point(attendee.name),
            role=clean_point(attendee.role),
            agency=clean_point(attendee.agency),
            attendance=attendee.attendance,
        )

    # -- intervention plan

    @_edit
    def add_action(self, action: Action) -> int:
        self.conference.actions.append(self._clean_action(action))
        self.touch("Plan row added")
        return len(self.conference.actions) - 1

    @_edit
    def action_from_point(self, target: str, index: int) -> int:
        """A new plan row whose worry is the point's text; its index."""
        return self.add_action(Action(worry=self.points(target)[index]))

    @_edit
    def update_action(self, index: int, action: Action) -> None:
        cleaned = self._clean_action(action)
        if self.conference.actions[index] != cleaned:
            self.conference.actions[index] = cleaned
            self.touch(f"Plan row {index + 1} changed")

    @_edit
    def delete_action(self, index: int) -> Action:
        action = self.conference.actions.pop(index)

        def restore() -> None:
            self.conference.actions.insert(index, action)

        self._remember(_Removed("plan row", restore))
        return action

    @_edit
    def move_action(self, index: int, delta: int) -> int:
        actions = self.conference.actions
        new = max(0, min(len(actions) - 1, index + delta))
        if new != index:
            actions.insert(new, actions.pop(index))
            self.touch("Plan rows reordered")
        return new

    @_edit
    def cycle_action_status(self, index: int) -> str:
        action = self.conference.actions[index]
        action.status = ACTION_STATUSES[
            (ACTION_STATUSES.index(action.status) + 1) % len(ACTION_STATUSES)
        ]
        self.touch(f"Plan row {index + 1} status: {action.status}")
        return action.status

    @staticmethod
    def _clean_action(action: Action) -> Action:
        fields = {
            name: clean_point(getattr(action, name))
            for name in (
                "worry",
                "helping",
                "goal",
                "intervention",
                "agency",
                "timescale",
                "progress",
            )
        }
        return Action(**fields, status=action.status)

    # -- scaling

    def score_for(self, attendee: str) -> Score | None:
        return next((s for s in self.conference.scaling.scores if s.attendee == attendee), None)

    @_edit
    def set_score(self, attendee: str, score: int | None) -> None:
        if score is not None and not 0 <= score <= 10:
            raise ValueError("A score is a whole number from 0 to 10.")
        entry = self.score_for(attendee)
        if entry is None:
            entry = Score(attendee=attendee)
            self.conference.scaling.scores.append(entry)
        if entry.score != score or entry.score is None:
            entry.score = score
            self.touch("Scaling scores changed")

    @_edit
    def set_reason(self, attendee: str, reason: str) -> None:
        entry = self.score_for(attendee)
        if entry is None:
            entry = Score(attendee=attendee)
            self.conference.scaling.scores.append(entry)
        self.set_field(entry, "reason", clean_point(reason))

    # -- privacy

    @_edit
    def dismiss_flags(self, keys: list[str]) -> None:
        """Remember that the chair has looked at these findings (``category:text``)."""
        new = [key for key in keys if key not in self.conference.dismissed_flags]
        if new:
            self.conference.dismissed_flags.extend(new)
            self.touch("Privacy flag dismissed")

    # -- plain fields (details, danger statement)

    @_edit
    def set_field(self, obj: object, name: str, value: str) -> None:
        if getattr(obj, name) != value:
            setattr(obj, name, value)
            self.touch(f"{type(obj).__name__} {name.replace('_', ' ')} changed")

    # -- agenda

    @_edit
    def next_agenda_item(self) -> int:
        """Start the next agenda item (the first one if the meeting has not started)."""
        agenda = self.conference.agenda
        if agenda.current + 1 >= len(agenda.items):
            return agenda.current
        return self.start_agenda_item(agenda.current + 1)

    @_edit
    def start_agenda_item(self, index: int) -> int:
        agenda = self.conference.agenda
        agenda.current = index
        item = agenda.items[index]
        if not item.started:
            item.started = self.now().replace(microsecond=0).isoformat()
        self.touch("Agenda item started")
        return index

    # -- undo

    def _remember(self, removed: _Removed) -> None:
        self._undo.append(removed)
        del self._undo[:-UNDO_DEPTH]
        self.touch(f"Deleted a {removed.describe}")

    def can_undo(self) -> bool:
        return bool(self._undo)

    @_edit
    def undo(self) -> str | None:
        """Put back the last thing deleted; what it was, or None if there is nothing to undo."""
        if not self._undo:
            return None
        removed = self._undo.pop()
        removed.restore()
        self.touch(f"Restored a {removed.describe}")
        return removed.describe


def next_target(target: str) -> str:
    return TARGET_KEYS[(TARGET_KEYS.index(target) + 1) % len(TARGET_KEYS)]


def previous_target(target: str) -> str:
    return TARGET_KEYS[(TARGET_KEYS.index(target) - 1) % len(TARGET_KEYS)]


@dataclass(frozen=True)
class AgendaStatus:
    """What the agenda bar shows; all times in whole seconds."""

    index: int  # -1 before the meeting starts
    count: int
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
        start = dt.datetime.strptime(d.start_time, "%H:%M")
        end = dt.datetime.strptime(d.end_time, "%H:%M")
        if end > start:
            return int((end - start).total_seconds())
    return sum(item.minutes for item in conference.agenda.items) * 60


def agenda_status(conference: Conference, now: dt.datetime) -> AgendaStatus:
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
