"""Names made of letters, for the names check: one capital standing for a person ("officers
searched V"), a letter after a word of size ("Lil Q"), a letter hyphened to a word
("Q-Wobble"), a letter and a full stop where a person stands ("Q. declined"). Pure functions."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from ctxtui.guard.cues import (
    A_CHILD_BEFORE,
    ARTICLE_BEFORE,
    KIN,
    LETTERS,
    ONLY_PEOPLE,
    PERSON_AFTER,
    SEEN_BEFORE,
    SEEN_OR_TOLD_BEFORE,
    SIZE_WORDS,
)
from ctxtui.guard.name_positions import at_sentence_start
from ctxtui.guard.subjects import person_state, person_subject, words


class Letters(NamedTuple):
    text: str
    start: int
    end: int
    why: str  # "initials" or "nickname"
    sure: bool = False  # where only a person stands: the live flags show it too


def letter_names(text: str) -> Iterator[Letters]:
    yield from _single_letters(text)
    yield from _made_of_letters(text)
    yield from _lower_case_initials(text)


# initials typed in lower case, where a person stands: "worries re kd and…", "school say dk
# refused", "nan said t.k. has been…"; never a short word or an abbreviation of the minutes
_LOWER_INITIALS = re.compile(r"(?<![\w.'’/@-])([a-z]{2}|[a-z]\.[a-z]\.?)(?![\w'’/@-]|\.\w)")
_NOT_INITIALS = words(
    "am an as at be by do go he hi if in is it me my no of oh ok on or so to up us we ye yo "
    "eg ie nb ps pm tv gp pc dc ds di yp sw re yr wc st rd mp na ft pt cp dv ld av uk eu "
    "e.g. i.e. a.m. p.m. n.b."
)
# at the start of a clause or after a list's "+", "&" or ",": "police: b.n. + c.w. held"
_CLAUSE_OR_LIST = re.compile(r"(?:^|[:;.!?(\-–•*+&/,])\s*$")
_SAID_BEFORE = re.compile(r"\b(?:re|regarding|says?|said|named|about|for|by|and)\s+$")


def _lower_case_initials(text: str) -> Iterator[Letters]:
    for match in _LOWER_INITIALS.finditer(text):
        letters = match.group(1)
        if letters in _NOT_INITIALS:
            continue
        before = text[max(0, match.start() - 30) : match.start()]
        after = text[match.end() :]
        sure = bool(
            A_CHILD_BEFORE.search(before)
            or ("." in letters and SEEN_OR_TOLD_BEFORE.search(before))  # "wardens stopped r.t."
            or re.search(rf"\b(?:{KIN})\s*[+&]\s*$", before)  # "aunt + f.m. came"
            or (_SAID_BEFORE.search(before) and (person_state(after) or PERSON_AFTER.match(after)))
            or (_CLAUSE_OR_LIST.search(text[: match.start()]) and person_state(after))
        )
        if (
            sure
            or "." in letters  # dotted in lower case: "d.s.", "t.m."
            or SEEN_BEFORE.search(before)
            or person_subject(letters, after, name_word=True)
            or re.match(r"\s+and\s+(?:older|younger|other)\b", after)
            or (re.search(r"\b(?:of|by|from|with|w/)\s+$", before) and re.match(r"\s*[,.;]", after))
            or (
                "." in letters
                and at_sentence_start(text, match.start())
                and re.match(r"\s+[-–:]", after)
            )
        ):
            yield Letters(letters, match.start(), match.end(), "initials", sure)


def _single_letters(text: str) -> Iterator[Letters]:
    """One capital letter standing for a person: "officers searched V", "Q was upset"."""
    for match in re.finditer(r"(?<![\w.&/'’-])([B-HJ-Z])(?![\w.&/'’-])", text):
        before = text[max(0, match.start() - 30) : match.start()]
        after = text[match.end() :]
        if re.search(r"[A-Z]\w*\s+$", before) and not (
            SEEN_BEFORE.search(before) or A_CHILD_BEFORE.search(before)
        ):
            continue  # "Bay G", "Exit K", "Year 8 and H"; not "Child Q"
        sure = bool(SEEN_OR_TOLD_BEFORE.search(before) or ONLY_PEOPLE.match(after))  # "spoke to J"
        if sure or SEEN_BEFORE.search(before) or PERSON_AFTER.match(after):
            yield Letters(match.group(1), match.start(), match.end(), "initials", sure)


# "Lil Q", "Big W": a single letter after a word of size or age is what someone is called
_LETTER_NICKNAME = re.compile(rf"\b(?:{SIZE_WORDS})(?:\s+(?:Man|Boy|Girl|Bro))?\s+[A-Z](?![\w&/-])")
# "Q-Wobble", "Z-Biscuit": a letter and a capitalised word joined by a hyphen; not a letter
# before an ordinary noun of that kind (an A-Level, a U-Turn)
_HYPHENED = re.compile(rf"(?<![\w@#./-])(?:[A-Z]-[A-Z]|[a-z]-[a-z]){LETTERS}+(?![\w@#/-])")
_LETTER_COMPOUNDS = words(
    "level levels road roads ray rays turn turns shirt shirts junction pop fit mail scooter "
    "scooters bike bikes cig cigs bomb plate list board day team wing block side zone plus "
    "string neck commerce safety book books card cards class grade star stars word test "
    "type section form sheet drive series"
)
# a letter and a full stop where a person stands: "Q. declined the lift", "wardens saw Z. run"
_DOTTED_LETTER = re.compile(r"(?<![\w.&/'’-])([A-HJ-Z])\.(?=\s+[a-z])")


def _made_of_letters(text: str) -> Iterator[Letters]:
    """Names made of a letter: "Lil Q", "Q-Wobble", "Q. declined"."""
    for match in _LETTER_NICKNAME.finditer(text):
        yield Letters(match.group(0), match.start(), match.end(), "nickname")
    for match in _HYPHENED.finditer(text):
        if match.group(0).split("-", 1)[1].lower() in _LETTER_COMPOUNDS:
            continue
        before = text[max(0, match.start() - 30) : match.start()]
        if ARTICLE_BEFORE.search(before):
            continue  # "an X-Factor audition": a thing
        if match.group(0).islower() and not (
            SEEN_BEFORE.search(before)
            or re.search(r"\b(?:w/|with)\s+$", before)
            or person_subject(match.group(0), text[match.end() :], name_word=True)
        ):
            continue  # "q-wobble" typed live only where a person stands; not "e-bike seen"
        yield Letters(match.group(0), match.start(), match.end(), "nickname")
    for match in _DOTTED_LETTER.finditer(text):
        before = text[max(0, match.start() - 30) : match.start()]
        after = text[match.end() :]
        if (
            SEEN_BEFORE.search(before)
            or PERSON_AFTER.match(after)
            or person_subject("", after, name_word=True)
        ):
            yield Letters(match.group(0), match.start(), match.end(), "initials")
