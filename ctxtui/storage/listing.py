"""Listing the conferences of a data folder quickly: a summary of each, from a small index
that is checked against every file (inode, mtime, size), or trusted whole while the folder has
not changed; unreadable files are named, never touched."""

from __future__ import annotations

import contextlib
import os
import re
import time
from dataclasses import dataclass
from operator import attrgetter
from pathlib import Path
from stat import S_ISREG
from typing import Any, NamedTuple

import orjson

from ctxtui.core import dates, due
from ctxtui.core.record import ID_PATTERN, SCHEMA, Action
from ctxtui.storage.conffile import StoreError, UnreadableFile, read_json_file, record_of_file
from ctxtui.storage.files import atomic_write, describe
from ctxtui.storage.terminal_text import printable

# 2: earliest due date of open actions; 3: entries are lists; 4: folder; 5: circulated;
# 6: closed
INDEX_VERSION = 6
# ``ID.conflict-YYYYMMDD-HHMMSS``: a stranger file kept aside by a save (see Store.save)
CONFLICT_COPY = re.compile(rf"(?P<id>{ID_PATTERN.pattern})\.conflict-\d{{8}}-\d{{6}}(-\d+)?")


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


# An index entry is a list, to keep a 10,000-entry index small and quick to read:
# [inode, mtime_ns, size, id, context, type, kind, status, conference, review, previous_id,
#  [agencies...], next_due, circulated, closed]
_STAMP = 3


def _index_entry(stamp: list[int], summary: Summary) -> list[Any]:
    s = summary
    fields = [s.id, s.context, s.type, s.kind, s.status, s.conference, s.review, s.previous_id]
    return [*stamp, *fields, list(s.agencies), s.next_due, s.circulated, s.closed]


def _cached_summary(entry: Any) -> Summary | None:
    """The summary of an index entry, or None if the entry has the wrong shape (the index is
    only a cache: the file is read again)."""
    try:
        (
            cid,
            context,
            kind_of,
            kind,
            status,
            held,
            review,
            previous,
            agencies,
            next_due,
            sent,
            closed,
        ) = entry[_STAMP:]
    except (TypeError, ValueError):
        return None
    texts = (cid, context, kind_of, kind, status, held, review, next_due, sent, closed)
    if not isinstance(agencies, list):
        return None
    try:  # joining checks in one go that every one is text (10,000 entries are read at once)
        joined = "".join([*texts, "" if previous is None else previous, *agencies])
    except TypeError:
        return None
    if not ID_PATTERN.fullmatch(cid):
        return None
    if not joined.isprintable():
        # a control or text-direction character somewhere: each text made safe to show
        context, kind_of, kind, status, held, review, next_due, sent, closed = (
            printable(t)
            for t in (context, kind_of, kind, status, held, review, next_due, sent, closed)
        )
        previous = None if previous is None else printable(previous)
        agencies = [printable(a) for a in agencies]
    return Summary(
        cid,
        context,
        kind_of,
        kind,
        status,
        held,
        review,
        previous,
        tuple(agencies),
        next_due,
        sent,
        closed,
    )


def _text(data: Any, *keys: str) -> str:
    """A text field several levels down a record, checked; "" when absent."""
    for key in keys[:-1]:
        data = data.get(key, {}) if isinstance(data, dict) else None
    value = data.get(keys[-1], "") if isinstance(data, dict) else None
    if not isinstance(value, str):
        raise ValueError(f"{'.'.join(keys)} is not text")
    return printable(value)  # it came from a file: shown, never run by the terminal


def _summary_of_record(conference_id: str, record: dict[str, Any]) -> Summary:
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
    )


def _summary_of_file(path: str, conference_id: str) -> Summary:
    record = record_of_file(path)
    try:
        return _summary_of_record(conference_id, record)
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


