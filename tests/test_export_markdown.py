"""Markdown export: every user string comes back as typed, in its place, with no markup."""

from __future__ import annotations

import dataclasses

from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from ctxtui.cli.demo import demo_conference
from ctxtui.core.record import Action, Attendee, strip_controls
from ctxtui.export.markdown import default_file_name, to_markdown
from ctxtui.export.markup import escape

FORBIDDEN = {
    "html_block",
    "html_inline",
    "fence",
    "code_block",
    "code_inline",
    "image",
    "link_open",
    "hr",
    "blockquote_open",
    "heading_open_user",
}

NASTY = [
    "<script>alert(1)</script>",
    "```{=openxml}\n<w:p><w:r><w:t>INJECTED</w:t></w:r></w:p>\n```",
    "`<w:p/>`{=openxml}",
    "![x](/etc/hostname)",
    "[link](http://example.com) and <http://example.com>",
    "| a | b |\n|---|---|",
    "back\\slash\\",
    "    four leading spaces",
    "# not a heading",
    "1. not a list",
    "- not a bullet",
    "> not a quote",
    "*not emphasis* _nor this_ **nor** ~~this~~",
    "line one\nline two\r\nline three",
    "emoji 🙂👍🏽 and combining é́",
    "RTL: שלום עליכם مرحبا",
    "$x^2$ and \\(tex\\) and @citation [^1]",
    "&amp; &lt;b&gt; &#x41;",
    "----",
    "===",
    "a  \nhard break",
    "{{< shortcode >}} {.class} {#id}",
    "<!-- comment -->",
    "::: {.warning}\ndiv\n:::",
    'McDonald\'s "quoted" -- dash... (ISRO) 3.30-6pm',
    "A. Smith said so",
    "a. lettered",
    "(i) roman",
    "iv) roman too",
    "(@) example",
    "@handle on Snapchat",
    "£5 and $5 and x^2 and H~2~O",
    "[^1] and ^[note]",
    ": definition",
    "% title",
    "+ plus",
    "= equals",
    "~~~ fence",
    "| line block",
    "--- yaml",
]


def normalise(text: str) -> str:
    """What a reader sees: control characters gone, white space runs as one space."""
    return " ".join(strip_controls(text).replace("\t", " ").split())


def parse(markdown: str):
    return MarkdownIt("commonmark").enable("table").parse(markdown)


def inline_text(token) -> str:
    return "".join(
        child.content for child in token.children or [] if child.type in ("text", "text_special")
    )


def sections(markdown: str) -> dict[str, list[str]]:
    """Inline texts under each level-2 heading, in order."""
    tokens = parse(markdown)
    found: dict[str, list[str]] = {}
    current = ""
    for i, token in enumerate(tokens):
        if token.type == "heading_open" and token.tag == "h2":
            current = inline_text(tokens[i + 1])
            found[current] = []
        elif token.type == "inline" and not (i and tokens[i - 1].type == "heading_open"):
            found.setdefault(current, []).append(inline_text(token))
    return found


def token_types(markdown: str) -> set[str]:
    types = set()
    for token in parse(markdown):
        types.add(token.type)
        types.update(child.type for child in token.children or [])
    return types


user_text = st.one_of(
    st.sampled_from(NASTY),
    st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1, max_size=60),
).filter(lambda t: normalise(t) != "")


@given(point=user_text, name=user_text, worry=user_text, danger=user_text, reason=user_text)
@settings(max_examples=200, deadline=None)
def test_user_text_comes_back_as_typed_in_its_place(point, name, worry, danger, reason):
    conference = demo_conference()
    conference.points.strengths.insert(0, point)
    conference.attendees.append(Attendee(name=name, role="Observer", agency="Housing"))
    conference.actions.insert(0, Action(worry=worry, intervention="Fix lights", agency="Housing"))
    conference.danger_statement = danger
    conference.scaling.scores[0].reason = reason
    markdown = to_markdown(conference)
    assert not token_types(markdown) & FORBIDDEN
    found = sections(markdown)
    assert found["Strengths"][0] == normalise(point)
    attendance_cells = found["Attendance"]
    assert normalise(name) in attendance_cells
    assert " ".join(found["Danger statement"]) == normalise(danger)
    plan_cells = found["Safety plan"]
    header = plan_cells.index("What are we worried about (and impact)?")
    assert plan_cells[header + 7] == normalise(worry)  # first cell of the first row
    assert normalise(reason) in found["Scaling"]


