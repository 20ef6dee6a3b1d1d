"""The discussion beyond the four headings: current professional involvement (one point a
line), the location lead's view, young people's and parents' voice, how many are affected."""

from __future__ import annotations

from textual.widgets import Input, TextArea

from ctxtui.core.labels import FIELD_LABELS, SECTION_TITLES
from ctxtui.core.rules import clean_point
from ctxtui.guard.privacy import GUARDED_FIELDS
from ctxtui.meeting.meeting import Meeting
from ctxtui.screens.forms import Field, LiveForm

TEXT_FIELDS = ("location_lead_view", "voice", "young_people_affected")
FIELDS = [
    Field("involvement", f"{SECTION_TITLES['involvement']} (one a line)", "lines"),
    *[Field(name, FIELD_LABELS[f"discussion.{name}"]) for name in TEXT_FIELDS],
]


class DiscussionScreen(LiveForm):
    HELP_GROUP = "Discussion"

    def __init__(self, meeting: Meeting) -> None:
        super().__init__("Discussion", FIELDS, meeting, guarded=GUARDED_FIELDS["discussion"])

    def value_of(self, name: str) -> str:
        discussion = self.meeting_edited.conference.discussion
        if name == "involvement":
            return "\n".join(discussion.involvement)
        return str(getattr(discussion, name))

    def on_input_changed(self, event: Input.Changed) -> None:
        name, value = event.input.id or "", clean_point(event.value)
        if name in TEXT_FIELDS:
            meeting = self.meeting_edited
            self.apply(lambda: meeting.set_field(f"discussion.{name}", value))

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        meeting = self.meeting_edited
        self.apply(lambda: meeting.set_involvement(event.text_area.text))
