"""No program the exports run goes unbounded: pandoc has a time and a memory limit on every
call, Typst a time and a memory limit in its own process, and each limit reached is one
sentence. A 100,000-character word makes its PDF in well under the time (it grew with the
square of the word's length), and pandoc's Typst is the same with and without the filter
that makes it so. The pandoc the exports run is the one the README names."""

from __future__ import annotations

import random
import re
import subprocess
import time
from importlib.metadata import version
from pathlib import Path

import pytest
from packaging.specifiers import SpecifierSet

from ctxtui.cli.demo import demo_conference
from ctxtui.export import ExportError, export_minutes, pdf, render
from ctxtui.export import pandoc as bounded
from ctxtui.export.docx import READER, PandocUnavailable, markdown_to_docx
from ctxtui.export.markdown import MARKING, escape
from ctxtui.export.pandoc import run_pandoc
from ctxtui.export.reference import FOOTER

SLOW = True  # pandoc and Typst run
NATION = "england-and-wales"
ROOT = Path(__file__).resolve().parent.parent


def _pdf_text(data: bytes, tmp_path: Path) -> str:
    """The PDF's text without the page furniture (header, footer, page numbers), its
    invisible break opportunities and its whitespace."""
    path = tmp_path / "minutes.pdf"
    path.write_bytes(data)
    text = subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    furniture = {MARKING, FOOTER}
    lines = [
        line
        for line in text.splitlines()
        if line.strip() not in furniture and not re.fullmatch(r"Page \d+ of \d+", line.strip())
    ]
    return "".join("".join(lines).split()).replace(pdf.ZWSP, "")


def _word(length: int) -> str:
    """An invented 'word' with no space: letters, accents and the characters Typst and
    Markdown would read as markup."""
    pick = random.Random(length)
    return "".join(pick.choice("abcdefghijklmnopqrstuvwxyzé/;_*#<>") for _ in range(length))


def _with_word(length: int):  # type: ignore[no-untyped-def]
    conference = demo_conference()
    conference.points.concerns.append(_word(length))
    return conference


def _seconds(conference) -> float:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    render(conference, "pdf", nation=NATION)
    return time.perf_counter() - start


def test_a_100000_character_word_makes_its_pdf_in_a_few_seconds(tmp_path):
    """Before: 20k/50k/100k characters took 1.3/7.6/28.6 s (pandoc's Typst writer, quadratic).
    Bounds generous enough for two shared cores: under 10 s, and at most about linear."""
    render(demo_conference(), "pdf", nation=NATION)  # warm up
    quarter = min(_seconds(_with_word(25_000)) for _ in range(2))
    whole = min(_seconds(_with_word(100_000)) for _ in range(2))
    print(f"PDF with a 25,000-character word {quarter:.2f} s, 100,000: {whole:.2f} s")
    assert whole < 10
    assert whole < 4 * quarter + 1.5
    text = _pdf_text(render(_with_word(100_000), "pdf", nation=NATION), tmp_path)
    assert _word(100_000) in text  # every character, in order, between the breaks


def test_breaks_go_only_into_runs_too_long_for_a_line():
    assert pdf.breakable("short words stay as they are") == "short words stay as they are"
    run = "x" * 200
    assert pdf.breakable(run).replace(pdf.ZWSP, "") == run
    assert pdf.breakable(run).count(pdf.ZWSP) == 3
    # never between a letter and its mark, nor after a virama (a conjunct would split)
    devanagari = "क्ष" * 100
    broken = pdf.breakable(devanagari)
    assert "क्" + pdf.ZWSP not in broken and pdf.ZWSP + "्" not in broken
    assert broken.count(pdf.ZWSP) >= 3
    marks = ("e\u0301" * 100, "|" + "-" * 100 + "|")  # accents; a table's ruler line
    assert pdf.breakable(marks[0]).count(pdf.ZWSP + "\u0301") == 0
    assert pdf.breakable(marks[1]) == marks[1]


def _typst(markdown: str, *, pieces: bool) -> str:
    filters = ["--lua-filter", str(pdf.PIECES)] if pieces else []
    return run_pandoc(["--from", READER, "--to", "typst", *filters], markdown).decode()


def test_cutting_long_words_into_pieces_writes_the_same_typst():
    """The filter must change nothing pandoc writes: cuts at a "//" pair, before a ";", or
    inside a character's bytes would each change it."""
    pick = random.Random(42)
    alphabet = "ab/;*_#<>@$é漢🙂=-+.1"
    texts = [
        "x" * 255 + "//" + "y" * 300,
        "x" * 256 + "/" * 7 + "y" * 300,
        "x" * 256 + ";" * 3 + "y" * 300,
        "x" + "é" * 700,  # two bytes each, so a cut at 256 bytes falls inside one
        "xx" + "漢" * 300,
        "x" + "🙂" * 300,
        ";" * 600 + "z" * 600,
        *("".join(pick.choice(alphabet) for _ in range(pick.randint(300, 3000))) for _ in range(8)),
    ]
    markdown = "\n\n".join(escape(text) for text in texts)  # as the minutes' Markdown has them
    assert "\\/\\/" in _typst(markdown, pieces=False)
    assert _typst(markdown, pieces=True) == _typst(markdown, pieces=False)


