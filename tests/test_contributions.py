"""Written contributions: read from text, Markdown or DOCX (words only), kept in the record,
listed (never printed) in the minutes, and pulled into the minutes a sentence at a time."""

from __future__ import annotations

import json
import os
import zipfile

import pytest

from ctxtui.core.sentences import sentences
from ctxtui.export.markdown import to_markdown
from ctxtui.guard.board_text import board_sections
from ctxtui.meeting.contributions import ContributionError, read_contribution
from ctxtui.widgets.contributions import ContributionPanel

from .conftest import burst, idle, wait_for
from .terminal import Terminal

SCHOOL = (
    "Contribution from the school.\n\n"
    "We are worried that pupils wait at the bus stop until 4pm. Staff saw older boys there "
    "twice last week.\n\n- The breakfast club is helping.\n"
)


def _docx(path, paragraphs: list[str]) -> None:
    from docx import Document

    document = Document()
    for text in paragraphs:
        document.add_paragraph(text)
    document.save(str(path))


def test_a_contribution_is_cut_into_sentences():
    assert sentences("Lights went out in Oct. 2025! Is the bus late?\n- Staff at 3:30pm.") == [
        "Lights went out in Oct. 2025!",
        "Is the bus late?",
        "Staff at 3:30pm.",
    ]
    assert sentences("Dr. Shah saw St. Mary's pupils. Then it stopped.\n\n2) PCSO patrols.") == [
        "Dr. Shah saw St. Mary's pupils.",
        "Then it stopped.",
        "PCSO patrols.",
    ]


def test_text_markdown_and_docx_give_their_words_only(tmp_path):
    text = tmp_path / "school.txt"
    text.write_text(SCHOOL.replace("\n", "\r\n") + "\x1b[31mred\x07", encoding="utf-8")
    assert read_contribution(text) == SCHOOL.strip() + "\nred"  # the escape sequence gone
    markdown = tmp_path / "police.md"
    markdown.write_text(
        "# Police\n\nPatrols at the **garage block** began in [March](http://evil.example/x).\n\n"
        "<script>alert(1)</script>\n\n![pic](http://evil.example/p.png)\n",
        encoding="utf-8",
    )
    words = read_contribution(markdown)
    assert "Patrols at the garage block began in March." in words
    assert "evil.example" not in words and "**" not in words
    assert "<script>alert(1)</script>" in words  # raw HTML is off: it stays inert text
    document = tmp_path / "housing.docx"
    _docx(document, ["Housing", "The lights in the underpass are fixed on 3 March.", "More later."])
    assert read_contribution(document).split("\n") == [
        "Housing",
        "",
        "The lights in the underpass are fixed on 3 March.",
        "",
        "More later.",
    ]


@pytest.mark.parametrize(
    ("name", "content", "sentence"),
    [
        ("notes.docm", b"PK\x03\x04", "can hold macros"),
        ("notes.doc", b"\xd0\xcf\x11\xe0", "can hold macros"),
        ("notes.pdf", b"%PDF-1.7", "reads .txt, .md and .docx"),
        ("notes.txt", "caf\xe9".encode("latin-1"), "not UTF-8"),
        ("notes.txt", b"   \n\n  ", "holds no text"),
        ("notes.docx", b"not a zip at all", "not a Word document"),
        ("big.txt", b"x" * (5 * 1024 * 1024 + 1), "could not be read"),
    ],
)
def test_hostile_or_unreadable_files_are_refused_in_one_sentence(tmp_path, name, content, sentence):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ContributionError, match=sentence) as refused:
        read_contribution(path)
    assert str(refused.value).endswith(".") and "\n" not in str(refused.value)


def test_a_docx_with_macros_inside_and_a_link_are_refused(tmp_path):
    document = tmp_path / "macro.docx"
    _docx(document, ["Harmless looking"])
    with zipfile.ZipFile(document, "a") as archive:
        archive.writestr("word/vbaProject.bin", b"\x00macro")
    with pytest.raises(ContributionError, match="holds macros"):
        read_contribution(document)
    link = tmp_path / "link.txt"
    os.symlink(tmp_path / "elsewhere.txt", link)
    (tmp_path / "elsewhere.txt").write_text("secret", encoding="utf-8")
    with pytest.raises(ContributionError, match="could not be read"):
        read_contribution(link)


