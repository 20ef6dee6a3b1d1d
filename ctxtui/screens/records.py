"""Small tables of the record: referrals made outside the meeting (never a child's name) and
the distribution list of the minutes."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding

from ctxtui.core.labels import AGENCIES
from ctxtui.core.record import Recipient, Referral
from ctxtui.screens import sharing
from ctxtui.screens.forms import Field
from ctxtui.screens.tables import RECIPIENT_ROWS, REFERRAL_ROWS, TableScreen


class ReferralsScreen(TableScreen):
    HELP_GROUP = "Referrals"
    TITLE_TEXT = "Referrals outside the meeting: agency, date, note — never a child's name"
    ROW_NAME = "referral"
    ROWS, ROW_TYPE = REFERRAL_ROWS, Referral
    COLUMNS = (("agency", "Agency", 24), ("date", "Date", 12), ("note", "Note", 38))

    def form_fields(self) -> list[Field]:
        return [
            Field("agency", "Agency", suggestions=AGENCIES, pick_title="Choose an agency"),
            Field("date", "Date", "date", placeholder="YYYY-MM-DD"),
            Field("note", "Note (no names)"),
        ]


class DistributionScreen(TableScreen):
    HELP_GROUP = "Distribution list"
    TITLE_TEXT = (
        "Who receives the minutes — {distribution.attendees}: add attendees with an email address"
    )
    EMPTY_TEXT = (
        "Nobody listed, so the minutes go to every attendee with an email address. Press "
        "{distribution.attendees} to list them here and change the list, or {table.add} to add "
        "someone."
    )
    ROW_NAME = "recipient"
    ROWS, ROW_TYPE = RECIPIENT_ROWS, Recipient
    COLUMNS = (("name", "Name", 22), ("agency", "Agency", 22), ("email", "Email", 30))
    BINDINGS = [
        Binding("f", "from_attendees", "Add attendees", id="distribution.attendees"),
        sharing.AGREEMENT_BINDING,
    ]

    def action_agreement(self) -> None:
        sharing.record_agreement(self, "distribution")

    def detail(self, row: Recipient, number: int) -> Text:
        shown = " · ".join(v for v in (row.name, row.agency, row.email) if v)
        return Text(shown + sharing.basis_note(self, row))

    def values_of(self, row: Recipient) -> dict[str, str]:
        return {"name": row.name, "agency": row.agency, "email": row.email}

    def form_fields(self) -> list[Field]:
        return [Field("name", "Name"), Field("agency", "Agency"), Field("email", "Email")]

    def action_from_attendees(self) -> None:
        """Everyone on the attendance list with an email address, once each."""
        listed = {r.email.lower() for r in self.rows()}
        new = [
            r
            for r in self.meeting.conference.attendees_with_email()
            if r.email.lower() not in listed
        ]
        if not new:
            self.notify("Every attendee with an email address is on the list already.")
            return
        for recipient in new:

            def add(row: Recipient = recipient) -> int:
                return self.meeting.add_row(self.ROWS.table, row)

            if not self.edit(add)[0]:
                return
        self.notify(f"{len(new)} added from the attendance list.")
