"""Where a word stands, and what that says of it: the last word after "was" or "per", a
forename standing alone inside a sentence, a name run followed by a word in lower case, a
surname said to be one; and what makes it the name of a thing ("the Alberta line", "Ivy and
Thistle", "Casa Lumo by the station"); runs of capitalised words and which of them are places.
Read by the live flags (names.py)."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Protocol

from ctxtui.guard.cues import (
    KIN,
    LETTERS,
    PLACE_BEFORE,
    ROLE_IN_BRACKETS,
    SAID_OF_PLACES,
    SPOKE_TO,
    STRONG_AFTER,
    TITLES,
    WELSH_STREETS,
)
from ctxtui.guard.subjects import is_function_word, person_predicate, words
from ctxtui.guard.word_kinds import word_kind
from ctxtui.guard.word_lists import (
    POSSESSIVE,
    english_words,
    group_words,
    is_acronym,
    is_forename,
    is_place,
    months_and_days,
    place_words,
    surnames,
)

SURNAME_SAID = re.compile(r"\b(?:surname|family\s+name|last\s+name)\s+(?:is\s+|was\s+)?$", re.I)
_LAST_NAMED_BEFORE = re.compile(
    r"(?:\b(?:is|was|per|by|(?:identified|named|known)\s+as)|\s[-–:])\s+$", re.I
)
# a forename last after these is someone given or taken from: "a leaflet given to Dawn"
_LAST_AFTER = re.compile(r"\b(?:to|from|with|off)\s+$", re.I)
_SENTENCE_END = re.compile(r"^\s*(?:[.!?;)]|$)")


def named_last(before: str, after: str, *, forename: bool = False) -> bool:
    """The last word of a sentence, after "is", "was", "per" or a dash: "the one who set it up
    is Phoenix", "…at a friend's house - Akeisha"; a ``forename`` after "to", "from" or "with"
    too."""
    last = _LAST_NAMED_BEFORE.search(before) or (forename and _LAST_AFTER.search(before))
    return bool(last and _SENTENCE_END.match(after))


_NEXT_WORD = re.compile(rf"\s+({LETTERS}+)")
# the capitalised word next, and its 's: "… Ashdown", "… Ní Chonaill's"
CAPITAL_NEXT = re.compile(rf"\s+([A-ZÀ-ÖØ-Þ]{LETTERS}*(?:-[A-ZÀ-ÖØ-Þ]{LETTERS}*)*)((?:'s|’s)?)")


def stands_alone(word: str, after: str) -> bool:
    """A forename that is no ordinary word, capitalised inside a sentence, is someone unless
    a place word follows ("the Albert wing", "the Alberta line") or it is a month."""
    if word.lower() in months_and_days():
        return False
    if a_thing_after(after) or _MODIFIES_PLURAL.match(after):
        return False  # "Kendal trainers", "Preston and Bolton shirts"
    following = _NEXT_WORD.match(after)
    if following is None:
        return True
    lower = following.group(1).lower()
    return not (lower in group_words() or names_a_thing(lower))


# words after a name that make it the name of a thing, not a person: the place words' list
# holds most ("estate", "park"); these name what else is called after people: days, laws,
# buildings and the shops a person's name is painted over
_THING_WORDS = frozenset(
    ["line", "lines", "ward", "wing", "unit", "award", "scheme", "trust", "fund", "lecture"]
    + ["day", "law", "building", "centre", "center", "cafe", "café", "chicken", "nails", "bar"]
    + ["florist", "florists", "newsagent", "newsagents", "deli", "launderette", "pub", "inn"]
    + ["restaurant", "diner", "bistro", "brasserie", "patisserie", "pharmacy", "chemist"]
    + ["kitchen", "grill", "pizza", "barbers", "barber", "salon", "store", "stores", "mart"]
    + ["express", "foods", "bakery", "takeaway", "memorial", "foundation", "project", "lounge"]
    + ["programme", "fc", "gym", "studio", "studios", "motors", "cars", "vapes", "vape"]
    + ["garage", "arms", "inn", "tavern", "hotel", "cash", "cutz", "cuts", "autos", "tyres"]
    + ["shisha", "tapas", "gelato", "kebab", "kebabs", "diner", "burger", "burgers", "chippy"]
    + [
        "sushi",
        "curry",
        "balti",
        "tandoori",
        "noodles",
        "united",
        "athletic",
        "wanderers",
        "rovers",
    ]
    + ["albion", "motors", "sweets", "bay"]
)


def names_a_thing(lower: str) -> bool:
    """A word after a name that makes the whole the name of a place or a thing."""
    return lower in place_words() or lower in _THING_WORDS


def a_thing_named(after: str) -> bool:
    """The next word makes the word before it a place's or a thing's: "… Park", "… line"."""
    following = _NEXT_WORD.match(after)
    return following is not None and names_a_thing(following.group(1).lower())


# a name used as a word before a plural noun: a team's shirts, a brand's trainers
_MODIFIES_PLURAL = re.compile(rf"^(?:\s+(?:and|&)\s+[A-Z]{LETTERS}+)?\s+[a-z]{{3,}}s\b(?<!ss)")
_PUB_WORDS = frozenset({"head", "arms", "rest", "tavern"})
_THING_AFTER = re.compile(rf"^(?:['’]s)?\s+({LETTERS}+)")


def a_thing_after(after: str) -> bool:
    """A name, or its possessive, before a word that names a thing: "Kemi's Kitchen",
    "Tariq Chicken", "Ada Lovelace Day"."""
    following = _THING_AFTER.match(after)
    if _SPEAKS_AFTER_A_SURNAME.match(after):
        return False  # "… Ward says she…", "… Day told staff": a surname that names things too
    surname = _SURNAME_THING.match(after)
    if surname and STRONG_AFTER.match(after[surname.end() :]):
        return False  # "… Ward was seen at…", "… Day is missing"
    if following is not None and following.group(1).lower() in _THING_WORDS:
        return True
    if following is not None and following.group(1)[0].isupper() and after[:1] in "'’":
        # "Kelsey's Yard", a pub ("the Bishop's Arms"); not "Kofi's house"
        return following.group(1).lower() in place_words() | _PUB_WORDS
    owned = _OWNED_THING.match(after)  # "stan's sweet centre": a word between
    return owned is not None and owned.group(1).lower() in _THING_WORDS


_SPEAKS_AFTER_A_SURNAME = re.compile(
    rf"^\s+[A-Z]{LETTERS}+\s+(?:says|said(?!\s+to\b)|told|tells|disclosed|admitted|has\s+asked|asked)\b"
    rf"|^\s+[A-Z]{LETTERS}+['’]s\s+(?:{KIN})\b"
)
# words that name things and are common family names too
SURNAME_THINGS = r"Ward|Day|Law|Cash|Wing|Bay|Line"
_SURNAME_THING = re.compile(rf"^\s+(?:{SURNAME_THINGS})\b")
_OWNED_THING = re.compile(rf"^['’]s\s+{LETTERS}+\s+({LETTERS}+)")
_AND_A_CAPITAL = re.compile(rf"\s+(?:and|&)\s+([A-Z]{LETTERS}+)\b")


def title_of_two_words(after: str) -> bool:
    """ "and" and a capitalised ordinary word that is nobody's name: "Ivy and Thistle"."""
    joined = _AND_A_CAPITAL.match(after)
    if not joined:
        return False
    second = joined.group(1)
    if is_forename(second) or second in surnames():
        return False
    return second.lower() in english_words()


