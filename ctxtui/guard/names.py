"""Finds people's names in minute text, from word lists and the words around a name.

A forename on its own says little ("Ruby Terrace", "Tyler Way", "St Ursula's"), so a word from
the lists is flagged only with a sign that a person is meant: a surname after it, a verb or a
possessive that belongs to people, a title ("Mrs Okonjo-Bell"), or a family word ("the Nowak
brothers"). Forenames that are also ordinary words (Grace, Hope, Said) need a stronger sign.
Forenames typed in lower case at speed ("zaynab got searched") are flagged when the word is not
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
PERSON_AFTER = re.compile(
    rf"^(?:'s\b|’s\b|\s+(?:{_VERBS})\b|,\s*\d{{1,2}}\b|\s*\(\s*\d{{1,2}}\s*\))"
)
STRONG_AFTER = re.compile(
    r"^(?:(?:'s|’s)\s+(?:older\s+|younger\s+|big\s+|little\s+)?(?:brother|sister|mum|mother|"
    r"dad|father|cousin|friend|boyfriend|girlfriend|aunt|uncle|nan|gran|phone|family|son|"
    r"daughter|partner|carer|snapchat|snap|insta|instagram|tiktok|account|messages|number|"
    r"house|home|flat|bag|bike|school|behaviour|attendance|name)"
    r"|\s+(?:was|is|has\s+been|had\s+been)\s+(?:stopped|arrested|searched|seen|threatened|"
    r"assaulted|stabbed|chased|excluded|missing|found|picked|taken|approached|groomed|"
    r"injured|robbed|cautioned|charged|followed|sleeping|staying|living|given|paid|asked|"
    r"reported|being|not|in|at|with)"
    r"|\s+(?:said|says|told|disclosed|admitted|aged|missing|owes|owed)"
    r"|\s+(?:got|gets|getting|has\s+got)\s+(?:stabbed|slashed|jumped|robbed|beaten|battered|"
    r"arrested|nicked|shot|hurt|attacked|assaulted|picked\s+up|caught|kicked|excluded|lifted)"
    r")\b|,\s*\d{1,2}\s*,|\s*\(\s*\d{1,2}\s*\)",
)
# family and other words before a name that show a person is meant (one list for both tiers)
KIN = (
    r"child|boy|girl|pupil|student|son|daughter|brother|sister|sibling|cousin|friend|mum|dad|"
    r"mother|father|nan|nana|nanna|gran|granny|grandma|grandad|grandmother|grandfather|auntie|"
    r"aunty|aunt|uncle|stepdad|stepmum|stepbrother|stepsister|carer|boyfriend|girlfriend|"
    r"nephew|niece|twin|mate|grandson|granddaughter|stepson|stepdaughter"
)
_PERSON_BEFORE = re.compile(
    r"(?:\b(?:told|tell|with|saw|see|seen|named|called|asked|met|meet|approached|by|for|and|"
    r"stopped|searched|arrested|chased|follows|followed|think|thinks|worried|brought|returned|"
    r"dropped|collected|engage|engaged|supporting|support|visit|visited|"
    rf"{KIN}|spoke\s+to|talked\s+to|about),?\s+)$",
    re.I,
)
# a he or she later in the same sentence: someone, not something, was named
_PRONOUN_LATER = re.compile(r"^[^.!?;]*?\b(?:he|she|him|hers?|his)\b", re.I)
_PLACE_BEFORE = re.compile(
    r"\b(?:St|Saint|Mount|Lake|Fort|Port|Cape|Lord|Lady|King|Queen|Prince|Princess|Sir|Cllr|Councillor|Dr|PC|DC|Sgt|Insp)\.?\s+$"
)
_TITLE = re.compile(
    rf"\b(?:Mr|Mrs|Ms|Miss|Mx)\.?\s+([A-Z]{LETTERS}+(?:[-'’][A-Z]?{LETTERS}+)*)"
    rf"(?:\s+([A-Z]{LETTERS}+(?:-[A-Z]{LETTERS}+)*))?"
)
_FAMILY = re.compile(
    rf"\b(?:the|The|both|Both|all\s+the|All\s+the|two|Two|three|Three)\s+"
    rf"(?:(?:eldest|youngest|oldest|older|younger|little|big|middle)\s+)?"
    rf"([A-Z]{LETTERS}+(?:-[A-Z]{LETTERS}+)*)\s+"
    r"(?:family|families|brothers|sisters|twins|siblings|cousins|household|boys|girls|kids|"
    r"boy|girl|lad|lads|kid|child|brother|sister|lot|clan|crew|mob)\b"
    r"(?!\s+(?:centre|center|hub|support|service|services|project|group|team|club|network))"
)


def _word_list(name: str) -> frozenset[str]:
    """A shipped word list: one entry a line; a line starting with ``#`` is a comment."""
    path = Path(__file__).with_name("data") / name
    # one pass into one set: the largest list (64,000 words) is read at open, and every copy
    # on the way counts towards the app's peak memory
    return frozenset(w for w in path.read_text(encoding="utf-8").split("\n") if w and w[0] != "#")


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


