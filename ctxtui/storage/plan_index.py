"""The plan rows still to do of every conference, read quickly: a second small index
(``actions.json`` beside ``index.json``), kept the way the listing keeps its own. Each entry
is checked against its file (inode, mtime, size), or the whole is trusted while the folder has
not changed since the last full look; a file that cannot be read is named, never touched.

What ``ctxtui actions`` shows is worked out when the index is written, not at each query: the
rows of each chain's last conference that is not closed, grouped by their agency's folded name
and soonest due first within a group. A query then splits only the groups it asks for, and
makes each safe to print with one look at its text. The index is only a cache: every text
read from it goes through that look, and one of the wrong shape is made again from the files.

Kept apart from the listing's index because it holds the rows' text: the home screen reads
the listing's index at every start, and should not pay for this. It is a copy like the
listing's index (``copies.py``): searched, made again after a redaction, a rename or a
deletion, and removed with the folder.
"""

from __future__ import annotations

import contextlib
import gc
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from stat import S_ISREG
from typing import Any, NamedTuple

import orjson

from ctxtui.core.progress import fold
from ctxtui.core.record import ID_PATTERN, SCHEMA
from ctxtui.core.review import LEFT_BEHIND
from ctxtui.storage.conffile import StoreError, UnreadableFile, record_of_file
from ctxtui.storage.files import atomic_write, describe, read_plain
from ctxtui.storage.listing import Problem, folder_stamp
from ctxtui.storage.terminal_text import UNSAFE, needs_no_escape, printable

PLAN_INDEX = "actions.json"
# 3: the rows shown kept apart from the entries, by folded agency (a change to
# ``progress.fold`` changes the groups: bump it then too); 2: entries are texts
VERSION = 3
ROW_FIELDS = ("intervention", "agency", "due", "status", "progress", "timescale")
ROW_CELLS = 7  # a row's number and its ROW_FIELDS, as an entry holds them
# a row shown, as ``ActionLine`` holds it (the number as text; "overdue" is the query's)
SHOWN_FIELDS = ("conference", "context", "row", *ROW_FIELDS)
SHOWN_CELLS = len(SHOWN_FIELDS)
_CONTEXT, _AGENCY, _DUE = 1, 4, 5  # cells of a row shown


class PlanEntry(NamedTuple):
    """What the index keeps of one conference: enough to place it in its chain, and its rows
    still to do as ``cells``, seven a row (the number as text, then ROW_FIELDS)."""

    id: str
    context: str
    previous_id: str
    closed: str  # the day the context was closed at this conference, or ""
    conference: str
    cells: tuple[str, ...]


def row_number(cell: str) -> int:
    """A row's number as the index holds it (0 when a hand-made index holds something else)."""
    return int(cell) if cell.isdecimal() and len(cell) < 6 else 0


@dataclass
class Plans:
    """The rows still to do that ``ctxtui actions`` may show, by folded agency name (each a
    text of SHOWN_CELLS cells a row, apart by newlines, soonest due first), and each file that
    cannot be read."""

    shown: dict[str, str]
    problems: list[Problem]

    def cells(self, wanted: str = "") -> list[str]:
        """The cells of the rows whose folded agency holds ``wanted`` (every row for ""),
        SHOWN_CELLS a row, made safe to print. Only the groups asked for are split."""
        cells: list[str] = []
        for agency, text in self.shown.items():
            if wanted in agency:
                cells += _safe_fields(text)
        return cells


