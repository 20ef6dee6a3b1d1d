"""Between meetings: which plan rows are whose, when progress is asked for before the review,
and how an agency's written update is matched to its rows. No I/O.

Agencies are matched loosely, on purpose: the minutes already hold the whole plan, so a
recipient given a row that is not quite theirs loses nothing, while a row given to nobody is
an action nobody is reminded of (the chair is told of those before anything is sent). Two
names match when, folded (case, accents kept, punctuation and "&" made plain), one is the
other or starts with it as whole words: "Police" matches "Police – community police". A row
naming several agencies ("Housing / Police", "Housing, Police; CAMHS") belongs to each.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from ctxtui.core import dates
from ctxtui.core.record import Action, Conference, ProgressAsked, ProgressUpdate, Recipient
from ctxtui.core.review import LEFT_BEHIND

REMIND_DAYS = 10  # working days before the review that progress is asked for
REPLY_DAYS = 3  # working days before the review that the updates are asked back by
NO_AGENCY = "(no agency named)"

_SPLIT = re.compile(r"\s*[,/;]\s*")
_NOT_WORD = re.compile(r"[^\w]+")


@functools.lru_cache(maxsize=4096)  # a service names few agencies, in 50,000 rows
def fold(name: str) -> str:
    """An agency's name as compared: lower case, words only, "&" as "and"."""
    return " ".join(_NOT_WORD.sub(" ", name.casefold().replace("&", " and ")).split())


def parts_of(agency: str) -> tuple[str, ...]:
    """The folded names a row's agency stands for: the whole, and each named in a list."""
    whole = fold(agency)
    pieces = [fold(piece) for piece in _SPLIT.split(agency)]
    return tuple(dict.fromkeys(p for p in (whole, *pieces) if p))


def same_agency(one: str, other: str) -> bool:
    """True when the agency ``one`` (a recipient's, say) is one the row agency ``other``
    names (see the module's docstring)."""
    mine = fold(one)
    if not mine:
        return False
    return any(
        part == mine or part.startswith(mine + " ") or mine.startswith(part + " ")
        for part in parts_of(other)
    )


def to_do(action: Action) -> bool:
    """A row still to do: carried to a review (neither done nor dropped)."""
    return action.status not in LEFT_BEHIND


def rows_of(conference: Conference, agency: str) -> list[int]:
    """The indexes of the plan rows still to do that name ``agency``, in plan order."""
    return [
        i
        for i, action in enumerate(conference.actions)
        if to_do(action) and same_agency(agency, action.agency)
    ]


def agencies_with_rows(conference: Conference) -> list[str]:
    """Every agency named by a row still to do, as first written, in plan order (rows that
    name none as ``NO_AGENCY``)."""
    seen: dict[str, str] = {}
    for action in conference.actions:
        if to_do(action):
            key = fold(action.agency)
            seen.setdefault(key, action.agency.strip() or NO_AGENCY)
    return list(seen.values())


def unreached(conference: Conference, people: Iterable[Recipient]) -> list[str]:
    """The agencies with rows still to do that nobody in ``people`` is from."""
    agencies = [p.agency for p in people if p.agency.strip()]
    return [
        name
        for name in agencies_with_rows(conference)
        if name == NO_AGENCY or not any(same_agency(a, name) for a in agencies)
    ]


def groups(people: Sequence[Recipient]) -> list[tuple[str, list[Recipient]]]:
    """Recipients in groups of the same agency (folded), in the order they come; those with
    no agency together, under ""."""
    found: dict[str, tuple[str, list[Recipient]]] = {}
    for person in people:
        key = fold(person.agency)
        found.setdefault(key, (person.agency.strip(), []))[1].append(person)
    return list(found.values())


# -- when progress is asked for, and by when it is wanted


def working_days_before(day: dt.date, count: int, nation: str) -> dt.date:
    """The working day ``count`` working days before ``day``."""
    while count > 0:
        day -= dt.timedelta(days=1)
        if dates.is_working_day(day, nation):
            count -= 1
    return day


