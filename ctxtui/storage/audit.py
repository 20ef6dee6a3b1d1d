"""The audit log: who did what to which conference and when, one JSON line per event in
``audit.log`` in the data folder, never any text of the minutes.

Each line holds the time, the user, the host, the action, the conference id, a short detail (a
file name, a count) and ``prev``, the SHA-256 of the line before it, so that a line changed or
removed later breaks the chain and ``verify`` says where. Lines are appended under an exclusive
lock, each written whole and fsynced: a crash loses at most the line being written, and a line
cut short by one is reported, not mistaken for tampering elsewhere.

Writing the log never stops the work it records: a failure is kept as one sentence
(``AuditLog.problem``) for the caller to show.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import fcntl
import getpass
import os
import socket
import stat
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, NamedTuple

import orjson

from ctxtui.storage.files import describe, file_mode, open_plain, sha256_hex
from ctxtui.storage.log_lines import lines_backwards, split_lines
from ctxtui.storage.system_log import Reading, SystemLog, message, system_log

# events that put the minutes in someone's hands: recalled after a redaction
HANDED_OUT = ("export", "send")
MAX_LOG_BYTES = 512 * 1024 * 1024  # read up to here, and said
# A line longer than this is not an event and is never parsed. An event's detail is cut well
# below it (at MAX_DETAIL characters, four bytes each at most), so only an edit makes one.
MAX_LINE_BYTES = 256 * 1024
MAX_DETAIL = 16_000  # characters: an invitation to some 400 addresses
# How far back from the end a write looks for the last event to chain to: past this the tail is
# not the app's (megabytes with no event in them) and the chain starts again, which verify says.
SCAN_BACK = 4 * 1024 * 1024


class Event(NamedTuple):
    at: str
    user: str
    host: str
    action: str
    id: str
    detail: str
    prev: str

    @classmethod
    def from_line(cls, line: bytes) -> Event | None:
        """The event a line holds, or None for anything else (any bytes at all)."""
        if len(line) > MAX_LINE_BYTES:
            return None
        try:
            data = orjson.loads(line)  # no recursion: 100,000 "[" is an error like any other
            if not isinstance(data, dict):
                return None
            return cls(**{name: str(data[name]) for name in cls._fields})
        except (ValueError, KeyError, TypeError, RecursionError):
            return None


def _digest(line: bytes) -> str:
    return sha256_hex(line.rstrip(b"\n"))


def _number_of(line: bytes) -> int | None:
    """The number of the event on ``line`` (0 for no line; None for one written before events
    were numbered)."""
    if not line:
        return 0
    number = orjson.loads(line).get("seq")
    if isinstance(number, bool) or not isinstance(number, int) or number < 1:
        return None
    return number


def cut_detail(detail: str) -> str:
    """``detail`` as logged: a very long one is cut, and says how much went; a path that is
    not UTF-8 (lone surrogates, as Python reads it) is escaped, never refused."""
    detail = detail.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    if len(detail) <= MAX_DETAIL:
        return detail
    return f"{detail[:MAX_DETAIL]} [cut: {len(detail) - MAX_DETAIL} more characters]"


def current_user() -> str:
    """Who is running ctxtui, as the audit log and the record's answers name them."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return str(os.getuid())


class Entry:
    """An event about to be written (see ``AuditLog.writing``)."""

    def __init__(self, digest: str | None) -> None:
        self.digest = digest  # the SHA-256 its line will have; None if the log cannot be written
        self.cancelled = False

    def cancel(self) -> None:
        """Leave the event out: what it was to record did not happen."""
        self.cancelled = True


