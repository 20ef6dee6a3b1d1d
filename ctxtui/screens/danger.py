"""The danger statement: free text, kept as it is typed (Ctrl+Z / Ctrl+Y undo and redo)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Static, TextArea

from ..model import strip_controls
from ..resources import style
from ..widgets.keyhints import KeyHints
from .base import MeetingScreen


class DangerScreen(MeetingScreen):
    CSS_PATH = [style("lists")]
    HELP_GROUP = "Danger statement"
    # The text box has its own undo (Ctrl+Z) and redo (Ctrl+Y), and each step changes the record.
    BINDINGS = [Binding("escape", "close", "Back", id="danger.back", priority=True)]

    def compose(self) -> ComposeResult:
        yield Static("Danger statement — kept as you type; Escape goes back", id="title")
        yield TextArea(
            self.editor.conference.danger_statement,
            soft_wrap=True,
            read_only=self.meeting.locked,
            show_line_numbers=False,
            id="danger-text",
        )
        yield KeyHints()

    def on_mount(self) -> None:
        area = self.query_one(TextArea)
        area.move_cursor(area.document.end)  # carry on where the statement ends
        area.focus()

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        text = strip_controls(event.text_area.text)
        if text != self.editor.conference.danger_statement:
            self.edit(lambda: self.editor.set_field("danger_statement", text))
