"""A log file's lines read a chunk at a time, from the start or backwards from a point, so
that no line longer than a limit is ever held whole (the audit log may be hundreds of
megabytes, or hold a line that is not the app's)."""

from __future__ import annotations

import os
from collections.abc import Iterator

CHUNK = 1024 * 1024


def split_lines(fd: int, limit: int, longest: int) -> Iterator[bytes | None]:
    """The lines of the first ``limit`` bytes of ``fd``, newline taken off; None for a line
    longer than ``longest`` bytes (never held whole)."""
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
            if too_long or len(pending) + len(piece) > longest:
                yield None
            else:
                yield pending + piece
            pending, too_long, start = b"", False, end + 1
        if not too_long:
            pending += chunk[start:]
            if len(pending) > longest:
                pending, too_long = b"", True
    if too_long:
        yield None
    elif pending:
        yield pending


def lines_backwards(fd: int, end: int, floor: int, longest: int) -> Iterator[bytes | None]:
    """The lines that end at or before ``end`` (the first yielded is the one ending there),
    newest first, read backwards in chunks down to ``floor``; None for one longer than
    ``longest`` bytes. The line that starts before ``floor`` is not yielded."""
    buffer = b""
    too_long = False
    position = end
    while True:
        newline = buffer.rfind(b"\n")
        if newline >= 0:
            line = buffer[newline + 1 :]
            buffer = buffer[:newline]
            yield None if too_long or len(line) > longest else line
            too_long = False
            continue
        if position <= floor:
            if position == 0:  # the first line of the file
                yield None if too_long or len(buffer) > longest else buffer
            return
        if len(buffer) > longest:
            buffer, too_long = b"", True
        step = min(CHUNK // 16, position - floor)
        position -= step
        buffer = os.pread(fd, step, position) + buffer
