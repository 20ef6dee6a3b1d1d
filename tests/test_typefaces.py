"""The fonts shipped for the PDF: what they cover, what is named instead, and that the files
are the ones ``make fonts`` recorded, with their licences."""

from __future__ import annotations

import hashlib
import re
import unicodedata

from fontTools.ttLib import TTFont

from ctxtui.export import typefaces
from ctxtui.export.typefaces import FAMILIES, FONT_DIR, coverage, faces, name_unshown, unshown


def _letters(first: int, last: int) -> list[str]:
    return [
        chr(c)
        for c in range(first, last + 1)
        if unicodedata.category(chr(c)).startswith("L") and unicodedata.name(chr(c), "")
    ]


def test_every_european_and_vietnamese_letter_greek_and_cyrillic_is_covered():
    blocks = [
        (0x00C0, 0x024F),  # Latin-1 letters, Latin Extended-A and -B
        (0x1E00, 0x1EFF),  # Latin Extended Additional: Vietnamese, Welsh ŵ ẁ, …
        (0x0370, 0x03E1),  # Greek (the block's Coptic letters follow)
        (0x03F0, 0x03FF),
        (0x0400, 0x04FF),  # Cyrillic
    ]
    missing = [
        c for first, last in blocks for c in _letters(first, last) if ord(c) not in coverage()
    ]
    assert missing == []
    vietnamese = "Cuộc họp được tổ chức tại trung tâm cộng đồng ở Đà Nẵng"
    assert (
        unshown(vietnamese) == set() and unshown(unicodedata.normalize("NFD", vietnamese)) == set()
    )


def test_each_script_of_the_minutes_has_a_font():
    samples = {
        "Arabic": "المركز",
        "Urdu": "کمیونٹی",
        "Hebrew": "הקהילתי",
        "Devanagari": "केंद्र",
        "Bengali": "সেন্টারে",
        "Gurmukhi": "ਵਿੱਚ",
        "Gujarati": "કેન્દ્રમાં",
        "Tamil": "மையத்தில்",
        "Malayalam": "സെന്ററിൽ",
        "Sinhala": "මධ්‍යස්ථානයේදී",
        "Thai": "ศูนย์ชุมชน",
        "Ethiopic": "ማህበረሰብ",
        "Chinese": "社区中心 社區中心",
        "Japanese": "コミュニティセンター 開かれました",
        "Korean": "주민 센터에서",
        "emoji": "🙂👍🏠☕✅🚌",
    }
    assert {script: unshown(text) for script, text in samples.items() if unshown(text)} == {}


def test_a_character_no_font_has_is_named_and_the_rest_kept():
    hearts = "(smiling face with smiling eyes and three hearts)"
    assert name_unshown("a \U0001f970\u200d\U0001f970 b") == f"a {hearts}{hearts} b"
    assert name_unshown("Cuộc họp 会议 🙂") == "Cuộc họp 会议 🙂"
    assert name_unshown("葛\U000e0100 and 葛\ufe00") == "葛\U000e0100 and 葛\ufe00"  # selectors
    assert name_unshown("x\U0010fffdy") == "x(U+10FFFD)y"  # private use: no name, its number


def test_the_shipped_fonts_are_the_ones_make_fonts_recorded_with_their_licences():
    sources = (FONT_DIR / "SOURCES.txt").read_text(encoding="utf-8")
    recorded = dict(re.findall(r"^(\S+\.[ot]tf) ([0-9a-f]{64}) ", sources, re.MULTILINE))
    shipped = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in faces()}
    assert shipped == recorded
    for package in ("fonts-noto-core", "fonts-noto-cjk", "fonts-symbola"):
        assert package in sources and (FONT_DIR / f"{package}.copyright").is_file()
    assert "SIL Open Font License" in (FONT_DIR / "fonts-noto-core.copyright").read_text()
    families = set()
    for path in faces():
        with TTFont(path, lazy=True) as font:
            families.add(font["name"].getBestFamilyName())
    assert families == set(FAMILIES)


def test_bold_and_italic_faces_have_their_regular_face_s_characters():
    """Coverage is read from the regular faces only (typefaces.upright): that holds only while
    every bold and italic face has the same characters."""

    def characters(path):  # type: ignore[no-untyped-def]
        with TTFont(path, lazy=True) as font:
            return set(font.getBestCmap())

    others = [p for p in faces() if not typefaces.upright(p)]
    assert len(others) >= 10
    for path in others:
        regular = re.sub(r"-(Bold|Italic|BoldItalic)\.", "-Regular.", path.name)
        assert characters(path) == characters(FONT_DIR / regular), path.name
