"""The list of conferences."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer, Header, OptionList
from textual.widgets.option_list import Option

from ..store import Store


class HomeScreen(Screen[None]):
    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store

    def compose(self) -> ComposeResult:
        yield Header()
        listing = self.store.list()
        yield OptionList(
            *[
                Option(f"{s.conference}  {s.context}  ({s.kind}, {s.status})", id=s.id)
                for s in listing.summaries
            ]
        )
        yield Footer()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        from .record import RecordScreen

        self.app.push_screen(RecordScreen(self.store, event.option.id))
