"""The danger statement: free text, applied as it is typed."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Static, TextArea

from ..editing import Editor
from ..model import strip_controls
from ..resources import style
from ..widgets.keyhints import KeyHints


class DangerScreen(Screen[None]):
    CSS_PATH = [style("lists")]
    HELP_GROUP = "Danger statement"
    BINDINGS = [Binding("escape", "close", "Back", id="danger.back")]

    def __init__(self, editor: Editor, read_only: bool = False) -> None:
        super().__init__()
        self.editor = editor
        self.read_only = read_only

    def compose(self) -> ComposeResult:
        yield Static("Danger statement — kept as you type; Escape goes back", id="title")
        yield TextArea(
            self.editor.conference.danger_statement,
            soft_wrap=True,
            read_only=self.read_only,
            show_line_numbers=False,
            id="danger-text",
        )
        yield KeyHints()

    def on_mount(self) -> None:
        area = self.query_one(TextArea)
        area.move_cursor(area.document.end)  # carry on where the statement ends
        area.focus()

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        if not self.read_only:
            text = strip_controls(event.text_area.text)
            self.editor.set_field(self.editor.conference, "danger_statement", text)

    def action_close(self) -> None:
        self.dismiss(None)
