"""The agenda: every item with its planned and actual start; Enter starts the chosen item."""

from __future__ import annotations

import datetime as dt

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ..editing import Editor
from ..resources import style
from ..widgets.keyhints import KeyHints


class AgendaScreen(Screen[None]):
    CSS_PATH = [style("lists")]
    HELP_GROUP = "Agenda"
    BINDINGS = [Binding("escape", "close", "Back", id="agenda.back")]

    def __init__(self, editor: Editor, read_only: bool = False) -> None:
        super().__init__()
        self.editor = editor
        self.read_only = read_only

    def compose(self) -> ComposeResult:
        yield Static("Agenda — Enter starts the highlighted item; Escape goes back", id="title")
        yield OptionList(id="agenda-items")
        yield KeyHints()

    def on_mount(self) -> None:
        self._show()
        self.query_one(OptionList).focus()

    def _show(self) -> None:
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
        if self.read_only:
            return
        self.editor.start_agenda_item(event.option_index)
        self._show()

    def action_close(self) -> None:
        self.dismiss(None)