def ask_on(review: dt.date, nation: str, days: int = REMIND_DAYS) -> dt.date:
    """The day progress is asked for: ``days`` working days before the review."""
    return working_days_before(review, days, nation)


def reply_by(review: dt.date, today: dt.date, nation: str) -> dt.date:
    """The day the updates are wanted by: three working days before the review, but never
    sooner than the next working day, nor after the review."""
    wanted = working_days_before(review, REPLY_DAYS, nation)
    return min(review, max(wanted, dates.add_working_days(today, 1, nation)))


def asked_for(conference: Conference, agency: str) -> ProgressAsked | None:
    """The last request for progress that went to ``agency`` (folded names equal), if any."""
    mine = fold(agency)
    found = [a for a in conference.progress_asked if fold(a.agency) == mine]
    return found[-1] if found else None


def row_asked(conference: Conference, index: int) -> ProgressAsked | None:
    """The last request for progress that listed plan row ``index`` (still to do), if any."""
    if not 0 <= index < len(conference.actions) or not to_do(conference.actions[index]):
        return None
    number = str(index + 1)
    found = [a for a in conference.progress_asked if number in a.rows]
    return found[-1] if found else None


# -- an agency's reply, cut into its rows

# "1.", "2)", "3:", "Row 4 -", "Action 5", "#6 –" at the start of a line
_MARK = re.compile(
    r"^\s*(?:(?:row|action|item|no\.?)\s*#?\s*(?P<named>\d{1,3})\b\s*[.):,–—-]?"
    r"|#?(?P<bare>\d{1,3})\s*[.):–—-])\s*",
    re.IGNORECASE,
)
SUGGESTIONS: tuple[tuple[str, str], ...] = (
    ("in-progress", r"in[ -]progress|ongoing|under ?way|started|partly done"),
    ("not-done", r"not (?:yet )?(?:done|started|completed|happened)"),
    ("dropped", r"dropped|stopped|no longer (?:needed|going ahead)|withdrawn"),
    ("done", r"done|complete[d]?|finished"),
)


def suggested_status(text: str) -> str:
    """The status an update's first words give ("Done: …", "In progress – …"), or ""."""
    start = text.strip().lower()[:40]
    for status, words in SUGGESTIONS:
        if re.match(rf"(?:{words})\b", start):
            return status
    return ""


def split_reply(text: str, count: int) -> dict[int, str]:
    """What a reply says of each of ``count`` rows numbered from 1, found by lines that start
    with a row's number ("1. Done: …"); words before the first number (a greeting) are left
    out. A reply with no numbers at all speaks for every row ({0: the whole text})."""
    pieces: dict[int, list[str]] = {}
    current: int | None = None
    for line in text.splitlines():
        mark = _MARK.match(line)
        number = int(mark["named"] or mark["bare"]) if mark else 0
        if mark and 1 <= number <= count:
            current = number
            pieces.setdefault(number, []).append(line[mark.end() :].strip())
        elif current is not None:
            pieces[current].append(line.strip())
    if not pieces:
        whole = text.strip()
        return {0: whole} if whole else {}
    return {n: "\n".join(lines).strip() for n, lines in sorted(pieces.items())}


@dataclass(frozen=True)
class Said:
    """What one update says of one row."""

    agency: str
    received: str  # YYYY-MM-DDTHH:MM:SS
    text: str
    whole: bool  # the reply gave no row numbers: this is all of it
    suggested: str  # a status its first words give, or ""


@dataclass
class RowWalk:
    """One row carried forward into a review, with what the updates say of it."""

    index: int  # in the review's plan
    earlier: int  # in the plan of the conference reviewed
    action: Action
    said: list[Said] = field(default_factory=list)


def numbering(asked_from: Conference, agency: str) -> list[int]:
    """The plan rows an agency's reply numbers 1, 2, 3…: as its last request listed them,
    else its rows still to do."""
    asked = asked_for(asked_from, agency)
    if asked is not None and asked.rows:
        return [int(row) - 1 for row in asked.rows]
    return rows_of(asked_from, agency)


