"""Finds people's names in minute text, from word lists and the words around a name.

A forename alone says little ("Ruby Terrace", "Tyler Way"), so a listed word is flagged only with a
sign that a person is meant: a surname after it, a person's verb or possessive, a title, a family
word. A forename that is an ordinary word too (Grace, Hope) needs a stronger sign; one typed in
lower case at speed is flagged when it is no ordinary word.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ctxtui.guard.cues import (
    A_CHILD_BEFORE,
    A_FAMILY_AFTER,
    AND_A_RELATIVE,
    IN_BRACKETS_AFTER,
    LETTERS,
    NAMED_AFTER_WHO,
    ONLY_PEOPLE,
    PERSON_AFTER,
    PERSON_BEFORE,
    PLACE_BEFORE,
    PRONOUN_LATER,
    SAID_OF_PLACES,
    SAID_WHO,
    SEEN_OR_TOLD_BEFORE,
    SPOKE_TO,
    STRONG_AFTER,
    WHO_THEY_ARE_AFTER,
    a_chain_at,
    chain_names_in,
)
from ctxtui.guard.hits import NameHit
from ctxtui.guard.letter_names import letter_names
from ctxtui.guard.lower_case_names import lower_case_name, unlisted_lower_case_name
from ctxtui.guard.name_positions import (
    AT_A_PLACE,
    CAPITAL_NEXT,
    ON_A_STREET,
    SURNAME_SAID,
    SURNAME_THINGS,
    WHEN_BEFORE,
    a_business_run,
    a_given_name_shape,
    a_thing_after,
    at_sentence_start,
    business_before,
    capital_runs,
    is_place_run,
    named_last,
    named_like_a_place,
    names_a_thing,
    owner_without_apostrophe,
    someone_here,
    stands_alone,
    then_lower_case,
    title_of_two_words,
)
from ctxtui.guard.nicknames import initials, nicknames
from ctxtui.guard.pairs import listed_with, pairs
from ctxtui.guard.subjects import (
    FINITE_NEXT,
    person_around,
    person_predicate,
    person_state,
    person_subject,
    thought_to_be_someone,
)
from ctxtui.guard.unlisted_people import bracketed_full_names, unknown_person
from ctxtui.guard.word_kinds import known_other, on_no_list
from ctxtui.guard.word_lists import (
    POSSESSIVE,
    a_chinese_given_name,
    english_words,
    forenames,
    group_words,
    is_acronym,
    is_forename,
    is_name_word,
    is_place,
    lower_case_forenames,
    months_and_days,
    ordinary_words,
    place_names,
    place_words,
    surnames,
    title_case,
)

_TOKEN = re.compile(rf"(?<![\w@.]){LETTERS}+(?:-{LETTERS}+|['’](?!s\b){LETTERS}+)*")

_TITLE = re.compile(
    rf"\b(?:Mr|Mrs|Ms|Miss|Mx)\.?\s+([A-Z]{LETTERS}+(?:[-'’][A-Z]?{LETTERS}+)*)"
    rf"(?:\s+([A-Z]{LETTERS}+(?:-[A-Z]{LETTERS}+)*))?"
)
_FAMILY = re.compile(
    rf"\b(?:the|The|both|Both|all\s+the|All\s+the|two|Two|three|Three)\s+"
    rf"(?:(?:eldest|youngest|oldest|older|younger|little|big|middle)\s+)?"
    rf"([A-Z]{LETTERS}+(?:-[A-Z]{LETTERS}+)*)\s+"
    r"(family|families|brothers|sisters|twins|siblings|cousins|household|boys|girls|kids|"
    r"boy|girl|lad|lads|kid|child|children|brother|sister|lot|clan|crew|mob)\b"
    r"(?!\s+(?:centre|center|hub|support|service|services|project|group|team|club|network))"
)


def find_names(text: str, allowed: frozenset[str]) -> Iterator[NameHit]:
    found = [*_titled(text, allowed), *_families(text, allowed), *_unknown_runs(text, allowed)]
    found += pairs(text, allowed)
    found += bracketed_full_names(text, allowed)
    found += [*_initials(text), *_nicknames(text, allowed)]
    for match in _TOKEN.finditer(text):
        hit = _name_at(text, match, allowed)
        if hit:
            found.append(hit)
    chains = chain_names_in(text)  # a shop named for someone: its words are no names
    for hit in [*found, *listed_with(text, found, allowed)]:
        if not any(start <= hit[1] and hit[2] <= end for start, end in chains):
            yield hit


def _titled(text: str, allowed: frozenset[str]) -> Iterator[NameHit]:
    for match in _TITLED_INITIAL.finditer(text):
        yield NameHit(match.group(0), match.start(), match.end())  # a title and one initial
    for match in _TITLE.finditer(text):
        word = match.group(1)
        after = text[match.end() :]
        if word in allowed or _A_TITLED_BRAND_SELLS.match(after):
            continue  # "Mr Softee vans", a brand named with a title
        if person_predicate(after, bare=False) or WHO_THEY_ARE_AFTER.match(after):
            pass  # "Mr Thorn rang in…", "Mrs Lake, the grandmother,"
        elif is_place(word) or (word.lower() in english_words() and not is_name_word(word)):
            continue  # "Mr Fizz", a shop's name
        yield NameHit(match.group(0), match.start(), match.end())


_TITLED_INITIAL = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Mx)\.?\s+[A-Z]\b(?![.'’]\w)")
_A_TITLED_BRAND_SELLS = re.compile(r"\s+(?:vans?|ices?|ice\s+creams?|sweets|cakes)\b")
_KIN_NOUNS = frozenset(["family", "families", "household", "siblings", "twins", "clan"])
_SIBLINGS = frozenset(["brothers", "sisters", "cousins"])


def _families(text: str, allowed: frozenset[str]) -> Iterator[NameHit]:
    for match in _FAMILY.finditer(text):
        word = match.group(1)
        kin = match.group(2).lower() in _KIN_NOUNS or match.group(2) in _SIBLINGS
        place = is_place(word) and not kin  # "the Hill twins"
        if word in allowed or place or word.lower() in group_words() or is_acronym(word):
            continue  # "the YMCA crew", "the Estate boys"
        if known_other(word, True, allowed) and title_case(word) not in surnames() and not kin:
            continue  # "the Kestrel boys", "the Year boys"; but "the Thorn family"
        yield NameHit(match.group(0), match.start(), match.end())


def _name_at(text: str, match: re.Match[str], allowed: frozenset[str]) -> NameHit | None:
    """The name that one word of the text (``match``) is, or starts, if a person is meant."""
    word = match.group(0)
    if owner_without_apostrophe(word, text[match.end() :]):
        return NameHit(word, match.start(), match.end())
    if not word[0].isupper() and word not in lower_case_forenames():
        return unlisted_lower_case_name(text, match)
    before, after = text[max(0, match.start() - 40) : match.start()], text[match.end() :]
    if not word[0].isupper():
        return lower_case_name(word, match, before, after)
    if word.isupper() and len(word) > 1:
        return None  # an acronym: YOT, CSE, PC
    if a_chain_at(text, match.start(), match.end()):
        return None  # "Sainsbury's loading bay", "the queue in Greggs"
    return _capitalised_name(match, before, after, allowed)


# a family name that names a thing too, after a forename: "police stopped … Ward"
_A_SURNAME_THING_NEXT = re.compile(rf"\s+(?:{SURNAME_THINGS})\b(?!\s+[A-Z])")
_CAPITALS_BEFORE = re.compile(rf"(?:[A-Z]{LETTERS}*\s)*$")


def _capitalised_name(
    match: re.Match[str], before: str, after: str, allowed: frozenset[str]
) -> NameHit | None:
    """A capitalised word: a forename, or a surname standing alone, where a person is meant;
    with the surname after it when there is one."""
    word = match.group(0)
    seen = SEEN_OR_TOLD_BEFORE.search(before) and _A_SURNAME_THING_NEXT.match(after)
    if a_thing_after(after) and not seen:
        return None  # "Kemi's Kitchen", "Tariq Chicken": a shop, a day, a law
    capitals = _CAPITALS_BEFORE.search(before)
    if a_business_run([*(capitals.group(0).split() if capitals else ()), word]):
        return None  # "Bar Rosa", "Caffè Nico"
    surname_as_one = title_case(word) in surnames() and (
        STRONG_AFTER.match(after)
        or SURNAME_SAID.search(before)
        or person_around(after)
        or AND_A_RELATIVE.match(after)  # "… and his younger brother"
        or A_CHILD_BEFORE.search(before)  # "Nana Coyle", "young Brady"
        or thought_to_be_someone(after)  # "… was identified as the older male"
    )
    if not is_forename(word) and not surname_as_one:
        if unknown_person(word, before, after, allowed):
            return NameHit(word, match.start(), match.end())
        return None
    if PLACE_BEFORE.search(before) or (word in place_names() and ON_A_STREET.search(before)):
        return None  # "St Quenby", "flights to Cairo"
    following = CAPITAL_NEXT.match(after)
    if word in allowed and not (_named_in_full(word, following) or A_CHILD_BEFORE.search(before)):
        return None  # someone at the meeting; but "young Marsh" is not Leon Marsh
    if following:
        return _full_name(match, following, after, allowed, before)
    return _forename_alone(match, before, after)


def _named_in_full(word: str, following: re.Match[str] | None) -> bool:
    """A forename or surname follows: "Otis Brankley" is someone, even while Otis Venn is at
    the meeting."""
    second = following.group(1) if following else ""
    return second != word and (second in forenames() or second in surnames())


def _forename_alone(match: re.Match[str], before: str, after: str) -> NameHit | None:
    """A forename with no capitalised word after it: a name where the words around it show a
    person, and a strong sign for one that is also an ordinary word (Grace, Hope)."""
    word = match.group(0)
    if word.lower() in months_and_days() and (
        WHEN_BEFORE.search(before) or not (STRONG_AFTER.match(after) or PERSON_AFTER.match(after))
    ):
        return None  # "through Oct and Nov", "from May"
    mid_sentence = bool(re.search(r"[^\W\d_],?\s+$", before))
    weak = (
        (PERSON_AFTER.match(after) or AND_A_RELATIVE.match(after))
        or PERSON_BEFORE.search(before)
        or (mid_sentence and PRONOUN_LATER.match(after))
        or named_last(before, after, forename=True)
    )
    if word in ordinary_words() and title_of_two_words(after):
        return None  # a pub or a business: "the Grace and Anchor", "Hope and Compass"
    subject = (  # a finite verb next: "Hope has told…"; not "Joy riding", "Marvel film night"
        (not mid_sentence or re.search(r"\bthat\s+$", before))  # "… intel that Wren travels"
        and FINITE_NEXT.match(after)
        and person_subject(word, after, name_word=True)
    )
    who = WHO_THEY_ARE_AFTER.match(after) or NAMED_AFTER_WHO.search(before)
    if word in ordinary_words() and not (
        STRONG_AFTER.match(after) or AND_A_RELATIVE.match(after) or subject or who
    ):
        # a capital in mid-sentence marks a proper name: "saw Wren getting into a car"
        return NameHit(word, match.start(), match.end()) if weak and mid_sentence else None
    if weak or subject or who or STRONG_AFTER.match(after) or stands_alone(word, after):
        return NameHit(word, match.start(), match.end())
    return None


def _full_name(
    match: re.Match[str],
    following: re.Match[str],
    after: str,
    allowed: frozenset[str],
    before: str,
) -> NameHit | None:
    """A forename with a capitalised word after it: a person's full name, or a place's."""
    word = match.group(0)
    surname, rest = following.group(1), after[following.end() :]
    full = f"{word} {surname}"
    if full in allowed or (surname in allowed and word in allowed):
        return None
    third = re.match(rf"\s+({LETTERS}+)", rest)
    later = re.match(rf"(?:\s+[A-Z]{LETTERS}*(?:['’]s)?){{1,4}}", rest)
    capitals = re.findall(rf"[A-Z]{LETTERS}*", later.group(0)) if later else []
    if (third and names_a_thing(third.group(1).lower())) or any(
        names_a_thing(capital.lower()) for capital in capitals[1:]
    ):
        tail = rest[later.end() :] if later else rest
        if not any(named_like_a_place(name, before, tail) for name in (word, surname)):
            return None  # Edith Cavell Wing, "the Ada Brightman Children's Ward"
    if surname.lower() in place_words() and ON_A_STREET.search(before):
        return None  # "on Fennel Street", "along Jasmine Close"
    tail = after[following.end(1) :]
    shown = STRONG_AFTER.match(tail) or AND_A_RELATIVE.match(tail)  # "… and his mum"
    if word in _WATERS_AND_HILLS and not (shown or person_predicate(tail)):
        return None  # "the River Wendle", "Mount Arlow footpath"; but "River Okoro was seen"
    if is_place(surname) or surname.lower() in group_words():
        wordlike = word in ordinary_words() or word in place_names()  # "Ivy Walk", "Congo Mill"
        if (shown and not (wordlike and SAID_OF_PLACES.match(tail))) or named_like_a_place(
            word, before, tail
        ):
            return NameHit(full, match.start(), match.end() + following.end(1))
        return None  # Tyler Way, Ruby Terrace, Albert Quay
    if word in ordinary_words() and surname not in surnames() and not is_forename(surname):
        return NameHit(full, match.start(), match.end() + following.end(1)) if shown else None
    return NameHit(full, match.start(), match.end() + following.end(1))


_WATERS_AND_HILLS = frozenset({"River", "Lake", "Loch", "Mount", "Glen"})


# ---------------------------------------------------------------------------- words on no list

_PERSON_CUE_BEFORE = re.compile(
    r"\b(?:per|re|messaging|messaged|texting|texted|surname|surname\s+is|"
    r"saw|see|seen|with|told|stopped|searched|arrested|chased|named|called|about|met|"
    rf"{SPOKE_TO}|worried\s+about|that|said|think|"
    r"thinks|believe|(?:family|mum|mother|dad|father|parents?|brother|sister)\s+of|yp|"
    r"believes|according\s+to|recognised|recognized|remembers|(?:one|two)\s+of\s+them)\s+$",
    re.I,
)


def _unknown_runs(text: str, allowed: frozenset[str]) -> Iterator[NameHit]:
    """Names on no list, known by their shape and the words around them: two or more words of
    a name where at least one is on no list of words at all ("Arben Dushku went off"), or one
    such word where only a person can stand ("spoke to Ylli about")."""
    for run, following in capital_runs(text):
        if len(run) == 1 and not on_no_list(run[0].group(0)):
            continue
        if len(run) == 1 and a_chain_at(text, run[0].start(), run[0].end()):
            continue
        if is_place_run(text, run, following):
            continue
        found = _name_in_run(text, run, allowed)
        if found is not None:
            yield found


def _name_in_run(text: str, run: list[re.Match[str]], allowed: frozenset[str]) -> NameHit | None:
    """The stretch of a run of capitalised words that could be one name, when a word of it is
    on no list (or every word could be a name), and the words around it show a person."""
    unknown, namey = _run_words(text, run, allowed)
    # "Tran Van Hieu": names on a list and words on none but the list of proper nouns
    all_names = len(run) > 1 and all(namey) and any(is_name_word(m.group(0)) for m in run)
    if not any(unknown) and not all_names:
        return None
    first, last = namey.index(True), len(namey) - 1 - namey[::-1].index(True)
    if not all(namey[first : last + 1]):
        return None  # "Kabongo Youth Besnik": not one name
    return _stretch_named(
        text, run[first], run[last], several=last > first, any_unknown=any(unknown)
    )


def _run_words(
    text: str, run: list[re.Match[str]], allowed: frozenset[str]
) -> tuple[list[bool], list[bool]]:
    """For each word of the run: whether it is on no list at all, and whether it could be part
    of a name."""
    at_start = at_sentence_start(text, run[0].start())
    unknown = [  # a Chinese given name is on no list, only of the right shape
        not known_other(m.group(0), at_start and n == 0, allowed)
        and (
            not is_name_word(m.group(0))
            or a_chinese_given_name(m.group(0))
            or _a_surname_only(m.group(0))  # no weaker than a word on no list
        )
        for n, m in enumerate(run)
    ]
    namey = [
        u or _could_be_in_a_name(m.group(0), allowed) for u, m in zip(unknown, run, strict=True)
    ]
    for n in range(1, len(run)):
        if a_given_name_shape(run[n - 1].group(0)) and not namey[n]:
            namey[n] = True  # "Ha-eun Park": the family name after a given name's shape
        elif 0 < n < len(run) - 1 and len(run[n].group(0)) <= 3:
            namey[n] = namey[n] or (unknown[n - 1] and unknown[n + 1])  # "Aung Min Thant"
    return unknown, namey


def _a_surname_only(word: str) -> bool:
    """A surname on no list of forenames or places ("Nowak"; never "London")."""
    name = title_case(word)
    return name in surnames() and not is_forename(word) and name not in place_names()


def _stretch_named(
    text: str, first: re.Match[str], last: re.Match[str], *, several: bool, any_unknown: bool
) -> NameHit | None:
    """The words from ``first`` to ``last`` as one name, where the words around show a
    person: for several words, a person's cue after them or a word on no list inside a
    sentence; for one, a strong sign after it, what happens only to people, or a cue inside a
    sentence."""
    start, end = first.start(), last.end()
    name = POSSESSIVE.sub("", text[start:end])
    end = start + len(name)
    before, after = text[max(0, start - 40) : start], text[end:]
    mid = not at_sentence_start(text, start)
    cue_after = PERSON_AFTER.match(text[last.end() :]) or STRONG_AFTER.match(after)
    if business_before(before) or (_THE_BEFORE.search(before) and not A_FAMILY_AFTER.match(after)):
        return None  # a business named as one: "the app Zorbly"; "the Yarrow is", a thing
    if several:
        if ON_A_STREET.search(before) and names_a_thing(last.group(0).lower()):
            return None  # "at Pellow Sands", "by Pennock Bay"
        shown = bool(
            cue_after
            or (any_unknown and (mid or then_lower_case(after)))
            or (any_unknown and person_state(_ASIDE.sub(" ", after)))
        )
    else:
        shown = bool(
            STRONG_AFTER.match(text[last.end() :])
            or ONLY_PEOPLE.match(after)
            or (any_unknown and (SAID_WHO.match(after) or AND_A_RELATIVE.match(after)))
            or (any_unknown and person_state(_ASIDE.sub(" ", after)))  # "… - missing", "…: back"
            or (not mid and any_unknown and person_subject(name, after, name_word=True))
            or (not mid and any_unknown and _BE_NEXT.match(after) and PRONOUN_LATER.match(after))
            or (mid and any_unknown and someone_here(before, after))
            or (any_unknown and IN_BRACKETS_AFTER.search(before))  # "the younger sibling (Obi)"
            or (any_unknown and thought_to_be_someone(after))
            or mid
            and not AT_A_PLACE.search(before)
            and (_PERSON_CUE_BEFORE.search(before) or cue_after or named_last(before, after))
        )
    return NameHit(name, start, end) if shown else None


_ASIDE = re.compile(r"^\s*(?:[-–]\s+|:\s*)")  # a dash or a colon after a name, typed live
_THE_BEFORE = re.compile(r"\b(?:the|a|an)\s+$", re.I)  # "the Wendle", "an Ofsted": a thing
# "… is doing well and her tutor…": at the start, what is said of it, then "her" or "he"
_BE_NEXT = re.compile(r"\s+(?:is|was|has|had)\b")

_PARTICLES = frozenset(
    ["Van", "Von", "Der", "De", "Da", "Del", "Di", "Le", "La", "Bin", "Ibn", "Al", "El", "Ó"]
    + ["Ní", "Nic", "Mac", "Ap", "Thi", "Dos", "Das"]
)


def _could_be_in_a_name(word: str, allowed: frozenset[str]) -> bool:
    """Beside a word on no list, a word that could be part of the same name: a forename or
    surname, a particle ("Van", "Ó"), or a capitalised word that is no ordinary word."""
    if word in allowed:
        return False
    base = POSSESSIVE.sub("", word)
    return is_name_word(word) or base in _PARTICLES or base.lower() not in english_words()


def _initials(text: str) -> Iterator[NameHit]:
    for word, start, end, sure in initials(text):
        if sure:
            yield NameHit(word, start, end)


def _nicknames(text: str, allowed: frozenset[str]) -> Iterator[NameHit]:
    for word, start, end, sure in nicknames(text, allowed):
        if sure:
            yield NameHit(word, start, end)
    for letters in letter_names(text):
        after = text[letters.end :]
        if letters.sure or (
            letters.why == "nickname"
            and (STRONG_AFTER.match(after) or person_predicate(after, bare=False))
        ):
            yield NameHit(letters.text, letters.start, letters.end)  # "Lil J was seen"