def test_attach_keeps_it_the_minutes_list_it_and_the_board_never_shows_it(cli, demo, tmp_path):
    path = tmp_path / "school.txt"
    path.write_text(SCHOOL, encoding="utf-8")
    said = cli.ok("attach", demo.id, str(path), "--agency", "Millbrook Academy", "--author", "HoY")
    assert "4 sentence(s)" in said
    record = cli.json("export", demo.id, "--format", "json")
    kept = record["contributions"][-1]  # after the demo's own
    assert (kept["agency"], kept["author"], kept["source"]) == (
        "Millbrook Academy",
        "HoY",
        path.name,
    )
    assert kept["text"] == SCHOOL.strip() and kept["received"][:4] == "20" + kept["received"][2:4]
    from ctxtui.core.validation import conference_from_dict

    conference = conference_from_dict(record)
    minutes = to_markdown(conference)
    assert "## Written contributions" in minutes and "Millbrook Academy" in minutes
    assert "bus stop" not in minutes  # the words themselves never go out whole
    shown = " ".join(line for s in board_sections(conference) for line in s.lines)
    assert "bus stop" not in shown
    bad = cli("attach", demo.id, str(tmp_path / "missing.txt"))
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1 and "Traceback" not in bad.stderr
    assert len(cli.json("export", demo.id, "--format", "json")["contributions"]) == 2


async def test_three_sentences_pulled_in_by_keys(store, demo, clock, make_app, tmp_path):
    from ctxtui.meeting.meeting import Meeting

    document = tmp_path / "housing.docx"
    _docx(document, ["Lights fixed on 3 March. The bins moved.", "Residents feel safer."])
    notes = tmp_path / "police.md"
    notes.write_text("Two stop searches found knives. Patrols continue.", encoding="utf-8")
    meeting = Meeting(store, demo.id, clock)
    meeting.editor.delete_contribution(0)  # the demo's own: these two alone
    meeting.attach(document, "Housing")
    meeting.attach(notes, "Police", "PC Bell")
    assert meeting.flush()
    meeting.close()
    app = make_app(demo.id)
    async with app.run_test(size=(80, 24)) as pilot:
        await burst(pilot, "", "f10")
        await wait_for(lambda: app.screen.has_class("-contributions"))
        panel = app.screen.query_one(ContributionPanel)
        assert panel.has_focus and len(panel.items) == 5
        # pull the first in and file it as it is; skip one; pull the next and add to it
        await burst(pilot, "", "enter", "enter", "s", "enter", "end")
        await burst(pilot, " (Housing)", "enter")
        await idle(pilot)
        assert panel.has_focus and panel.at == 3
        # the fourth under complicating factors: pulled in, the heading moved on, filed
        await burst(pilot, "", "enter", "ctrl+t", "enter", "escape")
        await wait_for(lambda: not app.screen.has_class("-contributions"))
        concerns = app.screen.meeting.conference.points.concerns
        assert concerns[-2:] == ["Lights fixed on 3 March.", "Residents feel safer. (Housing)"]
        assert "The bins moved." not in concerns  # skipped
        assert app.screen.meeting.conference.points.complicating[-1] == (
            "Two stop searches found knives."
        )
        await pilot.press("ctrl+q")
    saved = store.load(demo.id)
    assert saved.points.concerns[-1] == "Residents feel safer. (Housing)"


def test_a_sentence_pulled_in_a_real_terminal(cli, tmp_path):
    conference_id = cli.ok("new", "--context", "Ashton Park", "--date", "2026-01-20").strip()
    path = tmp_path / "school.txt"
    path.write_text(SCHOOL, encoding="utf-8")
    cli.ok("attach", conference_id, str(path), "--agency", "Millbrook Academy")
    term = Terminal(tmp_path)
    try:
        env = {"TERM": "xterm", "CTXTUI_DATA_DIR": str(cli.data_dir), "HOME": str(tmp_path)}
        term.start("open", conference_id, env=env)
        term.wait_for_text("Type a point")
        term.keys("F10")
        term.wait_for_text("Written contributions 1/4")
        term.keys("Down", "Enter", "End")  # a burst: skip one, pull the next in, edit its end
        term.type(" (school)")
        term.keys("Enter")
        term.wait_for_text("Written contributions 3/4")
        term.keys("Escape", "C-q")
        term.wait_exit()
    finally:
        term.close()
    record = json.loads(cli.ok("export", conference_id, "--format", "json"))
    assert record["points"]["concerns"][-1] == (
        "We are worried that pupils wait at the bus stop until 4pm. (school)"
    )


