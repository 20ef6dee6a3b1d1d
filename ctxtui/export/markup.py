"""Markdown's building blocks for every document ctxtui writes (minutes, closure summary,
service report): user text escaped, pipe tables, days in words and the protective marking.

The Markdown is read by two parsers: markdown-it-py (the preview and the tests) and pandoc (the
DOCX and PDF). Both treat a backslash before any ASCII punctuation as that character, literally,
so user text is escaped wherever a character could start markup. Runs of white space, including
line breaks, are folded into one space (within a paragraph) because Markdown would fold them
anyway; each line of long text is a paragraph of its own.
"""

from __future__ import annotations

import re

from ctxtui.core.record import parse_date, strip_controls

MARKING = "OFFICIAL-SENSITIVE"
# Escaping only where a character could start markup, so the Markdown reads as typed
# ("McDonald's", "(ISRO)", "3.30-6pm"). Anywhere in a line: the backslash itself, emphasis and
# strike-through, code, brackets (links, images, notes, spans), tags and autolinks, table and
# line-block pipes, pandoc's super/subscript, maths and attributes.
_ANYWHERE = re.compile(r"([\\`*_\[\]<|~^$}{])")
_ENTITY = re.compile(r"&(?=#?[A-Za-z0-9]+;)")  # &amp; would become "&"
# At the start of a paragraph or list item: headings, quotes, bullets, rules, definition lists,
# fenced divs, title blocks, and numbered or lettered list markers (pandoc's fancy lists).
_BLOCK_START = re.compile(r"[#>+:%=-]")
_LIST_MARKER = re.compile(r"(\(?)(\d{1,9}|[A-Za-z]|[ivxlcdmIVXLCDM]+|#|@)([.)])(?=\s|$)")

PANDOC_TABLE_WIDTH = 100  # a separator line wider than pandoc's 72 columns makes widths relative


def escape(text: str) -> str:
    """One paragraph of user text as Markdown that shows exactly these characters."""
    text = " ".join(strip_controls(text).split())
    text = _ENTITY.sub(r"\\&", _ANYWHERE.sub(r"\\\1", text))
    if _BLOCK_START.match(text):
        return "\\" + text
    marker = _LIST_MARKER.match(text)
    if marker:
        opening, label, delimiter = marker.groups()
        prefix = "\\(" if opening else ""
        return prefix + label + "\\" + delimiter + text[marker.end() :]
    return text


def escape_block(text: str) -> list[str]:
    """Long user text as paragraphs: each line typed or pasted as one is one (a text box's
    Enter starts a new paragraph; blank lines between them change nothing)."""
    paragraphs = [escape(p) for p in re.split(r"\r\n|\r|\n", text)]
    return [p for p in paragraphs if p]


def table(headings: list[str], rows: list[list[str]], shares: list[int] | None = None) -> str:
    """A pipe table; headings are ours, cells are user text (escaped here)."""
    shares = shares or [1] * len(headings)
    total = sum(shares)
    dashes = [max(3, PANDOC_TABLE_WIDTH * share // total) for share in shares]
    lines = [
        "| " + " | ".join(headings) + " |",
        "|" + "|".join("-" * d for d in dashes) + "|",
    ]
    for row in rows:
        lines.append("| " + " | ".join(escape(cell) or " " for cell in row) + " |")
    return "\n".join(lines)


def day_text(text: str) -> str:
    """``2026-01-20`` as ``Tuesday 20 January 2026`` (or the text as it is)."""
    try:
        day = parse_date(text)
    except ValueError:
        return text
    return f"{day:%A} {day.day} {day:%B %Y}" if day else ""
