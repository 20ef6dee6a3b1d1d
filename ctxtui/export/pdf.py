"""Markdown -> tagged PDF (PDF/UA-1; with ``archive``, PDF/A-2b too): pandoc's own Typst writer,
then the Typst compiler's Python binding, both offline.

What a user typed stays text: pandoc's Markdown reader has raw HTML, raw attributes and raw TeX
off (as for the DOCX), and its Typst writer escapes every character Typst would read as markup,
so no text can become Typst code. The compiler's root is an empty private folder (holding only
the chart we draw), its package folders are empty and system fonts are ignored: a document can
read no file, fetch no package and depends on no font of the machine (Typst's own fonts are
embedded in every PDF).
"""

from __future__ import annotations

import re
import tempfile
import unicodedata
from pathlib import Path
from typing import Any

from ctxtui.export.docx import READER, PandocUnavailable

PREAMBLE = """\
#set document(title: "{title}")
#set text(lang: "en", region: "GB", size: 10pt,
  font: ("Libertinus Serif", "New Computer Modern", "DejaVu Sans Mono"))
#set par(justify: false)
#set page(
  paper: "a4",
  margin: (x: 1.8cm, top: 2.4cm, bottom: 2.8cm),
  header: align(center, text(weight: "bold", size: 9pt)[{marking}]),
  footer: context align(center, text(size: 8pt)[
    #strong[{marking}] \\ {footer} \\
    Page #counter(page).display() of #counter(page).final().first()
  ]),
)
#set heading(numbering: none)
#show heading: set block(above: 1.2em, below: 0.6em)
#set table(stroke: 0.5pt + luma(140), inset: 4pt)
#set table.cell(breakable: false)
#show table.cell.where(y: 0): strong
#show table.cell: set align(left + top)
#show figure: set block(breakable: true)
"""


class PdfUnavailable(RuntimeError):
    """The PDF could not be made (the compiler is not installed, or it refused the document)."""


def typst_string(text: str) -> str:
    """``text`` inside a Typst string literal ("…"): backslash and quote escaped, lines joined."""
    return " ".join(text.replace("\\", "\\\\").replace('"', '\\"').split())


# Typst reads these at the start of a line or of a content block as markup (a heading, a list
# item, a term): pandoc's Typst writer escapes them at the start of a paragraph but not after a
# list marker or at the start of a table cell, so a point "=== x" would become a heading.
_MARKUP_START = r"(?=[=+\-/]|\d+\.)"
_ITEM_START = re.compile(r"^(\s*(?:[+-]|\d+\.)\s+)" + _MARKUP_START)
_CELL_START = re.compile(r"((?:^|[(,])\s*\[)" + _MARKUP_START)
_UNSHOWN = re.compile(r"the text `\"(.+?)\"` could not be displayed")
# joiners, variation selectors and skin tones: parts of an emoji, with no name of their own
_EMOJI_PARTS = re.compile("[\u200d\ufe0e\ufe0f\U0001f3fb-\U0001f3ff]")
_DRAWING_ONLY = re.compile("[\ufe0e\ufe0f\U0001f3fb-\U0001f3ff]")


def inert(line: str) -> str:
    """A line of pandoc's Typst with any typed text that Typst would read as markup at the
    start of a list item or a table cell escaped."""
    return _CELL_START.sub(r"\1\\", _ITEM_START.sub(r"\1\\", line))


def named(text: str) -> str:
    """Characters no embedded font can show, as their names ("🙂" -> "(slightly smiling
    face)"): PDF/UA needs every character shown, and a reader is told what was typed.
    Parentheses, being text both in Typst markup and in a string, where brackets are not."""
    names = [unicodedata.name(c, f"U+{ord(c):04X}").lower() for c in _EMOJI_PARTS.sub("", text)]
    return "".join(f"({name})" for name in names)


def _label(heading: str) -> str:
    """The label pandoc gives a heading (its automatic identifier)."""
    text = re.sub(r"[^\w\s.-]", "", heading.lower())
    return "<" + re.sub(r"\s+", "-", text.strip()) + ">"


