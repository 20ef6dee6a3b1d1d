"""Small modal dialogs: confirm, choose one of a few, and one line of text."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option


class ConfirmDialog(ModalScreen[bool]):
    """A yes/no question: y or Enter for yes, n or Escape for no."""

    BINDINGS = [
        Binding("y,enter", "answer(True)", "Yes", id="confirm.yes"),
        Binding("n,escape", "answer(False)", "No", id="confirm.no"),
    ]

    def __init__(self, question: str, details: list[str] | None = None) -> None:
        super().__init__()
        self.question = question
        self.details = details or []

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            if self.details:
                with VerticalScroll(classes="details"):
                    yield Static(Text("\n".join(self.details)))
            yield Label(Text(self.question, style="bold"))
            yield Label("[b]y[/b] / Enter: yes    [b]n[/b] / Escape: no", classes="hint")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)


class ChooseDialog(ModalScreen[str | None]):
    """Pick one of a few labelled choices with the arrows or its number; Escape cancels."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="choose.cancel")]

    def __init__(self, title: str, choices: list[tuple[str, str]]) -> None:
        super().__init__()
        self.title_text = title
        self.choices = choices

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(Text(self.title_text))
            yield OptionList(
                *[Option(f"{n}. {label}", id=key) for n, (key, label) in enumerate(self.choices, 1)]
            )

    def on_key(self, event) -> None:
        if event.character and event.character.isdigit():
            number = int(event.character)
            if 1 <= number <= len(self.choices):
                event.stop()
                self.dismiss(self.choices[number - 1][0])

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)


class TextDialog(ModalScreen[str | None]):
    """One line of text: Enter accepts, Escape cancels."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="text.cancel")]

    def __init__(self, prompt: str, value: str = "") -> None:
        super().__init__()
        self.prompt = prompt
        self.value = value

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(Text(self.prompt))
            yield Input(self.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)


class MenuDialog(ModalScreen[str | None]):
    """A menu of actions, each with a letter: press the letter, or move and press Enter."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="menu.cancel")]

    def __init__(self, title: str, entries: list[tuple[str, str, str]]) -> None:
        """``entries``: (letter, label, value)."""
        super().__init__()
        self.title_text = title
        self.entries = entries

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(Text(self.title_text, style="bold"))
            yield OptionList(
                *[
                    Option(Text.assemble((f" {letter} ", "reverse"), f"  {label}"), id=value)
                    for letter, label, value in self.entries
                ]
            )

    def on_key(self, event) -> None:
        for letter, _label, value in self.entries:
            if event.character == letter:
                event.stop()
                self.dismiss(value)
                return

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
