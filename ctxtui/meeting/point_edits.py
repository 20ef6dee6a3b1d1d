"""Changes to the points filed under the headings (and the safety goals)."""

from __future__ import annotations

from ctxtui.core.labels import ACTION_FIELD_FOR_TARGET, TARGET_LABELS
from ctxtui.core.record import Action
from ctxtui.core.recording import follow_point, mark_point
from ctxtui.core.rules import check_length, clean_point
from ctxtui.meeting.history import History, existing


class PointEdits:
    def __init__(self, history: History) -> None:
        self.history = history

    def of(self, target: str) -> list[str]:
        """The points under one heading, as stored (not a copy)."""
        return self.history.conference.target_list(target)

    def add(self, target: str, text: str) -> int | None:
        """File a point at the end of ``target``; its index, or None if there was nothing to file"""
        point = check_length(clean_point(text))
        if not point:
            return None
        what = f"Point added under {TARGET_LABELS[target]}"
        self.history.before_change(what)
        points = self.of(target)
        points.append(point)
        mark_point(self.history.conference, target, point, self.history.now())
        self.history.changed(what)
        return len(points) - 1

    def edit(self, target: str, index: int, text: str) -> bool:
        """Replace a point's text; an emptied point is deleted. True if it remains."""
        point = check_length(clean_point(text))
        points = self.of(target)
        existing(points, index, "point")
        if not point:
            self.delete(target, index)
            return False
        if points[index] != point:
            what = f"Point {index + 1} under {TARGET_LABELS[target]} reworded"
            self.history.before_change(what)
            follow_point(self.history.conference, target, index, text=point)
            points[index] = point
            self.history.changed(what)
        return True

    def delete(self, target: str, index: int) -> str:
        points = self.of(target)
        existing(points, index, "point")
        what = f"Point {index + 1} under {TARGET_LABELS[target]} deleted"
        self.history.before_change(what)
        follow_point(self.history.conference, target, index)
        text = points.pop(index)
        self.history.changed(what)
        return text

    def move(self, target: str, index: int, delta: int) -> int:
        """Move a point up (-1) or down (+1) within its list; its new index."""
        what = f"Points reordered under {TARGET_LABELS[target]}"
        return self.history.move_entry(self.of(target), index, delta, "point", what)

    def move_to(self, target: str, index: int, new_target: str) -> int:
        """Move a point to the end of another heading; its index there."""
        existing(self.of(target), index, "point")
        if new_target == target:
            return index
        what = f"Point moved to {TARGET_LABELS[new_target]}"
        self.history.before_change(what)
        follow_point(self.history.conference, target, index, to=new_target)
        destination = self.of(new_target)
        destination.append(self.of(target).pop(index))
        self.history.changed(what)
        return len(destination) - 1

    def as_action(self, target: str, index: int) -> Action:
        """A new plan row (not yet added) with the point's text in the column its heading
        feeds: a concern becomes the worry, a strength what is helping, and so on."""
        points = self.of(target)
        existing(points, index, "point")
        return Action(**{ACTION_FIELD_FOR_TARGET[target]: points[index]})
