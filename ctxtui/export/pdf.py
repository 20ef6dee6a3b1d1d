"""Markdown -> tagged PDF (PDF/UA-1; with ``archive``, PDF/A-2b too): pandoc's own Typst writer,
then the Typst compiler's Python binding, both offline and both bounded in time and memory.

What a user typed stays text: pandoc's Markdown reader has raw HTML, raw attributes and raw TeX
off (as for the DOCX), and its Typst writer escapes every character Typst would read as markup,
so no text can become Typst code. What the PDF lays out differently (the marking in the
header and footer, the plan on landscape pages, the chart) is marked in the Markdown, and the
filter ``marks.lua`` writes the Typst for each mark: nothing is found by its text.

The compiler runs in a child process (a time limit, and a limit on its memory set before Typst
loads); its root is an empty private folder (holding only the chart we draw), its package
folders are empty and system fonts are ignored: a document can read no file, fetch no package
and depends on no font of the machine. The fonts are the ones shipped in ``fonts/``
(``typefaces.py``), so every script of the minutes is drawn; a character none of them has is
written as its name before Typst runs.
"""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
import tempfile
import unicodedata
from pathlib import Path

from ctxtui.export.docx import MARKS, READER
from ctxtui.export.pandoc import run_pandoc
from ctxtui.export.typefaces import DRAWING_ONLY, FAMILIES, FONT_DIR, name_unshown

