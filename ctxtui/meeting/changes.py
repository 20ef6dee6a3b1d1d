"""What the screens may read and change of an open record, each change through the editor's
history (undoable, refused on final or read-only minutes). The screens reach the record only
through these and the layers above; the editor itself stays inside the meeting package."""

from __future__ import annotations

from typing import Any

from ctxtui.core.record import Action, Amendment, Score, UnfiledLine
from ctxtui.meeting.open_record import OpenRecord


class PointsAndRows(OpenRecord):
    """The points under each heading, the record's tables and the scores."""

    def points_of(self, target: str) -> list[str]:
        return self.editor.points.of(target)

    def point_at(self, target: str, index: int) -> str | None:
        points = self.editor.points.of(target)
        return points[index] if 0 <= index < len(points) else None

    def add_point(self, target: str, text: str) -> int | None:
        return self.editor.points.add(target, text)

    def edit_point(self, target: str, index: int, text: str) -> bool:
        return self.editor.points.edit(target, index, text)

    def delete_point(self, target: str, index: int) -> str:
        return self.editor.points.delete(target, index)

    def move_point(self, target: str, index: int, delta: int) -> int:
        return self.editor.points.move(target, index, delta)

    def move_point_to(self, target: str, index: int, new_target: str) -> int:
        return self.editor.points.move_to(target, index, new_target)

    def point_as_action(self, target: str, index: int) -> Action:
        return self.editor.points.as_action(target, index)

    def add_row(self, table: str, row: Any) -> int:
        return self.editor.rows.add(table, row)

    def update_row(self, table: str, index: int, row: Any) -> None:
        self.editor.rows.update(table, index, row)

    def delete_row(self, table: str, index: int) -> Any:
        return self.editor.rows.delete(table, index)

    def move_row(self, table: str, index: int, delta: int) -> int:
        return self.editor.rows.move(table, index, delta)

    def cycle_status(self, table: str, index: int) -> str:
        """The row's next status: present/apologies/absent, or a plan row's open/done/…"""
        if table == "attendees":
            return self.editor.rows.cycle_attendance(index)
        return self.editor.rows.cycle_action_status(index)

    def toggle_core_group(self, index: int) -> bool:
        return self.editor.rows.toggle_core_group(index)

    def score_of(self, attendee: str) -> Score | None:
        return self.editor.scores.of(attendee)

    def set_score(self, attendee: str, score: int | None) -> None:
        self.editor.scores.set_score(attendee, score)

    def set_reason(self, attendee: str, reason: str) -> None:
        self.editor.scores.set_reason(attendee, reason)


class RecordChanges(PointsAndRows):
    """The record's single fields, the agenda, undo and redo, and what stops a change."""

    @property
    def final(self) -> bool:
        return self.editor.final

    def refusal(self) -> str | None:
        """Why nothing may change now (final or read-only minutes), or None."""
        return self.editor.refusal()

    def value(self, path: str) -> str:
        return self.editor.value(path)

    def set_field(self, path: str, value: str) -> None:
        self.editor.set_field(path, value)

    def set_involvement(self, text: str) -> None:
        self.editor.set_involvement(text)

    def set_priorities(self, texts: list[str]) -> None:
        self.editor.set_priorities(texts)

    def dismiss_flags(self, keys: list[str]) -> None:
        self.editor.dismiss_flags(keys)

    def take_unfiled(self) -> UnfiledLine | None:
        return self.editor.take_unfiled()

    def next_agenda_item(self) -> int:
        return self.editor.next_agenda_item()

    def start_agenda_item(self, index: int) -> int:
        return self.editor.start_agenda_item(index)

    def open_amendment(self) -> Amendment | None:
        return self.editor.open_amendment()

    def undo(self) -> str | None:
        return self.editor.undo()

    def redo(self) -> str | None:
        return self.editor.redo()
