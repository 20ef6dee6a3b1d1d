"""Finds details that could identify a child or family in text meant to be about a place.

Pure functions, no UI. The finders (identifiers.py for details by their form, names.py for
people's names) each return what they matched and where, so the app can show the
reason beside a point and the chair can dismiss one finding (remembered as ``category:text``).
The aim is to catch slips made at typing speed without crying wolf: place names, agencies,
roles and the people at the meeting are not flagged.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from ctxtui.core.record import Conference
from ctxtui.guard.confirmations import DISMISSED, NOT_NAME, standing

# re-exported: the screens and the tests read these from here
from ctxtui.guard.guarded_text import GUARDED_FIELDS as GUARDED_FIELDS
from ctxtui.guard.guarded_text import record_texts as record_texts
from ctxtui.guard.handles import handles
from ctxtui.guard.hits import CATEGORIES as CATEGORIES
from ctxtui.guard.hits import Hit as Hit
from ctxtui.guard.identifiers import birth_dates, numbers_and_addresses, vehicles
from ctxtui.guard.names import find_names
from ctxtui.guard.names_check import places_in, possible_names
from ctxtui.guard.read_out import read_out

# What the names check lists (never a live flag): ``check --names``, the names check screen.
POSSIBLE_NAME = "possible_name"
DESCRIPTIONS: dict[str, str] = {**CATEGORIES, POSSIBLE_NAME: "could be a person's name"}
STRUCTURED = (
    "date_of_birth",
    "age",
    "nhs_number",
    "ni_number",
    "phone",
    "email",
    "address",
    "vehicle",
    "handle",
    "reference",
)
# The sections of ``ctxtui check --json``, in the order of the minutes.
SECTIONS: tuple[str, ...] = (
    "danger_statement",
    "concerns",
    "complicating",
    "strengths",
    "safety_plan",
    "safety_goals",
    "actions",
    "scaling",
    "attendees",
    "discussion",
    "referrals",
)


@dataclass(frozen=True)
class Finding:
    section: str
    index: int
    category: str
    text: str

    def to_json(self) -> dict[str, object]:
        return {
            "section": self.section,
            "index": self.index,
            "category": self.category,
            "text": self.text,
        }


def scan_text(
    text: str,
    allowed_names: Iterable[str] = (),
    today: dt.date | None = None,
    marked: frozenset[str] = frozenset(),
) -> list[Hit]:
    """Every finding in one piece of text, in order, without overlaps. ``marked``: words the
    chair has said are a person's name (the names check), flagged wherever they stand."""
    today = today or dt.date.today()
    allowed = (
        allowed_names
        if isinstance(allowed_names, frozenset)
        else frozenset(_allowed_words(allowed_names))
    )
    hits = [
        *birth_dates(text, today),
        *numbers_and_addresses(text),
        *read_out(text),
        *vehicles(text),
        *handles(text),
        *(Hit("name", *found) for found in find_names(text, allowed)),
    ]
    for word in marked:
        for match in re.finditer(rf"(?<![\w@]){re.escape(word)}(?!\w)", text, re.I):
            hits.append(Hit("name", match.group(0), match.start(), match.end()))
    return _without_overlaps(hits)


def _allowed_words(names: Iterable[str]) -> Iterator[str]:
    for name in names:
        name = name.strip()
        if name:
            yield name
            yield from name.split()


def _without_overlaps(hits: list[Hit]) -> list[Hit]:
    """Keep the first (then longest, then most specific) of overlapping findings: a DOB beats
    the date inside it, a valid NHS number beats the same digits read as a phone number."""
    priority = list(CATEGORIES)
    kept: list[Hit] = []
    hits = [_name_short_of_others(hit, hits) if hit.category == "name" else hit for hit in hits]
    for hit in sorted(
        hits, key=lambda h: (h.start, -(h.end - h.start), priority.index(h.category))
    ):
        if not kept or hit.start >= kept[-1].end:
            kept.append(hit)
    return kept


def _name_short_of_others(name: Hit, hits: list[Hit]) -> Hit:
    """A name run that reaches into a detail found after it ("Vauxhall KT" of "Vauxhall KT 71
    WRB") ends where the detail starts, so that both are flagged whole."""
    end = min(
        (h.start for h in hits if h.category != "name" and name.start < h.start < name.end),
        default=name.end,
    )
    if end == name.end:
        return name
    text = name.text[: end - name.start].rstrip(" ,;:-")
    return Hit("name", text, name.start, name.start + len(text)) if text else name


