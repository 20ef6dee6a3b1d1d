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
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Self

from ctxtui.core.record import parse_date, strip_controls

MARKING = "OFFICIAL-SENSITIVE"

# The marks: fenced divs of pandoc's Markdown, each named by its identifier, that only the
# Markdown for the back ends holds (``MarkdownText.marked``). They say what the DOCX and the
# PDF lay out differently, so no back end finds a place by its text: marks.lua and layout.py
# turn each into what their format has for it. No typed text can make one: ``escape`` writes
# a ":" that starts a paragraph, and every brace, as text.
MARKING_MARK = "ctxtui-marking"  # the protective marking: the pages' header and footer
LANDSCAPE_MARK = "ctxtui-landscape"  # the part on landscape pages of its own (the plan)
CHART_MARK = "ctxtui-chart"  # where the trend chart goes (an empty div: no picture in Markdown)
MARKS = (MARKING_MARK, LANDSCAPE_MARK, CHART_MARK)
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


@dataclass(frozen=True)
class Fence:
    """A line of the Markdown for the back ends alone: the opening of the fenced div named
    ``mark``, or (no mark) the closing of the last one opened."""

    mark: str = ""

    def __str__(self) -> str:
        # a blank line after: a fenced div is a block of its own
        return f"::: {{#{self.mark}}}\n" if self.mark else ":::\n"


Line = str | Fence


def marked(mark: str, lines: Iterable[Line]) -> list[Line]:
    """``lines`` inside the mark ``mark`` (they end with a blank line, as every section does)."""
    return [Fence(mark), *lines, Fence()]


def _document(lines: Iterable[str]) -> str:
    return "\n".join(lines).rstrip() + "\n"


class MarkdownText(str):
    """Markdown for people (the text itself: the preview, the .md file, the mail), carrying
    ``marked``: the same Markdown with the marks (fenced divs) that the DOCX and the PDF read.
    Made once from one list of lines, so the two never differ but for the marks."""

    marked: str

    def __new__(cls, lines: Sequence[Line]) -> Self:
        text = super().__new__(cls, _document(line for line in lines if isinstance(line, str)))
        text.marked = _document(str(line) for line in lines)
        return text


def for_back_ends(markdown: str) -> str:
    """The Markdown the DOCX and the PDF are made from: a ``MarkdownText``'s marked form, or
    text given as it is (Markdown that holds its own marks, or none)."""
    return markdown.marked if isinstance(markdown, MarkdownText) else markdown


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
