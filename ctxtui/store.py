"""Storage that loses nothing: one TinyDB file per conference, written atomically, with the
previous good copy kept, a lock per conference and a small index that makes listing fast.

Layout of a data folder (folders 0700, files 0600)::

    conferences/<id>.json       TinyDB file: tables "meta" (storage version) and "conference"
    conferences/<id>.json.bak   the version before the last save (a hard link, so it costs nothing)
    locks/<id>.lock             flock()ed by the one process that may write the conference
    index.json                  cached summaries, checked against each file's inode/mtime/size
"""

from __future__ import annotations

import builtins
import contextlib
import json
import os
import re
import time
from dataclasses import dataclass
from operator import attrgetter
from pathlib import Path
from typing import Any, NamedTuple

import orjson
from tinydb.storages import Storage

from . import dates, due
from .files import atomic_create, atomic_write, describe, fsync_dir, make_folder
from .ids import id_candidates
from .locks import Lock
from .model import ID_PATTERN, SCHEMA, Action, Conference, ValidationError, conference_from_dict

STORAGE_VERSION = 1
CONFERENCE_TABLE = "conference"
META_TABLE = "meta"
DOC_ID = 1
# 2: earliest due date of open actions; 3: entries are lists; 4: folder; 5: circulated
INDEX_VERSION = 5
# ``ID.conflict-YYYYMMDD-HHMMSS``: a stranger file kept aside by a save (see Store.save)
CONFLICT_COPY = re.compile(r"[a-z0-9][a-z0-9-]{0,79}\.conflict-\d{8}-\d{6}")


class StoreError(Exception):
    """A problem the user should read: the message is one clear sentence."""


class UnreadableFile(StoreError):
    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path} cannot be read ({reason}); it has been left untouched.")
        self.path = path
        self.reason = reason


class LockedError(StoreError):
    pass


