"""Builds the privacy guard's name lists in ``ctxtui/guard/data`` from published data.

Run ``make names`` after changing a source. The sources:

* forenames and surnames from the person providers of Faker (MIT licence, by its maintainers),
  for the locales of the communities in UK schools: British, Irish, South Asian, West, East and
  Southern African, Caribbean and American, Eastern, Southern and Western European, Turkish,
  Vietnamese, Thai, Indonesian, Uzbek, Latin American and Nordic;
  names written in the Latin alphabet only, because that is what a chair types; Vietnamese
  names without their tone marks, and Bulgarian, Russian and Ukrainian forenames in English
  letters, as a chair types them;
* ``tests/data/forenames_uk.txt``: our own list of forenames common in the UK (Welsh and Gaelic
  names, and those of communities Faker leaves out or writes in another alphabet, among them),
  with their short forms from the ``nicknames`` package (Apache-2.0, by its maintainers:
  "Jessica" gives "Jess" and "Jessie"), except those that are ordinary words or family words;
* ``tests/data/surnames_uk.txt``: our own list of family names of communities that Faker's
  lists leave out, write in another alphabet or with accents a chair does not type;
* ``tests/data/proper_words_uk.txt``: our own list of UK towns, services and brands;
* the British English word list (Debian's ``wbritish``, ``/usr/share/dict/british-english``):
  a forename that is also an ordinary lower-case word there (Grace, Will, Jack) goes into
  ``forename_words.txt``, and the guard asks for a stronger sign that such a word is a name;
  its lower-case words are ``english_words.txt`` and its capitalised words that are in neither
  name list (with ours) are ``proper_words.txt``: the names check asks about no word on them.

A test checks that the committed lists are what this script makes.
"""

from __future__ import annotations

import importlib
import re
import sys
import unicodedata
from pathlib import Path

from ctxtui.guard.cues import KIN

LOCALES = [
    "en_GB",
    "en_IE",
    "ga_IE",
    "en_US",
    "en_IN",
    "en_PK",
    "en_NG",
    "en_KE",
    "ha_NG",
    "ig_NG",
    "yo_NG",
    "tw_GH",
    "zu_ZA",
    "sw",
    "pl_PL",
    "ro_RO",
    "lt_LT",
    "lv_LV",
    "sk_SK",
    "cs_CZ",
    "hu_HU",
    "hr_HR",
    "sl_SI",
    "pt_PT",
    "pt_BR",
    "es_ES",
    "it_IT",
    "fr_FR",
    "tr_TR",
    "de_DE",
    "nl_NL",
    "az_AZ",
    "et_EE",
]
# Forenames only (their surnames hold too many countries, towns and words: France, Lagos, Bury):
# Vietnamese, Thai as written in English, Indonesian, Uzbek, Latin American, Nordic, Belgian,
# Swiss and Austrian (issue 40's third round)
FORENAME_LOCALES = [
    "vi_VN",
    "en_TH",
    "id_ID",
    "uz_UZ",
    "en_NZ",
    "es_MX",
    "es_CO",
    "es_AR",
    "es_CL",
    "fr_BE",
    "fr_CA",
    "nl_BE",
    "de_AT",
    "de_CH",
    "da_DK",
    "sv_SE",
    "no_NO",
    "fi_FI",
]
# Forenames given in English-speaking countries: a name here that is also a word ("Hazel",
# "Precious") is asked about after a person's verb even in lower case; a name that is a word only
# in another language's list ("Edit", "Pastor") is not
ENGLISH_LOCALES = ["en_GB", "en_IE", "en_US", "en_NG", "en_KE", "en_NZ"]
SHORT_FORM_LOCALES = ["en_GB", "en_IE", "ga_IE"]
# Faker's broad English list (first names of the US census and more): too many of its names are
# towns and words for the live flags, so it only keeps the names check from taking a person's
# name in the dictionary ("Horace", "Louisa") as a safe proper word.
PROPER_WORD_PEOPLE = ["en"]
DATA = Path(__file__).resolve().parent.parent / "ctxtui" / "guard" / "data"
UK_FORENAMES = Path(__file__).with_name("data") / "forenames_uk.txt"
UK_PROPER_WORDS = Path(__file__).with_name("data") / "proper_words_uk.txt"
UK_SURNAMES = Path(__file__).with_name("data") / "surnames_uk.txt"
WORDS = Path("/usr/share/dict/british-english")
MORE_WORDS = Path("/usr/share/dict/british-english-large")  # Debian's wbritish-large
NAME = re.compile(r"[^\W\d_]{2,}(?:-[^\W\d_]{2,})?")
HEADER = (
    "# {what}, made by tests/name_lists.py (`make names`) from the person providers of Faker\n"
    "# (MIT licence, Faker's authors){extra}. One a line; do not edit by hand.\n"
)


