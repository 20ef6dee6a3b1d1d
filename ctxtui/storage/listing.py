"""Listing the conferences of a data folder quickly: a summary of each, from a small index
that is checked against every file (inode, mtime, size), or trusted whole while the folder has
not changed; unreadable files are named, never touched."""

from __future__ import annotations

import contextlib
import gc
import os
import time
from collections.abc import Iterator
from dataclasses import dataclass
from operator import attrgetter
from pathlib import Path
from stat import S_ISREG
from typing import Any, NamedTuple

import orjson

from ctxtui.core import dates, due
from ctxtui.core.record import ID_PATTERN, SCHEMA, Action
from ctxtui.core.review import LEFT_BEHIND
from ctxtui.storage.conffile import StoreError, UnreadableFile, read_json_file, record_of_file
from ctxtui.storage.copies import CONFLICT_COPY, LEFTOVER, remove_leftovers
from ctxtui.storage.files import atomic_write, describe
from ctxtui.storage.terminal_text import needs_no_escape, printable

# 2: earliest due date of open actions; 3: entries are lists; 4: folder; 5: circulated;
# 6: closed; 7: entries are lines, newest first; 8: progress asked, rows still to do
INDEX_VERSION = 8


class Summary(NamedTuple):
    """What the home screen and ``ctxtui list`` show of a conference (a named tuple: listing
    10,000 of them makes 10,000 at once)."""

    id: str
    context: str
    type: str
    kind: str
    status: str
    conference: str
    review: str
    previous_id: str | None
    agencies: tuple[str, ...] = ()
    next_due: str = ""  # the earliest due date of an action still open or in progress
    circulated: str = ""  # the day the minutes were last sent out (YYYY-MM-DD), or ""
    closed: str = ""  # the day the context was closed at this conference (YYYY-MM-DD), or ""
    asked: str = ""  # the day progress was last asked for before the review, or ""
    to_do: str = ""  # how many plan rows are still to do (neither done nor dropped), or ""

    def minutes_due(self, nation: str) -> str:
        return due.minutes_due(self.conference, nation)

    def review_due(self, nation: str = dates.DEFAULT_NATION) -> str:
        return due.review_due(self.review, self.conference, nation)

    def to_json(self, nation: str) -> dict[str, Any]:
        return {
            "id": self.id,
            "context": self.context,
            "type": self.type,
            "kind": self.kind,
            "status": self.status,
            "conference": self.conference,
            "review": self.review,
            "previous_id": self.previous_id,
            "next_due": self.next_due,
            "circulated": self.circulated,
            "closed": self.closed,
            "minutes_due": self.minutes_due(nation),
            "review_due": self.review_due(nation),
        }


# An index entry is one text, its fields apart by newlines: "inode.mtime_ns.size", then a
# Summary's fields in order, previous_id "" for none and the agencies as numbers in the
# index's list of agency names ("0 4 7"). One short string each rather than a list of fifteen
# values: 10,000 entries are read at every start of the home screen. No field holds a newline
# (each went through ``printable``, which writes one as "\\n"). The entries are kept newest
# first, the order they are shown in.
SEP = "\n"
_FIELDS = 15


def _stamp_text(info: os.stat_result) -> str:
    return f"{info.st_ino}.{info.st_mtime_ns}.{info.st_size}"


def _index_entry(stamp: str, s: Summary, numbers: dict[str, int]) -> str:
    agencies = " ".join(str(numbers[name]) for name in s.agencies)
    return SEP.join((stamp, *s[:7], s.previous_id or "", agencies, *s[9:]))


class _Agencies:
    """The index's agency names (made safe to show), and the names an entry's numbers stand
    for: worked out once for each set of numbers, since most conferences name the same
    agencies."""

    def __init__(self, names: list[str]) -> None:
        self.names = names
        self._named: dict[str, tuple[str, ...]] = {}

    def named(self, numbers: str) -> tuple[str, ...] | None:
        found = self._named.get(numbers)
        if found is None:
            try:
                found = tuple([self.names[int(number)] for number in numbers.split()])
            except (ValueError, IndexError):
                return None
            self._named[numbers] = found
        return found


def _cached_summary(entry: Any, agencies: _Agencies, checked: bool = False) -> Summary | None:
    """The summary of an index entry, or None if the entry has the wrong shape (the index is
    only a cache: the file is read again). ``checked``: the entry is known to hold nothing
    ``printable`` would change."""
    if not isinstance(entry, str):
        return None
    fields = entry.split(SEP)
    if len(fields) != _FIELDS or not ID_PATTERN.fullmatch(fields[1]):
        return None
    if not checked and not needs_no_escape(entry, lines=True):  # lines: SEP is a newline
        fields = [printable(field) for field in fields]  # a control character: made visible
    names = agencies.named(fields[9])
    if names is None:
        return None
    values: list[Any] = fields[1:]
    values[7] = values[7] or None  # previous_id
    values[8] = names
    # made straight from the list: a Summary's own __new__ is Python, run 10,000 times here
    return tuple.__new__(Summary, values)


