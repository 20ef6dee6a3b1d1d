"""A capitalised word that is no forename or surname of the lists (a nickname, a word-name on
no list, a family in the plural), flagged live only where the words around it show a person:
what happens only to people, who they are said to be, what a family does, the subject of what
only people do; and a full name put in brackets. Read by names.py. Pure functions."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ctxtui.guard.cues import (
    AND_A_RELATIVE,
    KIN,
    LETTERS,
    NAMED_AFTER_WHO,
    ONLY_PEOPLE,
    ONLY_PEOPLE_BEFORE,
    OWN_RELATIVE_BEFORE,
    ROLE_IN_BRACKETS,
    WHO_IN_BRACKETS,
    WHO_THEY_ARE_AFTER,
)
from ctxtui.guard.hits import NameHit
from ctxtui.guard.person_places import FAMILY_OF, PERSON_OBJECT_BEFORE, RELATIVE_JUST_BEFORE
from ctxtui.guard.subjects import (
    FINITE_NEXT,
    is_function_word,
    is_role,
    person_around,
    person_subject,
    thought_to_be_someone,
)
from ctxtui.guard.word_kinds import a_place_compound, a_role_compound, on_no_list
from ctxtui.guard.word_lists import (
    group_words,
    is_name_word,
    is_place,
    place_words,
    proper_words,
)


def unknown_person(word: str, before: str, after: str, allowed: frozenset[str]) -> bool:
    """A capitalised word on no list, followed by something that happens only to people."""
    if is_place(word) or word.isupper():
        return False
    return bool(
        ONLY_PEOPLE.match(after)
        or ONLY_PEOPLE_BEFORE.search(before)
        or (OWN_RELATIVE_BEFORE.search(before) and on_no_list(word))  # "her cousin Zoltek"
        or (on_no_list(word) and _RE_BEFORE.search(before) and _A_NOTE_AFTER.match(after))
        or (on_no_list(word) and word not in allowed and _kin_around(before, after))
        or (_a_plain_word(word) and _beside_who_they_are(word, after))  # "Nutmeg (yp)"
        or thought_to_be_someone(after)  # "Wisp thought to be the ringleader"
        or _THINGS_OF_A_PERSON.match(after)  # "Wisp's phone was taken"
        or (word not in allowed and _done_to_them(word, before, after))
        or (_a_plain_word(word) and _said_who_they_are(before, after))
        or _a_family_acting(word, before, after)  # "the Brankleys have asked for…"
        or (_a_plain_word(word) and _a_subject_of_people(word, before, after))
    )


# a note headed with someone: "re Zoltek: school to update", "re Zoltek – no news"
_RE_BEFORE = re.compile(r"(?:^|[.;]\s+|\n)\s*(?:re|regarding)\s+$", re.I)
_A_NOTE_AFTER = re.compile(r"\s*(?::|\s[-–—]\s)")


# after a person's word, a thing's: "… and Snapfish being used", "… Vapes"
_A_THING_NEXT = re.compile(
    r"^(?:\s+(?:and|&)\s+[A-Z]\w+)?\s+(?:being|is|are|was|were)(?:\s+being)?\s+used\b|^\s+[A-Z]"
)


# what a family does, said of "the …s": a place or a band is never said to
_A_FAMILY_ACTS = re.compile(
    r"\s+(?:next\s+door\s+)?(?:(?:have|has|had)\s+(?:(?:also|now|both|all)\s+)?)?(?:asked|said|"
    r"told|complained|reported|moved|agreed|refused|declined|attended|offered|seen|"
    r"been\s+(?:warned|visited|told|asked|offered|contacted|rehoused|evicted))\b"
    r"|\s+are\s+(?:moving|being\s+(?:rehoused|evicted|moved))\b"
    r"|['’]\s+(?:garage|house|home|flat|garden|car|van|son|daughter|kids|children|boys|girls)\b"
)


def _a_family_acting(word: str, before: str, after: str) -> bool:
    """ "The …s" of a surname doing what a family does, or of a surname of the lists met or
    visited by a service ("will meet the Brankleys")."""
    stem = word[:-1]
    if not word.endswith("s") or stem.lower() in place_words():
        return False
    if _A_FAMILY_MET.search(before):
        return is_name_word(stem)
    acts = bool(_A_FAMILY_ACTS.match(after))
    return (
        acts
        and bool(re.search(r"\bthe\s+$", before, re.I))
        and (is_name_word(stem) or on_no_list(stem))
    )


_A_FAMILY_MET = re.compile(
    r"\b(?:meet|met|meeting|visit|visited|visiting|contact|contacted|support|supporting|"
    r"supported|phoned|rang|told|asked)\s+the\s+$",
    re.I,
)


_A_CLAUSE_OPENS = re.compile(
    r"(?:^|[.:;!?]|\b(?:that|said|says|believe|think|whether|because|although|unless|if|when|"
    r"while))\s*$"
)


def _a_subject_of_people(word: str, before: str, after: str) -> bool:
    """At a clause's start, one thing (no plural, no acronym, no "-master") that does what only
    people do: "Tinsel was seen handing…"; not "Derwent Walk rangers have…"."""
    plural = word.endswith("s") and not word.endswith("ss")  # not "Princess"
    if plural or word.endswith(("ed", "ing", "ly")) or sum(c.isupper() for c in word) > 1:
        return False  # a plural, an acronym, a word describing the next: "Mixed messages…"
    if re.match(r"\s+[A-Z]", after):
        return False
    if a_role_compound(word.lower()) or a_place_compound(word.lower()):
        return False  # "Quaymaster has asked…", "Castlegate came top…"
    opens = bool(_A_CLAUSE_OPENS.search(before))
    return (
        opens and bool(FINITE_NEXT.match(after)) and person_subject(word, after)
    )  # not "Info sharing"


def _said_who_they_are(before: str, after: str) -> bool:
    """Who someone is, said around the word: "…, who", "(street name)", "dad (…)"."""
    return bool(
        person_around(after)
        or ROLE_IN_BRACKETS.match(after)
        or WHO_THEY_ARE_AFTER.match(after)
        or NAMED_AFTER_WHO.search(before)
    )


def _a_plain_word(word: str) -> bool:
    """No function word, role, known service or brand, place's word or group."""
    lower = word.lower()
    return not (
        is_function_word(word)
        or is_role(word)
        or word in proper_words()  # a service or a brand: "rang Samaritans"
        or lower in place_words()
        or lower in group_words()
    )


