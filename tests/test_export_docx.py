"""DOCX export read back with python-docx: each string in its section or cell, nothing injected."""

from __future__ import annotations

import io
import json
import subprocess
import time
import zipfile

import docx
import pytest

from ctxtui.cli.demo import demo_conference
from ctxtui.core.record import Action, Conference
from ctxtui.export import render
from ctxtui.export.docx import markdown_to_docx
from ctxtui.export.markdown import PLAN_COLUMNS, to_markdown

from .test_export_markdown import NASTY, normalise
from .test_plan_and_scaling_screens import APPENDIX_A

SLOW = True  # pandoc and LibreOffice: not in make test-quick

NATION = "england-and-wales"


def read(data: bytes) -> docx.document.Document:
    return docx.Document(io.BytesIO(data))


def paragraphs_by_heading(document) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    current = ""
    for paragraph in document.paragraphs:
        if paragraph.style.name.startswith("Heading"):
            current = paragraph.text
            found[current] = []
        elif paragraph.text:
            found.setdefault(current, []).append(paragraph.text)
    return found


def table_after(document, heading: str):
    """The first table that follows the heading with this text."""
    body = document.element.body
    seen = False
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p" and docx.text.paragraph.Paragraph(child, document).text == heading:
            seen = True
        elif tag == "tbl" and seen:
            return docx.table.Table(child, document)
    raise AssertionError(f"no table after {heading!r}")


def cells(table) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in table.rows]


@pytest.fixture(scope="module")
def demo_docx():
    return read(render(demo_conference(), "docx", nation=NATION))


def test_looks_like_minutes(demo_docx):
    headings = [p.text for p in demo_docx.paragraphs if p.style.name.startswith("Heading")]
    assert headings[0].startswith("Context conference minutes: Kestrel Fields")
    assert headings[1:5] == ["Details", "Attendance", "Present", "Apologies"]
    assert "Intervention plan" in headings and headings[-1] == "Confidentiality"
    header = demo_docx.sections[0].header.paragraphs[0].text
    assert header == "OFFICIAL-SENSITIVE"
    assert "OFFICIAL-SENSITIVE" in demo_docx.sections[0].footer.paragraphs[0].text
    details = dict(cells(table_after(demo_docx, "Details"))[1:])
    assert details["Venue"] == "Kestrel Fields Community Hall"
    assert details["Conference date and time"] == "Tuesday 20 January 2026, 10:00–12:00"
    section = demo_docx.sections[0]
    assert round(section.page_width.cm) == 21  # A4


def test_every_point_is_under_its_heading(demo_docx):
    conference = demo_conference()
    found = paragraphs_by_heading(demo_docx)
    assert found["Complicating factors"] == conference.points.complicating
    assert found["Safety goals"] == conference.safety_goals
    assert found["Danger statement"] == [conference.danger_statement]


def test_plan_table_has_the_columns_and_every_row(demo_docx):
    conference = demo_conference()
    rows = cells(table_after(demo_docx, "Intervention plan"))
    assert rows[0] == [heading for _, heading, _ in PLAN_COLUMNS]
    assert len(rows) == len(conference.actions) + 1
    first = conference.actions[0]
    assert rows[1] == [
        first.worry,
        first.helping,
        first.goal,
        first.intervention,
        first.agency,
        first.timescale,
        f"{first.status} – {first.progress}",
    ]
    widths = [column.width for column in table_after(demo_docx, "Intervention plan").columns]
    assert widths[3] == max(widths) and widths[3] > widths[5]  # intervention widest


def test_appendix_a_plan_exports_row_for_row():
    conference = Conference(actions=[Action(*row) for row in APPENDIX_A])
    rows = cells(table_after(read(render(conference, "docx", nation=NATION)), "Intervention plan"))
    assert len(rows) == 1 + len(APPENDIX_A) and all(len(r) == 7 for r in rows)
    for got, row in zip(rows[1:], APPENDIX_A, strict=True):
        assert got == [*row, "open"]


def test_hostile_text_shows_as_text_and_adds_nothing(tmp_path):
    conference = demo_conference()
    conference.points.concerns = list(NASTY)
    conference.actions[0].intervention = NASTY[1]
    data = render(conference, "docx", nation=NATION)
    document = read(data)
    assert paragraphs_by_heading(document)["Current concerns / risks / vulnerabilities"] == [
        normalise(text) for text in NASTY
    ]
    plan = cells(table_after(document, "Intervention plan"))
    assert plan[1][3] == normalise(NASTY[1])
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        names = package.namelist()
        xml = package.read("word/document.xml").decode()
    assert not [n for n in names if n.startswith("word/media")]  # the image embedded no file
    assert "<w:t>INJECTED</w:t>" not in xml and "&lt;w:p&gt;" in xml
    assert "hostname" in xml and "<w:drawing" not in xml and "<w:hyperlink" not in xml


