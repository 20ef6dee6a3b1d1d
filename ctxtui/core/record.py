"""The conference record as data: the dataclasses, the lists of choices they use, and the
limits every text must keep. No I/O, no rules beyond the shape (``validation`` checks them).

Unlike the other modules, this one has no ``from __future__ import annotations``: with the
annotations evaluated (every class is defined before it is named), ``dataclass`` can tell a
``ClassVar`` from a field without matching each annotation's text, a third of loading this
module, which every start needs.
"""

import dataclasses
import datetime as dt
import re
from dataclasses import field
from typing import Any

from ctxtui.core.labels import DEFAULT_AGENDA, HEADING_KEYS
from ctxtui.core.parts import Part, part
from ctxtui.core.parts import field_names as field_names  # where the record's readers look
from ctxtui.core.recorded import Recording

SCHEMA = "ctxtui.conference/1"

CONTEXT_TYPES: tuple[str, ...] = ("neighbourhood", "school", "peer-group", "online", "other")
KINDS: tuple[str, ...] = ("initial", "review", "closure")
STATUSES: tuple[str, ...] = ("draft", "final")
# "invited": sent the invitation, not yet marked at the meeting
ATTENDANCE: tuple[str, ...] = ("present", "apologies", "absent", "invited")
MEETING_ATTENDANCE: tuple[str, ...] = ATTENDANCE[:3]  # what the chair marks in the room
ACTION_STATUSES: tuple[str, ...] = ("open", "in-progress", "done", "not-done", "dropped")
# why a context is closed (labels.CLOSURE_OUTCOME_LABELS); "other" needs a reason
CLOSURE_OUTCOMES: tuple[str, ...] = ("risk-reduced", "other-plan", "place-changed", "other")

DEFAULT_SCALING_QUESTION = (
    "On a scale of 0 to 10, where 0 means no confidence and 10 means complete confidence, "
    "how confident are we that the safety goals have been achieved for this place?"
)

FIRST_YEAR, LAST_YEAR = 1900, 2999
MAX_TEXT = 100_000  # characters in one field: room for a long paste, not for a runaway one
MAX_ITEMS = 5_000  # entries in one list
MAX_PRIORITIES = 3  # the guidance asks for one or two; a third at most
MAX_PRIORITY_TEXT = 200  # a priority is one short line the room can keep in mind
ID_PATTERN = re.compile(r"[a-z0-9][a-z0-9-]{0,79}")  # always used with fullmatch
_TIME = re.compile(r"([01]\d|2[0-3]):[0-5]\d")
EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
_TIMESTAMP = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?")
# C0 and C1 controls except tab and newline (ESC starts terminal escape sequences), the
# bidirectional embeddings, overrides and isolates (they can show text reversed), and lone
# surrogates (not text at all).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


class ValidationError(ValueError):
    """A record that breaks a rule; ``field`` names where, e.g. ``attendees[2].attendance``."""

    def __init__(self, field_name: str, problem: str) -> None:
        super().__init__(f"{field_name}: {problem}")
        self.field = field_name
        self.problem = problem


def strip_controls(text: str) -> str:
    """Remove control characters and escape sequences (keeps tab and newline)."""
    text = re.sub(r"\x1b\[[0-9;?]*[ -/]*[@-~]", "", text)  # CSI sequences whole
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub("", text)


@part
class Context(Part):
    """The place or group the conference is about: never a named child."""

    name: str = ""
    type: str = "neighbourhood"
    description: str = ""
    venue: str = ""


@part
class Dates(Part):
    """When the work happened: dates as YYYY-MM-DD, times as HH:MM, any may be empty."""

    assessment_period: str = ""
    mapping_meeting: str = ""
    conference: str = ""
    start_time: str = ""
    end_time: str = ""
    review: str = ""


@part
class Roles(Part):
    """Who held each role at the meeting."""

    chair: str = ""
    lead_practitioner: str = ""
    location_lead: str = ""
    minute_taker: str = ""


@part
class Attendee(Part):
    """One line of the attendance list."""

    name: str = ""
    role: str = ""
    agency: str = ""
    attendance: str = "present"
    email: str = ""
    # an information-sharing agreement signed: the day (YYYY-MM-DD) and its version or
    # reference; empty: none (a statutory partner needs none, see core/sharing.py)
    agreement_signed: str = ""
    agreement_reference: str = ""


@part
class Discussion(Part):
    """What the minutes record of the discussion beyond the four headings."""

    involvement: list[str] = field(default_factory=list)  # current professional involvement
    location_lead_view: str = ""
    voice: str = ""  # how young people's and parents' views were brought in
    young_people_affected: str = ""  # a number or range, as said


@part
class Referral(Part):
    """A referral made outside the meeting: never a child's name."""

    agency: str = ""
    date: str = ""
    note: str = ""


@part
class Recipient(Part):
    """Someone the minutes go to."""

    name: str = ""
    agency: str = ""
    email: str = ""
    agreement_signed: str = ""  # as an attendee's
    agreement_reference: str = ""


