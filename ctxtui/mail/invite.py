"""Inviting the attendees: the date, the times, the venue, the agenda, the priorities and how to
send a written contribution, with a calendar entry (.ics, Europe/London) attached. Sent through
the same relay as the minutes, with the same refusals; every failure is one sentence."""

from __future__ import annotations

import datetime as dt
from email.message import EmailMessage
from zoneinfo import ZoneInfo

from ctxtui.core.record import Conference, Recipient, parse_date
from ctxtui.export.markup import MARKING
from ctxtui.mail.circulate import (
    SendError,
    Sent,
    SmtpSettings,
    checked_recipients,
    header_text,
    new_message,
    send,
)

LONDON = ZoneInfo("Europe/London")
DEFAULT_LENGTH = dt.timedelta(minutes=90)  # when no end time is set


def meeting_times(conference: Conference) -> tuple[dt.datetime, dt.datetime]:
    """Start and end in Europe/London; SendError when the date or the start is missing."""
    d = conference.dates
    day = parse_date(d.conference) if d.conference else None
    if day is None:
        raise SendError("the conference has no date: set it in the details (Ctrl+O d) first")
    if not d.start_time:
        raise SendError("the conference has no start time: set it in the details first")
    start = dt.datetime.combine(day, dt.time.fromisoformat(d.start_time), LONDON)
    end = (
        dt.datetime.combine(day, dt.time.fromisoformat(d.end_time), LONDON)
        if d.end_time
        else start + DEFAULT_LENGTH
    )
    if end <= start:
        raise SendError("the end time is not after the start time: correct it in the details")
    return start, end


def ready_to_invite(conference: Conference, today: dt.date) -> list[Recipient]:
    """Who gets the invitation, once it may go. SendError says what stops it."""
    if conference.status == "final":
        raise SendError("these minutes are final: the meeting has been held")
    start, _end = meeting_times(conference)
    if start.date() < today:
        raise SendError(f"the conference date {start.date().isoformat()} has passed")
    return checked_recipients(
        conference,
        "nobody to invite: add attendees' emails (Ctrl+L) or a distribution list (Ctrl+O c)",
    )


def subject(conference: Conference) -> str:
    start, _end = meeting_times(conference)
    name = header_text(conference.context.name) or "unnamed context"
    return f"{MARKING}: Invitation: context conference about {name}, {start:%Y-%m-%d %H:%M}"


def body(conference: Conference, sender: str) -> str:
    start, end = meeting_times(conference)
    c = conference
    lines = [
        f"You are invited to a context safeguarding conference about "
        f"{header_text(c.context.name) or 'an unnamed context'}.",
        "",
        f"When: {start:%A %d %B %Y}, {start:%H:%M} to {end:%H:%M} (UK time)",
        f"Where: {header_text(c.context.venue) or 'to be confirmed'}",
    ]
    if c.roles.chair:
        lines.append(f"Chair: {header_text(c.roles.chair)}")
    if c.priorities:
        lines += ["", "The priorities for this meeting:"]
        lines += [f"  {n}. {header_text(p)}" for n, p in enumerate(c.priorities, 1)]
    if c.agenda.items:
        lines += ["", "Agenda:"]
        lines += [
            f"  {n}. {header_text(item.title)} ({item.minutes} min)"
            for n, item in enumerate(c.agenda.items, 1)
        ]
    lines += [
        "",
        "Please send the chair a written contribution before the meeting: what is working well, "
        "what you are worried about, and what might help. You can always put your thoughts in "
        f"writing and send them to {sender}, before or after the meeting.",
        "",
        f"This invitation is {MARKING}. The conference is about a place or group, never about a "
        "named child: please do not name children or families in your reply.",
        "",
        "A calendar entry is attached.",
    ]
    return "\n".join(lines) + "\n"


def calendar_entry(conference: Conference, sender: str, now: dt.datetime) -> bytes:
    """The meeting as an iCalendar event (times in Europe/London)."""
    from icalendar import Calendar, Event

    start, end = meeting_times(conference)
    calendar = Calendar()
    calendar.add("prodid", "-//ctxtui//context conference//EN")
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    event = Event()
    event.add("uid", f"{conference.id or 'conference'}@ctxtui")
    event.add("dtstamp", now.astimezone(dt.UTC))
    event.add("dtstart", start)
    event.add("dtend", end)
    name = header_text(conference.context.name) or "unnamed context"
    event.add("summary", f"Context conference: {name}")
    if conference.context.venue:
        event.add("location", header_text(conference.context.venue))
    event.add("description", f"{MARKING}. Written contributions to {sender}.")
    event.add("organizer", f"mailto:{sender}")
    calendar.add_component(event)
    return bytes(calendar.to_ical())


def message(conference: Conference, sender: str, to: list[str], now: dt.datetime) -> EmailMessage:
    mail = new_message(subject(conference), sender, to)
    mail.set_content(body(conference, sender))
    mail.add_attachment(
        calendar_entry(conference, sender, now),
        maintype="text",
        subtype="calendar",
        filename="context-conference.ics",
    )
    return mail


def invite(conference: Conference, settings: SmtpSettings, to: list[str], now: dt.datetime) -> Sent:
    """Send the invitation (safe in a worker thread: reads only the copy it is given)."""
    return send(settings, message(conference, settings.sender, to, now), to)