def test_big_conference_costs_about_one_pandoc_run():
    from bench.export_bench import big_conference

    conference = big_conference()
    markdown = to_markdown(conference)
    markdown_to_docx(markdown)  # warm the disk cache for both
    bare = []
    ours = []
    for _ in range(3):
        start = time.perf_counter()
        markdown_to_docx(markdown)
        bare.append(time.perf_counter() - start)
        start = time.perf_counter()
        render(conference, "docx", nation=NATION)
        ours.append(time.perf_counter() - start)
    # ours = Markdown + one pandoc run + the layout finish (about 0.03-0.06 s with python-docx)
    assert min(ours) / min(bare) < 1.6


def test_cli_exports_md_and_docx_and_falls_back_without_pandoc(cli, tmp_path):
    source = tmp_path / "demo.json"
    source.write_text(json.dumps(demo_conference().to_dict()), encoding="utf-8")
    conference_id = cli.ok("import", str(source)).strip()
    markdown = cli.ok("export", conference_id, "--format", "md")
    assert markdown == to_markdown(demo_conference(), nation=NATION)
    out = tmp_path / "minutes.docx"
    assert cli.ok("export", conference_id, "--format", "docx", "--out", str(out)).strip() == str(
        out
    )
    assert read(out.read_bytes()).sections[0].header.paragraphs[0].text == "OFFICIAL-SENSITIVE"
    again = cli("export", conference_id, "--format", "docx", "--out", str(out))
    assert again.returncode == 2 and "already exists" in again.stderr
    broken = tmp_path / "no-pandoc.docx"
    result = cli(
        "export",
        conference_id,
        "--format",
        "docx",
        "--out",
        str(broken),
        env={"PYPANDOC_PANDOC": str(tmp_path / "missing-pandoc")},
    )
    assert result.returncode == 0, result.stderr
    assert "No DOCX" in result.stderr and result.stderr.count("\n") == 1
    assert not broken.exists() and broken.with_suffix(".md").read_text() == markdown


def test_the_plan_is_on_landscape_pages_and_rows_never_split(demo_docx):
    from docx.enum.section import WD_ORIENT

    orientations = [s.orientation for s in demo_docx.sections]
    assert orientations == [WD_ORIENT.PORTRAIT, WD_ORIENT.LANDSCAPE, WD_ORIENT.PORTRAIT]
    plan = table_after(demo_docx, "Intervention plan")
    widths = [int(col.get(docx.oxml.ns.qn("w:w"))) for col in plan._tbl.tblGrid.gridCol_lst]
    assert widths.index(max(widths)) == 3  # the intervention has the most room
    assert sum(widths) > 14_000  # the landscape width, not the portrait one
    for table in demo_docx.tables:
        rows = table._tbl.tr_lst
        assert rows[0].trPr.find(docx.oxml.ns.qn("w:tblHeader")) is not None
        assert all(row.trPr.find(docx.oxml.ns.qn("w:cantSplit")) is not None for row in rows)


def test_the_marking_is_in_the_header_and_footer_only_with_page_numbers(demo_docx):
    assert all(p.text != "OFFICIAL-SENSITIVE" for p in demo_docx.paragraphs)
    footer = demo_docx.sections[0].footer._element.xml
    assert "PAGE" in footer and "NUMPAGES" in footer


def test_libreoffice_opens_it_as_a_reader_would(tmp_path):
    """A real office suite reads the file (no repair), pages landscape where the plan is."""
    source = tmp_path / "minutes.docx"
    source.write_bytes(render(demo_conference(), "docx", nation=NATION))
    profile = tmp_path / "profile"
    result = subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        capture_output=True,
        text=True,
        timeout=180,
    )
    pdf = tmp_path / "minutes.pdf"
    assert pdf.exists(), result.stderr
    info = subprocess.run(
        ["pdfinfo", "-f", "1", "-l", "20", str(pdf)], capture_output=True, text=True, check=True
    ).stdout
    sizes = [
        line.split(":", 1)[1].split("pts")[0].split("x")
        for line in info.splitlines()
        if line.startswith("Page") and "size" in line
    ]
    landscape = [float(w) > float(h) for w, h in sizes]
    assert any(landscape) and not landscape[0] and not landscape[-1]
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert f"Page 1 of {len(sizes)}" in text