LOWER_WORD = re.compile(r"[a-zà-ÿ]+")
PROPER_WORD = re.compile(r"[A-Z][a-zà-ÿ]+")
WORDS_HEADER = (
    "# {what}, made by tests/name_lists.py (`make names`) from Debian's wbritish\n"
    "# (SCOWL word lists; free to use, copy and sell) and tests/data/proper_words_uk.txt.\n"
)


# A contraction typed without its apostrophe ("dont", "theyre", "theres") is the word it is; an
# "'s" drops only after a pronoun or an adverb ("theres"), since "river's" is already "rivers"
_CONTRACTION = re.compile(r"([a-z]+)'(t|re|ve|d|ll|s)")
_IS_AFTER = {"he", "she", "it", "that", "there", "here", "what", "where", "who", "how", "let"}


def _without_apostrophes(words: set[str]) -> set[str]:
    found = {f"{head}s" for head in _IS_AFTER} | {"im", "ive"}
    for word in words:
        contraction = _CONTRACTION.fullmatch(word)
        if contraction and (contraction.group(2) != "s" or contraction.group(1) in _IS_AFTER):
            found.add(word.replace("'", ""))
    return found


def _faker_names(locales: list[str] = LOCALES) -> tuple[set[str], set[str]]:
    forenames: set[str] = set()
    surnames: set[str] = set()
    for locale in locales:
        provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        for attribute in dir(provider):
            into = (
                forenames
                if attribute.startswith("first_names")
                else surnames
                if attribute.startswith("last_names")
                else None
            )
            if into is None:
                continue
            values = getattr(provider, attribute)
            if isinstance(values, dict):
                values = list(values)
            if isinstance(values, list | tuple):
                into.update(_tidy(v) for v in values if isinstance(v, str) and _usable(v))
    return forenames, surnames


# Chinese and Japanese names as they are written in English (pinyin, romaji)
ROMANIZED_LOCALES = ["zh_CN", "zh_TW", "ja_JP"]


def _romanized_names(dictionary: set[str]) -> tuple[set[str], set[str]]:
    """Faker's romanized forenames and surnames, but none that is an ordinary word ("Long",
    "Fan", "He")."""
    found: tuple[set[str], set[str]] = (set(), set())
    for locale in ROMANIZED_LOCALES:
        provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        pairs = zip(found, ("first_romanized_names", "last_romanized_names"), strict=True)
        for into, prefix in pairs:
            for attribute in (a for a in dir(provider) if a.startswith(prefix)):
                values = getattr(provider, attribute)
                into.update(
                    _tidy(v)
                    for v in (list(values) if isinstance(values, dict) else values)
                    if _usable(v) and v.lower() not in dictionary
                )
    return found


# Vietnamese names as they are typed in England, without their tone marks ("Phương" as
# "Phuong"): forenames and family names, as a list of forenames like FORENAME_LOCALES
UNACCENTED_LOCALES = ["vi_VN"]


# and the forenames of European locales, as a chair types them without their accents ("Aistė"
# as "Aiste", "Łucja" as "Lucja"); their surnames stay as written (measured: no gain, a loss)
UNACCENTED_FORENAME_LOCALES = ["pl_PL", "lt_LT", "lv_LV", "cs_CZ", "sk_SK", "hu_HU", "ro_RO"]
UNACCENTED_FORENAME_LOCALES += ["tr_TR", "hr_HR", "sl_SI", "et_EE", "az_AZ"]


def _unaccented_names(dictionary: set[str]) -> set[str]:
    """Faker's names of these locales with their accents taken off, but none that is an
    ordinary word or shorter than three letters ("Le", "Hong"… stay out when a word)."""
    found: set[str] = set()
    every = ("first_names", "last_names", "middle_names")
    wanted = {locale: every for locale in UNACCENTED_LOCALES}
    wanted |= {locale: ("first_names",) for locale in UNACCENTED_FORENAME_LOCALES}
    for locale, attributes in wanted.items():
        provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        for attribute in dir(provider):
            if not attribute.startswith(attributes):
                continue
            values = getattr(provider, attribute)
            for value in list(values) if isinstance(values, dict | list | tuple) else ():
                plain = _without_accents(value) if isinstance(value, str) else ""
                known = plain in dictionary or plain.lower() in dictionary  # "Nam", "Dang"
                if len(plain) >= 3 and _usable(plain) and not known:
                    found.add(_tidy(plain))
    return found