def _text(data: Any, *keys: str) -> str:
    """A text field several levels down a record, checked; "" when absent."""
    for key in keys[:-1]:
        data = data.get(key, {}) if isinstance(data, dict) else None
    value = data.get(keys[-1], "") if isinstance(data, dict) else None
    if not isinstance(value, str):
        raise ValueError(f"{'.'.join(keys)} is not text")
    return printable(value)  # it came from a file: shown, never run by the terminal


def summary_of_record(conference_id: str, record: dict[str, Any]) -> Summary:
    """A summary read straight from the stored record: listing 10,000 files must not check
    every field of each (opening a conference still does)."""
    if record.get("schema") != SCHEMA:
        raise ValueError(f"its schema is not {SCHEMA}")
    actions = record.get("actions", [])
    attendees = record.get("attendees", [])
    if not isinstance(actions, list) or not isinstance(attendees, list):
        raise ValueError("actions or attendees is not a list")
    # only the rows with a due date count for next_due; most have none
    plan = [
        Action(status=str(a.get("status", "")), due=a["due"])
        for a in actions
        if isinstance(a, dict) and isinstance(a.get("due"), str) and a["due"]
    ]
    named = {a.get("agency") for a in attendees if isinstance(a, dict)}
    to_do = sum(1 for a in actions if isinstance(a, dict) and a.get("status") not in LEFT_BEHIND)
    asks = record.get("progress_asked", [])
    stamps = [a.get("at") for a in asks if isinstance(a, dict)] if isinstance(asks, list) else []
    sends = record.get("circulated", [])
    times = [s.get("at") for s in sends if isinstance(s, dict)] if isinstance(sends, list) else []
    last_sent = max((t for t in times if isinstance(t, str)), default="")[:10]
    previous = record.get("previous_id")
    if previous is not None and not isinstance(previous, str):
        raise ValueError("previous_id is not text")
    return Summary(
        id=conference_id,
        context=_text(record, "context", "name"),
        type=_text(record, "context", "type"),
        kind=_text(record, "kind") or "initial",
        status=_text(record, "status") or "draft",
        conference=_text(record, "dates", "conference"),
        review=_text(record, "dates", "review"),
        previous_id=None if previous is None else printable(previous),
        agencies=tuple(sorted(printable(n) for n in named if isinstance(n, str) and n)),
        next_due=due.next_action_due(plan),
        circulated=last_sent,
        closed=_text(record, "closure", "date") if _text(record, "closure", "outcome") else "",
        asked=printable(max((t for t in stamps if isinstance(t, str)), default="")[:10]),
        to_do=str(to_do) if to_do else "",
    )


def _summary_of_file(path: str, conference_id: str) -> Summary:
    record = record_of_file(path)
    try:
        return summary_of_record(conference_id, record)
    except ValueError as error:
        raise UnreadableFile(Path(path), f"invalid record: {error}") from None


@dataclass(frozen=True)
class Problem:
    path: Path
    reason: str

    def message(self) -> str:
        return printable(f"{self.path} cannot be read ({self.reason}); it has been left untouched.")


