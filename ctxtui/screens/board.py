"""The board: a read-only live view of the minutes for the room's shared screen.

It never writes and never takes the writer's lock: it only reads the conference's file, checks
it ten times a second (inode, modification time, size) and redraws when the chair has saved.
While the file cannot be read (mid-replace, or broken) it keeps showing the last good copy.
Flagged details are held back (``board_text``).

Each section is as tall as what it holds. At any size the board shows as many whole sections as
fit — in two columns from 120 columns wide — starting with the one the chair changed last, and
a line at the bottom names those that did not fit; ←/→ choose the section that comes first.
A section too tall for the room left shows its newest rows, whole, and says how many are above
(so a long list fills the screen instead of leaving it empty).
"""

from __future__ import annotations

import os

from rich import box
from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Static

from ctxtui.core.record import Conference
from ctxtui.guard.board_text import (
    BOARD_KEYS,
    BOARD_SHORT_TITLES,
    BOARD_TITLES,
    Section,
    board_sections,
    latest_change,
)
from ctxtui.meeting.meeting import Conferences, StoreError
from ctxtui.resources import style
from ctxtui.screens.board_reminder import reminder_panel
from ctxtui.widgets.fit import shortened

POLL_SECONDS = 0.1
TWO_COLUMNS_FROM = 120  # columns
CLIPPED_AT_LEAST = 6  # lines left in a column for a section shown by its newest rows only


class SectionBox:
    """Draws one section in a box of a given width, and says how tall it is without drawing
    it: each row's height is worked out once (Rich's own wrapping) and kept, so that laying
    out the board after a change costs only the new rows."""

    def __init__(self, console: Console, ascii_only: bool = False) -> None:
        self.console = console
        self.box = box.ASCII if ascii_only else box.HEAVY
        self._heights: dict[tuple[str, int], int] = {}

    @staticmethod
    def widths(section: Section, width: int) -> tuple[int, int]:
        """(number column, text column) inside a box ``width`` wide (border and padding: 4)."""
        inside = max(width - 4, 4)
        if not section.numbered:
            return 0, inside
        number = len(f"{len(section.lines)}.")
        return number, max(inside - number - 1, 1)

    def row_height(self, line: str, width: int) -> int:
        key = (line, width)
        if key not in self._heights:
            self._heights[key] = len(Text(line).wrap(self.console, width)) or 1
        return self._heights[key]

    def height(self, section: Section, width: int, skip: int = 0) -> int:
        _number, text = self.widths(section, width)
        if not section.lines:
            return 3
        rows = sum(self.row_height(line, text) for line in section.lines[skip:])
        return 2 + rows + (1 if skip else 0)

    def rows_to_skip(self, section: Section, width: int, room: int) -> int:
        """The fewest first rows to leave out so that the rest fits whole (all but the newest
        row, at worst)."""
        _number, text = self.widths(section, width)
        used = 3  # the border and the line that says how many rows are above
        shown = 0
        for line in reversed(section.lines):
            needed = self.row_height(line, text)
            if shown and used + needed > room:
                break
            used += needed
            shown += 1
        return len(section.lines) - shown

    def panel(self, section: Section, width: int, skip: int = 0) -> Panel:
        """The section in its box: points numbered (a long point wraps under its own text),
        ``skip`` rows left out at the top with a line that says so."""
        number, text = self.widths(section, width)
        lines = section.lines[skip:]
        body: RenderableType
        if not section.lines:
            body = Text("—", style="dim")
        elif section.numbered:
            body = Table.grid(padding=(0, 1))
            body.add_column(justify="right", style="dim", no_wrap=True, width=number)
            body.add_column(width=text)
            for n, line in enumerate(lines, skip + 1):
                body.add_row(f"{n}.", Text(line, style="bold"))
        else:
            body = Text("\n".join(lines), style="bold")
        if skip:
            above = f"… {skip} earlier {'row' if skip == 1 else 'rows'} above"
            body = Group(Text(above, style="dim italic", no_wrap=True, overflow="ellipsis"), body)
        return Panel(
            body,
            title=Text(BOARD_TITLES[section.key], style="bold"),
            title_align="left",
            subtitle=str(len(section.lines)) if section.numbered else None,
            subtitle_align="right",
            box=self.box,
            padding=(0, 1),
            width=width,
        )