_LOWER_NEXT = re.compile(rf"^(?:['’]s)?\s+([a-z]{LETTERS}*)")


def then_lower_case(after: str) -> bool:
    """A word in lower case follows that is no place word nor says where: "Dilan Zebari
    working…", not "Kabongo Road"."""
    following = _LOWER_NEXT.match(after)
    if following is None:
        return False
    word = following.group(1)
    return not is_place(word) and word not in _WHERE_WORDS  # "Casa Lumo by the station"


_WHERE_WORDS = frozenset(["on", "in", "at", "near", "off", "opposite", "behind", "next", "by"])


# before a word on no list, what makes it a place, a shop or a thing rather than someone
# words before a name that say it names a business, a group or an app
_BUSINESS = (
    r"app|apps|firm|company|lounge|group|barbers?|shop|store|cafe|café|restaurant|takeaway|deli|"
    r"bar|pub|salon|club|charity|organisation|organization|scheme|brand|platform|site|website|"
    r"channel|centre|supermarket|bakery|garage|hotel|venue|market|operation|project|programme"
)
_WHERE_BEFORE = re.compile(
    r"\b(?:at|in|into|inside|outside|near|by|from|opposite|behind|past|towards|round|around|"
    r"via|along|off|on|onto|over|under|between|beside|across|through|the|a|an|its|our|their|"
    rf"called|named|joined|join|joins|{_BUSINESS})\s+$",
    re.I,
)