class AuditLog:
    def __init__(
        self,
        path: Path,
        now: Callable[[], dt.datetime] = dt.datetime.now,
        system: SystemLog | None = None,
    ) -> None:
        self.path = path
        self.now = now
        self.system = system if system is not None else system_log()
        self.problem: str | None = None  # why the last event could not be written
        self.read_problem: str | None = None  # why the last reading did not see the whole log

    @property
    def folder(self) -> str:
        """The data folder as the system log names it: a digest of its path, never the path."""
        return sha256_hex(os.fsencode(os.path.realpath(self.path.parent)))[:16]

    def record(self, action: str, conference_id: str = "", detail: str = "") -> str | None:
        """Append one event; the SHA-256 of its line, or None (and ``problem`` set) if the log
        could not be written."""
        with self.writing(action, conference_id, detail) as entry:
            pass
        return entry.digest if self.problem is None else None

    @contextlib.contextmanager
    def writing(self, action: str, conference_id: str = "", detail: str = "") -> Iterator[Entry]:
        """Hold the log while the caller does what the event records: the entry tells the
        digest its line will have, and the line is appended only when the block ends without an
        error (or ``cancel``). A record can so carry the hash of the very line of its save."""
        try:
            fd = open_plain(
                self.path, os.O_RDWR | os.O_CREAT | os.O_APPEND, file_mode(self.path.parent)
            )
        except (OSError, ValueError) as error:
            self.problem = f"The audit log {self.path} could not be written: {describe(error)}."
            yield Entry(None)
            return
        try:
            try:
                line, ends_whole, number = self._next_line(fd, action, conference_id, detail)
            except OSError as error:
                self.problem = f"The audit log {self.path} could not be written: {describe(error)}."
                yield Entry(None)
                return
            entry = Entry(_digest(line))
            yield entry
            if entry.cancelled:
                return
            try:
                os.write(fd, (b"" if ends_whole else b"\n") + line + b"\n")
                os.fsync(fd)
            except OSError as error:
                self.problem = f"The audit log {self.path} could not be written: {describe(error)}."
                return
            self.problem = None
            with contextlib.suppress(OSError):  # the host's log: it never stops the work
                self.system.send(
                    message(self.folder, number, entry.digest or "", action, conference_id)
                )
        finally:
            os.close(fd)  # the lock goes with it

    def _next_line(
        self, fd: int, action: str, conference_id: str, detail: str
    ) -> tuple[bytes, bool, int]:
        """Under the lock: the line of the next event, whether the file ends whole, and the
        event's number."""
        mode = file_mode(self.path.parent)
        info = os.fstat(fd)
        if info.st_uid == os.geteuid() and stat.S_IMODE(info.st_mode) != mode:
            os.fchmod(fd, mode)  # just made: the umask must not take the team's access
        fcntl.flock(fd, fcntl.LOCK_EX)
        last, ends_whole = _last_event_line(fd)
        number = _number_of(last)
        if number is None:  # a log begun before events were numbered: counted once
            lines = split_lines(fd, MAX_LOG_BYTES, MAX_LINE_BYTES)
            number = sum(1 for line in lines if line and Event.from_line(line))
        line = orjson.dumps(
            {
                "at": self.now().replace(microsecond=0).isoformat(),
                "user": current_user(),
                "host": socket.gethostname(),
                "action": action,
                "id": conference_id,
                "detail": cut_detail(detail),
                "prev": _digest(last) if last else "",
                "seq": number + 1,
            }
        )
        return line, ends_whole, number + 1

    def events(self) -> Iterator[Event]:
        """Every readable event, oldest first. Never raises: whatever kept part of the log from
        being read is left in ``read_problem`` once the events are all taken."""
        for _number, line in self._lines():
            event = Event.from_line(line) if line is not None else None
            if event is not None:
                yield event

    def verify(self) -> list[str]:
        """Where the chain is broken, one sentence a place (empty when every line holds)."""
        return self._scan().problems

    def check(self, anchors: dict[str, str] | None = None) -> Verdict:
        """The chain, then the log against what the host's log saw of it, then each record's
        last save (``anchors``: conference id -> the digest its record carries) against the
        log. Never raises."""
        scan = self._scan()
        problems = scan.problems
        reading = self.system.read(self.folder)
        notes: list[str] = []
        confirmed = reading.problem is None
        if reading.problem is not None:
            notes.append(
                f"The system log could not be read ({reading.problem}), so nothing outside "
                "this folder confirms the audit log."
            )
        else:
            confirmed = _against_system_log(scan, reading, problems, notes)
        missing = sorted(cid for cid, digest in (anchors or {}).items() if digest not in scan.all)
        if missing:
            problems.append(
                f"The last save of {_some(missing)} is not in the audit log: lines were removed "
                "from it or rewritten."
            )
        return Verdict(problems, notes, confirmed and not problems)

    def _scan(self) -> _Scan:
        scan = _Scan([], {}, set(), [], 0)
        previous: bytes | None = None
        here, me = socket.gethostname(), current_user()
        for number, line in self._lines():
            if line is None:
                scan.problems.append(
                    f"Line {number} is not an audit event (it is longer than "
                    f"{MAX_LINE_BYTES // 1024} KB, so it was not read)."
                )
                continue
            event = Event.from_line(line)
            if event is None:
                scan.problems.append(f"Line {number} is not an audit event (cut short or edited).")
                continue
            expected = _digest(previous) if previous is not None else ""
            if event.prev != expected:
                scan.problems.append(
                    f"Line {number} does not follow the line before it: a line was changed, "
                    "removed or added there."
                )
            previous = line
            digest = _digest(line)
            scan.all.add(digest)
            seq = _number_of(line)
            if seq:
                scan.numbered.setdefault(seq, digest)
                scan.last = max(scan.last, seq)
                if event.host == here:
                    scan.here.append((seq, digest, event.user == me))
        if self.read_problem:
            scan.problems.append(self.read_problem)
        return scan

    def _lines(self) -> Iterator[tuple[int, bytes | None]]:
        """(number, line) for each line that is not blank, numbered from 1; None for a line too
        long to be an event. Reads at most MAX_LOG_BYTES, a chunk at a time."""
        self.read_problem = None
        try:
            fd = open_plain(self.path)
        except FileNotFoundError:
            return
        except (OSError, ValueError) as error:
            self.read_problem = f"The audit log {self.path} could not be read: {describe(error)}."
            return
        number = 0
        try:
            for line in split_lines(fd, MAX_LOG_BYTES, MAX_LINE_BYTES):
                if line is None or line.strip():
                    number += 1
                    yield number, line
            if os.fstat(fd).st_size > MAX_LOG_BYTES:
                self.read_problem = (
                    f"The audit log {self.path} is larger than {MAX_LOG_BYTES // 1024 // 1024} "
                    "MB: only that much of it was read."
                )
        except OSError as error:
            self.read_problem = (
                f"The audit log {self.path} could not be read to its end: {describe(error)}."
            )
        finally:
            os.close(fd)


