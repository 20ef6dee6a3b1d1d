"""The plan rows still to do of every conference, read quickly: a second small index
(``actions.json`` beside ``index.json``), kept the way the listing keeps its own. Each entry
is checked against its file (inode, mtime, size), or the whole is trusted while the folder has
not changed since the last full look; a file that cannot be read is named, never touched.

Kept apart from the listing's index because it holds the rows' text: the home screen reads
the listing's index at every start, and should not pay for this. It is a copy like the
listing's index (``copies.py``): searched, made again after a redaction, a rename or a
deletion, and removed with the folder.
"""

from __future__ import annotations

import contextlib
import os
import re
from dataclasses import dataclass
from pathlib import Path
from stat import S_ISREG
from typing import Any, NamedTuple

import orjson

from ctxtui.core.record import ID_PATTERN, SCHEMA
from ctxtui.core.review import LEFT_BEHIND
from ctxtui.storage.conffile import StoreError, UnreadableFile, record_of_file
from ctxtui.storage.files import atomic_write, describe, read_plain
from ctxtui.storage.listing import Problem, folder_stamp
from ctxtui.storage.terminal_text import UNSAFE, printable

PLAN_INDEX = "actions.json"
VERSION = 2  # 2: entries are texts
ROW_FIELDS = ("intervention", "agency", "due", "status", "progress", "timescale")


class OpenRow(NamedTuple):
    """One plan row still to do (neither done nor dropped), as the index keeps it."""

    number: int  # in its conference's plan, from 1
    intervention: str
    agency: str
    due: str
    status: str
    progress: str
    timescale: str


ROW_CELLS = 7  # a row's number and its ROW_FIELDS


class PlanEntry(NamedTuple):
    """What the index keeps of one conference: enough to place it in its chain, and its rows
    still to do as ``cells``, seven a row (the number as text, then ROW_FIELDS): 50,000 rows
    are read at a time, and most are passed over by a filter before they are made."""

    id: str
    context: str
    previous_id: str
    closed: str  # the day the context was closed at this conference, or ""
    conference: str
    cells: tuple[str, ...]

    @property
    def rows(self) -> list[OpenRow]:
        cells = self.cells
        return [
            OpenRow(row_number(cells[i]), *cells[i + 1 : i + ROW_CELLS])
            for i in range(0, len(cells), ROW_CELLS)
        ]


def row_number(cell: str) -> int:
    """A row's number as the index holds it (0 when a hand-made index holds something else)."""
    return int(cell) if cell.isdecimal() and len(cell) < 6 else 0


@dataclass
class Plans:
    entries: list[PlanEntry]
    problems: list[Problem]


def _text(value: Any) -> str:
    return printable(value) if isinstance(value, str) else ""


def entry_of_record(conference_id: str, record: dict[str, Any]) -> PlanEntry:
    """The entry of one stored record, read without checking every field (as the listing)."""
    if record.get("schema") != SCHEMA:
        raise ValueError(f"its schema is not {SCHEMA}")
    actions = record.get("actions", [])
    if not isinstance(actions, list):
        raise ValueError("actions is not a list")
    cells = tuple(
        cell
        for number, a in enumerate(actions, 1)
        if isinstance(a, dict) and a.get("status", "open") not in LEFT_BEHIND
        for cell in (str(number), *(_text(a.get(name, "")) for name in ROW_FIELDS))
    )
    context, closure = record.get("context"), record.get("closure")
    name = context.get("name", "") if isinstance(context, dict) else ""
    closed = ""
    if isinstance(closure, dict) and closure.get("outcome"):
        closed = _text(closure.get("date", "")) or "closed"
    when = record.get("dates")
    held = when.get("conference", "") if isinstance(when, dict) else ""
    return PlanEntry(
        conference_id,
        _text(name),
        _text(record.get("previous_id") or ""),
        closed,
        _text(held),
        cells,
    )


def _entry_of_file(path: str, conference_id: str) -> PlanEntry:
    record = record_of_file(path)
    try:
        return entry_of_record(conference_id, record)
    except ValueError as error:
        raise UnreadableFile(Path(path), f"invalid record: {error}") from None


# An entry is one text, its fields apart by newlines: "inode.mtime_ns.size", the context, the
# previous id, the closure day and the conference day, then seven fields a row (its number,
# then ROW_FIELDS). One string a conference rather than lists of lists: 50,000 rows are read
# at a time, and splitting a string is one call where parsing nested lists is thousands. No
# field holds a newline: each went through ``printable``, which writes one as "\\n".
SEP = "\n"
_HEAD = 5  # the stamp and the four fields of the conference


def _cached(value: Any, conference_id: str, clean: bool = False) -> PlanEntry | None:
    """An entry as the index holds it, or None when it has the wrong shape (the file is read
    again: the index is only a cache, and anyone in a team may write it). ``clean``: the
    index is known to hold nothing ``printable`` would change."""
    if not isinstance(value, str):
        return None
    fields = value.split(SEP)
    if len(fields) < _HEAD or (len(fields) - _HEAD) % ROW_CELLS:
        return None
    if not clean:
        fields = [printable(field) for field in fields]
    # made straight from the values: a named tuple's own __new__ is Python, run 10,000 times
    return tuple.__new__(PlanEntry, (conference_id, *fields[1:_HEAD], tuple(fields[_HEAD:])))


