"""A detail found in a text: what kind it is (``CATEGORIES``), the text, and where it
stands; what a dismissal remembers of it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

CATEGORIES: dict[str, str] = {
    "date_of_birth": "a date of birth",
    "age": "a child's age",
    "nhs_number": "an NHS number",
    "ni_number": "a National Insurance number",
    "phone": "a phone number",
    "email": "an email address",
    "address": "a home address",
    "vehicle": "a vehicle registration",
    "handle": "a social media handle",
    "reference": "a pupil or case reference",
    "name": "a person's name",
}


@dataclass(frozen=True)
class Hit:
    category: str
    text: str
    start: int
    end: int

    @property
    def key(self) -> str:
        """What a dismissal remembers."""
        return f"{self.category}:{self.text}"

    def reason(self) -> str:
        return f"Looks like {CATEGORIES[self.category]}: “{self.text}”"


class NameHit(NamedTuple):
    text: str
    start: int
    end: int
