"""Names typed in lower case, for the live flags: a forename on the lists ("keira said"), a
word on no list after a person's verb ("police stopped piratheepan"), two forenames joined by a
hyphen, a forename and the surname after it. Read by names.py."""

from __future__ import annotations

import re

from ctxtui.guard.cues import (
    A_CHILD_BEFORE,
    A_FAMILY_AFTER,
    AND_A_RELATIVE,
    IN_BRACKETS_AFTER,
    LETTERS,
    PERSON_AFTER,
    PERSON_BEFORE,
    PLACE_BEFORE,
    PRONOUN_LATER,
    ROLE_IN_BRACKETS,
    SEEN_OR_TOLD_BEFORE,
    SPOKE_TO,
    STRONG_AFTER,
    TITLE_BEFORE,
    WHO_IN_BRACKETS,
)
from ctxtui.guard.hits import NameHit
from ctxtui.guard.name_positions import (
    CAPITAL_NEXT,
    FAMILY_LIKE_PLACE_WORDS,
    SURNAME_THINGS,
    a_thing_after,
    a_thing_named,
    at_sentence_start,
    named_last,
)
from ctxtui.guard.person_places import by_its_neighbours
from ctxtui.guard.subjects import (
    FINITE_NEXT,
    MODALS,
    is_function_word,
    is_person_verb,
    is_role,
    person_state,
    person_subject,
    stands_without_naming,
)
from ctxtui.guard.word_kinds import word_kind
from ctxtui.guard.word_lists import (
    acronyms,
    english_words,
    field_words,
    group_words,
    is_forename,
    longer_english,
    lower_case_forenames,
    months_and_days,
    place_names,
    place_words,
    surnames,
    title_case,
)

_LOWER_CASE_CUE = re.compile(
    rf"\b(?:saw|stopped|searched|arrested|chased|told|{SPOKE_TO}|met|named|"
    r"called|according\s+to|(?:worried|concerned|worries|concerns)\s+(?:about|abt)|"
    r"recognised|recognized|remembers)\s+$",
    re.I,
)


# another name joined by "+", "&" or "and", then what is said of people ("tobi + ayomide seen")
_JOINED_NAME = re.compile(rf"\s*(?:(?:,|\+|&|/|\band|\bn)\s*)?({LETTERS}+(?:-{LETTERS}+)?)")
# before a name typed live, what is done with a person: "w/", "excluded", "check on", "meet"
_DONE_WITH_BEFORE = re.compile(
    r"\b(?:w/|with|off|meet|meeting|contact|see|seeing|visit|excluded|check\s+on|liaising\s+w/|"
    r"scared\s+of|afraid\s+of|per)\s+$",
    re.I,
)
# after a name typed live, what is theirs: "zaryab attendance down to 58%"
_OWNS_NEXT = re.compile(r"\s+(?:attendance|behaviour|tenancy|phone|bike)\b")
_A_FAMILY_DOES = re.compile(r"\s+(?:have|has|are|were|moved|live|lived|next\s+door)\b")


