"""What may be stored: typed text made clean, rows checked, and the refusals a change can meet
(each with one sentence for the chair). No UI, no I/O."""

from __future__ import annotations

import dataclasses
from typing import Any

from ctxtui.core.due import date_or_none
from ctxtui.core.record import (
    ACTION_STATUSES,
    ATTENDANCE,
    EMAIL,
    MAX_TEXT,
    Action,
    Attendee,
    strip_controls,
)


def clean_point(text: str) -> str:
    """One point as it will be stored: no control characters, one paragraph, trimmed."""
    return " ".join(strip_controls(text).split())


class Refused(Exception):
    """A change that was not made; the message is one sentence for the chair."""


class Finalised(Refused):
    """A change to minutes that are final and have not been reopened with Amend."""


class ReadOnly(Refused):
    """A change to a conference open for writing somewhere else."""


class TooLong(Refused):
    pass


class BadValue(Refused):
    pass


def check_length(text: str, what: str = "A point") -> str:
    if len(text) > MAX_TEXT:
        raise TooLong(f"{what} can hold {MAX_TEXT:,} characters; this one has {len(text):,}.")
    return text


ROW_NAMES = {
    "attendees": "attendee",
    "actions": "plan row",
    "referrals": "referral",
    "distribution": "recipient",
}


def clean_row(row: Any) -> Any:
    """A row as it will be stored: each text one clean paragraph, its rules checked."""
    values = {
        f.name: check_length(clean_point(getattr(row, f.name)), f"A {f.name}")
        for f in dataclasses.fields(row)
    }
    cleaned = type(row)(**values)
    if isinstance(cleaned, Attendee) and cleaned.attendance not in ATTENDANCE:
        raise BadValue(f"Attendance is one of {', '.join(ATTENDANCE)}.")
    if isinstance(cleaned, Action) and cleaned.status not in ACTION_STATUSES:
        raise BadValue(f"A plan row's status is one of {', '.join(ACTION_STATUSES)}.")
    for name, value in values.items():
        if name in ("due", "date") and value and date_or_none(value) is None:
            raise BadValue("Use a date like 2026-01-20.")
        if name == "email" and value and not EMAIL.fullmatch(value):
            raise BadValue(f"{value} is not an email address.")
    return cleaned