def _heading_line(lines: list[str], heading: str) -> int | None:
    """The index of the heading line whose label pandoc wrote under it."""
    label = _label(heading)
    for index, line in enumerate(lines[1:], 1):
        if line.strip() == label and lines[index - 1].startswith("="):
            return index - 1
    return None


def _landscape(lines: list[str], start: str, within: str) -> list[str]:
    """Pages turned from the heading ``start`` to the heading after the ``within`` section."""
    first = _heading_line(lines, start)
    plan = _heading_line(lines, within)
    if first is None or plan is None:
        return lines
    level = lines[first].split(" ", 1)[0]
    end = next(
        (
            i
            for i in range(max(plan, first) + 1, len(lines))
            if lines[i].startswith("=") and len(lines[i].split(" ", 1)[0]) <= len(level)
        ),
        len(lines),
    )
    return [
        *lines[:first],
        "#set page(flipped: true)",
        *lines[first:end],
        "#set page(flipped: false)",
        *lines[end:],
    ]


def _picture(lines: list[str], heading: str, alt: str) -> list[str]:
    """The chart (chart.png in the root) after the first table under ``heading``."""
    start = _heading_line(lines, heading)
    if start is None:
        return lines
    for index in range(start + 1, len(lines) - 1):
        if lines[index].strip() == ", kind: table" and lines[index + 1].strip() == ")":
            picture = f'#figure(image("chart.png", width: 15cm, alt: "{typst_string(alt)}"))'
            return [*lines[: index + 2], "", picture, *lines[index + 2 :]]
    return lines


def markdown_to_pdf(
    markdown: str,
    *,
    title: str,
    marking: str,
    footer: str,
    landscape_from: str,
    landscape_heading: str,
    archive: bool = False,
    chart: tuple[bytes, str, str] | None = None,
) -> bytes:
    """The PDF of ``markdown``; ``chart`` is (PNG, text alternative, heading it follows)."""
    try:
        import pypandoc
        import typst
    except ImportError:
        raise PdfUnavailable(
            "PDF needs the Typst compiler: pip install 'ctxtui[pdf]' (or typst)"
        ) from None
    try:
        body = pypandoc.convert_text(markdown, "typst", format=READER, sandbox=True)
    except (OSError, RuntimeError) as error:
        raise PandocUnavailable(f"pandoc could not run ({str(error).strip()[:200]})") from None
    lines = [inert(line) for line in body.splitlines()]
    if lines and lines[0].strip() == f"#strong[{marking}]":  # the marking: header and footer only
        lines = lines[1:]
    lines = _landscape(lines, landscape_from, landscape_heading)
    with tempfile.TemporaryDirectory(prefix="ctxtui-pdf-") as folder:
        root = Path(folder)
        if chart is not None:
            png, alt, after = chart
            (root / "chart.png").write_bytes(png)
            lines = _picture(lines, after, alt)
        preamble = PREAMBLE.format(
            title=typst_string(title), marking=marking, footer=typst_string(footer)
        )
        # skin tones and emoji presentation selectors change only how a symbol is drawn
        text = _DRAWING_ONLY.sub("", preamble + "\n".join(lines) + "\n")
        (root / "packages").mkdir()
        for _attempt in range(MAX_RENAMED):
            try:
                return _compile(typst, root, text, archive)
            except RuntimeError as error:
                unshown = _UNSHOWN.search(str(error))
                if unshown is None or unshown[1] not in text:
                    first = str(error).strip().splitlines()[0] if str(error).strip() else "?"
                    raise PdfUnavailable(f"the PDF could not be made ({first[:200]})") from None
                text = text.replace(unshown[1], named(unshown[1]))
        raise PdfUnavailable("the PDF could not be made (too many characters no font shows)")


MAX_RENAMED = 40  # distinct characters no font shows, named one by one


def _compile(typst: Any, root: Path, text: str, archive: bool) -> bytes:
    source = root / "minutes.typ"
    source.write_text(text, encoding="utf-8")
    return bytes(
        typst.compile(
            str(source),
            root=str(root),
            ignore_system_fonts=True,
            pdf_standards=["ua-1", "a-2b"] if archive else ["ua-1"],
            package_path=str(root / "packages"),
            package_cache_path=str(root / "packages"),
            pdf_tags=True,
        )
    )
