"""Circulating the minutes: mail the DOCX to the distribution list through the council's relay.

No UI here: the app and ``ctxtui send`` share it. Settings come from ``[smtp]`` in the config
file. Every failure is one sentence (SendError); a send that some recipients refused says who
got the minutes and who did not, and only those who got them are recorded as circulated.
"""

from __future__ import annotations

import re
import smtplib
import ssl
import stat
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from email.errors import HeaderParseError
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ctxtui.core.record import Conference, Recipient, strip_controls
from ctxtui.export.markdown import default_file_name
from ctxtui.export.markup import MARKING

if TYPE_CHECKING:  # a story is read only once a chain has one
    from ctxtui.core.story import Story

SECURITY = ("starttls", "tls", "none")
LOCAL_HOSTS = ("localhost", "127.0.0.1", "::1")
DEFAULT_PORTS = {"starttls": 587, "tls": 465, "none": 25}
TIMEOUT_SECONDS = 30
DOCX_TYPE = ("application", "vnd.openxmlformats-officedocument.wordprocessingml.document")


class SendError(Exception):
    """The minutes could not be sent; the message says why in one sentence."""


MAIL_FORMATS = ("docx", "pdf")


@dataclass(frozen=True)
class SmtpSettings:
    host: str
    port: int
    security: str
    sender: str
    username: str = ""
    password_file: str = ""
    ca_file: str = ""  # a council's own certificate authority, if its relay uses one
    formats: tuple[str, ...] = ("docx",)  # what the minutes go as: docx, pdf or both

    def describe(self) -> str:
        return f"{self.host}:{self.port} ({self.security})"


def smtp_settings(table: Mapping[str, Any] | None) -> SmtpSettings:
    """The ``[smtp]`` table of the config file, checked; SendError says what is wrong."""
    if not table:
        raise SendError(
            "no mail relay is set up: add an [smtp] table (host, from) to the config file"
        )
    known = {"host", "port", "security", "username", "password_file", "from", "ca_file", "formats"}
    unknown = set(table) - known
    if unknown:
        raise SendError(f"[smtp] has settings ctxtui does not know: {', '.join(sorted(unknown))}")
    security = table.get("security", "starttls")
    if security not in SECURITY:
        raise SendError(f"[smtp] security must be one of {', '.join(SECURITY)}, not {security!r}")
    host, sender = table.get("host"), table.get("from")
    if not isinstance(host, str) or not host.strip():
        raise SendError("[smtp] needs host, the name of the council's mail relay")
    if not isinstance(sender, str) or "@" not in sender:
        raise SendError("[smtp] needs from, the address the minutes are sent from")
    if security == "none" and host.strip().lower() not in LOCAL_HOSTS:
        raise SendError(
            f'[smtp] security = "none" would send the minutes unencrypted to {host}; it is '
            "allowed only for a relay on this machine (localhost, 127.0.0.1, ::1)"
        )
    port = table.get("port", DEFAULT_PORTS[security])
    if not isinstance(port, int) or not 0 < port < 65536:
        raise SendError(f"[smtp] port must be a number from 1 to 65535, not {port!r}")
    texts = {name: table.get(name, "") for name in ("username", "password_file", "ca_file")}
    for name, value in texts.items():
        if not isinstance(value, str):
            raise SendError(f"[smtp] {name} must be text in quotes")
    if texts["username"] and not texts["password_file"]:
        raise SendError("[smtp] has a username but no password_file")
    formats = table.get("formats", ["docx"])
    if not isinstance(formats, list) or not formats or any(f not in MAIL_FORMATS for f in formats):
        raise SendError('[smtp] formats must be a list of "docx" and "pdf", e.g. ["docx", "pdf"]')
    return SmtpSettings(
        host.strip(), port, security, sender.strip(), **texts, formats=tuple(dict.fromkeys(formats))
    )


def read_password(path: str) -> str:
    """The relay password from a file only its owner can read (0600)."""
    file = Path(path).expanduser()
    try:
        info = file.stat()
        if info.st_mode & (stat.S_IRWXG | stat.S_IRWXO):
            raise SendError(
                f"{file} can be read by others; the password file must be 0600 (chmod 600 {file})"
            )
        return file.read_text(encoding="utf-8").strip()
    except OSError as error:
        raise SendError(f"cannot read the password file {file}: {error.strerror}") from None


def recipients(conference: Conference) -> list[Recipient]:
    """The distribution list; while it is empty, every attendee with an email address."""
    if conference.distribution:
        return [r for r in conference.distribution if r.email]
    return conference.attendees_with_email()


