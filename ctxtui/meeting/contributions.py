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
from ctxtui.export.pandoc import PANDOC_SECONDS, RTS_LIMITS, out_of_memory
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
# "smart" off: a contribution's "--" and straight quotes stay as its author typed them
MARKDOWN_IN = "markdown-raw_html-raw_tex-raw_attribute-smart"
# a .docx is a zip: each entry is checked before pandoc opens it (a 150 KB file can unpack to
# gigabytes)
MAX_UNPACKED = 50 * 1024 * 1024
MAX_RATIO = 100
MAX_ENTRIES = 2000
# what marks a document that carries macros, whatever its parts are called
MACRO_SIGNS = (b"macroEnabled", b"vbaProject", b"relationships/vbaProject", b"wordml.vbaData")


class ContributionError(Exception):
    """The file was not read; the message is one sentence for the chair."""


def read_contribution(path: Path) -> str:
    """The words of a contribution file, as clean plain text (paragraphs kept)."""
    suffix = path.suffix.lower()
    if suffix in MACRO_KINDS:
        raise ContributionError(
            f"{shown(path.name)} is a {suffix} file, which can hold macros: save it as .docx or "
            ".txt."
        )
    kind = KINDS.get(suffix)
    if kind is None:
        raise ContributionError(
            f"{shown(path.name)}: ctxtui reads .txt, .md and .docx contributions."
        )
    try:
        raw = read_plain(path, MAX_BYTES)
    except OSError as error:
        reason = error.strerror or str(error)
        raise ContributionError(f"{shown(path.name)} could not be read: {reason}.") from None
    if kind == "docx":
        text = _docx_text(raw, path.name)
    else:
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise ContributionError(f"{shown(path.name)} is not UTF-8 text.") from None
        if kind == "markdown":
            text = _pandoc(text.encode("utf-8"), MARKDOWN_IN, path.name)
    text = _tidy(text)
    if not text:
        raise ContributionError(f"{shown(path.name)} holds no text.")
    if len(text) > MAX_TEXT:
        raise ContributionError(
            f"{shown(path.name)} holds {len(text):,} characters; a contribution can hold "
            f"{MAX_TEXT:,}."
        )
    return text


def _docx_text(raw: bytes, name: str) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as document:
            _check_entries(document, name)
            members = document.namelist()
            # what the package says its parts are (and the part names, as a last sign)
            signs = b"".join(
                document.read(member)
                for member in members
                if member == "[Content_Types].xml" or member.endswith(".rels")
            ) + "\n".join(members).encode("utf-8", "replace")
    except (zipfile.BadZipFile, NotImplementedError, ValueError):
        raise ContributionError(f"{shown(name)} is not a Word document (.docx).") from None
    if any(sign in signs for sign in MACRO_SIGNS):
        raise ContributionError(f"{shown(name)} holds macros: save it without them (.docx) first.")
    return _pandoc(raw, "docx", name)


def _check_entries(document: zipfile.ZipFile, name: str) -> None:
    """Every entry's unpacked size and ratio checked before anything is unpacked."""
    entries = document.infolist()
    if len(entries) > MAX_ENTRIES:
        raise ContributionError(f"{shown(name)} holds {len(entries):,} parts: too many.")
    total = 0
    for entry in entries:
        total += entry.file_size
        ratio = entry.file_size / max(entry.compress_size, 1)
        if total > MAX_UNPACKED or ratio > MAX_RATIO:
            raise ContributionError(
                f"{shown(name)} unpacks to far more than it holds (a part grows {ratio:,.0f} "
                "times): it is not read."
            )


def shown(name: str) -> str:
    """A file name as a sentence says it: never a raw control character or line break."""
    from ctxtui.storage.terminal_text import printable

    return printable(name)


def _pandoc(raw: bytes, source_format: str, name: str) -> str:
    """Plain text from pandoc, run on a private copy in its sandbox."""
    from ctxtui.export.docx import PandocUnavailable, pandoc_path

    try:
        pandoc = pandoc_path()
    except PandocUnavailable:
        raise ContributionError(f"{shown(name)}: pandoc is needed to read this file.") from None
    with tempfile.TemporaryDirectory(prefix="ctxtui-") as folder:
        copy = Path(folder) / "contribution"
        copy.write_bytes(raw)
        try:
            result = _run_pandoc(pandoc, source_format, copy)
        except subprocess.TimeoutExpired:
            raise ContributionError(
                f"{shown(name)} took pandoc longer than {PANDOC_SECONDS} s to read: "
                "save it as plain text (.txt) instead."
            ) from None
    if result.returncode != 0:
        if out_of_memory(result.stderr):
            raise ContributionError(
                f"{shown(name)} needs more memory than a contribution may take to read: "
                "save it as plain text (.txt) instead."
            )
        raise ContributionError(f"{shown(name)} could not be read as {source_format}.")
    return result.stdout.decode("utf-8", errors="replace")


def _run_pandoc(pandoc: str, source_format: str, copy: Path) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [
            pandoc,
            *RTS_LIMITS,
            "--sandbox",
            "--from",
            source_format,
            "--to",
            "plain",
            "--wrap=none",
            str(copy),
        ],
        capture_output=True,
        timeout=PANDOC_SECONDS,
    )


def _tidy(text: str) -> str:
    """No control characters, Windows line ends made plain, at most one blank line running."""
    lines = [strip_controls(line).strip() for line in text.replace("\r\n", "\n").split("\n")]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip()
