"""The rules a conference record must keep (``validate``), checks on typed values, and building
a checked record from the interchange JSON (``ctxtui.conference/1``, read in ``interchange.py``).

The record's shape lives in ``record.py`` and the shared lists in ``labels.py``; this module adds
only the rules. No I/O here.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from ctxtui.core.interchange import read_conference
from ctxtui.core.labels import TARGET_KEYS
from ctxtui.core.record import (
    _CONTROL,
    _TIME,
    _TIMESTAMP,
    ACTION_STATUSES,
    ATTENDANCE,
    CLOSURE_OUTCOMES,
    CONTEXT_TYPES,
    EMAIL,
    ID_PATTERN,
    KINDS,
    MAX_ITEMS,
    MAX_PRIORITIES,
    MAX_PRIORITY_TEXT,
    MAX_TEXT,
    STATUSES,
    Attendee,
    Conference,
    Recipient,
    ValidationError,
    field_names,
    parse_date,
)

_ANCHOR = re.compile(r"[0-9a-f]{64}")
_OFFSET = re.compile(r"\d{1,3}:[0-5]\d:[0-5]\d")  # H:MM:SS into the recording

__all__ = ["conference_from_dict", "iter_texts", "typed_value_problem", "validate"]


def typed_value_problem(kind: str, value: str) -> str | None:
    """Why a value typed into a ``date`` or ``time`` field cannot be stored, or None."""
    try:
        if kind == "date":
            parse_date(value)
    except ValueError:
        return "Use a date like 2026-01-20."
    if value and kind == "time" and not _TIME.fullmatch(value):
        return "Use a time like 09:30."
    return None


def conference_from_dict(data: Any) -> Conference:
    """Build and validate a record from the interchange form; raises ValidationError."""
    conference = read_conference(data)
    validate(conference)
    return conference


def validate(conference: Conference) -> None:
    """Check every rule of the record; raises ValidationError naming the first broken field."""
    _check_header(conference)
    _check_dates(conference)
    _check_rows(conference)
    _check_stamps(conference)
    _check_safeguards(conference)
    _check_progress(conference)
    _check_texts(conference)


def _check_header(c: Conference) -> None:
    if c.id and not ID_PATTERN.fullmatch(c.id):
        raise ValidationError("id", "use lower-case letters, digits and '-' (at most 80)")
    _choice(c.kind, KINDS, "kind")
    _choice(c.status, STATUSES, "status")
    _choice(c.context.type, CONTEXT_TYPES, "context.type")
    if c.previous_id is not None and not ID_PATTERN.fullmatch(c.previous_id):
        raise ValidationError("previous_id", "is not a conference id")
    if c.unfiled.target and c.unfiled.target not in TARGET_KEYS:
        raise ValidationError("unfiled.target", "is not a heading")
    if not -1 <= c.agenda.current < max(len(c.agenda.items), 1):
        raise ValidationError("agenda.current", "is not an item of the agenda")
    _check_closure(c)
    if c.audit_anchor and not _ANCHOR.fullmatch(c.audit_anchor):
        raise ValidationError("audit_anchor", "is not the SHA-256 of an audit log line")
    if len(c.priorities) > MAX_PRIORITIES:
        raise ValidationError("priorities", f"has {len(c.priorities)}; at most {MAX_PRIORITIES}")
    for i, priority in enumerate(c.priorities):
        if len(priority) > MAX_PRIORITY_TEXT:
            raise ValidationError(
                f"priorities[{i}]", f"is longer than {MAX_PRIORITY_TEXT} characters"
            )


def _check_closure(c: Conference) -> None:
    closure = c.closure
    if not closure.outcome:
        if closure.reason or closure.agreed_by or closure.date:
            raise ValidationError("closure.outcome", "is needed when anything else is filled in")
        return
    _choice(closure.outcome, CLOSURE_OUTCOMES, "closure.outcome")
    if closure.outcome == "other" and not closure.reason.strip():
        raise ValidationError("closure.reason", "is needed when the outcome is 'other'")
    if not closure.date:
        raise ValidationError("closure.date", "is needed: the day the context was closed")
    _date_field(closure.date, "closure.date")


def _check_dates(c: Conference) -> None:
    for name in ("mapping_meeting", "conference", "review"):
        _date_field(getattr(c.dates, name), f"dates.{name}")
    for name in ("start_time", "end_time"):
        value = getattr(c.dates, name)
        if value and not _TIME.fullmatch(value):
            raise ValidationError(f"dates.{name}", f"must be a time HH:MM or empty ({value!r})")


def _check_rows(c: Conference) -> None:
    for i, attendee in enumerate(c.attendees):
        _choice(attendee.attendance, ATTENDANCE, f"attendees[{i}].attendance")
        _email(attendee.email, f"attendees[{i}].email")
    for i, action in enumerate(c.actions):
        _choice(action.status, ACTION_STATUSES, f"actions[{i}].status")
        _date_field(action.due, f"actions[{i}].due")
    for i, referral in enumerate(c.referrals):
        _date_field(referral.date, f"referrals[{i}].date")
    for i, recipient in enumerate(c.distribution):
        _email(recipient.email, f"distribution[{i}].email")


def _check_stamps(c: Conference) -> None:
    """Time stamps: required where something happened at a time, else empty or well formed."""
    if c.finalised_at:
        _stamp(c.finalised_at, "finalised_at", "must be a time stamp YYYY-MM-DDTHH:MM[:SS]")
    for key, sendings in (("circulated", c.circulated), ("invited", c.invited)):
        for i, sent in enumerate(sendings):
            _stamp(sent.at, f"{key}[{i}].at", "must be a time stamp YYYY-MM-DDTHH:MM:SS")
    for i, amendment in enumerate(c.amendments):
        for name in ("started", "finalised"):
            if getattr(amendment, name):
                _stamp(getattr(amendment, name), f"amendments[{i}].{name}")
    for i, item in enumerate(c.agenda.items):
        if item.started:
            _stamp(item.started, f"agenda.items[{i}].started")
    for i, contribution in enumerate(c.contributions):
        _stamp(contribution.received, f"contributions[{i}].received")
    for i, skipped in enumerate(c.names_check.skipped):
        _stamp(skipped.at, f"names_check.skipped[{i}].at")


def _check_safeguards(c: Conference) -> None:
    """The sharing agreements (a day and a reference, or neither), the confidentiality
    reminder's time, and the recording: its times in order, its offsets H:MM:SS."""
    for i, attendee in enumerate(c.attendees):
        _agreement(attendee, f"attendees[{i}]")
    for i, recipient in enumerate(c.distribution):
        _agreement(recipient, f"distribution[{i}]")
    if c.confidentiality_reminder:
        _stamp(c.confidentiality_reminder, "confidentiality_reminder")
    recording = c.recording
    for name in ("started", "stopped"):
        if getattr(recording, name):
            _stamp(getattr(recording, name), f"recording.{name}")
    if recording.stopped and not recording.started:
        raise ValidationError("recording.started", "is needed: the recording has stopped")
    if recording.stopped and recording.stopped < recording.started:
        raise ValidationError("recording.stopped", "is before the recording started")
    for i, mark in enumerate(recording.points):
        _choice(mark.heading, TARGET_KEYS, f"recording.points[{i}].heading")
        _offset(mark.offset, f"recording.points[{i}].offset")
    for i, action in enumerate(c.actions):
        if action.recording_offset:
            _offset(action.recording_offset, f"actions[{i}].recording_offset")
    for i, score in enumerate(c.scaling.scores):
        if score.recording_offset:
            _offset(score.recording_offset, f"scaling.scores[{i}].recording_offset")


