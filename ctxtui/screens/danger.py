"""The danger statement: free text, kept as it is typed.

The text box has its own undo (Ctrl+Z) and redo (Ctrl+Y); each step changes the record."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import TextArea

from ctxtui.core.record import strip_controls
from ctxtui.screens.sub import SubScreen


class DangerScreen(SubScreen):
    HELP_GROUP = "Danger statement"
    TITLE_TEXT = "Danger statement — kept as you type; {screen.back} goes back"
    # Ctrl+K deletes to the end of the line in the text box: here the flag goes with F9 alone
    DISMISS_KEY = "{danger.dismiss}"
    BINDINGS = [
        Binding("f9", "dismiss_flags", "Dismiss privacy flag", id="danger.dismiss", show=False)
    ]

    def flagged_texts(self) -> list[str]:
        return [self.meeting.conference.danger_statement]

    def body(self) -> ComposeResult:
        yield TextArea(
            self.meeting.conference.danger_statement,
            soft_wrap=True,
            read_only=self.meeting.locked,
            show_line_numbers=False,
            id="danger-text",
        )

    def on_mount(self) -> None:
        area = self.query_one(TextArea)
        area.move_cursor(area.document.end)  # carry on where the statement ends
        area.focus()

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        text = strip_controls(event.text_area.text)
        if text != self.meeting.conference.danger_statement:
            self.edit(lambda: self.meeting.set_field("danger_statement", text))
