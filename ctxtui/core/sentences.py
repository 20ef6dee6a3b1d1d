"""A written contribution a sentence at a time, for the chair to pull in as points."""

from __future__ import annotations

import re

_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[\"'“‘(]*[A-Z])")
# a full stop after these ends a word, not a sentence: "Dr. Shah", "St. Mary's"
_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "mx",
        "dr",
        "st",
        "sgt",
        "pc",
        "pcso",
        "insp",
        "supt",
        "cllr",
        "rd",
        "ave",
        "no",
        "approx",
        "etc",
        "e.g",
        "i.e",
        "vs",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "mon",
        "tue",
        "wed",
        "thu",
        "fri",
        "sat",
        "sun",
    ]
)
_BULLET = re.compile(r"^\s*(?:[-*•–]|\d+[.)])\s+")


def sentences(text: str) -> list[str]:
    """The contribution a sentence at a time: each line (a paragraph or a bullet) is cut after
    a full stop, question or exclamation mark that a capital follows (not after "Dr." or
    "St.")."""
    out: list[str] = []
    for line in text.split("\n"):
        line = _BULLET.sub("", line).strip()
        parts = [part.strip() for part in _SENTENCE_END.split(line) if part.strip()]
        for part in parts:
            last_word = out[-1].rsplit(None, 1)[-1].rstrip(".").lower() if out else ""
            if (
                out
                and out[-1].endswith(".")
                and last_word in _ABBREVIATIONS
                and part is not parts[0]
            ):
                out[-1] = f"{out[-1]} {part}"
            else:
                out.append(part)
    return out
