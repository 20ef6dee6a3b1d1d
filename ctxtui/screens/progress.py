"""Progress at the review: the rows carried forward from the conference reviewed, each with
what the agencies' updates say of it, set one key at a time (done, in progress, not done,
dropped) and given the update's words as progress, edited in the line below. Every change
goes through the meeting and can be undone."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from ctxtui.core.progress import RowWalk
from ctxtui.core.rules import clean_point
from ctxtui.export.markup import day_text
from ctxtui.meeting.meeting import Meeting
from ctxtui.resources import style
from ctxtui.screens.sub import SubScreen
from ctxtui.widgets.fields import FieldInput
from ctxtui.widgets.host import host
from ctxtui.widgets.lists import Options

STATUS_KEYS = (
    ("d", "done", "Done", "progress.done"),
    ("i", "in-progress", "In progress", "progress.in_progress"),
    ("n", "not-done", "Not done", "progress.not_done"),
    ("x", "dropped", "Dropped", "progress.dropped"),
)


class ProgressScreen(SubScreen):
    """One entry a carried row: the row, its status and progress, and the updates beside it
    (or that there is none). The line below edits the highlighted row's progress."""

    HELP_GROUP = "Progress at the review"
    CSS_PATH = [style("lists"), style("progress")]
    TITLE_TEXT = (  # one line at 80 columns
        "Progress — {progress.done} done, {progress.in_progress} in progress, "
        "{progress.not_done} not done, {progress.dropped} dropped, {progress.take} update, "
        "{progress.edit} edit"
    )
    BINDINGS = [
        *(
            Binding(key, f"status('{status}')", label, id=i)
            for key, status, label, i in STATUS_KEYS
        ),
        Binding("u", "take", "The update's words as progress", id="progress.take"),
        Binding("enter", "edit_progress", "Edit the progress", id="progress.edit"),
    ]

    def __init__(self, meeting: Meeting) -> None:
        super().__init__(meeting)
        self.rows: list[RowWalk] = []

    def body(self) -> ComposeResult:
        yield Options(id="carried-rows")
        yield FieldInput(placeholder="Progress", id="progress-line")

    def on_mount(self) -> None:
        line = self.query_one("#progress-line", Input)
        line.display = False
        self.changed()
        self.query_one(OptionList).focus()
        if not self.rows:
            self.notify(
                "Nothing carried forward: this is not a review, or every action of the "
                "conference reviewed was done or dropped.",
                timeout=6,
            )

    # -- what is shown

    def changed(self) -> None:
        self.rows = self.meeting.progress_walk()
        options = self.query_one(OptionList)
        at = options.highlighted or 0
        options.clear_options()
        options.add_options([Option(self._entry(row)) for row in self.rows])
        if self.rows:
            options.highlighted = min(at, len(self.rows) - 1)
        self.show_flags()

    def _entry(self, row: RowWalk) -> Text:
        action = row.action
        text = Text()
        text.append(f"{row.index + 1}. {action.intervention or '(no intervention)'}", "bold")
        text.append(f" — {action.agency or 'no agency'}")
        if action.due:
            text.append(f", due {action.due}")
        text.append(f"\n   {action.status}", "reverse")
        text.append(f"  {action.progress}" if action.progress else "  (no progress noted)")
        if not row.said:
            text.append("\n   No update received.", "italic")
        for said in row.said:
            whole = " (the whole reply: no row numbers)" if said.whole else ""
            hint = f" — says {said.suggested}" if said.suggested else ""
            text.append(
                f"\n   Update from {said.agency}, {day_text(said.received[:10])}{whole}{hint}:"
            )
            text.append(f"\n   {said.text}", "italic")
        return text

    def _highlighted(self) -> RowWalk | None:
        at = self.query_one(OptionList).highlighted
        return self.rows[at] if at is not None and 0 <= at < len(self.rows) else None

    def on_option_list_option_highlighted(self, _event: OptionList.OptionHighlighted) -> None:
        self.show_flags()

    def show_flags(self) -> None:
        """The flag line speaks of the highlighted row's update, before it is pulled in."""
        row = self._highlighted()
        said = " ".join(s.text for s in row.said) if row else ""
        sentence = self.meeting.update_flag(said) if said else None
        line = self.query_one("#flag-line", Static)
        symbol = host(self).symbols["flag"]
        line.update(Text(f"{symbol} In the update: {sentence}") if sentence else "")
        line.set_class(bool(sentence), "-shown")

    # -- what the chair does

    def action_status(self, status: str) -> None:
        row = self._highlighted()
        if row is None or self._editing():
            return
        done, changed = self.edit(lambda: self.meeting.set_row_status(row.index, status))
        if done and changed:
            self.notify(f"Row {row.index + 1}: {status}.", timeout=2)

    def action_take(self) -> None:
        """The update's words into the progress line, to edit before Enter keeps them."""
        row = self._highlighted()
        if row is None or self._editing() or self.refused():
            return
        if not row.said:
            self.notify("No update received for this row.", timeout=3)
            return
        words = clean_point(" ".join(s.text for s in row.said))
        sentence = self.meeting.update_flag(words)
        if sentence:
            self.notify(sentence, severity="warning", timeout=8)
        self._open_line(words)

    def action_edit_progress(self) -> None:
        row = self._highlighted()
        if row is None or self._editing() or self.refused():
            return
        self._open_line(row.action.progress)

    def _open_line(self, text: str) -> None:
        line = self.query_one("#progress-line", Input)
        line.value = text
        line.display = True
        line.focus()
        line.cursor_position = len(text)

    def _editing(self) -> bool:
        return bool(self.query_one("#progress-line", Input).display)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        row = self._highlighted()
        self._close_line()
        if row is not None:
            self.edit(lambda: self.meeting.set_row_progress(row.index, event.value))

    def _close_line(self) -> None:
        line = self.query_one("#progress-line", Input)
        line.display = False
        self.query_one(OptionList).focus()

    def action_close(self) -> None:
        """Escape: leaves the progress line as it was, else goes back."""
        if self._editing():
            self._close_line()
            return
        super().action_close()
