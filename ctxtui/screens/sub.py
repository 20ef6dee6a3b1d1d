"""The screens opened from the minute-taking screen (attendance, the plan, scaling, the agenda,
the danger statement, the names check): a title line, the screen's body and the key bar. Apart
from ``base`` so that the first frame does not wait for a class it does not show."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Static

from ctxtui.meeting.meeting import flag_sentence
from ctxtui.resources import style
from ctxtui.screens.base import MeetingScreen
from ctxtui.widgets.host import host
from ctxtui.widgets.keyhints import KeyHints


class SubScreen(MeetingScreen):
    """A screen opened from the minute-taking screen: a title line, its body and the key bar.
    Escape goes back at once (a priority key, so the keys typed after it reach the screen
    beneath)."""

    CSS_PATH = [style("lists")]
    TITLE_TEXT = ""
    DISMISS_KEY = "{privacy.dismiss}"
    BINDINGS = [
        Binding("escape", "close", "Back", id="screen.back", priority=True),
        Binding(
            "ctrl+k,f9", "dismiss_flags", "Dismiss privacy flag", id="privacy.dismiss", show=False
        ),
    ]

    def compose(self) -> ComposeResult:
        yield Static(Text(self.with_keys(self.TITLE_TEXT)), id="title")
        yield from self.body()
        yield Static(id="flag-line")
        yield KeyHints()

    def body(self) -> ComposeResult:
        raise NotImplementedError

    def flagged_texts(self) -> list[str]:
        """The free text the chair is looking at, for the flag line (none by default)."""
        return []

    def on_mount(self) -> None:
        self.show_flags()

    def show_flags(self) -> None:
        hits = self.meeting.open_hits_in(self.flagged_texts())
        line = self.query_one("#flag-line", Static)
        symbol = host(self).symbols["flag"]
        sentence = flag_sentence(hits, self.with_keys(self.DISMISS_KEY))
        line.update(Text(f"{symbol} {sentence}") if hits else "")
        line.set_class(bool(hits), "-shown")

    def action_dismiss_flags(self) -> None:
        hits = self.meeting.open_hits_in(self.flagged_texts())
        if not hits:
            self.notify("Nothing here is flagged.", timeout=3)
        elif self.edit(lambda: self.meeting.dismiss_flags([hit.key for hit in hits]))[0]:
            self.notify("Flag dismissed: the text stays as it is.", timeout=3)
