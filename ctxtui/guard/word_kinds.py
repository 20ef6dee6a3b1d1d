"""What one word is, for the names check: safe (an ordinary word of the language or of the
field, a place, brand or service on the lists, a word the service or the conference has
confirmed), a name, a name that is an ordinary word too ("word_name"), a town that is a name
("place_name"), or on no list at all ("unknown"). An ordinary word is known in its other forms
too: plurals and endings, a prefix, the other spelling of -ise, and in lower case two words run
together. Pure functions, no I/O."""

from __future__ import annotations

import functools
import re

from ctxtui.guard.cues import OFFICER_TITLES
from ctxtui.guard.subjects import words
from ctxtui.guard.word_lists import (
    POSSESSIVE,
    acronyms,
    english_words,
    field_words,
    group_words,
    is_forename,
    is_name_word,
    months_and_days,
    more_english_words,
    place_names,
    place_words,
    proper_words,
    sure_proper_words,
    title_case,
    uncertain_proper_words,
)

_CONTRACTION = frozenset({"t", "s", "re", "ve", "ll", "d", "m"})


_AUXILIARIES = words("am is are was were be been being has have had do does did")


@functools.lru_cache(maxsize=1 << 16)
def word_kind(word: str, allowed: frozenset[str], local: frozenset[str]) -> str:
    """ "safe"; "name" (on a list of names and no list of words); "word_name" (a name and an
    ordinary word: Hope); "place_name" (a name and a place: a town that is a surname, or a
    capitalised word of the dictionary that may be a surname); or "unknown" (on no list)."""
    lower = word.lower()
    if len(word) == 1 or word in allowed or lower in local or title_case(word) in allowed:
        return "safe"
    if word in OFFICER_TITLES or lower in _AUXILIARIES:
        return "safe"  # "Cllr", "Sgt": the name after it is an officer's; "were" is no one
    if _an_acronym_form(word):
        return "safe"
    if "'" in lower or "’" in lower:  # "don't" and "o'clock" are words; "O'Brien" is asked
        head, _, tail = lower.replace("’", "'").partition("'")
        if tail == "t" and head.endswith("n"):  # "doesn't", "can't", "won't"
            return (
                "safe" if head[:-1] in _NOT_STEMS or _ordinary(head[:-1], head[:-1]) else "unknown"
            )
        if tail in _CONTRACTION:
            return word_kind(head, allowed, local) if len(head) > 1 else "safe"
        if len(head) == 1:
            return word_kind(tail, allowed, local) if len(tail) > 1 else "safe"
    parts = lower.split("-")
    if len(parts) > 1 and _ordinary(word, lower):
        return "safe"  # a hyphened word the lists hold whole ("wi-fi")
    if len(parts) > 1:  # "e-scooter", "Anglo-Somali": safe when every part is
        kinds = {
            word_kind(part, allowed, local)
            for part in parts
            if len(part) > 1 and part not in _PREFIXES
        }
        for kind in ("unknown", "name", "word_name", "place_name"):
            if kind in kinds:
                return kind
        return "safe"
    if is_name_word(word) or _a_family(word, lower):
        return _name_kind(word, lower)
    # a capitalised "-er" form on no list is a surname as often as a word ("Spindler")
    stem_known = _known_stem(lower) and (word.islower() or not lower.endswith("er"))
    if _ordinary(word, lower) or stem_known or _formed(word, lower) or a_role_compound(lower):
        return "safe"
    return _uncertain_or_unknown(word)


def _an_acronym_form(word: str) -> bool:
    """Short capitals (initials or an acronym: initials() has them), an acronym, a word in
    capitals for emphasis, or an acronym's plural typed in lower case ("pcsos")."""
    stem = _capitals(word)
    if stem and (len(stem) <= 3 or stem in acronyms() or _ordinary(stem, stem.lower())):
        return True
    return (
        word.islower() and len(word) > 3 and word.endswith("s") and word[:-1].upper() in acronyms()
    )


def _uncertain_or_unknown(word: str) -> str:
    """A capitalised word of the dictionary that may be a surname ("Astor", "Freud") is a place
    or a brand unless a person stands there; any other word is on no list."""
    uncertain = word in uncertain_proper_words() or title_case(word) in uncertain_proper_words()
    return "place_name" if uncertain else "unknown"


def a_family_name(word: str) -> bool:
    """A surname made plural for a family ("the Hartleys"), where the plural is no word."""
    return _a_family(word, word.lower())


def _a_family(word: str, lower: str) -> bool:
    if not (word[0].isupper() and lower.endswith("s") and len(word) > 4):
        return False
    stem = word[:-1]
    if not is_name_word(stem) or lower[:-1] in months_and_days():
        return False
    return not _ordinary(word, lower)  # "Masons", "Hills": ordinary plurals


def _name_kind(word: str, lower: str) -> str:
    """What kind of name a word on a list of names is; a surname made plural is a family,
    asked where a person stands ("the Hartleys")."""
    if lower in months_and_days() or not is_name_word(word):
        return "word_name"  # "back by Feb": asked only where a person stands
    if word in place_names() or title_case(word) in place_names():
        return "place_name"
    return "word_name" if _ordinary(word, lower) else "name"


# Prefixes that make a word of a word: "rehoused", "multiagency", "de-escalate".
_PREFIXES = words(
    "re de co pre non anti multi inter intra over under up out self sub super hyper mis un dis "
    "cyber micro mini post ex semi mid cross counter e"
)


