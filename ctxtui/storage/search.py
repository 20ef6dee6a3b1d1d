"""Finding every mention of a word or name in a data folder, in every copy ctxtui keeps, and
taking it out of the copies beside a record (the record itself changes only through the
meeting's editor, as an amendment).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson

from ctxtui.core.mentions import Finder, free_text, place_of, replace_in, strings
from ctxtui.storage.audit import MAX_LOG_BYTES  # the log may grow far past a record
from ctxtui.storage.conffile import encode
from ctxtui.storage.copies import (
    AUDIT,
    INDEX,
    PLAN_INDEX,
    RECORD,
    WORDS,
    Copy,
    copies,
    remove_leftovers,
)
from ctxtui.storage.files import MAX_FILE_BYTES, atomic_write, describe, read_plain
from ctxtui.storage.listing import Problem


@dataclass(frozen=True)
class Mention:
    copy: Copy
    conference_id: str
    field: str  # the field's path in the record ("points.concerns[2]"), or "line 12"
    place: str  # where a person finds it: "Current concerns, point 3"
    count: int

    def to_json(self) -> dict[str, Any]:
        return {
            "conference": self.conference_id,
            "copy": self.copy.kind,
            "file": str(self.copy.path),
            "field": self.field,
            "place": self.place,
            "count": self.count,
        }


def record_in(data: Any) -> Any:
    """The conference in a stored file (a TinyDB document) or in a rescue copy (bare)."""
    if isinstance(data, dict) and isinstance(data.get("conference"), dict):
        table = data["conference"]
        if isinstance(table.get("1"), dict):
            return table["1"]
    return data


def _in_record(copy: Copy, data: Any, finder: Finder) -> list[Mention]:
    found = []
    for path, text in strings(record_in(data)):
        if free_text(path) and (n := finder.count(text)):
            found.append(Mention(copy, copy.conference_id, path, place_of(path), n))
    return found


def _in_index(copy: Copy, data: Any, finder: Finder) -> list[Mention]:
    entries = data.get("entries", {}) if isinstance(data, dict) else {}
    if copy.kind == PLAN_INDEX:  # its entries, and the rows it keeps apart for a query
        from ctxtui.storage.plan_index import texts_by_conference

        entries = texts_by_conference(data)
    found = []
    for cid, entry in entries.items() if isinstance(entries, dict) else ():
        n = sum(finder.count(text) for _path, text in strings(entry))
        if n:
            what = "Summary in the index" if copy.kind == INDEX else f"Rows in the {copy.kind}"
            found.append(Mention(copy, str(cid), f"entries.{cid}", what, n))
    agencies = data.get("agencies", []) if isinstance(data, dict) else []
    if n := sum(finder.count(text) for _path, text in strings(agencies)):
        found.append(Mention(copy, "", "agencies", "Agency names in the index", n))
    return found


def _in_audit(copy: Copy, raw: bytes, finder: Finder) -> list[Mention]:
    found = []
    for number, line in enumerate(raw.decode("utf-8", "replace").splitlines(), 1):
        try:
            event = orjson.loads(line)
        except orjson.JSONDecodeError:
            event = None
        if isinstance(event, dict):  # who, where and the detail; not the id, time or digest
            cid = str(event.get("id", ""))
            said = [str(event.get(key, "")) for key in ("user", "host", "detail")]
        else:
            cid, said = "", [line]
        if n := sum(finder.count(text) for text in said):
            found.append(Mention(copy, cid, f"line {number}", f"Audit log, line {number}", n))
    return found


def _which(only: str | None) -> Callable[[str], bool]:
    """Which fields a redaction changes: every free-text field, or the one asked for."""
    return free_text if only is None else (lambda path: path == only and free_text(path))


@dataclass
class Found:
    """What a search found, and every file it could not read (named, never passed over)."""

    mentions: list[Mention]
    unread: list[Problem]


def search_copy(copy: Copy, finder: Finder) -> list[Mention]:
    """The mentions in one copy (a file that cannot be read as JSON but holds the text is
    still named, so nothing is missed). OSError when the file cannot be read at all."""
    raw = read_plain(copy.path, MAX_LOG_BYTES if copy.kind == AUDIT else MAX_FILE_BYTES)
    if not finder.might_hold(raw):
        return []
    if copy.kind == AUDIT:
        return _in_audit(copy, raw, finder)
    if copy.kind == WORDS:  # a word a chair took for no name: "ctxtui words remove" takes it off
        lines = raw.decode("utf-8", "replace").splitlines()
        return [
            Mention(copy, "", f"line {n}", f"The service's words, line {n}", count)
            for n, line in enumerate(lines, 1)
            if (count := finder.count(line))
        ]
    try:
        data = orjson.loads(raw)
    except (orjson.JSONDecodeError, RecursionError):
        n = finder.count(raw.decode("utf-8", "replace"))
        unread = "The file (it cannot be read as JSON)"
        return [Mention(copy, copy.conference_id, "", unread, n)] if n else []
    if copy.kind in (INDEX, PLAN_INDEX):
        return _in_index(copy, data, finder)
    return _in_record(copy, data, finder)


def search(root: Path, text: str, conference_ids: Iterable[str] | None = None) -> Found:
    """Every mention of ``text`` under the data folder ``root``: each record, each copy, the
    index and the audit log (of only some conferences, with ``conference_ids``)."""
    finder = Finder.of(text)
    remove_leftovers(root)
    wanted = None if conference_ids is None else set(conference_ids)
    found = Found([], [])
    for copy in copies(root):
        if wanted is not None and copy.conference_id and copy.conference_id not in wanted:
            continue
        try:
            mentions = search_copy(copy, finder)
        except OSError as error:
            found.unread.append(Problem(copy.path, describe(error)))
            continue
        found.mentions += [m for m in mentions if wanted is None or m.conference_id in wanted]
    return found


def redact_copies(
    root: Path, conference_id: str, finder: Finder, replacement: str, only: str | None = None
) -> tuple[int, list[Problem]]:
    """Replace the mentions in every copy of one conference beside its record (backup,
    conflict, rescue copies and temp files a crash left): how many were replaced, and each
    copy that could not be redacted. The record is the editor's. A copy that is not JSON is
    redacted as text."""
    total, problems = 0, []
    for copy in copies(root, conference_id):
        if copy.kind == RECORD:
            continue
        try:
            count = _redact_copy(copy.path, finder, replacement, only)
        except OSError as error:
            problems.append(Problem(copy.path, describe(error)))
            continue
        except UnicodeDecodeError:
            problems.append(Problem(copy.path, "it is neither JSON nor UTF-8 text"))
            continue
        total += count
    return total, problems


def _redact_copy(path: Path, finder: Finder, replacement: str, only: str | None) -> int:
    raw = read_plain(path)
    if not finder.might_hold(raw):
        return 0
    try:
        data = orjson.loads(raw)
    except (orjson.JSONDecodeError, RecursionError):
        if only is not None:
            raise OSError(f"it is not JSON, so its field {only} cannot be found") from None
        text, count = finder.replace(raw.decode("utf-8"), replacement)
        if count:
            atomic_write(path, text.encode("utf-8"))
        return count
    record = record_in(data)
    new, count = replace_in(record, finder, replacement, _which(only))
    if record is not data:
        data["conference"]["1"] = new
        new = data
    if count:
        atomic_write(path, encode(new))
    return count