def someone_here(before: str, after: str) -> bool:
    """A word on no list inside a sentence, where a place or a shop would have a word before
    it that says so: "hassling Wenqiao", "a lift for Foday", "keeps ringing Danyal"."""
    if _WHERE_BEFORE.search(before) or not _DONE_TO_BEFORE.search(before):
        return False
    following = _NEXT_AFTER.match(after)
    if following is None:
        return True
    word = following.group(1)
    if word[0].isupper() or names_a_thing(word.lower()) or word.lower() in group_words():
        return False
    # a plural noun after it makes it a word that describes them: "Wolof speakers"
    return not (len(word) > 3 and word.endswith("s") and word[:-1] in english_words())


# a verb done to someone, or a word that takes a person after it
_DONE_TO_BEFORE = re.compile(
    r"(?:\b(?:[a-z]+ing|[a-z]+ed|for|with|about|knows|collects|lets|let)|\bw/)\s+$", re.I
)
_NEXT_AFTER = re.compile(rf"^(?:['’]s)?\s+({LETTERS}+)")


_BUSINESS_BEFORE = re.compile(rf"\b(?:{_BUSINESS})\s+$", re.I)


def business_before(before: str) -> bool:
    """ "the app Zorbly", "taxi firm QuickLynx", "hookah bar Qamar Nights": a thing's name."""
    return bool(_BUSINESS_BEFORE.search(before))


# a month or a day after these is a time, never a person
WHEN_BEFORE = re.compile(
    r"\b(?:in|on|by|from|until|till|since|during|through|last|next|early|late|mid|end\s+of|"
    r"start\s+of|before|after)\s+$",
    re.I,
)
# a word after these is a place
AT_A_PLACE = re.compile(r"\b(?:at|in|near|outside|opposite|behind|inside|into)\s+$", re.I)
# a name and a street word after these is the street: "on Poppy Lane", "along Ruby Walk"
ON_A_STREET = re.compile(r"\b(?:at|in|on|near|along|off|down|up|past|via|from|to)\s+$", re.I)


# a given name of two syllables joined by a hyphen, the second in lower case, as schools write
# many East Asian names ("Ha-eun", "Jun-seo"); no place's name in these records takes that shape
_SYLLABLE_PAIR = re.compile(r"[A-Z][a-z]{1,4}-[a-z]{2,5}")


def a_given_name_shape(word: str) -> bool:
    """A word shaped like a given name, so a run holding it is someone, not a place: "Ha-eun
    Park" is a girl, "Quillon Park" a park."""
    first = word.split("-")[0].lower()
    if len(first) >= 4 and first in english_words():
        return False  # "High-vis"
    return bool(_SYLLABLE_PAIR.fullmatch(word)) and word.lower() not in english_words()


# place words that are verbs too: after a name "works" is the verb unless no verb could stand
# there ("the Ardley works is derelict"); the others only before an object ("Ardley stores
# the bags", not "Ardley stores open late")
_NO_VERB_NEXT = re.compile(
    r"\s*(?:$|[.,;:!?)]|(?:is|was|are|were|has|have|had|will|would|can|could|and|or)\b)", re.I
)
_AN_OBJECT_NEXT = re.compile(
    r"\s+(?:the|a|an|his|her|their|them|him|it|some|things|stuff|drugs|money|cash|phones?|"
    r"bags?|knives|weapons|food)\b",
    re.I,
)