def _formed(word: str, lower: str) -> bool:
    """A word on no list made of ordinary words by a prefix ("reoffends"), by the other
    spelling of -ise and -ize, or, typed in lower case, of two words ("skatepark"). A name
    written with capitals is never read as two words ("Brackenhurst" is asked)."""
    for prefix in _PREFIXES:
        if prefix in ("e", "de", "co") and not word.islower():
            continue  # "Eviva" is no "e-viva", "Deward" no "de-ward"
        rest = lower[len(prefix) :]
        if lower.startswith(prefix) and len(rest) >= 4 and (_plain(rest) or _formed(rest, rest)):
            return True
    swapped = re.sub(r"is(e|ed|es|ing|ation|ations)$", r"iz\1", lower)
    if swapped != lower and _plain(swapped):
        return True
    base = re.sub(r"(?:is|iz)(?:e|ed|es|ing|ation|ations)$", "", lower)
    if base != lower and len(base) >= 4 and _plain(base):
        return True  # "marginalised": a word made a verb
    if not word.islower() or len(lower) < 7:
        return False
    return any(  # "skatepark", "knifepoint"; not "warsame"
        lower[:cut] in english_words() and _plain(lower[cut:]) for cut in range(4, len(lower) - 2)
    )


def _plain(lower: str) -> bool:
    """An ordinary word in lower case that is no name, or a form of one."""
    if is_forename(lower):
        return False  # "ash" and "ton" make a name, not a word
    return (
        lower in english_words()
        or lower in more_english_words()
        or lower in field_words()
        or _known_stem(lower)
    )


_NOT_STEMS = frozenset({"ca", "wo", "sha", "ai"})  # can't, won't, shan't, ain't
# Endings a word takes in use, and what its dictionary form ends with instead: a word is known
# where the dictionary lists only its stem ("cuckoo", "mentee").
_ENDINGS = (
    ("ing", ("", "e")),
    ("ed", ("", "e")),
    ("es", ("", "e")),
    ("s", ("",)),
    ("able", ("", "e")),
    ("ers", ("", "e")),
    ("er", ("", "e")),
    ("ly", ("",)),
    ("ness", ("",)),
)

_DOUBLING = frozenset({"ing", "ed", "er", "ers", "able"})


def _known_stem(lower: str) -> bool:
    """A word in lower case whose stem is in a dictionary (a name is asked before this)."""
    for ending, stems in _ENDINGS:
        if not (lower.endswith(ending) and len(lower) > len(ending) + 2):
            continue
        base = lower[: -len(ending)]
        if any(
            base + tail in english_words()
            or base + tail in more_english_words()
            or base + tail in field_words()
            for tail in stems
        ):
            return True
        if (
            ending in _DOUBLING
            and len(base) > 2
            and base[-1] == base[-2]
            and base[:-1] in english_words()
        ):
            return True  # "dropped", "clubbing"; never a plural ("Bragg" is no word)
    return False


def _capitals(word: str) -> str:
    """The word without a plural "s" if it is written in capitals ("PCSOs"), else ""."""
    stem = word[:-1] if len(word) > 2 and word.endswith("s") else word
    return stem if stem.isupper() else ""


def _ordinary(word: str, lower: str) -> bool:
    return (
        lower in english_words()
        or lower in more_english_words()
        or lower in field_words()
        or title_case(word) in sure_proper_words()
        or word in sure_proper_words()
        or lower in place_words()
        or lower in group_words()
        or lower in months_and_days()
        or word.upper() in acronyms()
    )


def known_other(
    word: str,
    at_start: bool,
    allowed: frozenset[str],
    local: frozenset[str] = frozenset(),
    *,
    surnames_too: bool = True,
) -> bool:
    """Whether a capitalised word is known to be something other than a person's name: an
    ordinary word, a place, an organisation or brand, someone at the meeting, or a service's
    own word. A forename that is also an ordinary word counts as one only at a sentence start
    ("Hope and trust grew"; "staff saw Hope"). Not ``surnames_too``: a word of the dictionary
    that may be a surname ("Astor") is not known."""
    base = POSSESSIVE.sub("", word)
    lower = base.lower()
    proper = proper_words() if surnames_too else sure_proper_words()
    if base in allowed or lower in local or len(base) == 1 or word in proper:
        return True
    if base.upper() in acronyms() or lower in months_and_days():
        return True  # "Camhs"; "from March until October" (unless a person stands there)
    if lower in place_words() or lower in group_words():
        return True
    parts = base.split("-")
    if len(parts) > 1 and all(len(part) > 2 for part in parts) and len(set(parts)) == len(parts):
        # "Urdu-speaking"
        return all(known_other(p, False, allowed, local, surnames_too=surnames_too) for p in parts)
    if is_forename(base):
        return at_start and lower in english_words()
    if a_place_compound(lower) or a_role_compound(lower):
        return True  # "Castlegate", "Willowmead": a word and a place's ending, on no list of names
    return lower in english_words() or base in proper or title_case(base) in proper


_PLACE_COMPOUND = re.compile(
    r"[a-z]{3,}(gate|hill|mead|field|ford|wood|bridge|brook|dale|side|bank|moor|croft|stone|"
    r"cross|green|heath|hurst|holme|thorpe|lands|view|way)"
)


# a word and a role's ending: "Quaymaster", "Lockkeeper" (never "-man": Goodman is a surname)
_ROLE_COMPOUND = re.compile(r"([a-z]{3,})(?:master|mistress|guard|keeper|warden|officer|worker)s?")


def a_place_compound(lower: str) -> bool:
    compound = _PLACE_COMPOUND.fullmatch(lower)
    return bool(compound and lower[: compound.start(1)] in english_words())


def a_role_compound(lower: str) -> bool:
    compound = _ROLE_COMPOUND.fullmatch(lower)
    return bool(compound and compound.group(1) in english_words())


def on_no_list(word: str) -> bool:
    """A capitalised word that no dictionary holds (its 's apart)."""
    base = POSSESSIVE.sub("", word).lower()
    return base not in english_words() and len(base) > 1