# The marking is the document's own (its mark sets it, marks.lua): every page shows it.
PREAMBLE = """\
#set document(title: "{title}")
#let ctxtui-marking = state("ctxtui-marking", "")
#let ctxtui-chart = {chart}
#set text(lang: "en", region: "GB", size: 10pt, font: ({fonts}))
#set par(justify: false)
#set page(
  paper: "a4",
  margin: (x: 1.8cm, top: 2.4cm, bottom: 2.8cm),
  header: context align(center, text(weight: "bold", size: 9pt, ctxtui-marking.final())),
  footer: context align(center, text(size: 8pt)[
    #strong(ctxtui-marking.final()) \\ {footer} \\
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
# A line of the PDF holds about 100 characters. In a run of more than BREAK_EVERY with no space,
# an invisible break opportunity (U+200B) goes after every BREAK_EVERY, where it splits no
# letter from its marks or conjunct: otherwise Typst cannot wrap the run (it runs off the page;
# at 100,000 characters Typst fails outright). Only in the PDF, and only there.
BREAK_EVERY = 64
ZWSP = "\u200b"
_LONG_RUN = re.compile(
    f"[^ \t\r\n\u1680\u2000-\u2006\u2008-\u200b\u2028\u2029\u205f\u3000]{{{BREAK_EVERY + 1},}}"
)
# pandoc's Typst writer is quadratic in the length of one such run: this filter cuts it into
# pieces that write the same Typst (see the file). It costs about 0.09 s on the big benchmark
# conference, so it runs only when some text has a run long enough for a piece (PIECE = 256
# bytes, at least 64 characters); a pipe table's ruler line is no text.
PIECES = Path(__file__).with_name("pieces.lua")
_RUN = re.compile("[^ \t\r\n]{64,}")
# Typst's time and memory (its data: the heap and thread stacks, not the program and fonts
# mapped from disk, nor address space reserved and never used, which grows with the cores).
# The big benchmark conference (300 points, 40 plan rows) takes it 0.3 s and under 80 MB.
TYPST_SECONDS = 60
TYPST_MEMORY = 1024**3
CHILD = Path(__file__).with_name("typst_child.py")


def inert(line: str) -> str:
    """A line of pandoc's Typst with any typed text that Typst would read as markup at the
    start of a list item or a table cell escaped."""
    return _CELL_START.sub(r"\1\\", _ITEM_START.sub(r"\1\\", line))


def _can_break(before: str, after: str) -> bool:
    """Whether a break between ``before`` and ``after`` leaves every letter with its marks:
    between letters or digits only, never before a mark, after a virama (a conjunct) or
    inside a Hangul syllable spelled in jamo."""
    if unicodedata.category(before)[0] not in "LNM" or unicodedata.category(after)[0] not in "LN":
        return False
    if unicodedata.combining(before) == 9:
        return False
    return not (0x1160 <= ord(after) <= 0x11FF or 0xD7B0 <= ord(after) <= 0xD7FF)


def _with_breaks(run: str) -> str:
    """``run`` with a break at the first place it may go once BREAK_EVERY characters have
    passed without one."""
    pieces: list[str] = []
    start, at = 0, BREAK_EVERY
    while at < len(run):
        if _can_break(run[at - 1], run[at]):
            pieces.append(run[start:at])
            start, at = at, at + BREAK_EVERY
        else:
            at += 1
    pieces.append(run[start:])
    return ZWSP.join(pieces)


def _long_runs(markdown: str) -> bool:
    return any(set(run[0]) - set("|-:") for run in _RUN.finditer(markdown))


def breakable(markdown: str) -> str:
    """``markdown`` with an invisible break opportunity in every run too long for a line."""
    return _LONG_RUN.sub(lambda run: _with_breaks(run[0]), markdown)


def _chart(chart: tuple[bytes, str] | None, root: Path) -> str:
    """The Typst for the chart's mark: the picture (written into ``root``) with its text
    alternative, or none."""
    if chart is None:
        return "none"
    png, alt = chart
    (root / "chart.png").write_bytes(png)
    return f'figure(image("chart.png", width: 15cm, alt: "{typst_string(alt)}"))'


def markdown_to_pdf(
    markdown: str,
    *,
    title: str,
    footer: str,
    archive: bool = False,
    chart: tuple[bytes, str] | None = None,
) -> bytes:
    """The PDF of ``markdown`` (with its marks: ``markup.for_back_ends``); ``chart`` is a
    PNG and its text alternative, drawn where the chart's mark is."""
    if importlib.util.find_spec("typst") is None:
        raise PdfUnavailable("PDF needs the Typst compiler: pip install 'ctxtui[pdf]' (or typst)")
    # skin tones and emoji presentation selectors change only how a symbol is drawn
    markdown = breakable(name_unshown(DRAWING_ONLY.sub("", markdown)))
    filters = ["--lua-filter", str(MARKS)]
    if _long_runs(markdown):
        filters += ["--lua-filter", str(PIECES)]
    typst_text = run_pandoc(["--from", READER, "--to", "typst", *filters], markdown).decode()
    lines = [inert(line) for line in typst_text.splitlines()]
    with tempfile.TemporaryDirectory(prefix="ctxtui-pdf-") as folder:
        root = Path(folder)
        preamble = PREAMBLE.format(
            title=typst_string(title),
            chart=_chart(chart, root),
            footer=typst_string(footer),
            fonts=", ".join(f'"{family}"' for family in FAMILIES),
        )
        (root / "packages").mkdir()
        (root / "minutes.typ").write_text(preamble + "\n".join(lines) + "\n", encoding="utf-8")
        return _compile(root, archive)


def _compile(root: Path, archive: bool) -> bytes:
    """ROOT/minutes.typ as PDF, made by Typst in a child process within its limits."""
    command = [sys.executable, "-P", str(CHILD), str(root), str(FONT_DIR), str(TYPST_MEMORY)]
    try:
        done = subprocess.run(
            [*command, "archive"] if archive else command,
            capture_output=True,
            timeout=TYPST_SECONDS,
            stdin=subprocess.DEVNULL,
        )
    except subprocess.TimeoutExpired:
        raise PdfUnavailable(f"the PDF took longer than {TYPST_SECONDS} s to make") from None
    said = done.stderr.decode("utf-8", errors="replace").strip()
    if done.returncode == 3 or "memory allocation" in said:
        raise PdfUnavailable(
            f"the PDF needs more than the {TYPST_MEMORY // 1024**2:,} MB of memory it may take"
        )
    pdf = root / "minutes.pdf"
    if done.returncode != 0 or not pdf.is_file():
        first = said.splitlines()[-1] if said else f"exit {done.returncode}"
        raise PdfUnavailable(f"the PDF could not be made ({first[:200]})")
    return pdf.read_bytes()
