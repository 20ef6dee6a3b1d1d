"""Actions across conferences, from the list of conferences: every chain's plan rows still to
do (the rows of its last conference), the overdue ones alone at first; o shows them all or the
overdue again, Enter opens the conference a row belongs to."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ctxtui.meeting.meeting import ActionLine, Conferences, StoreError
from ctxtui.resources import style
from ctxtui.widgets.host import host
from ctxtui.widgets.keyhints import KeyHints
from ctxtui.widgets.keymap import with_keys
from ctxtui.widgets.lists import Options

MOST_SHOWN = 200  # the list is for reading: `ctxtui actions` prints them all


class ActionsScreen(Screen[None]):
    HELP_GROUP = "Actions across conferences"
    CSS_PATH = [style("lists")]
    BINDINGS = [
        Binding("escape", "back", "Back", id="actions.back", priority=True),
        Binding("o", "overdue", "Overdue only / every row", id="actions.overdue"),
    ]

    def __init__(self, conferences: Conferences, overdue_only: bool = True) -> None:
        super().__init__()
        self.conferences = conferences
        self.overdue_only = overdue_only
        self.rows: list[ActionLine] = []

    def compose(self) -> ComposeResult:
        yield Static(id="title")
        yield Options(id="action-rows")
        yield KeyHints()

    def on_mount(self) -> None:
        self.show()
        self.query_one(OptionList).focus()

    def show(self) -> None:
        try:
            rows, problems = self.conferences.open_actions(
                host(self).now().date(), overdue_only=self.overdue_only
            )
        except StoreError as error:
            self.notify(str(error), severity="error")
            rows, problems = [], []
        for problem in problems:
            self.notify(problem.message(), severity="warning", timeout=10)
        self.rows = rows[:MOST_SHOWN]
        which = "Overdue actions" if self.overdue_only else "Actions still to do"
        more = f" (the first {MOST_SHOWN} of {len(rows)})" if len(rows) > MOST_SHOWN else ""
        title = f"{which}{more} — {{actions.overdue}}: " + (
            "every row" if self.overdue_only else "overdue only"
        )
        self.query_one("#title", Static).update(
            with_keys(f"{title} · Enter opens", self.BINDINGS, host(self).keymap)
        )
        options = self.query_one(OptionList)
        options.clear_options()
        if not self.rows:
            empty = "No action is overdue." if self.overdue_only else "No actions still to do."
            options.add_option(Option(Text(empty, style="italic"), disabled=True))
            return
        options.add_options([Option(_line(row), id=str(i)) for i, row in enumerate(self.rows)])
        options.highlighted = 0

    def action_overdue(self) -> None:
        self.overdue_only = not self.overdue_only
        self.show()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is not None:
            host(self).open_conference(self.rows[int(event.option.id)].conference)

    def action_back(self) -> None:
        self.dismiss(None)


def _line(row: ActionLine) -> Text:
    text = Text()
    text.append(f"{row.due or 'no date':<10} ", "bold reverse" if row.overdue else "bold")
    text.append(f" {row.agency or 'no agency'}: {row.intervention or '(no intervention)'}")
    text.append(f"\n   {row.context}, row {row.row} · {row.status}", "dim")
    if row.progress:
        text.append(f" · {row.progress}", "dim")
    return text
