"""Markdown -> DOCX with pandoc (bundled by the pypandoc-binary wheel).

Raw HTML, raw attributes and raw TeX are switched off in the reader and pandoc runs sandboxed,
so nothing a user typed can inject markup or pull in a file. The Markdown's marks (fenced divs:
``markup.py``) are read by the filter ``marks.lua``, here and for the PDF.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from ctxtui.export.pandoc import PandocUnavailable, pandoc_path, run_pandoc

# "smart" off too: straight quotes, "--" and "..." stay exactly as typed
# citations off too: "@name" is text, never a reference to a bibliography
READER = "markdown-raw_html-raw_attribute-raw_tex-smart-citations"
# The style sheet pandoc applies; built by reference.py, shipped with the package.
REFERENCE = Path(__file__).with_name("reference.docx")
# What each back end does with the Markdown's marks (the marking, the landscape part, the chart).
MARKS = Path(__file__).with_name("marks.lua")


def markdown_to_docx(markdown: str, *, marks: bool = False) -> bytes:
    """The DOCX file for ``markdown``, as bytes (the caller decides where it goes); pandoc runs
    within its time and memory limits. With ``marks``, through ``marks.lua``: the marking's
    mark leaves the body, the others stay as bookmarks for ``layout.py``."""
    filters = ["--lua-filter", str(MARKS)] if marks else []
    with tempfile.TemporaryDirectory(prefix="ctxtui-docx-") as folder:
        out = Path(folder) / "minutes.docx"
        run_pandoc(
            [
                "--from",
                READER,
                "--to",
                "docx",
                "--reference-doc",
                str(REFERENCE),
                *filters,
                "--output",
                str(out),
            ],
            markdown,
            cwd=Path(folder),
        )
        data = out.read_bytes() if out.is_file() else b""
    if not data.startswith(b"PK"):
        raise PandocUnavailable("pandoc produced no DOCX file")
    return data


__all__ = ["MARKS", "READER", "REFERENCE", "PandocUnavailable", "markdown_to_docx", "pandoc_path"]
