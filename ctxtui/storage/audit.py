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
import json
import os
import socket
import stat
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, NamedTuple

from ctxtui.storage.files import describe, file_mode, open_plain, read_plain, sha256_hex

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
    "rename",
    "search",
    "retention",
    "report",
)
# events that put the minutes in someone's hands: recalled after a redaction
HANDED_OUT = ("export", "send")
TAIL = 8192  # bytes read back from the end to find the last line
MAX_LOG_BYTES = 512 * 1024 * 1024


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
        try:
            data = json.loads(line)
            return cls(**{name: str(data[name]) for name in cls._fields})
        except (ValueError, KeyError, TypeError):
            return None


def _digest(line: bytes) -> str:
    return sha256_hex(line.rstrip(b"\n"))


def _user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return str(os.getuid())


class AuditLog:
    def __init__(self, path: Path, now: Callable[[], dt.datetime] = dt.datetime.now) -> None:
        self.path = path
        self.now = now
        self.problem: str | None = None

    def record(self, action: str, conference_id: str = "", detail: str = "") -> bool:
        """Append one event; False (and ``problem`` set) if the log could not be written."""
        # a path that is not UTF-8 comes as lone surrogates: logged escaped, never refused
        detail = detail.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
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
            last, ends_whole = _last_line(fd)
            line = json.dumps(
                {
                    "at": self.now().replace(microsecond=0).isoformat(),
                    "user": _user(),
                    "host": socket.gethostname(),
                    "action": action,
                    "id": conference_id,
                    "detail": detail,
                    "prev": _digest(last) if last else "",
                },
                ensure_ascii=False,
            ).encode("utf-8")
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
        """Every readable event, oldest first."""
        for line in self._lines():
            event = Event.from_line(line)
            if event is not None:
                yield event

    def verify(self) -> list[str]:
        """Where the chain is broken, one sentence a place (empty when every line holds)."""
        problems: list[str] = []
        previous: bytes | None = None
        for number, line in enumerate(self._lines(), 1):
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
        return problems

    def _lines(self) -> list[bytes]:
        try:
            raw = read_plain(self.path, MAX_LOG_BYTES)
        except FileNotFoundError:
            return []
        return [line for line in raw.split(b"\n") if line.strip()]


def _last_line(fd: int) -> tuple[bytes, bool]:
    """The last whole line of the open log, and whether the file ends with a newline."""
    size = os.fstat(fd).st_size
    if size == 0:
        return b"", True
    start = max(0, size - TAIL)
    tail = os.pread(fd, size - start, start)
    ends_whole = tail.endswith(b"\n")
    lines = [line for line in tail.split(b"\n") if line.strip()]
    if not ends_whole and lines:
        lines.pop()  # a line a crash cut short: the chain goes on from the one before
    return (lines[-1] if lines else b""), ends_whole


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