@given(text=user_text)
@settings(max_examples=300, deadline=None)
def test_escape_alone_round_trips(text):
    markdown = escape(text)
    tokens = parse(markdown)
    inlines = [t for t in tokens if t.type == "inline"]
    assert [inline_text(t) for t in inlines] == [normalise(text)]
    assert not token_types(markdown) & FORBIDDEN


def test_sections_come_in_the_minutes_order():
    markdown = to_markdown(demo_conference())
    assert list(sections(markdown)) == [
        "",
        "Details",
        "Attendance",
        "Agenda",
        "Confidentiality reminder and recording",  # the demo's reminder was given at 10:02
        "Danger statement",
        "Priorities",
        "The location lead's view",
        "Current concerns / risks / vulnerabilities",
        "Complicating factors",
        "Strengths",
        "Current professional involvement",
        "Young people's and parents' voice",
        "Safety goals",
        "Scaling",
        "Safety plan",  # one plan: the points, then the intervention plan table under them
        "Core group",
        "Referrals made outside the meeting",
        "Written contributions",
        "Review and circulation",
        "Confidentiality",
    ]
    assert markdown.startswith("**OFFICIAL-SENSITIVE**")


def test_details_dates_scaling_and_due_dates():
    conference = demo_conference()
    found = sections(to_markdown(conference))
    details = found["Details"]
    assert (
        details[details.index("Conference date and time") + 1]
        == "Tuesday 20 January 2026, 10:00–12:00"
    )
    assert details[details.index("Mapping meeting") + 1] == "Thursday 8 January 2026"
    assert "6 of 7 scored · median 3 · range 2–4" in found["Scaling"]
    review = found["Review and circulation"]
    assert "Review conference: Monday 20 April 2026" in review
    assert "Minutes to be circulated by: Wednesday 21 January 2026" in review


def test_attendance_grouped_by_attendance_then_agency():
    markdown = to_markdown(demo_conference())
    tokens = parse(markdown)
    h3 = [
        inline_text(tokens[i + 1])
        for i, t in enumerate(tokens)
        if t.tag == "h3" and t.type == "heading_open"
    ]
    assert h3 == ["Present", "Apologies", "Absent", "Intervention plan"]


def test_empty_record_still_reads_as_minutes():
    conference = dataclasses.replace(
        demo_conference(), attendees=[], actions=[], safety_goals=[], danger_statement=""
    )
    found = sections(to_markdown(conference))
    assert found["Safety goals"] == ["None recorded."]
    assert found["Safety plan"][-1] == "No actions agreed."
    assert found["Danger statement"] == ["None recorded."]


def test_default_file_name():
    assert default_file_name(demo_conference(), "docx") == (
        "2026-01-20-kestrel-fields-estate-and-millbrook-minutes.docx"
    )


def test_ordinary_punctuation_reads_as_typed():
    for text in ("McDonald's (ISRO) 3.30-6pm", "Dr. Ahmed; 50% of pupils/staff?", "A&E, R'n'B"):
        assert escape(text) == text
    assert escape("1. not a list") == "1\\. not a list"
    assert escape("# not a heading") == "\\# not a heading"


def test_paragraphs_of_a_long_text_survive_in_the_minutes_docx_and_board():
    """Issue 41, case 7: a danger statement typed in paragraphs keeps them everywhere."""
    import io

    import docx

    from ctxtui.core.dates import DEFAULT_NATION
    from ctxtui.export import render
    from ctxtui.guard.board_text import board_sections

    conference = demo_conference()
    conference.danger_statement = (
        "We worry about the underpass after dark.\n"
        "Older males wait there for the school bus.\n\n"
        "Shops close early on Fridays."
    )
    markdown = to_markdown(conference, nation=DEFAULT_NATION)
    tokens = MarkdownIt().parse(markdown)
    texts = [t.content for t in tokens if t.type == "inline"]
    at = texts.index("We worry about the underpass after dark.")
    assert texts[at : at + 3] == [
        "We worry about the underpass after dark.",
        "Older males wait there for the school bus.",
        "Shops close early on Fridays.",
    ]
    document = docx.Document(io.BytesIO(render(conference, "docx", nation=DEFAULT_NATION)))
    paragraphs = [p.text for p in document.paragraphs]
    at = paragraphs.index("We worry about the underpass after dark.")
    assert paragraphs[at + 1] == "Older males wait there for the school bus."
    statement = next(s for s in board_sections(conference) if s.key == "danger_statement")
    assert statement.lines == (
        "We worry about the underpass after dark.",
        "Older males wait there for the school bus.",
        "",
        "Shops close early on Fridays.",
    )
