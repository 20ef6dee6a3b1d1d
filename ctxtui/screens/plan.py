"""The intervention plan: a table of short columns with the whole selected row beneath it."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.binding import Binding

from ctxtui.core.catalogue import interventions_for
from ctxtui.core.labels import ACTION_FIELDS, ACTION_SHORT_LABELS, ACTION_TEXT_FIELDS, AGENCIES
from ctxtui.core.record import ACTION_STATUSES, Action
from ctxtui.meeting.meeting import Meeting
from ctxtui.screens.forms import Field, Values
from ctxtui.screens.tables import ACTION_ROWS, NUMBER_WIDTH, TableScreen

# (attribute, share of the spare width); the whole row always shows beneath the table
NARROW_COLUMNS: tuple[tuple[str, int], ...] = (
    ("worry", 5),
    ("intervention", 5),
    ("agency", 3),
    ("timescale", 2),
)
WIDE_COLUMNS: tuple[tuple[str, int], ...] = (
    ("worry", 5),
    ("helping", 4),
    ("goal", 4),
    ("intervention", 5),
    ("agency", 3),
    ("timescale", 2),
)
STATUS_WIDTH, WIDE_FROM = 12, 120


def plan_columns(total: int) -> list[tuple[str, str, int]]:
    """(attribute, heading, width) filling ``total`` columns; more columns on wide terminals."""
    chosen = WIDE_COLUMNS if total >= WIDE_FROM else NARROW_COLUMNS
    spare = max(total - NUMBER_WIDTH - STATUS_WIDTH - 2, 30)  # 2: the scroll bar
    shares = sum(share for _, share in chosen)
    columns = [(name, ACTION_SHORT_LABELS[name], spare * share // shares) for name, share in chosen]
    return [*columns, ("status", ACTION_SHORT_LABELS["status"], STATUS_WIDTH)]


def action_detail(action: Action, number: int) -> Table:
    grid = Table.grid(padding=(0, 1), expand=True)
    grid.add_column(style="bold", no_wrap=True, width=14)
    grid.add_column(ratio=1)
    for name, _label, short in ACTION_FIELDS:
        grid.add_row(short, Text(getattr(action, name) or "—"))
    if action.recording_offset:  # added while the meeting was recorded
        grid.add_row("Recording", Text(f"{action.recording_offset} into the recording"))
    grid.title = f"Row {number}"
    return grid


def action_fields(context_type: str, goals: list[str], agencies: list[str]) -> list[Field]:
    """The plan-row form: every field of a row, with the lists it can pick from."""
    offers = {
        "goal": (tuple(goals), "Choose one of the safety goals"),
        "intervention": (tuple(interventions_for(context_type)), "Choose an intervention"),
        "agency": (tuple(dict.fromkeys([*AGENCIES, *agencies])), "Choose an agency"),
    }
    fields = []
    for name, label, _short in ACTION_FIELDS:
        if name == "status":
            fields.append(Field(name, label, "choice", choices=ACTION_STATUSES))
        elif name == "due":
            fields.append(Field(name, label, "date", placeholder="YYYY-MM-DD"))
        else:
            suggestions, title = offers.get(name, ((), ""))
            fields.append(Field(name, label, suggestions=suggestions, pick_title=title))
    return fields


def plan_row_fields(meeting: Meeting) -> list[Field]:
    """The plan-row form for this conference: its goals, its type's interventions, the agencies
    at the meeting and in other conferences."""
    c = meeting.conference
    named = [a.agency for a in c.attendees if a.agency]
    return action_fields(c.context.type, c.safety_goals, [*named, *meeting.known_agencies()])


def action_values(action: Action) -> Values:
    return {name: getattr(action, name) for name, _label, _short in ACTION_FIELDS}


class PlanScreen(TableScreen):
    HELP_GROUP = "Intervention plan"
    TITLE_TEXT = (
        "Intervention plan — {table.add}: add  {table.edit}: edit  {plan.status}: status  "
        "{table.up} {table.down}: reorder"
    )
    EMPTY_TEXT = "No plan rows yet: press {table.add} to add one, or {points.plan} on a point."
    ROW_NAME = "plan row"
    ROWS = ACTION_ROWS
    BINDINGS = [
        Binding("s", "cycle", "Next status", id="plan.status"),
        Binding("u", "progress", "Progress at the review", id="plan.progress", show=False),
    ]

    def action_progress(self) -> None:
        """The rows carried forward, with the agencies' updates beside them."""
        from ctxtui.screens.progress import ProgressScreen

        self.app.push_screen(ProgressScreen(self.meeting), lambda _: self.changed())

    def columns(self, width: int) -> list[tuple[str, str, int]]:
        return plan_columns(width)

    def detail(self, row: Action, number: int) -> Table:
        return action_detail(row, number)

    def form_fields(self) -> list[Field]:
        return plan_row_fields(self.meeting)

    def values_of(self, row: Action) -> Values:
        return action_values(row)

    def make_row(self, values: Values) -> Action:
        return action_from_values(values)


def action_from_values(values: Values) -> Action:
    return Action(**{name: values[name] for name in ACTION_TEXT_FIELDS}, status=values["status"])
