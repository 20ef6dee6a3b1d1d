"""What the command prints: one line at a time, made safe for a terminal, and one sentence
for a user's mistake (exit 2), never a traceback."""

from __future__ import annotations

import contextlib
import os
import sys

from ctxtui.storage.terminal_text import printable

EXIT_ERROR = 2


class UserError(Exception):
    """Reported as ``ctxtui: <message>`` with exit status 2."""


def _out(text: object = "") -> None:
    """One line on standard output; a full or closed output is one sentence, not a traceback.
    Stored text may hold anything: nothing reaches the terminal raw."""
    _out_bytes(f"{printable(text, lines=True)}\n".encode())


def _err(text: object) -> None:
    """One line on standard error, made safe for a terminal like everything printed."""
    with contextlib.suppress(OSError, ValueError):
        print(printable(text, lines=True), file=sys.stderr)


def _out_bytes(data: bytes) -> None:
    try:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    except (OSError, AttributeError, ValueError) as error:
        reason = getattr(error, "strerror", None) or "it is closed"
        with contextlib.suppress(OSError, ValueError):  # nothing left to flush at exit
            os.dup2(os.open(os.devnull, os.O_WRONLY), 1)
        raise UserError(f"cannot write to standard output ({reason})") from None


def _sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "?", "!")) else text + "."
