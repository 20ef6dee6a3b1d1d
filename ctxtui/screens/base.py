"""What every screen over an open conference shares: the meeting, the one path a change takes
(``edit``), and undo/redo of any change."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from textual.binding import Binding, BindingType
from textual.screen import Screen

from ctxtui.core.rules import Refused
from ctxtui.meeting.meeting import Meeting
from ctxtui.widgets.capture import CaptureInput
from ctxtui.widgets.host import host
from ctxtui.widgets.keymap import declared_bindings, with_keys

T = TypeVar("T")

UNDO_BINDINGS: list[BindingType] = [
    Binding("ctrl+z", "undo", "Undo", id="edit.undo"),
    Binding("ctrl+r", "redo", "Redo", id="edit.redo", show=False),
]


def run_change(screen: Screen, change: Callable[[], T]) -> tuple[bool, T | None]:
    """Make one change; a refusal (final minutes, read-only, a bad value) becomes a notice.
    (done, result)."""
    try:
        return True, change()
    except Refused as refusal:
        screen.notify(str(refusal), severity="warning")
        return False, None


def undo_or_redo(screen: Screen, meeting: Meeting, *, redo: bool = False) -> bool:
    """Undo (or redo) the last change, whatever it was, and say what it was; True if done."""
    step, verb, nothing = (
        (meeting.redo, "Redone", "Nothing to redo.")
        if redo
        else (meeting.undo, "Undone", "Nothing to undo.")
    )
    done, what = run_change(screen, step)
    if done:
        screen.notify(f"{verb}: {what}." if what else nothing, timeout=3)
    return done


def refused(screen: Screen, meeting: Meeting, *, on_final_too: bool = True) -> bool:
    """True, with the reason said, when this step may not go ahead: asked before a form or a
    dialog opens, so nothing is typed in vain. ``on_final_too=False`` for the steps that final
    minutes allow (finalising, amending, sending), refused only on a read-only copy."""
    refusal = meeting.refusal() if on_final_too or meeting.read_only else None
    if refusal:
        screen.notify(refusal, severity="warning")
    return refusal is not None


class MeetingScreen(Screen[None]):
    """A screen that shows and changes one open conference."""

    BINDINGS = UNDO_BINDINGS

    def __init__(self, meeting: Meeting, classes: str | None = None) -> None:
        super().__init__(classes=classes)
        self.meeting = meeting

    def edit(self, change: Callable[[], T]) -> tuple[bool, T | None]:
        """Every change a screen makes goes through here: then the screen redraws."""
        done, result = run_change(self, change)
        if done:
            self.changed()
            self.show_flags()
        return done, result

    def refused(self) -> bool:
        """True (and the reason said) when nothing may change: final or read-only minutes.
        Asked before opening a form or a text box, so nothing is typed in vain."""
        return refused(self, self.meeting)

    def with_keys(self, text: str) -> str:
        """``text`` with each ``{binding id}`` as its key (this screen's and the capture
        line's bindings, the keymap applied)."""
        known = [
            *declared_bindings(type(self)),
            *CaptureInput.BINDINGS,
            *CaptureInput.POINT_BINDINGS,
        ]
        return with_keys(text, known, host(self).keymap)

    def changed(self) -> None:
        """Redraw after a change (or an undo); each screen shows what it needs."""

    def show_flags(self) -> None:
        """Show the privacy flags of what the chair is looking at (screens with a flag line)."""

    def action_undo(self) -> None:
        if undo_or_redo(self, self.meeting):
            self.changed()
            self.show_flags()

    def action_redo(self) -> None:
        if undo_or_redo(self, self.meeting, redo=True):
            self.changed()
            self.show_flags()

    def action_close(self) -> None:
        self.dismiss(None)