@functools.lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """Ordinary English words in lower case (Debian's wbritish): about 64,000."""
    return _word_list("english_words.txt")


@functools.lru_cache(maxsize=1)
def more_english_words() -> frozenset[str]:
    """About 51,000 more ordinary words (wbritish-large): read by the names check only, so the
    live guard (and the board) do not hold them."""
    return _word_list("english_words_more.txt")


@functools.lru_cache(maxsize=1)
def proper_words() -> frozenset[str]:
    """Capitalised words on no name list: places, peoples, brands, services."""
    return _word_list("proper_words.txt")


@functools.lru_cache(maxsize=1)
def place_names() -> frozenset[str]:
    """UK places and services that are people's names too (a town that is a surname)."""
    return _word_list("place_names.txt")


@functools.lru_cache(maxsize=1)
def acronyms() -> frozenset[str]:
    """Capital-letter words that are services, roles or terms, not somebody's initials."""
    return _word_list("acronyms.txt")


def title_case(word: str) -> str:
    return "-".join(p[:1].upper() + p[1:].lower() for p in word.split("-"))


def _is_forename(word: str) -> bool:
    names = forenames()
    if word in names or title_case(word) in names:
        return True
    parts = word.split("-")
    return len(parts) > 1 and all(title_case(p) in names for p in parts)


def _is_place(word: str) -> bool:
    return word.lower().rstrip("'’s") in place_words() or word.lower() in place_words()


def find_names(text: str, allowed: frozenset[str]) -> Iterator[NameHit]:
    found = [*_titled(text, allowed), *_families(text, allowed), *_unknown_runs(text, allowed)]
    found += _bracketed(text, allowed)
    found += [*_initials(text), *_nicknames(text, allowed)]
    for match in _TOKEN.finditer(text):
        hit = _name_at(text, match, allowed)
        if hit:
            found.append(hit)
    yield from found
    yield from _listed_with(text, found, allowed)


_LISTED = re.compile(r"\b[A-Z][\w'’-]*(?:(?:\s*,\s*|\s+(?:and|or|&)\s+)[A-Z][\w'’-]*)+")
_LIST_ITEM = re.compile(r"[A-Z][\w'’-]*")


def _listed_with(text: str, found: list[NameHit], allowed: frozenset[str]) -> Iterator[NameHit]:
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
            _is_forename(w) and w not in ordinary_words() and w not in allowed and not _is_place(w)
            for w, _s, _e in items
        ]
        if not any(named) and not (len(items) >= 3 and sum(plain) >= 2):
            continue  # a list is of people once one item is, or two are plain forenames
        for (word, start, end), is_named in zip(items, named, strict=True):
            known = _is_forename(word) or word in surnames()
            if not is_named and known and word not in allowed and not _is_place(word):
                yield NameHit(word, start, end)


