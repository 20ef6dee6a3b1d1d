"""Who the minutes and the invitation may go to: each attendee's and recipient's sharing basis.

A person has a basis when their agency is a statutory partner (``catalogue.STATUTORY_PARTNERS``,
or the service's own list from config.toml), or when an information-sharing agreement they
signed is recorded (the day and its reference). Nothing is sent to anyone without one: the
refusal names each such person and says how to record an agreement. No I/O.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from ctxtui.core.catalogue import STATUTORY_PARTNERS

STATUTORY, AGREEMENT, NONE = "statutory", "agreement", "none"
# what may follow a partner's name in a typed agency: "Police – community police"
_QUALIFIERS = (" - ", " (", ":", ",", " /")
_DASHES = re.compile(r"[\u2010-\u2015\u2212]")
_SPACES = re.compile(r"\s+")
HOW_TO_RECORD = (
    "record their signed information-sharing agreement (s on the attendance list, "
    "Ctrl+L, or on the distribution list, Ctrl+O c, or ctxtui agreement ID --email ADDRESS "
    "--signed DAY), or, for a statutory partner, add the "
    "agency to statutory_partners in the [sharing] table of config.toml"
)


class Person(Protocol):
    """An attendee or a recipient of the minutes."""

    @property
    def name(self) -> str: ...
    @property
    def agency(self) -> str: ...
    @property
    def email(self) -> str: ...
    @property
    def agreement_signed(self) -> str: ...
    @property
    def agreement_reference(self) -> str: ...


@dataclass(frozen=True)
class Basis:
    """Why a person may be sent the minutes: ``kind`` is statutory, agreement or none."""

    kind: str
    signed: str = ""
    reference: str = ""

    def describe(self) -> str:
        """In words, for the screens and the minutes' distribution table."""
        if self.kind == STATUTORY:
            return "Statutory partner"
        if self.kind == AGREEMENT:
            return f"Agreement signed {self.signed} ({self.reference})"
        return "None"


def fold(agency: str) -> str:
    """An agency as compared: lower case, one kind of dash, apostrophe and space."""
    text = _DASHES.sub("-", agency.replace("\u2019", "'").casefold())
    return _SPACES.sub(" ", text).strip()


def is_statutory(agency: str, partners: Sequence[str] = STATUTORY_PARTNERS) -> bool:
    """True when ``agency`` is one of ``partners``, or one of them qualified ("Police –
    community police"); an empty agency never is."""
    typed = fold(agency)
    if not typed:
        return False
    for partner in partners:
        name = fold(partner)
        if name and (typed == name or (typed.startswith(name) and _qualified(typed[len(name) :]))):
            return True
    return False


def _qualified(rest: str) -> bool:
    return rest.startswith(_QUALIFIERS)


def basis_of(person: Person, partners: Sequence[str] = STATUTORY_PARTNERS) -> Basis:
    """A statutory partner's basis first (it needs nothing signed), then an agreement."""
    if is_statutory(person.agency, partners):
        return Basis(STATUTORY)
    if person.agreement_signed:
        return Basis(AGREEMENT, person.agreement_signed, person.agreement_reference)
    return Basis(NONE)


def who(person: Person) -> str:
    """A person as the refusal names them: "Name (Agency)", their address if unnamed."""
    name = person.name.strip() or person.email.strip() or "someone unnamed"
    return f"{name} ({person.agency.strip() or 'no agency'})"


def without_basis(
    people: Iterable[Person], partners: Sequence[str] = STATUTORY_PARTNERS
) -> list[Person]:
    return [p for p in people if basis_of(p, partners).kind == NONE]


def refusal(missing: Sequence[Person], what: str) -> str:
    """One sentence: ``what`` ("the minutes") was not sent, who has no basis, what to do."""
    names = [who(p) for p in missing]
    listed = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"
    verb = "has" if len(names) == 1 else "have"
    return f"nothing was sent: {listed} {verb} no sharing basis for {what}; {HOW_TO_RECORD}"


def counts(people: Iterable[Person], partners: Sequence[str] = STATUTORY_PARTNERS) -> str:
    """How many of each basis, for the audit log (no names): "3 statutory, 1 agreement"."""
    found = {STATUTORY: 0, AGREEMENT: 0, NONE: 0}
    for person in people:
        found[basis_of(person, partners).kind] += 1
    return ", ".join(f"{n} {kind}" for kind, n in found.items())


__all__ = [
    "AGREEMENT",
    "HOW_TO_RECORD",
    "NONE",
    "STATUTORY",
    "Basis",
    "Person",
    "basis_of",
    "counts",
    "fold",
    "is_statutory",
    "refusal",
    "who",
    "without_basis",
]