# ---------------------------------------------------------------------------- a whole record


def conference_words(conference: Conference) -> frozenset[str]:
    """The words of this conference's own context (its name, its description of the place
    and the venue) and agencies, in lower case: the names check never asks about them."""
    c = conference
    texts = [c.context.name, c.context.description, c.context.venue]
    texts += [a.agency for a in c.attendees]
    texts += [r.agency for r in c.distribution] + [a.agency for a in c.actions]
    return frozenset(w.lower() for text in texts for w in re.findall(r"[^\W\d_]+", text))


def attendee_names(conference: Conference) -> list[str]:
    """Who is at the meeting, and the conference's own context and venue: never flagged (the
    context is a place or a group, never a child)."""
    names = [a.name for a in conference.attendees]
    r = conference.roles
    c = conference.context
    return [*names, r.chair, r.lead_practitioner, r.location_lead, r.minute_taker, c.name, c.venue]


def open_hits_finder(conference: Conference) -> Callable[[str], list[Hit]]:
    """A function giving the findings in a text that the chair has not dismissed."""
    allowed = frozenset(_allowed_words(attendee_names(conference)))
    dismissed = standing(conference, DISMISSED)
    marked = frozenset(conference.names_check.names)

    def open_hits(text: str) -> list[Hit]:
        return [hit for hit in scan_text(text, allowed, marked=marked) if hit.key not in dismissed]

    return open_hits


def held_back(text: str, hits: list[Hit]) -> str:
    """The text with each finding replaced by what kind of detail was held back."""
    for hit in sorted(hits, key=lambda h: h.start, reverse=True):
        label = "name" if hit.category == "name" else CATEGORIES[hit.category].split(" ", 1)[1]
        text = f"{text[: hit.start]}[{label} held back]{text[hit.end :]}"
    return text


def scan(conference: Conference, today: dt.date | None = None) -> list[Finding]:
    """Every open (not dismissed) finding in the record, in the order of the minutes."""
    return _scan(conference, today=today, names_check=False)[0]


def scan_with_names(
    conference: Conference,
    local_words: frozenset[str] = frozenset(),
    today: dt.date | None = None,
) -> tuple[list[Finding], list[Finding]]:
    """The open findings, and the names check: every word that could be a person's name that
    is neither flagged nor answered (category ``possible_name``), both in the order of the
    minutes. ``local_words``: a service's own place and organisation words, in lower case."""
    return _scan(conference, local_words, today, names_check=True)


def _scan(
    conference: Conference,
    local_words: frozenset[str] = frozenset(),
    today: dt.date | None = None,
    *,
    names_check: bool,
) -> tuple[list[Finding], list[Finding]]:
    allowed = frozenset(_allowed_words(attendee_names(conference)))
    dismissed = standing(conference, DISMISSED)
    marked = frozenset(conference.names_check.names)
    answered = standing(conference, NOT_NAME) | marked
    places: frozenset[str] = frozenset()
    if names_check:
        local_words = local_words | conference_words(conference)
        texts = (text for _section, _index, text in record_texts(conference))
        places = places_in(texts, allowed, local_words)
    findings: list[Finding] = []
    to_check: list[Finding] = []
    for section, index, text in record_texts(conference):
        hits = scan_text(text, allowed, today, marked)
        findings += [
            Finding(section, index, hit.category, hit.text)
            for hit in hits
            if hit.key not in dismissed
        ]
        if not names_check:
            continue  # the flags alone: the names check is work nobody asked for here
        spans = [(hit.start, hit.end) for hit in hits]
        for candidate in possible_names(
            text, allowed=allowed, local_words=local_words, flagged=spans, places=places
        ):
            if candidate.text not in answered:
                to_check.append(Finding(section, index, POSSIBLE_NAME, candidate.text))
    return findings, to_check


def names_to_check(
    conference: Conference, local_words: frozenset[str] = frozenset()
) -> list[Finding]:
    """The names check: what the chair has still to answer."""
    return scan_with_names(conference, local_words)[1]
