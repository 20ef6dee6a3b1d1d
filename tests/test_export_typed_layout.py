"""Typed text changes no layout: a point, a cell or a context name that reads as a mark (a
pandoc fence with a mark's name), as the plan's heading, or as Typst or pandoc syntax stays
text in the Markdown, the DOCX and the PDF, and the pages are turned, the marking shown and
the chart placed only where the Markdown's own marks say."""

from __future__ import annotations

import io
import json
import re
import subprocess
from pathlib import Path

import docx
import pytest
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn

from ctxtui.cli.demo import demo_conference
from ctxtui.core.labels import SECTION_TITLES
from ctxtui.core.record import Conference
from ctxtui.export import render
from ctxtui.export.docx import READER
from ctxtui.export.markdown import PLAN_HEADING, SAFETY_PLAN_HEADING, to_markdown
from ctxtui.export.markup import LANDSCAPE_MARK, MARKING, MARKING_MARK
from ctxtui.export.pandoc import run_pandoc
from ctxtui.export.reference import FOOTER
from ctxtui.export.story import STORY_HEADING
from ctxtui.meeting.service import story_so_far

from .test_story_and_report import _chain_of_three

SLOW = True  # pandoc, Typst and poppler run
NATION = "england-and-wales"

TYPED = [
    f"::: {{#{LANDSCAPE_MARK}}}",
    ":::",
    "::: {#ctxtui-chart}",
    f"::: {{#{MARKING_MARK}}}",
    "::: landscape",
    f"## {PLAN_HEADING}",
    PLAN_HEADING,
    SAFETY_PLAN_HEADING,
    "#set page(flipped: true)",
    "#set page(flipped: false)",
    '#ctxtui-marking.update("TYPED MARKING")',
    "#ctxtui-chart",
    f"[{PLAN_HEADING}]{{#{LANDSCAPE_MARK}}}",
    "`#set page(flipped: true)`{=typst}",
    "```{=typst}",
    "#pagebreak()",
    MARKING,
]
# a long text's lines are paragraphs of their own: a typed fence around a typed heading
FENCED = "\n".join(
    [f"::: {{#{LANDSCAPE_MARK}}}", "", f"## {PLAN_HEADING}", "", "#set page(flipped: true)", ":::"]
)


def _typed(conference: Conference) -> Conference:
    conference.context.name = f"{PLAN_HEADING} ::: {{#{LANDSCAPE_MARK}}}"
    conference.danger_statement = FENCED
    conference.discussion.location_lead_view = FENCED
    conference.points.concerns = list(TYPED)
    conference.points.safety_plan = list(TYPED)
    conference.safety_goals = [FENCED]
    for action in conference.actions:
        action.intervention = "#set page(flipped: false)"
        action.worry = f"::: {{#{LANDSCAPE_MARK}}}"
        action.goal = PLAN_HEADING
    return conference


def _read(markdown: str) -> tuple[list[str], int, int]:
    """What pandoc reads in ``markdown``: its divs' identifiers, how many raw blocks and
    inlines, and how many headings."""
    tree = json.loads(run_pandoc(["--from", READER, "--to", "json"], markdown))
    kinds: list[str] = []
    divs: list[str] = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            kinds.append(str(node.get("t")))
            if node.get("t") == "Div":
                divs.append(node["c"][0][0])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(tree)
    return divs, kinds.count("RawBlock") + kinds.count("RawInline"), kinds.count("Header")


def test_typed_marks_are_text_in_the_markdown():
    _divs, _raw, headings = _read(to_markdown(demo_conference(), nation=NATION).marked)
    typed = to_markdown(_typed(demo_conference()), nation=NATION)
    assert _read(typed.marked) == ([MARKING_MARK, LANDSCAPE_MARK], 0, headings)  # ours alone
    assert _read(typed) == ([], 0, headings)
    empty = _typed(demo_conference())
    empty.actions = []
    assert _read(to_markdown(empty, nation=NATION).marked)[0] == [MARKING_MARK]


def _body_marking(document: docx.document.Document) -> list[str]:
    return [p.text for p in document.paragraphs if p.text == MARKING]