@part
class Contribution(Part):
    """What a professional sent the chair before the meeting: kept whole for the chair to pull
    sentences from, never printed in the minutes (they list who sent one, and when)."""

    agency: str = ""
    author: str = ""
    received: str = ""  # YYYY-MM-DDTHH:MM:SS
    source: str = ""  # the file's name, as it was attached
    text: str = ""


@part
class Circulation(Part):
    """One sending (of minutes or invitations): when, and to which addresses."""

    at: str = ""
    to: list[str] = field(default_factory=list)


@part
class Points(Part):
    """The points under the four headings, in the order they were typed."""

    concerns: list[str] = field(default_factory=list)
    complicating: list[str] = field(default_factory=list)
    strengths: list[str] = field(default_factory=list)
    safety_plan: list[str] = field(default_factory=list)


@part
class Score(Part):
    """One person's 0-10 answer to the scaling question (None: not given)."""

    attendee: str = ""
    score: int | None = None
    reason: str = ""
    recording_offset: str = ""  # H:MM:SS into the recording when the score was given, or ""


@part
class Scaling(Part):
    """The scaling question and the room's answers."""

    question: str = DEFAULT_SCALING_QUESTION
    scores: list[Score] = field(default_factory=list)


@part
class Action(Part):
    """One row of the intervention plan."""

    worry: str = ""
    helping: str = ""
    goal: str = ""
    intervention: str = ""
    agency: str = ""
    timescale: str = ""
    status: str = "open"
    progress: str = ""
    due: str = ""  # YYYY-MM-DD or "": a timescale may stay free text
    recording_offset: str = ""  # H:MM:SS into the recording when the row was added, or ""


@part
class AgendaItem(Part):
    """One agenda item and the minutes planned for it."""

    title: str = ""
    minutes: int = 10
    started: str = ""  # local time the item was started, YYYY-MM-DDTHH:MM:SS, or ""


@part
class Agenda(Part):
    """The meeting's agenda and the item now under way."""

    items: list[AgendaItem] = field(
        default_factory=lambda: [AgendaItem(title, minutes) for title, minutes in DEFAULT_AGENDA]
    )
    current: int = -1  # -1 until the meeting starts


@part
class Amendment(Part):
    """A change to finalised minutes: when it was opened, why, what changed, when re-finalised."""

    started: str = ""
    reason: str = ""
    changes: list[str] = field(default_factory=list)
    finalised: str = ""


@part
class UnfiledLine(Part):
    """A line typed in the capture line but not filed when the app had to stop (a hang-up, a
    quit): the next open puts it back in the capture line, under the heading it was typed
    under. Never part of the minutes."""

    target: str = ""
    text: str = ""


@part
class SkippedCheck(Part):
    """Minutes that left (sent, with --ignore-flags) while the names check was not done or
    privacy flags were open: when, and how."""

    at: str = ""
    by: str = ""


@part
class NamesCheck(Part):
    """The chair's answers to the names check: words that are a person's name (the guard
    flags them wherever they stand), words that are not, and each time minutes left without
    the check (not undoable: they have gone)."""

    names: list[str] = field(default_factory=list)
    not_names: list[str] = field(default_factory=list)
    skipped: list[SkippedCheck] = field(default_factory=list)


@part
class Confirmation(Part):
    """One answer the chair gave the privacy guard (a flag dismissed, a word that is not a
    name): who gave it, when, and on what text. It holds only while the record's texts that
    hold the word are those it was given on (``texts``: a digest of them)."""

    at: str = ""  # YYYY-MM-DDTHH:MM:SS
    by: str = ""  # the user who answered
    answer: str = ""  # "dismissed" or "not_name"
    key: str = ""  # the flag's "category:text", or the word
    texts: str = ""  # digest of every text of the record holding the word, as answered


@part
class Redacted(Part):
    """A word or name taken out of the record. Never the text itself: only what finds it
    again (a salted SHA-256 of its folded form, and that form's length), so that whatever is
    restored later (a rescue copy, an older copy) has it taken out again."""

    at: str = ""  # YYYY-MM-DDTHH:MM:SS
    salt: str = ""  # hex
    digest: str = ""  # hex SHA-256 of the salt's bytes and the folded text
    length: str = ""  # of the folded text, in characters
    replacement: str = ""


@part
class ProgressAsked(Part):
    """An agency asked for progress before the review: when, to whom, on which plan rows
    (numbers from "1", as the message listed them) and by which day."""

    at: str = ""  # YYYY-MM-DDTHH:MM:SS
    agency: str = ""
    to: list[str] = field(default_factory=list)
    rows: list[str] = field(default_factory=list)
    reply_by: str = ""  # YYYY-MM-DD


@part
class ProgressUpdate(Part):
    """An agency's written update on its rows, kept whole for the review, never in the
    minutes; ``answers``: the id of the conference whose plan rows it answers."""

    agency: str = ""
    author: str = ""
    received: str = ""  # YYYY-MM-DDTHH:MM:SS
    source: str = ""  # the file's name, as it was attached
    answers: str = ""
    text: str = ""


