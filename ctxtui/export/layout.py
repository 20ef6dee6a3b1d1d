"""Finishing the DOCX after pandoc: what the Markdown cannot say, done with python-docx on the
document pandoc wrote (raw OpenXML stays off in the Markdown reader, for safety).

- the intervention plan on landscape pages of its own, its columns sized to their content;
- table rows never split across pages, header rows repeated;
- the OFFICIAL-SENSITIVE marking in the header and footer only (the Markdown keeps it on top).
"""

from __future__ import annotations

import copy
import io
from collections.abc import Sequence
from dataclasses import dataclass
from typing import cast

from docx import Document
from docx.document import Document as DocxDocument
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Inches
from docx.table import Table
from docx.text.paragraph import Paragraph

A4_SHORT, A4_LONG = 11906, 16838  # twips


@dataclass(frozen=True)
class Picture:
    """A picture put after the first table under ``after_heading``, with its text
    alternative (read out by a screen reader) and a short title."""

    png: bytes
    alt: str
    title: str
    after_heading: str


def finish(
    data: bytes,
    *,
    marking: str,
    landscape_heading: str,
    landscape_shares: Sequence[int],
    landscape_from: str | None = None,
    picture: Picture | None = None,
    title: str = "",
    language: str = "en-GB",
) -> bytes:
    """The DOCX ``data`` with the layout above applied. The landscape pages start at the heading
    ``landscape_from`` (else ``landscape_heading``) and end after the table under
    ``landscape_heading``."""
    document = Document(io.BytesIO(data))
    _describe(document, title, language)
    _drop_marking(document, marking)
    for table in document.tables:
        _keep_rows_whole(table)
    _landscape_table_after(
        document, landscape_heading, landscape_shares, landscape_from or landscape_heading
    )
    if picture is not None:
        _add_picture(document, picture)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _describe(document: DocxDocument, title: str, language: str) -> None:
    """The title and language a screen reader announces: in the document's properties, and
    as the language of every run that does not set its own."""
    document.core_properties.title = title
    document.core_properties.language = language
    defaults = document.styles.element.find(qn("w:docDefaults"))
    if defaults is None:
        return
    run_defaults = _child(defaults, "w:rPrDefault", first=True)
    _child(_child(run_defaults, "w:rPr"), "w:lang").set(qn("w:val"), language)


def _child(parent: BaseOxmlElement, tag: str, *, first: bool = False) -> BaseOxmlElement:
    """``parent``'s child ``tag``, made (first or last among its children) if it has none."""
    child = parent.find(qn(tag))
    if child is None:
        child = OxmlElement(tag)
        if first:
            parent.insert(0, child)
        else:
            parent.append(child)
    return cast(BaseOxmlElement, child)


def _add_picture(document: DocxDocument, picture: Picture) -> None:
    heading = _heading(document, picture.after_heading)
    if heading is None:
        return
    anchor = heading._p.getnext()
    while anchor is not None and anchor.tag != qn("w:tbl"):
        anchor = anchor.getnext()
    paragraph = document.add_paragraph()
    paragraph.add_run().add_picture(io.BytesIO(picture.png), width=Inches(6))
    for properties in paragraph._p.iter(qn("wp:docPr")):
        properties.set("descr", picture.alt)
        properties.set("title", picture.title)
    (anchor if anchor is not None else heading._p).addnext(paragraph._p)


def _drop_marking(document: DocxDocument, marking: str) -> None:
    first = next(document.element.body.iterchildren(qn("w:p")), None)
    if first is not None and Paragraph(first, document._body).text.strip() == marking:
        first.getparent().remove(first)


def _keep_rows_whole(table: Table) -> None:
    for number, row in enumerate(table.rows):
        properties = row._tr.get_or_add_trPr()
        if properties.find(qn("w:cantSplit")) is None:
            properties.append(OxmlElement("w:cantSplit"))
        if number == 0 and properties.find(qn("w:tblHeader")) is None:
            properties.append(OxmlElement("w:tblHeader"))


def _heading(document: DocxDocument, text: str) -> Paragraph | None:
    return next(  # style first: reading every paragraph's text costs more than the rest
        (
            Paragraph(p, document._body)
            for p in document.element.body.iterchildren(qn("w:p"))
            if _heading_style(p) and Paragraph(p, document._body).text.strip() == text
        ),
        None,
    )


def _landscape_table_after(
    document: DocxDocument, heading: str, shares: Sequence[int], start_heading: str
) -> None:
    """Put ``start_heading`` up to the table under ``heading`` on landscape pages between two
    section breaks."""
    body = document.element.body
    found = _heading(document, heading)
    start = _heading(document, start_heading)
    if found is None or start is None:
        return
    table = found._element.getnext()
    while table is not None and table.tag != qn("w:tbl"):
        if table.tag == qn("w:p") and _is_heading(Paragraph(table, found._parent)):
            return  # no table under this heading (no actions agreed)
        table = table.getnext()
    if table is None:
        return
    portrait = body.sectPr
    start._element.addprevious(_section_break(copy.deepcopy(portrait)))
    landscape = copy.deepcopy(portrait)
    size = landscape.find(qn("w:pgSz"))
    size.set(qn("w:w"), str(A4_LONG))
    size.set(qn("w:h"), str(A4_SHORT))
    size.set(qn("w:orient"), "landscape")
    table.addnext(_section_break(landscape))
    margins = landscape.find(qn("w:pgMar"))
    width = A4_LONG - int(margins.get(qn("w:left"))) - int(margins.get(qn("w:right")))
    _size_columns(table, width, shares)


def _is_heading(paragraph: Paragraph) -> bool:
    return _heading_style(paragraph._element)


def _heading_style(element: BaseOxmlElement) -> bool:
    style = element.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
    return style is not None and style.get(qn("w:val"), "").lower().startswith("heading")


def _section_break(section_properties: BaseOxmlElement) -> BaseOxmlElement:
    """An empty paragraph that ends a section with these page settings."""
    paragraph = OxmlElement("w:p")
    properties = OxmlElement("w:pPr")
    properties.append(section_properties)
    paragraph.append(properties)
    return paragraph


def _size_columns(table: BaseOxmlElement, width: int, shares: Sequence[int]) -> None:
    grid = table.find(qn("w:tblGrid"))
    columns = grid.findall(qn("w:gridCol")) if grid is not None else []
    if len(columns) != len(shares):
        return
    total = sum(shares)
    widths = [width * share // total for share in shares]
    for column, twips in zip(columns, widths, strict=True):
        column.set(qn("w:w"), str(twips))
    for row in table.findall(qn("w:tr")):
        for cell, twips in zip(row.findall(qn("w:tc")), widths, strict=False):
            cell_width = _child(_child(cell, "w:tcPr", first=True), "w:tcW", first=True)
            cell_width.set(qn("w:w"), str(twips))
            cell_width.set(qn("w:type"), "dxa")