def typed_in_a_hurry(text: str, match: re.Match[str]) -> bool:
    """A word in lower case that is a name on the lists or on no list at all, where only a
    person stands: at the start of a clause before what is said of people ("police: adewale
    stopped w/ knife", "mum said bartek sleeps till noon", "bishal rai + nima seen"), before
    a relative's possessive or a family word ("gruffudd's nan", "touray boys"), after a title, a
    family word and a bracket, or last after "was"."""
    word = match.group(0)
    if len(word) < 3 or _an_acronym(word):
        return False  # "pcso", "pcsos"
    if a_thing_named(text[match.end() :]) or a_thing_after(text[match.end() :]):
        return False  # "irving walk needs a visit", "yusuf's sweet house"
    kind = word_kind(word, frozenset(), frozenset())
    if kind not in ("name", "unknown", "word_name") or is_role(word):
        return False  # an ordinary word, or "cuz", "bro"
    before, after = text[max(0, match.start() - 30) : match.start()], text[match.end() :]
    if TITLE_BEFORE.search(before) or ROLE_IN_BRACKETS.match(after):
        return True  # "mrs thatcher", "mr turner (grandad)"
    start = at_sentence_start(text, match.start()) or _SAID_BEFORE.search(before)
    if kind == "word_name":
        return _a_word_name_typed_live(word, before, after, bool(start))
    if STRONG_AFTER.match(after) or A_FAMILY_AFTER.match(after) or AND_A_RELATIVE.match(after):
        return True
    if A_CHILD_BEFORE.search(before) or _DONE_WITH_BEFORE.search(before) or _OWNS_NEXT.match(after):
        return True  # "cousin tharani", "follow up w/ ikponmwosa", "najibullah attendance down"
    if IN_BRACKETS_AFTER.search(before) or named_last(before, after):
        return True  # "mum (rukhsana)", "it was kaydon"
    if word.endswith("s") and before.endswith("the "):  # "the wojciks", "w/ the asantes"
        stem = word_kind(word[:-1], frozenset(), frozenset())
        return stem == "name" or (stem == "unknown" and bool(_A_FAMILY_DOES.match(after)))
    paired = False
    while joined := _JOINED_NAME.match(after):  # "bishal rai + nima seen…"
        if word_kind(joined.group(1), frozenset(), frozenset()) == "safe":
            break
        paired = paired or bool(re.match(r"\s*(?:,|\+|&|/|\band|\bn)\s", after))
        after = after[joined.end() :]
    if AND_A_RELATIVE.match(after):
        return True  # "ebrima ceesay + others…"
    if paired and re.match(r"\s+(?:(?:were|are)\s+)?(?:both|all)\b", after):
        return True  # "kwabena + thiago both at the chippy"
    after = re.sub(r"^\s*[-–:]\s*", " ", after)  # "nkem ebai - seen recording…"
    second = kind in ("name", "unknown") and _PAIR_OPENS.search(before)  # "bramble n tamsin seen…"
    if (start or second) and (person_state(after) or person_subject(word, after, name_word=True)):
        return True
    # a word on no list where an object stands: "grooming vsevolod with…", "nothing from
    # litia since"
    return (
        kind == "unknown"
        and len(word) >= 4
        and bool(_AN_OBJECT_BEFORE.search(before))
        and bool(_OBJECT_ENDS.match(text[match.end() :]))
    )


_AN_OBJECT_BEFORE = re.compile(
    r"(?:\b(?:with|w/|for|from|behind|between|except|about|by|invite|let|recognised|recognized|"
    r"grooming|raised|linked|told|asked|helped|helping|supporting|support|visited|warned)|"
    r"[a-z]{3,}ed)\s+$",
    re.I,
)
_OBJECT_ENDS = re.compile(
    r"\s*(?:$|[,.;:!?)]|(?:and|with|from|since|to|at|in|on|about|for|as|who|"
    r"during|after|before|while|because|but|or|that|through|twice|again|too|also|has|had|is|"
    r"was|says|said)\b)"
)


def _an_acronym(word: str) -> bool:
    """An acronym typed in lower case, or its plural: "pcso", "pcsos"."""
    return word.upper() in acronyms() or word.upper().removesuffix("S") in acronyms()


def _a_word_name_typed_live(word: str, before: str, after: str, start: bool) -> bool:
    """A forename that is a word, typed in lower case: after a relative and a bracket, after
    speaking with someone or "per", or at a clause's start before what a person does or is ("hope
    spotted by the rec w/ older boys"; not "joy riding reported on…")."""
    if IN_BRACKETS_AFTER.search(before) or _SPOKEN_WITH.search(before):
        return True  # "mum (hazel)", "talked with ivy at the hub"
    a_word_of_time_or_doing = (
        word in months_and_days()
        or word in MODALS
        or is_person_verb(word)
        or is_function_word(word)
    )
    if re.match(r"\s+(?:and|&|n)\s+(?:his|her)\s", after) and AND_A_RELATIVE.match(after):
        return True  # "will and his mate", "may n her sister": never the verb or the month
    if not a_word_of_time_or_doing and by_its_neighbours(word, before, after):
        return True  # "cousin wren also in the video", "feedback from wren:"; not "his mate said"
    if _PER.search(before) and re.match(r"\s*[,:;]", after):
        return True  # "per wren, the lads…"
    if _TAKEN_BEFORE.search(before) and re.match(r"\s+(?:back\s+)?home\b", after):
        return True  # "police brought hazel home at 3am"
    if SEEN_OR_TOLD_BEFORE.search(before) and _SOMEWHERE_NEXT.match(after):
        return True  # "staff saw ivy outside the bookies", "police stopped wren near the bus"
    if start and _one_of_a_pair(after):
        return True  # "ivy and wren skipped period 3", "hazel n tyler both at the rec"
    opens = _PAIR_OPENS.search(before)
    first = opens and opens.group("first")
    if first and not is_function_word(first) and _what_people_do(word, after):
        return True  # the second of the pair
    finite = FINITE_NEXT.match(after) and person_subject(word, after, name_word=True)
    done = person_state(after) or finite
    return start and bool(done) and not stands_without_naming(word, after)