# Bulgarian, Russian and Ukrainian names in Cyrillic, written in English letters the way
# passports and schools write them (a simple letter-for-letter table)
TRANSLITERATED_LOCALES = ["bg_BG", "ru_RU", "uk_UA"]
_CYRILLIC = {
    "а": "a",
    "б": "b",
    "в": "v",
    "г": "g",
    "д": "d",
    "е": "e",
    "ж": "zh",
    "з": "z",
    "и": "i",
    "й": "y",
    "к": "k",
    "л": "l",
    "м": "m",
    "н": "n",
    "о": "o",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "у": "u",
    "ф": "f",
    "х": "kh",
    "ц": "ts",
    "ч": "ch",
    "ш": "sh",
    "щ": "shch",
    "ъ": "a",
    "ь": "",
    "ю": "yu",
    "я": "ya",
    "є": "ye",
    "і": "i",
    "ї": "yi",
    "ґ": "g",
    "ё": "yo",
}


def _transliterated_names(dictionary: set[str]) -> set[str]:
    """Faker's Cyrillic forenames of these locales in English letters, none a word."""
    found: set[str] = set()
    for locale in TRANSLITERATED_LOCALES:
        provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        for attribute in dir(provider):
            if not attribute.startswith("first_names"):
                continue
            values = getattr(provider, attribute)
            for value in list(values) if isinstance(values, dict | list | tuple) else ():
                if not isinstance(value, str):
                    continue
                plain = "".join(_CYRILLIC.get(c, c) for c in value.lower())
                known = plain in dictionary or plain.title() in dictionary
                if len(plain) >= 3 and _usable(plain) and not known:
                    found.add(_tidy(plain))
    return found


def _without_accents(name: str) -> str:
    name = name.replace("Đ", "D").replace("đ", "d")
    decomposed = unicodedata.normalize("NFD", name)
    return "".join(c for c in decomposed if unicodedata.category(c) != "Mn")


def _usable(name: str) -> bool:
    """One word (or two joined by a hyphen) in the Latin alphabet."""
    name = name.strip()
    return bool(NAME.fullmatch(name)) and all(ord(c) < 0x250 for c in name)


def _tidy(name: str) -> str:
    name = name.strip()
    return "-".join(part[:1].upper() + part[1:].lower() for part in name.split("-"))


def _read(path: Path) -> set[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return {line.strip() for line in lines if line.strip() and not line.startswith("#")}


# A people, a language, a follower or a period made from a name ("Tongan", "Lebanese",
# "Dadaism", "Victorian"): never someone's own name
_DERIVED_ENDING = re.compile(r"(?:ese|ish|ian|ic|ics|ism|ist|ite|ean)s?$")
_CALENDAR_PLURAL = re.compile(
    r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)days|(?:Jan|Febr)uarys|Marches|Aprils|Mays|Junes"
)


def _derived(word: str, capitalised: set[str]) -> bool:
    """A form the dictionary makes from a place, a people or a day: "Tongans", "Cuban",
    "Fridays"."""
    if _DERIVED_ENDING.search(word) or _CALENDAR_PLURAL.fullmatch(word):
        return True
    if word.endswith("s") and word[:-1] in capitalised and _DERIVED_ENDING.search(word[:-1]):
        return True
    stem = word[:-1] if word.endswith("ns") else word  # "Cubans", "Tongan"
    return stem.endswith("an") and (stem[:-1] in capitalised or stem[:-2] + "o" in capitalised)


def _short_forms(names: set[str], words: set[str]) -> set[str]:
    """The short forms of our UK forenames that the nicknames dataset holds ("Jessica": "Jess",
    "Jessie"), three letters or more, in the Latin alphabet, that are no ordinary word of the
    dictionary (``words``) and no family word."""
    from nicknames import NickNamer

    namer = NickNamer()
    found = {_tidy(short) for name in names for short in namer.nicknames_of(name)}
    family = re.compile(rf"(?:{KIN})", re.I)  # "Nan" is a grandmother before it is a name
    return {
        n
        for n in found
        if len(n) >= 3
        and _usable(n)
        and not family.fullmatch(n)
        and (n.lower() not in words or _A_PET_FORM.search(n))
    }


# a pet form that is a word too is still a name ("Paddy", "Biddy", "Dolly"); a short one that is
# a word stays out ("Rob", "Bell", "Chuck")
_A_PET_FORM = re.compile(r"(?:[^aeiou]y|ie)$")