_BRACKETED = re.compile(
    rf"\(([A-Z]{LETTERS}+(?:[-'’]{LETTERS}+)*\s[A-Z]{LETTERS}+(?:-{LETTERS}+)*)\)"
)


def _bracketed(text: str, allowed: frozenset[str]) -> Iterator[NameHit]:
    """A full name put in brackets after what was said of someone: "(Firstname Surname)"."""
    for match in _BRACKETED.finditer(text):
        words = match.group(1).split()
        if any(w in allowed for w in words) or any(_is_place(w) for w in words):
            continue
        if all(is_name_word(w) or _could_be_unknown(w) for w in words):
            yield NameHit(match.group(1), match.start(1), match.end(1))


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
        if known_other(word, True, allowed) and title_case(word) not in surnames():
            continue  # "the Kestrel boys", "the Year boys"
        yield NameHit(match.group(0), match.start(), match.end())


_LOWER_CASE_CUE = re.compile(
    r"\b(?:saw|stopped|searched|arrested|chased|told|spoke\s+to|talked\s+to|met|named|"
    r"called)\s+$",
    re.I,
)


def _name_at(text: str, match: re.Match[str], allowed: frozenset[str]) -> NameHit | None:
    word = match.group(0)
    if not word[0].isupper() and word not in _lower_case_forenames():
        return _unlisted_lower_case_name(text, match)
    before, after = text[max(0, match.start() - 40) : match.start()], text[match.end() :]
    if not word[0].isupper():
        return _lower_case_name(word, match, before, after)
    if word.isupper() and len(word) > 1:
        return None  # an acronym: YOT, CSE, PC
    surname_as_one = title_case(word) in surnames() and STRONG_AFTER.match(after)
    if not _is_forename(word) and not surname_as_one:
        if _unknown_person(word, before, after):
            return NameHit(word, match.start(), match.end())
        return None
    if _PLACE_BEFORE.search(before):
        return None
    following = _CAPITAL.match(after)
    second = following.group(1) if following else ""
    # "Otis Brankley" is someone, even while Otis Venn is at the meeting
    named_in_full = second != word and (second in forenames() or second in surnames())
    if word in allowed and not named_in_full:
        return None
    if following:
        return _full_name(match, following, after, allowed)
    mid_sentence = bool(re.search(r"[^\W\d_],?\s+$", before))
    weak = (
        PERSON_AFTER.match(after)
        or _PERSON_BEFORE.search(before)
        or (mid_sentence and _PRONOUN_LATER.match(after))
    )
    if word in ordinary_words() and not STRONG_AFTER.match(after):
        # a capital in mid-sentence marks a proper name: "saw Wren getting into a car"
        return NameHit(word, match.start(), match.end()) if weak and mid_sentence else None
    if weak or STRONG_AFTER.match(after):
        return NameHit(word, match.start(), match.end())
    return None


def _unlisted_lower_case_name(text: str, match: re.Match[str]) -> NameHit | None:
    """A lower-case word on no list right after a person's verb: "police stopped tharshan"."""
    word = match.group(0)
    before = text[max(0, match.start() - 20) : match.start()]
    if (
        word.islower()
        and len(word) >= 4
        and word not in english_words()
        and word.upper() not in acronyms()
        and _LOWER_CASE_CUE.search(before)
    ):
        return NameHit(word, match.start(), match.end())
    return None