class Verdict(NamedTuple):
    problems: list[str]  # each place the log was changed, one sentence
    notes: list[str]  # what could not be checked, and why
    confirmed: bool  # no problem, and the host's log saw the events it should have


@dataclasses.dataclass
class _Scan:
    problems: list[str]
    numbered: dict[int, str]  # event number -> the digest of its line
    all: set[str]  # the digest of every event line
    here: list[tuple[int, str, bool]]  # events written on this host: number, digest, by me?
    last: int  # the highest event number


def _against_system_log(
    scan: _Scan, reading: Reading, problems: list[str], notes: list[str]
) -> bool:
    """Compares; adds what differs to ``problems``, what could not be checked to ``notes``;
    True when the system log saw what it should have."""
    seen: dict[int, set[str]] = {}
    for one in reading.seen:
        seen.setdefault(one.event, set()).add(one.line)
    forked = sorted(n for n, lines in seen.items() if len(lines) > 1)
    if forked:
        problems.append(
            f"The system log saw two different lines numbered {_some(forked)}: the audit log "
            "was cut back and written again from there (forked)."
        )
    absent = sorted(n for n in seen if n not in scan.numbered)
    if absent and not scan.numbered:
        problems.append(
            f"The audit log is missing or empty, but the system log saw {len(absent)} of its "
            f"events (up to number {absent[-1]}): it was deleted or emptied."
        )
    elif absent:
        cut = [n for n in absent if n > scan.last]
        inside = [n for n in absent if n <= scan.last]
        if cut:
            problems.append(
                f"The audit log ends at event {scan.last}, but the system log saw events up "
                f"to number {cut[-1]}: {len(cut)} were cut off its end."
            )
        if inside:
            problems.append(
                f"The system log saw event(s) {_some(inside)}, which the audit log does not "
                "have: they were removed."
            )
    rewritten = sorted(
        n for n, lines in seen.items() if n in scan.numbered and scan.numbered[n] not in lines
    )
    if rewritten:
        problems.append(
            f"The audit log differs from what the system log saw at event(s) {_some(rewritten)}: "
            "it was rewritten there."
        )
    oldest = min(seen, default=None)
    expected = [(n, digest) for n, digest, mine in scan.here if reading.whole or mine]
    unseen = sorted(
        n for n, digest in expected if oldest is not None and n >= oldest and n not in seen
    )
    if unseen:
        problems.append(
            f"The system log never saw event(s) {_some(unseen)}: it was added by hand, or written "
            "while the system log could not be reached."
        )
    if expected and oldest is None:
        notes.append(
            f"The system log ({reading.source}) holds nothing of this audit log, so nothing "
            "outside this folder confirms it."
        )
        return False
    if oldest is not None and oldest > 1 and scan.numbered:
        notes.append(
            f"Events before number {oldest} are older than what the system log keeps: only "
            "their chain was checked."
        )
    if not reading.whole:
        notes.append(
            "You can read only your own messages in the system log, so only your events were "
            "checked against it (an administrator, or a member of the adm group, can check "
            "them all)."
        )
    others = len(scan.numbered) - len(scan.here)
    if others > 0:
        notes.append(
            f"{others} event(s) were written on other hosts: their own system logs hold them."
        )
    return True


