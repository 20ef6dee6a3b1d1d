"""Changes to the record's tables: attendees, plan rows, referrals and the distribution list.

A table is named by its field on the record (``ROW_NAMES`` in ``core.rules``); every row is
cleaned and checked on its way in.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from ctxtui.core.record import ACTION_STATUSES, MEETING_ATTENDANCE, Action
from ctxtui.core.recording import offset_now
from ctxtui.core.rules import ROW_NAMES, clean_row
from ctxtui.meeting.history import History, existing

# what a row's form never shows, so an edit through it keeps them: the agreement a person
# signed (recorded with its own key) and where in the recording a plan row was added
KEPT_ON_EDIT = ("agreement_signed", "agreement_reference", "recording_offset")


def keep_unshown(old: Any, new: Any) -> None:
    """Give ``new`` the fields of ``old`` that a form never shows, where ``new`` has none."""
    for name in KEPT_ON_EDIT:
        if hasattr(new, name) and not getattr(new, name):
            setattr(new, name, getattr(old, name))


class RowEdits:
    def __init__(self, history: History) -> None:
        self.history = history

    def of(self, table: str) -> list[Any]:
        rows: list[Any] = getattr(self.history.conference, table)
        return rows

    def add(self, table: str, row: Any) -> int:
        cleaned = clean_row(row)
        if isinstance(cleaned, Action) and not cleaned.recording_offset:
            now = self.history.now()
            cleaned.recording_offset = offset_now(self.history.conference.recording, now)
        what = f"{ROW_NAMES[table].capitalize()} added"
        self.history.before_change(what)
        rows = self.of(table)
        rows.append(cleaned)
        self.history.changed(what)
        return len(rows) - 1

    def update(self, table: str, index: int, row: Any) -> None:
        rows = self.of(table)
        existing(rows, index, ROW_NAMES[table])
        cleaned = clean_row(row)
        keep_unshown(rows[index], cleaned)
        if rows[index] != cleaned:
            what = f"{ROW_NAMES[table].capitalize()} {index + 1} changed"
            self.history.before_change(what)
            rows[index] = cleaned
            self.history.changed(what)

    def delete(self, table: str, index: int) -> Any:
        rows = self.of(table)
        existing(rows, index, ROW_NAMES[table])
        what = f"{ROW_NAMES[table].capitalize()} {index + 1} deleted"
        self.history.before_change(what)
        row = rows.pop(index)
        self.history.changed(what)
        return row

    def move(self, table: str, index: int, delta: int) -> int:
        name = ROW_NAMES[table]
        return self.history.move_entry(self.of(table), index, delta, name, f"{name}s reordered")

    def cycle_attendance(self, index: int) -> str:
        """present → apologies → absent → present; the new value."""
        attendees = self.history.conference.attendees
        current = attendees[existing(attendees, index, "attendee")]
        # in the room: present, apologies, absent; an invitee not yet marked comes first
        states = MEETING_ATTENDANCE
        now = current.attendance
        following = states[(states.index(now) + 1) % len(states)] if now in states else states[0]
        self.update("attendees", index, dataclasses.replace(current, attendance=following))
        return following

    def toggle_core_group(self, index: int) -> bool:
        """Put the attendee in the core group, or take them out; True if now in it."""
        attendees = self.history.conference.attendees
        name = attendees[existing(attendees, index, "attendee")].name
        group = self.history.conference.core_group
        what = f"Core group: {name} {'left' if name in group else 'joined'}"
        self.history.before_change(what)
        if name in group:
            group.remove(name)
        else:
            group.append(name)
        self.history.changed(what)
        return name in group

    def cycle_action_status(self, index: int) -> str:
        actions = self.history.conference.actions
        action = actions[existing(actions, index, "plan row")]
        status = ACTION_STATUSES[(ACTION_STATUSES.index(action.status) + 1) % len(ACTION_STATUSES)]
        self.update("actions", index, dataclasses.replace(action, status=status))
        return status