def test_pandoc_past_its_time_is_one_sentence_and_the_markdown_is_kept(monkeypatch, tmp_path):
    monkeypatch.setattr(bounded, "PANDOC_SECONDS", 0.001)
    with pytest.raises(PandocUnavailable, match=r"^pandoc took longer than 0.001 s$"):
        markdown_to_docx("# Minutes\n\nA point.\n")
    for fmt in ("docx", "pdf"):
        written = export_minutes(demo_conference(), fmt, tmp_path / f"m.{fmt}", nation=NATION)
        assert written.path == tmp_path / "m.md"
        assert written.note == (
            f"No {fmt.upper()}: pandoc took longer than 0.001 s. "
            "The Markdown minutes were written instead."
        )
        (tmp_path / "m.md").unlink()


def test_pandoc_past_its_memory_is_one_sentence(monkeypatch):
    monkeypatch.setattr(bounded, "RTS_LIMITS", ("+RTS", "-M4m", "-RTS"))
    with pytest.raises(PandocUnavailable, match=r"^pandoc needed more than its 512mB of memory$"):
        markdown_to_docx("# Minutes\n\n" + "A point about the underpass. " * 20_000)


def test_every_pandoc_call_goes_through_the_limits():
    """One definition: +RTS is written in export/pandoc.py alone, pypandoc runs nothing, and
    only the contribution reader (which passes RTS_LIMITS) runs pandoc itself."""
    sources = {p: p.read_text(encoding="utf-8") for p in (ROOT / "ctxtui").rglob("*.py")}
    assert [p.name for p, s in sources.items() if '"+RTS"' in s] == ["pandoc.py"]
    # pypandoc runs pandoc unbounded to convert, and to find it (``--version``)
    assert not [p for p, s in sources.items() if re.search(r"pypandoc\.(convert_|get_pandoc)", s)]
    direct = [p.name for p, s in sources.items() if "pandoc_path()" in s]
    assert sorted(direct) == ["contributions.py", "pandoc.py"]
    assert "*RTS_LIMITS" in sources[ROOT / "ctxtui" / "meeting" / "contributions.py"]


def test_typst_past_its_time_or_memory_is_one_sentence(monkeypatch, tmp_path):
    monkeypatch.setattr(pdf, "TYPST_SECONDS", 0.001)
    with pytest.raises(ExportError, match=r"^the PDF took longer than 0.001 s to make$"):
        export_minutes(demo_conference(), "pdf", tmp_path / "m.pdf", nation=NATION)
    assert not list(tmp_path.iterdir())
    # no typed text can become Typst code, so a document that needs gigabytes is written here
    monkeypatch.setattr(pdf, "TYPST_SECONDS", 60)
    monkeypatch.setattr(pdf, "TYPST_MEMORY", 64 * 1024**2)
    root = tmp_path / "root"
    (root / "packages").mkdir(parents=True)
    (root / "minutes.typ").write_text("#range(5000000).map(n => str(n)).len()\n")
    with pytest.raises(pdf.PdfUnavailable, match=r"^the PDF needs more than the 64 MB of memory"):
        pdf._compile(root, False)


def test_a_limit_reached_is_one_sentence_on_the_command_line(store, cli, tmp_path):
    """A pandoc that stops at its memory limit (it says so the way pandoc's runtime does)."""
    conference_id = store.create(demo_conference()).id
    stand_in = tmp_path / "pandoc"
    stand_in.write_text(
        '#!/bin/sh\ncase "$*" in *--version*) echo "pandoc 3.9"; exit 0;; esac\n'
        'echo "pandoc: Heap exhausted;" >&2\nexit 251\n',
        encoding="utf-8",
    )
    stand_in.chmod(0o755)
    out = tmp_path / "m.docx"
    result = cli(
        "export",
        conference_id,
        "--format",
        "docx",
        "--out",
        str(out),
        env={"PYPANDOC_PANDOC": str(stand_in)},
    )
    assert result.returncode == 0 and "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1, result.stderr
    assert "pandoc needed more than its 512mB of memory" in result.stderr
    assert out.with_suffix(".md").is_file() and not out.exists()


def test_the_pandoc_the_exports_run_is_the_one_the_readme_names():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    named = re.search(r"pandoc `([^`]+)`,\s+bundled\s+by\s+`pypandoc-binary([^`]+)`", readme)
    assert named, "the README names the pandoc the exports are tested with"
    pandoc_range, wheel_range = SpecifierSet(named[1]), SpecifierSet(named[2])
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    pinned = re.search(r'"pypandoc-binary([^"]+)"', pyproject)
    assert pinned and SpecifierSet(pinned[1]) == wheel_range
    assert version("pypandoc-binary") in wheel_range
    said = run_pandoc(["--version"], "").decode()
    running = re.match(r"pandoc (\d+(?:\.\d+)+)", said)
    assert running and running[1] in pandoc_range, said.splitlines()[0]
