"""Finds people's names in minute text, from word lists and the words around a name.

A forename on its own says little ("Grace Court", "Jordan Road", "St Mary's"), so a word from
the lists is flagged only with a sign that a person is meant: a surname after it, a verb or a
possessive that belongs to people, a title ("Ms Adeyemi"), or a family word ("the Nowak
brothers"). Forenames that are also ordinary words (Grace, Hope, Said) need a stronger sign.
Forenames typed in lower case at speed ("kai was stopped") are flagged when the word is not
also an ordinary word.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple


class NameHit(NamedTuple):
    text: str
    start: int
    end: int


LETTERS = r"[^\W\d_]"
_TOKEN = re.compile(rf"(?<![\w@.]){LETTERS}+(?:-{LETTERS}+|['’](?!s\b){LETTERS}+)*")
_CAPITAL = re.compile(rf"\s+([A-ZÀ-ÖØ-Þ]{LETTERS}*(?:-[A-ZÀ-ÖØ-Þ]{LETTERS}*)*)((?:'s|’s)?)")

_VERBS = (
    r"was|is|has|had|said|says|told|tells|went|goes|got|gets|lives|lived|attends|attended|"
    r"reported|disclosed|who|whose|ran|runs|carries|carried|hangs|hung|spends|spent|stays|"
    r"stayed|admitted|missed|came|comes|left|refused|refuses|sells|sold|joined|uses|used|"
    r"aged|and\s+(?:his|her|their)|and\s+another|thinks|thought|wants|wanted|keeps|"
    r"stores|collects|owes|asked|says"
)
_PERSON_AFTER = re.compile(
    rf"^(?:'s\b|’s\b|\s+(?:{_VERBS})\b|,\s*\d{{1,2}}\b|\s*\(\s*\d{{1,2}}\s*\))"
)
_STRONG_AFTER = re.compile(
    r"^(?:(?:'s|’s)\s+(?:older\s+|younger\s+|big\s+|little\s+)?(?:brother|sister|mum|mother|"
    r"dad|father|cousin|friend|boyfriend|girlfriend|aunt|uncle|nan|gran|phone|family|son|"
    r"daughter|partner|carer)"
    r"|\s+(?:was|is|has\s+been|had\s+been)\s+(?:stopped|arrested|searched|seen|threatened|"
    r"assaulted|stabbed|chased|excluded|missing|found|picked|taken|approached|groomed|"
    r"injured|robbed|cautioned|charged|followed|sleeping|staying|living|given|paid|asked|"
    r"reported|being|not|in|at|with)"
    r"|\s+(?:said|says|told|disclosed|admitted|aged|missing)"
    r"|,\s*\d{1,2}\s*,|\s*\(\s*\d{1,2}\s*\))\b",
)
_PERSON_BEFORE = re.compile(
    r"(?:\b(?:told|tell|with|saw|see|named|called|asked|met|meet|approached|by|for|and|"
    r"stopped|searched|arrested|chased|follows|followed|think|thinks|worried|"
    r"child|boy|girl|pupil|student|son|daughter|brother|sister|sibling|cousin|friend|mum|dad|"
    r"mother|father|spoke\s+to|talked\s+to|about)\s+)$",
    re.I,
)
_PLACE_BEFORE = re.compile(
    r"\b(?:St|Saint|Mount|Lake|Fort|Port|Cape|Lord|Lady|King|Queen|Prince|Princess|Sir|Cllr|Councillor|Dr|PC|DC|Sgt|Insp)\.?\s+$"
)
_TITLE = re.compile(
    rf"\b(?:Mr|Mrs|Ms|Miss|Mx)\.?\s+([A-Z]{LETTERS}+(?:[-'’][A-Z]?{LETTERS}+)*)"
    rf"(?:\s+([A-Z]{LETTERS}+(?:-[A-Z]{LETTERS}+)*))?"
)
_FAMILY = re.compile(
    rf"\b(?:the|The)\s+([A-Z]{LETTERS}+(?:-[A-Z]{LETTERS}+)*)\s+"
    r"(?:family|families|brothers|sisters|twins|siblings|cousins|household|boys|girls|kids)\b"
    r"(?!\s+(?:centre|center|hub|support|service|services|project|group|team|club|network))"
)


def _word_list(name: str) -> frozenset[str]:
    """A shipped word list: one entry a line, ``#`` starts a comment line."""
    path = Path(__file__).with_name("data") / name
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