# the first of a pair of names typed in lower case at a clause's start
_PAIR_OPENS = re.compile(rf"(?:^|[.;:!?]\s+|\n)(?P<first>[a-z]{LETTERS}+)\s+(?:and|n|&|\+)\s+$")
_PAIRED_WITH = re.compile(rf"\s+(?:and|n|&|\+)\s+([a-z]{LETTERS}+)")


def _one_of_a_pair(after: str) -> bool:
    """After the first of two words joined, the second a name too, then what people do."""
    joined = _PAIRED_WITH.match(after)
    if joined is None:
        return False
    rest = after[joined.end() :]
    surname = re.match(rf"\s+({LETTERS}+)", rest)  # "… n tilly marsh both by the canal"
    if surname and surname[1].title() in FAMILY_LIKE_PLACE_WORDS:
        rest = rest[surname.end() :]
    return _a_name(joined[1]) and _what_people_do(joined[1], rest)


def _a_name(word: str) -> bool:
    return word_kind(word, frozenset(), frozenset()) in ("name", "word_name")


def _what_people_do(word: str, rest: str) -> bool:
    """ "… both by the bandstand", "… were all named", or a person's state or verb."""
    if re.match(r"\s+(?:(?:were|are)\s+)?(?:both|all)\b", rest):
        return True
    finite = FINITE_NEXT.match(rest) and person_subject(word, rest, name_word=True)
    return bool(person_state(rest) or finite)


# somewhere, or doing something, just after being seen or stopped
_SOMEWHERE_NEXT = re.compile(
    r"\s+(?:outside|near|at|by|with|w/|behind|getting|leaving|walking|"
    r"running|hanging|carrying|selling|smoking)\b"
)
_TAKEN_BEFORE = re.compile(r"\b(?:returned|brought|took|taken|dropped|drove|walked)\s+$", re.I)
_SPOKEN_WITH = re.compile(rf"\b(?:{SPOKE_TO}|met\s+(?:with|w/))\s+$", re.I)
_PER = re.compile(r"\bper\s+$", re.I)
_SAID_BEFORE = re.compile(r"\b(?:said|says|say|told|thinks|reports|reported)\s+$")


def unlisted_lower_case_name(text: str, match: re.Match[str]) -> NameHit | None:
    """A lower-case word on no list right after a person's verb: "police stopped piratheepan"."""
    word = match.group(0)
    parts = word.split("-")
    if len(parts) > 1 and all(part in lower_case_forenames() for part in parts):
        return NameHit(word, match.start(), match.end())  # "ellie-may", "kai-jay"
    following = CAPITAL_NEXT.match(text[match.end() :])
    if following and _surname_after_lower_case(word, following.group(1)):
        end = match.end() + following.end(1)  # "tamzin Ashdown"
        return NameHit(text[match.start() : end], match.start(), end)
    lower_surname = _LOWER_SURNAME_NEXT.match(text[match.end() :])
    if lower_surname and _a_full_name_in_lower_case(word, lower_surname.group(1)):
        end = match.end() + lower_surname.end(1)  # "temidayo okonjo went missing"
        return NameHit(text[match.start() : end], match.start(), end)
    if typed_in_a_hurry(text, match):
        return NameHit(word, match.start(), match.end())
    before, after = text[max(0, match.start() - 20) : match.start()], text[match.end() :]
    if _a_nickname_beside_who_they_are(word, before, after):
        return NameHit(word, match.start(), match.end())  # "smudge (yp) said", "pip n mates"
    if not word.islower() or len(word) < 4 or word in english_words() or _an_acronym(word):
        return None
    kind = word_kind(word, frozenset(), frozenset())
    first = at_sentence_start(text, match.start()) or _SAID_BEFORE.search(before)
    named = kind in ("unknown", "name")
    if (kind != "safe" and _LOWER_CASE_CUE.search(before)) or (
        named
        and (
            STRONG_AFTER.match(after)  # "tendaiye's nan"
            or named_last(before, after, forename=True)  # "a lift was offered to elikem"
            or (kind == "unknown" and first and person_subject(word, after))
        )
    ):
        return NameHit(word, match.start(), match.end())  # "tafadzwa has been missing"
    return None