def _full_name(
    match: re.Match[str], following: re.Match[str], after: str, allowed: frozenset[str]
) -> NameHit | None:
    """A forename with a capitalised word after it: a person's full name, or a place's."""
    word = match.group(0)
    surname, rest = following.group(1), after[following.end() :]
    full = f"{word} {surname}"
    if full in allowed or surname in allowed:
        return None
    third = re.match(rf"\s+({LETTERS}+)", rest)
    if third and _is_place(third.group(1)):
        return None  # Edith Cavell Wing, Ada Brightman Trust
    if _is_place(surname) or surname.lower() in group_words():
        if STRONG_AFTER.match(after[following.end(1) :]):
            return NameHit(full, match.start(), match.end() + following.end(1))
        return None  # Tyler Way, Ruby Terrace, Albert Quay
    if word in ordinary_words() and surname not in surnames() and not _is_forename(surname):
        return None
    return NameHit(full, match.start(), match.end() + following.end(1))


# What happens only to people: "Ifeoma was searched", whatever the name.
ONLY_PEOPLE = re.compile(
    r"^\s+(?:was|has\s+been|had\s+been)\s+(?:stopped|arrested|searched|threatened|assaulted|"
    r"stabbed|chased|excluded|groomed|injured|robbed|cautioned|charged|seen\s+crying|"
    r"reported\s+missing|picked\s+up)\b"
    r"|^\s+is\s+being\s+(?:asked|groomed|exploited|used|targeted|bullied|followed|paid)\b"
    r"|^(?:'s|’s)\s+(?:older\s+|younger\s+)?(?:brother|sister|mum|mother|dad|father|cousin|"
    r"boyfriend|girlfriend|aunt|uncle|nan|gran)\b"
    r"|^\s+(?:said|says|told|tells)\s+(?:\w+\s+){0,3}?(?:she|he)\b"
    r"|^\s+(?:has\s+been|had\s+been|went|goes|was\s+reported)\s+missing\b"
    r"|^\s+(?:got|gets|getting|has\s+got)\s+(?:stabbed|slashed|jumped|robbed|beaten|battered|"
    r"arrested|nicked|shot|hurt|attacked|assaulted|picked\s+up|caught|kicked|excluded)\b"
    r"|^\s+owe[sd]\b"
)
_ONLY_PEOPLE_BEFORE = re.compile(
    r"\b(?:stopped|searched|arrested|chased|overheard|threatened|assaulted|excluded)\s+$"
)


def _unknown_person(word: str, before: str, after: str) -> bool:
    """A capitalised word on no list, followed by something that happens only to people."""
    if _is_place(word) or word.isupper():
        return False
    return bool(ONLY_PEOPLE.match(after) or _ONLY_PEOPLE_BEFORE.search(before))


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
    """``word`` is a forename typed in lower case (``_name_at`` has checked the list). A long
    one that no dictionary knows is a name wherever it stands; a short one needs a sign."""
    if len(word) >= 5 and word not in _longer_english():
        return NameHit(word, match.start(), match.end())
    if STRONG_AFTER.match(after) or PERSON_AFTER.match(after) or _PERSON_BEFORE.search(before):
        return NameHit(word, match.start(), match.end())
    if _PRONOUN_LATER.match(after) and re.search(r"[^\W\d_],?\s+$", before):
        return NameHit(word, match.start(), match.end())
    return None


@functools.lru_cache(maxsize=1)
def _longer_english() -> frozenset[str]:
    """Forenames that are words of the larger dictionary only, in lower case: a short list, so
    the live guard never holds the larger dictionary itself."""
    return frozenset(n.lower() for n in _word_list("forename_words_more.txt"))


# ---------------------------------------------------------------------------- words on no list

