"""A plain read-only view of one conference."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from ..model import CAPTURE_TARGETS, Conference
from ..store import Store


def record_text(conference: Conference) -> Text:
    c = conference
    text = Text()
    text.append(f"{c.context.name}\n", style="bold")
    text.append(f"{c.context.type} · {c.kind} · {c.status} · {c.dates.conference}\n\n")
    text.append("Attendees\n", style="bold underline")
    for a in c.attendees:
        text.append(f"  {a.name} — {a.role}, {a.agency} ({a.attendance})\n")
    text.append("\nDanger statement\n", style="bold underline")
    text.append(f"  {c.danger_statement}\n")
    for key, label in CAPTURE_TARGETS:
        text.append(f"\n{label}\n", style="bold underline")
        for point in c.target_list(key):
            text.append(f"  • {point}\n")
    text.append("\nIntervention plan\n", style="bold underline")
    for action in c.actions:
        text.append(f"  • {action.intervention} — {action.agency}, {action.timescale}\n")
    return text


class RecordScreen(Screen[None]):
    BINDINGS = [("escape", "app.pop_screen", "Back")]

    def __init__(self, store: Store, conference_id: str) -> None:
        super().__init__()
        self.conference = store.load(conference_id)

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll():
            yield Static(record_text(self.conference))
        yield Footer()