def list_conferences(folder_path: Path, index_path: Path) -> Listing:
    """Every readable conference, newest first, and a Problem for each file that is not.

    Each file is checked against its index entry (inode, mtime, size). When the folder
    itself has not changed since the last full look (every save, creation and deletion
    renames or removes a file in it, which changes the folder), and that look was not in
    the same instant as a change, the index is used as it is, without looking at 10,000
    files. A file edited in place by another program shows its new summary after the next
    change to the folder; opening it always reads the file itself."""
    index = _read_index(index_path)
    folder = _folder_stamp(folder_path)
    if folder is not None and index.get("folder") == folder:
        trusted = _trusted(index)
        if trusted is not None:
            return trusted
    entries = index.get("entries", {})
    fresh: dict[str, list[Any]] = {}
    summaries: list[Summary] = []
    problems: list[Problem] = []
    changed = False
    try:
        found = list(os.scandir(folder_path))
    except OSError as error:
        raise StoreError(f"Cannot read the folder {folder_path}: {describe(error)}.") from None
    for entry in found:
        name = entry.name
        if name.startswith(".") or not name.endswith(".json"):
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
        stamp = [stat.st_ino, stat.st_mtime_ns, stat.st_size]
        cached = entries.get(conference_id)
        if isinstance(cached, list) and cached[:_STAMP] == stamp:
            summary = _cached_summary(cached)
            if summary is not None:
                fresh[conference_id] = cached
                summaries.append(summary)
                continue
        changed = True
        try:
            summary = _summary_of_file(entry.path, conference_id)
        except UnreadableFile as error:
            problems.append(Problem(Path(entry.path), error.reason))
            continue
        fresh[conference_id] = _index_entry(stamp, summary)
        summaries.append(summary)
    problems.sort(key=lambda p: str(p.path))
    # trusted next time only if nothing changed in the folder while it was being read
    settled = _folder_stamp(folder_path, settled=True)
    seen = settled if settled == folder else None
    if changed or fresh.keys() != entries.keys() or index.get("folder") != seen:
        _write_index(index_path, fresh, problems, seen)
    summaries.sort(key=attrgetter("conference", "id"), reverse=True)
    return Listing(summaries, problems)


def _trusted(index: dict[str, Any]) -> Listing | None:
    """The listing as the index has it (None if any part has the wrong shape)."""
    summaries = [_cached_summary(entry) for entry in index.get("entries", {}).values()]
    problems = index.get("problems")
    if any(s is None for s in summaries) or not isinstance(problems, list):
        return None
    try:
        told = [Problem(Path(path), reason) for path, reason in problems]
    except (TypeError, ValueError):
        return None
    listed = [s for s in summaries if s is not None]
    listed.sort(key=attrgetter("conference", "id"), reverse=True)
    return Listing(listed, told)


def _read_index(index_path: Path) -> dict[str, Any]:
    try:
        data = read_json_file(index_path)
    except UnreadableFile:
        data = None  # the index is only a cache: a broken one is rebuilt from the files
    if data and data.get("version") == INDEX_VERSION and isinstance(data.get("entries"), dict):
        return data
    return {}


def _write_index(
    index_path: Path,
    entries: dict[str, list[Any]],
    problems: list[Problem],
    folder: list[int] | None,
) -> None:
    index = {
        "version": INDEX_VERSION,
        "folder": folder,
        "entries": entries,
        "problems": [[str(p.path), p.reason] for p in problems],
    }
    with contextlib.suppress(OSError):  # a read-only or full disk must not stop listing
        atomic_write(index_path, orjson.dumps(index))


def _folder_stamp(folder: Path, settled: bool = False) -> list[int] | None:
    """(inode, mtime) of the conferences folder; with ``settled``, None if it changed less
    than two seconds ago, when a change in the same clock tick could still go unseen."""
    try:
        info = os.stat(folder)
    except OSError:
        return None
    if settled and time.time_ns() - info.st_mtime_ns < 2_000_000_000:
        return None
    return [info.st_ino, info.st_mtime_ns]
