"""The board: a read-only live view of the minutes for the room's shared screen.

It never writes and never takes the writer's lock: it only reads the conference's file, checks
it a few times a second (inode, modification time, size) and redraws when the chair has saved.
While the file cannot be read (mid-replace, or broken) it keeps showing the last good copy.
"""

from __future__ import annotations

import os

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

from ..labels import TARGET_KEYS, TARGET_LABELS
from ..meeting import Conferences, StoreError
from ..model import Conference
from ..resources import style
from ..widgets.points import numbered_point

POLL_SECONDS = 0.25


class BoardPane(VerticalScroll):
    """One heading: its points, numbered, the newest always in view."""

    def __init__(self, target: str) -> None:
        super().__init__(id=f"board-{target}", classes="board-pane")
        self.target = target
        self.points: list[str] = []
        self.border_title = TARGET_LABELS[target]

    def compose(self) -> ComposeResult:
        yield Static(classes="board-points")

    def show(self, points: list[str]) -> None:
        self.points = list(points)
        width = len(str(len(points))) + 2
        rows = [numbered_point(n, point, width, "") for n, point in enumerate(points, 1)]
        board = Content("\n").join(rows) if rows else Content("—")
        self.query_one(".board-points", Static).update(board)
        self.border_subtitle = str(len(points))
        self.call_after_refresh(self.scroll_end, animate=False)


class BoardScreen(Screen[None]):
    CSS_PATH = [style("board")]
    HELP_GROUP = "Board"
    BINDINGS = [Binding("q,escape", "app.quit", "Close the board", id="board.quit")]

    def __init__(self, conferences: Conferences, conference_id: str) -> None:
        super().__init__()
        self.conferences = conferences
        self.conference_id = conference_id
        self.path = conferences.path_for(conference_id)
        self.stamp: tuple[int, int, int] | None = None
        self.conference: Conference | None = None
        self.problem: str | None = None
        self.title_text = ""

    def compose(self) -> ComposeResult:
        yield Static(id="board-title")
        with Grid(id="board-grid"):
            for key in TARGET_KEYS:
                yield BoardPane(key)

    def on_mount(self) -> None:
        self.poll()
        self.set_interval(POLL_SECONDS, self.poll)

    def _file_stamp(self) -> tuple[int, int, int] | None:
        try:
            stat = os.stat(self.path)
        except OSError:
            return None
        return (stat.st_ino, stat.st_mtime_ns, stat.st_size)

    def poll(self) -> None:
        """Reload if the file changed; keep the last good copy while it cannot be read."""
        stamp = self._file_stamp()
        if stamp is not None and stamp == self.stamp and self.problem is None:
            return
        try:
            conference = self.conferences.load(self.conference_id)
        except StoreError:
            # mid-replace or broken: say so, keep the last good copy, try again next tick
            self.problem = "cannot read the minutes just now; showing the last copy"
            self._show_title()
            return
        self.stamp, self.conference, self.problem = stamp, conference, None
        for key in TARGET_KEYS:
            self.query_one(f"#board-{key}", BoardPane).show(conference.target_list(key))
        self._show_title()

    def _show_title(self) -> None:
        text = Text(no_wrap=True, overflow="ellipsis")
        c = self.conference
        if c is not None:
            text.append(c.context.name or "Context conference", style="bold")
            agenda = c.agenda
            if 0 <= agenda.current < len(agenda.items):
                text.append(f"  ·  Now: {agenda.items[agenda.current].title}")
        if self.problem:
            text.append(f"  ·  {self.problem}", style="italic")
        self.title_text = text.plain
        self.query_one("#board-title", Static).update(text)
