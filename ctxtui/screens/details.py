"""Details: context, dates and roles. Each field is kept as soon as it is valid; Ctrl+Z undoes."""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets import Input, Select

from .. import dates
from ..editing import clean_point
from ..meeting import Meeting
from ..model import CONTEXT_TYPES, DETAIL_FIELDS, parse_date, typed_value_problem
from .base import UNDO_BINDINGS, run_change
from .forms import Field, FormScreen


def _field_id(path: str) -> str:
    return path.replace(".", "-")


FIELDS = [
    Field(
        _field_id(path),
        label,
        kind,
        choices=CONTEXT_TYPES if kind == "choice" else (),
        placeholder={"date": "YYYY-MM-DD", "time": "HH:MM"}.get(kind, ""),
    )
    for path, label, kind in DETAIL_FIELDS
]
PATHS = {_field_id(path): path for path, _label, _kind in DETAIL_FIELDS}


class DetailsScreen(FormScreen):
    HELP_GROUP = "Details"
    HINT = "Kept as you type · Enter or Tab: next field · Escape: back · Ctrl+Z: undo"
    ENTER_ON_LAST_IS_DONE = False
    BINDINGS = [
        *UNDO_BINDINGS,
        Binding("escape", "cancel", "Back", id="details.back", priority=True),
    ]

    def __init__(self, meeting: Meeting) -> None:
        values = {field_id: meeting.editor.value(path) for field_id, path in PATHS.items()}
        super().__init__("Details", FIELDS, values)
        self.meeting_edited = meeting
        self.add_class("-full")

    def on_mount(self) -> None:
        self._check_review()

    def on_input_changed(self, event: Input.Changed) -> None:
        field_id = event.input.id or ""
        kind = next(f.kind for f in FIELDS if f.name == field_id)
        value = event.value.strip() if kind in ("date", "time") else clean_point(event.value)
        if typed_value_problem(kind, value) is None and not self.meeting_edited.locked:
            editor = self.meeting_edited.editor
            run_change(self, lambda: editor.set_field(PATHS[field_id], value))
            if PATHS[field_id] == "dates.conference":  # the review date may have followed it
                review = self.query_one("#dates-review", Input)
                if review.value != editor.value("dates.review"):
                    with self.prevent(Input.Changed):
                        review.value = editor.value("dates.review")
            self._check_review()

    def on_select_changed(self, event: Select.Changed) -> None:
        editor = self.meeting_edited.editor
        if isinstance(event.value, str) and editor.value("context.type") != event.value:
            run_change(self, lambda: editor.set_field("context.type", str(event.value)))

    def _check_review(self) -> None:
        d = self.meeting_edited.conference.dates
        held, review = _date(d.conference), _date(d.review)
        nation = self.meeting_edited.nation
        warning = dates.review_warning(held, review, nation)
        if held and not d.review:
            suggested = dates.default_review(held, nation).isoformat()
            warning = f"Suggested review date: {suggested} (three months on)."
        self.show_note("dates-review", warning)

    def _history(self, step) -> None:
        done, what = run_change(self, step)
        if done:
            self.notify(f"Undone: {what}." if what else "Nothing to undo.", timeout=3)
            self._reload()

    def action_undo(self) -> None:
        self._history(self.meeting_edited.editor.undo)

    def action_redo(self) -> None:
        self._history(self.meeting_edited.editor.redo)

    def _reload(self) -> None:
        editor = self.meeting_edited.editor
        with self.prevent(Input.Changed, Select.Changed):
            for field_id, path in PATHS.items():
                widget = self.query_one(f"#{field_id}")
                if isinstance(widget, Input | Select):
                    widget.value = editor.value(path)

    async def action_done(self) -> None:
        await self.settle()  # what was typed just before is kept
        self.dismiss(None)

    async def action_cancel(self) -> None:
        await self.action_done()


def _date(text: str):
    try:
        return parse_date(text)
    except ValueError:
        return None