def a_verb_here(lower: str, rest: str) -> bool:
    """``lower``, a place or thing word after a name, is a verb there ("Tolga works nights",
    "Ardley stores the bags"), so the name is someone's; ``rest``: the text after it."""
    if lower == "works":
        return not _NO_VERB_NEXT.match(rest)
    return lower in ("stores", "parks", "walks") and bool(_AN_OBJECT_NEXT.match(rest))


# "shop", "market", "bakery", "mosque", "church" and the like, in English and in the languages
# of the communities a service works with: a run of capitalised words holding one is the name
# of a business or a place of worship, whatever the other words are
_BUSINESS_NAMES = words(
    "cafe café caffe caffè kafe bar club salon barbers barber hotel restaurant takeaway grocery "
    "groceries supermarket minimarket mini-market newsagent newsagents launderette pharmacy "
    "sklep delikatesy piekarnia apteka magazin magazinul alimentara alimentară brutarie brutărie "
    "cofetarie cofetărie parduotuvė parduotuve veikals pazar bakkal kasap fırın firin lokanta "
    "market markt mercado supermercado mercearia padaria talho loja churrascaria tienda bodega "
    "panaderia panadería carniceria carnicería taqueria cantina farmacia lavanderia restaurante "
    "ristorante trattoria pizzeria macelleria salumeria épicerie epicerie boulangerie boucherie "
    "pâtisserie patisserie dukan dukaan dokan pasal bazaar bazar souk suq maqaaxi dukaanka "
    "masjid masjed mosque jamia jame jamea gurdwara gurudwara mandir kovil koil vihara vihare "
    "iglesia igreja église eglise kościół kosciol biserica cami camii kilise synagogue shul "
    "kanisa chiesa"
) | words(
    # Welsh names a place by its kind first: "Canolfan Glanrhyd", "Ysgol Bro Dinas"
    f"{WELSH_STREETS.lower().replace('|', ' ')} canolfan hamdden ysgol coleg neuadd gorsaf "
    "capel eglwys plas llys parc pont porth siop caffi tafarn gwesty marchnad meddygfa ysbyty "
    "llyfrgell swyddfa clwb"
)


def a_business_run(run_words: list[str]) -> bool:
    """A run of capitalised words that names a shop, a café, a place of worship or a Welsh
    place by one of its words, in English or another language: "Bar Solana", "Masjid
    Ar-Rahma", "Canolfan Glanrhyd"."""
    return any(word.lower() in _BUSINESS_NAMES for word in run_words)


_OPENERS = ".!?:;•·*#>-–—([\"“‘'/|"


def at_sentence_start(text: str, start: int) -> bool:
    before = text[:start].rstrip()
    if before[-1:] in ("'", "’") and before[-2:-1].isalpha():
        return False  # a possessive: "the carers' group"
    return not before or before[-1] in _OPENERS or bool(re.search(r"\d[.)]$", before))


_RELATIVE_NEXT = re.compile(
    rf"\s+(?:older\s+|younger\s+|big\s+|little\s+)?(?:{KIN}|family|phone|house|home|tenancy|"
    rf"attendance|behaviour)\b",
    re.I,
)


def owner_without_apostrophe(word: str, after: str) -> bool:
    """A forename and an "s" typed with no apostrophe, before a relative or a phone: "kaylas
    mum", "graces nan"."""
    if len(word) < 5 or not word.lower().endswith("s") or not _RELATIVE_NEXT.match(after):
        return False
    stem = word[:-1]
    return is_forename(stem.title()) or word_kind(stem, frozenset(), frozenset()) == "unknown"


# what is done to someone, just before a name: "police stopped …", "spoke with …"; and
# after one, what happens only to a person ("… excluded again", "… was arrested")
_HANDLED_BEFORE = re.compile(
    rf"\b(?:stopped|searched|arrested|saw|chased|met|told|{SPOKE_TO})\s+$",
    re.I,
)
_HANDLED_AFTER = re.compile(
    r"\s+(?:(?:was|is|has\s+been|had\s+been|got|been)\s+)?(?:stopped|searched|arrested|"
    r"excluded|suspended|cautioned|charged|assaulted|stabbed|robbed|missing|ran\s+(?:off|from))\b",
    re.I,
)