def _agreement(person: Attendee | Recipient, where: str) -> None:
    _date_field(person.agreement_signed, f"{where}.agreement_signed")
    if bool(person.agreement_signed) != bool(person.agreement_reference.strip()):
        missing = "reference" if person.agreement_signed else "signed"
        raise ValidationError(
            f"{where}.agreement_{missing}",
            "is needed: an agreement has the day it was signed and its reference",
        )


def _offset(value: str, where: str) -> None:
    if not _OFFSET.fullmatch(value):
        raise ValidationError(where, f"must be an offset H:MM:SS into the recording ({value!r})")


def _check_progress(c: Conference) -> None:
    """Progress asked for and received between meetings (added within schema 1)."""
    for i, asked in enumerate(c.progress_asked):
        where = f"progress_asked[{i}]"
        _stamp(asked.at, f"{where}.at", "must be a time stamp YYYY-MM-DDTHH:MM:SS")
        _date_field(asked.reply_by, f"{where}.reply_by")
        for j, address in enumerate(asked.to):
            _email(address, f"{where}.to[{j}]")
        for j, row in enumerate(asked.rows):
            if not row.isdecimal() or not 0 < int(row) <= MAX_ITEMS:
                raise ValidationError(f"{where}.rows[{j}]", f"is not a plan row number ({row!r})")
    for i, update in enumerate(c.progress_updates):
        _stamp(update.received, f"progress_updates[{i}].received")
        if update.answers and not ID_PATTERN.fullmatch(update.answers):
            raise ValidationError(f"progress_updates[{i}].answers", "is not a conference id")


