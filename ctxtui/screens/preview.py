"""Preview: the minutes as they will be exported, read-only.

The Markdown is laid out once, in a worker thread, into lines that the view only copies to the
screen as they scroll into sight: a long record opens at once (a widget per paragraph and table
took seconds), and PgUp/PgDn turn a whole screen.
"""

from __future__ import annotations

from rich.console import Console
from rich.markdown import Markdown
from rich.segment import Segment
from rich.style import Style
from textual.app import ComposeResult
from textual.binding import Binding
from textual.geometry import Size
from textual.screen import Screen
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widgets import Static

from ctxtui.resources import style
from ctxtui.widgets.keyhints import KeyHints


def parts(markdown: str) -> list[str]:
    """The Markdown cut before each heading of its second level, so that the first screen
    can be shown before the rest is laid out."""
    cuts = [0] + [i + 1 for i in range(len(markdown)) if markdown.startswith("\n## ", i)]
    return [markdown[a:b] for a, b in zip(cuts, [*cuts[1:], len(markdown)], strict=True)]


def lay_out(markdown: str, width: int) -> list[Strip]:
    """The Markdown as lines of ``width`` cells (plain Rich rendering: safe in a thread)."""
    console = Console(width=width, color_system="truecolor", force_terminal=True, file=None)
    lines = console.render_lines(
        Markdown(markdown, hyperlinks=False), console.options.update(width=width), pad=True
    )
    return [Strip(line, width) for line in lines]


class MinutesView(ScrollView, can_focus=True):
    """The minutes, laid out in a worker for the width the view has, drawn only where they
    show."""

    BINDINGS = [
        Binding("pageup,b", "page_up", "Page up", id="preview.page_up", show=False),
        Binding("pagedown,space", "page_down", "Page down", id="preview.page_down", show=False),
    ]

    def __init__(self, markdown: str, **kwargs) -> None:
        super().__init__(**kwargs)
        self.markdown = markdown
        self.lines: list[Strip] = []
        self.laid_out_for = 0

    def on_resize(self) -> None:
        width = max(self.scrollable_content_region.width - 1, 20)
        if width != self.laid_out_for:
            self.laid_out_for = width
            self.run_worker(
                lambda: self._lay_out(width), thread=True, group="preview", exclusive=True
            )

    def _lay_out(self, width: int) -> None:
        lines: list[Strip] = []
        first_screen = True
        for part in parts(self.markdown):
            lines += lay_out(part, width)
            if first_screen and len(lines) >= 2 * self.size.height:
                first_screen = False
                self.app.call_from_thread(self.show, list(lines), width)  # the rest follows
        self.app.call_from_thread(self.show, lines, width)

    def show(self, lines: list[Strip], width: int) -> None:
        if not self.is_attached or width != self.laid_out_for:
            return  # closed meanwhile, or laid out again for a new width
        self.lines = lines
        self.virtual_size = Size(width, len(lines))
        self.refresh()

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        index = scroll_y + y
        width = self.size.width
        if index >= len(self.lines):
            return Strip([Segment(" " * width, Style())], width)
        return self.lines[index].crop_extend(scroll_x, scroll_x + width, None)


class PreviewScreen(Screen[str | None]):
    HELP_GROUP = "Preview"
    CSS_PATH = [style("lists")]
    BINDINGS = [
        Binding("escape,q", "close", "Back", id="preview.back", priority=True),
        Binding("e", "export", "Export", id="preview.export"),
    ]

    def __init__(self, markdown: str) -> None:
        super().__init__()
        self.markdown = markdown

    def compose(self) -> ComposeResult:
        yield Static("Preview — ↑/↓ and PgUp/PgDn scroll · e: export · Escape: back", id="title")
        yield MinutesView(self.markdown, id="preview")
        yield KeyHints()

    def on_mount(self) -> None:
        self.query_one(MinutesView).focus()

    def action_export(self) -> None:
        self.dismiss("export")

    def action_close(self) -> None:
        self.dismiss(None)
