"""The written contributions a sentence at a time, beside (or instead of) the points: Enter puts
the sentence in the capture line to edit and file, Down or s skips it, Up goes back."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from rich.console import Group
from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.widget import Widget

from ctxtui.core.record import Conference
from ctxtui.core.sentences import sentences

AHEAD = 6  # sentences shown after the current one


@dataclass(frozen=True)
class Sentence:
    text: str
    source: str  # who sent it: agency, author


def all_sentences(conference: Conference) -> list[Sentence]:
    out: list[Sentence] = []
    for contribution in conference.contributions:
        who = " · ".join(p for p in (contribution.agency, contribution.author) if p)
        out += [Sentence(text, who or contribution.source) for text in sentences(contribution.text)]
    return out


class ContributionPanel(Widget, can_focus=True):
    HELP_GROUP = "Written contributions"
    BINDINGS = [
        Binding("enter", "pull", "Into the line", id="contributions.pull"),
        Binding("down,s", "skip", "Skip", id="contributions.skip"),
        Binding("up", "back", "Back", id="contributions.back", show=False),
        Binding("escape", "close", "Close", id="contributions.close"),
        Binding("ctrl+t", "heading(True)", "Next heading", id="contributions.next_heading"),
        Binding(
            "shift+tab", "heading(False)", "Heading before", id="contributions.previous_heading"
        ),
    ]

    class Pulled(Message):
        """The chair wants this sentence in the capture line."""

        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text

    class Closed(Message):
        pass

    class HeadingStep(Message):
        """The chair moves the heading the sentences will be filed under."""

        def __init__(self, forward: bool) -> None:
            super().__init__()
            self.forward = forward

    def __init__(self, flags: Callable[[str], str], **kwargs) -> None:
        super().__init__(**kwargs)
        self.flags = flags  # a sentence's privacy flag, said in words ("" when none)
        self.items: list[Sentence] = []
        self.at = 0

    def load(self, conference: Conference) -> None:
        """The sentences as the record now has them; the place kept if it still exists."""
        self.items = all_sentences(conference)
        self.at = min(self.at, max(len(self.items) - 1, 0))
        self.refresh()

    def render(self) -> Group:
        if not self.items:
            return Group(Text("No written contributions.", style="dim"))
        current = self.items[self.at]
        title = Text(no_wrap=True, overflow="ellipsis")
        title.append(f"Written contributions {self.at + 1}/{len(self.items)}", style="bold")
        title.append(f" · {current.source}")
        lines: list[Text] = [title, Text("")]
        lines.append(Text(f"▶ {current.text}", style="bold reverse"))
        flag = self.flags(current.text)
        if flag:
            lines.append(Text(f"  {flag}", style="bold"))
        lines.append(Text(""))
        for item in self.items[self.at + 1 : self.at + 1 + AHEAD]:
            lines.append(Text(f"  {item.text}", style="dim", no_wrap=True, overflow="ellipsis"))
        if self.at == len(self.items) - 1:
            lines.append(Text("  (the last sentence)", style="dim"))
        return Group(*lines)

    def action_pull(self) -> None:
        if self.items:
            self.post_message(self.Pulled(self.items[self.at].text))
            self._step(1)

    def action_skip(self) -> None:
        self._step(1)

    def action_back(self) -> None:
        self._step(-1)

    def action_heading(self, forward: bool) -> None:
        self.post_message(self.HeadingStep(forward))

    def action_close(self) -> None:
        self.post_message(self.Closed())

    def _step(self, delta: int) -> None:
        self.at = max(0, min(self.at + delta, len(self.items) - 1))
        self.refresh()
