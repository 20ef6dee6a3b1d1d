"""Names in a list or a pair: every known forename or surname in a list of capitalised words once
one of them is someone; two or three capitalised words joined by "and" before what is said of
people together. Read by names.py."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ctxtui.guard.cues import LETTERS
from ctxtui.guard.hits import NameHit
from ctxtui.guard.name_positions import a_thing_named
from ctxtui.guard.subjects import is_role, person_predicate, thought_to_be_someone
from ctxtui.guard.word_kinds import known_other, on_no_list
from ctxtui.guard.word_lists import (
    acronyms,
    group_words,
    is_forename,
    is_name_word,
    is_place,
    months_and_days,
    ordinary_words,
    proper_words,
    surnames,
)

_LISTED = re.compile(r"\b[A-Z][\w'’-]*(?:(?:\s*,\s*|\s+(?:and|or|&|\+)\s+)[A-Z][\w'’-]*)+")
_LIST_ITEM = re.compile(r"[A-Z][\w'’-]*")


def listed_with(text: str, found: list[NameHit], allowed: frozenset[str]) -> Iterator[NameHit]:
    """In "Staff saw Efe, Ruslan and Maisie", once one item of a list is a person, every other item
    that is a known forename or surname (and not a place or someone at the meeting) is too."""
    taken = [(hit[1], hit[2]) for hit in found]
    for listed in _LISTED.finditer(text):
        items = [
            (m.group(0), listed.start() + m.start(), listed.start() + m.end())
            for m in _LIST_ITEM.finditer(listed.group(0))
        ]
        named = [any(s < end and start < e for s, e in taken) for _w, start, end in items]
        plain = [
            is_forename(w) and w not in ordinary_words() and w not in allowed and not is_place(w)
            for w, _s, _e in items
        ]
        if not any(named) and not (len(items) >= 3 and sum(plain) >= 2):
            continue  # a list is of people once one item is, or two are plain forenames
        for (word, start, end), is_named in zip(items, named, strict=True):
            known = is_forename(word) or word in surnames() or on_no_list(word)
            known = known and word.lower() not in months_and_days()
            if not is_named and known and word not in allowed and not is_place(word):
                yield NameHit(word, start, end)


# two or three capitalised words joined by "and", then a verb for more than one: the words
# are people when what follows is said of people ("Ardit and Jeta were stopped by police")
_PAIR = re.compile(
    rf"(?<![\w'’-])([A-Z]{LETTERS}+(?:-{LETTERS}+)?)(?:,\s*([A-Z]{LETTERS}+(?:-{LETTERS}+)?))?"
    rf",?\s+(?:and|&)\s+([A-Z]{LETTERS}+(?:-{LETTERS}+)?)(?=\s+[a-z])"
)
# what only two or more people are: "… are cousins", "… were best friends"
_TOGETHER = re.compile(
    r"^\s+(?:are|were)\s+(?:both\s+|all\s+)?(?:siblings|brothers|sisters|cousins|twins|"
    r"friends|best\s+friends|a\s+couple|together)\b"
)
# two plain words both somewhere with someone, or out: "Pip and Sprout were both at the garages"
_SOMEWHERE_TOGETHER = re.compile(r"^\s+(?:was|has|had)\s+(?:at|outside|near|with|out|on\s+the)\b")
_PLURAL_VERB = re.compile(r"^\s+(have|had|are|were)(?:\s+(?:both|all|each))?\b")
_ONE_PERSON = {"have": "has", "had": "had", "are": "is", "were": "was"}


def pairs(text: str, allowed: frozenset[str]) -> Iterator[NameHit]:
    for match in _PAIR.finditer(text):
        words = [word for word in match.groups() if word]
        after = text[match.end() :]
        both = re.match(r"\s+(?:(?:are|were|have|had)\s+)?both\b", after) or (
            thought_to_be_someone(after)  # "… were described as the men in charge"
        )
        nobody_else = not any(
            is_place(w) or w in allowed or w.lower() in group_words() or is_role(w) for w in words
        )
        if any(known_other(w, False, allowed, surnames_too=False) for w in words) and not (
            both and nobody_else and (any(is_name_word(w) for w in words) or _plain_words(words))
        ):
            continue  # but "Thorne and Lark were both named", "Gravel and Ember both seen"
        if a_thing_named(after):
            continue  # "Tesco and Yarrowby stores"
        after = re.sub(r"^\s+both(?=\s)", "", after)  # "… both spotted on the towpath"
        plural = _PLURAL_VERB.match(after)
        if plural:  # "have been seen" is said of people as "has been seen" is of one
            after = " " + _ONE_PERSON[plural.group(1)] + after[plural.end() :]
        somewhere = both and _SOMEWHERE_TOGETHER.match(after) and _plain_words(words)
        if (
            _TOGETHER.match(text[match.end() :])
            or somewhere
            or person_predicate(after, bare=bool(both))
        ):
            yield from (
                NameHit(word, match.start(n), match.end(n))
                for n, word in enumerate(match.groups(), start=1)
                if word
            )


def _plain_words(words: list[str]) -> bool:
    """Capitalised words, none a brand's or a service's name: what people are called ("Gravel
    and Ember were both…")."""
    return not any(w in proper_words() or w.upper() in acronyms() for w in words)
