"""The agenda bar: the current item, time in it, the meeting clock, a warning when time is short;
and beneath, when the conference has them, the priorities the room keeps to."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from rich.text import Text
from textual.widgets import Static

from ctxtui.core.agenda import agenda_status, clock
from ctxtui.core.record import Conference
from ctxtui.widgets.fit import shared, shortened
from ctxtui.widgets.host import host


class AgendaBar(Static):
    def __init__(self, conference: Conference, now: Callable[[], dt.datetime], **kwargs) -> None:
        super().__init__(**kwargs)
        self.conference = conference
        self.now = now
        self._shown = ""

    def on_mount(self) -> None:
        self.refresh_status()
        self.set_interval(1, self.refresh_status)

    def on_resize(self) -> None:
        self.refresh_status()

    def refresh_status(self) -> None:
        """One line for the agenda and one for the priorities, each made to fit the width (cut
        at a word with "…"): a long agenda title never pushes the priorities off."""
        status = agenda_status(self.conference, self.now())
        width = max(self.size.width, 20)
        text = Text(no_wrap=True, overflow="ellipsis")
        if status.current < 0:
            text.append(
                shortened("Agenda: not started — Ctrl+N starts the first item", width), style="dim"
            )
            self.set_class(False, "-warning")
        else:
            if status.warning:
                text.append(f"{host(self).symbols['warning']} {status.warning} ", style="bold")
            text.append(f"{status.current + 1}/{status.item_count} ", style="bold")
            text.append(f"{clock(status.item_elapsed)}/{status.item_planned // 60}m · ")
            text.append(
                f"meeting {clock(status.meeting_elapsed)}/{clock(status.meeting_planned)} · "
            )
            text.append(shortened(status.title, width - len(text.plain)))
            self.set_class(bool(status.warning), "-warning")
        if self.conference.priorities:
            label = "Priorities: "
            numbered = [f"{n}. {p}" for n, p in enumerate(self.conference.priorities, 1)]
            text.append("\n" + label, style="bold")
            text.append(shared(numbered, width - len(label)))
        if text.plain != self._shown:  # the clock ticks each second; redraw only what changed
            self._shown = text.plain
            self.update(text)
