"""Every change the chair makes to an open conference, with undo and redo of any change.

No UI here: the screens call these methods and redraw; tests call them directly. A change that
cannot be made raises :class:`Refused` (final minutes, a read-only copy, a bad value) with one
sentence for the chair; nothing is changed then.

Undo keeps a copy of the record from before each change (a deep copy of a 500-point record
takes about 2 ms here, and only filed changes take one: keystrokes into the same field join
one step), so every kind of change, now and later, is undone the same way.
"""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ctxtui.core.dates import DEFAULT_NATION
from ctxtui.core.due import date_or_none, review_after_move
from ctxtui.core.labels import ACTION_FIELD_FOR_TARGET, FIELD_LABELS, TARGET_KEYS, TARGET_LABELS
from ctxtui.core.record import (
    ACTION_STATUSES,
    ATTENDANCE,
    MAX_TEXT,
    Action,
    Amendment,
    Attendee,
    Circulation,
    Conference,
    Score,
    SkippedCheck,
    UnfiledLine,
)
from ctxtui.core.rules import (
    ROW_NAMES,
    BadValue,
    Finalised,
    ReadOnly,
    Refused,
    TooLong,
    check_length,
    clean_point,
    clean_row,
)

# re-exported: callers take the refusals and clean_point from the editor
__all__ = ["BadValue", "Editor", "Finalised", "ReadOnly", "Refused", "TooLong", "clean_point"]

UNDO_DEPTH = 100


@dataclass
class _Step:
    """One change that can be undone: the record as it was before, and what the change was."""

    what: str
    before: Conference
    group: object = None