async def test_the_panel_moves_the_heading_and_enter_on_an_empty_line_pulls(
    store, demo, clock, make_app, tmp_path
):
    """Issue 41, case 3: Ctrl+T while the panel has the focus moves the heading the next
    sentence is filed under; Enter on the empty capture line pulls the sentence shown."""
    from ctxtui.meeting.meeting import Meeting

    notes = tmp_path / "police.md"
    notes.write_text("Two stop searches found knives. Patrols continue.", encoding="utf-8")
    meeting = Meeting(store, demo.id, clock)
    meeting.editor.delete_contribution(0)
    meeting.attach(notes, "Police", "PC Bell")
    assert meeting.flush()
    meeting.close()
    app = make_app(demo.id)
    async with app.run_test(size=(80, 24)) as pilot:
        await burst(pilot, "", "f10")
        await wait_for(lambda: app.screen.has_class("-contributions"))
        await burst(pilot, "", "ctrl+t", "ctrl+t", "enter", "enter")  # strengths, pull, file
        await idle(pilot)
        assert app.screen.capture.target == "strengths"
        app.screen.capture.focus()
        await burst(pilot, "", "enter")  # an empty line: the next sentence comes in
        await wait_for(lambda: app.screen.capture.value == "Patrols continue.")
        await burst(pilot, "", "enter")
        await idle(pilot)
        strengths = app.screen.meeting.conference.points.strengths
        assert strengths[-2:] == ["Two stop searches found knives.", "Patrols continue."]


# -- issue 42: files that could hang the host, macros by what they are, text as typed


def _rezip(source, target, change) -> None:
    """``source`` (a .docx) written again as ``target`` with ``change(name, data)`` applied to
    each part (returning the new name and data)."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for item in old.infolist():
            name, data = change(item.filename, old.read(item.filename))
            new.writestr(name, data)


def test_a_docx_that_unpacks_to_far_more_is_refused_before_pandoc(tmp_path):
    plain = tmp_path / "plain.docx"
    _docx(plain, ["Lights fixed."])
    bomb = tmp_path / "bomb.docx"

    def swell(name, data):
        if name == "word/document.xml":
            return name, data + b" " * (30 * 1024 * 1024)  # packs to a few KB
        return name, data

    _rezip(plain, bomb, swell)
    assert bomb.stat().st_size < 200_000
    with pytest.raises(ContributionError, match="unpacks to far more"):
        read_contribution(bomb)


def test_a_macro_document_is_refused_by_what_it_is_not_by_a_name(tmp_path):
    plain = tmp_path / "plain.docx"
    _docx(plain, ["Lights fixed."])
    sly = tmp_path / "sly.docx"

    def with_macros(name, data):
        if name == "[Content_Types].xml":
            data = data.replace(
                b"wordprocessingml.document.main+xml",
                b"ms-word.document.macroEnabled.main+xml",
            )
        return name, data

    _rezip(plain, sly, with_macros)
    with pytest.raises(ContributionError, match="holds macros"):
        read_contribution(sly)


def test_a_markdown_contribution_keeps_its_typography_and_names_are_shown_safely(tmp_path):
    notes = tmp_path / "notes.md"
    notes.write_text('Patrols -- twice "nightly" ... as agreed.', encoding="utf-8")
    assert read_contribution(notes) == 'Patrols -- twice "nightly" ... as agreed.'
    odd = tmp_path / "two\nlines.txt"
    odd.write_bytes(b"\xff not text")
    with pytest.raises(ContributionError) as refused:
        read_contribution(odd)
    assert "\n" not in str(refused.value) and "two\\nlines.txt" in str(refused.value)


def test_a_pandoc_that_takes_too_long_is_one_sentence(tmp_path, monkeypatch):
    from ctxtui.meeting import contributions

    monkeypatch.setattr(contributions, "PANDOC_SECONDS", 0.001)
    notes = tmp_path / "notes.md"
    notes.write_text("Patrols twice nightly.", encoding="utf-8")
    with pytest.raises(ContributionError, match="longer than"):
        read_contribution(notes)


def test_the_report_csv_opens_in_a_spreadsheet_as_utf8(store):
    import datetime as dt

    from ctxtui.meeting.service import report_bytes, service_report_of

    report, _unread = service_report_of(
        store, dt.date(2026, 1, 1), dt.date(2026, 12, 31), "england-and-wales"
    )
    assert report_bytes(report, "csv").startswith(b"\xef\xbb\xbf")
