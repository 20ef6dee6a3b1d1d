"""Details: context, dates and roles. Each field is applied as soon as it is valid."""

from __future__ import annotations

import re

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Input, Label, Select, Static

from .. import dates
from ..editing import Editor, clean_point
from ..model import CONTEXT_TYPES, parse_date
from ..resources import style
from ..widgets.fields import FieldInput
from ..widgets.keyhints import KeyHints

# (section, attribute, label, kind)
FIELDS: tuple[tuple[str, str, str, str], ...] = (
    ("context", "name", "Context", "text"),
    ("context", "type", "Type", "choice"),
    ("context", "description", "Short description", "text"),
    ("context", "venue", "Venue", "text"),
    ("dates", "assessment_period", "Assessment period", "text"),
    ("dates", "mapping_meeting", "Mapping meeting", "date"),
    ("dates", "conference", "Conference date", "date"),
    ("dates", "start_time", "Start time", "time"),
    ("dates", "end_time", "End time", "time"),
    ("dates", "review", "Review date", "date"),
    ("roles", "chair", "Chair", "text"),
    ("roles", "lead_practitioner", "Lead practitioner", "text"),
    ("roles", "location_lead", "Location lead", "text"),
    ("roles", "minute_taker", "Minute taker", "text"),
)
PLACEHOLDERS = {"date": "YYYY-MM-DD", "time": "HH:MM"}
_TIME = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")


def problem_with(kind: str, value: str) -> str | None:
    """Why a typed value cannot be stored, or None if it can."""
    if not value:
        return None
    if kind == "date":
        try:
            parse_date(value)
        except ValueError:
            return "Use a date like 2026-01-20."
    if kind == "time" and not _TIME.match(value):
        return "Use a time like 09:30."
    return None


class DetailsScreen(Screen[None]):
    CSS_PATH = [style("forms")]
    HELP_GROUP = "Details"
    BINDINGS = [
        Binding("escape", "close", "Back", id="details.back"),
    ]

    def __init__(self, editor: Editor, read_only: bool = False) -> None:
        super().__init__()
        self.editor = editor
        self.read_only = read_only

    def compose(self) -> ComposeResult:
        c = self.editor.conference
        yield Static(Text("Details — changes are kept as you type; Escape goes back"), id="title")
        with VerticalScroll(id="form"):
            for section, name, label, kind in FIELDS:
                value = getattr(getattr(c, section), name)
                field_id = f"{section}-{name}"
                with Horizontal(classes="field-row"):
                    yield Label(label, classes="field-label")
                    if kind == "choice":
                        yield Select(
                            [(t, t) for t in CONTEXT_TYPES],
                            value=value,
                            allow_blank=False,
                            id=field_id,
                            disabled=self.read_only,
                        )
                    else:
                        yield FieldInput(
                            value,
                            id=field_id,
                            disabled=self.read_only,
                            placeholder=PLACEHOLDERS.get(kind, ""),
                        )
                yield Static("", id=f"{field_id}-note", classes="field-note")
        yield KeyHints()

    def on_mount(self) -> None:
        self._check_review()
        self.query_one("#context-name").focus()

    def _field(self, widget_id: str) -> tuple[str, str, str]:
        for section, name, _label, kind in FIELDS:
            if f"{section}-{name}" == widget_id:
                return section, name, kind
        raise KeyError(widget_id)

    def on_input_changed(self, event: Input.Changed) -> None:
        section, name, kind = self._field(event.input.id or "")
        value = event.value.strip() if kind in ("date", "time") else clean_point(event.value)
        problem = problem_with(kind, value)
        note = self.query_one(f"#{event.input.id}-note", Static)
        note.update(Text(problem or ""))
        note.set_class(bool(problem), "-shown")
        event.input.set_class(bool(problem), "-invalid")
        if problem is None and not self.read_only:
            self.editor.set_field(getattr(self.editor.conference, section), name, value)
            self._check_review()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.focus_next()

    def on_select_changed(self, event: Select.Changed) -> None:
        if not self.read_only and isinstance(event.value, str):
            self.editor.set_field(self.editor.conference.context, "type", event.value)

    def _check_review(self) -> None:
        d = self.editor.conference.dates
        warning = dates.review_warning(_date(d.conference), _date(d.review))
        if _date(d.conference) and not d.review:
            suggested = dates.default_review(_date(d.conference))
            warning = f"Suggested review date: {suggested.isoformat()} (three months on)."
        note = self.query_one("#dates-review-note", Static)
        note.update(Text(warning or ""))
        note.set_class(bool(warning), "-shown")

    def action_close(self) -> None:
        self.dismiss(None)


def _date(text: str):
    try:
        return parse_date(text)
    except ValueError:
        return None
