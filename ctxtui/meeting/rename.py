"""Renaming a context (``ctxtui rename ID --context NAME``): the record gets the new name
through its editor (an amendment when the minutes are final) and the id made from the new
name by the usual rules (core/ids.py); every copy, lock, index entry and chain link follows.

The order makes a crash at any point safe to run again, and never loses the record:

1. the old conference's lock, then the lock of each conference that reviews it (one of them
   open elsewhere: refused, nothing moved), then the new id's lock;
2. the record under its new id, written whole as a new file (never over another conference),
   and one audit line under the new id with only a digest of the old one (the old id holds
   the old name);
3. its copies (backup, conflict and rescue copies) to the new id's names, rewritten;
4. each review's ``previous_id`` through the normal save, then its copies;
5. the old record and the old lock file are removed; the index is made again.

Until step 5 the old record is whole, and from step 2 the new one is too. Run again, the
rename finds its own record under the new id (logged as renamed from the old id, holding the
same minutes under the new name) and carries on from there; any other record there, or one
changed since, is left alone and a free id is taken: two copies, never none.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ctxtui.core.ids import id_base, numbered
from ctxtui.core.record import ValidationError
from ctxtui.core.rules import Refused, clean_point
from ctxtui.core.validation import conference_from_dict
from ctxtui.meeting.open_record import OpenRecord
from ctxtui.storage.audit import HANDED_OUT, Event, ids_of, renamed_from
from ctxtui.storage.conffile import StoreError, encode_document, record_of_file
from ctxtui.storage.files import atomic_create, describe
from ctxtui.storage.locks import Lock
from ctxtui.storage.rename import Carried, carry_copies, relinked, remove, renamed
from ctxtui.storage.store import Session, Store

# what a half-done rename may have changed in the record it wrote under the new id
_CHANGED_BY_RENAME = frozenset({"id", "context", "amendments", "finalised_at"})


@dataclass
class Renamed:
    """What one rename did."""

    old_id: str
    new_id: str
    copies: int = 0  # copies beside the record rewritten under the new id
    relinked: list[str] = field(default_factory=list)  # reviews now pointing at the new id
    left: list[Path] = field(default_factory=list)  # copies that could not be read: left
    handed_out: list[Event] = field(default_factory=list)  # exports and sends made before


def rename(
    store: Store, conference_id: str, name: str, reason: str, *, now: dt.datetime | None = None
) -> Renamed:
    """Give conference ``conference_id`` the context ``name`` and the id made from it.
    Refused (nothing moved) while it, or a conference that reviews it, is open elsewhere."""
    store.load(conference_id)  # a clear sentence for an id that is not there, before any lock
    name = clean_point(name)
    if not name:
        raise Refused("Give the new name of the place or group.")
    meeting = OpenRecord(
        store, conference_id, (lambda: now) if now else dt.datetime.now, log_open=False
    )
    reviews: list[Session] = []
    new_lock: Lock | None = None
    try:
        if meeting.read_only:
            why = meeting.session.read_only_reason
            raise Refused(f"{conference_id} cannot be renamed now: {why}.")
        reviews = _open_reviews(store, conference_id)
        before = meeting.conference.to_dict()
        new_id, resumed = _new_id(store, before, name, list(store.audit.events()))
        if new_id != conference_id:
            new_lock = Lock.take(store.locks / f"{new_id}.lock")
            if new_lock.fd is None:
                raise Refused(f"{conference_id} cannot be renamed to {new_id}: {new_lock.holder}.")
        meeting.editor.rename_context(name, new_id, reason)
        if new_id == conference_id:
            return _same_id(store, meeting, name)
        _write_new(store, meeting, conference_id, new_id, resumed)
        try:
            done = _move(store, conference_id, new_id, name, reviews)
        except (OSError, StoreError) as error:
            why = describe(error) if isinstance(error, OSError) else str(error).rstrip(".")
            why = why or "a file could not be written"
            raise StoreError(
                f"The rename of {conference_id} stopped half way ({why}): both {conference_id} "
                f"and {new_id} hold the minutes; run the same rename again to finish it."
            ) from None
    finally:
        for session in reviews:
            session.close()
        if new_lock is not None:
            new_lock.release()
        meeting.close()
    store.refresh_indexes()  # the indexes forget the old id now, not at the next listing
    events = list(store.audit.events())
    earlier = ids_of(events, new_id) - {new_id}
    done.handed_out = [e for e in events if e.action in HANDED_OUT and e.id in earlier]
    return done


def rename_all(
    store: Store, ids: list[str], name: str, reason: str, *, now: dt.datetime | None = None
) -> Iterator[Renamed]:
    """Rename each conference in ``ids`` (a chain), each told as it is done; refused before
    the first if any of them is open elsewhere now."""
    for conference_id in ids:
        store.path_for(conference_id)  # a bad id is refused before any lock file is made
        lock = Lock.take(store.locks / f"{conference_id}.lock")
        if lock.fd is None:
            raise Refused(f"{conference_id} cannot be renamed now: {lock.holder}.")
        lock.release()
    for conference_id in ids:
        yield rename(store, conference_id, name, reason, now=now)


def _open_reviews(store: Store, conference_id: str) -> list[Session]:
    """Every conference whose ``previous_id`` is ``conference_id``, open for writing (the
    index finds them; each record is read to be sure)."""
    sessions: list[Session] = []
    try:
        for summary in store.list().summaries:
            if summary.previous_id != conference_id or summary.id == conference_id:
                continue
            session = store.open(summary.id)
            sessions.append(session)
            if session.read_only:
                raise Refused(
                    f"{conference_id} cannot be renamed now: {summary.id}, which reviews it, "
                    f"cannot be changed ({session.read_only_reason})."
                )
        return [s for s in sessions if s.conference.previous_id == conference_id]
    except BaseException:
        for session in sessions:
            session.close()
        raise


def _new_id(
    store: Store, before: dict[str, Any], name: str, logged: list[Event]
) -> tuple[str, bool]:
    """The id for ``name`` (the record's own if it stays the same), and whether a rename that
    stopped half way already wrote the record there (and logged it)."""
    held = str(before.get("dates", {}).get("conference", ""))
    started = {
        e.id for e in logged if e.action == "rename" and e.detail == renamed_from(before["id"])
    }
    for candidate in numbered(id_base(name, held)):
        if candidate == before["id"]:
            return candidate, False
        path = store.path_for(candidate)
        if not os.path.lexists(path):
            return candidate, False
        if candidate in started and _written_by_a_rename(path, before, name):
            return candidate, True
    raise AssertionError("unreachable")


def _written_by_a_rename(path: Path, before: dict[str, Any], name: str) -> bool:
    """Whether the record at ``path`` is ``before`` renamed to ``name`` by a rename that
    stopped half way: the same minutes, the new name, the amendments before it kept."""
    try:
        after = record_of_file(path)
    except StoreError:
        return False
    context = after.get("context")
    if not isinstance(context, dict) or context.get("name") != name:
        return False

    def kept(record: dict[str, Any]) -> dict[str, Any]:
        rest = {k: v for k, v in record.items() if k not in _CHANGED_BY_RENAME}
        place = record.get("context")
        rest["context"] = {k: v for k, v in place.items() if k != "name"} if place else place
        return rest

    def started(record: dict[str, Any]) -> list[tuple[Any, Any]]:
        amendments = record.get("amendments") or []
        return [(a.get("started"), a.get("reason")) for a in amendments if isinstance(a, dict)]

    earlier = started(before)
    return kept(after) == kept(before) and started(after)[: len(earlier)] == earlier


def _write_new(store: Store, meeting: OpenRecord, old_id: str, new_id: str, resumed: bool) -> None:
    """Step 2: the renamed record as a new file (a half-done rename's is kept as it is)."""
    payload = meeting.conference.to_dict()
    try:
        conference_from_dict(payload)  # never write a record that would not load again
    except ValidationError as error:
        raise StoreError(f"Could not rename {old_id}: {error}.") from None
    if resumed:
        return
    try:
        created = atomic_create(store.path_for(new_id), encode_document(payload))
    except OSError as error:
        raise StoreError(
            f"Could not write {new_id}: {describe(error)}; nothing was moved."
        ) from None
    if not created:
        raise Refused(f"Another conference took the id {new_id} meanwhile; nothing was moved.")
    # logged as soon as the new record exists: a rename run again knows its own record by it
    store.audit.record("rename", new_id, renamed_from(old_id))


def _move(store: Store, old_id: str, new_id: str, name: str, reviews: list[Session]) -> Renamed:
    """Steps 3 to 5: the copies, the reviews' links, the audit line, the old files."""
    carried: Carried = carry_copies(store.root, old_id, renamed(new_id, name), new_id)
    done = Renamed(old_id, new_id, carried.moved, left=list(carried.left))
    for session in reviews:
        session.conference.previous_id = new_id
        session.save()  # the normal save: its backup holds the old link, rewritten next
        done.left += carry_copies(store.root, session.conference.id, relinked(old_id, new_id)).left
        done.relinked.append(session.conference.id)
    remove(store.path_for(old_id))
    remove(store.locks / f"{old_id}.lock")  # held until the meeting closes; never reused
    return done


def _same_id(store: Store, meeting: OpenRecord, name: str) -> Renamed:
    """A new name that makes the same id (case, accents, punctuation): saved in place, and
    the copies beside it get the new name too."""
    conference_id = meeting.conference.id
    if not meeting.flush():
        raise StoreError(f"Could not rename {conference_id}: {meeting.autosaver.error}")
    carried = carry_copies(store.root, conference_id, renamed(conference_id, name))
    store.audit.record("rename", conference_id, "same id")
    store.refresh_indexes()
    return Renamed(conference_id, conference_id, carried.moved, left=list(carried.left))