@part
class Closure(Part):
    """The decision to stop working with the context (on the last conference of its chain):
    why, who agreed and when. An empty ``outcome`` means the context is still open."""

    outcome: str = ""
    reason: str = ""
    agreed_by: list[str] = field(default_factory=list)
    date: str = ""  # YYYY-MM-DD


@part
class Conference(Part):
    """One conference: everything its minutes are made from."""

    id: str = ""
    kind: str = "initial"
    previous_id: str | None = None
    status: str = "draft"
    finalised_at: str = ""
    context: Context = field(default_factory=Context)
    dates: Dates = field(default_factory=Dates)
    roles: Roles = field(default_factory=Roles)
    attendees: list[Attendee] = field(default_factory=list)
    danger_statement: str = ""
    points: Points = field(default_factory=Points)
    safety_goals: list[str] = field(default_factory=list)
    scaling: Scaling = field(default_factory=Scaling)
    actions: list[Action] = field(default_factory=list)
    agenda: Agenda = field(default_factory=Agenda)
    # privacy findings the chair has looked at and dismissed, as "category:matched text"
    dismissed_flags: list[str] = field(default_factory=list)
    amendments: list[Amendment] = field(default_factory=list)
    discussion: Discussion = field(default_factory=Discussion)
    referrals: list[Referral] = field(default_factory=list)
    core_group: list[str] = field(default_factory=list)  # attendee names
    distribution: list[Recipient] = field(default_factory=list)
    circulated: list[Circulation] = field(default_factory=list)
    unfiled: UnfiledLine = field(default_factory=UnfiledLine)
    names_check: NamesCheck = field(default_factory=NamesCheck)
    # the issues the lead practitioner asked the meeting to keep to, most important first
    priorities: list[str] = field(default_factory=list)
    contributions: list[Contribution] = field(default_factory=list)
    invited: list[Circulation] = field(default_factory=list)  # invitations sent: when, to whom
    closure: Closure = field(default_factory=Closure)
    redactions: list[Redacted] = field(default_factory=list)
    # who answered the privacy guard, and on what text: dismissed_flags and
    # names_check.not_names hold only where one of these stands behind them
    confirmations: list[Confirmation] = field(default_factory=list)
    # the SHA-256 of the audit log line of the record's last save (set by the store)
    audit_anchor: str = ""
    # when the chair read the confidentiality reminder to the room (YYYY-MM-DDTHH:MM:SS), or ""
    confidentiality_reminder: str = ""
    recording: Recording = field(default_factory=Recording)
    # between meetings: progress asked for and received (like mail sent, never undone)
    progress_asked: list[ProgressAsked] = field(default_factory=list)
    progress_updates: list[ProgressUpdate] = field(default_factory=list)

    def attendees_with_email(self) -> list[Recipient]:
        """Everyone on the attendance list with an email address, as recipients of the minutes."""
        return [
            Recipient(a.name, a.agency, a.email, a.agreement_signed, a.agreement_reference)
            for a in self.attendees
            if a.email
        ]

    def target_list(self, target: str) -> list[str]:
        """The list of points a capture target files into."""
        if target == "safety_goals":
            return self.safety_goals
        if target in HEADING_KEYS:
            points: list[str] = getattr(self.points, target)
            return points
        raise KeyError(target)

    def conference_date(self) -> dt.date | None:
        return parse_date(self.dates.conference)

    def to_dict(self) -> dict[str, Any]:
        """The interchange form (``ctxtui.conference/1``)."""
        return {"schema": SCHEMA, **dataclasses.asdict(self)}


def parse_date(text: str) -> dt.date | None:
    """An ISO date, or None for an empty string; ValueError for anything else."""
    if not text:
        return None
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        raise ValueError(f"not a date in the form YYYY-MM-DD: {text!r}")
    day = dt.date.fromisoformat(text)
    if not FIRST_YEAR <= day.year <= LAST_YEAR:  # due dates are worked out from it
        raise ValueError(f"not a date between {FIRST_YEAR} and {LAST_YEAR}: {text!r}")
    return day


# ---------------------------------------------------------------------------- rules


__all__ = [
    "ACTION_STATUSES",
    "ATTENDANCE",
    "MEETING_ATTENDANCE",
    "Action",
    "Agenda",
    "AgendaItem",
    "Amendment",
    "Attendee",
    "CLOSURE_OUTCOMES",
    "CONTEXT_TYPES",
    "Circulation",
    "Closure",
    "Conference",
    "Contribution",
    "Context",
    "DEFAULT_SCALING_QUESTION",
    "Dates",
    "Discussion",
    "EMAIL",
    "FIRST_YEAR",
    "ID_PATTERN",
    "KINDS",
    "LAST_YEAR",
    "MAX_ITEMS",
    "MAX_PRIORITIES",
    "MAX_PRIORITY_TEXT",
    "MAX_TEXT",
    "Points",
    "ProgressAsked",
    "ProgressUpdate",
    "Recipient",
    "Referral",
    "Roles",
    "SCHEMA",
    "STATUSES",
    "Scaling",
    "Score",
    "UnfiledLine",
    "NamesCheck",
    "SkippedCheck",
    "ValidationError",
    "parse_date",
    "strip_controls",
]
