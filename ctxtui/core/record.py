"""The conference record as data: the dataclasses, the lists of choices they use, and the
limits every text must keep. No I/O, no rules beyond the shape (``model.validate`` checks them).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from ctxtui.core.labels import DEFAULT_AGENDA, HEADING_KEYS

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


class Part:
    """What every part of the record shares: equal when every field is equal, shown field by
    field. Written once here because ``dataclass`` generates both for each class, and
    compiling those 42 functions was a third of loading this module at every start."""

    __hash__ = None  # type: ignore[assignment]  # mutable: never a dict key, as with dataclass

    def _names(self) -> list[str]:
        return [f.name for f in dataclasses.fields(self)]  # type: ignore[arg-type]

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Part) or other.__class__ is not self.__class__:
            return NotImplemented
        return all(getattr(self, name) == getattr(other, name) for name in self._names())

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._names())
        return f"{type(self).__name__}({shown})"


@dataclass(eq=False, repr=False)
class Context(Part):
    name: str = ""
    type: str = "neighbourhood"
    description: str = ""
    venue: str = ""


@dataclass(eq=False, repr=False)
class Dates(Part):
    assessment_period: str = ""
    mapping_meeting: str = ""
    conference: str = ""
    start_time: str = ""
    end_time: str = ""
    review: str = ""


@dataclass(eq=False, repr=False)
class Roles(Part):
    chair: str = ""
    lead_practitioner: str = ""
    location_lead: str = ""
    minute_taker: str = ""


@dataclass(eq=False, repr=False)
class Attendee(Part):
    name: str = ""
    role: str = ""
    agency: str = ""
    attendance: str = "present"
    email: str = ""


@dataclass(eq=False, repr=False)
class Discussion(Part):
    """What the minutes record of the discussion beyond the four headings."""

    involvement: list[str] = field(default_factory=list)  # current professional involvement
    location_lead_view: str = ""
    voice: str = ""  # how young people's and parents' views were brought in
    young_people_affected: str = ""  # a number or range, as said


@dataclass(eq=False, repr=False)
class Referral(Part):
    """A referral made outside the meeting: never a child's name."""

    agency: str = ""
    date: str = ""
    note: str = ""


@dataclass(eq=False, repr=False)
class Recipient(Part):
    name: str = ""
    agency: str = ""
    email: str = ""


@dataclass(eq=False, repr=False)
class Contribution(Part):
    """What a professional sent the chair before the meeting: kept whole for the chair to pull
    sentences from, never printed in the minutes (they list who sent one, and when)."""

    agency: str = ""
    author: str = ""
    received: str = ""  # YYYY-MM-DDTHH:MM:SS
    source: str = ""  # the file's name, as it was attached
    text: str = ""


@dataclass(eq=False, repr=False)
class Circulation(Part):
    at: str = ""
    to: list[str] = field(default_factory=list)


@dataclass(eq=False, repr=False)
class Points(Part):
    concerns: list[str] = field(default_factory=list)
    complicating: list[str] = field(default_factory=list)
    strengths: list[str] = field(default_factory=list)
    safety_plan: list[str] = field(default_factory=list)


@dataclass(eq=False, repr=False)
class Score(Part):
    attendee: str = ""
    score: int | None = None
    reason: str = ""


@dataclass(eq=False, repr=False)
class Scaling(Part):
    question: str = DEFAULT_SCALING_QUESTION
    scores: list[Score] = field(default_factory=list)


@dataclass(eq=False, repr=False)
class Action(Part):
    worry: str = ""
    helping: str = ""
    goal: str = ""
    intervention: str = ""
    agency: str = ""
    timescale: str = ""
    status: str = "open"
    progress: str = ""
    due: str = ""  # YYYY-MM-DD or "": a timescale may stay free text


@dataclass(eq=False, repr=False)
class AgendaItem(Part):
    title: str = ""
    minutes: int = 10
    started: str = ""  # local time the item was started, YYYY-MM-DDTHH:MM:SS, or ""


@dataclass(eq=False, repr=False)
class Agenda(Part):
    items: list[AgendaItem] = field(
        default_factory=lambda: [AgendaItem(title, minutes) for title, minutes in DEFAULT_AGENDA]
    )
    current: int = -1  # -1 until the meeting starts


@dataclass(eq=False, repr=False)
class Amendment(Part):
    """A change to finalised minutes: when it was opened, why, what changed, when re-finalised."""

    started: str = ""
    reason: str = ""
    changes: list[str] = field(default_factory=list)
    finalised: str = ""


@dataclass(eq=False, repr=False)
class UnfiledLine(Part):
    """A line typed in the capture line but not filed when the app had to stop (a hang-up, a
    quit): the next open puts it back in the capture line, under the heading it was typed
    under. Never part of the minutes."""

    target: str = ""
    text: str = ""


@dataclass(eq=False, repr=False)
class SkippedCheck(Part):
    """Minutes that left (sent, with --ignore-flags) while the names check was not done or
    privacy flags were open: when, and how."""

    at: str = ""
    by: str = ""


@dataclass(eq=False, repr=False)
class NamesCheck(Part):
    """The chair's answers to the names check: words that are a person's name (the guard
    flags them wherever they stand), words that are not, and each time minutes left without
    the check (not undoable: they have gone)."""

    names: list[str] = field(default_factory=list)
    not_names: list[str] = field(default_factory=list)
    skipped: list[SkippedCheck] = field(default_factory=list)


@dataclass(eq=False, repr=False)
class Closure(Part):
    """The decision to stop working with the context (on the last conference of its chain):
    why, who agreed and when. An empty ``outcome`` means the context is still open."""

    outcome: str = ""
    reason: str = ""
    agreed_by: list[str] = field(default_factory=list)
    date: str = ""  # YYYY-MM-DD


@dataclass(eq=False, repr=False)
class Conference(Part):
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

    def attendees_with_email(self) -> list[Recipient]:
        """Everyone on the attendance list with an email address, as recipients of the minutes."""
        return [Recipient(a.name, a.agency, a.email) for a in self.attendees if a.email]

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
