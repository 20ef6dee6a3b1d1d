"""A lock per conference: flock() on a lock file, released by the kernel when the process dies,
so it can never go stale, and it says who holds it."""

from __future__ import annotations

import contextlib
import fcntl
import os
import socket
from pathlib import Path

from ctxtui.storage.files import PRIVATE_FILE, describe, file_mode, open_plain

# "pid N on HOST", padded with spaces and rewritten in place: never truncated, which would
# cost the disk a metadata write at every open (hostnames are at most 255 bytes)
HOLDER_BYTES = 300


class Lock:
    """An flock() on a lock file: released by the kernel when the process dies, so never stale.

    ``holder`` says why it was not taken: another process holds it, or the folder cannot hold
    a lock file (read-only, full, a folder in its place), which opens the conference read-only.
    """

    def __init__(self, path: Path, fd: int | None, holder: str, elsewhere: bool = False) -> None:
        self.path = path
        self.fd = fd
        self.holder = holder
        self.elsewhere = elsewhere  # another process holds it (it may be taken over later)

    @classmethod
    def take(cls, path: Path) -> Lock:
        try:  # never through a link a colleague planted, never a FIFO or a device
            fd = open_plain(path, os.O_RDWR | os.O_CREAT, PRIVATE_FILE)
        except OSError as error:
            return cls(path, None, f"the lock file cannot be used: {describe(error)}")
        with contextlib.suppress(OSError):  # only its owner may; a colleague's stays as it is
            if os.fstat(fd).st_uid == os.geteuid():
                os.fchmod(fd, file_mode(path.parent))
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _read_holder(fd)
            os.close(fd)
            return cls(
                path,
                None,
                f"this conference is open for editing elsewhere ({holder})",
                elsewhere=True,
            )
        except OSError as error:
            os.close(fd)
            return cls(path, None, f"the lock cannot be taken here: {describe(error)}")
        # who holds it is a courtesy for the other window's message: a full disk may refuse it
        with contextlib.suppress(OSError):
            text = f"pid {os.getpid()} on {socket.gethostname()}".encode()
            os.pwrite(fd, text[:HOLDER_BYTES].ljust(HOLDER_BYTES), 0)
        return cls(path, fd, "")

    def release(self) -> None:
        if self.fd is not None:
            os.close(self.fd)  # closing drops the flock
            self.fd = None


def _read_holder(fd: int) -> str:
    from ctxtui.storage.terminal_text import printable  # only when someone else holds it

    try:
        text = os.pread(fd, HOLDER_BYTES, 0).decode("utf-8", "replace").strip()
        return printable(text) or "another process"  # a colleague may have written anything
    except OSError:
        return "another process"