@dataclass
class Listing:
    summaries: list[Summary]
    problems: list[Problem]


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Listing 10,000 conferences makes some 150,000 objects that all stay: meanwhile Python's
    cycle collector would walk the whole heap (a whole app's, on the home screen) several
    times for nothing, a third of the listing's time."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def list_conferences(folder_path: Path, index_path: Path) -> Listing:
    """Every readable conference, newest first, and a Problem for each file that is not.

    Each file is checked against its index entry (inode, mtime, size). When the folder
    itself has not changed since the last full look (every save, creation and deletion
    renames or removes a file in it, which changes the folder), and that look was not in
    the same instant as a change, the index is used as it is, without looking at 10,000
    files. A file edited in place by another program shows its new summary after the next
    change to the folder; opening it always reads the file itself."""
    with _collector_paused():
        return _list(folder_path, index_path)


def _list(folder_path: Path, index_path: Path) -> Listing:
    index = _read_index(index_path)
    folder = folder_stamp(folder_path)
    if folder is not None and index.get("folder") == folder:
        trusted = _trusted(index)
        if trusted is not None:
            return trusted
    entries = index.get("entries", {})
    agencies = _agency_names(index)
    stamps: dict[str, str] = {}
    summaries: list[Summary] = []
    problems: list[Problem] = []
    changed = False
    try:
        found = list(os.scandir(folder_path))
    except OSError as error:
        raise StoreError(f"Cannot read the folder {folder_path}: {describe(error)}.") from None
    leftovers = False
    for entry in found:
        name = entry.name
        if name.startswith(".") or not name.endswith(".json"):
            leftovers = leftovers or bool(LEFTOVER.fullmatch(name))
            continue
        conference_id = name[: -len(".json")]
        if not ID_PATTERN.fullmatch(conference_id):
            if not CONFLICT_COPY.fullmatch(conference_id):
                problems.append(Problem(Path(entry.path), "its name is not a conference id"))
            continue
        try:
            stat = entry.stat(follow_symlinks=False)
        except OSError as error:
            problems.append(Problem(Path(entry.path), describe(error)))
            continue
        if not S_ISREG(stat.st_mode):  # a link, a FIFO, a folder: never opened
            reason = "it is a link, and ctxtui never follows one"
            problems.append(
                Problem(
                    Path(entry.path), reason if entry.is_symlink() else "it is not a plain file"
                )
            )
            continue
        stamp = _stamp_text(stat)
        cached = entries.get(conference_id)
        stamps[conference_id] = stamp
        if agencies is not None and isinstance(cached, str) and cached.startswith(stamp + SEP):
            summary = _cached_summary(cached, agencies)
            if summary is not None and summary.id == conference_id:  # a colleague's edit
                summaries.append(summary)
                continue
        changed = True
        try:
            summary = _summary_of_file(entry.path, conference_id)
        except UnreadableFile as error:
            problems.append(Problem(Path(entry.path), error.reason))
            continue
        summaries.append(summary)
    if leftovers:
        remove_leftovers(folder_path.parent)
    problems.sort(key=lambda p: str(p.path))
    # trusted next time only if nothing changed in the folder while it was being read
    settled = folder_stamp(folder_path, settled=True)
    seen = settled if settled == folder else None
    summaries.sort(key=attrgetter("conference", "id"), reverse=True)
    in_order = list(entries) == [s.id for s in summaries]
    if changed or not in_order or index.get("folder") != seen:
        _write_index(index_path, summaries, stamps, problems, seen)
    return Listing(summaries, problems)


def list_from_files(folder_path: Path) -> Listing:
    """Every conference as its own file says, never the index (a cache anyone in a team may
    write): what decisions about deleting are made from. Slower than the listing."""
    summaries: list[Summary] = []
    problems: list[Problem] = []
    try:
        names = sorted(e.name for e in os.scandir(folder_path))
    except OSError as error:
        raise StoreError(f"Cannot read the folder {folder_path}: {describe(error)}.") from None
    for name in names:
        conference_id = name.removesuffix(".json")
        if name.startswith(".") or conference_id == name or not ID_PATTERN.fullmatch(conference_id):
            continue
        path = folder_path / name
        try:
            summaries.append(_summary_of_file(str(path), conference_id))
        except UnreadableFile as error:
            problems.append(Problem(path, error.reason))
    return Listing(summaries, problems)


def _trusted(index: dict[str, Any]) -> Listing | None:
    """The listing as the index has it, in its order (None if any part has the wrong
    shape)."""
    agencies = _agency_names(index)
    if agencies is None:
        return None
    entries = index.get("entries", {})
    lines = list(entries.values())
    try:  # one look through every entry at once, not one per entry
        checked = needs_no_escape(SEP.join(lines), lines=True)
    except TypeError:  # an entry that is not text
        return None
    summaries = [s for e in lines if (s := _cached_summary(e, agencies, checked)) is not None]
    problems = index.get("problems")
    if len(summaries) != len(entries) or not isinstance(problems, list):
        return None
    try:
        told = [Problem(Path(path), reason) for path, reason in problems]
    except (TypeError, ValueError):
        return None
    return Listing(summaries, told)


def _read_index(index_path: Path) -> dict[str, Any]:
    try:
        data = read_json_file(index_path)
    except UnreadableFile:
        data = None  # the index is only a cache: a broken one is rebuilt from the files
    if data and data.get("version") == INDEX_VERSION and isinstance(data.get("entries"), dict):
        return data
    return {}


def _agency_names(index: dict[str, Any]) -> _Agencies | None:
    """The index's agency names, made safe to show (None if it has the wrong shape)."""
    names = index.get("agencies", [])
    if not isinstance(names, list) or not all(isinstance(name, str) for name in names):
        return None
    return _Agencies(
        names if needs_no_escape(SEP.join(names), lines=True) else [printable(n) for n in names]
    )


def _write_index(
    index_path: Path,
    summaries: list[Summary],
    stamps: dict[str, str],
    problems: list[Problem],
    folder: list[int] | None,
) -> None:
    """The index of ``summaries``, newest first; the agency names are those they name."""
    agencies = sorted({name for s in summaries for name in s.agencies})
    numbers = {name: number for number, name in enumerate(agencies)}
    index = {
        "version": INDEX_VERSION,
        "folder": folder,
        "agencies": agencies,
        "entries": {s.id: _index_entry(stamps[s.id], s, numbers) for s in summaries},
        "problems": [[str(p.path), p.reason] for p in problems],
    }
    with contextlib.suppress(OSError):  # a read-only or full disk must not stop listing
        atomic_write(index_path, orjson.dumps(index))


def folder_stamp(folder: Path, settled: bool = False) -> list[int] | None:
    """(inode, mtime) of the conferences folder; with ``settled``, None if it changed less
    than two seconds ago, when a change in the same clock tick could still go unseen."""
    try:
        info = os.stat(folder)
    except OSError:
        return None
    if settled and time.time_ns() - info.st_mtime_ns < 2_000_000_000:
        return None
    return [info.st_ino, info.st_mtime_ns]