@functools.lru_cache(maxsize=1)
def forenames() -> frozenset[str]:
    return _word_list("forenames.txt")


@functools.lru_cache(maxsize=1)
def surnames() -> frozenset[str]:
    return _word_list("surnames.txt")


@functools.lru_cache(maxsize=1)
def ordinary_words() -> frozenset[str]:
    """Forenames that are ordinary words too: flagged only on a strong sign."""
    return _word_list("forename_words.txt")


@functools.lru_cache(maxsize=1)
def place_words() -> frozenset[str]:
    """Words after a capitalised name that show it is a place or an organisation, not a person."""
    return _word_list("place_words.txt")


@functools.lru_cache(maxsize=1)
def group_words() -> frozenset[str]:
    """Words before "boys", "family"… that describe a group, not a surname."""
    return _word_list("group_words.txt")


def _title(word: str) -> str:
    return "-".join(p[:1].upper() + p[1:].lower() for p in word.split("-"))


def _is_forename(word: str) -> bool:
    names = forenames()
    if word in names or _title(word) in names:
        return True
    parts = word.split("-")
    return len(parts) > 1 and all(_title(p) in names for p in parts)


def _is_place(word: str) -> bool:
    return word.lower().rstrip("'’s") in place_words() or word.lower() in place_words()


def find_names(text: str, allowed: frozenset[str]) -> Iterator[NameHit]:
    found = [*_titled(text, allowed), *_families(text, allowed)]
    for match in _TOKEN.finditer(text):
        hit = _name_at(text, match, allowed)
        if hit:
            found.append(hit)
    yield from found
    yield from _listed_with(text, found, allowed)


_LISTED = re.compile(r"\b[A-Z][\w'’-]*(?:(?:\s*,\s*|\s+(?:and|or|&)\s+)[A-Z][\w'’-]*)+")
_LIST_ITEM = re.compile(r"[A-Z][\w'’-]*")


def _listed_with(text: str, found: list[NameHit], allowed: frozenset[str]) -> Iterator[NameHit]:
    """In "Staff saw Mia, Jayden and Leo", once one item of a list is a person, every other item
    that is a known forename or surname (and not a place or someone at the meeting) is too."""
    taken = [(hit[1], hit[2]) for hit in found]
    for listed in _LISTED.finditer(text):
        items = [
            (m.group(0), listed.start() + m.start(), listed.start() + m.end())
            for m in _LIST_ITEM.finditer(listed.group(0))
        ]
        named = [any(s < end and start < e for s, e in taken) for _w, start, end in items]
        if not any(named):
            continue
        for (word, start, end), is_named in zip(items, named, strict=True):
            known = _is_forename(word) or word in surnames()
            if not is_named and known and word not in allowed and not _is_place(word):
                yield NameHit(word, start, end)


def _titled(text: str, allowed: frozenset[str]) -> Iterator[NameHit]:
    for match in _TITLE.finditer(text):
        if match.group(1) in allowed or _is_place(match.group(1)):
            continue
        yield NameHit(match.group(0), match.start(), match.end())


def _families(text: str, allowed: frozenset[str]) -> Iterator[NameHit]:
    for match in _FAMILY.finditer(text):
        word = match.group(1)
        if word in allowed or _is_place(word) or word.lower() in group_words():
            continue
        yield NameHit(match.group(0), match.start(), match.end())