_WORD = re.compile(rf"{LETTERS}+(?:[-'’]{LETTERS}+)*")
_OPENERS = ".!?:;•·*#>-–—([\"“‘'/|"
_POSSESSIVE = re.compile(r"['’]s$")
# After these a capitalised word is a place ("St Ursula's") or an officer at work ("Cllr Hartigan").
_TITLES = frozenset(
    ["St", "Saint", "Mount", "Lake", "Fort", "Port", "Cape", "Sir", "Lord", "Cllr"]
    + ["Councillor", "Dr", "Sgt", "Insp", "Inspector", "Sergeant", "Prof", "Rev", "Officer"]
)
# Titles of people at work, not of a child or a parent: what follows is an officer's name.
OFFICER_TITLES = (
    *("Cllr", "Councillor", "Dr", "Sgt", "Insp", "Inspector", "Sergeant", "Prof", "Rev"),
    *("Officer", "PC", "DC", "DS", "DI", "PCSO", "Det"),
)
_MONTHS_AND_DAYS = frozenset(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september"]
    + ["october", "november", "december", "monday", "tuesday", "wednesday", "thursday"]
    + ["friday", "saturday", "sunday"]
    # as minutes shorten them
    + ["jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"]
    + ["mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun"]
)


def months_and_days() -> frozenset[str]:
    """The months and the days of the week, in lower case."""
    return _MONTHS_AND_DAYS


def at_sentence_start(text: str, start: int) -> bool:
    before = text[:start].rstrip()
    return not before or before[-1] in _OPENERS or bool(re.search(r"\d[.)]$", before))


def is_acronym(word: str) -> bool:
    stem = word[:-1] if len(word) > 2 and word.endswith("s") else word
    return len(stem) > 1 and stem.isupper()


def is_name_word(word: str) -> bool:
    """On a list of forenames or surnames."""
    base = _POSSESSIVE.sub("", word)
    return _is_forename(base) or title_case(base) in surnames()


def known_other(
    word: str, at_start: bool, allowed: frozenset[str], local: frozenset[str] = frozenset()
) -> bool:
    """Whether a capitalised word is known to be something other than a person's name: an
    ordinary word, a place, an organisation or brand, someone at the meeting, or a service's
    own word. A forename that is also an ordinary word counts as one only at a sentence start
    ("Hope and trust grew"; "staff saw Hope")."""
    base = _POSSESSIVE.sub("", word)
    lower = base.lower()
    if base in allowed or lower in local or len(base) == 1 or word in proper_words():
        return True
    if base.upper() in acronyms() or lower in _MONTHS_AND_DAYS:
        return True  # "Camhs"; "from March until October" (unless a person stands there)
    if lower in place_words() or lower in group_words():
        return True
    if _is_forename(base):
        return at_start and lower in english_words()
    return lower in english_words() or base in proper_words() or title_case(base) in proper_words()


def capital_runs(text: str) -> Iterator[tuple[list[re.Match[str]], str]]:
    """Runs of capitalised words ("Dafina Krasniqi-Lala", "Caoimhe Ní Bhriain"), each with the word
    after it in lower case; acronyms end a run."""
    words = list(_WORD.finditer(text))
    i = 0
    while i < len(words):
        word = words[i].group(0)
        if not word[0].isupper() or is_acronym(word):
            i += 1
            continue
        j = i + 1
        while (
            j < len(words)
            and words[j].group(0)[0].isupper()
            and not is_acronym(words[j].group(0))
            and text[words[j - 1].end() : words[j].start()] in (" ", "")
        ):
            j += 1
        yield words[i:j], words[j].group(0).lower() if j < len(words) else ""
        i = j


def is_place_run(
    text: str, run: list[re.Match[str]], following: str, local: frozenset[str] = frozenset()
) -> bool:
    """ "Dunmore Green", "Larkhill estate", "St Ursula's": a place, not a person."""
    last = _POSSESSIVE.sub("", run[-1].group(0)).lower()
    if last in place_words() or following in place_words() or following in local:
        return True
    if any(m.group(0).rstrip(".") in _TITLES for m in run[:-1]):
        return True
    return bool(_PLACE_BEFORE.search(text[max(0, run[0].start() - 12) : run[0].start()]))


_PERSON_CUE_BEFORE = re.compile(
    r"\b(?:saw|see|seen|with|told|stopped|searched|arrested|chased|named|called|about|met|"
    r"spoke\s+to|talked\s+to|spoke\s+with|worried\s+about|that|said|think|thinks|believe|"
    r"believes)\s+$",
    re.I,
)


