"""Written contributions: a professional's text, sent before the meeting, read from plain text,
Markdown or DOCX into plain text (``core.sentences`` cuts it for the chair to pull in).

Nothing of the file survives but its words: pandoc turns Markdown and DOCX into plain text in its
sandbox (no other file read, no raw HTML or TeX, images and link targets dropped); a
macro-enabled document is refused, not opened.
"""

from __future__ import annotations

import io
import subprocess
import tempfile
import zipfile
from pathlib import Path

from ctxtui.core.record import MAX_TEXT, strip_controls
from ctxtui.storage.files import read_plain

MAX_BYTES = 5 * 1024 * 1024  # a contribution is a page or two; a DOCX with pictures is bigger
KINDS = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".docx": "docx",
}
MACRO_KINDS = {".docm", ".dotm", ".doc", ".dot", ".rtf"}
MARKDOWN_IN = "markdown-raw_html-raw_tex-raw_attribute"


class ContributionError(Exception):
    """The file was not read; the message is one sentence for the chair."""


def read_contribution(path: Path) -> str:
    """The words of a contribution file, as clean plain text (paragraphs kept)."""
    suffix = path.suffix.lower()
    if suffix in MACRO_KINDS:
        raise ContributionError(
            f"{path.name} is a {suffix} file, which can hold macros: save it as .docx or .txt."
        )
    kind = KINDS.get(suffix)
    if kind is None:
        raise ContributionError(f"{path.name}: ctxtui reads .txt, .md and .docx contributions.")
    try:
        raw = read_plain(path, MAX_BYTES)
    except OSError as error:
        reason = error.strerror or str(error)
        raise ContributionError(f"{path.name} could not be read: {reason}.") from None
    if kind == "docx":
        text = _docx_text(raw, path.name)
    else:
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise ContributionError(f"{path.name} is not UTF-8 text.") from None
        if kind == "markdown":
            text = _pandoc(text.encode("utf-8"), MARKDOWN_IN, path.name)
    text = _tidy(text)
    if not text:
        raise ContributionError(f"{path.name} holds no text.")
    if len(text) > MAX_TEXT:
        raise ContributionError(
            f"{path.name} holds {len(text):,} characters; a contribution can hold {MAX_TEXT:,}."
        )
    return text


def _docx_text(raw: bytes, name: str) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as document:
            members = document.namelist()
    except zipfile.BadZipFile:
        raise ContributionError(f"{name} is not a Word document (.docx).") from None
    if any(member.lower().endswith("vbaproject.bin") for member in members):
        raise ContributionError(f"{name} holds macros: save it without them (.docx) first.")
    return _pandoc(raw, "docx", name)


def _pandoc(raw: bytes, source_format: str, name: str) -> str:
    """Plain text from pandoc, run on a private copy in its sandbox."""
    from ctxtui.export.docx import PandocUnavailable, pandoc_path

    try:
        pandoc = pandoc_path()
    except PandocUnavailable:
        raise ContributionError(f"{name}: pandoc is needed to read this file.") from None
    with tempfile.TemporaryDirectory(prefix="ctxtui-") as folder:
        copy = Path(folder) / "contribution"
        copy.write_bytes(raw)
        result = subprocess.run(
            [
                pandoc,
                "--sandbox",
                "--from",
                source_format,
                "--to",
                "plain",
                "--wrap=none",
                str(copy),
            ],
            capture_output=True,
            timeout=60,
        )
    if result.returncode != 0:
        raise ContributionError(f"{name} could not be read as {source_format}.")
    return result.stdout.decode("utf-8", errors="replace")


def _tidy(text: str) -> str:
    """No control characters, Windows line ends made plain, at most one blank line running."""
    lines = [strip_controls(line).strip() for line in text.replace("\r\n", "\n").split("\n")]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip()
