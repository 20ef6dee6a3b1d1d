"""Details: context, dates and roles. Each field is kept as soon as it is valid; Ctrl+Z undoes."""

from __future__ import annotations

from textual.widgets import Input, Select

from ctxtui.core import dates
from ctxtui.core.labels import DETAIL_FIELDS
from ctxtui.core.record import CONTEXT_TYPES, parse_date
from ctxtui.core.rules import clean_point
from ctxtui.core.validation import typed_value_problem
from ctxtui.meeting.meeting import Meeting
from ctxtui.screens.forms import Field, LiveForm


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


class DetailsScreen(LiveForm):
    HELP_GROUP = "Details"

    def __init__(self, meeting: Meeting) -> None:
        super().__init__("Details", FIELDS, meeting)

    def value_of(self, name: str) -> str:
        return self.meeting_edited.value(PATHS[name])

    def on_mount(self) -> None:
        self._check_review()

    def on_input_changed(self, event: Input.Changed) -> None:
        self._keep(event.input.id or "", event.value)

    def put_back(self, name: str, value: str) -> None:
        with self.prevent(Input.Changed):
            self.query_one(f"#{name}", Input).value = value
        self._keep(name, value)

    def _keep(self, field_id: str, typed: str) -> None:
        """A field's value in the record as soon as it is valid."""
        kind = next(f.kind for f in FIELDS if f.name == field_id)
        value = typed.strip() if kind in ("date", "time") else clean_point(typed)
        if typed_value_problem(kind, value) is None:
            meeting = self.meeting_edited
            self.apply(lambda: meeting.set_field(PATHS[field_id], value))
            if PATHS[field_id] == "dates.conference":  # the review date may have followed it
                review = self.query_one("#dates-review", Input)
                if review.value != meeting.value("dates.review"):
                    with self.prevent(Input.Changed):
                        review.value = meeting.value("dates.review")
            self._check_review()

    def on_select_changed(self, event: Select.Changed) -> None:
        meeting = self.meeting_edited
        if isinstance(event.value, str) and meeting.value("context.type") != event.value:
            self.apply(lambda: meeting.set_field("context.type", str(event.value)))

    def _check_review(self) -> None:
        d = self.meeting_edited.conference.dates
        held, review = _date(d.conference), _date(d.review)
        nation = self.meeting_edited.nation
        warning = dates.review_warning(held, review, nation)
        if held and not d.review:
            suggested = dates.default_review(held, nation).isoformat()
            warning = f"Suggested review date: {suggested} (three months on)."
        self.show_note("dates-review", warning)


def _date(text: str):
    try:
        return parse_date(text)
    except ValueError:
        return None
