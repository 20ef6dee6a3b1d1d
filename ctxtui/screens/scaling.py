"""Scaling: the question, each present attendee's 0–10 score and reasoning, and a live summary."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.coordinate import Coordinate
from textual.widgets import DataTable, Input, Static

from ctxtui.core.scaling import (
    ScalingSummary,
    conference_summary,
    distribution,
    people_to_ask,
    summarise,
)
from ctxtui.meeting.meeting import Meeting
from ctxtui.screens.base import run_change
from ctxtui.screens.sub import SubScreen
from ctxtui.widgets.cells import cell
from ctxtui.widgets.fields import FieldInput

SCORE_COLUMNS = (("Score", 6), ("Name", 20), ("Agency", 18), ("Reasoning", 32))


class ScalingScreen(SubScreen):
    HELP_GROUP = "Scaling"
    TITLE_TEXT = (
        "Scaling — digits score (1 0: ten) · {scaling.down}/{scaling.up} adjust · "
        "{scaling.clear}: none · {scaling.reason}: reasoning"
    )
    BINDINGS = [
        # One binding per digit, so a digit keeps its order with the arrow keys around it
        # (a key handler on the screen would see it before the table has moved).
        Binding(
            "0",
            "digit(0)",
            "Score: the digits typed on a row make it (1 then 0 is 10); one that would make "
            "no score from 0 to 10 starts again",
            id="scaling.digit",
            show=False,
        ),
        *[  # the same id: one line in the help screen for all ten
            Binding(str(d), f"digit({d})", f"Score {d}", id="scaling.digit", show=False)
            for d in range(1, 10)
        ],
        Binding("right,plus", "step(1)", "Score up", id="scaling.up"),
        Binding("left,minus", "step(-1)", "Score down", id="scaling.down"),
        Binding("x,delete", "clear", "No score", id="scaling.clear"),
        Binding("enter,r", "reason", "Reasoning", id="scaling.reason"),
        Binding("q", "question", "Edit question", id="scaling.question"),
    ]

    def __init__(self, meeting: Meeting) -> None:
        super().__init__(meeting)
        earlier, _problem = meeting.previous()
        self.previous: ScalingSummary | None = (
            summarise(s.score for s in earlier.scaling.scores) if earlier else None
        )
        self._digits: tuple[str, str] | None = None  # the row's person, the digits typed

    def body(self) -> ComposeResult:
        yield Static(id="scaling-question")
        yield FieldInput(id="question-input", classes="hidden")
        table: DataTable[Text] = DataTable(
            id="scores", cursor_type="row", zebra_stripes=True, cell_padding=0
        )
        for heading, width in SCORE_COLUMNS:
            table.add_column(heading, width=width)
        yield table
        yield Static(id="score-detail")
        yield FieldInput(id="reason-input", classes="hidden", placeholder="Reasoning, then Enter")
        yield Static(id="scaling-summary")

    def on_mount(self) -> None:
        self._show(0)
        self.query_one(DataTable).focus()

    def people(self) -> list[tuple[str, str]]:
        return people_to_ask(self.meeting.conference)

    def summary(self) -> ScalingSummary:
        return conference_summary(self.meeting.conference)

    def _rows(self) -> list[list[Text]]:
        rows = []
        for name, agency in self.people():
            entry = self.meeting.score_of(name)
            score = "–" if entry is None or entry.score is None else str(entry.score)
            texts = (f"{score:>4}", name, agency, entry.reason if entry else "")
            rows.append(
                [cell(text, width) for text, (_h, width) in zip(texts, SCORE_COLUMNS, strict=True)]
            )
        return rows

    def _show(self, row: int | None = None) -> None:
        table = self.query_one(DataTable)
        rows = self._rows()
        if row is None and table.row_count == len(rows):
            # same people: change cells in place so the cursor stays exactly where it is
            for y, cells in enumerate(rows):
                for x, value in enumerate(cells):
                    table.update_cell_at(Coordinate(y, x), value)
        else:
            table.clear()
            for cells in rows:
                table.add_row(*cells)
            if table.row_count:
                table.move_cursor(row=max(0, min(row or 0, table.row_count - 1)))
        self._show_detail()
        self.query_one("#scaling-question", Static).update(
            Text(self.meeting.conference.scaling.question, style="italic")
        )
        self._show_summary()

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._digits = None  # another row: its digits start afresh
        self._show_detail()
        self.show_flags()

    def flagged_texts(self) -> list[str]:
        name = self._person()
        entry = self.meeting.score_of(name) if name else None
        return [entry.reason] if entry else []

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.action_reason()  # Enter on a row

    def _show_detail(self) -> None:
        name = self._person()
        entry = self.meeting.score_of(name) if name else None
        text = Text()
        if name:
            text.append(f"{name}: ", style="bold")
            text.append(entry.reason if entry and entry.reason else "no reasoning yet (Enter)")
            if entry and entry.recording_offset:  # scored while the meeting was recorded
                text.append(f" · {entry.recording_offset} into the recording", style="dim")
        self.query_one("#score-detail", Static).update(text)

    def _show_summary(self) -> None:
        summary = self.summary()
        text = Text()
        text.append(summary.describe(), style="bold")
        if self.previous is not None:
            text.append(f"   previous conference: median {self.previous.median_text()}")
            text.append(f" → today {summary.median_text()}")
        text.append("\n")
        text.append("\n".join(distribution(summary.counts, getattr(self.app, "ascii", False))))
        self.query_one("#scaling-summary", Static).update(text)

    def _person(self) -> str | None:
        people = self.people()
        row = self.query_one(DataTable).cursor_row
        return people[row][0] if 0 <= row < len(people) else None

    def changed(self) -> None:
        self._show()

    def _set(self, score: int | None) -> None:
        name = self._person()
        if name is not None:
            self.edit(lambda: self.meeting.set_score(name, score))

    def action_digit(self, digit: int) -> None:
        """The digits typed on one row make its score, however fast or slow they come: "1"
        then "0" is 10; a digit that would make no score from 0 to 10 starts again."""
        name = self._person()
        if name is None:
            return
        typed = self._digits[1] if self._digits and self._digits[0] == name else ""
        joined = typed + str(digit)
        if not (joined.isdigit() and not joined.startswith("0") and int(joined) <= 10):
            joined = str(digit)
        self._digits = (name, joined)
        self._set(int(joined))

    def action_step(self, delta: int) -> None:
        self._digits = None
        name = self._person()
        if name is None:
            return
        entry = self.meeting.score_of(name)
        current = entry.score if entry and entry.score is not None else (5 if delta > 0 else 6)
        self._set(max(0, min(10, current + delta)))

    def action_clear(self) -> None:
        self._digits = None
        self._set(None)

    def action_reason(self) -> None:
        self._digits = None  # Enter ends the score
        name = self._person()
        if name is None:
            return
        if self.refused():
            return
        box = self.query_one("#reason-input", Input)
        entry = self.meeting.score_of(name)
        box.value = entry.reason if entry else ""
        box.cursor_position = len(box.value)  # at the end of this person's reasoning
        box.placeholder = f"{name}'s reasoning (kept as you type; Enter or Escape closes)"
        box.remove_class("hidden")
        box.focus()

    def action_question(self) -> None:
        if self.refused():
            return
        box = self.query_one("#question-input", Input)
        box.value = self.meeting.conference.scaling.question
        box.cursor_position = len(box.value)
        box.remove_class("hidden")
        box.focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        """Kept as it is typed (one undo step per box), so neither a hang-up nor a quick
        Escape can lose it."""
        if event.input.id == "reason-input":
            name = self._person()
            if name is not None:
                run_change(self, lambda: self.meeting.set_reason(name, event.value))
        elif event.input.id == "question-input" and event.value.strip():
            question = " ".join(event.value.split())
            run_change(self, lambda: self.meeting.set_field("scaling.question", question))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._close_inputs()

    def _close_inputs(self) -> None:
        for box in self.query(Input):
            box.add_class("hidden")
        self._show()
        self.query_one(DataTable).focus()

    def action_close(self) -> None:
        if isinstance(self.focused, Input):
            self._close_inputs()  # Escape in a text box closes it (what was typed is kept)
            return
        self.dismiss(None)
