"""The minute-taking screen's top line: whether the record is saved (and in the audit log),
then the minutes' status, kind, date and context. Redrawn only when its text changes: every
byte crosses the SSH link."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from ctxtui.meeting.meeting import Meeting
from ctxtui.widgets.host import host


class TopBar(Static):
    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.shown = ""

    def show(self, meeting: Meeting) -> None:
        symbols = host(self).symbols
        if meeting.read_only:
            state = "READ-ONLY"
        elif meeting.final:
            state = "FINAL"
        elif meeting.save_error:
            state = f"{symbols['warning']} NOT SAVED: {meeting.save_error}"
        elif meeting.unsaved:
            state = f"{symbols['unsaved']} unsaved"
        elif meeting.saved_at:
            state = f"{symbols['saved']} saved {meeting.saved_at:%H:%M:%S}"
        else:
            state = f"{symbols['saved']} saved"
        unlogged = None if meeting.save_error else meeting.audit_problem
        if unlogged:  # saved, but nobody would know who did it: the chair must see that
            state = f"{symbols['warning']} {state}, NOT IN THE AUDIT LOG: {unlogged}"
        text = Text(no_wrap=True, overflow="ellipsis")
        text.append(f"{state}  ", style="bold")
        c = meeting.conference
        text.append(f"{c.status} · {c.kind} · {c.dates.conference or 'no date'} · {c.context.name}")
        if text.plain != self.shown:
            self.shown = text.plain
            self.update(text)
        self.set_class(bool(meeting.save_error or unlogged), "-error")