def matched_rows(asked_from: Conference, update: ProgressUpdate) -> dict[int, Said]:
    """What ``update`` says of each plan row of ``asked_from`` (by its index there)."""
    rows = numbering(asked_from, update.agency)
    pieces = split_reply(update.text, len(rows))
    out: dict[int, Said] = {}
    for number, text in pieces.items():
        targets = rows if number == 0 else [rows[number - 1]]
        for row in targets:
            if 0 <= row < len(asked_from.actions):
                out[row] = Said(
                    update.agency, update.received, text, number == 0, suggested_status(text)
                )
    return out


def carried_rows(previous: Conference, current: Conference) -> dict[int, int]:
    """Each row of ``previous`` still to do, by its index, with the index of the same row in
    ``current`` (found by its worry, intervention and agency, else its intervention alone)."""
    found: dict[int, int] = {}
    taken: set[int] = set()
    keys = (lambda a: (a.worry, a.intervention, a.agency), lambda a: a.intervention)
    for i, old in enumerate(previous.actions):
        if not to_do(old):
            continue
        for key in keys:
            match = next(
                (
                    j
                    for j, new in enumerate(current.actions)
                    if j not in taken and key(new) == key(old)
                ),
                None,
            )
            if match is not None:
                found[i] = match
                taken.add(match)
                break
    return found


def walk(previous: Conference, current: Conference) -> list[RowWalk]:
    """The rows carried from ``previous`` into the review ``current``, in the review's plan
    order, each with what the updates kept by either conference say of it."""
    updates = [
        u
        for u in (*previous.progress_updates, *current.progress_updates)
        if u.answers in ("", previous.id)
    ]
    said_of: dict[int, list[Said]] = {}
    for update in sorted(updates, key=lambda u: u.received):
        for row, said in matched_rows(previous, update).items():
            said_of.setdefault(row, []).append(said)
    rows = [
        RowWalk(j, i, current.actions[j], said_of.get(i, []))
        for i, j in carried_rows(previous, current).items()
    ]
    return sorted(rows, key=lambda r: r.index)


# -- what the home screen and the board say


def progress_note(
    review: str, open_rows: int, asked: str, reviewed: bool, today: dt.date, nation: str
) -> str:
    """What the home screen says of progress: "progress asked DAY" once an agency was
    asked; "progress due" from the day it should be asked until the review (while rows are
    still to do and no review is held); else ""."""
    if reviewed or not open_rows:
        return ""
    if asked:
        return f"progress asked {asked}"
    try:
        day = dt.date.fromisoformat(review) if review else None
    except ValueError:
        day = None
    if day is not None and ask_on(day, nation) <= today <= day:
        return "progress due"
    return ""


@dataclass(frozen=True)
class AgencyAnswer:
    """One agency asked for progress before a review, or that sent an update unasked: the day
    it was asked ("" when it was not), and the day its first update arrived ("" when none
    did)."""

    agency: str
    asked: str  # YYYY-MM-DD, or ""
    received: str  # YYYY-MM-DD, or ""


def answers(previous: Conference, current: Conference) -> list[AgencyAnswer]:
    """Each agency asked for progress on ``previous``'s rows, in the order asked, with when
    its update came (kept by either conference)."""
    updates = [
        u
        for u in (*previous.progress_updates, *current.progress_updates)
        if u.answers in ("", previous.id)
    ]
    out = []
    for asked in sorted(previous.progress_asked, key=lambda a: a.at):
        came = sorted(u.received for u in updates if fold(u.agency) == fold(asked.agency))
        out.append(AgencyAnswer(asked.agency, asked.at[:10], came[0][:10] if came else ""))
    named = {fold(a.agency) for a in out}
    for update in sorted(updates, key=lambda u: u.received):  # sent without being asked
        if fold(update.agency) not in named:
            named.add(fold(update.agency))
            out.append(AgencyAnswer(update.agency, "", update.received[:10]))
    return out
