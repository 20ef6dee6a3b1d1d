"""Storage that loses nothing: one TinyDB file per conference, written atomically, with the
previous good copy kept, a lock per conference and a small index that makes listing fast.

Layout of a data folder (folders 0700 and files 0600; 2770 and 0660 in a team folder)::

    conferences/<id>.json       TinyDB file: tables "meta" (storage version) and "conference"
    conferences/<id>.json.bak   the version before the last save
    locks/<id>.lock             flock()ed by the one process that may write the conference
    index.json                  cached summaries, checked against each file's inode/mtime/size
    audit.log                   who did what and when, one chained JSON line an event (audit.py)
"""

from __future__ import annotations

import builtins
import contextlib
import os
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from ctxtui.core.ids import id_candidates
from ctxtui.core.record import ID_PATTERN, Conference, ValidationError
from ctxtui.core.validation import conference_from_dict
from ctxtui.storage.audit import AuditLog, Verdict
from ctxtui.storage.conffile import STORAGE_VERSION as STORAGE_VERSION
from ctxtui.storage.conffile import StoreError as StoreError  # re-exported: the store's errors
from ctxtui.storage.conffile import UnreadableFile as UnreadableFile
from ctxtui.storage.conffile import (
    document,
    read_conference_file,
    record_of_file,
)
from ctxtui.storage.conffile import encode_document as encode_document
from ctxtui.storage.files import (
    NO_LINKS,
    atomic_create,
    describe,
    fsync_dir,
    make_folder,
)
from ctxtui.storage.locks import Lock

if TYPE_CHECKING:
    from ctxtui.storage.listing import Listing, Problem
    from ctxtui.storage.plan_index import Plans
    from ctxtui.storage.words import ServiceWords


class LockedError(StoreError):
    pass


# ---------------------------------------------------------------------------- the store