_A_VERB_OF_BEING = re.compile(r"was|were|are|is|be|been|being|has|have|had|will|would|did|does")
_LOWER_SURNAME_NEXT = re.compile(r"\s([a-zà-ÿ][a-zà-ÿ'’-]+)\b")


def _a_full_name_in_lower_case(word: str, surname: str) -> bool:
    """A word that no dictionary holds, then a surname of the lists that is no word, both in
    lower case: a person's full name typed in a hurry."""
    if len(word) < 3 or len(surname) < 4:
        return False
    first = word_kind(word, frozenset(), frozenset())
    second = word_kind(surname, frozenset(), frozenset())
    a_surname = title_case(surname) in surnames()
    plain_name = (
        surname not in place_words()
        and title_case(surname) not in place_names()
        and not is_function_word(surname)
        and not _A_VERB_OF_BEING.fullmatch(surname)  # "peng were heard"
    )
    if first in ("unknown", "name") and second == "name":
        return True  # "zeynep okonkwo": both names, neither a word
    if first == "word_name" and second == "name" and a_surname:
        return True  # "hamza okonkwo"
    if first in ("unknown", "name") and second == "word_name" and a_surname and plain_name:
        return True  # "dzhamal shah"
    if surname in english_words() or not a_surname or is_forename(title_case(surname)):
        return False
    return first in ("unknown", "name")


def _surname_after_lower_case(word: str, surname: str) -> bool:
    """A word on no dictionary typed in lower case, then a surname or a capitalised word on no
    list: a forename typed in a hurry, and the surname after it."""
    if len(word) < 3 or word.upper() in acronyms():
        return False
    if word_kind(word, frozenset(), frozenset()) not in ("name", "unknown"):
        return False  # an ordinary word in any of its forms: "messaging Tamsin", "a grey Skoda"
    if surname in surnames() or is_forename(surname):
        return True
    return word_kind(surname, frozenset(), frozenset()) == "unknown"  # "tamsin Orrinshaw"


_LOWER_SURNAME = re.compile(rf"\s+[a-z]{LETTERS}*(?:['’](?!s\b){LETTERS}+)?(?=['’]s\b)")


_A_SURNAME_THING_NEXT = re.compile(rf"\s(?i:{SURNAME_THINGS})\b")


def lower_case_name(word: str, match: re.Match[str], before: str, after: str) -> NameHit | None:
    """``word`` is a forename typed in lower case (``_name_at`` has checked the list). A long
    one that no dictionary knows is a name wherever it stands; a short one needs a sign."""
    thing = _A_SURNAME_THING_NEXT.match(after)
    rest = after[thing.end() :] if thing else ""
    if thing and (AND_A_RELATIVE.match(rest) or STRONG_AFTER.match(rest)):
        end = match.end() + thing.end()  # "tommy ward and his cousin": a family name, a person
        return NameHit(match.string[match.start() : end], match.start(), end)
    if PLACE_BEFORE.search(before) or a_thing_named(after) or a_thing_after(after):
        return None  # "st aidan's primary", "bethany mews", "stu's diner"
    lower_surname = _LOWER_SURNAME_NEXT.match(after)
    if lower_surname:
        family = re.sub(r"['’]s$", "", lower_surname.group(1))
        if _a_full_name_in_lower_case(word, family):
            end = match.end() + lower_surname.start(1) + len(family)  # "zeynep okonkwo has…"
            return NameHit(match.string[match.start() : end], match.start(), end)
    if typed_in_a_hurry(match.string, match):
        return NameHit(word, match.start(), match.end())
    if word in field_words() or word in months_and_days() or title_case(word) in place_names():
        # a greeting, a dish, a festival, a place ("essex + kent lines")
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


# what someone did to the one speaking: "yp says twig gave him the sim", "… told her to"
_DID_IT_TO_THEM = re.compile(
    r"\s+(?:gave|told|asked|paid|sent|made|threatened|hit|punched|owes|messaged)\s+(?:him|her)\b"
)


def _a_nickname_beside_who_they_are(word: str, before: str, after: str) -> bool:
    """An ordinary word typed in lower case before who the person is in brackets, or "and"
    their relatives or mates, or said to have done something to the speaker: a nickname."""
    said = re.search(r"\b(?:says|said)\s+$", before) and _DID_IT_TO_THEM.match(after)
    if not (WHO_IN_BRACKETS.match(after) or AND_A_RELATIVE.match(after) or said):
        return False
    if is_role(word) or is_function_word(word) or word in place_words() or word in group_words():
        return False
    return not stands_without_naming(word, after) and len(word) > 2
