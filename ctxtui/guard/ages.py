"""A young person's age in the forms minutes give it (after "aged", with "yo" or "yrs old", in
brackets after a name, as a guess between two, in a missing-person line); never a group's range,
a time, a count or a school year."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ctxtui.guard.cues import KIN
from ctxtui.guard.hits import Hit
from ctxtui.guard.word_lists import CARDINALS

_UNITS = list(CARDINALS)
NUMBER_WORDS = "|".join(_UNITS[4:])  # four to twenty: the ages a word can give
_AN_AGE = rf"(?:\d{{1,2}}|{NUMBER_WORDS})(?:ish)?"
_NOT_AN_AGE_AFTER = (
    r"(?!\s*(?:-|–|to|and|or)\s*(?:\d|" + NUMBER_WORDS + r"))"  # "aged 11 to 16": a range
    r"(?!\s*(?:%|per\s*cent|percent|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|"
    r"years?\s+ago|times|pm|am|p\.m|a\.m|[:.]\d|,\d|incidents?|people|young|boys|girls|"
    r"pupils|children|of\s+(?:the|them|us)|metres|miles|yards|pounds|o'clock|or\s+more)\b)"
)
_ABOUT = r"(?:about|around|approx(?:imately|\.)?|roughly|circa|c\.|nearly|almost|under|over)\s*"
_YEARS_AND_MONTHS = (
    rf"\b{_AN_AGE}\s*(?:years?|yrs?|y)\s*(?:and\s*|,\s*)?\d{{1,2}}\s*(?:months?|mths?|mo?s?)\b"
    rf"|\baged?\s+{_AN_AGE}\s+(?:years?\s+)?and\s+\d{{1,2}}\s+(?:months?|mths?)\b"
)
_AGE_HINT = re.compile(rf"\d|{NUMBER_WORDS}", re.I)  # a cheap test before the costly one
_AGE = re.compile(
    rf"{_YEARS_AND_MONTHS}"
    # "the boy on the e-scooter was 15, and": one young person, a clause, then the age
    rf"|\b(?:lad|yp|young\s+person|youth|teen|teenager|he|she|patient|victim|suspect|male|"
    rf"female|player|member|passenger|rider|newcomer|{KIN})\b"
    r"(?!\s+(?:bus|club|centre|center|services?|workers?|team|project|group|hub|offer|zone|"
    r"sessions?|space|van|provision|worker))"  # "the youth van holds nine": a thing's number
    rf"[^.,;:!?]{{0,40}}?\b(?:is|was)\s+"
    rf"(?:[4-9]|1\d|2[0-5]|{NUMBER_WORDS})(?=\s*(?:[,.;:!?()]|$)|\s+(?:was|and|but|when|who|had|"
    rf"has|at)\b)"
    rf"|\b(?:aged?|age\s+of)\s+(?:just\s+|only\s+|{_ABOUT})?{_AN_AGE}\b{_NOT_AN_AGE_AFTER}"
    # two young people's ages: "both girls, aged 12 and 15" (a range is "to", "-" or "between")
    r"|(?<!between\s)\baged\s+(?:[4-9]|1\d)\s+(?:and|&)\s+(?:[4-9]|1\d)\b(?!\s*(?:months?|mths?))"
    # a missing-person line: "female, 13 years", "male, 16,"
    rf"|\b(?:male|female)\s*,\s*{_AN_AGE}\s*(?:yrs?|years?)?(?=\s*(?:[,.;)]|$))"
    rf"|\b(?:looked|looks|look|appeared|appears|seemed|seems)\s+(?:to\s+be\s+)?"
    rf"(?:no\s+(?:older|more)\s+than\s+|{_ABOUT})?{_AN_AGE}\b{_NOT_AN_AGE_AFTER}"
    rf"|\bno\s+(?:older|younger)\s+than\s+{_AN_AGE}\b{_NOT_AN_AGE_AFTER}"
    # one young person's age as a guess between two: "the lad is about 14 or 15"
    rf"|\b(?:lad|boy|girl|he|she|yp|male|female)\s+(?:is|was|looks|looked|seemed)\s+"
    rf"(?:about\s+|around\s+|maybe\s+|probably\s+)?{_AN_AGE}\s+or\s+{_AN_AGE}\b"
    rf"{_NOT_AN_AGE_AFTER}"
    rf"|(?:^|[.;!?]\s+)(?:just|only)\s+(?:[4-9]|1\d)(?=\s+(?:and|but)\b|\s*[,;]\s)"
    rf"|\b(?:can['’]?t|cannot|couldn['’]?t|could\s+not)\s+be\s+(?:more|older)\s+than\s+"
    rf"{_AN_AGE}\b{_NOT_AN_AGE_AFTER}"
    rf"|\b(?:boy|girl|lad|child|kid|son|daughter|youngster)\s+of\s+(?:about\s+|around\s+)?"
    rf"{_AN_AGE}\b{_NOT_AN_AGE_AFTER}"
    rf"|(?:\b(?:a|an|the|one|this|that|his|her|their)\s+|^\W*){_AN_AGE}[\s-]*(?:year|yr)s?[\s-]*"
    r"old\b(?!s)"
    rf"|\b{_AN_AGE}[\s-]*(?:yo|y/o|y\.o\.|y-o|yrs?\s+old|years?\s+old|years?\s+of\s+age)(?!\w)"
    rf"|\b(?:who|hes|shes)\s+(?:is\s+|was\s+|['’]s\s+)?(?:only\s+|just\s+|now\s+)?{_AN_AGE}\b{_NOT_AN_AGE_AFTER}"
    rf"|,\s+now\s+{_AN_AGE}\s*,"
    rf"|\b(?:approx\.?|approximately|roughly)\s+\d{{1,2}}\s*[-–]\s*\d{{1,2}}\b"
    rf"(?!\s*(?:young|people|boys|girls|kids|pupils|children|yp|cyp|of|year|%|min|hour|day|week))"
    rf"|\b(?:he|she|they|boy|girl|lad|child|pupil|son|daughter|brother|sister|youngest|eldest|"
    rf"yp\s?\d{{0,2}}|young\s+person)"
    rf"\s*(?:'s|’s|\s+is|\s+was|\s+were|\s+are)\s+(?:only\s+|just\s+)?"
    rf"{_AN_AGE}\b{_NOT_AN_AGE_AFTER}"
    rf"|\b(?:youngest|eldest|oldest)\s+(?:in|of)\s+(?:the\s+)?\w+\s+(?:is|was)\s+"
    rf"(?:only\s+|just\s+)?{_AN_AGE}\b{_NOT_AN_AGE_AFTER}"
    rf"|\b(?:was|is)\s+(?:only|just|now|about|around|approx\.?|roughly|nearly|almost)\s+"
    rf"{_AN_AGE}\b{_NOT_AN_AGE_AFTER}"
    # ages in brackets after a number of young people: "two girls (12 and 14)"
    r"|\(\s*(?:[4-9]|1\d)(?:\s*,\s*(?:[4-9]|1\d))*\s*(?:,|and|&)\s*(?:[4-9]|1\d)\s*\)"
    rf"|\bage\s*[:=]\s*{_AN_AGE}\b|\bage\s+as\s+{_AN_AGE}\b"
    rf"|\b(?:thought|believed|said|understood|known)\s+to\s+be\s+(?:about\s+|around\s+)?"
    rf"{_AN_AGE}\b{_NOT_AN_AGE_AFTER}"
    rf"|(?:\b(?:turned|turns|turning|will\s+be)|\b(?:he|she)['’]?ll\s+be)\s+{_AN_AGE}\b{_NOT_AN_AGE_AFTER}"
    rf"|(?:(?<=[^\W\d_])|(?<=[^\W\d_]\s))\(\s*(?:[4-9]|1\d|2[0-5])\s*(?:yrs?|years?)?\s*\)"
    # a guess at someone's age in brackets: "the boy (around 13)"
    r"|(?<=[^\W\d_]\s)\(\s*(?:about|around|approx\.?|c\.|maybe|roughly)\s*(?:[4-9]|1\d)\s*\)"
    # between dashes after who it is: "the lad - 13 - said"
    r"|\b(?:boy|girl|lad|yp|male|female|child|son|daughter)\s[-–]\s*(?:[4-9]|1\d)\s*[-–]"
    # a missing-person line without its comma: "male 13 reported missing", "yp 15 found"
    r"|\b(?:male|female|yp|cyp|boy|girl|lad|child)\s+(?:[4-9]|1\d)\b"
    r"(?=\s+(?:reported|missing|found|located|returned|seen|stopped|arrested))"
    # "at 13 he was…": the age someone did something at
    r"|(?:^|[.;]\s+|\b(?:and|but)\s+)at\s+(?:[4-9]|1\d)\s+(?=(?:he|she|they)\s)"
    # "Kwame, 16, was…", "her son, 14, was…"
    r"|(?<=[^\W\d_], )(?:[4-9]|1\d)(?=,\s*(?:was|is|has|had|and|who|said|told|lives|seen|treated|"
    r"taken|injured|hurt|picked|left|"
    r"spotted|found|stopped|arrested|reported|missing|excluded|living|staying|known|"
    r"repeatedly|still|now|often|regularly)\b)",
    re.I,
)


# said as a person's age whatever the number: an adult's age is theirs too ("aged 47")
_SAID_AS_AN_AGE = re.compile(r"\b(?:aged?|age\s+of)\b|\byears?\s+of\s+age\b", re.I)


# a range said of a group, not one young person's age: "girls aged roughly 13-15"
_A_GROUP_BEFORE = re.compile(
    r"\b(?:girls|boys|lads|kids|pupils|children|youths|males|females|people|yp|cyp|group)\b"
    r"[^.;]{0,12}$",
    re.I,
)


_TWO_AGES = re.compile(r"aged\s+\d+\s+(?:and|&)\s+\d+$", re.I)
_TWO_PEOPLE_BEFORE = re.compile(r"\b(?:two|both|2|pair)\b[^.;\d]{0,20}$", re.I)


def ages(text: str) -> Iterator[Hit]:
    for match in _AGE.finditer(text) if _AGE_HINT.search(text) else ():
        ranged = re.search(r"\d\s*[-–]\s*\d", match.group(0))
        if ranged and _A_GROUP_BEFORE.search(text[: match.start()]):
            continue
        if _TWO_AGES.match(match.group(0)) and not _TWO_PEOPLE_BEFORE.search(text[: match.start()]):
            continue  # "lads aged 15 and 16": who a group is, not two young people's ages
        said = _SAID_AS_AN_AGE.search(text[match.start() : match.end() + 14])
        oldest = 99 if said else 25
        if all(1 <= int(n) <= oldest for n in re.findall(r"\d+", match.group(0))):
            yield Hit("age", match.group(0), match.start(), match.end())
