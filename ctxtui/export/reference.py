"""Builds ``reference.docx``, the style sheet pandoc applies to exported minutes.

Run ``python -m ctxtui.export.reference`` after a pandoc upgrade and commit the file: it starts
from pandoc's own default reference document and changes fonts, sizes, table borders, the page
(A4, narrower margins) and adds an OFFICIAL-SENSITIVE header and a footer to every page.
"""

from __future__ import annotations

import re
import sys
import tempfile
import zipfile
from pathlib import Path

from ctxtui.export.docx import REFERENCE
from ctxtui.export.markup import MARKING
from ctxtui.export.pandoc import run_pandoc

FOOTER = "Context conference minutes: share only with the agencies invited to the conference"

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PART = "application/vnd.openxmlformats-officedocument.wordprocessingml"

FONT = '<w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:eastAsia="Arial" w:cs="Arial" />'


def _paragraph(text: str, *, bold: bool, size: int) -> str:
    bold_tag = "<w:b />" if bold else ""
    return (
        f'<w:p><w:pPr><w:jc w:val="center" /></w:pPr><w:r><w:rPr>{FONT}{bold_tag}'
        f'<w:sz w:val="{size}" /></w:rPr><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'
    )


def _header() -> str:
    body = _paragraph(MARKING, bold=True, size=20)
    return f'<?xml version="1.0" encoding="UTF-8"?><w:hdr {W}>{body}</w:hdr>'


def _page_numbers(size: int) -> str:
    """Page 2 of 5: Word and LibreOffice fill in the two fields."""

    def run(text: str) -> str:
        style = f'<w:rPr>{FONT}<w:sz w:val="{size}" /></w:rPr>'
        return f'<w:r>{style}<w:t xml:space="preserve">{text}</w:t></w:r>'

    def field(name: str) -> str:
        return f'<w:fldSimple w:instr=" {name} ">{run("1")}</w:fldSimple>'

    return (
        '<w:p><w:pPr><w:jc w:val="center" /></w:pPr>'
        f"{run('Page ')}{field('PAGE')}{run(' of ')}{field('NUMPAGES')}</w:p>"
    )


def _footer() -> str:
    body = (
        _paragraph(MARKING, bold=True, size=16)
        + _paragraph(FOOTER, bold=False, size=16)
        + _page_numbers(16)
    )
    return f'<?xml version="1.0" encoding="UTF-8"?><w:ftr {W}>{body}</w:ftr>'


def _styles(xml: str) -> str:
    # Body text: Arial 10.5pt, British English.
    xml = re.sub(
        r"<w:rPrDefault>.*?</w:rPrDefault>",
        f'<w:rPrDefault><w:rPr>{FONT}<w:sz w:val="21" /><w:szCs w:val="21" />'
        '<w:lang w:val="en-GB" w:eastAsia="en-GB" w:bidi="ar-SA" /></w:rPr></w:rPrDefault>',
        xml,
        count=1,
        flags=re.S,
    )
    # Headings and title in the body font, sober sizes, left-aligned title.
    for style, size in (("Title", 36), ("Heading1", 28), ("Heading2", 24), ("Heading3", 22)):
        xml = re.sub(
            rf'(<w:style [^>]*w:styleId="{style}".*?<w:rPr>).*?(</w:rPr>)',
            rf'\g<1>{FONT}<w:b /><w:color w:val="1F3864" /><w:sz w:val="{size}" />'
            rf'<w:szCs w:val="{size}" />\g<2>',
            xml,
            count=1,
            flags=re.S,
        )
    xml = re.sub(
        r'(<w:style [^>]*w:styleId="Title".*?)<w:jc w:val="center" />',
        r"\1",
        xml,
        count=1,
        flags=re.S,
    )
    # Tables: a thin grid, 9pt text, a shaded bold header row.
    table = (
        '<w:style w:type="table" w:default="1" w:styleId="Table"><w:name w:val="Table" />'
        '<w:basedOn w:val="TableNormal" /><w:qFormat />'
        '<w:rPr><w:sz w:val="18" /><w:szCs w:val="18" /></w:rPr>'
        '<w:tblPr><w:tblInd w:w="0" w:type="dxa" /><w:tblBorders>'
        + "".join(
            f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="808080" />'
            for side in ("top", "left", "bottom", "right", "insideH", "insideV")
        )
        + '</w:tblBorders><w:tblCellMar><w:top w:w="28" w:type="dxa" />'
        '<w:left w:w="85" w:type="dxa" /><w:bottom w:w="28" w:type="dxa" />'
        '<w:right w:w="85" w:type="dxa" /></w:tblCellMar></w:tblPr>'
        '<w:tblStylePr w:type="firstRow"><w:rPr><w:b /></w:rPr><w:tcPr>'
        '<w:shd w:val="clear" w:color="auto" w:fill="D9E2F3" /></w:tcPr></w:tblStylePr>'
        "</w:style>"
    )
    xml = re.sub(
        r'<w:style w:type="table" w:default="1" w:styleId="Table">.*?</w:style>',
        table,
        xml,
        count=1,
        flags=re.S,
    )
    return xml


def _document(xml: str) -> str:
    section = (
        '<w:sectPr><w:headerReference w:type="default" r:id="rIdCtxHeader" />'
        '<w:footerReference w:type="default" r:id="rIdCtxFooter" />'
        '<w:footnotePr><w:numRestart w:val="eachSect" /></w:footnotePr>'
        '<w:pgSz w:w="11906" w:h="16838" />'
        '<w:pgMar w:top="1134" w:right="1021" w:bottom="1134" w:left="1021" w:header="567" '
        'w:footer="567" w:gutter="0" /></w:sectPr>'
    )
    xml = re.sub(r"<w:sectPr>.*?</w:sectPr>", section, xml, count=1, flags=re.S)
    if "xmlns:r=" not in xml[:2000]:
        xml = xml.replace("<w:document ", f"<w:document {R} ", 1)
    return xml


def _relationships(xml: str) -> str:
    extra = (
        f'<Relationship Type="{REL}/header" Id="rIdCtxHeader" Target="header1.xml" />'
        f'<Relationship Type="{REL}/footer" Id="rIdCtxFooter" Target="footer1.xml" />'
    )
    return xml.replace("</Relationships>", extra + "</Relationships>")


def _content_types(xml: str) -> str:
    extra = (
        f'<Override PartName="/word/header1.xml" ContentType="{PART}.header+xml" />'
        f'<Override PartName="/word/footer1.xml" ContentType="{PART}.footer+xml" />'
    )
    return xml.replace("</Types>", extra + "</Types>")


def build(out: Path = REFERENCE) -> Path:

    with tempfile.TemporaryDirectory() as folder:
        default = Path(folder) / "default.docx"
        default.write_bytes(run_pandoc(["--print-default-data-file", "reference.docx"], ""))
        changes = {
            "word/styles.xml": _styles,
            "word/document.xml": _document,
            "word/_rels/document.xml.rels": _relationships,
            "[Content_Types].xml": _content_types,
        }
        with (
            zipfile.ZipFile(default) as source,
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
        ):
            for item in source.infolist():
                data = source.read(item.filename)
                if item.filename in changes:
                    data = changes[item.filename](data.decode("utf-8")).encode("utf-8")
                target.writestr(item, data)
            target.writestr("word/header1.xml", _header())
            target.writestr("word/footer1.xml", _footer())
    return out


if __name__ == "__main__":
    print(build(Path(sys.argv[1]) if len(sys.argv) > 1 else REFERENCE))
