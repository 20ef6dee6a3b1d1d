"""Preview: the minutes as they will be exported, read-only."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Markdown, Static

from ..widgets.keyhints import KeyHints


class PreviewScreen(Screen[str | None]):
    HELP_GROUP = "Preview"
    BINDINGS = [
        Binding("escape,q", "close", "Back", id="preview.back", priority=True),
        Binding("e", "export", "Export", id="preview.export"),
    ]

    def __init__(self, markdown: str) -> None:
        super().__init__()
        self.markdown = markdown

    def compose(self) -> ComposeResult:
        yield Static("Preview — ↑/↓ and PgUp/PgDn scroll · e: export · Escape: back", id="title")
        with VerticalScroll(id="preview"):
            yield Markdown(self.markdown, open_links=False)
        yield KeyHints()

    def on_mount(self) -> None:
        self.query_one("#preview").focus()

    def action_export(self) -> None:
        self.dismiss("export")

    def action_close(self) -> None:
        self.dismiss(None)