def ready_to_send(
    conference: Conference,
    open_flags: int,
    names_to_check: int = 0,
    *,
    draft: bool = False,
    ignore_flags: bool = False,
) -> list[Recipient]:
    """The recipients, once the minutes may go: final (or ``draft`` asked for), no open privacy
    flags and the names check done (or ``ignore_flags``), somebody to send to. SendError says
    what stops them."""
    if conference.status != "final" and not draft:
        raise SendError(
            "these minutes are a draft: finalise them first (a draft goes only with "
            "ctxtui send ID --draft)"
        )
    if open_flags and not ignore_flags:
        raise SendError(
            f"{open_flags} possible child-identifying detail(s) are not cleared; nothing was "
            "sent (dismiss or reword them in the app, or ctxtui send ID --ignore-flags)"
        )
    if names_to_check and not ignore_flags:
        raise SendError(
            f"the names check is not done: {names_to_check} word(s) could be a person's name; "
            "nothing was sent (answer them in the app with Ctrl+O k; `ctxtui check ID --names` "
            "lists them; or ctxtui send ID --ignore-flags)"
        )
    return checked_recipients(
        conference,
        "nobody to send to: fill in the distribution list (Ctrl+O c) or attendees' emails",
    )


def checked_recipients(conference: Conference, nobody: str) -> list[Recipient]:
    """The recipients, each one plain address; SendError (``nobody`` when there are none)."""
    people = recipients(conference)
    if not people:
        raise SendError(nobody)
    for person in people:
        if not is_one_address(person.email):
            raise SendError(
                f"{person.email!r} ({person.name or 'no name'}) is not one plain email address; "
                "nothing was sent (correct it in the distribution list or the attendance)"
            )
    return people


def is_one_address(text: str) -> bool:
    """True for exactly one plain address (local@domain): no list, no display name, no
    comment, nothing a mail header would read as a second recipient."""
    try:
        address = Address(addr_spec=text)
    except (ValueError, IndexError, HeaderParseError):
        return False
    plain = re.fullmatch(r"[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+", text)
    return plain is not None and address.addr_spec == text


def header_text(text: str) -> str:
    """A stored text made fit for a mail header: one line, no control characters, and no
    encoded word ("=?utf-8?q?…?="), which a mail client would decode, line breaks and all."""
    return " ".join(strip_controls(text).split()).replace("=?", "= ?")


def subject(conference: Conference) -> str:
    name = header_text(conference.context.name) or "unnamed context"
    held = header_text(conference.dates.conference) or "undated"
    draft = " (DRAFT)" if conference.status != "final" else ""
    return f"{MARKING}: Context conference minutes{draft}: {name}, {held}"


def body(conference: Conference, sender: str) -> str:
    name = conference.context.name or "an unnamed context"
    state = "final" if conference.status == "final" else "draft (not yet final)"
    return (
        f"Attached are the {state} minutes of the context safeguarding conference about "
        f"{name}, held on {conference.dates.conference or 'an unrecorded date'}.\n\n"
        f"They are marked {MARKING}. They are about a place or group, not about any named "
        "child. Keep them on your organisation's secure systems, share them only with people "
        "who need them for the safety plan, and do not forward them outside your "
        "organisation.\n\n"
        f"If you received this in error, tell {sender} and delete it.\n"
    )


def message(
    conference: Conference,
    sender: str,
    to: list[str],
    docx: bytes | None,
    markdown: str | None = None,
    pdf: bytes | None = None,
) -> EmailMessage:
    """The email: a short body, the DOCX and/or the PDF attached, and the Markdown too if
    asked for."""
    mail = new_message(subject(conference), sender, to)
    mail.set_content(body(conference, sender))
    if docx is not None:
        maintype, subtype = DOCX_TYPE
        name = default_file_name(conference, "docx")
        mail.add_attachment(docx, maintype=maintype, subtype=subtype, filename=name)
    if pdf is not None:
        name = default_file_name(conference, "pdf")
        mail.add_attachment(pdf, maintype="application", subtype="pdf", filename=name)
    if markdown is not None:
        mail.add_attachment(
            markdown, subtype="markdown", filename=default_file_name(conference, "md")
        )
    return mail


def new_message(subject_line: str, sender: str, to: list[str]) -> EmailMessage:
    """A message with its headers set: subject, sender, recipients, date and a message id."""
    mail = EmailMessage()
    mail["Subject"] = subject_line
    mail["From"] = sender
    mail["To"] = ", ".join(to)
    mail["Date"] = formatdate(localtime=True)
    mail["Message-ID"] = make_msgid(domain=sender.rsplit("@", 1)[-1])
    return mail


@dataclass(frozen=True)
class Sent:
    accepted: list[str]
    refused: dict[str, str]  # address: the relay's reason

    def describe(self) -> str:
        got = f"Sent to {len(self.accepted)}: {', '.join(self.accepted)}."
        if not self.refused:
            return got
        refused = "; ".join(f"{a} ({why})" for a, why in self.refused.items())
        return f"{got} Not sent to {len(self.refused)}: {refused}."


def send(settings: SmtpSettings, mail: EmailMessage, to: list[str]) -> Sent:
    """Hand the message to the relay. Raises SendError when nobody got it."""
    return send_each(settings, [(mail, to)])


def send_each(settings: SmtpSettings, mails: list[tuple[EmailMessage, list[str]]]) -> Sent:
    """Hand each message to its recipients over one connection (each agency its own).
    Raises SendError when nobody got any; once one has gone, a failure names everyone still
    waiting as not sent."""
    accepted: list[str] = []
    rejected: dict[str, str] = {}
    try:
        _session(settings, mails, accepted, rejected)
    except SendError as error:
        if not accepted:
            raise
        for _mail, to in mails:
            rejected.update({a: str(error) for a in to if a not in accepted and a not in rejected})
    if not accepted:
        listed = "; ".join(f"{a} ({why})" for a, why in rejected.items())
        raise SendError(f"the relay refused every recipient; nothing was sent: {listed}")
    return Sent(accepted, rejected)