def _stored(stamp: str, entry: PlanEntry) -> str:
    head = (stamp, entry.context, entry.previous_id, entry.closed, entry.conference)
    return SEP.join((*head, *entry.cells))


def read_plans(folder_path: Path, index_path: Path) -> Plans:
    """Every conference's rows still to do, and a Problem for each file that cannot be read."""
    index = _read_index(index_path)
    folder = folder_stamp(folder_path)
    stored = index.get("entries", {})
    if folder is not None and index.get("folder") == folder:
        trusted = _trusted(index)
        if trusted is not None:
            return trusted
    try:
        found = list(os.scandir(folder_path))
    except OSError as error:
        raise StoreError(f"Cannot read the folder {folder_path}: {describe(error)}.") from None
    entries: list[PlanEntry] = []
    stamps: dict[str, str] = {}
    problems: list[Problem] = []
    changed = False
    for item in found:
        name = item.name
        conference_id = name[: -len(".json")]
        if name.startswith(".") or not name.endswith(".json"):
            continue
        if not ID_PATTERN.fullmatch(conference_id):
            continue  # a conflict copy, or a name the listing names
        try:
            info = item.stat(follow_symlinks=False)
        except OSError as error:
            problems.append(Problem(Path(item.path), describe(error)))
            continue
        if not S_ISREG(info.st_mode):
            problems.append(Problem(Path(item.path), "it is not a plain file"))
            continue
        stamp = f"{info.st_ino}.{info.st_mtime_ns}.{info.st_size}"
        stamps[conference_id] = stamp
        cached = stored.get(conference_id)
        if isinstance(cached, str) and cached.startswith(stamp + SEP):
            entry = _cached(cached, conference_id, bool(index.get("clean")))
            if entry is not None:
                entries.append(entry)
                continue
        changed = True
        try:
            entries.append(_entry_of_file(item.path, conference_id))
        except UnreadableFile as error:
            problems.append(Problem(Path(item.path), error.reason))
    problems.sort(key=lambda p: str(p.path))
    entries.sort(key=lambda e: (e.conference, e.id), reverse=True)
    settled = folder_stamp(folder_path, settled=True)
    seen = settled if settled == folder else None
    if changed or len(stored) != len(entries) or index.get("folder") != seen:
        _write(index_path, entries, stamps, problems, seen)
    return Plans(entries, problems)


def _trusted(index: dict[str, Any]) -> Plans | None:
    stored, problems = index.get("entries"), index.get("problems")
    if not isinstance(stored, dict) or not isinstance(problems, list):
        return None
    clean = bool(index.get("clean"))
    entries = [_cached(value, str(cid), clean) for cid, value in stored.items()]
    if any(entry is None for entry in entries):
        return None
    try:
        told = [Problem(Path(path), printable(reason)) for path, reason in problems]
    except (TypeError, ValueError):
        return None
    return Plans([e for e in entries if e is not None], told)


# A JSON escape other than \", \\ and the \n between fields: orjson writes every C0 control
# as one, so the text read back may need ``printable``. One search for a literal backslash is
# quick; a pattern of many branches over 8 MB took 80 ms here.
_ESCAPE = re.compile(rb'\\[^"\\n]')


def _clean(raw: bytes) -> bool:
    """True when nothing in the index's text is anything ``printable`` would change."""
    if _ESCAPE.search(raw):
        return False
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return False
    # isprintable is the quicker look, and nearly always says yes; when it says no (a
    # non-breaking space is not "printable"), the exact set ``printable`` escapes decides
    return text.isprintable() or UNSAFE.search(text) is None


def _read_index(index_path: Path) -> dict[str, Any]:
    """The index as stored (empty when missing, broken or of another version), with "clean"
    set when nothing in it needs making safe to print: one look at its bytes, not 300,000
    looks at its texts."""
    try:
        raw = read_plain(index_path)
        data = orjson.loads(raw)
    except (OSError, orjson.JSONDecodeError):
        return {}  # a cache: a missing or broken one is made again from the files
    if not isinstance(data, dict) or data.get("version") != VERSION:
        return {}
    if not isinstance(data.get("entries"), dict):
        return {}
    data["clean"] = _clean(raw)
    return data


def _write(
    index_path: Path,
    entries: list[PlanEntry],
    stamps: dict[str, str],
    problems: list[Problem],
    folder: list[int] | None,
) -> None:
    index = {
        "version": VERSION,
        "folder": folder,
        "entries": {e.id: _stored(stamps[e.id], e) for e in entries},
        "problems": [[str(p.path), p.reason] for p in problems],
    }
    with contextlib.suppress(OSError):  # a read-only or full disk must not stop the listing
        atomic_write(index_path, orjson.dumps(index))


def refresh(folder_path: Path, index_path: Path) -> None:
    """Make the index agree with the files now (after a redaction, a rename or a deletion),
    if there is one: what it held of the old text must not outlive the change."""
    if os.path.lexists(index_path):
        read_plans(folder_path, index_path)
