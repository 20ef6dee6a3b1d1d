"""Invitations through a real SMTP server on 127.0.0.1: the message, its calendar entry (parsed
back), the record, and the refusals. Nothing is sent anywhere but the loopback address."""

from __future__ import annotations

import datetime as dt

import pytest
from icalendar import Calendar

from ctxtui.cli.demo import demo_conference
from ctxtui.core.record import Attendee
from ctxtui.export.markdown import to_markdown
from ctxtui.meeting.editing import Editor

from .conftest import configure, wait_for

EMAILS = ["gwen@housing.example", "sam@police.example"]


@pytest.fixture
def upcoming(store):
    """The demo conference on a day still to come, two attendees with email addresses."""
    conference = demo_conference()
    conference.dates.conference = "2027-03-10"
    conference.dates.start_time, conference.dates.end_time = "10:00", "11:30"
    conference.context.venue = "Millbrook Community Centre"
    for attendee in conference.attendees:
        attendee.email = ""
    for attendee, email in zip(conference.attendees[2:4], EMAILS, strict=True):
        attendee.email = email
    return store.create(conference)


def _calendar(mail) -> Calendar:
    (ics,) = [part for part in mail.iter_attachments() if part.get_filename().endswith(".ics")]
    return Calendar.from_ical(ics.get_content())


def test_the_invitation_carries_the_meeting_and_a_calendar_entry(cli, store, upcoming, relays):
    relay, port = relays["none"]
    configure("none", port, None)
    result = cli("invite", upcoming.id)
    assert result.returncode == 0, result.stderr
    assert "Invitation sent to 2" in result.stdout
    [(sender, to, mail)] = relay.messages
    assert to == EMAILS and sender == "conferences@council.example"
    assert mail["Subject"] == (
        "OFFICIAL-SENSITIVE: Invitation: context conference about "
        f"{upcoming.context.name}, 2027-03-10 10:00"
    )
    body = mail.get_body(preferencelist=("plain",)).get_content()
    for words in (
        "Wednesday 10 March 2027, 10:00 to 11:30",
        "Millbrook Community Centre",
        "1. Light the underpass and make the walk home safe",  # the priorities
        "1. Introductions and purpose (10 min)",  # the agenda
        "written contribution",
        "conferences@council.example",
    ):
        assert words in body, words
    (event,) = _calendar(mail).walk("VEVENT")
    start, end = event.decoded("dtstart"), event.decoded("dtend")
    assert (start.hour, end.hour, end.minute) == (10, 11, 30)
    assert str(start.tzinfo) == "Europe/London" and start.date() == dt.date(2027, 3, 10)
    assert str(event["location"]) == "Millbrook Community Centre"
    record = store.load(upcoming.id)
    assert [sent.to for sent in record.invited] == [EMAILS]
    marked = {a.email: a.attendance for a in record.attendees if a.email}
    assert marked == dict.fromkeys(EMAILS, "invited")
    minutes = to_markdown(record)
    assert "### Invited, did not come" in minutes


def test_a_dry_run_sends_nothing(cli, store, upcoming, relays):
    relay, port = relays["none"]
    configure("none", port, None)
    result = cli("invite", upcoming.id, "--dry-run")
    assert result.returncode == 0 and "Nothing sent" in result.stdout
    assert relay.messages == [] and store.load(upcoming.id).invited == []


@pytest.mark.parametrize(
    ("change", "sentence"),
    [
        (lambda c: setattr(c.dates, "conference", "2026-01-20"), "has passed"),
        (lambda c: setattr(c.dates, "start_time", ""), "no start time"),
        (lambda c: setattr(c, "status", "final"), "final"),
        (lambda c: [setattr(a, "email", "") for a in c.attendees], "nobody to invite"),
        (lambda c: setattr(c.attendees[2], "email", "x,y@police.example"), "not one plain"),
    ],
)
def test_what_stops_an_invitation_is_one_sentence(cli, store, relays, change, sentence):
    relay, port = relays["none"]
    configure("none", port, None)
    conference = demo_conference()
    conference.dates.conference, conference.dates.start_time = "2027-03-10", "10:00"
    for attendee in conference.attendees:
        attendee.email = ""
    conference.attendees[2].email = EMAILS[0]
    change(conference)
    made = store.create(conference)
    result = cli("invite", made.id)
    assert result.returncode == 2 and sentence in result.stderr, result.stderr
    assert result.stderr.count("\n") == 1 and relay.messages == []
    assert store.load(made.id).invited == []


def test_the_meeting_marks_an_invitee_and_undo_never_calls_the_mail_back():
    conference = demo_conference()
    conference.attendees = [Attendee("Gwen Hollis", "Manager", "Housing", "present", EMAILS[0])]
    editor = Editor(conference)
    editor.points.add("concerns", "A new point")
    editor.record_invitation("2027-03-01T09:00:00", [EMAILS[0]])
    assert conference.attendees[0].attendance == "invited"
    assert editor.rows.cycle_attendance(0) == "present"  # marked in the room
    editor.undo()
    editor.undo()
    assert conference.invited[0].to == [EMAILS[0]]


async def test_the_app_invites_after_showing_who_gets_it(store, upcoming, relays, make_app, clock):
    from ctxtui.screens.dialogs import ConfirmDialog

    relay, port = relays["none"]
    configure("none", port, None)
    app = make_app(upcoming.id)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+o", "t")
        await wait_for(lambda: isinstance(app.screen, ConfirmDialog))
        assert [line.rsplit("<", 1)[1].rstrip(">") for line in app.screen.details] == EMAILS
        await pilot.press("y")
        await wait_for(lambda: len(relay.messages) == 1, timeout=30)
        await wait_for(lambda: bool(store.load(upcoming.id).invited), timeout=10)
    assert store.load(upcoming.id).invited[0].to == EMAILS


def test_a_dry_run_shows_the_message_with_no_relay_set(cli, store, upcoming):
    """Issue 41, case 10: no [smtp] table yet, and the dry run still shows what would go."""
    result = cli("invite", upcoming.id, "--dry-run")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("To: ") and "Subject: " in result.stdout
    assert "Millbrook Community Centre" in result.stdout  # the invitation's own text
    assert "Nothing sent" in result.stdout and store.load(upcoming.id).invited == []
