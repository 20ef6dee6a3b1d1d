"""Initials and nicknames: a person named without their name ("T.K.", "JB", "an older male
known as Bubbles", 'Tiny'). Each is found with whether it is sure (a person stands there) or
only possible; the live flags take the sure ones, the names check asks about the rest."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ctxtui.guard.cues import (
    KIN,
    LETTERS,
    OWN_RELATIVE_BEFORE,
    PERSON_AFTER,
    SIZE_WORDS,
    SPOKE_TO,
    STRONG_AFTER,
)
from ctxtui.guard.name_positions import a_thing_named
from ctxtui.guard.subjects import is_role, words
from ctxtui.guard.word_lists import (
    acronyms,
    brand_forms,
    group_words,
    is_acronym,
    is_place,
    proper_words,
    title_case,
)

_DOTTED = re.compile(r"(?<![\w.])(?:[A-Z]\.\s?){1,2}[A-Z]\.?(?!\w)")
_DOTTED_NOT_INITIALS = frozenset({"DOB", "UK", "USA", "PE", "RE", "AKA", "ETA"})
_TIMES = frozenset({"AM", "PM"})  # a time after a number ("9 A.M."), else someone's initials
# two letters joined by a hyphen: "R-J was there", "per A-M"
_HYPHEN_LETTERS = re.compile(r"(?<![\w.@/-])[A-Z]{1,2}-[A-Z]{1,2}(?![\w@/-])")
_CAPS = re.compile(r"(?<![\w.])[A-Z]{2,3}(?![\w.])")
_CAPS_PEOPLE = re.compile(
    r"^(?:,\s*[A-Z]{2,3})*(?:,?\s+(?:and|&|\+)\s+[A-Z]{2,3})?"
    r"(?:\)?:?\s+(?:both|all|were|was|are|is|said|told|have|has|had|hasn'?t|"
    r"hasnt|isn'?t|rang|called|came|went|got|disclosed|admitted|seen|spotted|stopped|found|known\s+to|"
    r"on\s+a\s+part[\s-]time|(?:should|will|is\s+to|needs\s+to)\s+be\s+(?:offered|referred|"
    r"seen|supported|visited|moved|placed))\b"
    r"|\s+as\s+(?:at\s+risk|vulnerable|a\s+concern)"
    rf"|\s*\(\s*(?:yr|year|y|aged?|\d|(?:{KIN})s?\b)"
    r"|\s*\(\s*(?:the|a)\s+(?:older\s+|younger\s+)?(?:girl|boy|lad|yp|young\s+person)\b"
    r"|\s+says\s+(?:she|he)\b|,\s+(?:she|he)\s+(?:is|was|has|said|saw|knows|told)\b"
    r"|\s+(?:and|&|\+)\s+(?:mum|dad|nan|carers?)\b"
    rf"|\s+and\s+(?:his|her|their)\s+(?:older\s+|younger\s+)?(?:{KIN}|mates|friends|pals)\b)"
    r"|,\s*(?:yr|year|y)\s?\d|,\s*\d{1,2}\s*,|\s+\d{1,2}\s*[,)]"
    rf"|['’]s\s+(?:older\s+|younger\s+|big\s+|little\s+|foster\s+)?"
    rf"(?:{KIN}|family|phone|house|home|safety\s+plan|plan|referral|social\s+worker|"
    r"key\s+worker|mentor|attendance|behaviour)\b"
)
_CAPS_PEOPLE_BEFORE = re.compile(
    rf"\b(?:about|regarding|re|flagged|stopped|saw|seen|told|named|linked|with|of|for|knows|know|"
    rf"have|has|per|both|seeing|visiting|supporting|mentoring|{SPOKE_TO}|known\s+as|"
    rf"{KIN}|referred\s+to(?:\s+\w+){{0,3}}\s+as)\s+$"
    r"|\b(?:boys|girls|lads|pupils|siblings|brothers|sisters|twins|friends),\s*$",
    re.I,
)
# two lower-case letter pairs joined, then what people do: "jb and kt both came"
_LOWER_PAIR = re.compile(
    r"(?<![\w.@/-])([a-z]{2})\s+(?:and|&|\+|n)\s+([a-z]{2})"
    r"(?=\s+(?:both|were|are|have|seen|spotted|stopped|went|came|said|told)\b)"
)
_NOT_LETTERS = words("an as at be by do go he if in is it me my no of on or so to up us we ur ya")
# two single capitals joined, then what both do: "Q and V both missing", "Q & V — both"
_LETTER_PAIR = re.compile(
    r"(?<![\w.&/-])([A-Z])\s+(?:and|&|\+|n)\s+([A-Z])(?![\w&/-])"
    r"(?=\s*(?:[-–—:,]\s*)?(?:both|were|are)\b)"
)
# things lettered, not people: "Blocks Q and V", "Plan Q and V", "Gates Q and V"
_LETTERED_THINGS = re.compile(
    r"\b(?:blocks?|bays?|rooms?|floors?|levels?|zones?|gates?|units?|wings?|towers?|sections?|"
    r"entrances?|exits?|plans?|parts?|years?|groups?|sets?|routes?|lines?|platforms?|"
    r"pitches|courts?|options?|types?|classes|forms?|streams?|houses?|stands?)\s+$",
    re.I,
)
# two lower-case letters after a word that names someone next: "worries re qz", "feedback from qz:"
_LOWER_PAIR_AFTER = re.compile(
    r"\b(?:re|regarding|about|from|w/|with|see|seen|saw|visit|meet|met)\s+([a-z]{2})(?=\s*[:,;.]|\s+(?:and|&|\+|n)\s)"
)
# dotted initials typed in lower case: "k.t. says", "p.r.'s nan"; not "e.g." or "a.m."
_LOWER_DOTTED = re.compile(r"(?<![\w.])[a-z]\.\s?[a-z]\.?(?![\w.])")
_LOWER_DOTTED_WORDS = words("eg ie am pm nb cf ps vs ok")
# two lower-case letters opening a note, then a relative: "kt mum rang", "kt's nan"
_LOWER_PAIR_KIN = re.compile(rf"(?:^|[.;:!?]\s+|\n\s*)([a-z]{{2}})(?:['’]s)?\s+(?:{KIN})\b")


# one capital letter for someone, beside their relative: "Q and his cousin", "her friend Q"
_ONE_CAPITAL = re.compile(r"(?<![\w.&/'’-])[B-HJ-Z](?![\w&/'’.-])")
_ONE_CAPITAL_KIN_AFTER = re.compile(
    r"\s+(?:and|&|\+)\s+(?:his|her|their)\s+(?:older\s+|younger\s+|best\s+|little\s+|big\s+)?"
    rf"(?:{KIN}|mates?|friends?|pals?)\b",
    re.I,
)


# letters in brackets for someone just named by who they are: "the boy (K) said", "yp (QX)"
_ONE_LETTER_FOR_SOMEONE = re.compile(
    r"\b(?i:girl|boy|lad|child|yp|cyp|sibling|brother|sister|cousin|friend|male|female|person)"
    r"\s*\(([A-Z]{1,3})\)"
)


def initials(text: str) -> Iterator[tuple[str, int, int, bool]]:
    """Initials in ``text`` (text, start, end, sure): dotted ones ("T.K.") are sure; capital
    letters on no list of acronyms ("JB") are sure only where a person stands."""
    for match in _DOTTED.finditer(text):
        letters = re.sub(r"[.\s]", "", match.group(0))
        if len(letters) < 2 or letters in _DOTTED_NOT_INITIALS:
            continue
        if letters in _TIMES and re.search(r"\d\s*$", text[: match.start()]):
            continue
        yield match.group(0), match.start(), match.end(), True
    for match in _HYPHEN_LETTERS.finditer(text):
        after = text[match.end() :]
        before = text[max(0, match.start() - 20) : match.start()]
        sure = bool(_CAPS_PEOPLE.match(after) or _CAPS_PEOPLE_BEFORE.search(before))
        yield match.group(0), match.start(), match.end(), sure
    for match in _ONE_LETTER_FOR_SOMEONE.finditer(text):
        sure = len(match.group(1)) == 1 or match.group(1) not in acronyms()  # "child (CIN)"?
        yield match.group(1), match.start(1), match.end(1), sure
    yield from _letters_typed_live(text)
    said_initials = "initials" in text.lower()
    for match in _CAPS.finditer(text):
        word = match.group(0)
        if word in acronyms() and not re.search(r"initials\W*$", text[: match.start()], re.I):
            continue  # "DM" is a message, unless "initials DM"
        after = text[match.end() :]
        before = text[max(0, match.start() - 40) : match.start()]
        sure = said_initials or bool(
            _people_after(after) and not _an_abbreviation_spelt_out(text, match.start())
        )
        sure = sure or bool(_CAPS_PEOPLE_BEFORE.search(before))
        yield word, match.start(), match.end(), sure


def _people_after(after: str) -> bool:
    """What follows capitals says they are someone's, and any listed with them are initials
    too: "KB and DO were", never "DT and PE were" (school subjects)."""
    people = _CAPS_PEOPLE.match(after)
    listed = re.findall(r"\b[A-Z]{2,3}\b", people.group(0)) if people else []
    return bool(people) and not any(letters in acronyms() for letters in listed)


def _an_abbreviation_spelt_out(text: str, start: int) -> bool:
    """Capitals in brackets after the words they stand for: "Quarry Lane Forum (QLF) met"."""
    if not text[:start].endswith("("):
        return False
    letters = iter(re.findall(r"\b[A-Za-z]", text[:start])[-8:])
    abbreviation = re.match(r"[A-Z]+", text[start:])
    return bool(abbreviation) and all(
        any(initial.upper() == letter for initial in letters)
        for letter in abbreviation.group(0)  # type: ignore[union-attr]
    )


def _letters_typed_live(text: str) -> Iterator[tuple[str, int, int, bool]]:
    """Initials as notes typed live write them, all sure: "k.t.", "Q and V both", "re qz",
    "kt mum", "jb and kt both"."""
    for match in _LOWER_DOTTED.finditer(text):
        if re.sub(r"[.\s]", "", match.group(0)) not in _LOWER_DOTTED_WORDS:
            yield match.group(0), match.start(), match.end(), True  # no word is written so
    for match in _LETTER_PAIR.finditer(text):
        before = text[max(0, match.start() - 20) : match.start()]
        if {match.group(1), match.group(2)} != {"A", "E"} and not _LETTERED_THINGS.search(before):
            for n in (1, 2):
                yield match.group(n), match.start(n), match.end(n), True
    yield from _one_capital_beside_a_relative(text)
    for pattern in (_LOWER_PAIR_AFTER, _LOWER_PAIR_KIN):
        for match in pattern.finditer(text):
            pair = match.group(1)
            if pair not in _NOT_LETTERS and pair.upper() not in acronyms():
                yield pair, match.start(1), match.end(1), True
    for match in _LOWER_PAIR.finditer(text):
        if not _NOT_LETTERS.intersection(match.groups()):
            for n in (1, 2):  # "pc and dc went": officers, not initials
                if match.group(n).upper() not in acronyms():
                    yield match.group(n), match.start(n), match.end(n), True


def _one_capital_beside_a_relative(text: str) -> Iterator[tuple[str, int, int, bool]]:
    for match in _ONE_CAPITAL.finditer(text):
        before = text[max(0, match.start() - 30) : match.start()]
        if _LETTERED_THINGS.search(before):
            continue  # "Block C and his mates were…": the block, not a person
        if OWN_RELATIVE_BEFORE.search(before) or _ONE_CAPITAL_KIN_AFTER.match(text[match.end() :]):
            yield match.group(0), match.start(), match.end(), True


_NICKNAME = re.compile(
    rf"\b(?:know[ns]?(?:\s+{LETTERS}+){{0,3}}?\s+as|(?:goes|going|go|went)\s+by"
    r"(?:\s+the\s+name(?:\s+of)?)?|"
    r"nicknamed|called|calls\s+(?:himself|herself|themselves)|"
    r"(?:street|drill|rap|gang)\s+name(?:\s+is)?|referred\s+to\s+as|"
    r"refers?\s+to\s+(?:him|her|the\s+(?:\w+\s+)?(?:one|man|male|lad|boy|girl|driver))\s+as|"
    r"(?:they|we|people|everyone|others|lads|kids|girls|boys)\s+call(?:\s+(?:him|her|them))?|"
    r"call(?:s|ed)?\s+(?:him|her|them|(?:the|an?|this|that)\s+(?:\w+\s+)?(?:man|male|lad|boy|"
    r"girl|woman|bloke|guy|kid|driver|dealer|one))|"
    r"a\.?k\.?a\.?)\s+(?:[\"“‘']the\s+|[\"“‘'])?"
    r"(?!(?:the|a|an|his|her|their|it|him|them|police|back|in|out|on|up|off|round|over|for|"
    r"to|me|us)\b)"
    rf"({LETTERS}+(?:[-'’]{LETTERS}+)*)",
    re.I,
)
# someone spoken of by a name, then what they are: "the girls refer to Wisp as the boss"
_REFERRED_TO_AS = re.compile(
    rf"\b(?i:refer(?:s|red|ring)?\s+to|describ(?:e|es|ed|ing))\s+([A-Z]{LETTERS}+(?:-{LETTERS}+)?)"
    r"\s+as\b(?!\s+(?:a|an|the)\s+(?:place|area|site|venue|location|spot|hotspot)\b)"
)
_SAID_TO_BE_CALLED = re.compile(
    r"call(?:s|ed)?\s+(?:him|her|them|(?:the|an?|this|that)\s+(?:\w+\s+)?(?:man|male|lad|boy|"
    r"girl|woman|bloke|guy|kid|driver|dealer))|(?:is|was|someone|somebody|lad|girl|boy|man|woman|male|"
    r"female|bloke|guy|kid)\s+called|nicknamed|known\s+as|goes\s+by|"
    r"referred\s+to\s+as|"
    r"(?:street|drill|rap|gang)\s+name|a\.?k\.?a",
    re.I,
)
# who someone is, said in so many words: "Tinsel is what the lads call him", "no idea who
# sprocket is", "it's moth who gives the orders", "the name Ladle keeps coming up"
_WHO_THEY_ARE = (
    re.compile(rf"\b([A-Z]{LETTERS}+)\s+is\s+what\s+(?:\w+\s+){{0,2}}call"),
    re.compile(rf"\bwho\s+([a-z]{LETTERS}{{2,}})\s+(?:is|was)\b(?!\s+(?:a|an|the)\b)"),
    re.compile(rf"(?i:\bit['’]?s\s+)([a-zA-Z]{LETTERS}{{2,}})\s+who\s+(?:\w+s|is|was)\b"),
)
# a name said to be one: any capitalised word but a place, a role or an acronym
_THE_NAME = re.compile(rf"\b(?i:the\s+name)\s+[\"“‘']?([A-Z]{LETTERS}+)\b(?!\s+[A-Z])")
_NOT_NICKNAMES = frozenset(["bus", "train", "car", "taxi", "bike", "foot", "tram", "phone", "text"])
# what people call someone, with no "him" or "her": "the one the girls call Biscuit"
_CALLED_SOMEONE = re.compile(
    r"\b(?:call(?:s|ed)?|refers?\s+to)\s+(?:him|her|the\s+(?:older|younger|eldest|youngest|big|"
    r"little|tall)\s+one|the\s+(?:\w+\s+)?(?:man|male|lad|boy|girl|driver))\b",
    re.I,
)
_PEOPLE_CALL = re.compile(
    r"\b(?:they|we|people|everyone|others|lads|kids|girls|boys)\s+call\s", re.I
)
# a short name in quotes: 'Tiny', "Baby K", ‘Little Dee’
_QUOTED = re.compile(
    rf"(?<!\w)[\"“‘']([A-Z]{LETTERS}*(?:\s[A-Z]{LETTERS}*){{0,2}}"
    rf"|(?!(?:the|a|an)\b)[a-z]{LETTERS}*(?:\s[a-z]{LETTERS}*)?)[\"”’'](?!\w)"
)
_SOMEONE = re.compile(
    r"\b(?:male|man|men|boy|lad|girl|woman|someone|somebody|person|he|she|who|youth|teen\w*|"
    r"adult|guy|female|dealer|driver|user|him|her|them)\b",
    re.I,
)


# 'Scrappy', an adult, …: who the quoted word is, just after it
_SOMEONE_AFTER = re.compile(
    r"^,\s*(?:an?\s+)?(?:older\s+|young\s+)?(?:adult|male|female|man|woman|boy|girl|lad|"
    r"teen|\d{1,2})\b",
    re.I,
)
# lads call the older man 'Uncle Q': what someone is called, a few words on
_CALLED_BEFORE = re.compile(
    r"\b(?:call|calls|called|known(?:\s+[^.;:!?\s]+){0,3}\s+as|referred\s+to\s+as|"
    r"(?:street|drill|rap|gang)\s+name|name|tag|nickname|alias)\b[^.;:!?]{0,25}$",
    re.I,
)
_A_GROUP_CALLED = re.compile(
    r"(?:\bcall(?:s|ed)?\s+the\s+|\b(?:group|gang|crew|estate|park|area|place|line|chat)\b"
    r"[^'\"‘“]*\bcall(?:s|ed)?\s+)[^'\"‘“]*$",
    re.I,
)
_A_WORD_AS_A_WORD = re.compile(r"\b(?:word|words|term|phrase|slang|expression)\s+$", re.I)
_DOES = re.compile(r"\s+(?:gives|runs|sells|sends|has|is|was|does|deals)\b")
# "… named as the one passing out", "… seems to be the lad who"
_ONE_WHO = re.compile(
    r"\s+(?:\w+\s+){0,3}?(?:as\s+|to\s+be\s+)?the\s+one\s+(?:who|that|handing|giving|selling|"
    r"running|doing|behind)\b"
)


# a short name after a word of size or age: "Big Vo", "Lil Vek", "Young T"
_SIZED = re.compile(
    rf"\b(?:{SIZE_WORDS})\s+[A-Z][a-z]{{0,2}}\b(?!['’]s\s+[A-Z])"
    r"|\b(?:Uncle|Unc|Auntie|Aunty|Cuz)\s+[A-Z]\b(?![.'’&-])"  # the older man the lads call "Unc B"
    # typed live in lower case: "lil q", "big v", "lil sprocket" (never "n", "a", "i" or "x")
    r"|\b(?:lil|lil'|lickle|yung|big|young|baby|tiny)\s+[b-hj-mo-wyz]\b(?![.'’/-])"
    rf"|\blil\s+(?!(?:{KIN}|one|ones|bit|boy|girl|lad|man|kid|kids)\b)[a-z]{{2,}}\b"
)


def _stands_for_no_one(word: str) -> bool:
    """A role, an acronym, an adverb, a shop, a place or a group: "it's Greggs who…"."""
    lower = word.lower()
    if is_role(word) or is_acronym(word) or lower.endswith("ly") or lower in _ADVERBS:
        return True
    if title_case(word) in proper_words() or word in brand_forms():
        return True
    return is_place(word) or lower in group_words()


_ADVERBS = frozenset(["else", "exactly", "here", "there", "now", "today", "still", "actually"])


def nicknames(text: str, allowed: frozenset[str]) -> Iterator[tuple[str, int, int, bool]]:
    """Nicknames (text, start, end, sure): "an older male known as Bubbles" is sure; a word
    after "called" or in quotes with no person nearby is only possible."""
    for match in _SIZED.finditer(text):
        after = text[match.end() :]
        strong = bool(STRONG_AFTER.match(after) or PERSON_AFTER.match(after))
        strong = strong or match.group(0).islower()  # "lil q": only ever someone's name
        strong = strong or match.group(0).startswith(("Unc", "Aunt", "Cuz"))
        yield match.group(0), match.start(), match.end(), strong
    for match in _REFERRED_TO_AS.finditer(text):
        if match.group(1) not in allowed and not is_acronym(match.group(1)):
            yield match.group(1), match.start(1), match.end(1), True
    for pattern in (*_WHO_THEY_ARE, _THE_NAME):
        for match in pattern.finditer(text):
            word = match.group(1)
            named = pattern is _THE_NAME and not (is_place(word) or is_role(word))
            if word not in allowed and (named or not _stands_for_no_one(word)):
                yield word, match.start(1), match.end(1), True
    for match in _NICKNAME.finditer(text):
        word = match.group(1)
        quoted = text[match.start(1) - 1 : match.start(1)] in "\"“‘'"
        cue = text[max(0, match.start() - 12) : match.start(1)]
        said_so = _SAID_TO_BE_CALLED.search(cue) and word.lower() not in _NOT_NICKNAMES
        if word in allowed or not (word[0].isupper() or quoted or said_so) or is_acronym(word):
            continue  # in lower case only after a cue that names someone: "goes by zonk"
        someone = _SOMEONE.search(text[max(0, match.start() - 30) : match.start(1)])
        if not someone and re.search(r"the\s+$", match.group(0)[: match.start(1) - match.start()]):
            continue  # known as "the Hollow": a place, unless a person is known so
        yield (
            word,
            match.start(1),
            match.end(1),
            bool(
                someone
                or (said_so and not quoted and word.islower())  # "known as titch", "goes by zonk"
                or (_PEOPLE_CALL.search(match[0]) and not a_thing_named(text[match.end() :]))
                or bool(_CALLED_SOMEONE.search(match[0]))  # "staff call the tall one …"
            ),
        )
    for match in _QUOTED.finditer(text):
        if match.group(1) not in allowed:
            after = text[match.end() :]
            before = text[max(0, match.start() - 40) : match.start()]
            one_of_them = bool(  # "dizzy" is the one who…; yp says "reaper" gives out the jobs
                _ONE_WHO.match(after)
                or STRONG_AFTER.match(after)
                or _CALLED_BEFORE.search(before)
                or (re.search(r"\b(?:says|said|say)\s+$", before) and _DOES.match(after))
            )
            if _A_WORD_AS_A_WORD.search(before):
                continue  # the word "grass" is used to scare them: a word spoken of
            if match.group(1).islower() and (not one_of_them or _A_GROUP_CALLED.search(before)):
                continue  # 'safe', "peng": a word in quotes; "call the little ones 'minis'"
            sure = bool(
                one_of_them
                or PERSON_AFTER.match(after)
                or re.match(r"\s+(?:from|in)\s+(?:year|yr)\b", after, re.I)
                or _SOMEONE_AFTER.match(after)
            )
            yield match.group(1), match.start(1), match.end(1), sure