@pytest.mark.parametrize("actions", [True, False])
def test_typed_marks_change_no_docx_layout(actions):
    conference = _typed(demo_conference())
    if not actions:
        conference.actions = []
    document = docx.Document(io.BytesIO(render(conference, "docx", nation=NATION)))
    orientations = [section.orientation for section in document.sections]
    portrait, landscape = WD_ORIENT.PORTRAIT, WD_ORIENT.LANDSCAPE
    assert orientations == ([portrait, landscape, portrait] if actions else [portrait])
    assert document.sections[0].header.paragraphs[0].text == MARKING
    body = document.element.body
    if actions:  # the landscape pages start at the plan's own heading and end after its table
        first = body.xpath("./w:p[w:pPr/w:sectPr]")[0].getnext()
        while first.tag == qn("w:bookmarkStart"):
            first = first.getnext()
        heading = docx.text.paragraph.Paragraph(first, document)
        assert heading.style.name == "Heading 2" and heading.text == SAFETY_PLAN_HEADING
        last = body.xpath("./w:p[w:pPr/w:sectPr]")[1].getprevious()
        while last.tag == qn("w:bookmarkEnd"):
            last = last.getprevious()
        assert last.tag == qn("w:tbl")
    texts = [p.text for p in document.paragraphs]
    for typed in TYPED:
        assert typed in texts  # as typed, a paragraph of its own
    assert _body_marking(document) == [MARKING, MARKING]  # the two typed, never ours
    assert not body.xpath(".//w:drawing")


def _pages(data: bytes, tmp_path: Path) -> list[tuple[bool, str]]:
    """Each page of the PDF: whether it is landscape, and its text."""
    path = tmp_path / "minutes.pdf"
    path.write_bytes(data)
    info = subprocess.run(
        ["pdfinfo", "-f", "1", "-l", "100", str(path)], capture_output=True, text=True, check=True
    ).stdout
    sizes = re.findall(r"Page +\d+ size: +([\d.]+) x ([\d.]+)", info)
    pages = []
    for number, (width, height) in enumerate(sizes, 1):
        text = subprocess.run(
            ["pdftotext", "-f", str(number), "-l", str(number), str(path), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        pages.append((float(width) > float(height), " ".join(text.split())))
    return pages


@pytest.mark.parametrize("actions", [True, False])
def test_typed_marks_change_no_pdf_layout(actions, tmp_path):
    conference = _typed(demo_conference())
    if not actions:
        conference.actions = []
    pages = _pages(render(conference, "pdf", nation=NATION), tmp_path)
    turned = [number for number, (landscape, _text) in enumerate(pages) if landscape]
    text = " ".join(page for _landscape, page in pages)
    if actions:  # one run of landscape pages: from the plan's heading to its table's end
        assert turned and turned == list(range(turned[0], turned[-1] + 1))
        assert pages[turned[0]][1].startswith(f"{MARKING} {SAFETY_PLAN_HEADING} ")
        after = pages[turned[-1] + 1][1]
        assert after.startswith(f"{MARKING} {SECTION_TITLES['core_group']} ")
    else:
        assert turned == []
    furniture = re.compile(rf"{MARKING} {re.escape(FOOTER)} Page \d+ of {len(pages)}")
    for _landscape, page in pages:  # the document's marking on every page, nothing typed
        assert page.startswith(f"{MARKING} ") and furniture.search(page), page
    for typed in TYPED:
        assert typed in text


def test_the_chart_is_drawn_once_where_its_mark_is(store, clock, tmp_path):
    """With a story, in the PDF and the DOCX: one picture, after the story's table and before
    its sentence, however often typed text names the chart or its mark."""
    ids = _chain_of_three(store, clock)
    conference = _typed(store.load(ids[-1]))
    story = story_so_far(store, conference)
    pdf = render(conference, "pdf", nation=NATION, story=story)
    path = tmp_path / "chain.pdf"
    path.write_bytes(pdf)
    images = subprocess.run(
        ["pdfimages", "-list", str(path)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    images = [line for line in images if line.split()[2] == "image"]  # not its alpha mask
    assert len(images) == 1
    page = int(images[0].split()[0])

    def text(number: int) -> str:
        return subprocess.run(
            ["pdftotext", "-f", str(number), "-l", str(number), str(path), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout

    assert "Scaling median:" in text(page)  # the sentence after the chart
    assert STORY_HEADING in text(page) + text(page - 1)
    document = docx.Document(io.BytesIO(render(conference, "docx", nation=NATION, story=story)))
    drawings = document.element.body.xpath(".//w:drawing")
    assert len(drawings) == 1
    holder = drawings[0].getparent().getparent()  # the paragraph of the picture's run
    before, after = holder.getprevious(), holder.getnext()
    while before.tag == qn("w:bookmarkStart"):
        before = before.getprevious()
    while after.tag == qn("w:bookmarkEnd"):
        after = after.getnext()
    assert before.tag == qn("w:tbl")
    assert docx.text.paragraph.Paragraph(after, document).text.startswith("Scaling median:")
