"""Stored text on its way to a terminal.

A file in a shared folder may hold anything, whether or not it came through import: an escape
sequence in a context name would retitle a colleague's window, clear it or set their clipboard.
Everything ctxtui prints that came from a file (the command line's output and error messages,
the home screen, the board, notices) goes through ``printable`` first: control and
text-direction characters become visible escapes such as ``\\x1b`` or ``\\u202e``, so nothing
reaches the terminal raw and nothing is silently hidden either.
"""

from __future__ import annotations

import re

# lone surrogates too: a file name that is not UTF-8 reaches Python as them
_UNSAFE = re.compile(
    r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)

UNSAFE = _UNSAFE  # what ``printable`` escapes, for a look over a whole file at once


def _escape(match: re.Match[str]) -> str:
    code = ord(match[0])
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8, as os.fsdecode keeps it
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


# the ASCII that ``printable`` leaves as it is: printable characters and tab (and newline,
# when it keeps lines)
_ASCII_AS_IS = bytes(range(0x20, 0x7F)) + b"\t"
_ASCII_LINES_AS_IS = _ASCII_AS_IS + b"\n"


def needs_no_escape(text: str, *, lines: bool = False) -> bool:
    """True only if ``printable(text, lines=lines)`` is ``text`` as it is: a quick look for
    megabytes of text (one pass over bytes when it is ASCII). False may still mean unchanged
    (``isprintable`` is stricter than ``printable``)."""
    if text.isascii():  # known without a look
        kept = _ASCII_LINES_AS_IS if lines else _ASCII_AS_IS
        return not text.encode("ascii").translate(None, kept)
    if lines:
        text = text.replace("\n", "")
    return text.replace("\t", "").isprintable()


def printable(text: object, *, lines: bool = False) -> str:
    """``text`` with every control or text-direction character shown as an escape; with
    ``lines``, newlines are kept (tabs always are)."""
    value = str(text)
    if needs_no_escape(value, lines=lines):  # nearly always: nothing to escape at all
        return value
    if not lines:
        value = value.replace("\n", "\\n")
    return _UNSAFE.sub(_escape, value)
