"""The agenda: every item with its planned and actual start; Enter starts the chosen item."""

from __future__ import annotations

import datetime as dt

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ..resources import style
from ..widgets.keyhints import KeyHints
from .base import MeetingScreen


class AgendaScreen(MeetingScreen):
    CSS_PATH = [style("lists")]
    HELP_GROUP = "Agenda"
    BINDINGS = [Binding("escape", "close", "Back", id="agenda.back", priority=True)]

    def compose(self) -> ComposeResult:
        yield Static("Agenda — Enter starts the highlighted item; Escape goes back", id="title")
        yield OptionList(id="agenda-items")
        yield KeyHints()

    def on_mount(self) -> None:
        self.changed()
        self.query_one(OptionList).focus()

    def changed(self) -> None:
        agenda = self.editor.conference.agenda
        items = self.query_one(OptionList)
        items.clear_options()
        for n, item in enumerate(agenda.items):
            started = (
                dt.datetime.fromisoformat(item.started).strftime("%H:%M")
                if item.started
                else "--:--"
            )
            marker = self.app.symbols["current"] if n == agenda.current else " "
            items.add_option(Option(Text(f"{marker} {started}  {item.minutes:>3}m  {item.title}")))
        items.highlighted = max(agenda.current, 0)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.edit(lambda: self.editor.start_agenda_item(event.option_index))
