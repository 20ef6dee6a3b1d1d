"""Small modal dialogs: a yes/no question, and one choice from a list."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from ctxtui.resources import style
from ctxtui.widgets.keyqueue import AsksAfresh
from ctxtui.widgets.lists import Options

# (key that picks it or None, label, value returned)
Entry = tuple[str | None, str, str]


class ConfirmDialog(ModalScreen[bool], AsksAfresh):
    """A yes/no question: y or Enter for yes, n or Escape for no. Keys typed before it
    appeared (the rest of a burst meant for the screen before) are never its answer."""

    CSS_PATH = [style("dialogs")]
    BINDINGS = [
        Binding("y,enter", "answer(True)", "Yes", id="confirm.yes", priority=True),
        Binding("n,escape", "answer(False)", "No", id="confirm.no", priority=True),
    ]

    def __init__(self, question: str, details: list[str] | None = None) -> None:
        super().__init__()
        self.question = question
        self.details = details or []
        self._told = False

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            if self.details:
                with VerticalScroll(classes="details"):
                    yield Static(Text("\n".join(self.details)))
            yield Static(Text(self.question, style="bold"), classes="question")  # wraps
            yield Label("[b]y[/b] / Enter: yes    [b]n[/b] / Escape: no", classes="hint")

    def on_mount(self) -> None:
        self.mark_asked(self.app.keys)  # type: ignore[attr-defined]

    def typed_before(self) -> None:
        if not self._told:
            self._told = True
            self.notify(
                "Keys typed before this question were not taken as its answer: press y or n.",
                severity="warning",
            )

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)


class ChoiceDialog(ModalScreen[str | None]):
    """Pick one entry: press its key (its number with ``numbered``), or move and press Enter;
    Escape cancels."""

    CSS_PATH = [style("dialogs")]
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="choice.cancel", priority=True)]

    def __init__(
        self, title: str, entries: Sequence[Entry], *, numbered: bool = False, menu: bool = False
    ) -> None:
        super().__init__()
        self.title_text = title
        self.menu = menu  # a menu of every part: drawn compact, to fit 80×24 whole
        if numbered:
            entries = [
                (str(n) if n < 10 else None, label, value)
                for n, (_key, label, value) in enumerate(entries, 1)
            ]
        self.entries = list(entries)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog -menu" if self.menu else "dialog") as box:
            if self.menu:
                box.border_title = self.title_text  # in the border: one more row for entries
            else:
                yield Label(Text(self.title_text, style="bold"))
            yield Options(*[self._option(entry) for entry in self.entries])

    @staticmethod
    def _option(entry: Entry) -> Option:
        key, label, value = entry
        prompt = Text.assemble((f" {key} ", "reverse"), f"  {label}") if key else Text(label)
        return Option(prompt, id=value)

    def on_key(self, event: events.Key) -> None:
        # Keys of a burst can still reach a dialog already answered: only the first one counts.
        if not self.is_current:
            event.stop()
            return
        for key, _label, value in self.entries:
            if key is not None and event.character == key:
                event.stop()
                self.dismiss(value)
                return

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if self.is_current:
            self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
