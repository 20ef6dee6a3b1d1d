"""The priority issues the lead practitioner chose from the assessment (at most three, most
important first): kept as typed, shown under the agenda bar, on the board and in the minutes."""

from __future__ import annotations

from textual.widgets import Input

from ctxtui.core.record import MAX_PRIORITIES, MAX_PRIORITY_TEXT
from ctxtui.meeting.meeting import Meeting
from ctxtui.screens.forms import Field, LiveForm

ORDINALS = ("First", "Second", "Third")
FIELDS = [
    Field(f"priority-{n}", f"{ORDINALS[n]} priority", placeholder="one short line")
    for n in range(MAX_PRIORITIES)
]


class PrioritiesScreen(LiveForm):
    HELP_GROUP = "Priorities"

    def __init__(self, meeting: Meeting) -> None:
        super().__init__("Priorities", FIELDS, meeting, guarded=[f.name for f in FIELDS])

    def value_of(self, name: str) -> str:
        priorities = self.meeting_edited.conference.priorities
        index = int(name.rsplit("-", 1)[1])
        return priorities[index] if index < len(priorities) else ""

    def on_mount(self) -> None:
        for f in FIELDS:
            self.query_one(f"#{f.name}", Input).max_length = MAX_PRIORITY_TEXT

    def on_input_changed(self, event: Input.Changed) -> None:
        typed = [self.query_one(f"#{f.name}", Input).value for f in FIELDS]
        meeting = self.meeting_edited
        self.apply(lambda: meeting.set_priorities(typed))