def _some(items: list[Any]) -> str:
    """A few of ``items`` in words: "3", "3 and 5", "3, 5, 8 and 4 more"."""
    shown = [str(item) for item in items[:3]]
    if len(items) > 3:
        return f"{', '.join(shown)} and {len(items) - 3} more"
    return shown[0] if len(shown) == 1 else f"{', '.join(shown[:-1])} and {shown[-1]}"


def _last_event_line(fd: int) -> tuple[bytes, bool]:
    """The last whole line of the open log that is an event (however long it is, up to
    MAX_LINE_BYTES), and whether the file ends with a newline. The chain links events only:
    a line cut short by a crash, or anything else, is passed over as ``verify`` passes it."""
    size = os.fstat(fd).st_size
    if size == 0:
        return b"", True
    ends_whole = os.pread(fd, 1, size - 1) == b"\n"
    floor = max(0, size - SCAN_BACK)
    lines = lines_backwards(fd, size - 1 if ends_whole else size, floor, MAX_LINE_BYTES)
    if not ends_whole:
        next(lines, None)  # a line a crash cut short: the chain goes on from the one before
    for line in lines:
        if line is not None and Event.from_line(line) is not None:
            return line, ends_whole
    return b"", ends_whole


def id_digest(conference_id: str) -> str:
    """What a rename line keeps of the old id: the first 16 hex digits of its SHA-256, so the
    line does not spell out the old name (it matches the id only for whoever knows it)."""
    return sha256_hex(conference_id.encode("utf-8"))[:16]


def renamed_from(old_id: str) -> str:
    """The detail of the rename line (logged under the new id)."""
    return f"from sha256:{id_digest(old_id)}"


def ids_of(events: list[Event], conference_id: str) -> set[str]:
    """``conference_id`` and every id it had before, found through the rename lines (each
    logged under the new id with the digest of the old one): its whole history in the log."""
    found = {conference_id}
    renames = [e for e in events if e.action == "rename" and e.detail.startswith("from sha256:")]
    digests = {id_digest(e.id): e.id for e in events if e.id}
    grew = True
    while grew:
        grew = False
        for event in renames:
            old = digests.get(event.detail[len("from sha256:") :])
            if event.id in found and old is not None and old not in found:
                found.add(old)
                grew = True
    return found


def describe_event(event: Event) -> str:
    detail = f" ({event.detail})" if event.detail else ""
    return f"{event.at}  {event.user}@{event.host}  {event.action:<8} {event.id}{detail}"


def event_json(event: Event) -> dict[str, Any]:
    return event._asdict()
