"""The guard's shipped word lists (``data/``) and what they say of one word: a forename, a
surname, an ordinary word, a place, an acronym. Each list is read once, when first asked."""

from __future__ import annotations

import functools
import re
from pathlib import Path

from ctxtui.guard.pinyin import pinyin_given_name

POSSESSIVE = re.compile(r"['’]s$")
# the numbers written in words, zero to twenty, in order
CARDINALS = (
    *("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"),
    *("eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen"),
    *("eighteen", "nineteen", "twenty"),
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
def english_word_names() -> frozenset[str]:
    """Of those, the names given in English-speaking countries ("Hazel"; not "Edit"), in lower
    case: asked about after a person's verb even when typed in lower case."""
    return frozenset(name.lower() for name in _word_list("forename_words_english.txt"))


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
def field_words() -> frozenset[str]:
    """Words of the field the dictionaries lack (ours): read by the names check only."""
    return _word_list("field_words.txt")


@functools.lru_cache(maxsize=1)
def proper_words() -> frozenset[str]:
    """Capitalised words on no name list: places, peoples, brands, services, and the
    dictionary's other capitalised words (``uncertain_proper_words``)."""
    return sure_proper_words() | uncertain_proper_words()


@functools.lru_cache(maxsize=1)
def sure_proper_words() -> frozenset[str]:
    """Capitalised words that are never a person: our places, brands and services, and the
    peoples, languages and faiths made from a place."""
    return _word_list("proper_words.txt")


@functools.lru_cache(maxsize=1)
def uncertain_proper_words() -> frozenset[str]:
    """The dictionary's other capitalised words: places and brands, but surnames too (the
    names check asks about them where a person stands)."""
    return _word_list("proper_words_uncertain.txt")


@functools.lru_cache(maxsize=1)
def place_names() -> frozenset[str]:
    """UK places and services that are people's names too (a town that is a surname)."""
    return _word_list("place_names.txt")


@functools.lru_cache(maxsize=1)
def brand_forms() -> frozenset[str]:
    """A chain's own possessive or plural form ("Nando's", "Morrisons"), apostrophes straight."""
    return _word_list("brand_forms.txt")


@functools.lru_cache(maxsize=1)
def chain_names() -> frozenset[str]:
    """A business named for a person, in full: a store, a bookmaker, a brand."""
    return _word_list("chain_names.txt")


@functools.lru_cache(maxsize=1)
def acronyms() -> frozenset[str]:
    """Capital-letter words that are services, roles or terms, not somebody's initials."""
    return _word_list("acronyms.txt")


def title_case(word: str) -> str:
    return "-".join(p[:1].upper() + p[1:].lower() for p in word.split("-"))


def is_forename(word: str) -> bool:
    names = forenames()
    if word in names or title_case(word) in names:
        return True
    parts = word.split("-")
    if len(parts) > 1:
        return all(title_case(p) in names for p in parts)
    return a_chinese_given_name(word)


@functools.lru_cache(maxsize=4096)
def a_chinese_given_name(word: str) -> bool:
    """Two pinyin syllables run together that are no word, place or brand ("Zihan")."""
    if not pinyin_given_name(word) or word.lower() in english_words():
        return False
    return not (is_place(word) or word in proper_words() or word.lower() in place_words())


def is_place(word: str) -> bool:
    return word.lower().rstrip("'’s") in place_words() or word.lower() in place_words()


@functools.lru_cache(maxsize=1)
def lower_case_forenames() -> frozenset[str]:
    """Forenames that are no ordinary word, as typed in a hurry: "kai", "jayden"."""
    common, places = ordinary_words(), place_words()
    return frozenset(
        n.lower()
        for n in forenames()
        if len(n) >= 3 and n not in common and n.lower() not in places
    )


@functools.lru_cache(maxsize=1)
def longer_english() -> frozenset[str]:
    """Forenames that are words of the larger dictionary only, in lower case: a short list, so
    the live guard never holds the larger dictionary itself."""
    return frozenset(n.lower() for n in _word_list("forename_words_more.txt"))


_MONTHS_AND_DAYS = frozenset(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september"]
    + ["october", "november", "december", "monday", "tuesday", "wednesday", "thursday"]
    + ["friday", "saturday", "sunday"]
    # as minutes shorten them
    + ["jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"]
    + ["mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun"]
    # the year's festivals, some of them names too: a person still where one stands
    + ["ramadan", "eid", "diwali", "vaisakhi", "hanukkah", "passover", "easter", "christmas"]
    + ["navratri", "holi", "lohri", "pongal", "onam", "vesak", "nowruz", "timkat", "meskel"]
    + ["kwanzaa", "chanukah", "purim", "sukkot", "muharram", "ashura", "mawlid", "jummah"]
)


def months_and_days() -> frozenset[str]:
    """The months, the days of the week and the year's festivals, in lower case."""
    return _MONTHS_AND_DAYS


def is_acronym(word: str) -> bool:
    stem = word[:-1] if len(word) > 2 and word.endswith("s") else word
    return len(stem) > 1 and stem.isupper()


def is_name_word(word: str) -> bool:
    """On a list of forenames or surnames."""
    base = POSSESSIVE.sub("", word)
    return is_forename(base) or title_case(base) in surnames()
