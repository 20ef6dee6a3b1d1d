"""Writing the minutes out: Markdown, DOCX, tagged PDF and the JSON interchange file.

Reads a record and writes through the shared file helpers: may import ``ctxtui.core`` and
``ctxtui.storage.files`` only, never the store, the editor or a screen.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ctxtui.core.record import Conference
from ctxtui.export.markdown import default_file_name, document_title, to_markdown
from ctxtui.export.markup import for_back_ends
from ctxtui.export.safeguards import RECORDING_INDEX
from ctxtui.storage.files import atomic_create, atomic_write, is_regular_or_absent

if TYPE_CHECKING:  # a story is read only once a chain has one
    from ctxtui.core.story import Story

FORMATS = ("md", "docx", "pdf", "json")


class ExportError(Exception):
    """A clear sentence for the user; nothing was written."""


@dataclass(frozen=True)
class Written:
    path: Path
    note: str | None = None  # e.g. pandoc was missing, so Markdown was written instead


def render(
    conference: Conference,
    fmt: str,
    *,
    nation: str,
    previous: Conference | None = None,
    story: Story | None = None,
    archive: bool = False,
    statutory: Sequence[str] | None = None,
) -> bytes:
    """The file's bytes. Raises PandocUnavailable for DOCX and PDF when pandoc cannot run,
    PdfUnavailable when the PDF cannot be made; ``archive``: PDF/A-2b as well as PDF/UA-1;
    ``statutory``: the service's statutory partners (see ``to_markdown``)."""
    if fmt == RECORDING_INDEX:
        from ctxtui.core.recording import recorded
        from ctxtui.export.safeguards import recording_index

        if not recorded(conference.recording):
            raise ExportError("this conference was not recorded, so it has no recording index")

        return recording_index(conference).encode("utf-8")
    if fmt == "json":
        record = conference.to_dict()
        record["audit_anchor"] = ""  # a line of this data folder's own log: nothing elsewhere
        return (json.dumps(record, ensure_ascii=False, indent=2) + "\n").encode()
    markdown = to_markdown(
        conference, nation=nation, previous=previous, story=story, statutory=statutory
    )
    if fmt == "md":
        return markdown.encode("utf-8")
    from ctxtui.export.story import minutes_story

    shown = story if story is not None and minutes_story(conference, story) else None
    if fmt == "docx":
        return markdown_docx(markdown, document_title(conference), shown)
    if fmt == "pdf":
        return markdown_pdf(markdown, document_title(conference), shown, archive=archive)
    raise ExportError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")


def _chart(story: Story | None) -> tuple[bytes, str] | None:
    """The trend picture of ``story``: (PNG, its text alternative), drawn where the Markdown
    marks the chart's place."""
    from ctxtui.export.chart import trend_png
    from ctxtui.export.story import TREND_TITLE, chart_text

    png = trend_png(story, TREND_TITLE) if story is not None else None
    if story is None or png is None:
        return None
    return png, chart_text(story)


def markdown_pdf(
    markdown: str, title: str, story: Story | None = None, *, archive: bool = False
) -> bytes:
    """A tagged PDF of minutes (or a summary) in the DOCX's layout; ``markdown`` as the
    Markdown builders make it (``MarkdownText``: its marks lay the PDF out)."""
    from ctxtui.export.pdf import markdown_to_pdf
    from ctxtui.export.reference import FOOTER

    return markdown_to_pdf(
        for_back_ends(markdown), title=title, footer=FOOTER, archive=archive, chart=_chart(story)
    )


def markdown_docx(markdown: str, title: str, story: Story | None = None) -> bytes:
    """A DOCX of minutes (or a summary) in our layout; ``markdown`` as the Markdown builders
    make it (``MarkdownText``: its marks lay the DOCX out). With ``story``, its trend is drawn
    as a picture where the chart's mark is."""
    from ctxtui.export.docx import markdown_to_docx
    from ctxtui.export.layout import Picture, finish
    from ctxtui.export.story import TREND_TITLE

    chart = _chart(story)
    picture = Picture(chart[0], chart[1], TREND_TITLE) if chart else None
    data = markdown_to_docx(for_back_ends(markdown), marks=True)
    return finish(data, picture=picture, title=title)


def write_file(path: Path, data: bytes, *, replace: bool = False) -> None:
    """Write ``path`` whole, or not at all; never replace an existing file unless asked."""
    if not path.parent.is_dir():
        raise ExportError(f"folder {path.parent} does not exist")
    if path.is_dir():
        raise ExportError(f"{path} is a folder; give a file name")
    if not is_regular_or_absent(path):
        raise ExportError(
            f"{path} is not an ordinary file (a device or a pipe); choose a file name"
        )
    try:
        if replace:
            atomic_write(path, data)
        elif not atomic_create(path, data):
            raise ExportError(
                f"{path} already exists; choose another name, or replace it (--force)"
            )
    except OSError as error:
        raise ExportError(f"cannot write {path}: {error.strerror or error}") from None


def export_minutes(
    conference: Conference,
    fmt: str,
    path: Path,
    *,
    nation: str,
    previous: Conference | None = None,
    replace: bool = False,
    story: Story | None = None,
    archive: bool = False,
    statutory: Sequence[str] | None = None,
) -> Written:
    """Write one export. If pandoc cannot run for a DOCX or a PDF, the Markdown is written
    beside it instead."""
    from ctxtui.export.docx import PandocUnavailable
    from ctxtui.export.pdf import PdfUnavailable

    try:
        data = render(
            conference,
            fmt,
            nation=nation,
            previous=previous,
            story=story,
            archive=archive,
            statutory=statutory,
        )
    except PdfUnavailable as error:
        raise ExportError(str(error)) from None
    except PandocUnavailable as error:
        fallback = path.with_suffix(".md")
        write_file(
            fallback,
            render(
                conference, "md", nation=nation, previous=previous, story=story, statutory=statutory
            ),
            replace=replace,
        )
        return Written(
            fallback, f"No {fmt.upper()}: {error}. The Markdown minutes were written instead."
        )
    write_file(path, data, replace=replace)
    return Written(path)


def safe_file_name(name: str) -> str:
    """A file name typed in the export dialog; refuses anything that would leave the folder."""
    name = name.strip()
    if not name or name in (".", "..") or "/" in name or "\\" in name or "\x00" in name:
        raise ExportError("give a plain file name, without folders")
    return name


__all__ = [
    "FORMATS",
    "RECORDING_INDEX",
    "ExportError",
    "Written",
    "default_file_name",
    "export_minutes",
    "render",
    "safe_file_name",
    "to_markdown",
    "write_file",
]
