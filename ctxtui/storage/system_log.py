"""The audit log's anchor: the host's own log (syslog, or the systemd journal behind it).

Everyone in a team can rewrite ``audit.log``; nobody but root can take back or change a line the
host has logged. So each event also goes there, as one short message: the data folder (a digest
of its path), the event's number in the log, the SHA-256 of its line, the action and the
conference id; never minute text, never a name. ``audit --verify`` reads these back and compares.

The facility is LOG_AUTHPRIV: these are records of who reached sensitive records, and that is what
it is for. Debian's rsyslog keeps it in /var/log/auth.log (root and adm only) and out of the
general /var/log/syslog; services that collect security logs centrally collect that one.

Anyone on the host can add a message with the tag ``ctxtui``, so a forged message can make
verify report a fork; it can never hide a line the host really logged.
"""

from __future__ import annotations

import grp
import os
import re
import subprocess
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import NamedTuple, Protocol

import orjson

IDENT = "ctxtui"
# Where rsyslog (or syslog-ng) puts LOG_AUTHPRIV on Debian, Red Hat and others; the general logs
# too, for a host set up to keep it there
LOG_FILES = ("/var/log/auth.log", "/var/log/secure", "/var/log/syslog", "/var/log/messages")
JOURNAL_SOCKET = "/run/systemd/journal/socket"
READ_BYTES = 64 * 1024 * 1024  # of journalctl's output, and of each log file (its newest part)
JOURNAL_SECONDS = 20
# groups whose members read every user's messages in the journal
JOURNAL_READERS = ("adm", "systemd-journal", "wheel")
_SEEN = re.compile(
    rb"ctxtui(?:\[\d+\])?: audit folder=([0-9a-f]{16}) event=([0-9]{1,12}) "
    rb"line=([0-9a-f]{64}) action=([a-z]{1,16}) id=([a-z0-9-]{1,80})"
)


class Seen(NamedTuple):
    """One event as the host's log holds it."""

    folder: str
    event: int  # its number in the audit log, from 1
    line: str  # the SHA-256 of its line
    action: str
    id: str  # "-" for none


def message(folder: str, event: int, line: str, action: str, conference_id: str) -> str:
    """The text logged for one event (without the tag, which the log adds)."""
    safe_id = conference_id if re.fullmatch(r"[a-z0-9-]{1,80}", conference_id) else "-"
    return f"audit folder={folder} event={event} line={line} action={action} id={safe_id}"


def parse(lines: Iterable[bytes], folder: str) -> list[Seen]:
    """The events of ``folder`` among lines of a log (any bytes; those not ours are skipped)."""
    seen = []
    for line in lines:
        found = _SEEN.search(line)
        if found and found[1].decode() == folder:
            seen.append(
                Seen(
                    folder,
                    int(found[2]),
                    found[3].decode(),
                    found[4].decode(),
                    found[5].decode(),
                )
            )
    return seen


class Reading(NamedTuple):
    seen: list[Seen]
    source: str  # where it was read, in words
    problem: str | None = None  # why nothing could be read: then nothing is confirmed
    whole: bool = True  # False: only this user's own messages could be seen


class SystemLog(Protocol):
    """Where the anchor goes and is read back: the host's log, or a file a test controls."""

    def send(self, text: str) -> None: ...

    def read(self, folder: str) -> Reading: ...


class HostLog:
    """The host's own log: written through the ``syslog`` module, read with ``journalctl`` where
    the journal runs, else from the log files rsyslog writes."""

    def __init__(
        self,
        *,
        journal: bool = True,
        files: tuple[str, ...] = LOG_FILES,
    ) -> None:
        self.journal = journal
        self.files = files

    def send(self, text: str) -> None:
        import syslog

        syslog.openlog(IDENT, syslog.LOG_PID, syslog.LOG_AUTHPRIV)
        syslog.syslog(syslog.LOG_INFO, text)

    def read(self, folder: str) -> Reading:
        tried: list[str] = []
        if self.journal and os.path.exists(JOURNAL_SOCKET):
            reading = _read_journal(folder)
            if reading.problem is None:
                return reading
            tried.append(reading.problem)
        seen: dict[tuple[int, str], Seen] = {}
        sources = []
        for name in self.files:
            try:
                lines = list(_newest_lines(Path(name)))
            except FileNotFoundError:
                continue
            except OSError as error:
                tried.append(f"{name}: {error.strerror or error}")
                continue
            sources.append(name)
            for one in parse(lines, folder):
                seen[(one.event, one.line)] = one  # the same message may be in two files
        if sources:
            return Reading(list(seen.values()), " and ".join(sources))
        if not tried:
            tried.append("this host has no journal and no log file of syslog")
        return Reading([], "", "; ".join(tried))