def _done_to_them(word: str, before: str, after: str) -> bool:
    """Inside a sentence, where a person is acted on: "staff praised Wisp", "filmed by Wisp"."""
    return (
        _a_plain_word(word)
        and bool(re.search(r"[^\W\d_],?\s+$", before))
        and bool(PERSON_OBJECT_BEFORE.search(before))
        and not _A_THING_NEXT.match(after)
    )


_THINGS_OF_A_PERSON = re.compile(
    rf"['’]s\s+(?:older\s+|younger\s+)?(?:{KIN}|phone|bike|bag|snap|snapchat|insta|instagram|"
    r"tiktok|messages|trainers|jacket|hoodie|(?:[A-Z]{2,5}\s+)?referral|(?:football\s+|boxing\s+)?coach|mentor|"
    r"key\s*worker|youth\s+worker|social\s+worker|foster\s+carers?)\b"
)


def _beside_who_they_are(word: str, after: str) -> bool:
    """One ordinary word before who the person is in brackets, or "and" their relatives."""
    beside = WHO_IN_BRACKETS.match(after) or AND_A_RELATIVE.match(after)
    return bool(beside) and not word.endswith("s") and not word.isupper()


def _kin_around(before: str, after: str) -> bool:
    """A family's word or a relative beside a word on no list: "… (stepdad)", "… and her
    sister", "cousin …", "the … boys"; not a forum or a hub ("the … Parents Forum", "the …
    family hub")."""
    if FAMILY_OF.match(after) or ROLE_IN_BRACKETS.match(after) or AND_A_RELATIVE.match(after):
        return True
    family = _A_FAMILY_NEXT.match(after)
    return bool(family and before.endswith("the ")) or bool(RELATIVE_JUST_BEFORE.search(before))


_A_FAMILY_NEXT = re.compile(
    r"\s+(?:boys|girls|kids|lads|family|brothers|sisters|twins|siblings|cousins|children)\b"
    r"(?!\s+(?:hub|centre|center|support|service|services|project|group|team|club|network|"
    r"worker|work|help|time|room|home|zone))"
)


_BRACKETED = re.compile(
    rf"\(([A-Z]{LETTERS}+(?:[-'’]{LETTERS}+)*\s[A-Z]{LETTERS}+(?:-{LETTERS}+)*)\)"
)


def bracketed_full_names(text: str, allowed: frozenset[str]) -> Iterator[NameHit]:
    """A full name put in brackets after what was said of someone: "(Firstname Surname)"."""
    for match in _BRACKETED.finditer(text):
        words = match.group(1).split()
        if any(w in allowed for w in words) or any(is_place(w) for w in words):
            continue
        if all(is_name_word(w) or on_no_list(w) for w in words):
            yield NameHit(match.group(1), match.start(1), match.end(1))