class AtomicJSONStorage(Storage):
    """TinyDB storage: reads utf-8 JSON, writes through :func:`atomic_write` with a backup."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)

    def read(self) -> dict[str, Any] | None:
        return read_json_file(self.path)

    def write(self, data: dict[str, Any]) -> None:
        atomic_write(self.path, _encode(data), keep_backup=True)


def read_json_file(path: str | Path) -> dict[str, Any] | None:
    """The JSON object in a file (None if the file is gone); UnreadableFile says what is wrong.

    orjson reads a 10,000-conference folder about three times as fast as the standard library,
    which is what rebuilding the index after a crash costs."""
    try:
        with open(path, "rb") as handle:
            raw = handle.read()
    except FileNotFoundError:
        return None
    except OSError as error:
        raise UnreadableFile(Path(path), describe(error)) from error
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError as error:
        try:
            raw.decode("utf-8")
        except UnicodeDecodeError:
            raise UnreadableFile(Path(path), "it is not UTF-8 text") from None
        line = raw[: error.pos].count(b"\n") + 1
        raise UnreadableFile(Path(path), f"broken JSON at line {line}") from None
    if not isinstance(data, dict):
        raise UnreadableFile(Path(path), "it is not a ctxtui file")
    return data


def _encode(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


# ---------------------------------------------------------------------------- summaries


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
            "minutes_due": self.minutes_due(nation),
            "review_due": self.review_due(nation),
        }


# An index entry is a list, to keep a 10,000-entry index small and quick to read:
# [inode, mtime_ns, size, id, context, type, kind, status, conference, review, previous_id,
#  [agencies...], next_due, circulated]
_STAMP = 3


def _index_entry(stamp: builtins.list[int], summary: Summary) -> builtins.list[Any]:
    s = summary
    fields = [s.id, s.context, s.type, s.kind, s.status, s.conference, s.review, s.previous_id]
    return [*stamp, *fields, list(s.agencies), s.next_due, s.circulated]


def _cached_summary(entry: Any) -> Summary | None:
    """The summary of an index entry, or None if the entry has the wrong shape (the index is
    only a cache: the file is read again)."""
    try:
        cid, context, kind_of, kind, status, held, review, previous, agencies, next_due, sent = (
            entry[_STAMP:]
        )
    except (TypeError, ValueError):
        return None
    texts = (cid, context, kind_of, kind, status, held, review, next_due, sent)
    if not all(isinstance(t, str) for t in texts) or not isinstance(agencies, list):
        return None
    if previous is not None and not isinstance(previous, str):
        return None
    return Summary(
        cid, context, kind_of, kind, status, held, review, previous, tuple(agencies), next_due, sent
    )


def _text(data: Any, *keys: str) -> str:
    """A text field several levels down a record, checked; "" when absent."""
    for key in keys[:-1]:
        data = data.get(key, {}) if isinstance(data, dict) else None
    value = data.get(keys[-1], "") if isinstance(data, dict) else None
    if not isinstance(value, str):
        raise ValueError(f"{'.'.join(keys)} is not text")
    return value


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
        previous_id=previous,
        agencies=tuple(sorted(n for n in named if isinstance(n, str) and n)),
        next_due=due.next_action_due(plan),
        circulated=last_sent,
    )


def _summary_of_file(path: str, conference_id: str) -> Summary:
    record = _record_of_file(path)
    try:
        return _summary_of_record(conference_id, record)
    except ValueError as error:
        raise UnreadableFile(Path(path), f"invalid record: {error}") from None


@dataclass(frozen=True)
class Problem:
    path: Path
    reason: str

    def message(self) -> str:
        return f"{self.path} cannot be read ({self.reason}); it has been left untouched."


@dataclass
class Listing:
    summaries: list[Summary]
    problems: list[Problem]


# ---------------------------------------------------------------------------- the store


class Store:
    """All conferences under one data folder. Pass one of these to whatever needs storage."""

    def __init__(self, root: str | Path) -> None:
        self.root = Path(root).expanduser()
        self.folder = self.root / "conferences"
        self.locks = self.root / "locks"
        self.index_path = self.root / "index.json"
        for folder in (self.root, self.folder, self.locks):
            try:
                make_folder(folder)
            except OSError as error:
                raise StoreError(f"Cannot use data folder {folder}: {describe(error)}.") from None

    def path_for(self, conference_id: str) -> Path:
        if not ID_PATTERN.fullmatch(conference_id):
            raise StoreError(f"{conference_id!r} is not a conference id.")
        return self.folder / f"{conference_id}.json"

    def exists(self, conference_id: str) -> bool:
        return self.path_for(conference_id).exists()

    # -- reading

    def load(self, conference_id: str) -> Conference:
        """Read one conference without taking its lock."""
        path = self.path_for(conference_id)
        if not path.exists():
            raise StoreError(f"There is no conference {conference_id!r}.")
        return _read_file(path)

    def list(self) -> Listing:
        """Every readable conference, newest first, and a Problem for each file that is not.

        Each file is checked against its index entry (inode, mtime, size). When the folder
        itself has not changed since the last full look (every save, creation and deletion
        renames or removes a file in it, which changes the folder), and that look was not in
        the same instant as a change, the index is used as it is, without looking at 10,000
        files. A file edited in place by another program shows its new summary after the next
        change to the folder; opening it always reads the file itself."""
        index = self._read_index()
        folder = _folder_stamp(self.folder)
        if folder is not None and index.get("folder") == folder:
            trusted = self._trusted(index)
            if trusted is not None:
                return trusted
        entries = index.get("entries", {})
        fresh: dict[str, builtins.list[Any]] = {}
        summaries: list[Summary] = []
        problems: list[Problem] = []
        changed = False
        with os.scandir(self.folder) as found:
            for entry in found:
                name = entry.name
                if name.startswith(".") or not name.endswith(".json"):
                    continue
                conference_id = name[: -len(".json")]
                if not ID_PATTERN.fullmatch(conference_id):
                    if not CONFLICT_COPY.fullmatch(conference_id):
                        problems.append(
                            Problem(Path(entry.path), "its name is not a conference id")
                        )
                    continue
                stat = entry.stat()
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
        settled = _folder_stamp(self.folder, settled=True)
        seen = settled if settled == folder else None
        if changed or fresh.keys() != entries.keys() or index.get("folder") != seen:
            self._write_index(fresh, problems, seen)
        summaries.sort(key=attrgetter("conference", "id"), reverse=True)
        return Listing(summaries, problems)

    def _trusted(self, index: dict[str, Any]) -> Listing | None:
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

    def known_agencies(self) -> builtins.list[str]:  # ``list`` here is the method above
        """Every agency named by an attendee of any stored conference, for suggestions."""
        return sorted({agency for s in self.list().summaries for agency in s.agencies})

    def _read_index(self) -> dict[str, Any]:
        try:
            data = read_json_file(self.index_path)
        except UnreadableFile:
            data = None  # the index is only a cache: a broken one is rebuilt from the files
        if data and data.get("version") == INDEX_VERSION and isinstance(data.get("entries"), dict):
            return data
        return {}

    def _write_index(
        self,
        entries: dict[str, builtins.list[Any]],
        problems: builtins.list[Problem],
        folder: builtins.list[int] | None,
    ) -> None:
        index = {
            "version": INDEX_VERSION,
            "folder": folder,
            "entries": entries,
            "problems": [[str(p.path), p.reason] for p in problems],
        }
        with contextlib.suppress(OSError):  # a read-only or full disk must not stop listing
            atomic_write(self.index_path, orjson.dumps(index))

    # -- writing

    def create(self, conference: Conference) -> Conference:
        """Store a new conference under a fresh id (the record's own id if it is free)."""
        conference.status = conference.status or "draft"
        for candidate in id_candidates(conference):
            conference.id = candidate
            conference = conference_from_dict(conference.to_dict())
            try:
                if atomic_create(
                    self.path_for(candidate), _encode(_document(conference.to_dict()))
                ):
                    return conference
            except OSError as error:
                raise StoreError(f"Could not save the new conference: {describe(error)}.") from None
        raise AssertionError("unreachable")

    def import_dict(self, data: Any) -> tuple[Conference, str | None]:
        """Validate a whole interchange record, then store it; nothing is written if it is bad.

        Returns the stored record and a note when its id had to change.
        """
        conference = conference_from_dict(data)
        wanted = conference.id
        stored = self.create(conference)
        note = None
        if wanted and stored.id != wanted:
            note = f"A conference {wanted!r} already exists; this one was stored as {stored.id!r}."
        return stored, note

    def open(self, conference_id: str, *, read_only: bool = False) -> Session:
        """Open a conference for editing. If another process holds it, the session is read-only."""
        path = self.path_for(conference_id)
        conference = self.load(conference_id)
        stamp = file_stamp(path)
        lock = None if read_only else Lock.take(self.locks / f"{conference_id}.lock")
        return Session(self, conference, lock, stamp)

    def delete(self, conference_id: str) -> None:
        path = self.path_for(conference_id)
        lock = Lock.take(self.locks / f"{conference_id}.lock")
        if lock.fd is None:
            raise LockedError(f"Conference {conference_id} cannot be deleted: {lock.holder}.")
        try:
            for victim in (path, path.with_name(path.name + ".bak")):
                with contextlib.suppress(FileNotFoundError):
                    victim.unlink()
            fsync_dir(self.folder)
        finally:
            lock.release()

    def save(self, conference: Conference, expected: Stamp | None = None) -> SaveResult:
        """Write the whole record (never a patch of what is on disk), atomically.

        ``expected`` is the stamp of the file as this session last read or wrote it. If the file
        was removed, or replaced by something else meanwhile, the stranger is kept aside as
        ``ID.conflict-TIME.json`` (never over the backup) and the full record is written.
        """
        path = self.path_for(conference.id)
        payload = conference.to_dict()
        conference_from_dict(payload)  # never write a record that would not load again
        note = None
        try:
            if expected is not None:
                note = self._set_aside_if_changed(path, expected)
            AtomicJSONStorage(path).write(_document(payload))
            return SaveResult(file_stamp(path), note)
        except OSError as error:
            raise StoreError(f"Could not save {conference.id}: {describe(error)}.") from None

    def _set_aside_if_changed(self, path: Path, expected: Stamp) -> str | None:
        now = file_stamp(path)
        if now == expected:
            return None
        if now is None:
            name = path.stem
            return f"The file of {name} had been removed; the minutes you have were written again."
        aside = path.with_name(f"{path.stem}.conflict-{time.strftime('%Y%m%d-%H%M%S')}.json")
        os.replace(path, aside)
        return (
            f"The file of {path.stem} had been replaced by something else: that copy is kept as "
            f"{aside.name}, and the minutes you have were written."
        )


Stamp = tuple[int, int, int]


@dataclass(frozen=True)
class SaveResult:
    stamp: Stamp | None
    note: str | None  # a sentence for the chair when something unusual was found


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


def file_stamp(path: Path) -> Stamp | None:
    """(inode, modification time, size): changes whenever the file is replaced or rewritten."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_ino, st.st_mtime_ns, st.st_size)


def _document(payload: dict[str, Any]) -> dict[str, Any]:
    """The TinyDB document of one conference: table ``meta`` and table ``conference``."""
    return {
        META_TABLE: {str(DOC_ID): {"storage_version": STORAGE_VERSION}},
        CONFERENCE_TABLE: {str(DOC_ID): payload},
    }


def encode_document(payload: dict[str, Any]) -> bytes:
    """The bytes of a conference file holding this record (as ``to_dict`` gives it)."""
    return _encode(_document(payload))


def _read_file(path: Path) -> Conference:
    """Read and check one conference file; any file of the wrong shape is UnreadableFile."""
    record = _record_of_file(path)
    try:
        return conference_from_dict(record)
    except ValidationError as error:
        raise UnreadableFile(path, f"invalid record: {error}") from None
    except RecursionError:
        raise UnreadableFile(path, "it is nested too deeply") from None


def _record_of_file(path: str | Path) -> dict[str, Any]:
    """The stored record of a conference file, its storage shape checked (not its fields)."""
    data = read_json_file(path)
    path = Path(path)
    if data is None:
        raise UnreadableFile(path, "it has gone")
    meta = _table_document(data, META_TABLE)
    version = meta.get("storage_version") if meta is not None else None
    if type(version) is not int:
        raise UnreadableFile(path, "it has no storage version")
    if version > STORAGE_VERSION:
        raise UnreadableFile(path, "it was written by a newer ctxtui")
    record = _table_document(data, CONFERENCE_TABLE)
    if record is None:
        raise UnreadableFile(path, "it holds no conference")
    return record


def _table_document(data: dict[str, Any], table: str) -> dict[str, Any] | None:
    """Document 1 of a TinyDB table, or None when the file does not have that shape."""
    rows = data.get(table)
    document = rows.get(str(DOC_ID)) if isinstance(rows, dict) else None
    return document if isinstance(document, dict) else None


class Session:
    """One open conference. Writable while it holds the lock; read-only otherwise."""

    def __init__(
        self,
        store: Store,
        conference: Conference,
        lock: Lock | None,
        stamp: Stamp | None = None,
    ) -> None:
        self.store = store
        self.conference = conference
        self._lock = lock
        self.stamp = stamp  # the file as this session last read or wrote it

    @property
    def read_only(self) -> bool:
        return self._lock is None or self._lock.fd is None

    @property
    def read_only_reason(self) -> str:
        if self._lock is None:
            return "opened read-only"
        return self._lock.holder

    @property
    def held_elsewhere(self) -> bool:
        """Read-only because another process is editing it (the lock may free up)."""
        return self._lock is not None and self._lock.elsewhere and self._lock.fd is None

    def try_take_over(self) -> bool:
        """Take the lock if it has come free; True if this session may now write."""
        if not self.read_only:
            return True
        lock = Lock.take(self.store.locks / f"{self.conference.id}.lock")
        if lock.fd is None:
            return False
        self._lock = lock
        return True

    def give_up_lock(self) -> None:
        """Back to read-only, leaving the lock for whoever opens the conference next."""
        if self._lock is not None and self._lock.fd is not None:
            self._lock.release()
            self._lock = None

    def reload(self) -> Conference | None:
        """The record as the file now holds it, if it changed since this session read it."""
        path = self.store.path_for(self.conference.id)
        stamp = file_stamp(path)
        if stamp is None or stamp == self.stamp:
            return None
        conference = self.store.load(self.conference.id)
        self.stamp = stamp
        return conference

    def save(self) -> str | None:
        """Write the record; a sentence when something unusual was found, else None."""
        if self.read_only:
            raise LockedError(f"Conference {self.conference.id} is read-only here.")
        result = self.store.save(self.conference, expected=self.stamp)
        self.stamp = result.stamp
        return result.note

    def close(self) -> None:
        if self._lock is not None:
            self._lock.release()

    def __enter__(self) -> Session:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