class FileLog:
    """A file standing for the host's log, one message a line: for tests, which set
    ``CTXTUI_SYSTEM_LOG_FILE``. It weakens nothing: a team member can always append to the
    audit log by hand, and what the host logged stays there whatever this names."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def send(self, text: str) -> None:
        with open(self.path, "ab") as handle:
            handle.write(f"{IDENT}[{os.getpid()}]: {text}\n".encode())

    def read(self, folder: str) -> Reading:
        try:
            lines = list(_newest_lines(self.path))
        except FileNotFoundError:
            lines = []
        except OSError as error:
            return Reading([], str(self.path), f"{self.path}: {error.strerror or error}")
        return Reading(parse(lines, folder), str(self.path))


def system_log() -> SystemLog:
    """The host's log, or the file ``CTXTUI_SYSTEM_LOG_FILE`` names."""
    stand_in = os.environ.get("CTXTUI_SYSTEM_LOG_FILE")
    return FileLog(Path(stand_in)) if stand_in else HostLog()


def _newest_lines(path: Path) -> Iterator[bytes]:
    """The lines of the newest READ_BYTES of a log file (the first may be cut: never ours then,
    as a message of ours is matched whole)."""
    fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
    try:
        size = os.fstat(fd).st_size
        start = max(0, size - READ_BYTES)
        data = os.pread(fd, size - start, start)
    finally:
        os.close(fd)
    yield from data.split(b"\n")


def _read_journal(folder: str) -> Reading:
    source = "the systemd journal"
    command = ["journalctl", "-t", IDENT, "-o", "json", "--no-pager", "--output-fields=MESSAGE"]
    try:
        process = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
    except OSError as error:
        return Reading([], source, f"journalctl could not be run: {error.strerror or error}")
    timer = threading.Timer(JOURNAL_SECONDS, process.kill)
    timer.start()
    try:
        assert process.stdout is not None and process.stderr is not None
        output = process.stdout.read(READ_BYTES)
        cut = bool(process.stdout.read(1))
        if cut:
            process.kill()  # bounded: what was read so far is kept
        errors = process.stderr.read(4096)
        status = process.wait()
    finally:
        timer.cancel()
        if process.poll() is None:
            process.kill()
            process.wait()
    if status != 0 and not cut:
        said = errors.decode("utf-8", "replace").strip().splitlines()
        why = said[0] if said else f"journalctl ended with status {status}"
        return Reading([], source, f"the journal could not be read ({why})")
    messages = []
    for line in output.split(b"\n"):
        try:
            entry = orjson.loads(line)
        except orjson.JSONDecodeError:
            continue
        text = entry.get("MESSAGE") if isinstance(entry, dict) else None
        if isinstance(text, list):  # bytes that were not UTF-8, as numbers
            text = bytes(n for n in text if isinstance(n, int) and 0 <= n < 256).decode(
                "utf-8", "replace"
            )
        if isinstance(text, str):
            messages.append(f"{IDENT}: {text}".encode())
    return Reading(parse(messages, folder), source, whole=_reads_every_user())


def _reads_every_user() -> bool:
    if os.geteuid() == 0:
        return True
    names = set()
    for gid in os.getgroups():
        try:
            names.add(grp.getgrgid(gid).gr_name)
        except KeyError:
            continue
    return bool(names & set(JOURNAL_READERS))
