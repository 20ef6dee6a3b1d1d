"""The words around a name that show a person is meant: a verb or a possessive that belongs
to people after it, a family word or a verb of looking before it, a title; and what shows a
place instead ("St", "Lord"). Shared by the live flags, the names check and the nicknames."""

from __future__ import annotations

import functools
import re

from ctxtui.guard.word_lists import brand_forms, chain_names

LETTERS = r"[^\W\d_]"

KIN = (
    r"child|boy|girl|pupil|student|son|daughter|brother|sister|sibling|cousin|friend|mum|dad|"
    r"mother|father|nan|nana|nanna|gran|granny|grandma|grandad|grandmother|grandfather|auntie|"
    r"aunty|aunt|uncle|stepdad|stepmum|stepbrother|stepsister|carer|boyfriend|girlfriend|"
    r"nephew|niece|twin|mate|grandson|granddaughter|stepson|stepdaughter|stepmother|stepfather|"
    r"bro|sis|cuz|bf|gf|"
    # said in families across the UK and its communities: "mam", "nain", "mammy"
    r"mam|mammy|mummy|mom|mommy|daddy|grandpa|grandparent|nanny|nain|taid|bampi|husband|wife"
)
_VERBS = (
    r"was|is|has|had|said|says|told|tells|went|goes|got|gets|lives|lived|attends|attended|"
    r"reported|disclosed|who|whose|ran|runs|carries|carried|hangs|hung|spends|spent|stays|"
    r"stayed|admitted|missed|came|comes|left|refused|refuses|sells|sold|joined|uses|used|"
    r"aged|and\s+(?:his|her|their)|and\s+another|and\s+(?:two|three|some|a\s+few)\s+"
    r"(?:friends|mates|others)|thinks|thought|wants|wanted|keeps|"
    r"stores|collects|owes|asked|says|works|worked"
)
# after a name, who they are: ", who…", ", the older male seen…", ", the children's grandmother"
_SAID_WHO = (
    r",\s+(?:who|whose)\b"
    rf"|,\s+(?:the|an?|her|his|their)\s+(?:[\w'’-]+\s+){{0,2}}?(?:{KIN}|male|female|man|woman|"
    r"lad)\b"
)
SAID_WHO = re.compile(_SAID_WHO)
# after a surname, the young people of one family: "the adebayo boys", "the Hale kids"
A_FAMILY_AFTER = re.compile(
    r"\s+(?:boys|girls|kids|lads|family|brothers|sisters|twins|siblings|cousins|children|clan|"
    r"parents)\b",
    re.I,
)
# "… and her younger sister", "… & his cuzzy", "… + mates": someone with people of their own
AND_A_RELATIVE = re.compile(
    r"\s*(?:and|&|\+|n)\s+(?:(?:his|her|their)\s+(?:older\s+|younger\s+|big\s+|little\s+|best\s+)?"
    rf"(?:{KIN}|mates?|friends?)|mum|dad|nan|mates|friends|cousins|(?:the\s+)?others|the\s+rest|"
    r"(?:\d+|two|three|four|some|a\s+few)\s+(?:(?:older|younger)\s+)?(?:others|friends|mates|"
    r"girls|boys|lads|males|females|men|women)|bro|sis|"
    r"cuz|bf|gf)\b",
    re.I,
)
# who someone is, in brackets after the name: "baljinder (dad)", "reece (yp's older brother)"
ROLE_IN_BRACKETS = re.compile(
    rf"\s*\((?:[^()]{{0,25}}\s)?(?:{KIN}|parent|guardian|grandad|grandma|nickname|yp|cyp|lad|"
    rf"lass|man|woman|male|female|uasc|prefers|known\s+as|calls|street\s+name|aka)s?\b"
    r"[^()]{0,25}\)"
    r"|\s*\(\s*(?:the\s+)?(?:youngest|eldest|oldest)(?:\s+(?:one|child|boy|girl|son|daughter|"
    r"of\s+(?:the\s+)?\w+))?\s*\)",  # "(the youngest)", "(eldest of three)"
    re.I,
)
# who someone is, opening a bracket: "(yp)", "(older brother)", "(street name)"
WHO_IN_BRACKETS = re.compile(
    rf"\s*\(\s*(?:(?:the|a|an|his|her)\s+)?(?:older\s+|younger\s+)?(?:{KIN}|yp|cyp|lad|lass|"
    r"uasc|nickname|street\s+name|aka|known\s+as)s?\b",
    re.I,
)
# a family word and a bracket before a name: "mum (rukhsana)", "nan (mrs okonjo)"
IN_BRACKETS_AFTER = re.compile(
    rf"\b(?:{KIN}|parents?|carers?)\s*\(\s*(?:mrs?|ms|miss)?\.?\s*$", re.I
)
# people named by what they are, not by kinship: "resident (Clement)", "an older man who…"
_PERSON_NOUNS = (
    r"young\s+person|yp|cyp|neighbour|resident|shopkeeper|landlord|landlady|tenant|adult|man|"
    r"woman|male|female|lad|lass|driver|victim|witness"
)
# such a person or a relative just before, then a bracket or a dash: "gran (Ottoline)", "the young
# person – Ivy –"
NAMED_AFTER_WHO = re.compile(
    rf"\b(?:{KIN}|{_PERSON_NOUNS}|parents?|carers?)\s*(?:\(|[–—]|\s-)\s*$", re.I
)
# who someone is, between commas after the word: "…, mum of the twins,", "…, the landlord,"
WHO_THEY_ARE_AFTER = re.compile(
    r"^,\s+(?:(?:the|an?|her|his|their)\s+(?:[\w'’-]+\s+){0,2}?)?"
    rf"(?:{KIN}|{_PERSON_NOUNS})\s*(?:,|\b(?:who|of|to|from|at|in|on|with)\b)",
    re.I,
)
TITLE_BEFORE = re.compile(r"\b(?:mr|mrs|ms|miss|mx)\.?\s+$", re.I)
# a possessive and a family word just before: "her mate patience", "his cuz ziggy"
OWN_RELATIVE_BEFORE = re.compile(
    rf"(?:\b(?:his|her|their|my|our)|\w['’]s)\s+(?:older\s+|younger\s+|best\s+|big\s+|little\s+)?"
    rf"(?:{KIN})\s+$",
    re.I,
)
PERSON_AFTER = re.compile(
    rf"^(?:'s\b|’s\b|\s+(?:{_VERBS})\b|{_SAID_WHO}|,\s*\d{{1,2}}\s*(?:[,)]|$|y(?:rs?|ears?|o)\b)"
    rf"|\s*\(\s*\d{{1,2}}\s*\)"
    # a school year or an age straight after: "… yr 8 told us", "… (year 9)", "… 13 not going in"
    rf"|,?\s*\(?\s*(?:yr|year|y)\s?\d{{1,2}}\b"
    rf"|\s+1?\d\s+(?:not|is|was|has|had|seen|said|told|and)\b)"
)
# what is done only to a person, after "was" or "got": "… was jumped", "… got nicked"
_DONE_TO_A_PERSON = (
    r"stopped|arrested|searched|threatened|assaulted|stabbed|slashed|chased|excluded|groomed|"
    r"injured|robbed|mugged|cautioned|charged|jumped|beaten|battered|nicked|shot|hurt|attacked|"
    r"kicked|punched|bullied|exploited|grounded|picked"
)
STRONG_AFTER = re.compile(
    rf"^(?:(?:'s|’s|['’](?=\s))\s+(?:older\s+|younger\s+|big\s+|little\s+)?(?:{KIN}|phone|"
    r"family|partner|carers|parents?|foster|placement|siblings?|social\s+worker|"
    r"key\s+worker|teacher|snapchat|snap|insta|instagram|tiktok|account|messages|number|"
    r"(?:football\s+|boxing\s+)?coach|mentor|youth\s+worker|(?:[A-Z]{2,5}\s+)?referral|"
    r"house|home|flat|bag|bike|school|behaviour|attendance|name)"
    r"|\s+(?:was|is|has\s+been|had\s+been)\s+(?:seen|missing|found|taken|approached|followed|"
    r"sleeping|staying|living|given|paid|asked|reported|being|not|in|at|with|overheard|"
    rf"{_DONE_TO_A_PERSON})"
    r"|\s+(?:said|says|told|disclosed|admitted|aged|missing|owes|owed|stabbed|targeted|"
    r"upset|scared|frightened)"
    r"|\s+not\s+(?:on\s+(?:the\s+)?roll|in\s+school|attending|engaging|known\s+to)"
    r"|\s+(?:family|household|siblings)\s+(?:have|has|had|are|were|is|was|moved|live|lives|"
    r"left|seen|raised|reported|asked|said|told|say)"
    # a surname before the young people it names: "the Dunmore boy", "Kavanagh brothers"
    r"|\s+(?:lad|boy|girl|kid|brothers|sisters|cousins|twins)\b"
    r"|\s+[A-Z]{2,6}\s+aged"
    rf"|\s+(?:got|gets|getting|has\s+got)\s+(?:{_DONE_TO_A_PERSON}|caught|lifted)"
    r")\b|,\s*\d{1,2}\s*,|\s*\(\s*\d{1,2}\s*\)"
    rf"|(?i:{ROLE_IN_BRACKETS.pattern})",  # "Dawn (mum)", "Tink (the girl from the hostel)"
)
# family and other words before a name that show a person is meant (one list for both tiers)
# before a word, what makes it a young person or a relative, never someone at the meeting
A_CHILD_BEFORE = re.compile(rf"\b(?:young\s+person|yp|young|little|{KIN})\s*(?:\s|\()\s*$", re.I)
# the names check's short list: after these a word is someone ("wardens saw V")
# speaking to or with someone, in any tense: "spoke to", "talking w/", "spoke briefly with"
SPOKE_TO = (
    r"(?:spoke|spoken|speak|speaks|speaking|talk|talks|talked|talking)"
    r"\s+(?:\w+ly\s+)?(?:to|with|w/|2)"
)
_SEEN_OR_TOLD = (
    rf"saw|seen|spotted|observed|told|stopped|searched|arrested|chased|found|met|{SPOKE_TO}"
)
SEEN_BEFORE = re.compile(rf"\b(?:{_SEEN_OR_TOLD}|with|and|by)\s+$", re.I)
# the same without "with", "and" or "by": what is done to a person, just before ("spoke to J")
SEEN_OR_TOLD_BEFORE = re.compile(rf"\b(?:{_SEEN_OR_TOLD})\s+$", re.I)
# words of size or age before what someone is called: "Lil Q", "Big Tez"
# Welsh names a street by its kind first: "Heol y Bont", "Stryd y Felin", "Cwrt Derw"
WELSH_STREETS = r"Heol|Ffordd|Stryd|Teras|Lôn|Lon|Rhodfa|Cilgant|Clos|Maes|Llwyn|Rhes|Cwrt"
SIZE_WORDS = r"Little|Lil|Lil'|Big|Young|Yung|Baby|Tiny|Lickle|Mini"
ARTICLE_BEFORE = re.compile(r"\b(?:the|a|an|this|that|its)\s+$", re.I)
PERSON_BEFORE = re.compile(
    r"(?:\b(?:told|tell|with|saw|see|seen|named|called|asked|met|meet|approached|by|for|and|"
    r"stopped|searched|arrested|chased|follows|followed|think|thinks|worried|brought|returned|"
    r"dropped|collected|engage|engaged|supporting|support|visit|visited|per|re|"
    r"messaging|messaged|texting|texted|reports|found|shows|showed|recognised|recognized|refer|"
    r"remembers|observed|spotted|noticed|escorted|gave|give|gives|giving|off|incl|including|"
    rf"{KIN}|{SPOKE_TO}|about),?\s+)$",
    re.I,
)
# a he or she later in the same sentence: someone, not something, was named
PRONOUN_LATER = re.compile(r"^[^.!?;]*?\b(?:he|she|him|hers?|his)\b", re.I)
# what minutes say of places as often as of people: "… Walk is being resurfaced", "… Green was in
# bloom", "… Court has been added to the patrol route"
SAID_OF_PLACES = re.compile(
    r"\s+(?:is|was|has\s+been|had\s+been)\s+(?:being|in|at|not|given|added|mentioned|named|"
    r"identified|found)\b"
)
PLACE_BEFORE = re.compile(
    r"\b(?:St|Saint|(?i:st|saint)|Mount|Lake|Fort|Port|Cape|Lord|Lady|King|Queen|Prince|Princess|Sir|Cllr|"
    r"Councillor|Dr|PC|DC|Sgt|Insp|Storm|Hurricane|Operation|Project|River|Loch)\.?\s+$"
)
# What happens only to people: "Ifeoma was searched", whatever the name.
ONLY_PEOPLE = re.compile(
    r"^\s+(?:was|has\s+been|had\s+been)\s+(?:stopped|arrested|searched|threatened|assaulted|"
    r"stabbed|chased|excluded|groomed|injured|robbed|cautioned|charged|seen\s+crying|"
    r"reported\s+missing|picked\s+up)\b"
    r"|^\s+(?:is\s+)?being\s+(?:asked|groomed|exploited|targeted|bullied|followed|paid)\b"
    r"|^(?:'s|’s)\s+(?:older\s+|younger\s+)?(?:brother|sister|mum|mother|dad|father|cousin|"
    r"boyfriend|girlfriend|aunt|uncle|nan|gran|grandfather|grandmother|grandparents|parents|"
    r"foster\s+carers?|carers?|teacher|tutor|mentor|key\s?worker|support\s+worker|"
    r"social\s+worker|youth\s+worker|attendance|behaviour)\b"
    r"|^\s+(?:said|says|told|tells|disclosed|admitted)\s+(?:\w+\s+){0,3}?(?:she|he)\b"
    r"|^\s+(?:has\s+been|had\s+been|went|goes|was\s+reported)\s+missing\b"
    r"|^\s+(?:got|gets|getting|has\s+got)\s+(?:stabbed|slashed|jumped|robbed|beaten|battered|"
    r"arrested|nicked|shot|hurt|attacked|assaulted|picked\s+up|caught|kicked|excluded)\b"
    r"|^\s+owe[sd]\b"
)
ONLY_PEOPLE_BEFORE = re.compile(
    r"\b(?:stopped|searched|arrested|chased|overheard|threatened|assaulted|excluded)\s+$"
)


