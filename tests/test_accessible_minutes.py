"""Accessible minutes: the DOCX passes a check of its XML (title, language, headings in order,
marked header rows, no empty paragraphs as spacing, text alternatives, the marking in header
and footer only), the PDF is tagged PDF/UA-1 with fonts embedded and text in reading order,
and Markdown, DOCX and PDF say the same thing."""

from __future__ import annotations

import io
import re
import subprocess
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from ctxtui.cli.demo import demo_conference
from ctxtui.export import render
from ctxtui.export.markup import MARKING
from ctxtui.export.pdf import typst_string
from ctxtui.meeting.meeting import Meeting
from ctxtui.meeting.service import story_so_far

from .test_export_markdown import NASTY
from .test_story_and_report import _chain_of_three

NATION = "england-and-wales"


def _docx_problems(data: bytes) -> list[str]:
    """Everything in the DOCX an accessibility check would fail."""
    document = docx.Document(io.BytesIO(data))
    problems = []
    if not document.core_properties.title:
        problems.append("no document title")
    if document.core_properties.language != "en-GB":
        problems.append(f"language {document.core_properties.language!r}")
    defaults = document.styles.element.find(qn("w:docDefaults"))
    langs = (
        [e.get(qn("w:val")) for e in defaults.iter(qn("w:lang"))] if defaults is not None else []
    )
    if "en-GB" not in langs:
        problems.append("the text's default language is not en-GB")
    level = 0
    body = document.element.body
    for paragraph in document.paragraphs:
        style = paragraph.style.name if paragraph.style is not None else ""
        found = re.fullmatch(r"Heading (\d)", style) or (style == "Title" and re.match("", ""))
        if found:
            new = int(found.group(1)) if style != "Title" else 1
            if new > level + 1:
                problems.append(f"heading level {new} after {level}: {paragraph.text!r}")
            level = new
        if paragraph.text.strip() == MARKING:
            problems.append("the marking in the body")
        element = paragraph._p
        holds = (
            element.find(f".//{qn('w:drawing')}") is not None
            or element.find(f".//{qn('w:sectPr')}") is not None
        )
        if not paragraph.text.strip() and not holds:
            problems.append("an empty paragraph used as spacing")
    for number, table in enumerate(document.tables):
        first = table.rows[0]._tr.trPr
        if first is None or first.find(qn("w:tblHeader")) is None:
            problems.append(f"table {number + 1} has no marked header row")
    for properties in body.iter(qn("wp:docPr")):
        if not (properties.get("descr") or "").strip():
            problems.append("a picture without a text alternative")
    return problems


@pytest.fixture
def chain_minutes(store, clock):
    ids = _chain_of_three(store, clock)
    meeting = Meeting(store, ids[-1], clock)
    meeting.close_context("risk-reduced", "", ["Priya Okafor"], "")
    meeting.flush()
    conference = meeting.conference
    meeting.close()
    return conference, story_so_far(store, conference)


def test_the_docx_passes_the_accessibility_check(chain_minutes):
    from bench.export_bench import big_conference

    conference, story = chain_minutes
    with_chart = render(conference, "docx", nation=NATION, story=story)
    assert _docx_problems(with_chart) == []
    assert docx.Document(io.BytesIO(with_chart)).core_properties.title.startswith(
        "Review context conference minutes: Kestrel"
    )
    assert _docx_problems(render(big_conference(), "docx", nation=NATION)) == []
    assert _docx_problems(render(demo_conference(), "docx", nation=NATION)) == []


def test_the_check_can_fail():
    data = render(demo_conference(), "docx", nation=NATION)
    document = docx.Document(io.BytesIO(data))
    document.core_properties.title = ""
    document.add_paragraph("")
    document.tables[0].rows[0]._tr.trPr.remove(
        document.tables[0].rows[0]._tr.trPr.find(qn("w:tblHeader"))
    )
    out = io.BytesIO()
    document.save(out)
    problems = _docx_problems(out.getvalue())
    assert "no document title" in problems
    assert "an empty paragraph used as spacing" in problems
    assert "table 1 has no marked header row" in problems


def _pdf(data: bytes, tmp_path: Path, name: str = "minutes.pdf") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _run(*command: str) -> str:
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