class Store:
    """All conferences under one data folder. Pass one of these to whatever needs storage."""

    def __init__(self, root: str | Path) -> None:
        self.root = Path(root).expanduser()
        self.folder = self.root / "conferences"
        self.locks = self.root / "locks"
        self.index_path = self.root / "index.json"
        self.audit = AuditLog(self.root / "audit.log")
        for folder in (self.root, self.folder, self.locks):
            try:
                make_folder(folder)
            except (OSError, ValueError) as error:  # ValueError: a NUL in the name
                raise StoreError(f"Cannot use data folder {folder}: {describe(error)}.") from None

    def service_words(self) -> ServiceWords:
        """The service's own words that are not names, kept with the conferences."""
        from ctxtui.storage.words import ServiceWords

        return ServiceWords(self.root, self.audit)

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
        return read_conference_file(path)

    def raw(self, conference_id: str) -> dict[str, Any]:
        """The stored record as it is in the file, not checked field by field (for reading
        thousands at once: the story and the service report)."""
        path = self.path_for(conference_id)
        if not path.exists():
            raise StoreError(f"There is no conference {conference_id!r}.")
        return record_of_file(path)

    def raw_records(
        self, conference_ids: builtins.list[str], unread: builtins.list[Problem]
    ) -> Iterator[dict[str, Any]]:
        """The stored records of these conferences as in their files; each that cannot be
        read now is added to ``unread``."""
        folder = str(self.folder)
        for conference_id in conference_ids:
            if not ID_PATTERN.fullmatch(conference_id):
                continue
            path = os.path.join(folder, f"{conference_id}.json")
            try:
                yield record_of_file(path)
            except UnreadableFile as error:
                unread.append(_problem(Path(path), error.reason))
            except StoreError as error:
                unread.append(_problem(Path(path), str(error)))

    def list(self) -> Listing:
        """Every readable conference, newest first, and a Problem for each file that is not."""
        from ctxtui.storage.listing import list_conferences  # not needed to open one

        return list_conferences(self.folder, self.index_path)

    def plans(self) -> Plans:
        """Every conference's plan rows still to do (``plan_index``), and each file that
        cannot be read."""
        from ctxtui.storage.plan_index import read_plans

        return read_plans(self.folder, self.root / "actions.json")

    def refresh_indexes(self) -> None:
        """The listing's index, and the plan rows' if there is one, made to agree with the
        files now (after a deletion, a redaction, a rename), not at the next listing."""
        from ctxtui.storage.plan_index import refresh

        self.list()
        refresh(self.folder, self.root / "actions.json")

    def known_agencies(self) -> builtins.list[str]:  # ``list`` here is the method above
        """Every agency named by an attendee of any stored conference, for suggestions."""
        return sorted({agency for s in self.list().summaries for agency in s.agencies})

    def verify_audit(self) -> Verdict:
        """The audit log checked: its chain, the host's log, and the last save of each record
        (read from the records themselves)."""
        try:
            names = os.listdir(self.folder)
        except OSError:
            names = []
        anchors = {}
        unread: builtins.list[Problem] = []
        ids = [n[: -len(".json")] for n in names if n.endswith(".json")]
        for record in self.raw_records(ids, unread):
            anchor, conference_id = record.get("audit_anchor"), record.get("id")
            if isinstance(anchor, str) and anchor and isinstance(conference_id, str):
                anchors[conference_id] = anchor
        verdict = self.audit.check(anchors)
        verdict.notes.extend(
            f"The last save of {p.path.name} could not be checked: {p.reason}." for p in unread
        )
        return verdict

    # -- writing

    def create(self, conference: Conference) -> Conference:
        """Store a new conference under a fresh id (the record's own id if it is free)."""
        conference.status = conference.status or "draft"
        for candidate in id_candidates(conference):
            conference.id = candidate
            conference = conference_from_dict(conference.to_dict())
            try:
                with self.audit.writing("create", candidate) as entry:
                    # an imported record's anchor was another folder's: never kept
                    conference.audit_anchor = entry.digest or ""
                    made = atomic_create(
                        self.path_for(candidate), encode_document(conference.to_dict())
                    )
                    if not made:
                        entry.cancel()
                if made:
                    return conference
            except OSError as error:
                raise StoreError(f"Could not save the new conference: {describe(error)}.") from None
        raise AssertionError("unreachable")

    def import_dict(self, data: Any) -> tuple[Conference, str | None]:
        """Validate a whole interchange record, then store it; nothing is written if it is bad.

        Returns the stored record and a note when its id had to change.
        """
        conference = conference_from_dict(data)
        # answers to the privacy guard belong to who gave them, here: checked afresh
        conference.dismissed_flags = []
        conference.names_check.not_names = []
        conference.confirmations = []
        wanted = conference.id
        stored = self.create(conference)
        note = None
        if wanted and stored.id != wanted:
            note = f"A conference {wanted!r} already exists; this one was stored as {stored.id!r}."
        return stored, note

    def open(self, conference_id: str, *, read_only: bool = False, log: bool = True) -> Session:
        """Open a conference for editing. If another process holds it, the session is read-only.
        ``log=False``: no "open" line (a rename logs its own, without the old id)."""
        path = self.path_for(conference_id)
        # the lock first: a window taking over must read what the last writer left
        lock = None if read_only else Lock.take(self.locks / f"{conference_id}.lock")
        try:
            conference = self.load(conference_id)
        except BaseException:
            if lock is not None:
                lock.release()
            raise
        stamp = file_stamp(path)
        writable = lock is not None and lock.fd is not None
        if writable:
            from ctxtui.storage.copies import remove_leftovers

            remove_leftovers(self.root, conference_id)
        if log:
            self.audit.record("open", conference_id, "" if writable else "read-only")
        if conference.id != conference_id:  # a copy under another name: never save over
            if lock is not None:
                lock.release()
            lock = Lock(
                path,
                None,
                f"the file {path.name} holds conference {conference.id!r}, not "
                f"{conference_id!r}: a copy is never saved over the original",
            )
        return Session(self, conference, lock, stamp)

    def delete(self, conference_id: str, why: str = "") -> int:
        """Delete a conference and every copy ctxtui made of it (its backup, conflict and
        rescue copies, its index entry); how many files went. ``why`` goes in the audit log."""
        self.path_for(conference_id)  # a bad id is refused before anything is touched
        lock = Lock.take(self.locks / f"{conference_id}.lock")
        if lock.fd is None:
            raise LockedError(f"Conference {conference_id} cannot be deleted: {lock.holder}.")
        from ctxtui.storage.copies import copies  # not needed to open a conference

        removed = 0
        try:
            for copy in copies(self.root, conference_id):
                with contextlib.suppress(FileNotFoundError):
                    copy.path.unlink()
                    removed += 1
            fsync_dir(self.folder)
            self.audit.record("delete", conference_id, why)
            with contextlib.suppress(FileNotFoundError):
                lock.path.unlink()  # while held: no one can be waiting on a lock of nothing
                removed += 1
        finally:
            lock.release()
        with contextlib.suppress(StoreError):
            self.refresh_indexes()  # the indexes forget it now, not at the next listing
        return removed

    def save(self, conference: Conference, expected: Stamp | None = None) -> SaveResult:
        """Write the whole record (never a patch of what is on disk), atomically.

        ``expected`` is the stamp of the file as this session last read or wrote it. If the file
        was removed, or replaced by something else meanwhile, the stranger is kept aside as
        ``ID.conflict-TIME.json`` (never over the backup) and the full record is written.
        """
        path = self.path_for(conference.id)
        payload = conference.to_dict()
        try:
            conference_from_dict(payload)  # never write a record that would not load again
        except ValidationError as error:
            raise StoreError(f"Could not save {conference.id}: {error}.") from None
        note = None
        try:
            if expected is not None:
                note = self._set_aside_if_changed(path, expected)
            from ctxtui.storage.tinydb_file import AtomicJSONStorage

            # The record carries the hash of this very save's audit line: the line is made
            # first, under the log's lock, and appended only once the record is written. A log
            # that cannot be written leaves the anchor of the last save that was logged.
            with self.audit.writing("save", conference.id) as entry:
                if entry.digest:
                    payload["audit_anchor"] = conference.audit_anchor = entry.digest
                AtomicJSONStorage(path).write(document(payload))
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
        aside = _set_aside(path, f"{path.stem}.conflict-{time.strftime('%Y%m%d-%H%M%S')}")
        return (
            f"The file of {path.stem} had been replaced by something else: that copy is kept as "
            f"{aside.name}, and the minutes you have were written."
        )