def _unknown_runs(text: str, allowed: frozenset[str]) -> Iterator[NameHit]:
    """Names on no list, known by their shape and the words around them: two or more words of
    a name where at least one is on no list of words at all ("Arben Dushku went off"), or one
    such word where only a person can stand ("spoke to Ylli about")."""
    for run, following in capital_runs(text):
        if len(run) == 1 and not _could_be_unknown(run[0].group(0)):
            continue
        if is_place_run(text, run, following):
            continue
        at_start = at_sentence_start(text, run[0].start())
        unknown = [
            not known_other(m.group(0), at_start and n == 0, allowed)
            and not is_name_word(m.group(0))
            for n, m in enumerate(run)
        ]
        namey = [
            u or _could_be_in_a_name(m.group(0), allowed) for u, m in zip(unknown, run, strict=True)
        ]
        # "Tran Van Hieu": names on a list and words on none but the list of proper nouns
        all_names = len(run) > 1 and all(namey) and any(is_name_word(m.group(0)) for m in run)
        if not any(unknown) and not all_names:
            continue
        first, last = namey.index(True), len(namey) - 1 - namey[::-1].index(True)
        if not all(namey[first : last + 1]):
            continue  # "Kabongo Youth Besnik": not one name
        start, end = run[first].start(), run[last].end()
        name = _POSSESSIVE.sub("", text[start:end])
        end = start + len(name)
        before, after = text[max(0, start - 40) : start], text[end:]
        mid = not at_sentence_start(text, start)
        cue_after = PERSON_AFTER.match(text[run[last].end() :]) or STRONG_AFTER.match(after)
        if last > first:
            if cue_after or (mid and any(unknown)):
                yield NameHit(name, start, end)
        elif (
            STRONG_AFTER.match(text[run[last].end() :])
            or ONLY_PEOPLE.match(after)
            or mid
            and (_PERSON_CUE_BEFORE.search(before) or cue_after)
        ):
            yield NameHit(name, start, end)


_PARTICLES = frozenset(
    ["Van", "Von", "Der", "De", "Da", "Del", "Di", "Le", "La", "Bin", "Ibn", "Al", "El", "Ó"]
    + ["Ní", "Nic", "Mac", "Ap", "Thi", "Dos", "Das"]
)


def _could_be_in_a_name(word: str, allowed: frozenset[str]) -> bool:
    """Beside a word on no list, a word that could be part of the same name: a forename or
    surname, a particle ("Van", "Ó"), or a capitalised word that is no ordinary word."""
    if word in allowed:
        return False
    base = _POSSESSIVE.sub("", word)
    return is_name_word(word) or base in _PARTICLES or base.lower() not in english_words()


def _could_be_unknown(word: str) -> bool:
    base = _POSSESSIVE.sub("", word).lower()
    return base not in english_words() and len(base) > 1


_DOTTED = re.compile(r"(?<![\w.])(?:[A-Z]\.\s?){1,2}[A-Z]\.?(?!\w)")
_DOTTED_NOT_INITIALS = frozenset({"DOB", "UK", "USA", "PE", "RE", "AKA", "ETA", "AM", "PM"})
_CAPS = re.compile(r"(?<![\w.])[A-Z]{2,3}(?![\w.])")
_CAPS_PEOPLE = re.compile(
    r"^(?:\s+and\s+[A-Z]{2,3})?(?:\s+(?:were|was|are|is|said|told|have|has|had|hasn'?t|"
    r"hasnt|isn'?t|rang|called|came|went|got|disclosed|admitted)\b"
    r"|\s+as\s+(?:at\s+risk|vulnerable|a\s+concern)"
    r"|\s*\(\s*(?:yr|year|y|aged?|\d))"
)
_CAPS_PEOPLE_BEFORE = re.compile(
    rf"\b(?:about|regarding|re|flagged|stopped|saw|seen|told|named|with|of|for|"
    rf"{KIN})\s+$",
    re.I,
)