def _session(
    settings: SmtpSettings,
    mails: list[tuple[EmailMessage, list[str]]],
    accepted: list[str],
    rejected: dict[str, str],
) -> None:
    """One connection to the relay, each message handed over in turn; who got each goes in
    ``accepted`` and ``rejected`` as it goes. SendError says why the relay failed."""
    try:
        context = ssl.create_default_context(cafile=settings.ca_file or None)
    except (OSError, ssl.SSLError) as error:
        reason = getattr(error, "strerror", None) or getattr(error, "reason", None) or error
        raise SendError(
            f"the ca_file {settings.ca_file} in [smtp] cannot be used ({reason}): it must be a "
            "readable file of PEM certificates; nothing was sent"
        ) from None
    password = read_password(settings.password_file) if settings.username else ""
    where = settings.describe()
    try:
        if settings.security == "tls":
            client: smtplib.SMTP = smtplib.SMTP_SSL(
                settings.host, settings.port, timeout=TIMEOUT_SECONDS, context=context
            )
        else:
            client = smtplib.SMTP(settings.host, settings.port, timeout=TIMEOUT_SECONDS)
        with client:
            client.ehlo()
            if settings.security == "starttls":
                if not client.has_extn("starttls"):
                    raise SendError(f"the relay {where} does not offer STARTTLS; nothing was sent")
                client.starttls(context=context)
                client.ehlo()
            if settings.username:
                client.login(settings.username, password)
            _hand_over(client, settings.sender, mails, accepted, rejected)
    except SendError:
        raise
    except ssl.SSLCertVerificationError as error:
        raise SendError(
            f"the relay's certificate does not verify ({error.verify_message}); nothing was "
            "sent (a council's own certificate authority goes in [smtp] ca_file)"
        ) from None
    except smtplib.SMTPAuthenticationError:
        raise SendError(f"the relay {where} refused the username or password") from None
    except smtplib.SMTPSenderRefused as error:
        refusal = _reason(error)
        raise SendError(f"the relay refused the sender {settings.sender}: {refusal}") from None
    except smtplib.SMTPException as error:
        raise SendError(f"the relay {where} failed: {error}") from None
    except TimeoutError:
        raise SendError(f"the relay {where} did not answer in {TIMEOUT_SECONDS} s") from None
    except ssl.SSLError as error:
        raise SendError(f"a secure connection to {where} failed: {error.reason}") from None
    except OSError as error:
        raise SendError(f"cannot reach the relay {where}: {error.strerror or error}") from None


def _hand_over(
    client: smtplib.SMTP,
    sender: str,
    mails: list[tuple[EmailMessage, list[str]]],
    accepted: list[str],
    rejected: dict[str, str],
) -> None:
    for mail, to in mails:
        try:
            refused = client.send_message(mail, from_addr=sender, to_addrs=to)
        except smtplib.SMTPRecipientsRefused as error:  # every recipient of this message
            rejected.update({a: _reason(r) for a, r in error.recipients.items()})
            continue
        got = {address: _reason(reply) for address, reply in refused.items()}
        rejected.update(got)
        accepted += [a for a in to if a not in got]


def attachments(
    conference: Conference,
    settings: SmtpSettings,
    *,
    nation: str,
    previous: Conference | None = None,
    markdown_too: bool = False,
    story: Story | None = None,
    pdf_too: bool = False,
    statutory: Sequence[str] | None = None,
) -> tuple[bytes | None, str | None, bytes | None]:
    """The DOCX, the Markdown and the PDF the minutes go with (None: not asked for), each
    made once however many messages carry them."""
    from ctxtui.export import render
    from ctxtui.export.docx import PandocUnavailable
    from ctxtui.export.pdf import PdfUnavailable

    made: dict[str, bytes] = {}
    formats = {*settings.formats, *(("pdf",) if pdf_too else ())}
    for fmt in sorted(formats):
        try:
            made[fmt] = render(
                conference, fmt, nation=nation, previous=previous, story=story, statutory=statutory
            )
        except (PandocUnavailable, PdfUnavailable) as error:
            raise SendError(
                f"the {fmt.upper()} cannot be made ({error}); nothing was sent"
            ) from None
    markdown = (
        render(
            conference, "md", nation=nation, previous=previous, story=story, statutory=statutory
        ).decode("utf-8")
        if markdown_too
        else None
    )
    return made.get("docx"), markdown, made.get("pdf")


def _reason(reply: Any) -> str:
    """The relay's words from an SMTP reply (code, bytes) or an exception carrying one."""
    code, text = (reply.smtp_code, reply.smtp_error) if hasattr(reply, "smtp_code") else reply
    words = text.decode("utf-8", "replace") if isinstance(text, bytes) else str(text)
    return f"{code} {words}".strip()