class BoardScreen(Screen[None]):
    HELP_GROUP = "Board"
    CSS_PATH = [style("board")]
    BINDINGS = [
        Binding("q,escape", "app.quit", "Close the board", id="board.quit"),
        Binding("right,n,pagedown", "turn(1)", "Next section first", id="board.next"),
        Binding("left,p,pageup", "turn(-1)", "Previous section first", id="board.previous"),
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
        self.shown: list[str] = []  # the sections in view, top to bottom, column by column
        self.clipped: dict[str, int] = {}  # a section shown without its first rows: how many
        self.hidden: list[str] = []  # the sections that did not fit
        self._held_back: dict[tuple[object, ...], str] = {}
        self._section_box: SectionBox | None = None

    def compose(self) -> ComposeResult:
        yield Static(id="board-title")
        with Horizontal(id="board-columns"):
            yield Static(id="board-column-0", classes="board-column")
            yield Static(id="board-column-1", classes="board-column")
        yield Static(id="board-more")

    def on_mount(self) -> None:
        self.poll()
        self.set_interval(POLL_SECONDS, self.poll)

    def on_resize(self) -> None:
        self._lay_out()

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
        sections = board_sections(conference, self._held_back)
        changed = latest_change(self.sections, sections) if self.sections else None
        self.stamp, self.conference, self.problem = stamp, conference, None
        self.sections = sections
        if changed:
            self.current = changed  # follow the chair
        self._show_title()
        self._lay_out()

    def _keys(self) -> list[str]:
        """The sections this conference has, in board order."""
        present = {section.key for section in self.sections}
        return [key for key in BOARD_KEYS if key in present]

    def action_turn(self, step: int) -> None:
        keys = self._keys()
        if not keys:
            return
        start = keys.index(self.current) if self.current in keys else 0
        self.current = keys[(start + step) % len(keys)]
        self._lay_out()

    def _lay_out(self) -> None:
        """Place whole sections, the current one first, each in the column with most room."""
        width, height = self.size
        if not self.sections or width < 10 or height < 5:
            return
        columns = 2 if width >= TWO_COLUMNS_FROM else 1
        column_width = (width - (columns - 1)) // columns
        room = [height - 2] * columns  # the title line and the line of what is not shown
        placed: list[list[Panel]] = [[] for _ in range(columns)]
        by_key = {section.key: section for section in self.sections}
        keys = self._keys()
        start = keys.index(self.current) if self.current in keys else 0
        self.shown, self.clipped, self.hidden = [], {}, []
        boxes = self._boxes()
        reminder = reminder_panel(self.conference, column_width, boxes.box, self.app.console)
        if reminder is not None:  # until the first point is filed
            placed[0].append(reminder[0])
            room[0] -= reminder[1]
        for n, key in enumerate(keys[start:] + keys[:start]):
            if max(room) <= 0:
                self.hidden.append(key)
                continue
            column = max(range(columns), key=lambda c: room[c])
            section, skip = by_key[key], 0
            needed = boxes.height(section, column_width)
            if needed > room[column] and (n == 0 or room[column] >= CLIPPED_AT_LEAST):
                # too tall for what is left: its newest rows, whole, fill the column
                skip = boxes.rows_to_skip(section, column_width, room[column])
                needed = boxes.height(section, column_width, skip)
            if needed > room[column]:
                self.hidden.append(key)
                continue
            placed[column].append(boxes.panel(section, column_width, skip))
            room[column] -= needed
            self.shown.append(key)
            if skip:
                self.clipped[key] = skip
        for column in range(2):
            static = self.query_one(f"#board-column-{column}", Static)
            static.display = column < columns
            static.styles.width = column_width
            static.styles.margin = (0, 1 if column == 0 and columns == 2 else 0, 0, 0)
            static.update(Group(*placed[column]) if column < columns else "")
        self._show_more()

    def _boxes(self) -> SectionBox:
        ascii_only = self.app.has_class("-ascii")
        if self._section_box is None or self._section_box.box is not (
            box.ASCII if ascii_only else box.HEAVY
        ):
            self._section_box = SectionBox(self.app.console, ascii_only)
        return self._section_box

    def _show_more(self) -> None:
        """The line at the bottom: what did not fit (with counts if there is room)."""
        hint = "  ·  ←/→ choose the first section"
        if not self.hidden:
            text = Text(" Every section is shown" + hint, style="dim", no_wrap=True)
        else:
            counted = [
                f"{BOARD_SHORT_TITLES[key]} ({len(self._section(key).lines)})"
                for key in self.hidden
            ]
            names = [BOARD_SHORT_TITLES[key] for key in self.hidden]
            room = self.size.width - 2
            listed = next(
                (
                    (", ".join(items), tail)
                    for items, tail in ((counted, hint), (names, hint), (names, ""))
                    if len(" Not shown: " + ", ".join(items) + tail) <= room
                ),
                (", ".join(names), ""),
            )
            text = Text(no_wrap=True, overflow="ellipsis")
            text.append(" Not shown: ", style="bold")
            text.append(listed[0])
            text.append(listed[1], style="dim")
        self.query_one("#board-more", Static).update(text)

    def _section(self, key: str) -> Section:
        return next(section for section in self.sections if section.key == key)

    def _show_title(self) -> None:
        text = Text(no_wrap=True, overflow="ellipsis")
        c = self.conference
        if c is not None:
            # the room always sees whether these are the final minutes, and how fresh they are
            text.append(" FINAL " if c.status == "final" else " DRAFT ", style="reverse bold")
            text.append(f" {self.conferences.now():%H:%M} ", style="bold")
            agenda = c.agenda
            now = ""
            if c.status != "final" and 0 <= agenda.current < len(agenda.items):
                now = f"  ·  Now: {agenda.items[agenda.current].title}"
            name = f" {c.context.name or 'Context conference'}"
            # whole phrases on one line: the place is shortened first, then the agenda item
            room = max(self.size.width, 40) - len(text.plain)
            name = shortened(name, max(room - len(now), min(len(name), 16)))
            text.append(name, style="bold")
            text.append(shortened(now, room - len(name)))
        if self.problem:
            text.append(f"  ·  {self.problem}", style="italic")
        self.title_text = text.plain
        self.query_one("#board-title", Static).update(text)