def _safe_fields(text: str) -> list[str]:
    """A stored text's fields, each as ``printable`` makes it: one look at the whole text,
    and a field at a time only when that look finds something to escape."""
    fields = text.split(SEP)
    # isprintable is the quicker look, and nearly always says yes; when it says no (a
    # non-breaking space is not "printable"), the exact set ``printable`` escapes decides
    if needs_no_escape(text, lines=True) or UNSAFE.search(text) is None:
        return fields
    return [printable(field) for field in fields]


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
# then ROW_FIELDS) for a conference whose rows are not shown (it has a review, or it closed
# its context): those of a conference shown are in "shown" alone, never twice. A group of
# "shown" is one text too, SHOWN_CELLS fields a row. One string rather than lists of lists:
# 50,000 rows are read at a time, and splitting a string is one call where parsing nested
# lists is thousands. No field holds a newline: each went through ``printable``, which
# writes one as "\\n".
SEP = "\n"
_HEAD = 5  # the stamp and the four fields of the conference


def _cached(value: Any, conference_id: str, shown: list[list[str]]) -> PlanEntry | None:
    """An entry as the index holds it, with its rows ``shown``, or None when it has the wrong
    shape (the file is read again: the index is only a cache, and anyone in a team may write
    it)."""
    if not isinstance(value, str):
        return None
    fields = _safe_fields(value)
    if len(fields) < _HEAD or (len(fields) - _HEAD) % ROW_CELLS:
        return None
    cells = fields[_HEAD:]
    for row in shown:  # in the order due, not in the plan's: the rows shown are sorted again
        cells += row
    # made straight from the values: a named tuple's own __new__ is Python, run 10,000 times
    return tuple.__new__(PlanEntry, (conference_id, *fields[1:_HEAD], tuple(cells)))


def _soonest(row: tuple[str, ...]) -> tuple[str, str, str, int, str]:
    """Soonest due first, rows with no due date last; then by context, conference, row (a
    number of fewer digits first: in the order of the numbers, without making them)."""
    return (row[_DUE] or "9999-99-99", row[_CONTEXT], row[0], len(row[2]), row[2])


def shown_of(entries: Iterable[PlanEntry]) -> tuple[dict[str, str], set[str]]:
    """The rows a query may show, grouped by folded agency, soonest due first in a group: the
    rows still to do of every chain's last conference (a conference that has a review has
    handed its rows on; a closed context's rows are followed up no more). And the ids of the
    conferences shown."""
    entries = list(entries)
    reviewed = {e.previous_id for e in entries if e.previous_id}
    groups: dict[str, list[tuple[str, ...]]] = {}
    ids: set[str] = set()
    for entry in entries:
        if entry.id in reviewed or entry.closed:
            continue
        ids.add(entry.id)
        cells = entry.cells
        for i in range(0, len(cells), ROW_CELLS):
            row = (entry.id, entry.context, *cells[i : i + ROW_CELLS])
            groups.setdefault(fold(row[_AGENCY]), []).append(row)
    texts = {}
    for agency in sorted(groups):
        rows = sorted(groups[agency], key=_soonest)
        texts[agency] = SEP.join([cell for row in rows for cell in row])
    return texts, ids


def _rows_shown(shown: dict[str, str]) -> dict[str, list[list[str]]]:
    """The rows of "shown" by conference id, seven cells a row as an entry holds them."""
    by_id: dict[str, list[list[str]]] = {}
    for text in shown.values():
        cells = _safe_fields(text)
        for i in range(0, len(cells), SHOWN_CELLS):
            by_id.setdefault(cells[i], []).append(cells[i + 2 : i + SHOWN_CELLS])
    return by_id


def read_plans(folder_path: Path, index_path: Path) -> Plans:
    """Every conference's rows still to do, and a Problem for each file that cannot be read."""
    index = _read_index(index_path)
    folder = folder_stamp(folder_path)
    if folder is not None and index.get("folder") == folder:
        told = _problems(index.get("problems"))
        if told is not None:
            return Plans(index["shown"], told)
    try:
        found = list(os.scandir(folder_path))
    except OSError as error:
        raise StoreError(f"Cannot read the folder {folder_path}: {describe(error)}.") from None
    collecting = gc.isenabled()
    gc.disable()  # 50,000 rows of text made again hold no cycle for the collector to find
    try:
        return _checked(folder_path, index_path, index, folder, found)
    finally:
        if collecting:
            gc.enable()


