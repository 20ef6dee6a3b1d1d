"""Finding every mention of a name across the data folder, and taking it out: for a subject
access or erasure request. Type a name and Enter; each line says which conference, which
copy and where. r redacts what is highlighted (its conference, or its whole chain)."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from ctxtui.core.rules import Refused
from ctxtui.meeting.meeting import Conferences, StoreError
from ctxtui.resources import style
from ctxtui.widgets.host import host
from ctxtui.widgets.keyhints import KeyHints
from ctxtui.widgets.keymap import with_keys
from ctxtui.widgets.lists import Options

TITLE = (
    "Search every record and copy — type a name, Enter · {search.redact_key}: redact · "
    "{search.back}: back"
)


class SearchScreen(Screen[None]):
    HELP_GROUP = "Search"
    CSS_PATH = [style("lists")]
    BINDINGS = [
        Binding("escape", "back", "Back", id="search.back", priority=True),
        Binding("ctrl+r", "redact", "Redact", id="search.redact"),
        Binding("r", "redact", "Redact", id="search.redact_key", show=False),
        Binding("down", "to_results", "Results", id="search.results", show=False),
    ]

    def __init__(self, conferences: Conferences) -> None:
        super().__init__()
        self.conferences = conferences
        self.looked_for = ""
        self.found_ids: list[str] = []  # the conference of each line the list shows

    def compose(self) -> ComposeResult:
        yield Static(with_keys(TITLE, self.BINDINGS, host(self).keymap), id="title")
        yield Input(placeholder="A word or name (case and accents do not matter)", id="needle")
        yield Options(id="mentions")
        yield Static("", id="search-summary")
        yield KeyHints()

    def on_mount(self) -> None:
        self.query_one("#needle", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.look_for(event.value)

    def look_for(self, text: str) -> None:
        options = self.query_one("#mentions", OptionList)
        options.clear_options()
        try:
            found = self.conferences.find(text)
        except (Refused, StoreError) as error:
            self.query_one("#search-summary", Static).update(str(error))
            return
        self.looked_for = text
        self.found_ids = [mention.conference_id for mention in found.mentions]
        shown: list[Option] = []
        for mention in found.mentions:
            line = Text(no_wrap=True, overflow="ellipsis")
            line.append(f"{mention.conference_id or 'every conference'}", style="bold")
            line.append(f"  {mention.copy.kind}: {mention.place}")
            if mention.count > 1:
                line.append(f" ({mention.count} times)", style="dim")
            shown.append(Option(line, id=f"m{len(shown)}"))
        options.add_options(shown)
        total = sum(m.count for m in found.mentions)
        places = len(found.mentions)
        summary = f"{total} mention(s) in {places} place(s)." if places else "Found nowhere."
        if found.unread:
            summary += f" {len(found.unread)} file(s) could not be read: " + " ".join(
                problem.message() for problem in found.unread
            )
        self.query_one("#search-summary", Static).update(Text(summary))
        if found.mentions:
            options.highlighted = 0

    def action_to_results(self) -> None:
        options = self.query_one("#mentions", OptionList)
        if options.option_count:
            options.focus()

    def action_back(self) -> None:
        if self.query_one("#mentions", OptionList).has_focus:
            self.query_one("#needle", Input).focus()
            return
        self.dismiss(None)

    def action_redact(self) -> None:
        from ctxtui.screens.forms import Field, FormScreen

        options = self.query_one("#mentions", OptionList)
        index = options.highlighted
        if index is None or not self.looked_for:
            self.notify("Search first, then highlight a mention to redact.")
            return
        conference_id = self.found_ids[index]
        if not conference_id:
            self.notify("That copy is the audit log, which is never rewritten.", timeout=6)
            return
        fields = [
            Field("replacement", "Replace with", placeholder="[redacted]"),
            Field("reason", "Why (kept in the amendment)"),
            Field("scope", "Where", "choice", ("this conference", "its whole chain")),
        ]

        def chosen(values: dict[str, str] | None) -> None:
            if values is not None:
                self._redact(conference_id, values)

        title = f"Take {self.looked_for!r} out of {conference_id}"
        self.app.push_screen(FormScreen(title, fields, {"replacement": "[redacted]"}), chosen)

    def _redact(self, conference_id: str, values: dict[str, str]) -> None:
        try:
            ids = (
                self.conferences.chain_of(conference_id)
                if values.get("scope") == "its whole chain"
                else [conference_id]
            )
            done = self.conferences.redact(
                ids, self.looked_for, values.get("replacement") or "[redacted]", values["reason"]
            )
        except (Refused, StoreError) as error:
            self.notify(str(error), severity="error")
            return
        for cid, why in done.refused.items():
            self.notify(f"{cid} not redacted: {why}", severity="error", timeout=10)
        for problem in done.unread:
            self.notify(f"Not redacted: {problem.message()}", severity="error", timeout=10)
        self.notify(f"Replaced {done.total} mention(s).", timeout=10)
        self.look_for(self.looked_for)
        if done.handed_out:
            lines = ["Made or sent before the redaction (recall them):", *done.recall_lines()]
            self.query_one("#search-summary", Static).update(Text("\n".join(lines)))