def build() -> dict[str, str]:
    """The text of each list file, by file name."""
    place_words = _read(DATA / "place_words.txt")
    faker_forenames, faker_surnames = _faker_names()
    dictionary = set(WORDS.read_text(encoding="utf-8").split()) | _read(UK_PROPER_WORDS)
    # not a country, a town or a faith the dictionary or our list names (France, Oman, Muslim)
    faker_forenames |= {n for n in _faker_names(FORENAME_LOCALES)[0] if n not in dictionary}
    romanized_forenames, romanized_surnames = _romanized_names(dictionary)
    faker_forenames |= romanized_forenames
    faker_surnames |= romanized_surnames
    faker_forenames |= _unaccented_names(dictionary) | _transliterated_names(dictionary)
    uk_forenames = _read(UK_FORENAMES)
    # short forms of the forenames given in Britain and Ireland ("Bernadette": "Bernie")
    given_here = uk_forenames | _faker_names(SHORT_FORM_LOCALES)[0]
    short = _short_forms(given_here, set(WORDS.read_text(encoding="utf-8").split()))
    uk_forenames |= {n for n in short if n in uk_forenames or n not in faker_surnames}
    forenames = {n for n in faker_forenames | uk_forenames if n.lower() not in place_words}
    faker_surnames |= _read(UK_SURNAMES)
    surnames = {n for n in faker_surnames if n.lower() not in place_words} - forenames
    words = set(WORDS.read_text(encoding="utf-8").split())
    words |= _without_apostrophes(words)
    calendar = {"January", "February", "March", "April", "May", "June", "July", "August"}
    calendar |= {"September", "October", "November", "December", "Monday", "Tuesday"}
    calendar |= {"Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
    ordinary = {n for n in forenames if n.lower() in words or n in calendar}
    english = {w for w in words if LOWER_WORD.fullmatch(w)}
    larger = set(MORE_WORDS.read_text(encoding="utf-8").split())
    more_english = {w for w in larger if LOWER_WORD.fullmatch(w)} - english
    people = {n.lower() for n in forenames | surnames}
    capitalised = {w for w in words if PROPER_WORD.fullmatch(w)} | _read(UK_PROPER_WORDS)
    more_people = {n.lower() for names in _faker_names(PROPER_WORD_PEOPLE) for n in names}
    ours = _read(UK_PROPER_WORDS)
    proper = {
        w
        for w in capitalised
        if w.lower() not in people and (w.lower() not in more_people or w in ours)
    }
    # the dictionary's capitalised words name places, brands and stars, but people too (Freud,
    # Astor): only ours and the forms made from a place or people stay safe everywhere
    # (a short one is a title, an element or an abbreviation: Mrs, Se, Ave)
    uncertain = {w for w in proper if w not in ours and len(w) > 3 and not _derived(w, capitalised)}
    # UK places and services that are people's names too (a town that is a surname): the names
    # check asks about them only where a person stands
    both = {w for w in _read(UK_PROPER_WORDS) if w.lower() in people}
    given_in_english = _faker_names(ENGLISH_LOCALES)[0] | uk_forenames
    extra = " and tests/data/forenames_uk.txt, with short forms from nicknames (Apache-2.0)"
    return {
        "forenames.txt": HEADER.format(what="Forenames", extra=extra)
        + "".join(f"{n}\n" for n in sorted(forenames)),
        "surnames.txt": HEADER.format(what="Surnames that are not also forenames", extra="")
        + "".join(f"{n}\n" for n in sorted(surnames)),
        "forename_words.txt": HEADER.format(
            what="Forenames that are also ordinary English words", extra=extra + " and wbritish"
        )
        + "".join(f"{n}\n" for n in sorted(ordinary)),
        "forename_words_english.txt": HEADER.format(
            what="Forenames that are also ordinary English words, given in English-speaking"
            " countries",
            extra=extra + " and wbritish",
        )
        + "".join(f"{n}\n" for n in sorted(ordinary & given_in_english)),
        "english_words.txt": WORDS_HEADER.format(what="Ordinary English words (lower case)")
        + "".join(f"{w}\n" for w in sorted(english)),
        "forename_words_more.txt": HEADER.format(
            what="Forenames that are ordinary words of the larger dictionary only",
            extra=extra + " and wbritish-large",
        )
        + "".join(f"{n}\n" for n in sorted(n for n in forenames if n.lower() in more_english)),
        "english_words_more.txt": WORDS_HEADER.replace("wbritish", "wbritish-large").format(
            what="More ordinary English words (lower case), for the names check only"
        )
        + "".join(f"{w}\n" for w in sorted(more_english)),
        "place_names.txt": WORDS_HEADER.format(
            what="UK places and services that are people's names too"
        )
        + "".join(f"{w}\n" for w in sorted(both)),
        "proper_words.txt": WORDS_HEADER.format(
            what="Capitalised words on no list of names (places, peoples, brands)"
        )
        + "".join(f"{w}\n" for w in sorted(proper - uncertain)),
        "proper_words_uncertain.txt": WORDS_HEADER.format(
            what="Capitalised words of the dictionary that may be a surname (asked where a person"
            " stands)"
        )
        + "".join(f"{w}\n" for w in sorted(uncertain)),
    }


def main() -> int:
    for name, text in build().items():
        (DATA / name).write_text(text, encoding="utf-8")
        print(f"{name}: {text.count(chr(10)) - 2} names")
    return 0


if __name__ == "__main__":
    sys.exit(main())
