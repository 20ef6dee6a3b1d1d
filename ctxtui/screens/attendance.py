"""Attendance: who was invited, their role and agency, and whether they came."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding

from ctxtui.core.labels import AGENCIES
from ctxtui.core.record import ATTENDANCE, Attendee
from ctxtui.meeting.meeting import Meeting
from ctxtui.screens import sharing
from ctxtui.screens.forms import Field, Values
from ctxtui.screens.tables import ATTENDEE_ROWS, TableScreen

# (name, heading, width) at 80 columns; the whole row always shows beneath the table
ATTENDEE_COLUMNS = (
    ("attendance", "Attendance", 11),
    ("core", "Core", 5),
    ("name", "Name", 19),
    ("agency", "Agency", 20),
    ("role", "Role", 19),
)


def attendee_fields(meeting: Meeting) -> list[Field]:
    """The attendee form: name, role, agency (from the usual list), attendance, email."""
    named = [a.agency for a in meeting.conference.attendees if a.agency]
    agencies = tuple(dict.fromkeys([*AGENCIES, *named, *meeting.known_agencies()]))
    return [
        Field("name", "Name"),
        Field("role", "Role"),
        Field("agency", "Agency", suggestions=agencies, pick_title="Choose an agency"),
        Field("attendance", "Attendance", "choice", choices=ATTENDANCE),
        Field("email", "Email (for the minutes)"),
    ]


class AttendanceScreen(TableScreen):
    HELP_GROUP = "Attendance"
    TITLE_TEXT = (
        "Attendance — {table.add}: add  {table.edit}: edit  "
        "{attendance.cycle}: present/apologies/absent  {attendance.core}: core group"
    )
    EMPTY_TEXT = "No attendees yet: press {table.add} to add one."
    ROW_NAME = "attendee"
    BINDINGS = [
        Binding("p", "cycle", "Present/apologies/absent", id="attendance.cycle"),
        Binding("c", "core", "Core group in or out", id="attendance.core"),
        sharing.AGREEMENT_BINDING,
    ]

    def action_agreement(self) -> None:
        sharing.record_agreement(self, "attendees")

    def action_core(self) -> None:
        index = self.selected()
        if index is not None:
            self.edit(lambda: self.meeting.toggle_core_group(index))

    ROWS = ATTENDEE_ROWS
    COLUMNS = ATTENDEE_COLUMNS

    def detail(self, row: Attendee, number: int) -> Text:
        role, agency = row.role or "no role", row.agency or "no agency"
        core = ", core group" if row.name in self.meeting.conference.core_group else ""
        email = f" · {row.email}" if row.email else ""
        basis = sharing.basis_note(self, row)
        return Text(f"{row.name} — {role}, {agency} ({row.attendance}{core}){email}{basis}")

    def form_fields(self) -> list[Field]:
        return attendee_fields(self.meeting)

    def values_of(self, row: Attendee) -> Values:
        return {
            "name": row.name,
            "role": row.role,
            "agency": row.agency,
            "attendance": row.attendance,
            "email": row.email,
            "core": "yes" if row.name in self.meeting.conference.core_group else "",
        }

    def make_row(self, values: Values) -> Attendee:
        return Attendee(**{k: v for k, v in values.items() if k != "core"})