def test_the_pdf_is_tagged_pdf_ua_with_fonts_embedded(chain_minutes, tmp_path):
    conference, story = chain_minutes
    data = render(conference, "pdf", nation=NATION, story=story)
    path = _pdf(data, tmp_path)
    info = _run("pdfinfo", str(path))
    assert "Tagged:          yes" in info
    assert "Title:           Review context conference minutes: Kestrel" in info
    assert b"pdfuaid:part" in data and b"<pdfuaid:part>1</pdfuaid:part>" in data
    assert re.search(rb"/Lang\s*\(en-GB\)", data)
    fonts = _run("pdffonts", str(path)).splitlines()[2:]
    assert fonts and all(line.split()[-5] == "yes" for line in fonts)  # emb
    sizes = re.findall(
        r"Page +\d+ size: +([\d.]+) x ([\d.]+)", _run("pdfinfo", "-f", "1", "-l", "30", str(path))
    )
    landscape = [float(w) > float(h) for w, h in sizes]
    assert any(landscape) and not landscape[0] and not landscape[-1]
    text = _run("pdftotext", str(path), "-")
    assert f"Page 1 of {len(sizes)}" in text
    assert text.count(MARKING) >= 2 * len(sizes)  # header and footer of every page
    archive = render(conference, "pdf", nation=NATION, story=story, archive=True)
    assert b"pdfaid:part" in archive and b"pdfuaid:part" in archive


def _headings(markdown: str) -> list[str]:
    return [line.lstrip("#").strip() for line in markdown.splitlines() if line.startswith("#")]


def _in_order(text: str, wanted: list[str]) -> list[str]:
    """The ``wanted`` lines not found in ``text`` after the one before (reading order)."""
    flat = " ".join(text.split())
    missing, at = [], 0
    for line in wanted:
        found = flat.find(" ".join(line.split()), at)
        if found < 0:
            missing.append(line)
        else:
            at = found
    return missing


def test_the_three_formats_say_the_same_thing_in_the_same_order(chain_minutes, tmp_path):
    conference, story = chain_minutes
    markdown = render(conference, "md", nation=NATION, story=story).decode()
    headings = [h.replace("\\", "") for h in _headings(markdown)]
    pdf_text = _run(
        "pdftotext",
        "-raw",
        str(_pdf(render(conference, "pdf", nation=NATION, story=story), tmp_path)),
        "-",
    )
    document = docx.Document(io.BytesIO(render(conference, "docx", nation=NATION, story=story)))
    docx_text = "\n".join(p.text for p in document.paragraphs)
    docx_headings = [
        p.text for p in document.paragraphs if p.style.name.startswith(("Heading", "Title"))
    ]
    assert docx_headings == headings
    assert _in_order(pdf_text, headings) == []
    bare = "".join(pdf_text.split())  # cells wrap at any space
    for point in conference.points.concerns + conference.safety_goals:
        assert "".join(point.split()) in bare
        assert point in docx_text or point in markdown
    for action in conference.actions:
        assert "".join(action.intervention.split()) in bare


def test_hostile_text_stays_text_in_the_pdf(tmp_path):
    conference = demo_conference()
    conference.points.concerns = [
        *NASTY,
        '#read("/etc/hostname")',
        '#image("/etc/x.png")',
        "$ x $",
        "newer than the emoji font: \U0001f970\u200d\U0001f970",
    ]
    conference.context.name = 'Place "quoted" \\ #set page(flipped: true)'
    data = render(conference, "pdf", nation=NATION)
    text = " ".join(_run("pdftotext", str(_pdf(data, tmp_path)), "-").split())
    assert '#read("/etc/hostname")' in text
    assert "INJECTED" in text  # shown as the text typed, not run
    assert Path("/etc/hostname").read_text().strip() not in text.replace("hostname", "")
    assert "emoji 🙂👍 and" in text  # drawn by the emoji font, the skin tone left out
    face = "(smiling face with smiling eyes and three hearts)"
    assert f"emoji font: {face}{face}" in text  # no font has it: named, not lost
    assert b"/URI" not in data  # no links
    title = _run("pdfinfo", str(_pdf(data, tmp_path, "t.pdf")))
    assert 'Place "quoted" \\ #set page(flipped: true)' in title
    assert typst_string('a"b\\c\nd') == 'a\\"b\\\\c d'


def test_pdf_export_and_send_from_the_command_line(store, cli, clock, tmp_path):
    ids = _chain_of_three(store, clock)
    out = tmp_path / "minutes.pdf"
    assert cli.ok("export", ids[-1], "--format", "pdf", "--out", str(out)).strip() == str(out)
    assert out.read_bytes().startswith(b"%PDF")
    archived = tmp_path / "archive.pdf"
    cli.ok("export", ids[-1], "--format", "pdf", "--archive", "--out", str(archived))
    assert b"pdfaid:part" in archived.read_bytes()
    assert cli("export", ids[-1], "--format", "docx", "--archive").returncode == 2
    events = [e for e in store.audit.events() if e.action == "export"]
    assert any(e.detail == f"pdf {out}" for e in events)
