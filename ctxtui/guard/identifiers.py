"""Details that identify a child by their form rather than a name: a date of birth, an age,
NHS and National Insurance numbers, phone numbers, email and home addresses, pupil and case
references, vehicle registrations and social media handles. Each finder yields the ``Hit``s
in one text; the guard (privacy.py) keeps the first of any that overlap."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from ctxtui.guard.ages import NUMBER_WORDS, ages
from ctxtui.guard.cues import KIN, WELSH_STREETS
from ctxtui.guard.hits import Hit
from ctxtui.guard.word_lists import CARDINALS, is_name_word, surnames

_MONTHS = (
    "jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|"
    "june|july|august|september|october|november|december"
)
_DATE = (
    r"(?:\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})"
    rf"|(?:the\s+)?\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTHS})\.?,?\s+\d{{4}}"
    rf"|(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    r"|\d{4}-\d{2}-\d{2}|\d{4}[/.]\d{1,2}[/.]\d{1,2}"
    rf"|\d{{1,2}}[/.-](?:{_MONTHS})[/.-](?:\d{{4}}|\d{{2}}))"
)
_ORDINALS = (
    "first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|"
    "thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|"
    "thirtieth|twenty[\\s-](?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|"
    "thirty[\\s-]first"
)
# a date after the words that say it is a birth date; there a year may be two digits ("2 June
# 12", "9 Oct '10") and a birthday may have no year at all
_SHORT_DATE = (
    rf"(?:the\s+)?\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTHS})\.?,?\s+['’]?\d{{2}}\b"
)
_DOB_CONTEXT = re.compile(
    rf"\b(?:d\.?\s?o\.?\s?b\.?|date[\s-]+of[\s-]+birth|birth[\s-]?date|born(?:\s+on)?|b[\s-]?day|"
    rf"birthday)"
    rf"(?:\s+(?:is|was|of|as|(?:given|recorded|noted|listed|shown|put\s+down)\s+as))?\s*[:=\-]?\s*"
    rf"(?:{_DATE}|{_SHORT_DATE}|(?:19|20)\d\d(?:0[1-9]|1[0-2])(?:[0-2]\d|3[01])\b"
    rf"|(?:0?[1-9]|[12]\d|3[01])(?:0[1-9]|1[0-2])(?:19|20)\d\d\b"
    rf"|\d{{1,2}}\s?[/-]\s?\d{{1,2}}\s?[/-]\s?\d{{2,4}}\b"
    rf"|(?:0[1-9]|[12]\d|3[01])(?:0[1-9]|1[0-2])\d\d\b"
    rf"|(?:the\s+)?\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTHS})\b|\d{{1,2}}/\d{{1,2}}\b"
    # "2nd of the 11th 2010", "2 8 0 5 2 0 1 1", "29/xi/2009"
    rf"|\d{{1,2}}(?:st|nd|rd|th)\s+of\s+the\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{2,4}}\b"
    rf"|(?:\d\s){{7}}\d\b|\d{{1,2}}/[ivx]{{1,4}}/\d{{2,4}}\b)"
    # eight digits, then the words: "03112011 put down as dob"
    rf"|\b(?:(?:19|20)\d{{6}}|\d{{4}}(?:19|20)\d\d)\b(?=[^.;]{{0,20}}\b(?:dob|d\.o\.b|date\s+of\s+birth)\b)"
    rf"|\bbirthday\s+(?:is|was|on|falls\s+on)\s+(?:the\s+)?\d{{1,2}}(?:st|nd|rd|th)?\s+"
    rf"(?:of\s+)?(?:{_MONTHS})\b",
    re.I,
)
# "born on the ninth of March 2013", "born in early 2014": the year says whether it is a child's
_DOB_IN_WORDS = re.compile(
    rf"\b(?:born|birth[\s-]?date|date\s+of\s+birth|d\.?o\.?b\.?)\s+"
    rf"(?:(?:on|is|was|as|of|recorded|given|noted)\s+)*"
    rf"(?:the\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)?|{_ORDINALS})\s+(?:of\s+)?"
    rf"(?:{_MONTHS})\.?,?\s+(\d{{4}})\b"
    rf"|\bborn\s+in\s+(?:(?:early|late|mid)[\s-]+)?(?:(?:{_MONTHS})\.?\s+)?(\d{{4}})\b"
    rf"|\bborn\s+(?:(?:early|late|mid)[\s-]+)?(?:{_MONTHS})\.?,?\s+(\d{{4}})\b"
    # the whole date in words after the words for a birth date
    rf"|\b(?:d\.?\s?o\.?\s?b\.?|date\s+of\s+birth|born)\b[^.;]{{0,30}}?"
    rf"(?:the\s+)?(?:{_ORDINALS})\s+(?:of\s+)?(?:{_MONTHS})\s+"
    rf"(two\s+thousand(?:\s+and)?\s+[a-z]+)\b",
    re.I,
)
_ANY_DATE = re.compile(rf"\b{_DATE}\b", re.I)
_UNITS = list(CARDINALS)
_NHS = re.compile(r"(?<![\d-])(\d{3,4})[\s./-]{0,2}(\d{3,4})[\s./-]{0,2}(\d{3,4})(?![\d-]|\.\d)")
# after "NHS", ten digits however they are spaced: "NHS no 4 0 1 2 2 7 5 3 1 0"
_NHS_SPACED = re.compile(r"(?<![\d-])(?:\d[\s.-]{0,2}){9}\d(?![\d-]|\.\d)")
# "NHS no. recorded as …"; Scotland's health number is the CHI, Northern Ireland's the H&C
NHS_SAID = re.compile(
    r"(?i:\bnhs\b|(?<!tai\s)\bchi\b|\bh\s?[&+]\s?c\b|\bhealth\s+and\s+care)[^;\n]{0,50}$"
)
_NHS_SAID_AFTER = re.compile(r"(?i:\s*(?:is\s+)?(?:the\s+|her\s+|his\s+)?nhs\b)")
NI = re.compile(
    r"\b(?!B\s?G|G\s?B|K\s?N|N\s?K|N\s?T|T\s?N|Z\s?Z)[A-CEGHJ-PR-TW-Z]\s?[A-CEGHJ-NPR-TW-Z]"
    r"[\s-]?\d{2}[\s-]?\d{2}[\s-]?\d{2}[\s-]?[A-D]\b",
    re.I,
)
# after the words for it, any two letters, six digits and a letter: "nino ZX 40 21 93 A"
_NI_SAID = re.compile(
    r"(?i:\b(?:ni|nino|n\.i\.|national\s+insurance|natl\.?\s+insurance)"
    r"(?:\s+(?:no\.?|number|num))?(?:\s+(?:is|was|as))?\s*[:#]?\s*)"
    r"([a-z]\s?[a-z][\s/-]?(?:\d[\s/-]?){6}[a-d])\b",
    re.I,
)
# an NI number's shape in capitals, whatever its letters: "QQ 71 20 44 A"
_NI_SHAPE = re.compile(r"\b[A-Z]{2}\s\d{2}\s\d{2}\s\d{2}\s[A-D]\b")
_PHONE = re.compile(
    r"(?<![\d+])(?:\+44\s?\(?0?\)?\s?|0[\s.-]?)(?:\d[\s.-]?){8,9}\d(?!\d)"
    r"|\(0\d{2,4}\)\s?\d{3,4}[\s-]?\d{3,4}(?!\d)"  # a landline with its area code in brackets
    r"|(?<!\d)0\d{4}\s?\(\d{3}\)\s?\d{3}(?!\d)"  # 07700 (900) 123
)
_AT = r"(?:\s+at\s+|\s*[\[({<]\s*at\s*[\])}>]\s*)"
_DOT = r"(?:\s+dot\s+|\s*[\[({<]\s*dot\s*[\])}>]\s*|\.)"
_EMAIL = re.compile(
    r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b"
    r"|(?i:\b[\w.+-]+\s@\s?(?:gmail|googlemail|hotmail|outlook|live|yahoo|icloud|aol|btinternet|"
    r"proton(?:mail)?|sky|virginmedia|talktalk)\.[\w.]+\b)"
    r"|(?i:\b[\w.+-]+\s*@\s*[\w-]+(?:\s*\.\s*[\w-]+)*\s*\.\s*"
    r"(?:com|net|org|co\s*\.\s*uk|uk|io|me|info)\b)"
    # spelt out so that it is not a link: "name at mailbox dot com", "name[at]host[dot]org"
    rf"|(?i:\b[\w.+-]+(?:{_DOT}[\w+-]+)*(?:{_AT}|\s*@\s*)[\w-]+(?:{_DOT}[\w-]+)*{_DOT}"
    r"(?:com|net|org|co\s*(?:\.|dot|\[dot\]|\(dot\))\s*uk|uk|gov\.uk|ac\.uk|io|me|info)\b)"
)
# Pupil and case references that identify a child: a Unique Pupil Number (a letter and twelve
# digits), and numbers after the words schools and case-management systems put before them.
REFERENCE = re.compile(
    r"(?i:\b(?:upn\s*[:#]?\s*)?[a-z]\d{11}(?:\d|[a-z])\b)"  # permanent, or temporary
    r"|(?i:\b(?:upn|uln|pupil|student|case|child|family|client|person|cp|cin|lac|cla|"
    r"referral|mosaic|lcs|liquid\s?logic|ehm|eclipse|capita(?:\s+one)?|one|synergy|scn|wccis|"
    r"paris|care\s?first|frameworki|azeus|servelec|sims|arbor|cpoms)"
    r"(?:\s+(?:id|ref(?:erence)?|no|number|num|case|record|file|episode|incident|log|entry))*"
    r"\.?\s*[:#]?\s*"
    r"(?:no\.?\s*|number\s*)?(?!0\d{2,4}[\s-]\d{3})([a-z]?\d{4,12})\b)"  # not a phone
    # a UPN typed in groups ("Q 1234 5678 9012")
    r"|(?i:\bupn\s*[:#]?\s*[a-z]\s?(?:\d[\s-]?){11}\d\b)"
)
# A reference word, then an identifier of three digits or more, letters, / and - allowed
# ("crime ref 12/34567/26", "CIN ref CIN-1234", "hospital number X1234567"): a reference
# unless a finder that knows the number better (phone, NHS, NI) has it.
_REFERENCE_AFTER_WORD = re.compile(
    r"(?i:\b(?:ref(?:erence)?|refs|number|no|id|log|mrn|urn|crn|cad|storm|niche|athena|pnc|cris|"
    r"record|mash|yot|occurrence|incident|(?:misper|merlin)(?:\s+report)?|uci|"
    r"(?:oyster|travel|zip|bus\s+pass|rail)\s*card|bus\s+pass)"
    r"\b\.?\s*[:#-]?\s*(?:no\.?\s*|number\s*|id\s*)?)(?:[A-Z]{1,4}\s(?=\d{5}))?"
    r"(?=[A-Za-z0-9/*-]*\d[A-Za-z0-9/*-]*\d[A-Za-z0-9/*-]*\d)[A-Za-z0-9][A-Za-z0-9/*-]*[A-Za-z0-9]"
    # or in groups of digits: "Niche occurrence 4410 2231 907", "number CP 41 882"
    r"(?:\s\d{2,5})*"
    # a control room's log of a day: "log number is 0217 of the 9th"
    r"(?:\s+of\s+(?:the\s+)?\d{1,2}(?:st|nd|rd|th)?\b)?"
)
# the number said a few words after the log's name: "the log number is 0217 of the 9th"
_LOG_OF_A_DAY = re.compile(
    r"(?i:\b(?:log|cad|incident|storm|serial)(?:\s+(?:number|no\.?|ref))?\s+(?:is|was)\s+)"
    r"(\d{3,5}\s+of\s+(?:the\s+)?\d{1,2}(?:st|nd|rd|th)?)\b"
)
# Organisations' numbers, said as such: "the council switchboard on 0161…", "office: 020…"
_ORGANISATION_NUMBER = re.compile(
    r"(?:\b[A-Z]{2,6}\s+line\b|(?i:\b(?:duty|advice|hours|tip|reporting|support|crisis|"
    r"parents?|emergency|enquiry|enquiries)\s+line\b)"  # a service's line, not a drugs line
    r"[^.;\n]{0,24}$)"
    r"|(?i:\b(?:switchboard|reception|office|helpline|help\s+line|desk|hub|team|service|"
    r"concierge|control\s+room|operator|its|group|charity|pharmacy|surgery|clinic|library|"
    r"council|school|duty|non[-\s]emergency|main\s+number|enquiries|advice|mash|front\s+door|"
    r"centre|lead|coordinator|manager)\b"
    r"[^.;\n]{0,60}$)"
)
# a person named between an organisation's word and the number: "the school rang mum on …"
_SOMEONE = (
    rf"(?:{KIN}|parent|his|her|their|him|them|lad|yp|young\s+person|victim|suspect|male|woman|man)"
)
_PERSON_BEFORE_NUMBER = re.compile(rf"\b{_SOMEONE}\b[^.;\n]{{0,20}}$", re.I)
_FOR_SOMEONE = re.compile(rf"\s+for\s+{_SOMEONE}\b", re.I)
_A_CALLER = re.compile(
    r"\b(?:calls?|texts?|messages?|rang|rung|contacted)\s+(?:\w+\s+)?from\s*$", re.I
)
_COUNTRY_CODE = re.compile(r"^\+44\s?\(?0?\)?\s?")  # +44 (0)20 …: the number is 020 …
# Numbers that reach a service, not a person: freephone, national rate, non-geographic.
_SERVICE_NUMBER = re.compile(r"(?:\+44\s?\(?0?\)?\s?|0)(?:8|3)")
VEHICLE = re.compile(
    r"\b[A-Z]{2}[\s-]?\d{2}[\s-]?[A-Z]{3}\b"  # AB12 CDE, since 2001
    r"|\b[A-HJ-NP-Y]\d{1,3}\s?[A-Z]{3}\b"  # P123 ABC, 1983-2001 (capitals only)
    r"|\b[A-Z]{3}\s?\d{1,3}[A-HJ-NP-Y]\b"  # ABC 123D, 1963-1983 (capitals only)
    r"|(?i:\b[a-z]{2}\d{2}[\s-]?[a-z]{3}\b)(?<=\w)(?=\W|$)"
)
_VEHICLE_CUE = re.compile(
    r"(?i:\b(?:reg(?:istration)?|plate|number\s+plate|vrm)(?:\s+(?:number|no\.?|is|was|of))*"
    r"\s*[:#,]?\s*)([A-Za-z0-9]{1,4}\s?[A-Za-z0-9]{1,4})\b"
)
_STREET = (
    r"Road|Rd|Street|St|Avenue|Ave|Lane|Close|Drive|Way|Court|Crescent|Place|Gardens|"
    r"Terrace|Grove|Hill|Walk|Rise|Row|Square|Mews|View|Park|Green|Parade|Estate|House|"
    r"Mead|Meadow|Meadows|Cottages|Fold|Gate|Croft|Chase|Vale|Bank|Brow|Yard|Wharf|Heights|"
    r"Field|Fields|Approach|Boulevard|Circus|Lea|Villas|Buildings|Wynd|Garth|Glen|Dale|End|"
    r"Court|Gardens|Nook|Copse|Spinney|Paddock|Quay|Embankment|Hollow|Ridge|Path|Gdns|Cres|"
    r"Side|Paddocks|Pastures|Orchard|Orchards|Dr|Sq|Terr|Ln|Cl|Ct|Pl|Gr|Wk|"
    r"Loan|Vennel|Pend|Gait|Brae"  # Scots
)
_ADDRESS = re.compile(
    rf"\b(?i:flat|apartment|apt)\.?\s+(?:\d+[a-z]?|[A-Z])\b"
    rf"|(?<![/.:\-\d])\b(?!(?:19|20)\d\d\b)\d{{1,4}}[a-z]?,?\s+"
    r"(?!(?:minutes?|mins?|hours?|hrs?|seconds?|miles?|metres?|yards?|steps?)\b)(?:[a-z'’]+\s+){1,2}"
    rf"(?:{_STREET.lower()})\b(?<!\bplace)(?<!\bend)(?<!\bbank)(?<!\bfield)(?<!\bwk)"
    rf"|\b\d{{1,4}}[A-Za-z]?,?\s+(?:[A-Z][a-z'’]+\s+){{1,3}}(?:{_STREET})\b"
    rf"|\b\d{{1,4}}[A-Za-z]?,?\s+(?:{WELSH_STREETS})\s+(?:y\s+|yr\s+)?[A-Z][\w'’]+"
    r"|\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b"  # a full postcode
    r"|\b[a-z]{1,2}\d[a-z\d]?\s?\d[a-z]{2}\b"  # typed in lower case
    # "no. 9 on Larch Crescent"
    rf"|\b(?i:no|number)\.?\s*\d{{1,4}}[a-z]?\s*(?:on|in|,|\()\s*(?:[A-Z]\w*,?\s+){{1,4}}"
    rf"(?:{_STREET})\b"
    r"|\b(?i:caravan|pitch|plot|chalet|mobile\s+home)\s+\d{1,4}[a-z]?\b"
    # where someone lives by its number alone: "living at no 62", "home is number 5"
    r"|\b(?i:(?:lives?|living|staying|stays)\s+at|(?:house|home)\s+is)\s+(?i:no\.?|number)\s*\d{1,4}"
    rf"|\b[A-Z][a-z]+\s+(?:Cottage|Farm|Lodge|Barn|Villa|Bungalow),\s+(?:[A-Z][a-z'’]+\s+){{1,2}}"
    rf"(?:{_STREET})\b"
    # a house number in words: "at twelve Morley Close"
    rf"|\b(?i:one|two|three|{NUMBER_WORDS}|thirty|forty|fifty)\s+(?:[A-Z][a-z'’]+\s+){{1,3}}"
    rf"(?:{_STREET})\b"
)


def nhs_valid(digits: str) -> bool:
    if len(digits) != 10 or len(set(digits)) == 1:
        return False
    total = sum(int(d) * w for d, w in zip(digits[:9], range(10, 1, -1), strict=True))
    check = 11 - total % 11
    check = 0 if check == 11 else check
    return check != 10 and check == int(digits[9])


def _child_birth_year(text: str, today: dt.date) -> bool:
    # a four-digit year wherever it stands (2027-01-15 is in 2027, not 2015); else a two-digit
    # year at the end (15/03/12)
    years = re.findall(r"\d{4}", text) or re.findall(r"\d{2}$", text)
    if not years:
        return False
    year = int(years[0])
    if year < 100:
        year += 2000 if year <= today.year % 100 else 1900
    return today.year - 25 <= year <= today.year - 4


def _year_digits(year: str) -> str:
    """A year as digits: "2011" stays, "two thousand and eleven" is 2011 ("" if unknown)."""
    if year.isdigit():
        return year
    last = year.split()[-1].lower()
    return str(2000 + _UNITS.index(last)) if last in _UNITS else ""


def birth_dates(text: str, today: dt.date) -> Iterator[Hit]:
    for match in _DOB_CONTEXT.finditer(text):
        yield Hit("date_of_birth", match.group(0), match.start(), match.end())
    for match in _DOB_IN_WORDS.finditer(text):
        year = _year_digits(next(group for group in match.groups() if group))
        if _child_birth_year(year, today):
            yield Hit("date_of_birth", match.group(0), match.start(), match.end())
    for match in _ANY_DATE.finditer(text):
        if _child_birth_year(match.group(0), today):
            yield Hit("date_of_birth", match.group(0), match.start(), match.end())


def numbers_and_addresses(text: str) -> Iterator[Hit]:
    numbers = [*ages(text), *_numbers(text)]
    yield from numbers
    for match in REFERENCE.finditer(text):
        yield Hit("reference", match.group(0), match.start(), match.end())
    for match in _REFERENCE_AFTER_WORD.finditer(text):
        phone = _PHONE.search(match.group(0))
        if phone and not _SERVICE_NUMBER.match(phone.group(0)):
            continue  # "the college reception number 0161 …": a number to ring, not a reference
        if not any(hit.start < match.end() and match.start() < hit.end for hit in numbers):
            yield Hit("reference", match.group(0), match.start(), match.end())
    for match in [*_REFERENCE_SAID_LATER.finditer(text), *_LOG_OF_A_DAY.finditer(text)]:
        if not any(hit.start < match.end(1) and match.start(1) < hit.end for hit in numbers):
            yield Hit("reference", match.group(1), match.start(1), match.end(1))
    for hit in _grouped_references(text):
        if not any(other.start < hit.end and hit.start < other.end for other in numbers):
            yield hit


# A case or file number in groups, letters and digits joined by / or -: "ASB/HSG/2204/118"
# "the Mosaic case number for the family is 3108842"
_REFERENCE_SAID_LATER = re.compile(
    r"(?i:\b(?:reference|ref|record\s+number|case\s+number|file\s+number|id\s+number|"
    r"hospital\s+number|incident\s+number|crime\s+number|unit\s+number|occurrence\s+number|"
    r"identifier|id|uln|upn)\b"
    r"[^.;\d]{0,40}?\b(?:is|was|as)\s+)((?:[A-Z]{1,5}\d?[/-]?\s?)?\d[\d/-]{3,20}\d)\b"
)
_GROUPED_REFERENCE = re.compile(
    r"(?<![\w/-])(?=[\w/-]*[A-Za-z])(?=[\w/-]*\d{3})[A-Za-z0-9]{1,8}(?:[/-][A-Za-z0-9]{1,8}){2,}"
    r"(?![\w/-])"
    r"|(?<![\w/-])[A-Z]{2,5}[/-]\d{5,10}(?![\w/-])"  # "HSG/0098123"
)


def _grouped_references(text: str) -> Iterator[Hit]:
    for match in _GROUPED_REFERENCE.finditer(text):
        groups = re.split(r"[/-]", match.group(0).lower())
        if not any(group[:3] in _MONTH_STARTS for group in groups if group.isalpha()):
            yield Hit("reference", match.group(0), match.start(), match.end())


_MONTH_STARTS = frozenset(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
)


# after the words for it, a house number and a street in lower case: "address 3b mill st"
_SPOKEN_HOUSE = (  # "twenty three", "one hundred and four"
    r"(?:(?:one|two|three|four|five|six|seven|eight|nine)\s+hundred(?:\s+and)?\s+)?"
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[\s-]?)?"
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    r"fifteen|sixteen|seventeen|eighteen|nineteen)"
)
# "the house called Fernhill on Mill Road": a house's name and its street
_HOUSE_CALLED = re.compile(
    rf"\b(?i:house|cottage|bungalow|farm)\s+(?i:called|named)\s+([A-Z][\w'’]+(?:\s+[A-Z][\w'’]+)?"
    rf",?\s+(?i:on|in|off)\s+(?:[A-Z][a-z'’]+\s+){{1,3}}(?:{_STREET}))\b"
)
_ADDRESS_SAID = re.compile(
    rf"(?i:\b(?:address(?:\s+is|\s+as)?|addr|lives\s+at|living\s+at|staying\s+at)\s*[:\-]?\s*)"
    rf"((?:\d{{1,4}}[a-z]?(?:-\d{{1,4}})?|no\.?\s*\d{{1,4}}[a-z]?|{_SPOKEN_HOUSE}|['\"‘“][^'\"’”]{{2,30}}['\"’”])"
    rf",?\s+(?:(?:[a-z'’]+\s+){{0,2}}(?:{_STREET.lower()})|[A-Z][a-z'’]+(?:\s+[A-Z][a-z'’]+)?))\b"
)
_ROLE_MAILBOX = re.compile(
    r"(?i:^(?:info|enquiries|enquiry|admin|office|contact|hello|team|reception|duty|mash|"
    r"safeguarding|help|support|general|mail|post|frontdoor|referrals?|communitysafety|"
    r"youthservice|noreply|no-reply)[a-z.-]*@)"
)


# the domains of public bodies and registered organisations, never a family's own
_SERVICE_DOMAIN = re.compile(
    r"(?i:(?:\.gov\.uk|\.police\.uk|-police\.uk|\.nhs\.uk|\.nhs\.net|\.sch\.uk|\.ac\.uk|"
    r"\.org\.uk)$)"
)


_TEAM_WORD = re.compile(
    r"info|enquiries|enquiry|admin|office|contact|hello|team|teams|reception|duty|mash|"
    r"safeguarding|contextual|help|support|general|mail|post|frontdoor|referrals?|community|"
    r"safety|communitysafety|youth|youthservice|service|services|noreply|no-reply|welfare|"
    r"streetscene|streetcare|hub|housing|repairs|asb|earlyhelp|early|police|school|council|"
    r"transport|parking|licensing|events|festival|health|nursing|camhs|outreach|detached|"
    r"partnership|partnerships|place|places|helpdesk|inbox|care"
)


def _a_service_mailbox(email: str) -> bool:
    """A team's or an organisation's mailbox, not a person's: a role before the @
    ("info@…"), or a public body's or registered organisation's domain with no forename or
    surname before the @ ("streetsafe@…gov.uk"; not "jo.bloggs@…gov.uk")."""
    if _ROLE_MAILBOX.match(email):
        return True
    local, _, domain = email.partition("@")
    words = [part for part in re.split(r"[._\-]+", local.strip().lower()) if part]
    if words and all(_TEAM_WORD.fullmatch(part) for part in words):
        return True  # "contextual.safeguarding@…", "streetscene@…": a team's own words
    if not _SERVICE_DOMAIN.search(domain.strip()):
        return False
    if re.search(r"\d", local) and re.search(r"(?i:\.sch\.uk|\.ac\.uk)$", domain.strip()):
        return False  # a pupil's or student's own account: "22kpatel@…sch.uk"
    parts = [part.title() for part in re.split(r"[._\-\d]+", local.strip()) if part]
    return not any(
        is_name_word(part) or part in surnames() or part[1:].title() in surnames() for part in parts
    )


def _unusual_ni_numbers(text: str) -> Iterator[Hit]:
    """NI numbers with letters the rules do not issue, after their words or in their shape."""
    for match in _NI_SAID.finditer(text):
        if not NI.fullmatch(match.group(1)):  # else NI has it
            yield Hit("ni_number", match.group(1), match.start(1), match.end(1))
    for match in _NI_SHAPE.finditer(text):
        if not NI.fullmatch(match.group(0)):
            yield Hit("ni_number", match.group(0), match.start(), match.end())


def _numbers(text: str) -> Iterator[Hit]:
    for match in _NHS_SPACED.finditer(text):
        if NHS_SAID.search(text[max(0, match.start() - 40) : match.start()]):
            yield Hit("nhs_number", match.group(0), match.start(), match.end())
    for match in _NHS.finditer(text):
        digits = "".join(match.groups())
        said = NHS_SAID.search(text[max(0, match.start() - 60) : match.start()])
        said = said or _NHS_SAID_AFTER.match(text[match.end() :])
        if len(digits) == 10 and (nhs_valid(digits) or said):
            yield Hit("nhs_number", match.group(0), match.start(), match.end())
    yield from _unusual_ni_numbers(text)
    for match in [*_ADDRESS_SAID.finditer(text), *_HOUSE_CALLED.finditer(text)]:
        yield Hit("address", match.group(1), match.start(1), match.end(1))
    for pattern, category in ((NI, "ni_number"), (_EMAIL, "email"), (_ADDRESS, "address")):
        for match in pattern.finditer(text):
            if category == "email" and _a_service_mailbox(match.group(0)):
                continue
            yield Hit(category, match.group(0), match.start(), match.end())
    for match in _PHONE.finditer(text):
        digits = re.sub(r"\D", "", _COUNTRY_CODE.sub("0", match.group(0)))
        if not 10 <= len(digits) <= 11 or _SERVICE_NUMBER.match(match.group(0).lstrip("(")):
            continue
        before = text[max(0, match.start() - 60) : match.start()]
        if NHS_SAID.search(before[-24:]):
            continue  # "nhs n0 612 …": an NHS number typed with a slip
        whose = (
            _PERSON_BEFORE_NUMBER.search(before)
            or re.search(r"\b(?:home|landline|mobile|mob|personal)\b[^.;\n]{0,15}$", before, re.I)
            or _FOR_SOMEONE.match(text[match.end() :])
            or _A_CALLER.search(before)
        )
        if _ORGANISATION_NUMBER.search(before) and not whose:
            continue
        yield Hit("phone", match.group(0), match.start(), match.end())


# part of a plate, said as one a few words on: "the plate the driver gave was KX19"
_PARTIAL_PLATE = re.compile(
    r"(?i:\b(?:plate|reg(?:istration)?)\b[^.;\n]{0,40}?(?:\b(?:was|is|reads?|read\s+as|showing|"
    r"shows|start(?:s|ing)?(?:\s+with)?|begin(?:s|ning)?(?:\s+with)?|ends?(?:\s+in|\s+with)?|"
    r"ending(?:\s+in|\s+with)?)|[=:]|(?=\s*['\"‘]))\s*['\"‘]?)"
    r"([A-Z]{2}\d{2}(?:\s?[A-Z]{1,3})?|\d\s?[A-Z]{2,3}|[A-Z]{3}|[A-Z]{2}\d)(?![a-z])"
)


def vehicles(text: str) -> Iterator[Hit]:
    for pattern in (VEHICLE, _VEHICLE_CUE, _PARTIAL_PLATE):
        for match in pattern.finditer(text):
            group = match.lastindex or 0
            said = pattern is _PARTIAL_PLATE  # "reg ends in 'WPK'": letters alone are part of one
            token = match.group(group)
            if re.search(r"[A-Za-z]", token) and (said or re.search(r"\d", token)):
                yield Hit("vehicle", match.group(group), match.start(group), match.end(group))
