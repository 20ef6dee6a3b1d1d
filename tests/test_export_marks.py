"""The marks: the Markdown says where the DOCX and the PDF lay something out differently (the
marking, the landscape plan, the chart), and no back end finds a place by its text. The
Markdown for people is the same Markdown without the marks."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from ctxtui.cli.demo import demo_conference
from ctxtui.core.report import service_report
from ctxtui.core.story import Story, facts_of_record
from ctxtui.export import markdown as minutes
from ctxtui.export import story as story_text
from ctxtui.export.markdown import to_markdown
from ctxtui.export.markup import (
    CHART_MARK,
    LANDSCAPE_MARK,
    MARKING,
    MARKING_MARK,
    MARKS,
    Fence,
    MarkdownText,
    for_back_ends,
)

EXPORT = Path(__file__).resolve().parent.parent / "ctxtui" / "export"
# the modules that turn the Markdown into a DOCX or a PDF, and the filter both run
BACK_ENDS = ("__init__.py", "docx.py", "layout.py", "pdf.py", "typst_child.py", "marks.lua")


def _searched_for(source: str) -> list[str]:
    """What in ``source`` looks for a place in the document by its text: a heading's name or
    text, the marking's, a string pandoc writes, or a paragraph's text read to compare."""
    texts = [
        minutes.PLAN_HEADING,
        minutes.SAFETY_PLAN_HEADING,
        story_text.STORY_HEADING,
        MARKING,
        ", kind: table",
        "kind: table",
        "#strong[",
    ]
    names = ["PLAN_HEADING", "SAFETY_PLAN_HEADING", "STORY_HEADING", "PLAN_COLUMNS", "MARKING"]
    found = [text for text in texts if text in source]
    found += [name for name in names if re.search(rf"\b{name}\b", source)]
    # a paragraph's or a line's text read and compared, a heading's label rebuilt
    patterns = [r"\.text\b", r"\.strip\(\) ==", r"_label\(", r"startswith\(\"="]
    found += [pattern for pattern in patterns if re.search(pattern, source)]
    # the filter: Div identifiers only (no function over headers, paragraphs or strings)
    found += [f"function {name}" for name in re.findall(r"^function (\w+)", source, re.M)]
    return [item for item in found if item != "function Div"]


def test_no_back_end_searches_the_document_for_a_text():
    for name in BACK_ENDS:
        assert _searched_for((EXPORT / name).read_text(encoding="utf-8")) == [], name


def test_the_search_check_finds_what_the_back_ends_did_before():
    """Lines of main's layout.py, pdf.py and __init__.py before the marks."""
    before = {
        "chart by pandoc's text": 'if lines[index].strip() == ", kind: table" and',
        "marking by its text": 'if lines and lines[0].strip() == f"#strong[{marking}]":',
        "paragraph by its text": "Paragraph(first, document._body).text.strip() == marking",
        "heading by its label": "if line.strip() == label and lines[index - 1].startswith",
        "the plan's heading": "landscape_heading=PLAN_HEADING,",
        "a heading's text": "if _heading_style(p) and Paragraph(p, document._body).text",
        "a filter over headers": "function Header(el)\n  return el\nend",
    }
    for what, line in before.items():
        assert _searched_for(line), what


def test_the_markdown_for_people_is_the_marked_markdown_without_its_marks():
    conference = demo_conference()
    text = to_markdown(conference)
    assert isinstance(text, MarkdownText) and for_back_ends(text) == text.marked
    fences = [line for line in text.marked.splitlines() if line.startswith(":::")]
    assert fences == [f"::: {{#{MARKING_MARK}}}", ":::", f"::: {{#{LANDSCAPE_MARK}}}", ":::"]
    assert not [line for line in text.splitlines() if line.startswith(":::")]
    # without each fence and the blank line after it, the same text
    assert re.sub(r"^:::.*\n\n", "", text.marked, flags=re.M) == text
    assert text.startswith(f"**{MARKING}**\n\n# Context conference minutes")
    assert text.marked.startswith(f"::: {{#{MARKING_MARK}}}\n\n**{MARKING}**\n\n:::\n\n# ")
    # plain text given to a back end is taken as it is
    assert for_back_ends("# Minutes\n") == "# Minutes\n"


def test_the_plan_is_marked_only_when_it_has_a_table():
    conference = demo_conference()
    marked = to_markdown(conference).marked
    opened = marked.index(f"::: {{#{LANDSCAPE_MARK}}}")
    assert marked[opened:].split("\n\n")[1] == f"## {minutes.SAFETY_PLAN_HEADING}"
    closed = marked.index("\n:::\n", opened)
    assert marked[opened:closed].rstrip().endswith("|")  # the plan's table ends it
    conference.actions = []
    assert LANDSCAPE_MARK not in to_markdown(conference).marked


def test_summaries_and_the_report_carry_their_marks():
    records = []
    for day, score in (("2026-01-20", 3), ("2026-04-20", 6)):
        conference = demo_conference()
        conference.dates.conference = day
        for entry in conference.scaling.scores:
            entry.score = score
        records.append(conference.to_dict())
    story = Story(tuple(facts_of_record(record) for record in records))
    summary = story_text.closure_summary(story)
    assert f"::: {{#{CHART_MARK}}}\n\n:::" in summary.marked and CHART_MARK not in summary
    assert summary.startswith(f"**{MARKING}**") and MARKING_MARK in summary.marked
    report = story_text.report_markdown(
        service_report([], dt.date(2026, 1, 1), dt.date(2026, 3, 31), "england-and-wales")
    )
    assert report.startswith(f"**{MARKING}**") and MARKING_MARK not in report
    assert report.marked.startswith(f"::: {{#{MARKING_MARK}}}")


def test_the_filter_and_the_markdown_name_the_same_marks():
    lua = (EXPORT / "marks.lua").read_text(encoding="utf-8")
    named = set(re.findall(r'^local \w+ = "(ctxtui-[\w-]+)"$', lua, re.M))
    assert named == set(MARKS)
    assert str(Fence(CHART_MARK)) == "::: {#ctxtui-chart}\n" and str(Fence()) == ":::\n"
