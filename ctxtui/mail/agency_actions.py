"""Each agency's own actions: the minutes go to each agency on the distribution list in a
message of its own that lists the plan rows it is responsible for (``core.progress`` says
whose a row is), and, before the review, a request for an update on the rows still to do.

No UI and no store: handed a record, like ``circulate``. Every failure is one sentence
(SendError).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from email.message import EmailMessage
from typing import TYPE_CHECKING

from ctxtui.core.progress import groups, rows_of
from ctxtui.core.record import Action, Conference, Recipient
from ctxtui.export.markup import MARKING, day_text
from ctxtui.mail.circulate import (
    SendError,
    Sent,
    SmtpSettings,
    attachments,
    header_text,
    message,
    new_message,
    recipients,
    send,
    send_each,
)

if TYPE_CHECKING:
    from ctxtui.core.story import Story


def row_lines(action: Action, number: int) -> list[str]:
    """One plan row as a message lists it: what, then timescale and due date."""
    what = " ".join(action.intervention.split()) or " ".join(action.goal.split())
    lines = [f"{number}. {what or '(no intervention written)'}"]
    when = [f"Timescale: {' '.join(action.timescale.split())}."] if action.timescale.strip() else []
    if action.due:
        when.append(f"Due: {day_text(action.due)}.")
    if action.status not in ("open", ""):
        when.append(f"Status: {action.status}.")
    if when:
        lines.append("   " + " ".join(when))
    return lines


def agency_section(conference: Conference, agency: str) -> str:
    """What a recipient from ``agency`` reads of the plan: its own rows still to do, or that
    there are none."""
    name = " ".join(agency.split())
    if not name:
        return (
            "No agency is recorded for you on the distribution list, so your actions cannot be "
            "picked out here: the intervention plan is in the minutes.\n"
        )
    rows = rows_of(conference, agency)
    if not rows:
        return f"The intervention plan gives no actions to {name}.\n"
    lines = [f"Actions for {name} in the intervention plan ({len(rows)}):", ""]
    for number, index in enumerate(rows, 1):
        lines += row_lines(conference.actions[index], number)
    lines += [
        "",
        "It is for each agency to follow up its actions and to give an update at the review.",
    ]
    return "\n".join(lines) + "\n"


def _with_section(mail: EmailMessage, section: str) -> EmailMessage:
    """The message with the agency's section after its first paragraph."""
    body = mail.get_body(preferencelist=("plain",))
    if body is None:  # every message ``message`` makes has a plain body
        raise SendError("the message has no text to add the actions to; nothing was sent")
    text = body.get_content()
    first, _, rest = text.partition("\n\n")
    body.set_content(f"{first}\n\n{section}\n{rest}")
    return mail


def deliver(
    conference: Conference,
    settings: SmtpSettings,
    to: list[str],
    *,
    nation: str,
    previous: Conference | None = None,
    markdown_too: bool = False,
    story: Story | None = None,
    pdf_too: bool = False,
    statutory: Sequence[str] | None = None,
) -> Sent:
    """Send the minutes to ``to``, one message to each agency's recipients, each with that
    agency's own actions (safe in a worker thread: reads only the copy it is given)."""
    docx, markdown, pdf = attachments(
        conference,
        settings,
        nation=nation,
        previous=previous,
        markdown_too=markdown_too,
        story=story,
        pdf_too=pdf_too,
        statutory=statutory,
    )
    known = {p.email: p for p in recipients(conference)}
    people = [known.get(address) or Recipient(email=address) for address in to]
    mails = []
    for agency, members in groups(people):
        group = [p.email for p in members]
        mail = message(conference, settings.sender, group, docx, markdown, pdf)
        mails.append((_with_section(mail, agency_section(conference, agency)), group))
    sent = send_each(settings, mails)
    got = set(sent.accepted)
    return Sent([address for address in to if address in got], sent.refused)  # as listed


# -- asking each agency for progress before the review


@dataclass(frozen=True)
class Request:
    """One agency to ask for progress: its rows (indexes in the plan), who gets the message,
    and when it was last asked ("" never)."""

    agency: str
    rows: list[int]
    people: list[Recipient]
    asked: str = ""


def request_subject(conference: Conference, agency: str) -> str:
    name = header_text(conference.context.name) or "unnamed context"
    return f"{MARKING}: Progress on your actions before the review: {name} ({header_text(agency)})"


def request_body(
    conference: Conference, request: Request, review: dt.date, by: dt.date, sender: str
) -> str:
    """The request: the agency's rows, numbered, and how to reply so the reply can be
    attached and matched to them."""
    name = conference.context.name or "an unnamed context"
    lines = [
        f"The context safeguarding conference about {name} will review its plan on "
        f"{day_text(review.isoformat())}. These are the actions the plan gives to "
        f"{request.agency}:",
        "",
    ]
    for number, index in enumerate(request.rows, 1):
        lines += row_lines(conference.actions[index], number)
    lines += [
        "",
        f"Please reply by {day_text(by.isoformat())} with a short update on each, one "
        "paragraph an action, starting with its number and one of Done, In progress, "
        "Not done or Dropped, for example:",
        "",
        "1. In progress: the first two sessions were held; the rest start in May.",
        "",
        "Plain text in the reply is best; a .txt, .md or .docx attachment is read too. The "
        "chair attaches your reply to the conference, where each update is shown beside its "
        "action at the review.",
        "",
        f"This message is marked {MARKING}. It is about a place or group, not about any named "
        "child: please name no child or family in your reply.",
        "",
        f"If you received this in error, tell {sender} and delete it.",
    ]
    return "\n".join(lines) + "\n"


def ask(
    conference: Conference,
    settings: SmtpSettings,
    requests: Sequence[Request],
    review: dt.date,
    by: dt.date,
) -> list[tuple[Request, Sent | SendError]]:
    """Send each agency its request (safe in a worker thread); what became of each."""
    done: list[tuple[Request, Sent | SendError]] = []
    for request in requests:
        to = [p.email for p in request.people]
        mail = new_message(request_subject(conference, request.agency), settings.sender, to)
        mail.set_content(request_body(conference, request, review, by, settings.sender))
        try:
            done.append((request, send(settings, mail, to)))
        except SendError as error:
            done.append((request, error))
    return done