class Editor:
    """Owns the open record. ``version`` goes up on every change; the autosaver compares it."""

    def __init__(
        self,
        conference: Conference,
        now: Callable[[], dt.datetime] = dt.datetime.now,
        read_only: bool = False,
        nation: str = DEFAULT_NATION,
    ) -> None:
        self.conference = conference
        self.now = now
        self.read_only = read_only
        self.read_only_why = "this conference is open for writing elsewhere"
        self.nation = nation
        self.version = 0
        self._undo: list[_Step] = []
        self._redo: list[_Step] = []

    # -- the one path every change takes

    @property
    def final(self) -> bool:
        return self.conference.status == "final"

    def refusal(self) -> str | None:
        """Why nothing may change now, or None if changes are allowed."""
        if self.read_only:
            return f"Read-only: {self.read_only_why}."
        if self.final:
            return "These minutes are final: choose Amend to change them."
        return None

    def _check(self) -> None:
        if self.read_only:
            raise ReadOnly(self.refusal())
        if self.final:
            raise Finalised(self.refusal())

    def _record(self, what: str, group: object = None) -> None:
        """Called by each change just before it alters the record: keeps the undo copy.
        Consecutive changes with the same ``group`` (typing into one field) are one step."""
        self._check()
        top = self._undo[-1] if self._undo else None
        if group is None or top is None or top.group != group or self._redo:
            self._undo.append(_Step(what, copy.deepcopy(self.conference), group))
            del self._undo[:-UNDO_DEPTH]
        self._redo.clear()

    def touch(self, what: str = "") -> None:
        """Count a change; while minutes are being amended, log what changed."""
        self.version += 1
        amendment = self.open_amendment()
        if amendment is not None and what and what not in amendment.changes:
            amendment.changes.append(what)

    def _restore(self, snapshot: Conference) -> None:
        # In place: screens hold this record object, not a copy. Circulation is a record of
        # mail that went out: no undo can call it back, so it is kept as it is.
        skipped = self.conference.names_check.skipped
        for f in dataclasses.fields(Conference):
            if f.name not in ("circulated", "unfiled"):
                setattr(self.conference, f.name, getattr(snapshot, f.name))
        self.conference.names_check.skipped = skipped

    def record_circulation(self, at: str, to: list[str]) -> None:
        """Record that the minutes went to ``to`` at ``at`` (final minutes too: sending them is
        not a change to them). Not undoable: the mail has gone."""
        if self.read_only:
            raise ReadOnly(self.refusal())
        self.conference.circulated.append(Circulation(at=at, to=list(to)))
        self.version += 1

    def keep_unfiled(self, target: str, text: str) -> None:
        """Keep a line typed but not filed, to give back on the next open (not undoable: it
        is not part of the minutes)."""
        if self.read_only:
            raise ReadOnly(self.refusal())
        if target not in TARGET_KEYS:
            raise Refused(f"There is no heading called {target!r}.")
        self.conference.unfiled = UnfiledLine(target, clean_point(text)[:MAX_TEXT])
        self.version += 1

    def take_unfiled(self) -> UnfiledLine | None:
        """The line kept by the last run, if any, now taken out of the record."""
        line = self.conference.unfiled
        if not line.text or self.read_only:
            return None
        self.conference.unfiled = UnfiledLine()
        self.version += 1
        return line

    def can_undo(self) -> bool:
        return bool(self._undo)

    def can_redo(self) -> bool:
        return bool(self._redo)

    def undo(self) -> str | None:
        """Undo the last change, whatever it was; what it was, or None if there is none."""
        self._check()
        if not self._undo:
            return None
        step = self._undo.pop()
        self._redo.append(_Step(step.what, copy.deepcopy(self.conference)))
        self._restore(step.before)
        self.touch(f"Undone: {step.what}")
        return step.what

    def redo(self) -> str | None:
        """Make again the change last undone; what it was, or None if there is none."""
        self._check()
        if not self._redo:
            return None
        step = self._redo.pop()
        self._undo.append(_Step(step.what, copy.deepcopy(self.conference)))
        self._restore(step.before)
        self.touch(step.what)
        return step.what

    def show(self, conference: Conference) -> None:
        """Read-only here: show the record as another window has saved it (not a change)."""
        self._restore(conference)
        self._undo.clear()
        self._redo.clear()
        self.version += 1

    def replace_record(self, conference: Conference, what: str) -> None:
        """Put a whole other version of the record in place (a rescued copy), undoably."""
        self._record(what)
        self._restore(conference)
        if conference.unfiled.text:  # a line the rescued run had not filed comes back too
            self.conference.unfiled = conference.unfiled
        self.touch(what)

    # -- finalise and amend (not undoable: each is a decision, recorded with its time)

    def open_amendment(self) -> Amendment | None:
        """The amendment under way, if the finalised minutes have been reopened."""
        amendments = self.conference.amendments
        if self.conference.status == "draft" and amendments and not amendments[-1].finalised:
            return amendments[-1]
        return None

    def finalise(self) -> None:
        """Mark the minutes final and read-only, and close any amendment."""
        if self.read_only:
            raise ReadOnly(self.refusal())
        if self.final:
            return
        held = date_or_none(self.conference.dates.conference)
        if held is not None and self.now().date() < held:
            raise Refused(
                f"The conference is on {held.isoformat()}: its minutes can be finalised from then."
            )
        stamp = self.now().replace(microsecond=0).isoformat()
        amendment = self.open_amendment()
        if amendment is not None:
            amendment.finalised = stamp
        self.conference.status = "final"
        self.conference.finalised_at = stamp
        self._forget_history()
        self.version += 1

    def amend(self, reason: str) -> Amendment:
        """Reopen final minutes for a recorded change; ``reason`` says what and why."""
        if self.read_only:
            raise ReadOnly(self.refusal())
        if not self.final:
            raise Refused("Only final minutes are amended; these are still a draft.")
        reason = clean_point(reason)
        if not reason:
            raise BadValue("Say what is being amended and why.")
        amendment = Amendment(started=self.now().replace(microsecond=0).isoformat(), reason=reason)
        self.conference.amendments.append(amendment)
        self.conference.status = "draft"
        self._forget_history()
        self.version += 1
        return amendment

    def _forget_history(self) -> None:
        # Undo must never step back across a finalise or an amendment.
        self._undo.clear()
        self._redo.clear()

    # -- points

    def points(self, target: str) -> list[str]:
        return self.conference.target_list(target)

    def _index(self, items: list, index: int, what: str) -> int:
        if not 0 <= index < len(items):
            raise Refused(f"That {what} is no longer there.")
        return index

    def add_point(self, target: str, text: str) -> int | None:
        """File a point at the end of ``target``; its index, or None if there was nothing to file"""
        point = check_length(clean_point(text))
        if not point:
            return None
        what = f"Point added under {TARGET_LABELS[target]}"
        self._record(what)
        points = self.points(target)
        points.append(point)
        self.touch(what)
        return len(points) - 1

    def edit_point(self, target: str, index: int, text: str) -> bool:
        """Replace a point's text; an emptied point is deleted. True if it remains."""
        point = check_length(clean_point(text))
        points = self.points(target)
        self._index(points, index, "point")
        if not point:
            self.delete_point(target, index)
            return False
        if points[index] != point:
            what = f"Point {index + 1} under {TARGET_LABELS[target]} reworded"
            self._record(what)
            points[index] = point
            self.touch(what)
        return True

    def delete_point(self, target: str, index: int) -> str:
        points = self.points(target)
        self._index(points, index, "point")
        what = f"Point {index + 1} under {TARGET_LABELS[target]} deleted"
        self._record(what)
        text = points.pop(index)
        self.touch(what)
        return text

    def move_point(self, target: str, index: int, delta: int) -> int:
        """Move a point up (-1) or down (+1) within its list; its new index."""
        what = f"Points reordered under {TARGET_LABELS[target]}"
        return self._move(self.points(target), index, delta, "point", what)

    def _move(self, items: list, index: int, delta: int, name: str, what: str) -> int:
        """Move one entry of a list up (-1) or down (+1); its new index."""
        self._index(items, index, name)
        new = max(0, min(len(items) - 1, index + delta))
        if new != index:
            self._record(what)
            items.insert(new, items.pop(index))
            self.touch(what)
        return new

    def move_to(self, target: str, index: int, new_target: str) -> int:
        """Move a point to the end of another heading; its index there."""
        self._index(self.points(target), index, "point")
        if new_target == target:
            return index
        what = f"Point moved to {TARGET_LABELS[new_target]}"
        self._record(what)
        destination = self.points(new_target)
        destination.append(self.points(target).pop(index))
        self.touch(what)
        return len(destination) - 1

    # -- the tables of the record: attendees, plan rows, referrals, distribution

    def add_row(self, table: str, row: Any) -> int:
        cleaned = clean_row(row)
        what = f"{ROW_NAMES[table].capitalize()} added"
        self._record(what)
        rows = getattr(self.conference, table)
        rows.append(cleaned)
        self.touch(what)
        return len(rows) - 1

    def update_row(self, table: str, index: int, row: Any) -> None:
        rows = getattr(self.conference, table)
        self._index(rows, index, ROW_NAMES[table])
        cleaned = clean_row(row)
        if rows[index] != cleaned:
            what = f"{ROW_NAMES[table].capitalize()} {index + 1} changed"
            self._record(what)
            rows[index] = cleaned
            self.touch(what)

    def delete_row(self, table: str, index: int) -> Any:
        rows = getattr(self.conference, table)
        self._index(rows, index, ROW_NAMES[table])
        what = f"{ROW_NAMES[table].capitalize()} {index + 1} deleted"
        self._record(what)
        row = rows.pop(index)
        self.touch(what)
        return row

    def move_row(self, table: str, index: int, delta: int) -> int:
        name = ROW_NAMES[table]
        return self._move(getattr(self.conference, table), index, delta, name, f"{name}s reordered")

    def add_attendee(self, attendee: Attendee) -> int:
        return self.add_row("attendees", attendee)

    def update_attendee(self, index: int, attendee: Attendee) -> None:
        self.update_row("attendees", index, attendee)

    def delete_attendee(self, index: int) -> Attendee:
        return self.delete_row("attendees", index)

    def move_attendee(self, index: int, delta: int) -> int:
        return self.move_row("attendees", index, delta)

    def cycle_attendance(self, index: int) -> str:
        """present → apologies → absent → present; the new value."""
        self._index(self.conference.attendees, index, "attendee")
        current = self.conference.attendees[index]
        following = ATTENDANCE[(ATTENDANCE.index(current.attendance) + 1) % len(ATTENDANCE)]
        self.update_attendee(index, dataclasses.replace(current, attendance=following))
        return following

    def toggle_core_group(self, index: int) -> bool:
        """Put the attendee in the core group, or take them out; True if now in it."""
        self._index(self.conference.attendees, index, "attendee")
        name = self.conference.attendees[index].name
        group = self.conference.core_group
        what = f"Core group: {name} {'left' if name in group else 'joined'}"
        self._record(what)
        if name in group:
            group.remove(name)
        else:
            group.append(name)
        self.touch(what)
        return name in group

    def add_action(self, action: Action) -> int:
        return self.add_row("actions", action)

    def update_action(self, index: int, action: Action) -> None:
        self.update_row("actions", index, action)

    def delete_action(self, index: int) -> Action:
        return self.delete_row("actions", index)

    def move_action(self, index: int, delta: int) -> int:
        return self.move_row("actions", index, delta)

    def action_from_point(self, target: str, index: int) -> Action:
        """A new plan row (not yet added) with the point's text in the column its heading
        feeds: a concern becomes the worry, a strength what is helping, and so on."""
        points = self.points(target)
        self._index(points, index, "point")
        return Action(**{ACTION_FIELD_FOR_TARGET[target]: points[index]})

    def cycle_action_status(self, index: int) -> str:
        self._index(self.conference.actions, index, "plan row")
        action = self.conference.actions[index]
        status = ACTION_STATUSES[(ACTION_STATUSES.index(action.status) + 1) % len(ACTION_STATUSES)]
        self.update_action(index, dataclasses.replace(action, status=status))
        return status

    # -- scaling

    def score_for(self, attendee: str) -> Score | None:
        return next((s for s in self.conference.scaling.scores if s.attendee == attendee), None)

    def _score_entry(self, attendee: str) -> Score:
        entry = self.score_for(attendee)
        if entry is None:
            entry = Score(attendee=attendee)
            self.conference.scaling.scores.append(entry)
        return entry

    def set_score(self, attendee: str, score: int | None) -> None:
        if score is not None and not 0 <= score <= 10:
            raise BadValue("A score is a whole number from 0 to 10.")
        entry = self.score_for(attendee)
        if entry is not None and entry.score == score:
            return
        self._record(f"Score for {attendee} changed")
        self._score_entry(attendee).score = score
        self.touch("Scaling scores changed")

    def set_reason(self, attendee: str, reason: str) -> None:
        reason = check_length(clean_point(reason), "A reason")
        entry = self.score_for(attendee)
        if (entry.reason if entry else "") == reason:
            return
        self._record(f"Reasoning of {attendee} changed", ("reason", attendee))
        self._score_entry(attendee).reason = reason
        self.touch("Scaling reasoning changed")

    # -- privacy

    def dismiss_flags(self, keys: list[str]) -> None:
        """Remember that the chair has looked at these findings (``category:text``)."""
        new = [key for key in keys if key not in self.conference.dismissed_flags]
        if new:
            self._record("Privacy flag dismissed")
            self.conference.dismissed_flags.extend(new)
            self.touch("Privacy flag dismissed")

    def answer_names(self, words: list[str], *, is_name: bool) -> None:
        """The chair's answer to the names check for these words (one undo step). A name is
        flagged wherever it stands from now on; a word that is not a name is never asked
        about again in this conference."""
        check = self.conference.names_check
        into, other = (check.names, check.not_names) if is_name else (check.not_names, check.names)
        new = [word for word in words if word not in into]
        if not new:
            return
        what = "Marked as a name" if is_name else "Marked as not a name"
        self._record(what)
        into.extend(new)
        other[:] = [word for word in other if word not in new]
        self.touch(what)

    def record_skipped_check(self, at: str, by: str) -> None:
        """Minutes left without the names check (``by``: how). Not undoable: they have gone."""
        if self.read_only:
            raise ReadOnly(self.refusal())
        self.conference.names_check.skipped.append(SkippedCheck(at=at, by=by))
        self.version += 1

    # -- single fields (details, danger statement, the scaling question)

    def value(self, path: str) -> str:
        """The value of a field named as in ``FIELD_LABELS`` (``dates.review``)."""
        owner, name = self._owner(path)
        return str(getattr(owner, name))

    def set_field(self, path: str, value: str) -> None:
        """Set one field; keystrokes into the same field are one undo step."""
        owner, name = self._owner(path)
        check_length(value, FIELD_LABELS[path])
        if getattr(owner, name) == value:
            return
        what = f"{FIELD_LABELS[path]} changed"
        self._record(what, ("field", path))
        if path == "dates.conference":
            d = self.conference.dates
            d.review = review_after_move(d.conference, value, d.review, self.nation)
        setattr(owner, name, value)
        self.touch(what)

    def set_involvement(self, text: str) -> None:
        """Current professional involvement, one point a line (typing is one undo step)."""
        lines = [point for point in (clean_point(line) for line in text.splitlines()) if point]
        for line in lines:
            check_length(line)
        if lines != self.conference.discussion.involvement:
            what = "Current professional involvement changed"
            self._record(what, ("field", "discussion.involvement"))
            self.conference.discussion.involvement = lines
            self.touch(what)

    def _owner(self, path: str) -> tuple[object, str]:
        if path not in FIELD_LABELS:
            raise KeyError(path)
        *parents, name = path.split(".")
        owner: object = self.conference
        for parent in parents:
            owner = getattr(owner, parent)
        return owner, name

    # -- agenda

    def next_agenda_item(self) -> int:
        """Start the next agenda item (the first one if the meeting has not started)."""
        agenda = self.conference.agenda
        if agenda.current + 1 >= len(agenda.items):
            return agenda.current
        return self.start_agenda_item(agenda.current + 1)

    def start_agenda_item(self, index: int) -> int:
        agenda = self.conference.agenda
        self._index(agenda.items, index, "agenda item")
        item = agenda.items[index]
        self._record(f"Agenda item {index + 1} started")
        agenda.current = index
        if not item.started:
            item.started = self.now().replace(microsecond=0).isoformat()
        self.touch("Agenda item started")
        return index
