"""The names check before the minutes leave: every word that could be a person's name.

Live flags must stay precise, because the chair sees them while typing. This check may ask
more: it lists each word (or run of words) in guarded text that the live guard has not flagged
and that no word list knows as something else — a capitalised word that is no ordinary word,
place, organisation or brand (at the start of a sentence too), a word in lower case where a
person's name goes, initials, and nicknames. The chair answers each once, "a name" or "not a
name"; the answers are kept in the record. Pure functions, no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from ctxtui.guard.names import (
    _PERSON_AFTER,
    _STRONG_AFTER,
    LETTERS,
    _lower_case_forenames,
    _title,
    acronyms,
    at_sentence_start,
    capital_runs,
    english_words,
    initials,
    is_name_word,
    is_place_run,
    known_other,
    nicknames,
)

WHY = {
    "unknown": "a capitalised word on no list of words, places or organisations",
    "name_word": "a forename or surname",
    "lower_case": "a word in lower case where a person's name goes",
    "initials": "initials",
    "nickname": "a nickname",
}


@dataclass(frozen=True)
class Candidate:
    text: str
    start: int
    end: int
    why: str  # a key of WHY


def possible_names(
    text: str,
    *,
    allowed: frozenset[str] = frozenset(),
    local_words: frozenset[str] = frozenset(),
    flagged: Iterable[tuple[int, int]] = (),
) -> list[Candidate]:
    """The words in ``text`` that could be a person's name, in order, without overlaps.
    ``allowed``: the people at the meeting; ``local_words``: a service's own place and
    organisation words (lower case); ``flagged``: spans the live guard has flagged already."""
    found = [*_runs(text, allowed, local_words), *_lower_case(text, allowed)]
    found += [Candidate(word, start, end, "initials") for word, start, end, _sure in initials(text)]
    found += [
        Candidate(word, start, end, "nickname")
        for word, start, end, _sure in nicknames(text, allowed)
    ]
    taken = list(flagged)
    kept: list[Candidate] = []
    for candidate in sorted(found, key=lambda c: (c.start, -(c.end - c.start))):
        if any(s < candidate.end and candidate.start < e for s, e in taken):
            continue
        kept.append(candidate)
        taken.append((candidate.start, candidate.end))
    return kept


_POSSESSIVE = re.compile(r"['’]s$")
_PERSON_CUE = re.compile(
    r"\b(?:saw|see|seen|with|told|stopped|searched|arrested|chased|named|called|about|met|"
    r"spoke\s+to|talked\s+to|spoke\s+with)\s+$",
    re.I,
)


def _runs(text: str, allowed: frozenset[str], local: frozenset[str]) -> Iterator[Candidate]:
    """Capitalised words, in runs ("Valbona Berisha"), that no list knows as something else;
    an ordinary word too where only a person stands ("staff saw Sunny get into a car")."""
    for run, following in capital_runs(text):
        if is_place_run(text, run, following, local):
            continue
        at_start = at_sentence_start(text, run[0].start())
        unknown = [
            not known_other(m.group(0), at_start and n == 0, allowed, local)
            and not _after_the(text, m.start())
            for n, m in enumerate(run)
        ]
        if not any(unknown):
            if len(run) == 1 and _person_stands(text, run[0], at_start, allowed, local):
                unknown = [True]
            else:
                continue
        first = unknown.index(True)
        last = len(unknown) - 1 - unknown[::-1].index(True)
        while first > 0 and is_name_word(run[first - 1].group(0)):
            first -= 1  # the words around an unknown one belong to it when they are names
        while last < len(run) - 1 and is_name_word(run[last + 1].group(0)):
            last += 1
        start, end = run[first].start(), run[last].end()
        name = _POSSESSIVE.sub("", text[start:end])
        named = all(is_name_word(m.group(0)) for m in run[first : last + 1])
        yield Candidate(name, start, start + len(name), "name_word" if named else "unknown")


def _after_the(text: str, start: int) -> bool:
    """ "the Duke of Edinburgh", "the Cut": a capitalised ordinary word after "the"."""
    return bool(re.search(r"\bthe\s+$", text[max(0, start - 5) : start], re.I)) and (
        text[start:].split(" ", 1)[0].lower().rstrip("'’s") in english_words()
    )


def _person_stands(
    text: str, word: re.Match[str], at_start: bool, allowed: frozenset[str], local: frozenset[str]
) -> bool:
    """An ordinary word where only a person stands: "staff saw Sunny get into a car", or a
    forename that is also a word at the start of a sentence: "Faith is staying with…"."""
    name = _POSSESSIVE.sub("", word.group(0))
    if name in allowed or name.lower() in local or _after_the(text, word.start()):
        return False
    before = text[max(0, word.start() - 30) : word.start()]
    after = text[word.end() :]
    if at_start:
        return is_name_word(name) and bool(_PERSON_AFTER.match(after) or _STRONG_AFTER.match(after))
    return bool(_PERSON_CUE.search(before) or _STRONG_AFTER.match(after))


def _lower_case(text: str, allowed: frozenset[str]) -> Iterator[Candidate]:
    """A word in lower case where a person's name goes ("saw dritan near…") that is no
    ordinary word, or a listed forename typed in lower case."""
    english = english_words()
    listed = _lower_case_forenames()
    for match in re.finditer(rf"(?<![\w@.#]){LETTERS}+(?:-{LETTERS}+)*", text):
        word = match.group(0)
        if not word.islower() or len(word) < 3 or word in english or word in allowed:
            continue
        if word.upper() in acronyms() or _title(word) in allowed:
            continue
        before = text[max(0, match.start() - 30) : match.start()]
        after = text[match.end() :]
        if (
            word in listed
            or _PERSON_CUE.search(before)
            or _STRONG_AFTER.match(after)
            or _PERSON_AFTER.match(after)
            and at_sentence_start(text, match.start())
        ):
            yield Candidate(word, match.start(), match.end(), "lower_case")
