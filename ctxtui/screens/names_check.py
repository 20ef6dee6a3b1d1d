"""The names check: every word that could be a person's name, answered one key at a time
before the minutes leave (finalise, export, send)."""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from ctxtui.guard.privacy import Finding, record_texts
from ctxtui.meeting.meeting import Meeting, describe_place
from ctxtui.screens.sub import SubScreen
from ctxtui.widgets.lists import Options

CONTEXT = 34  # characters shown either side of the word


class NamesCheckScreen(SubScreen):
    """One line a word, with where it stands; y: a name, n: not a name here, s: not a name
    for the whole service. Closes by itself, done, when nothing is left to answer."""

    HELP_GROUP = "Names check"
    TITLE_TEXT = (
        "Names check — a person's name? {names.name}: yes · {names.not_name}: no, here · "
        "{names.service}: no, for the service"
    )
    BINDINGS = [
        Binding("y", "answer('name')", "A name (reword it)", id="names.name"),
        Binding("n", "answer('here')", "Not a name, in this conference", id="names.not_name"),
        Binding("s", "answer('service')", "Not a name, for the whole service", id="names.service"),
    ]

    def __init__(self, meeting: Meeting) -> None:
        super().__init__(meeting)
        self.words: list[str] = []
        self.done = False

    def body(self) -> ComposeResult:
        yield Options(id="names-to-check")

    def on_mount(self) -> None:
        self.changed()
        self.query_one(OptionList).focus()
        if self.meeting.local_words_problem:
            self.notify(self.meeting.local_words_problem, severity="warning")

    def changed(self) -> None:
        found = self.meeting.names_to_check()
        if not found:
            self.done = True
            self.notify("Names check done: nothing left to answer.", timeout=4)
            self.dismiss(None)
            return
        texts = {(s, i): t for s, i, t in record_texts(self.meeting.conference)}
        first: dict[str, Finding] = {}
        count: dict[str, int] = {}
        for finding in found:
            first.setdefault(finding.text, finding)
            count[finding.text] = count.get(finding.text, 0) + 1
        options = self.query_one(OptionList)
        at = options.highlighted or 0
        options.clear_options()
        self.words = list(first)
        for word, finding in first.items():
            options.add_option(Option(_line(word, finding, texts, count[word])))
        options.highlighted = min(at, len(self.words) - 1)

    def action_answer(self, answer: str) -> None:
        options = self.query_one(OptionList)
        if options.highlighted is None or not self.words:
            return
        word = self.words[options.highlighted]
        answered, refused = self.edit(lambda: self.meeting.answer_names([word], answer))
        said = {
            "name": f"“{word}” is flagged as a name wherever it stands: reword it before the "
            "minutes leave.",
            "here": f"“{word}” is not a name: not asked again in this conference.",
            "service": f"“{word}” is not a name: never asked again in any conference.",
        }[answer]
        if refused:
            said = f"“{word}” was confirmed as a name before: the service never learns it."
        if answered and not self.done:
            self.notify(said, timeout=4, severity="warning" if refused else "information")


def _line(word: str, finding: Finding, texts: dict[tuple[str, int], str], count: int) -> Text:
    text = texts.get((finding.section, finding.index), "")
    start = text.find(word)
    where = describe_place(finding) + (f" and {count - 1} more" if count > 1 else "")
    line = Text()
    line.append(word, style="bold")
    line.append(f"  — {where}\n    ")
    if start < 0:
        return line
    begin, end = max(0, start - CONTEXT), min(len(text), start + len(word) + CONTEXT)
    line.append(("…" if begin else "") + text[begin:start])
    line.append(word, style="reverse")
    line.append(text[start + len(word) : end] + ("…" if end < len(text) else ""))
    return line


def check_names_first(
    screen: Screen, meeting: Meeting, what: str, then: Callable[[], None]
) -> None:
    """Run ``then`` once the names check is done, opening it first when words are waiting;
    ``what`` (finalising, exporting, sending) waits for it, and says so if the chair leaves."""
    if not meeting.names_to_check():
        then()
        return

    def closed(_result: object) -> None:
        left = len({f.text for f in meeting.names_to_check()})
        if left:
            screen.notify(
                f"{what} waits for the names check: {left} word(s) still to answer "
                "(y: a name, n: not a name).",
                severity="warning",
                timeout=8,
            )
        else:
            then()

    screen.app.push_screen(NamesCheckScreen(meeting), closed)
