"""Attendance: who was invited, their role and agency, and whether they came."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding

from ..model import AGENCIES, ATTENDANCE, Attendee
from .forms import Field, Values
from .tables import ATTENDEE_ROWS, TableScreen

# (name, heading, width) at 80 columns; the whole row always shows beneath the table
ATTENDEE_COLUMNS = (
    ("attendance", "Attendance", 11),
    ("name", "Name", 20),
    ("agency", "Agency", 22),
    ("role", "Role", 21),
)


class AttendanceScreen(TableScreen):
    HELP_GROUP = "Attendance"
    TITLE_TEXT = "Attendance — a: add  Enter: edit  p: present/apologies/absent"
    EMPTY_TEXT = "No attendees yet: press a to add one."
    ROW_NAME = "attendee"
    BINDINGS = [
        Binding("p", "cycle", "Present/apologies/absent", id="attendance.cycle"),
    ]

    ROWS = ATTENDEE_ROWS
    COLUMNS = ATTENDEE_COLUMNS

    def detail(self, row: Attendee, number: int) -> Text:
        role, agency = row.role or "no role", row.agency or "no agency"
        return Text(f"{row.name} — {role}, {agency} ({row.attendance})")

    def form_fields(self) -> list[Field]:
        named = [a.agency for a in self.rows() if a.agency]
        agencies = tuple(dict.fromkeys([*AGENCIES, *named, *self.meeting.known_agencies()]))
        return [
            Field("name", "Name"),
            Field("role", "Role"),
            Field("agency", "Agency", suggestions=agencies, pick_title="Choose an agency"),
            Field("attendance", "Attendance", "choice", choices=ATTENDANCE),
        ]

    def values_of(self, row: Attendee) -> Values:
        return {
            "name": row.name,
            "role": row.role,
            "agency": row.agency,
            "attendance": row.attendance,
        }

    def make_row(self, values: Values) -> Attendee:
        return Attendee(**values)
