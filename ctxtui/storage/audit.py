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

ACTIONS = (
    "create",
    "open",
    "save",
    "export",
    "send",
    "invite",
    "attach",
    "finalise",
    "amend",
    "delete",
    "close",
    "reopen",
    "redact",
    "search",
    "retention",
    "report",
)
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
CHUNK = 1024 * 1024


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


def cut_detail(detail: str) -> str:
    """``detail`` as logged: a very long one is cut, and says how much went."""
    if len(detail) <= MAX_DETAIL:
        return detail
    return f"{detail[:MAX_DETAIL]} [cut: {len(detail) - MAX_DETAIL} more characters]"


def _user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return str(os.getuid())


class AuditLog:
    def __init__(self, path: Path, now: Callable[[], dt.datetime] = dt.datetime.now) -> None:
        self.path = path
        self.now = now
        self.problem: str | None = None  # why the last event could not be written
        self.read_problem: str | None = None  # why the last reading did not see the whole log

    def record(self, action: str, conference_id: str = "", detail: str = "") -> bool:
        """Append one event; False (and ``problem`` set) if the log could not be written."""
        try:
            fd = open_plain(
                self.path, os.O_RDWR | os.O_CREAT | os.O_APPEND, file_mode(self.path.parent)
            )
        except OSError as error:
            self.problem = f"The audit log {self.path} could not be written: {describe(error)}."
            return False
        try:
            mode = file_mode(self.path.parent)
            info = os.fstat(fd)
            if info.st_uid == os.geteuid() and stat.S_IMODE(info.st_mode) != mode:
                os.fchmod(fd, mode)  # just made: the umask must not take the team's access
            fcntl.flock(fd, fcntl.LOCK_EX)
            last, ends_whole = _last_event_line(fd)
            line = orjson.dumps(
                {
                    "at": self.now().replace(microsecond=0).isoformat(),
                    "user": _user(),
                    "host": socket.gethostname(),
                    "action": action,
                    "id": conference_id,
                    "detail": cut_detail(detail),
                    "prev": _digest(last) if last else "",
                }
            )
            os.write(fd, (b"" if ends_whole else b"\n") + line + b"\n")
            os.fsync(fd)
        except OSError as error:
            self.problem = f"The audit log {self.path} could not be written: {describe(error)}."
            return False
        finally:
            os.close(fd)  # the lock goes with it
        self.problem = None
        return True

    def events(self) -> Iterator[Event]:
        """Every readable event, oldest first. Never raises: whatever kept part of the log from
        being read is left in ``read_problem`` once the events are all taken."""
        for _number, line in self._lines():
            event = Event.from_line(line) if line is not None else None
            if event is not None:
                yield event

    def verify(self) -> list[str]:
        """Where the chain is broken, one sentence a place (empty when every line holds)."""
        problems: list[str] = []
        previous: bytes | None = None
        for number, line in self._lines():
            if line is None:
                problems.append(
                    f"Line {number} is not an audit event (it is longer than "
                    f"{MAX_LINE_BYTES // 1024} KB, so it was not read)."
                )
                continue
            event = Event.from_line(line)
            if event is None:
                problems.append(f"Line {number} is not an audit event (cut short or edited).")
                continue
            expected = _digest(previous) if previous is not None else ""
            if event.prev != expected:
                problems.append(
                    f"Line {number} does not follow the line before it: a line was changed, "
                    "removed or added there."
                )
            previous = line
        if self.read_problem:
            problems.append(self.read_problem)
        return problems

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
            for line in _split_lines(fd, MAX_LOG_BYTES):
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


def _split_lines(fd: int, limit: int) -> Iterator[bytes | None]:
    """The lines of the first ``limit`` bytes of ``fd``, newline taken off; None for a line
    longer than MAX_LINE_BYTES (never held whole)."""
    pending = b""
    too_long = False
    done = 0
    while done < limit:
        chunk = os.read(fd, min(CHUNK, limit - done))
        if not chunk:
            break
        done += len(chunk)
        start = 0
        while (end := chunk.find(b"\n", start)) >= 0:
            piece = chunk[start:end]
            if too_long or len(pending) + len(piece) > MAX_LINE_BYTES:
                yield None
            else:
                yield pending + piece
            pending, too_long, start = b"", False, end + 1
        if not too_long:
            pending += chunk[start:]
            if len(pending) > MAX_LINE_BYTES:
                pending, too_long = b"", True
    if too_long:
        yield None
    elif pending:
        yield pending


def _lines_backwards(fd: int, end: int, floor: int) -> Iterator[bytes | None]:
    """The lines that end at or before ``end`` (the first yielded is the one ending there),
    newest first, read backwards in chunks down to ``floor``; None for one longer than
    MAX_LINE_BYTES. The line that starts before ``floor`` is not yielded."""
    buffer = b""
    too_long = False
    position = end
    while True:
        newline = buffer.rfind(b"\n")
        if newline >= 0:
            line = buffer[newline + 1 :]
            buffer = buffer[:newline]
            yield None if too_long or len(line) > MAX_LINE_BYTES else line
            too_long = False
            continue
        if position <= floor:
            if position == 0:  # the first line of the file
                yield None if too_long or len(buffer) > MAX_LINE_BYTES else buffer
            return
        if len(buffer) > MAX_LINE_BYTES:
            buffer, too_long = b"", True
        step = min(CHUNK // 16, position - floor)
        position -= step
        buffer = os.pread(fd, step, position) + buffer


def _last_event_line(fd: int) -> tuple[bytes, bool]:
    """The last whole line of the open log that is an event (however long it is, up to
    MAX_LINE_BYTES), and whether the file ends with a newline. The chain links events only:
    a line cut short by a crash, or anything else, is passed over as ``verify`` passes it."""
    size = os.fstat(fd).st_size
    if size == 0:
        return b"", True
    ends_whole = os.pread(fd, 1, size - 1) == b"\n"
    lines = _lines_backwards(fd, size - 1 if ends_whole else size, max(0, size - SCAN_BACK))
    if not ends_whole:
        next(lines, None)  # a line a crash cut short: the chain goes on from the one before
    for line in lines:
        if line is not None and Event.from_line(line) is not None:
            return line, ends_whole
    return b"", ends_whole


def describe_event(event: Event) -> str:
    detail = f" ({event.detail})" if event.detail else ""
    return f"{event.at}  {event.user}@{event.host}  {event.action:<8} {event.id}{detail}"


def event_json(event: Event) -> dict[str, Any]:
    return event._asdict()
