"""The board: a read-only live view of the minutes for the room's shared screen.

It never writes and never takes the writer's lock: it only reads the conference's file, checks
it a few times a second (inode, modification time, size) and redraws when the chair has saved.
While the file cannot be read (mid-replace, or broken) it keeps showing the last good copy.
Flagged details are held back (``board_text``). On a big screen every section is in view; on a
small one (80×24) the board shows one section at a time, turns to the section the chair has
just changed, and ←/→ turn the pages by hand.
"""

from __future__ import annotations

import os

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

from ..board_text import (
    BOARD_KEYS,
    BOARD_SHORT_TITLES,
    BOARD_TITLES,
    Section,
    board_sections,
    latest_change,
)
from ..meeting import Conferences, StoreError
from ..model import Conference
from ..resources import style

POLL_SECONDS = 0.25
# Below this size the board shows one section at a time.
PAGED_BELOW = (120, 36)


class BoardPane(VerticalScroll):
    """One section: its lines (numbered where they are points), the newest always in view."""

    def __init__(self, key: str) -> None:
        super().__init__(id=f"board-{key}", classes="board-pane")
        self.key = key
        self.points: list[str] = []
        self.border_title = BOARD_TITLES[key]

    def compose(self) -> ComposeResult:
        yield Static(classes="board-points")

    def show(self, section: Section) -> None:
        self.points = list(section.lines)
        shown: Table | Content
        if not self.points:
            shown = Content("—")
        elif section.numbered:
            # a grid, so that a long point wraps under its own text, not under its number
            shown = Table.grid(padding=(0, 1))
            shown.add_column(justify="right", style="dim", no_wrap=True)
            shown.add_column(ratio=1)
            for number, line in enumerate(self.points, 1):
                shown.add_row(f"{number}.", Text(line))
        else:
            shown = Content("\n").join(Content(line) for line in self.points)
        self.query_one(".board-points", Static).update(shown)
        self.border_subtitle = str(len(self.points)) if section.numbered else ""
        self.call_after_refresh(self.scroll_end, animate=False)


class BoardScreen(Screen[None]):
    CSS_PATH = [style("board")]
    HELP_GROUP = "Board"
    BINDINGS = [
        Binding("q,escape", "app.quit", "Close the board", id="board.quit"),
        Binding("right,n,pagedown", "turn(1)", "Next section", id="board.next"),
        Binding("left,p,pageup", "turn(-1)", "Previous section", id="board.previous"),
    ]

    def __init__(self, conferences: Conferences, conference_id: str) -> None:
        super().__init__()
        self.conferences = conferences
        self.conference_id = conference_id
        self.path = conferences.path_for(conference_id)
        self.stamp: tuple[int, int, int] | None = None
        self.conference: Conference | None = None
        self.sections: list[Section] = []
        self.current = BOARD_KEYS[0]
        self.problem: str | None = None
        self.title_text = ""

    def compose(self) -> ComposeResult:
        yield Static(id="board-title")
        with Grid(id="board-grid"):
            for key in BOARD_KEYS:
                yield BoardPane(key)
        yield Static(id="board-pages")

    def on_mount(self) -> None:
        self.poll()
        self._lay_out()
        self.set_interval(POLL_SECONDS, self.poll)

    def on_resize(self) -> None:
        self._lay_out()

    @property
    def paged(self) -> bool:
        return self.size.width < PAGED_BELOW[0] or self.size.height < PAGED_BELOW[1]

    def _lay_out(self) -> None:
        self.set_class(self.paged, "-paged")
        self._show_page()

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
            if f"{self.conferences.now():%H:%M}" not in self.title_text:
                self._show_title()  # the clock moved on
            return
        try:
            conference = self.conferences.load(self.conference_id)
        except StoreError:
            # mid-replace or broken: say so, keep the last good copy, try again next tick
            self.problem = "cannot read the minutes just now; showing the last copy"
            self._show_title()
            return
        sections = board_sections(conference)
        changed = latest_change(self.sections, sections) if self.sections else None
        self.stamp, self.conference, self.problem = stamp, conference, None
        self.sections = sections
        for section in sections:
            self.query_one(f"#board-{section.key}", BoardPane).show(section)
        if changed:
            self.current = changed  # follow the chair
        self._show_title()
        self._show_page()

    def action_turn(self, step: int) -> None:
        index = (BOARD_KEYS.index(self.current) + step) % len(BOARD_KEYS)
        self.current = BOARD_KEYS[index]
        self._show_page()

    def _show_page(self) -> None:
        for pane in self.query(BoardPane):
            pane.set_class(pane.key == self.current, "-current")
        pages = Text(no_wrap=True, overflow="ellipsis")
        for key in BOARD_KEYS:
            style = "bold reverse" if key == self.current else "dim"
            pages.append(f" {BOARD_SHORT_TITLES[key]} ", style=style)
        pages.append(" ←/→", style="dim")
        self.query_one("#board-pages", Static).update(pages)

    def _show_title(self) -> None:
        text = Text(no_wrap=True, overflow="ellipsis")
        c = self.conference
        if c is not None:
            # the room always sees whether these are the final minutes, and how fresh they are
            text.append(" FINAL " if c.status == "final" else " DRAFT ", style="reverse bold")
            text.append(f" {c.context.name or 'Context conference'}", style="bold")
            agenda = c.agenda
            if c.status != "final" and 0 <= agenda.current < len(agenda.items):
                text.append(f"  ·  Now: {agenda.items[agenda.current].title}")
            text.append(f"  ·  {self.conferences.now():%H:%M}", style="dim")
        if self.problem:
            text.append(f"  ·  {self.problem}", style="italic")
        self.title_text = text.plain
        self.query_one("#board-title", Static).update(text)