def initials(text: str) -> Iterator[tuple[str, int, int, bool]]:
    """Initials in ``text`` (text, start, end, sure): dotted ones ("T.K.") are sure; capital
    letters on no list of acronyms ("JB") are sure only where a person stands."""
    for match in _DOTTED.finditer(text):
        letters = re.sub(r"[.\s]", "", match.group(0))
        if len(letters) >= 2 and letters not in _DOTTED_NOT_INITIALS:
            yield match.group(0), match.start(), match.end(), True
    said_initials = "initials" in text.lower()
    for match in _CAPS.finditer(text):
        word = match.group(0)
        if word in acronyms():
            continue
        after = text[match.end() :]
        before = text[max(0, match.start() - 20) : match.start()]
        sure = said_initials or bool(
            _CAPS_PEOPLE.match(after) or _CAPS_PEOPLE_BEFORE.search(before)
        )
        yield word, match.start(), match.end(), sure


def _initials(text: str) -> Iterator[NameHit]:
    for word, start, end, sure in initials(text):
        if sure:
            yield NameHit(word, start, end)


_NICKNAME = re.compile(
    rf"\b(?:know[ns]?(?:\s+{LETTERS}+){{0,3}}?\s+as|goes\s+by(?:\s+the\s+name(?:\s+of)?)?|"
    r"nicknamed|called|calls\s+(?:himself|herself|themselves)|street\s+name(?:\s+is)?|"
    r"(?:they|we|people|everyone|others|lads|kids|girls|boys)\s+call(?:\s+(?:him|her|them))?|"
    r"a\.?k\.?a\.?)\s+[\"“‘']?"
    r"(?!(?:the|a|an|his|her|their|it|him|them|police|back|in|out|on|up|for|to|me|us)\b)"
    rf"({LETTERS}+(?:[-'’]{LETTERS}+)*)",
    re.I,
)
# a short name in quotes: 'Tiny', "Baby K", ‘Little Dee’
_QUOTED = re.compile(rf"(?<!\w)[\"“‘']([A-Z]{LETTERS}*(?:\s[A-Z]{LETTERS}*){{0,2}})[\"”’'](?!\w)")
_SOMEONE = re.compile(
    r"\b(?:male|man|men|boy|lad|girl|woman|someone|somebody|person|he|she|who|youth|teen\w*|"
    r"adult|guy|female|dealer|driver|user)\b",
    re.I,
)


def nicknames(text: str, allowed: frozenset[str]) -> Iterator[tuple[str, int, int, bool]]:
    """Nicknames (text, start, end, sure): "an older male known as Bubbles" is sure; a word
    after "called" or in quotes with no person nearby is only possible."""
    for match in _NICKNAME.finditer(text):
        word = match.group(1)
        quoted = text[match.start(1) - 1 : match.start(1)] in "\"“‘'"
        if word in allowed or not (word[0].isupper() or quoted) or is_acronym(word):
            continue
        someone = _SOMEONE.search(text[max(0, match.start() - 30) : match.start(1)])
        yield word, match.start(1), match.end(1), bool(someone)
    for match in _QUOTED.finditer(text):
        if match.group(1) not in allowed:
            after = text[match.end() :]
            sure = bool(
                PERSON_AFTER.match(after)
                or STRONG_AFTER.match(after)
                or re.match(r"\s+(?:from|in)\s+(?:year|yr)\b", after, re.I)
            )
            yield match.group(1), match.start(1), match.end(1), sure


def _nicknames(text: str, allowed: frozenset[str]) -> Iterator[NameHit]:
    for word, start, end, sure in nicknames(text, allowed):
        if sure:
            yield NameHit(word, start, end)