def _checked(
    folder_path: Path,
    index_path: Path,
    index: dict[str, Any],
    folder: list[int] | None,
    found: list[os.DirEntry[str]],
) -> Plans:
    """Each entry checked against its file (and read again when it changed), the rows shown
    worked out again, and the index written if anything changed."""
    stored = index.get("entries", {})
    kept = _rows_shown(index.get("shown", {}))
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
            entry = _cached(cached, conference_id, kept.get(conference_id, []))
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
    shown, ids = shown_of(entries)
    settled = folder_stamp(folder_path, settled=True)
    seen = settled if settled == folder else None
    if changed or len(stored) != len(entries) or index.get("folder") != seen:
        _write(index_path, entries, (shown, ids), stamps, problems, seen)
    return Plans(shown, problems)


def _problems(problems: Any) -> list[Problem] | None:
    if not isinstance(problems, list):
        return None
    try:
        return [Problem(Path(path), printable(reason)) for path, reason in problems]
    except (TypeError, ValueError):
        return None


def _read_index(index_path: Path) -> dict[str, Any]:
    """The index as stored; empty when missing, broken, of another version, or of the wrong
    shape anywhere a query would look (each group of "shown" a whole number of rows)."""
    try:
        data = orjson.loads(read_plain(index_path))
    except (OSError, orjson.JSONDecodeError):
        return {}  # a cache: a missing or broken one is made again from the files
    if not isinstance(data, dict) or data.get("version") != VERSION:
        return {}
    shown = data.get("shown")
    if not isinstance(data.get("entries"), dict) or not isinstance(shown, dict):
        return {}
    for text in shown.values():  # counting newlines is one quick pass over each text
        if not isinstance(text, str) or not text or (text.count(SEP) + 1) % SHOWN_CELLS:
            return {}
    return data


def _write(
    index_path: Path,
    entries: list[PlanEntry],
    shown: tuple[dict[str, str], set[str]],
    stamps: dict[str, str],
    problems: list[Problem],
    folder: list[int] | None,
) -> None:
    groups, ids = shown

    def stored(e: PlanEntry) -> str:
        head = (stamps[e.id], e.context, e.previous_id, e.closed, e.conference)
        return SEP.join(head if e.id in ids else (*head, *e.cells))

    index = {
        "version": VERSION,
        "folder": folder,
        "entries": {e.id: stored(e) for e in entries},
        "shown": groups,
        "problems": [[str(p.path), p.reason] for p in problems],
    }
    with contextlib.suppress(OSError):  # a read-only or full disk must not stop the listing
        atomic_write(index_path, orjson.dumps(index))


def texts_by_conference(data: Any) -> dict[str, list[str]]:
    """Each conference's texts in a stored index (its entry, and each of its rows shown), for
    a search; a group of "shown" of the wrong shape is counted whole, under "" (no one
    conference)."""
    found: dict[str, list[str]] = {}
    if not isinstance(data, dict):
        return found
    entries, shown = data.get("entries"), data.get("shown")
    for cid, entry in entries.items() if isinstance(entries, dict) else ():
        found.setdefault(str(cid), []).append(entry)
    for text in shown.values() if isinstance(shown, dict) else ():
        if not isinstance(text, str) or len(cells := text.split(SEP)) % SHOWN_CELLS:
            found.setdefault("", []).append(text)
            continue
        for i in range(0, len(cells), SHOWN_CELLS):
            found.setdefault(cells[i], []).append(SEP.join(cells[i + 1 : i + SHOWN_CELLS]))
    return found


def refresh(folder_path: Path, index_path: Path) -> None:
    """Make the index agree with the files now (after a redaction, a rename or a deletion),
    if there is one: what it held of the old text must not outlive the change."""
    if os.path.lexists(index_path):
        read_plans(folder_path, index_path)
