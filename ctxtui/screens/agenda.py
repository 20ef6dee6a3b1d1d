"""The agenda: every item with its planned and actual start; Enter starts the chosen item."""

from __future__ import annotations

import datetime as dt

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from ctxtui.screens.sub import SubScreen
from ctxtui.widgets.host import host
from ctxtui.widgets.lists import Options


class AgendaScreen(SubScreen):
    HELP_GROUP = "Agenda"
    TITLE_TEXT = "Agenda — Enter starts the highlighted item; {screen.back} goes back"

    def body(self) -> ComposeResult:
        yield Options(id="agenda-items")

    def on_mount(self) -> None:
        self.changed()
        self.query_one(OptionList).focus()

    def changed(self) -> None:
        agenda = self.meeting.conference.agenda
        items = self.query_one(OptionList)
        items.clear_options()
        for n, item in enumerate(agenda.items):
            started = (
                dt.datetime.fromisoformat(item.started).strftime("%H:%M")
                if item.started
                else "--:--"
            )
            marker = host(self).symbols["current"] if n == agenda.current else " "
            items.add_option(Option(Text(f"{marker} {started}  {item.minutes:>3}m  {item.title}")))
        items.highlighted = max(agenda.current, 0)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.edit(lambda: self.meeting.start_agenda_item(event.option_index))
