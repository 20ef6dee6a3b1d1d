"""Names typed in lower case, for the live flags: a forename on the lists ("keira said"), a
word on no list after a person's verb ("police stopped tharshan"), two forenames joined by a
hyphen, a forename and the surname after it. Read by names.py."""

from __future__ import annotations

import re

from ctxtui.guard.cues import LETTERS, PERSON_AFTER, PERSON_BEFORE, PRONOUN_LATER, STRONG_AFTER
from ctxtui.guard.hits import NameHit
from ctxtui.guard.name_positions import CAPITAL_NEXT, at_sentence_start
from ctxtui.guard.subjects import person_subject
from ctxtui.guard.word_kinds import known_other, on_no_list, word_kind
from ctxtui.guard.word_lists import (
    acronyms,
    english_words,
    field_words,
    is_forename,
    longer_english,
    lower_case_forenames,
    surnames,
)

_LOWER_CASE_CUE = re.compile(
    r"\b(?:saw|stopped|searched|arrested|chased|told|spoke\s+to|talked\s+to|met|named|"
    r"called)\s+$",
    re.I,
)


def unlisted_lower_case_name(text: str, match: re.Match[str]) -> NameHit | None:
    """A lower-case word on no list right after a person's verb: "police stopped tharshan"."""
    word = match.group(0)
    parts = word.split("-")
    if len(parts) > 1 and all(part in lower_case_forenames() for part in parts):
        return NameHit(word, match.start(), match.end())  # "ellie-may", "kai-jay"
    following = CAPITAL_NEXT.match(text[match.end() :])
    if following and _surname_after_lower_case(word, following.group(1)):
        end = match.end() + following.end(1)  # "tamzin Ashdown"
        return NameHit(text[match.start() : end], match.start(), end)
    before = text[max(0, match.start() - 20) : match.start()]
    if (
        word.islower()
        and len(word) >= 4
        and word not in english_words()
        and word.upper() not in acronyms()
        and (
            _LOWER_CASE_CUE.search(before)
            or at_sentence_start(text, match.start())
            and word_kind(word, frozenset(), frozenset()) == "unknown"
            and person_subject(word, text[match.end() :])
        )
    ):
        return NameHit(word, match.start(), match.end())  # "tinashe has been missing"
    return None


def _surname_after_lower_case(word: str, surname: str) -> bool:
    """A word on no dictionary typed in lower case, then a surname or a capitalised word on no
    list: a forename typed in a hurry, and the surname after it."""
    if len(word) < 3 or word.upper() in acronyms():
        return False
    if word_kind(word, frozenset(), frozenset()) not in ("name", "unknown"):
        return False  # an ordinary word in any of its forms: "messaging Tamsin", "a grey Skoda"
    if surname in surnames() or is_forename(surname):
        return True
    return on_no_list(surname) and not known_other(surname, False, frozenset())


_LOWER_SURNAME = re.compile(rf"\s+[a-z]{LETTERS}*(?:['’](?!s\b){LETTERS}+)?(?=['’]s\b)")


def lower_case_name(word: str, match: re.Match[str], before: str, after: str) -> NameHit | None:
    """``word`` is a forename typed in lower case (``_name_at`` has checked the list). A long
    one that no dictionary knows is a name wherever it stands; a short one needs a sign."""
    if word in field_words():  # a greeting, a faith's word or a dish that is a name too
        return NameHit(word, match.start(), match.end()) if STRONG_AFTER.match(after) else None
    if len(word) >= 5 and word not in longer_english():
        return NameHit(word, match.start(), match.end())
    surname = _LOWER_SURNAME.match(after)
    if surname and STRONG_AFTER.match(after[surname.end() :]):
        end = match.end() + surname.end()  # "keira o'dowd's mum": a surname, then a relative
        return NameHit(match.string[match.start() : end], match.start(), end)
    if STRONG_AFTER.match(after) or PERSON_AFTER.match(after) or PERSON_BEFORE.search(before):
        return NameHit(word, match.start(), match.end())
    if PRONOUN_LATER.match(after) and re.search(r"[^\W\d_],?\s+$", before):
        return NameHit(word, match.start(), match.end())
    return None
