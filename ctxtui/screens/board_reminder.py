"""The confidentiality reminder on the board: shown to the room, above every section, from
the moment the board opens until the first point is filed (the discussion has begun)."""

from __future__ import annotations

from rich.box import Box
from rich.console import Console
from rich.panel import Panel
from rich.text import Text

from ctxtui.core.record import Conference
from ctxtui.core.recording import CONFIDENTIALITY_REMINDER, points_filed

TITLE = "Confidentiality"


def reminder_panel(
    conference: Conference | None, width: int, box: Box, console: Console
) -> tuple[Panel, int] | None:
    """The reminder in a box ``width`` wide and its height, while no point is filed."""
    if conference is None or points_filed(conference) or width < 10:
        return None
    text = Text(CONFIDENTIALITY_REMINDER, style="bold")
    given = conference.confidentiality_reminder
    if given:
        text.append(f"\nRead to the room at {given[11:16]}.", style="italic")
    height = len(text.wrap(console, max(width - 4, 4))) + 2
    panel = Panel(
        text,
        title=Text(TITLE, style="bold"),
        title_align="left",
        box=box,
        padding=(0, 1),
        width=width,
    )
    return panel, height
