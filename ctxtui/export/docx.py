"""Markdown -> DOCX with pandoc (bundled by the pypandoc-binary wheel).

Raw HTML, raw attributes and raw TeX are switched off in the reader and pandoc runs sandboxed,
so nothing a user typed can inject markup or pull in a file.
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


def markdown_to_docx(markdown: str) -> bytes:
    """The DOCX file for ``markdown``, as bytes (the caller decides where it goes); pandoc runs
    within its time and memory limits."""
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


__all__ = ["READER", "REFERENCE", "PandocUnavailable", "markdown_to_docx", "pandoc_path"]