def _check_texts(c: Conference) -> None:
    texts = _texts(c, [])
    # at C speed: printable (tabs and newlines aside) means no control, no text-direction
    # character and no lone surrogate; only a record that may hold one is searched field by
    # field (a non-breaking space, say, is not "printable" either)
    plain = "".join(texts).replace("\n", " ").replace("\t", " ").isprintable()
    if plain and max(map(len, texts), default=0) <= MAX_TEXT:
        return
    for where, text in iter_texts(c):
        if len(text) > MAX_TEXT:
            raise ValidationError(where, f"is {len(text):,} characters; at most {MAX_TEXT:,}")
        found = _CONTROL.search(text)
        if found:
            raise ValidationError(
                where, f"holds a control or text-direction character (U+{ord(found[0]):04X})"
            )


def _stamp(value: str, where: str, problem: str = "must be YYYY-MM-DDTHH:MM:SS") -> None:
    if not _TIMESTAMP.fullmatch(value):
        raise ValidationError(where, problem)


def _date_field(value: str, where: str) -> None:
    try:
        parse_date(value)
    except ValueError:
        raise ValidationError(where, f"must be a date YYYY-MM-DD or empty ({value!r})") from None


def _email(value: str, where: str) -> None:
    if value and not EMAIL.fullmatch(value):
        raise ValidationError(where, f"is not an email address ({value!r})")


def _choice(value: str, allowed: tuple[str, ...], where: str) -> None:
    if value not in allowed:
        raise ValidationError(where, f"must be one of {', '.join(allowed)} (got {value!r})")


# each type's fields, worked out once: () for a number, a flag or None
_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def _texts(value: Any, out: list[str]) -> list[str]:
    """Every free-text field under ``value``, without saying where (see ``iter_texts``)."""
    if isinstance(value, str):
        out.append(value)
    elif isinstance(value, list):
        for item in value:
            _texts(item, out)
    else:
        names = _FIELD_NAMES.get(type(value))
        if names is None:
            names = _FIELD_NAMES[type(value)] = field_names(type(value))
        for name in names:
            _texts(getattr(value, name), out)
    return out


def iter_texts(conference: Conference) -> list[tuple[str, str]]:
    """Every free-text field of the record as (field path, text)."""
    out: list[tuple[str, str]] = []

    def walk(value: Any, where: str) -> None:
        if isinstance(value, str):
            out.append((where, value))
        elif isinstance(value, list):
            for i, item in enumerate(value):
                walk(item, f"{where}[{i}]")
        elif dataclasses.is_dataclass(value):
            for f in dataclasses.fields(value):
                walk(getattr(value, f.name), f"{where}.{f.name}" if where else f.name)

    walk(conference, "")
    return out