def _problem(path: Path, reason: str) -> Problem:
    from ctxtui.storage.listing import Problem  # the listing is not needed to open one

    return Problem(path, reason)


def _set_aside(path: Path, stem: str) -> Path:
    """Move ``path`` to ``stem.json`` (``stem-2.json``… if taken): a name is claimed with a hard
    link, so two copies set aside in the same second never overwrite each other."""
    for n in range(1, 1000):
        aside = path.with_name(f"{stem}.json" if n == 1 else f"{stem}-{n}.json")
        try:
            os.link(path, aside, follow_symlinks=False)
        except FileExistsError:
            continue
        except OSError as error:
            if error.errno not in NO_LINKS:
                raise
            if aside.exists():
                continue
            os.replace(path, aside)  # no hard links here: the name checked just before
            return aside
        os.unlink(path)
        return aside
    raise FileExistsError(f"too many copies set aside for {path.name}")


Stamp = tuple[int, int, int]


class SaveResult(NamedTuple):
    stamp: Stamp | None
    note: str | None  # a sentence for the chair when something unusual was found


def file_stamp(path: Path) -> Stamp | None:
    """(inode, modification time, size): changes whenever the file is replaced or rewritten."""
    try:
        st = os.lstat(path)
    except OSError:
        return None
    return (st.st_ino, st.st_mtime_ns, st.st_size)


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
