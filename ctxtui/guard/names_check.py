"""The names check before the minutes leave, complete by construction.

The live flags ask "does this look like a name?" and must stay precise. This check asks the
other question of every word in guarded text: "is this word known to be safe?" A word is safe
when it is (word_kinds.py)

* an ordinary word of the language or of the field, in any of its forms, or a place, people,
  brand or service on the shipped lists, and on no list of forenames or surnames;
* one of the service's own words (confirmed "not a name, for the whole service"), or of this
  conference's own context, venue, agencies and people at the meeting;
* a service, role or term written in capitals (CAMHS, PCSO).

Every other word is asked about, in lower case too. A name that is also an ordinary word or a
place ("Hope", "Chester", "June"), a capitalised word of the dictionary that may be a surname,
and a nickname are asked about only where a person can stand: capitalised inside a sentence,
before 's, after a family or possessive word, in a list with another name, the subject of a
person's predicate or the object of a person's verb (subjects.py). Initials and letter names
are asked about too; a run of words is asked as one ("Ilir Dervishi"); places are left out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from ctxtui.guard.check_runs import joins, names_in_lists, place_run, run_end
from ctxtui.guard.cues import (
    A_CHILD_BEFORE,
    A_FAMILY_AFTER,
    AND_A_RELATIVE,
    ARTICLE_BEFORE,
    KIN,
    LETTERS,
    NAMED_AFTER_WHO,
    OFFICER_TITLES,
    PERSON_AFTER,
    PLACE_BEFORE,
    PRONOUN_LATER,
    ROLE_IN_BRACKETS,
    SEEN_BEFORE,
    SPOKE_TO,
    STRONG_AFTER,
    TITLE_BEFORE,
    WHO_THEY_ARE_AFTER,
    a_chain_at,
)
from ctxtui.guard.letter_names import letter_names
from ctxtui.guard.name_positions import (
    SURNAME_THINGS,
    a_family_place_word_said_of_someone,
    a_given_name_shape,
    a_thing_after,
    at_sentence_start,
    in_a_title,
    named_like_a_place,
    owner_without_apostrophe,
)
from ctxtui.guard.nicknames import initials, nicknames
from ctxtui.guard.person_places import (
    A_PROPER_NOUN_ALONE,
    CLAUSE_BEFORE,
    CLAUSE_GOES_ON,
    CONTACT_VERBS,
    FAMILY_OF,
    HE_OR_SHE_NEXT,
    KIN_BEFORE,
    PERSON_OBJECT_BEFORE,
    PERSON_TAKING,
    POSSESSIVE_BEFORE,
    THAT_SAID,
    TO_DO_NEXT,
    TOPIC_DASH,
    a_family_of_them,
    a_pair_opening_does,
    lower_case_person,
    nickname_listed,
    quoted_inside_a_sentence,
    said_of_someone,
    seen_doing_what_a_person_does,
)
from ctxtui.guard.subjects import (
    FINITE_NEXT,
    from_a_place_then_acts,
    is_function_word,
    is_kin,
    is_person_verb,
    is_role,
    person_around,
    person_predicate,
    person_subject,
    stands_without_naming,
    words,
)
from ctxtui.guard.word_kinds import a_family_name, word_kind
from ctxtui.guard.word_lists import (
    english_words,
    group_words,
    is_acronym,
    months_and_days,
    more_english_words,
    place_words,
    title_case,
)

WHY = {
    "unknown": "a word on no list of words, places or organisations",
    "name_word": "a forename or surname",
    "lower_case": "a word in lower case on no list of words",
    "initials": "initials",
    "nickname": "a nickname",
}

# A word: letters, with hyphens or apostrophes inside; never part of an email, a web address,
# a handle or a code with digits in it (the live flags and the reader see those whole).
_WORD = re.compile(rf"(?<![\w@#/.:+=&-]){LETTERS}+(?:[-'’]{LETTERS}+)*(?![\w@#/]|\.\w|-\d)")
_POSSESSIVE = re.compile(r"['’]s$")
_DATE_AROUND = re.compile(
    r"(?:\b(?:in|on|by|from|until|till|since|before|after|during|early|late|mid|next|last|"
    r"this|of|every|each|and|or|to)\s+$|\d\s*(?:st|nd|rd|th)?\s+$)",
    re.I,
)
_PREPOSITIONS = words("with by from for to at in on into of about after before under over near via")


@dataclass(frozen=True)
class Candidate:
    text: str
    start: int
    end: int
    why: str  # a key of WHY


class _Word(NamedTuple):
    text: str  # as written, without a possessive 's
    start: int
    end: int
    # "safe", "name", "word_name" (a name that is an ordinary word too), "place_name" (a town
    # that is a name), "known_place" (a word on no list the record names as a place), "unknown"
    kind: str


def possible_names(
    text: str,
    *,
    allowed: frozenset[str] = frozenset(),
    local_words: frozenset[str] = frozenset(),
    flagged: Iterable[tuple[int, int]] = (),
    places: frozenset[str] = frozenset(),
) -> list[Candidate]:
    """The words in ``text`` not known to be safe, in order, without overlaps. ``allowed``:
    the people at the meeting; ``local_words``: the service's own words and this conference's
    (lower case); ``flagged``: spans the live guard has flagged already; ``places``: words on
    no list that the record names as places elsewhere (``places_in``), asked about only where
    a person stands."""
    words: Sequence[_Word] = _words_of(text, allowed, local_words)
    if places:
        words = [
            w._replace(kind="known_place")
            if w.kind == "unknown" and w.text.lower() in places
            else w
            for w in words
        ]
    found = list(_asked(text, words))
    found += [Candidate(word, start, end, "initials") for word, start, end, _sure in initials(text)]
    found += [Candidate(*letters[:4]) for letters in letter_names(text)]
    found += [
        Candidate(word, start, end, "nickname")
        for word, start, end, sure in nicknames(text, allowed)
        if word.lower() not in local_words
        and (
            sure
            or any(word_kind(w, allowed, local_words) != "safe" for w in word.split())
            or quoted_inside_a_sentence(text, word, start)  # "… said 'Pip' and 'Nutmeg' are…"
        )
    ]
    taken = list(flagged)
    kept: list[Candidate] = []
    for candidate in sorted(found, key=lambda c: (c.start, -(c.end - c.start))):
        if any(s < candidate.end and candidate.start < e for s, e in taken):
            continue
        kept.append(candidate)
        taken.append((candidate.start, candidate.end))
    return kept


@lru_cache(maxsize=4096)
def _words_of(text: str, allowed: frozenset[str], local: frozenset[str]) -> tuple[_Word, ...]:
    """The words of a text with what each is (read once for a record's two passes)."""
    found = []
    for match in _WORD.finditer(text):
        word = match.group(0)
        if word[-2:] in ("'s", "’s"):
            word = word[:-2]
        start, end = match.start(), match.start() + len(word)
        kind = word_kind(word, allowed, local)
        if kind == "safe" and (word in allowed or title_case(word) in allowed):
            before, after = text[max(0, start - 20) : start], text[end:]
            if A_CHILD_BEFORE.search(before) or A_FAMILY_AFTER.match(after):
                kind = word_kind(word, frozenset(), local)  # "young Marsh", "the marsh boys"
        found.append(_Word(word, start, end, kind))
    return tuple(found)


def places_in(
    texts: Iterable[str],
    allowed: frozenset[str] = frozenset(),
    local_words: frozenset[str] = frozenset(),
) -> frozenset[str]:
    """The words on no list that the texts of one record name as a place, before a place word
    ("the Yarrowby estate", "Yarrowby Rec"), in lower case: elsewhere in the same record
    ("lads from Yarrowby") the word is that place unless a person stands there."""
    found: set[str] = set()
    for text in texts:
        words = _words_of(text, allowed, local_words)
        n = 0
        while n < len(words):
            if not words[n].text[0].isupper():
                n += 1
                continue
            last = n
            while (
                last + 1 < len(words)
                and words[last + 1].text[0].isupper()
                and text[words[last].end : words[last + 1].start] == " "
            ):
                last += 1
            if place_run(text, words, n, last):
                found.update(w.text.lower() for w in words[n : last + 1] if w.kind == "unknown")
            n = last + 1
    return frozenset(found)


def _asked(text: str, words: Sequence[_Word]) -> Iterator[Candidate]:
    """The words to ask about, runs of them joined ("Ilir Dervishi"), places left out."""
    asked = [_is_asked(text, words, n) for n in range(len(words))]
    names_in_lists(text, words, asked)
    n = 0
    while n < len(words):
        if not asked[n]:
            n += 1
            continue
        first = last = n
        while first > 0 and joins(text, words, first - 1, first, asked):
            first -= 1
        while last + 1 < len(words) and joins(text, words, last, last + 1, asked):
            last += 1
        start, end = words[first].start, words[last].end
        if (
            not place_run(text, words, first, last)
            or FAMILY_OF.match(text[end:])
            or KIN_BEFORE.search(text[max(0, start - 30) : start])  # "his cuz (tam ward)"
            or _named_like_a_place(text, words, first, last)
        ):
            kinds = {words[i].kind for i in range(first, last + 1) if asked[i]}
            lower = not any(words[i].text[0].isupper() for i in range(first, last + 1))
            unknown = "unknown" in kinds or "known_place" in kinds
            why = ("lower_case" if lower else "unknown") if unknown else "name_word"
            yield Candidate(text[start:end], start, end, why)
        n = last + 1


def _named_like_a_place(text: str, words: Sequence[_Word], first: int, last: int) -> bool:
    """A forename before a place word, standing for someone: "police stopped Reuben Hill"."""
    before = text[max(0, words[first].start - 30) : words[first].start]
    after = text[run_end(text, words, last) :]
    names = (w.text for w in words[first : last + 1] if w.kind == "name")
    if any(named_like_a_place(name, before, after) for name in names):
        return True
    thing = last + 1 if last == first and last + 1 < len(words) else last
    if (
        thing == first + 1
        and words[first].kind == "name"
        and text[words[first].end : words[thing].start] == " "
        and _A_SURNAME_THING.fullmatch(words[thing].text)
    ):
        return True  # a forename before "Ward", "Day", "Bay": a family name, not a hospital's ward
    place = last + 1 if last == first and last + 1 < len(words) else last
    return (
        place == first + 1
        and words[first].kind == "name"
        and text[words[first].end : words[place].start] == " "
        and a_family_place_word_said_of_someone(words[place].text, before, after)
    )


def _is_asked(text: str, words: Sequence[_Word], n: int) -> bool:
    word = words[n]
    if owner_without_apostrophe(word.text, text[word.end :]):
        return True  # "graces nan"
    if (
        word.kind in ("safe", "word_name")
        and a_given_name_shape(word.text)
        and run_end(text, words, n) > word.end
    ):
        return True  # "Su-bin Park": two syllables of a given name, each a word, then a family
    before = text[max(0, word.start - 30) : word.start]
    after = text[word.end : word.end + 60]
    capital = word.text[0].isupper()
    if capital and after[:1] in "'’" and _OWNERS_OF_KIN.match(after):
        return True  # "the Thornes' son": a family's name, made plural
    if word.kind == "word_name" and _WHAT_IS_THEIRS_NEXT.match(after):
        return True  # "Hazel now living with her aunt", "Clover placed in supported accom"
    if word.kind == "safe":
        titled = capital and TITLE_BEFORE.search(before)
        if titled and titled.group(0)[0].isupper():
            return True  # "Mr Thorn", "Mrs Lake": a family name, whatever else the word is
        return _nickname_stands(text, words, n)
    if _AN_OFFICER_BEFORE.search(before):
        # an officer at work: "Sgt Okoro", "Cllr Brennan-Tuite"; not "Dr Iqbal, the father,"
        return bool(_A_RELATIVE_BETWEEN_COMMAS.match(after))
    if PLACE_BEFORE.search(before):
        return False  # "st aidan's primary", "Operation Quillfeather"
    if word.text.lower() == "olds" and before.rstrip().lower().endswith("year"):
        return False  # "10-12 year olds"
    if a_chain_at(text, word.start, word.end):
        return False  # "Sainsbury's loading bay", "the queue in Greggs"
    if word.kind in ("name", "unknown"):
        return True
    if in_a_title(text, words, n) and not AND_A_RELATIVE.match(text[run_end(text, words, n) :]):
        return False  # "Summer Reading Scheme", "Hazel Bank Surgery": a name of a thing
    return _person_stands(text, word, before)


def _nickname_stands(text: str, words: Sequence[_Word], n: int) -> bool:
    """An ordinary word, capitalised and alone, where a person stands: "Spike got jumped",
    "Biscuit owes them money", "wardens chatted with Noodle", "Noodle hasn't been to lessons
    lately"; not a role, a group or a pronoun ("Chairwoman proposed", "Shopkeepers reckon")."""
    word = words[n]
    lower = word.text.lower()
    if word.text.islower():
        return nickname_listed(text, word.start, word.end)
    if word.text.isupper() or lower in months_and_days() or is_kin(lower):
        return False  # "Mum and Dad attended"
    if any(
        0 <= i < len(words)
        and words[i].text[0].isupper()
        and not is_function_word(words[i].text)
        and text[min(words[i].end, word.end) : max(words[i].start, word.start)] == " "
        and not (i == n - 1 and words[i].text.lower() in CONTACT_VERBS and n - 1 == 0)
        for i in (n - 1, n + 1)
    ):
        # in a run of capitals: the name of a thing, unless a family is its ("Paddy Ward's mum")
        return bool(FAMILY_OF.match(text[run_end(text, words, n) :]))
    before = text[max(0, word.start - 30) : word.start]
    after = text[word.end :]
    plain = lower not in place_words() and lower not in group_words() and not is_role(word.text)
    if plain and (
        KIN_BEFORE.search(before)
        or person_around(after)
        or ROLE_IN_BRACKETS.match(after)
        or WHO_THEY_ARE_AFTER.match(after)
        or NAMED_AFTER_WHO.search(before)
        or a_pair_opening_does(text[: word.start], after)
        or from_a_place_then_acts(word.text, after)  # "Pip from the tyre place pays them"
        or (A_FAMILY_AFTER.match(after) and _THE_OR_BOTH.search(before))  # "the Thorn family"
    ):
        # "her nephew Rocket", "worried that Sparrow (14) is…", "Smudge (yp)", "Pip and
        # Nutmeg are thought to be the lookouts"
        return True
    that = re.search(r"\bthat\s+$", before, re.I) and person_subject(word.text, after)
    article = ARTICLE_BEFORE.search(before) and not (THAT_SAID.search(before) or that)
    if article or POSSESSIVE_BEFORE.search(before):  # but "fear that Pebble has been…"
        return a_family_of_them(word.text, after, before)  # "the Bakers next door"
    if said_of_someone(before, after) or HE_OR_SHE_NEXT.match(after):
        return True  # "Ask Pickle, he knows"
    a_word = lower in english_words() or lower in more_english_words()
    if not a_word or _spoken_to_or_a_family(text, word, before, after):
        # not a word: a place, brand or service of the lists ("Iceland said"); a word spoken
        # to, or a place word as a family's name: "police will talk to Field", "Hill has been
        # seen at the station"
        return a_word
    if lower in place_words() or lower in group_words() or is_role(word.text):
        return False
    if person_around(after):
        return True
    start = at_sentence_start(text, word.start)
    if not start and PERSON_OBJECT_BEFORE.search(before):
        return True  # "wardens spotted Noodle", "fretting about Noodle"
    if stands_without_naming(word.text, after):
        return False
    if n > 0 and words[n - 1].text.lower() in _PREPOSITIONS:
        # "via Lantern Row" is a place; "the plan for Pixie had…" someone
        return words[n - 1].text.lower() in PERSON_TAKING and bool(CLAUSE_GOES_ON.match(after))
    if (
        person_predicate(after, bare=False)
        or (start and TO_DO_NEXT.match(after))
        or seen_doing_what_a_person_does(after)  # "Flint seen handing a bag to…"
    ):
        return True
    if not (start or is_acronym(word.text)) and A_PROPER_NOUN_ALONE.search(before):  # not "IDs"
        return not after.startswith(("'", "’"))  # "the lads handed Gravel a phone"
    return not start and bool(CLAUSE_BEFORE.search(before) and PRONOUN_LATER.match(after))


# where a young person now lives, just after a name that is a word
_WHAT_IS_THEIRS_NEXT = re.compile(
    r"\s+(?:(?:now\s+)?(?:living|staying)\s+(?:with|at|in)|"
    r"placed\s+(?:in|with|at)|moved\s+(?:in\s+)?with)\b",
    re.I,
)
_A_SURNAME_THING = re.compile(SURNAME_THINGS)
_AN_OFFICER_BEFORE = re.compile(r"\b(?:" + "|".join(OFFICER_TITLES) + r")\.?\s+$")
_OWNERS_OF_KIN = re.compile(rf"['’]\s+(?:{KIN}|kids|children)\b", re.I)
_A_RELATIVE_BETWEEN_COMMAS = re.compile(rf",\s+(?:the|his|her|their)\s+(?:{KIN})\s*,", re.I)
_SPOKEN_TO = re.compile(rf"\b{SPOKE_TO}\s+$", re.I)
_THE_OR_BOTH = re.compile(r"\b(?:the|both|all\s+the)\s+$", re.I)


def _spoken_to_or_a_family(text: str, word: _Word, before: str, after: str) -> bool:
    """An ordinary word spoken to, or a place word opening a sentence as a family's name."""
    if _SPOKEN_TO.search(before):
        return True
    start = at_sentence_start(text, word.start)
    return start and a_family_place_word_said_of_someone(word.text, before, after)


def _person_stands(text: str, word: _Word, before: str) -> bool:
    """A name that is also an ordinary word or a place, where a person can stand."""
    after = text[word.end :]
    capital = word.text[0].isupper()
    if re.match(r"['’]s\b", after):
        owned = re.match(r"['’]s\s+([A-Z][\w'’-]*)", after)
        if owned and (owned.group(1).lower() in place_words() or a_thing_after(after)):
            return False  # "Saint Elfrida's Academy", "Duke's Trust", a pub's "… Arms"
        return capital or bool(FAMILY_OF.match(after))  # "Hazel's phone", "hope's nan"
    if re.match(r"\s+(?:\d|[A-Z]\b)", after):
        return False  # "Studio 3", "Bay G", "June 2031"
    if from_a_place_then_acts(word.text, after):
        return True  # "nell from the laundrette says"
    if not capital:
        return lower_case_person(text, word.start, word.end)
    if KIN_BEFORE.search(before) or STRONG_AFTER.match(after) or ROLE_IN_BRACKETS.match(after):
        return True
    if WHO_THEY_ARE_AFTER.match(after) or NAMED_AFTER_WHO.search(before):
        return True  # "Sunny, mum of the twins,", "resident (Clement)"
    if _SPOKEN_TO.search(before):
        return True  # "will talk to June", never a month
    if word.text.lower() in months_and_days() and _DATE_AROUND.search(before):
        return False  # "by late April", "until Thursday"
    subject = person_subject(word.text, after, name_word=True)
    that = re.search(r"\bthat\s+$", before, re.I)  # "intel that Rook travels…": a clause
    if ARTICLE_BEFORE.search(before) and not THAT_SAID.search(before) and not (that and subject):
        # "the Dell", "a Grant"; but "the Hartleys", "the Bakers next door"
        return a_family_name(word.text) or a_family_of_them(word.text, after, before)
    if POSSESSIVE_BEFORE.search(before):  # "our Wren" is family; "their Summer fete" no
        return bool(subject or PERSON_AFTER.match(after) or re.match(r"\s*(?:[,.;:!?)]|$)", after))
    if word.kind in ("place_name", "known_place"):  # a place unless a person stands there
        said_by = re.search(r"\b(?:according\s+to|per)\s+$", before, re.I)  # a place says nothing
        return bool(SEEN_BEFORE.search(before) or subject or said_by or AND_A_RELATIVE.match(after))
    if at_sentence_start(text, word.start):  # "Hope is…", "Hope to text her carer"
        shown = PERSON_AFTER.match(after) or SEEN_BEFORE.search(before) or TO_DO_NEXT.match(after)
        topic = word.kind == "word_name" and bool(TOPIC_DASH.match(after))  # "Ivy – …"
        return bool(shown or topic or subject or _a_word_name_before_its_verb(word, after))
    return True  # a capital inside a sentence marks a proper name


# after a forename that is a word, opening a sentence: it is the subject ("Hope is…")
_A_SUBJECTS_VERB = re.compile(
    r"\s+(?:is|was|has|had|said|says|told|seen|not|now|also|still|never)\b"
)
# verbs in -s that people do; any other word in -s after the name is a plural ("Holly bushes")
_THIRD_PERSON = words(
    "goes lives stays attends hangs wants thinks knows keeps spends uses carries sells refuses "
    "owes tells gets comes runs does"
)
_NEVER_OPENING_NAMES = words("will may mark march april june august")


def _a_word_name_before_its_verb(word: _Word, after: str) -> bool:
    """A forename that is also a word, opening a sentence before a verb, is its subject: "Ruby
    came home late", "Hope is back"; not "Faith leaders…", "Summer holidays are…"."""
    lower = word.text.lower()
    if word.kind != "word_name" or len(lower) < 3 or lower in _NEVER_OPENING_NAMES:
        return False
    if lower in months_and_days():
        return False
    following = re.match(r"\s+([a-z]+)\b", after)
    if following is None:
        return False
    if _A_SUBJECTS_VERB.match(after):
        return True
    verb = following.group(1)
    if verb.endswith("s"):
        return verb in _THIRD_PERSON
    return bool(FINITE_NEXT.match(after) or is_person_verb(verb) or verb.endswith("ed"))
