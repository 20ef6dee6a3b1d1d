"""The fonts the PDF is set in, shipped in ``fonts/`` (Noto and Symbola from Debian's
packages, cut down by ``make fonts``; see ``fonts/SOURCES.txt``), and which characters they
can show.

Coverage is decided before Typst runs: each shipped font's character map is read once (cached)
and a character none of them has is written as its name, "(smiling face with smiling eyes and
three hearts)", since PDF/UA needs every character shown and a reader is told what was typed.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from pathlib import Path

FONT_DIR = Path(__file__).with_name("fonts")
# The order Typst tries them in for each character (the first with a glyph draws it). Noto
# Sans first: Latin with every European and Vietnamese letter, Greek, Cyrillic, and the
# punctuation and digits of every script; then one face per script; Symbola last (symbols,
# arrows and emoji, drawn in black like the text).
FAMILIES = (
    "Noto Sans",
    "Noto Naskh Arabic",
    "Noto Sans Hebrew",
    "Noto Sans Devanagari",
    "Noto Sans Bengali",
    "Noto Sans Gurmukhi",
    "Noto Sans Gujarati",
    "Noto Sans Tamil",
    "Noto Sans Malayalam",
    "Noto Sans Sinhala",
    "Noto Sans Thai",
    "Noto Sans Ethiopic",
    "Noto Sans CJK SC",
    "Symbola",
)
# Skin tones and the text/emoji presentation selectors change only how a symbol is drawn: a
# monochrome font has nothing to draw for them.
DRAWING_ONLY = re.compile("[\ufe0e\ufe0f\U0001f3fb-\U0001f3ff]")
_ZWJ = "\u200d"
# General categories that need no glyph: controls, formats (joiners, direction marks, the
# zero-width space), separators, and private use has none we could name usefully.
_NO_GLYPH = {"Cc", "Cf", "Zl", "Zp", "Zs"}


def faces() -> list[Path]:
    """The shipped font files."""
    return sorted(FONT_DIR.glob("*.[ot]tf"))


def upright(path: Path) -> bool:
    """Whether ``path`` is a family's regular face (its bold and italic ones have the same
    characters: a test holds it)."""
    return re.search(r"-(Bold|Italic|BoldItalic)\.[ot]tf$", path.name) is None


@functools.cache
def coverage() -> frozenset[int]:
    """Every code point at least one shipped font maps to a glyph: each family's regular
    face's character map, read once per process (about 0.1 s, most of it the CJK face)."""
    from fontTools.ttLib import TTFont

    covered: set[int] = set()
    for path in filter(upright, faces()):
        with TTFont(path, lazy=True) as font:
            covered.update(font.getBestCmap() or {})
    return frozenset(covered)


def needs_no_glyph(char: str) -> bool:
    """Whether ``char`` is shown by nothing at all (a joiner, a space, a variation selector)."""
    point = ord(char)
    selector = 0xFE00 <= point <= 0xFE0F or 0xE0100 <= point <= 0xE01EF
    return selector or unicodedata.category(char) in _NO_GLYPH


def unshown(text: str) -> set[str]:
    """The characters of ``text`` that no shipped font can draw."""
    if text.isascii():  # Noto Sans has every printable one: no need to read a font
        return set()
    covered = coverage()
    return {c for c in set(text) if ord(c) not in covered and not needs_no_glyph(c)}


def name_of(char: str) -> str:
    """``char``'s name as a reader sees it: "(slightly smiling face)"."""
    name = unicodedata.name(char, "")
    return f"({name.lower()})" if name else f"(U+{ord(char):04X})"


def name_unshown(text: str) -> str:
    """``text`` with every character no shipped font has replaced by its name in parentheses
    (the joiners between such characters go with them). Parentheses: plain text in Markdown
    and in Typst alike."""
    missing = unshown(DRAWING_ONLY.sub("", text))
    if not missing:
        return text
    one = "[" + "".join(re.escape(c) for c in sorted(missing)) + "]"
    run = re.compile(f"{one}(?:{_ZWJ}?{one})*")
    return run.sub(lambda found: "".join(name_of(c) for c in found[0] if c != _ZWJ), text)