def named_like_a_place(forename: str, before: str, after: str) -> bool:
    """A forename before a place word that stands for someone, as a street can be named
    ("Reuben Hill"): what is done to a person comes before it or after it."""
    if not is_forename(forename) or forename.lower() in english_words():
        return False
    return bool(_HANDLED_BEFORE.search(before) or _HANDLED_AFTER.match(after))


class Token(Protocol):
    """A word of a text with what it is (the names check's words)."""

    @property
    def text(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def kind(self) -> str: ...


# relatives' words that stand before a name as a title does ("Nan Bridie"; "Pa" among Travellers)
_KIN_WORDS = frozenset(KIN.lower().split("|")) - words("boy girl child pupil student friend mate")
_KIN_WORDS |= words("pa ma")


def in_a_title(text: str, words: Sequence[Token], n: int) -> bool:
    """A capitalised name-word among capitalised ordinary words that are no names, perhaps
    joined by "of", "and" or "for" ("Friends of Hazel Dene", "Trust for Wren Vale")."""
    if not words[n].text[0].isupper():
        return False
    for step in (-1, 1):
        i = n
        while 0 <= i + step < len(words):
            left, right = sorted((i, i + step))
            if text[words[left].end : words[right].start] != " ":
                break
            i += step
            other = words[i]
            if other.text in _TITLE_JOINS:
                continue
            if not other.text[0].isupper():
                break
            if step == -1 and other.text.lower() in _KIN_WORDS:
                return False  # "Grandad Holt", "Nan Bridie": a relative's name, no title
            if (
                other.kind in ("safe", "place_name")  # "the Tashkent Room"
                and other.text.lower() not in months_and_days()
                and not (is_function_word(other.text) and at_sentence_start(text, other.start))
            ):
                return True  # a capitalised article opening a sentence is no title
    return False


_TITLE_JOINS = frozenset({"of", "and", "for", "&"})


def a_family_place_word_said_of_someone(place_word: str, before: str, after: str) -> bool:
    """After a forename, a place word that is as often a family name, said of a person ("Maura
    Hill (mum)", "… that Maura Hill has not been back"), not of a place ("the Maura Hill
    centre", "… Fields was added to the walking route")."""
    return (
        place_word in FAMILY_LIKE_PLACE_WORDS
        and not re.search(r"\b(?:the|a|an|this|its)\s+$", before, re.I)  # "that" opens a clause
        and not SAID_OF_PLACES.match(after)
        and bool(ROLE_IN_BRACKETS.match(after) or person_predicate(after, bare=False))
    )


# place words that are also common family names: after a forename, a person as often as a place
FAMILY_LIKE_PLACE_WORDS = words(
    "Ward Hill Hills Wood Woods Green Field Fields Hall Lodge Mill Mills Lane Grove Bridge "
    "Bridges Gate Gates House Brook Marsh Moor Dale Row Mead Rise Chapel Church"
)


_WORD = re.compile(rf"{LETTERS}+(?:[-'’]{LETTERS}+)*")


def capital_runs(text: str) -> Iterator[tuple[list[re.Match[str]], str]]:
    """Runs of capitalised words ("Dafina Krasniqi-Lala", "Sadhbh Ní Chonaill"), each with the word
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
    if any(a_given_name_shape(m.group(0)) for m in run):
        return False  # "Ha-eun Park"
    if a_business_run([POSSESSIVE.sub("", m.group(0)) for m in run]):
        return True
    last = POSSESSIVE.sub("", run[-1].group(0)).lower()
    rest = text[run[-1].end() :]
    rest = rest[len(rest) - len(rest.lstrip()) + len(following) :]
    if names_a_thing(following) and not a_verb_here(following, rest):
        return True
    if names_a_thing(last) or following in local:
        return True
    if any(m.group(0).rstrip(".") in TITLES for m in run[:-1]):
        return True
    return bool(PLACE_BEFORE.search(text[max(0, run[0].start() - 12) : run[0].start()]))
