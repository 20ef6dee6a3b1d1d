"""Rebuild the fonts the PDF is set in (``ctxtui/export/fonts``) from Debian's font packages:
``make fonts`` installs fonts-noto-core, fonts-noto-cjk and fonts-symbola with apt, then runs
this.

Every font is cut down with fontTools: hinting goes (a PDF viewer does not use it) and every
OpenType feature stays (Arabic joining, Indic conjuncts, Thai marks need them). The two large
ones lose characters too:

- Noto Sans CJK SC keeps the Chinese characters of GB 2312 (simplified, all 6,763), of Big5's
  level 1 (the 5,401 traditional characters in common use), of JIS X 0208 levels 1 and 2 (every
  Jōyō kanji but four, added by hand, and the rest of everyday Japanese), the 2,350 Hangul
  syllables of KS X 1001, every other character those four standards encode (kana, Bopomofo,
  full-width forms, CJK punctuation) and the kana, Hangul jamo and CJK symbol blocks whole.
  One face serves Chinese, Japanese and Korean: the simplified Chinese one, so a few shared
  characters take its shapes in Japanese or traditional text.
- Symbola keeps its symbols and pictographs (arrows, dingbats, emoji): its letters, digits and
  punctuation are drawn by Noto Sans first in any case.

Run twice from the same Debian package versions it writes the same bytes: each font keeps the
date in its own header and fontTools writes tables in a fixed order. ``SOURCES.txt`` records the
packages and versions, what was kept, and each file's SHA-256 (a test checks the shipped files
against it).
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import fontTools
from fontTools import subset
from fontTools.ttLib import TTFont

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "ctxtui" / "export" / "fonts"
NOTO = Path("/usr/share/fonts/truetype/noto")
CJK = Path("/usr/share/fonts/opentype/noto")
SYMBOLA = Path("/usr/share/fonts/truetype/ancient-scripts/Symbola_hint.ttf")
PACKAGES = ("fonts-noto-core", "fonts-noto-cjk", "fonts-symbola")
CJK_SC = 2  # the simplified Chinese face in Debian's NotoSansCJK-*.ttc

# Each script's Noto face, in both weights Debian ships (the title and table headings are bold).
NOTO_FACES = [
    "NotoSans",  # Latin (every European and Vietnamese letter), Greek, Cyrillic
    "NotoNaskhArabic",  # Arabic, Persian and Urdu (Naskh: plainer to read than Nastaliq)
    "NotoSansHebrew",
    "NotoSansDevanagari",
    "NotoSansBengali",
    "NotoSansGurmukhi",
    "NotoSansGujarati",
    "NotoSansTamil",
    "NotoSansMalayalam",
    "NotoSansSinhala",
    "NotoSansThai",
    "NotoSansEthiopic",  # Tigrinya, Amharic
]
# Symbola: symbol and pictograph blocks only
SYMBOL_BLOCKS = [(0x2100, 0x2BFF), (0x1F000, 0x1FAFF)]
# the four Jōyō kanji (2010) that JIS X 0208 lacks
JOYO_EXTRA = "\U00020b9f\u5861\u525d\u9830"
CJK_BLOCKS = [
    (0x1100, 0x11FF),  # Hangul jamo
    (0x3000, 0x303F),  # CJK symbols and punctuation
    (0x3040, 0x30FF),  # hiragana, katakana
    (0x3100, 0x312F),  # Bopomofo
    (0x3130, 0x318F),  # Hangul compatibility jamo
    (0x31F0, 0x31FF),  # katakana phonetic extensions
    (0x3200, 0x32FF),  # enclosed CJK letters
    (0xFF00, 0xFFEF),  # half-width and full-width forms
]


@dataclass(frozen=True)
class Font:
    source: Path
    out: str
    number: int = 0  # the face within a collection
    unicodes: frozenset[int] | None = None  # None: every character it has
    package: str = "fonts-noto-core"
    kept: str = "every one it has"


def _double_byte(codec: str, leads: range, trails: range = range(0xA1, 0xFF)) -> set[int]:
    """Every character ``codec`` decodes from two bytes with a lead byte in ``leads``."""
    found: set[int] = set()
    for lead in leads:
        for trail in trails:
            try:
                found.update(map(ord, bytes([lead, trail]).decode(codec)))
            except UnicodeDecodeError:
                continue
    return found


def cjk_characters() -> frozenset[int]:
    big5_trails = range(0x40, 0xFF)
    chosen = (
        _double_byte("gb2312", range(0xA1, 0xF8))
        | _double_byte("big5", range(0xA1, 0xC6), big5_trails)  # symbols, then level 1
        | {c for c in _double_byte("big5", range(0xC6, 0xC7), range(0x40, 0x7F))}
        | _double_byte("euc_jp", range(0xA1, 0xF5))  # JIS X 0208, both levels
        | {
            c
            for c in _double_byte("euc_kr", range(0xA1, 0xFF))
            if not unicodedata.name(chr(c), "").startswith("CJK")  # Hangul, not Hanja
        }
        | set(map(ord, JOYO_EXTRA))
    )
    for first, last in CJK_BLOCKS:
        chosen.update(range(first, last + 1))
    return frozenset(c for c in chosen if c > 0x7F)


def fonts() -> list[Font]:
    listed = [
        Font(NOTO / f"{face}-{weight}.ttf", f"{face}-{weight}.ttf")
        for face in NOTO_FACES
        for weight in ("Regular", "Bold")
    ]
    listed += [
        Font(NOTO / f"NotoSans-{style}.ttf", f"NotoSans-{style}.ttf")
        for style in ("Italic", "BoldItalic")
    ]
    kept = cjk_characters()
    listed += [
        Font(
            CJK / f"NotoSansCJK-{weight}.ttc",
            f"NotoSansCJKsc-{weight}.otf",
            CJK_SC,
            kept,
            "fonts-noto-cjk",
            "GB 2312, Big5 level 1, JIS X 0208, KS X 1001 Hangul, kana, CJK punctuation",
        )
        for weight in ("Regular", "Bold")
    ]
    symbols = frozenset(c for first, last in SYMBOL_BLOCKS for c in range(first, last + 1))
    listed.append(
        Font(
            SYMBOLA,
            "Symbola.ttf",
            unicodes=symbols,
            package="fonts-symbola",
            kept="U+2100-2BFF and U+1F000-1FAFF: symbols, arrows, dingbats, emoji",
        )
    )
    return listed


def _options() -> subset.Options:
    options = subset.Options()
    options.hinting = False
    options.layout_features = ["*"]  # every OpenType feature: shaping needs them
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.glyph_names = False
    options.recalc_timestamp = False
    return options


def cut(font: Font) -> Path:
    """``font`` subset into OUT; returns the path written."""
    face = TTFont(font.source, fontNumber=font.number, recalcTimestamp=False, lazy=False)
    wanted = font.unicodes if font.unicodes is not None else set(face.getBestCmap())
    subsetter = subset.Subsetter(_options())
    subsetter.populate(unicodes=sorted(wanted))
    subsetter.subset(face)
    out = OUT / font.out
    face.save(out)
    return out


def _version(package: str) -> str:
    return subprocess.run(
        ["dpkg-query", "-W", "-f", "${Version}", package],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def main() -> int:
    missing = [str(f.source) for f in fonts() if not f.source.is_file()]
    if missing:
        print(f"missing (apt install {' '.join(PACKAGES)}): {', '.join(missing)}", file=sys.stderr)
        return 1
    OUT.mkdir(exist_ok=True)
    for old in OUT.glob("*.[ot]tf"):
        old.unlink()
    versions = {package: _version(package) for package in PACKAGES}
    lines = [
        "The fonts the PDF minutes are set in, made by `make fonts` (tests/font_files.py) from",
        "Debian 12's packages, with hinting removed and the characters below kept.",
        "Licences: the SIL Open Font License 1.1 (Noto; no reserved font names) and",
        "Symbola's own free licence; each package's copyright file is beside this one.",
        "",
        *(f"package {package} {version}" for package, version in versions.items()),
        f"fontTools {fontTools.version}",
        "",
    ]
    for font in fonts():
        out = cut(font)
        before, after = font.source.stat().st_size, out.stat().st_size
        with TTFont(out, lazy=True) as made:
            characters = len(made.getBestCmap())
        print(f"{font.out}: {before:,} -> {after:,} bytes, {characters:,} characters", flush=True)
        lines.append(
            f"{font.out} {_sha256(out)} from {font.package}:{font.source.name}"
            f"{f' #{font.number}' if font.number else ''} ({before:,} -> {after:,} bytes;"
            f" {characters:,} characters: {font.kept})"
        )
    for package in PACKAGES:
        shutil.copyfile(
            Path("/usr/share/doc") / package / "copyright", OUT / f"{package}.copyright"
        )
    (OUT / "SOURCES.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
