"""Markdown -> DOCX with pandoc (bundled by the pypandoc-binary wheel).

Raw HTML, raw attributes and raw TeX are switched off in the reader and pandoc runs sandboxed,
so nothing a user typed can inject markup or pull in a file.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

# "smart" off too: straight quotes, "--" and "..." stay exactly as typed
# citations off too: "@name" is text, never a reference to a bibliography
READER = "markdown-raw_html-raw_attribute-raw_tex-smart-citations"
# The style sheet pandoc applies; built by reference.py, shipped with the package.
REFERENCE = Path(__file__).with_name("reference.docx")


class PandocUnavailable(RuntimeError):
    """pandoc could not be found or could not run."""


def pandoc_path() -> str:
    try:
        import pypandoc

        return str(pypandoc.get_pandoc_path())
    except (ImportError, OSError) as error:
        raise PandocUnavailable(f"pandoc is not available ({error})") from None


def markdown_to_docx(markdown: str) -> bytes:
    """The DOCX file for ``markdown``, as bytes (the caller decides where it goes)."""
    try:
        import pypandoc
    except ImportError as error:
        raise PandocUnavailable(f"pandoc is not available ({error})") from None
    with tempfile.TemporaryDirectory(prefix="ctxtui-docx-") as folder:
        out = Path(folder) / "minutes.docx"
        try:
            pypandoc.convert_text(
                markdown,
                "docx",
                format=READER,
                outputfile=str(out),
                extra_args=["--reference-doc", str(REFERENCE)],
                sandbox=True,
                cworkdir=folder,
            )
        except (OSError, RuntimeError) as error:
            first_line = str(error).strip().splitlines()[0] if str(error).strip() else "no reason"
            raise PandocUnavailable(f"pandoc could not run ({first_line.rstrip(':.')})") from None
        data = out.read_bytes()
    if not data.startswith(b"PK"):
        raise PandocUnavailable("pandoc produced no DOCX file")
    return data
