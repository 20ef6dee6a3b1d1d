"""Finishing the DOCX after pandoc: what the Markdown cannot say, done with python-docx on the
document pandoc wrote (raw OpenXML stays off in the Markdown reader, for safety).

- the part marked for landscape (the plan) on landscape pages of its own, its tables as wide
  as those pages, each column keeping its share (the Markdown table's ruler line gives it);
- the trend chart where its mark is;
- table rows never split across pages, header rows repeated.

Each place is found by its mark: pandoc writes a marked div (``markup.py``) as a bookmark of
the mark's name, around the div's content. No text of the document is read to find anything.
The marking is in the header and footer only (the reference document's): its mark never
reaches the body (``marks.lua``).
"""

from __future__ import annotations

import copy
import io
from dataclasses import dataclass
from typing import cast

from docx import Document
from docx.document import Document as DocxDocument
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Inches
from docx.table import Table

from ctxtui.export.markup import CHART_MARK, LANDSCAPE_MARK, MARKS

A4_SHORT, A4_LONG = 11906, 16838  # twips


@dataclass(frozen=True)
class Picture:
    """A picture put where the chart's mark is, with its text alternative (read out by a
    screen reader) and a short title."""

    png: bytes
    alt: str
    title: str


def finish(
    data: bytes,
    *,
    picture: Picture | None = None,
    title: str = "",
    language: str = "en-GB",
) -> bytes:
    """The DOCX ``data`` (from marked Markdown) with the layout above applied."""
    document = Document(io.BytesIO(data))
    _describe(document, title, language)
    for table in document.tables:
        _keep_rows_whole(table)
    marks = _marks(document)
    if LANDSCAPE_MARK in marks:
        _landscape(document, *marks[LANDSCAPE_MARK])
    if picture is not None and CHART_MARK in marks:
        _add_picture(document, marks[CHART_MARK][0], picture)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _marks(document: DocxDocument) -> dict[str, tuple[BaseOxmlElement, BaseOxmlElement]]:
    """Each mark's bookmark in the body: where it starts and where it ends (the elements
    between are the marked div's content)."""
    starts: dict[str, BaseOxmlElement] = {}
    ends: dict[str, BaseOxmlElement] = {}
    for element in document.element.body.iterchildren(qn("w:bookmarkStart"), qn("w:bookmarkEnd")):
        if element.tag == qn("w:bookmarkStart"):
            if element.get(qn("w:name")) in MARKS:
                starts[element.get(qn("w:id"))] = element
        else:
            ends[element.get(qn("w:id"))] = element
    return {
        start.get(qn("w:name")): (start, ends[number])
        for number, start in starts.items()
        if number in ends
    }


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


def _keep_rows_whole(table: Table) -> None:
    for number, row in enumerate(table.rows):
        properties = row._tr.get_or_add_trPr()
        if properties.find(qn("w:cantSplit")) is None:
            properties.append(OxmlElement("w:cantSplit"))
        if number == 0 and properties.find(qn("w:tblHeader")) is None:
            properties.append(OxmlElement("w:tblHeader"))


def _section_break(section_properties: BaseOxmlElement) -> BaseOxmlElement:
    """An empty paragraph that ends a section with these page settings."""
    paragraph = OxmlElement("w:p")
    properties = OxmlElement("w:pPr")
    properties.append(section_properties)
    paragraph.append(properties)
    return paragraph


def _add_picture(document: DocxDocument, mark: BaseOxmlElement, picture: Picture) -> None:
    paragraph = document.add_paragraph()
    paragraph.add_run().add_picture(io.BytesIO(picture.png), width=Inches(6))
    for properties in paragraph._p.iter(qn("wp:docPr")):
        properties.set("descr", picture.alt)
        properties.set("title", picture.title)
    mark.addnext(paragraph._p)


def _landscape(document: DocxDocument, start: BaseOxmlElement, end: BaseOxmlElement) -> None:
    """The marked part, from ``start`` to ``end``, on landscape pages between two section
    breaks; its tables as wide as the landscape page."""
    portrait = document.element.body.sectPr
    start.addprevious(_section_break(copy.deepcopy(portrait)))
    landscape = copy.deepcopy(portrait)
    size = landscape.find(qn("w:pgSz"))
    size.set(qn("w:w"), str(A4_LONG))
    size.set(qn("w:h"), str(A4_SHORT))
    size.set(qn("w:orient"), "landscape")
    end.addprevious(_section_break(landscape))
    margins = landscape.find(qn("w:pgMar"))
    width = A4_LONG - int(margins.get(qn("w:left"))) - int(margins.get(qn("w:right")))
    element = start.getnext()
    while element is not None and element is not end:
        if element.tag == qn("w:tbl"):
            _widen(element, width)
        element = element.getnext()


def _widen(table: BaseOxmlElement, width: int) -> None:
    """``table``'s columns made ``width`` wide in all, each keeping its share."""
    grid = table.find(qn("w:tblGrid"))
    columns = grid.findall(qn("w:gridCol")) if grid is not None else []
    shares = [int(column.get(qn("w:w"), "0")) for column in columns]
    total = sum(shares)
    if not total:
        return
    widths = [width * share // total for share in shares]
    for column, twips in zip(columns, widths, strict=True):
        column.set(qn("w:w"), str(twips))
    for row in table.findall(qn("w:tr")):
        for cell, twips in zip(row.findall(qn("w:tc")), widths, strict=False):
            cell_width = _child(_child(cell, "w:tcPr", first=True), "w:tcW", first=True)
            cell_width.set(qn("w:w"), str(twips))
            cell_width.set(qn("w:type"), "dxa")