# After these a capitalised word is a place ("St Ursula's") or an officer at work ("Cllr Hartigan").
TITLES = frozenset(
    ["St", "Saint", "Mount", "Lake", "Fort", "Port", "Cape", "Sir", "Lord", "Cllr"]
    + ["Storm", "Hurricane", "Operation", "Project", "River", "Loch"]
    + ["Councillor", "Dr", "Sgt", "Insp", "Inspector", "Sergeant", "Prof", "Rev", "Officer"]
)
# Titles of people at work, not of a child or a parent: what follows is an officer's name.
OFFICER_TITLES = (
    *("Cllr", "Councillor", "Dr", "Sgt", "Insp", "Inspector", "Sergeant", "Prof", "Rev"),
    *("Officer", "PC", "DC", "DS", "DI", "PCSO", "Det"),
)


# after a chain's own form, what shows a family instead: "Nando's mum", "the Morrisons moved"
_FAMILY_NEXT = re.compile(
    rf"^\s+(?:older\s+|younger\s+|big\s+|little\s+)?(?:{KIN}|family|mates|partner|crew)\b",
    re.I,
)
_FAMILY_DOES = re.compile(r"^\s+(?:moved|were|was|lives|live|said|told)\b", re.I)


def a_chain_at(text: str, start: int, end: int) -> bool:
    """Whether the word at ``start:end`` (its 's apart) is a chain's own form here
    ("Sainsbury's loading bay", "the queue in Greggs"), not a person or a family."""
    if "'" not in text[start:end] and _in_a_chain_name(text, start, end):
        return True
    suffix = text[end : end + 2]
    possessive = suffix in ("'s", "’s") and not text[end + 2 : end + 3].isalnum()
    form = text[start:end] + ("'s" if possessive else "")
    if form not in brand_forms():
        return False
    after = text[end + (2 if possessive else 0) :]
    return not (_FAMILY_NEXT.match(after) or (not possessive and _FAMILY_DOES.match(after)))


@functools.lru_cache(maxsize=1)
def _chain_name() -> re.Pattern[str]:
    names = sorted(chain_names(), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(n).replace("'", "['’]") for n in names) + r")")


@functools.lru_cache(maxsize=256)
def chain_names_in(text: str) -> tuple[tuple[int, int], ...]:
    """Where a business named for a person stands in ``text`` (a bookmaker, a store), with no
    family word or person's verb after the name."""
    if not any(name.split()[0] in text for name in chain_names()):
        return ()
    return tuple(
        (match.start(), match.end())
        for match in _chain_name().finditer(text)
        if not _someone_after(re.sub(r"^['’]s\b", "", text[match.end() :]))
    )


def _someone_after(after: str) -> bool:
    return bool(_FAMILY_NEXT.match(after) or _FAMILY_DOES.match(after))


def _in_a_chain_name(text: str, start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in chain_names_in(text))
