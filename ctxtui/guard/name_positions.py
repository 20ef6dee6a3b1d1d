"""Where a word stands, and what that says of it: the last word after "was" or "per", a
forename standing alone inside a sentence, a name run followed by a word in lower case, a
surname said to be one; and what makes it the name of a thing ("the Victoria line", "Ivy and
Thistle", "Casa Lumo by the station"). Read by the live flags (names.py)."""

from __future__ import annotations

import re

from ctxtui.guard.cues import LETTERS
from ctxtui.guard.word_lists import (
    english_words,
    group_words,
    is_forename,
    is_place,
    months_and_days,
    place_words,
    surnames,
)

SURNAME_SAID = re.compile(r"\b(?:surname|family\s+name|last\s+name)\s+(?:is\s+|was\s+)?$", re.I)
_LAST_NAMED_BEFORE = re.compile(r"(?:\b(?:is|was|per|by)|\s[-–:])\s+$", re.I)
_SENTENCE_END = re.compile(r"^\s*(?:[.!?;)]|$)")


def named_last(before: str, after: str) -> bool:
    """The last word of a sentence, after "is", "was", "per" or a dash: "the one who set it up
    is Phoenix", "…at a friend's house - Akeisha"."""
    return bool(_LAST_NAMED_BEFORE.search(before) and _SENTENCE_END.match(after))


_NEXT_WORD = re.compile(rf"\s+({LETTERS}+)")


def stands_alone(word: str, after: str) -> bool:
    """A forename that is no ordinary word, capitalised inside a sentence, is someone unless
    a place word follows ("the Albert wing", "the Victoria line") or it is a month."""
    if word.lower() in months_and_days():
        return False
    following = _NEXT_WORD.match(after)
    if following is None:
        return True
    lower = following.group(1).lower()
    return not (lower in place_words() or lower in group_words() or lower in _THING_WORDS)


# words after a forename that make it the name of a thing, not a person: the place words'
# list holds most ("estate", "park"); these name what else is called after people
_THING_WORDS = frozenset(
    ["line", "lines", "ward", "wing", "unit", "award", "scheme", "trust", "fund", "lecture"]
)


_AND_A_CAPITAL = re.compile(rf"\s+(?:and|&)\s+([A-Z]{LETTERS}+)\b")


def title_of_two_words(after: str) -> bool:
    """ "and" and a capitalised ordinary word that is nobody's name: "Ivy and Thistle"."""
    joined = _AND_A_CAPITAL.match(after)
    if not joined:
        return False
    second = joined.group(1)
    if is_forename(second) or second in surnames():
        return False
    return second.lower() in english_words()


_LOWER_NEXT = re.compile(rf"^(?:['’]s)?\s+([a-z]{LETTERS}*)")


def then_lower_case(after: str) -> bool:
    """A word in lower case follows that is no place word nor says where: "Dilan Zebari
    working…", not "Kabongo Road"."""
    following = _LOWER_NEXT.match(after)
    if following is None:
        return False
    word = following.group(1)
    return not is_place(word) and word not in _WHERE_WORDS  # "Casa Lumo by the station"


_WHERE_WORDS = frozenset(["on", "in", "at", "near", "off", "opposite", "behind", "next", "by"])