def _name_at(text: str, match: re.Match[str], allowed: frozenset[str]) -> NameHit | None:
    word = match.group(0)
    if not word[0].isupper() and word not in _lower_case_forenames():
        return None
    before, after = text[max(0, match.start() - 40) : match.start()], text[match.end() :]
    if not word[0].isupper():
        return _lower_case_name(word, match, before, after)
    if word.isupper() and len(word) > 1:
        return None  # an acronym: YOT, CSE, PC
    if not _is_forename(word) and not (_title(word) in surnames() and _STRONG_AFTER.match(after)):
        if _unknown_person(word, before, after):
            return NameHit(word, match.start(), match.end())
        return None
    if _PLACE_BEFORE.search(before):
        return None
    following = _CAPITAL.match(after)
    second = following.group(1) if following else ""
    # "Leon Makinde" is someone, even while Leon Marsh is at the meeting
    named_in_full = second != word and (second in forenames() or second in surnames())
    if word in allowed and not named_in_full:
        return None
    if following:
        surname, rest = following.group(1), after[following.end() :]
        full = f"{word} {surname}"
        if full in allowed or surname in allowed:
            return None
        third = re.match(rf"\s+({LETTERS}+)", rest)
        if third and _is_place(third.group(1)):
            return None  # Mary Seacole Centre, Jack Petchey Foundation
        if _is_place(surname) or surname.lower() in group_words():
            if _STRONG_AFTER.match(after[following.end(1) :]):
                return NameHit(full, match.start(), match.end() + following.end(1))
            return None  # Jordan Road, Grace Court, Victoria Station
        if word in ordinary_words() and surname not in surnames() and not _is_forename(surname):
            return None
        return NameHit(full, match.start(), match.end() + following.end(1))
    weak = _PERSON_AFTER.match(after) or _PERSON_BEFORE.search(before)
    if word in ordinary_words() and not _STRONG_AFTER.match(after):
        # a capital in mid-sentence marks a proper name: "saw Ruby getting into a car"
        mid_sentence = bool(re.search(r"[^\W\d_],?\s+$", before))
        return NameHit(word, match.start(), match.end()) if weak and mid_sentence else None
    if weak or _STRONG_AFTER.match(after):
        return NameHit(word, match.start(), match.end())
    return None


# What happens only to people: "Adebayo was stopped", whatever the name.
_ONLY_PEOPLE = re.compile(
    r"^\s+(?:was|has\s+been|had\s+been)\s+(?:stopped|arrested|searched|threatened|assaulted|"
    r"stabbed|chased|excluded|groomed|injured|robbed|cautioned|charged|seen\s+crying|"
    r"reported\s+missing|picked\s+up)\b"
    r"|^\s+is\s+being\s+(?:asked|groomed|exploited|used|targeted|bullied|followed|paid)\b"
    r"|^(?:'s|’s)\s+(?:older\s+|younger\s+)?(?:brother|sister|mum|mother|dad|father|cousin|"
    r"boyfriend|girlfriend|aunt|uncle|nan|gran)\b"
    r"|^\s+(?:said|says|told|tells)\s+(?:\w+\s+){0,3}?(?:she|he)\b"
)
_ONLY_PEOPLE_BEFORE = re.compile(
    r"\b(?:stopped|searched|arrested|chased|overheard|threatened|assaulted|excluded)\s+$"
)


def _unknown_person(word: str, before: str, after: str) -> bool:
    """A capitalised word on no list, followed by something that happens only to people."""
    if _is_place(word) or word.isupper():
        return False
    return bool(_ONLY_PEOPLE.match(after) or _ONLY_PEOPLE_BEFORE.search(before))


@functools.lru_cache(maxsize=1)
def _lower_case_forenames() -> frozenset[str]:
    """Forenames that are no ordinary word, as typed in a hurry: "kai", "jayden"."""
    common, places = ordinary_words(), place_words()
    return frozenset(
        n.lower()
        for n in forenames()
        if len(n) >= 3 and n not in common and n.lower() not in places
    )


def _lower_case_name(word: str, match: re.Match[str], before: str, after: str) -> NameHit | None:
    """``word`` is a forename typed in lower case (``_name_at`` has checked the list)."""
    if _STRONG_AFTER.match(after) or _PERSON_AFTER.match(after) or _PERSON_BEFORE.search(before):
        return NameHit(word, match.start(), match.end())
    return None
