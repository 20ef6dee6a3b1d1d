"""Where a person stands, for the names check: the words before and after a word that make it
someone ("her friend summer was…", "visit faith at home", "the Bakers next door"). Pure
functions."""

from __future__ import annotations

import re

from ctxtui.guard.cues import (
    A_FAMILY_AFTER,
    AND_A_RELATIVE,
    KIN,
    ONLY_PEOPLE,
    OWN_RELATIVE_BEFORE,
    PERSON_AFTER,
    ROLE_IN_BRACKETS,
    SPOKE_TO,
    STRONG_AFTER,
    TITLE_BEFORE,
)
from ctxtui.guard.name_positions import FAMILY_LIKE_PLACE_WORDS, at_sentence_start, named_last
from ctxtui.guard.subjects import (
    FINITE_NEXT,
    MODALS,
    is_function_word,
    is_person_verb,
    is_role,
    person_predicate,
    person_state,
    person_subject,
    stands_without_naming,
    words,
)
from ctxtui.guard.word_kinds import word_kind
from ctxtui.guard.word_lists import (
    CARDINALS,
    english_word_names,
    english_words,
    group_words,
    is_name_word,
    place_words,
)

KIN_BEFORE = re.compile(
    rf"\b(?:{KIN}|parents?|partner|baby|named|called)(?:\s+of)?\s*(?:\s|\()\s*$", re.I
)
POSSESSIVE_BEFORE = re.compile(r"\b(?:my|your|his|her|our|their)\s+$", re.I)
FAMILY_OF = re.compile(
    rf"^['’]s\s+(?:older\s+|younger\s+|big\s+|little\s+)?(?:{KIN}|family|parents)\b", re.I
)


# Before a word, what is done to a person or said of one: the word is someone
PERSON_OBJECT_BEFORE = re.compile(
    r"\b(?:saw|seen|see|sees|told|tell|tells|met|meet|meets|searched|stopped|arrested|chased|"
    r"approached|messaged|texted|rang|phoned|visit|visits|visited|visiting|collected|contact|"
    r"look\s+up\s+to|looks\s+up\s+to|looked\s+up\s+to|"
    rf"{SPOKE_TO}|(?:worried|worry|worries|concerned|"
    r"concerns?|asked|asking|heard)\s+(?:about|for)|(?:seen|was|were|is|are|hangs?|hanging|"
    r"hung|out|around|staying|stays|stayed|lives|living|lived)\s+(?:with|w/)|(?:approached|groomed|"
    r"recruited|threatened|assaulted|attacked|followed|chased|robbed|hit|messaged|contacted|"
    r"picked\s+up|filmed|moderated|identified|raised|posted|shared)\s+by|invite|invited|"
    r"inviting|praised|thanked|escorted|warned|in\s+respect\s+of|on\s+behalf\s+of|"
    r"call\s+(?:him|her|them)|calls\s+(?:himself|herself)|banned|barred|"
    r"excluded|found)\s+$",
    re.I,
)
# Before a clause of its own: "wardens reckon Noodle lost his…"
CLAUSE_BEFORE = re.compile(
    r"\b(?:said|says|say|think|thinks|thought|believe|believes|believed|that|because|when|whether|"
    r"while|if|but|and|so|since|until)\s+$",
    re.I,
)


_THEIR_PLURAL = re.compile(r"[A-Z][a-z]{3,}s")
_A_FAMILY_DOES = re.compile(
    r"\s+(?:next\s+door|family|have|has|are|were|moved|live|lived|said|say|told|complained|"
    r"reported|asked)\b"
    # where they live, then what they did: "the Pellews at number 4 have asked…"
    r"|\s+(?:at|on|in|from)\s+(?:the\s+|number\s+)?[\w\s'’-]{1,30}?\s+(?:have|had)\s+"
    r"(?:asked|said|told|complained|reported|moved|refused|agreed)\b"
)


def a_family_of_them(word: str, after: str, before: str = "", *, typed: bool = True) -> bool:
    """A surname made plural, even where the plural is a word, before what a family does or
    after what is done to people ("will visit the Hollies"; not "walked the Meadows")."""
    stem = word[:-1]
    if not (
        _THEIR_PLURAL.fullmatch(word)
        and (is_name_word(stem) or (typed and stem in FAMILY_LIKE_PLACE_WORDS))
    ):
        return False  # "the Wards", "the Greens", capitalised: place words and family names
    if _A_FAMILY_DOES.match(after):
        return True
    done = _A_PERSONS_VERB_THE.search(before)
    if not done or not is_person_verb(done.group(1)) or re.match(r"\s+[A-Z]", after):
        return False
    return word[:-1].lower() not in place_words()


_A_PERSONS_VERB_THE = re.compile(r"\b([a-z]+)\s+the\s+$")


# another name typed in lower case just after: a surname ("iris cooper", "autumn walsh")
_LOWER_NAME_NEXT = re.compile(
    r"\s+(?=[a-z])([a-z'’-]+)\b(?!\s+(?:garden|bush|hip|period|pot|shop))"
)


def _a_surname_next(after: str) -> bool:
    following = _LOWER_NAME_NEXT.match(after)
    if not following:
        return False
    return word_kind(following.group(1), frozenset(), frozenset()) == "name"  # not "will chase"


# a relative or a mentor just before, with nothing between: "aunt poppy", "peer mentor sunny"
RELATIVE_JUST_BEFORE = re.compile(rf"\b(?:{KIN}|mentor|neighbour|bf|gf)\s+$", re.I)


# what someone has to do, in an action line: "pebble to ring carer when leaving the hub"
TO_DO_NEXT = re.compile(
    r"\s+to\s+(?:text|call|ring|phone|contact|tell|meet|attend|stay|come|go|keep|let|check\s+in|"
    r"be\s+(?:offered|referred|supported|given|allocated|invited|visited))\b"
)
# a name as the speaker of a quote: "king: 'everyone knows…'"
_SPEAKER_LABEL = re.compile(r"\s*:\s*['\"‘“]")
# before a name at the end of a clause: who said it, who to ask, who it was agreed with
_SPEAKER_BEFORE = re.compile(
    r"\b(?:per|from|ask|w/|with|according\s+to)\s+$|(?:^|[.;]\s+|\n)\s*(?:re|regarding)\s+$",
    re.I,
)


# a name, then a dash and a note about them: "ivy - referral done", "Ivy? – not seen"
TOPIC_DASH = re.compile(r"\s*\??\s+[-–—]\s+")
_TWO_WORDS_NEXT = re.compile(r"\s+([a-z]+)\b\s*([\w'’/]*)")


def _a_forename_and_surname_end(word: str, after: str) -> bool:
    """Another name that is an ordinary word next, and nothing more of the phrase after it:
    "check on ivy carter", "excluded ivy carter 2 days"; not "ivy carter lane"."""
    pair = _TWO_WORDS_NEXT.match(after)
    if not pair or pair.group(1) == word:
        return False
    if word_kind(pair.group(1), frozenset(), frozenset()) not in ("name", "word_name"):
        return False
    third = pair.group(2)
    return not third or is_function_word(third) or third.isdigit() or third in ("re", "w/")


_A_DETERMINER_OR_PREPOSITION_BEFORE = re.compile(
    r"\b(?:the|a|an|this|that|these|those|his|her|their|our|my|your|its|some|any|no|every|each|"
    r"of|in|on|at|for|from|into|about|than|more|less|much|real|good|great|little|new)\s+$",
    re.I,
)


# what is said of an idea or a feeling, never of a person
_SAID_OF_AN_IDEA = re.compile(
    r"\s+(?:is|was)\s+(?:that|needed|key|important|essential|required|vital|crucial|"
    r"growing|running\s+(?:low|out)|in\s+short\s+supply)\b"
)


def lower_case_person(text: str, start: int, end: int) -> bool:
    """A name that is an ordinary word, typed in lower case where only a person stands: before
    a relative ("hope's nan"), the subject of a person's verb at the start of a clause ("mum
    says willow has been missing"), after a family word ("her friend summer was"), or what is
    done to a person ("visit faith at home")."""
    word = text[start:end]
    if is_function_word(word):
        return False  # "keep an eye on each other"
    before, after = text[max(0, start - 30) : start], text[end:]
    if _SAID_OF_AN_IDEA.match(after):
        return False  # "hope is that the lights help", "patience is needed"
    beside = by_its_neighbours(word, before, after)
    if beside is not None:
        return beside
    kin = KIN_BEFORE.search(before)
    if kin and re.match(r"\s*(?:[.;!?]|$)", after):
        return True  # "per parent of daisy"
    first = (
        at_sentence_start(text, start)
        or CLAUSE_BEFORE.search(before)
        or _CLAUSE_OPENS.search(before)
        or LISTED_FROM_THE_START.search(text[:start])
    )
    said = re.sub(r"^\s*[-–]\s+", " ", after)  # "wren - missing twice this week"
    if (person_subject(word, said, name_word=True) or person_state(said)) and (first or kin):
        return True
    if (
        word in english_word_names()
        and not _A_DETERMINER_OR_PREPOSITION_BEFORE.search(before)
        and FINITE_NEXT.match(after)
        and person_subject(word, after, name_word=True)
    ):
        return True  # "shop owner reckons wren comes in most days"
    if at_sentence_start(text, start) and TOPIC_DASH.match(after) and word in english_word_names():
        return True  # "ivy - referral done, waiting to hear": a note under a young person's name
    if first and _a_pair_of_names_does(said):
        return True  # "jo lee reported…", "ivy and wren were stopped…"
    if first and _a_finite_verb_next(word, said):
        return True  # "youth club: ivy helped run the stall", "wren still texts staff"
    if (kin or first) and (PERSON_AFTER.match(after) or STRONG_AFTER.match(after)):
        return True
    if kin and before.rstrip().endswith("(") and re.match(r"(?:\s+[\w'’-]+)?\)", after):
        return True  # "older bro (duke)", "his cuz (tam ward)"
    if _a_surname_next(after) or (TO_DO_NEXT.match(after) and first):
        return True  # "school excluded iris cooper", "safety plan: pebble to ring carer"
    if _SPEAKER_LABEL.match(after) and at_sentence_start(text, start):
        return True  # "destiny: 'everyone knows…'"
    following = re.match(r"\s*([\w'’/]*)", after)
    ends = (
        following is None
        or not following.group(1)
        or is_function_word(following.group(1))
        or following.group(1) in ("re", "w/")
    )
    if not first and _after_a_persons_verb(word, before, after):
        return True  # "police stopped hazel near the shops"
    ends = ends or _a_forename_and_surname_end(word, after)  # "excluded ivy carter 2 days"
    a_plural = word.endswith("s") and not is_name_word(word[:-1].title())  # "banned sales of…"
    return bool(  # not "seen young people"
        ends
        and not a_plural
        and (PERSON_OBJECT_BEFORE.search(before) or _LOWER_CASE_OBJECT_BEFORE.search(before))
    )


def by_its_neighbours(word: str, before: str, after: str) -> bool | None:
    """Whether the words right beside a name typed in lower case say it is someone's (a
    relative, a title, a speaker) or a thing's (an article, a possessive); None if neither."""
    family = A_FAMILY_AFTER.match(after) and before.endswith("the ")
    if FAMILY_OF.match(after) or (family and word not in english_words()):
        return True  # "hope's nan", "the khatun girls"; not "the foster family"
    if ROLE_IN_BRACKETS.match(after) or AND_A_RELATIVE.match(after):
        return True  # "reece (yp's older brother)", "jade + her bf"
    if OWN_RELATIVE_BEFORE.search(before) or TITLE_BEFORE.search(before):
        return True  # "her mate patience", "mrs thatcher"
    if RELATIVE_JUST_BEFORE.search(before) and not (word in MODALS or is_person_verb(word)):
        return True  # "cousin lark also in the video"; not "dad will call", "mum said"
    if re.search(r"\bthe\s+$", before) and a_family_of_them(word.title(), after, typed=False):
        return True  # "the rivers asked for cctv"
    if re.search(r"\b(?:the|a|an|this|its|my|your|his|her|our|their)\s+$", before, re.I):
        return False  # "the river", "their hope"
    if _SPEAKER_BEFORE.search(before) and re.match(r"\s*(?:[:,.;!?)]|\s[-–—]\s|$)", after):
        return True  # "per jade, lads…", "feedback from mercy:", "re bev – no update"
    return None


_A_NUMBER = re.compile("|".join((*CARDINALS, "several", "many", "few")))  # of things
_PREVIOUS = re.compile(r"([a-z]+)\s+$")
# what a word goes on to in "stopped hazel up", "saw ivy on patrol": a verb's particle or a
# preposition, where a person may stand too but the word reads as an ordinary one as often
_PARTICLE_NEXT = re.compile(r"\s+(?:up|down|out|off|over|of|for|in|on|at|to|from|into)\b")


def _after_a_persons_verb(word: str, before: str, after: str) -> bool:
    """A forename given in English that is a word too, typed in lower case just after a
    person's verb, with no noun after it ("police stopped hazel near the shops", "told ivy
    to go home"; not "saw heather bushes burning", "drew up a plan")."""
    previous = _PREVIOUS.search(before)
    if not previous or not is_person_verb(previous.group(1)):
        return False
    if word not in english_word_names() or word in MODALS or is_person_verb(word):
        return False
    if _PARTICLE_NEXT.match(after) or _CLAUSE_OPENS.search(before):
        return False
    following = re.match(r"\s+([a-z]+)\b", after)
    return not (following and _a_noun(following.group(1)))


def _a_noun(word: str) -> bool:
    """An ordinary word that is no verb of a person's, no function word and no auxiliary."""
    if is_person_verb(word) or is_function_word(word) or word in MODALS or word.endswith("ing"):
        return False  # "… reported ivy letting strangers in": a clause of her own
    return word in english_words() and word not in _AUXILIARIES


# a second name typed in lower case just after, perhaps joined by "and"
_A_SECOND_NAME = re.compile(r"\s+(?:(and|n|&|\+)\s+)?([a-z][a-z'’-]+)\b")
_NAMED = frozenset(["name", "word_name", "place_name"])


def _a_pair_of_names_does(said: str) -> bool:
    """After a name at a clause's start, a second name (perhaps after "and"), then what a
    person does or is."""
    pair = _A_SECOND_NAME.match(said)
    if not pair or word_kind(pair.group(2), frozenset(), frozenset()) not in _NAMED:
        return False
    rest = said[pair.end() :]
    if person_subject(pair.group(2), rest, name_word=True):
        return True
    plural = pair.group(1) and _PLURAL_AUX.match(rest)
    return bool(plural and person_state(_PLURAL_AUX.sub(" ", rest, count=1)))


_PLURAL_AUX = re.compile(r"^\s+(?:were|are|have\s+been)\b")
# a clause opens after a colon, a semicolon, a bullet, a bracket or a dash
# what someone said or thought, opening a clause: "dont think gristle knows…"
_THOUGHT_BEFORE = re.compile(
    r"\b(?:said|says|say|think|thinks|thought|believe|believes|reckon|reckons|that)\s+$", re.I
)
_CLAUSE_OPENS = re.compile(r"(?:[:;•*(]|\s[-–])\s*$")
_VERB_NEXT = re.compile(r"\s+(?:(?:still|now|also|just|never|always|often)\s+)?([a-z]+)\b")
_AUXILIARIES = words("is was has had did does didnt doesnt isnt wasnt hasnt")
# never a nickname in lower case: a verb's helper, a modal, a contraction typed without its
# apostrophe
_NEVER_NICKNAMES = _AUXILIARIES | words(
    "dont cant wont aint shouldnt couldnt wouldnt im ive id thats whats theres will would can "
    "could should must may might are were be been am do arent werent"
)


# a plural noun looks like a verb in "-s": "free vapes, free food" (a verb goes on)
_A_PLURAL_ALONE = re.compile(r"\s+[a-z]+s\s*(?:[,.;:!?)]|$)")


def _a_finite_verb_next(word: str, said: str) -> bool:
    verb = _VERB_NEXT.match(said)
    if not verb or word in MODALS or is_function_word(word) or _A_PLURAL_ALONE.match(said):
        return False
    return _a_finite_verb(verb.group(1))


def _a_finite_verb(word: str) -> bool:
    """An auxiliary, or a person's verb in a form that agrees with a subject ("helped",
    "texts"; not the bare "help" of "early help team")."""
    finite = word.endswith(("s", "ed")) or not is_person_verb(word + "s")
    return word in _AUXILIARIES or (is_person_verb(word) and finite)


# typed live, before a name in lower case: "re rusty and…", "home visit to iris", "named: wren"
_LOWER_CASE_OBJECT_BEFORE = re.compile(
    r"\b(?:re|regarding|visit\s+to|named\s*:?|names?\s*:|check\s+(?:on|in\s+with)|"
    r"(?:say|said)\s+(?:hi|hello)\s+to|(?:keep|keeps|kept)\s+an\s+eye\s+on|look\s+out\s+for)\s*$"
)
# a list of words joined by "+", "&" or "/" from the start of a clause: "- wren + lark …"
LISTED_FROM_THE_START = re.compile(r"(?:^|[:\-–(•*]\s*)(?:[a-z]+\s*[+&/,]\s*)+$")


# "… seen @ the square", "… seen with older lads": a person, wherever it stands
SEEN_SOMEWHERE = re.compile(r"\s+seen\s+(?:@|(?:with|w/)\b)")
# what only a person does to someone: "… gave him the phone", "… told her to keep it on"
DONE_TO_SOMEONE = re.compile(
    r"\s+(?:gave|gives|told|tells|sent|sends|hit|punched|threatened|paid|pays|owes|owed|asked|"
    r"messaged|texted|rang)\s+(?:him|her|them|me|us)\b"
)
# an agency's update: "police:", "btp:", "school -"
AN_AGENCY_SAID = re.compile(
    r"(?:^|[.;]\s*)(?:police|btp|school|dsl|sw|yw|pcso|housing|health|ys|yot)\s*[:-]\s*$", re.I
)


# the group someone leads or runs with: "Viper's lot", "Viper's boys"
_THEIR_CREW = re.compile(r"['’]s\s+(?:lot|crew|gang|mates|boys|girls|squad|olders|youngers)\b")


def said_of_someone(before: str, after: str) -> bool:
    """Around a capitalised ordinary word, what is said only of someone: "Pixie and friends
    were moved on", "Pixie's bike was found", "the one flagged was Pixie.", "Pixie seen @ the
    square again"."""
    if ONLY_PEOPLE.match(after) or AND_A_RELATIVE.match(after):
        return True
    if after[:2] in ("'s", "’s") and (STRONG_AFTER.match(after) or _THEIR_CREW.match(after)):
        return True
    return bool(named_last(before, after) or SEEN_SOMEWHERE.match(after))


# "ashy + titch both seen…": ordinary words joined by "+", "&" or "n" from a clause's start
_JOINED_NEXT = re.compile(r"\s*(?:\+|&|\bn\b)\s*[a-z][\w'’-]*")


# a note under a heading of a young person's, typed live
_A_NOTE_ON_SOMEONE = re.compile(
    r"(?:missing|not\s+engaging|engaging|(?:\w+\s+)?referral|excluded|arrested|charged|bailed|"
    r"disclosed|refused|declined|not\s+in\s+school|attendance|in\s+custody|released|"
    r"remanded|reported|seen|stopped)\b",
    re.I,
)
# the headings of minutes, before a dash as often as a name is
_HEADINGS = words(
    "update updates action actions concern concerns plan note notes outcome outcomes risk risks "
    "summary strengths worries worry agreed next decision info follow review feedback"
)


def nickname_listed(text: str, start: int, end: int) -> bool:
    """Ordinary words in lower case, joined by "+", "&" or "n" at the start of a clause and
    followed by what is said of people: nicknames typed live ("ashy + titch both seen")."""
    word = text[start:end]
    if is_role(word) or word in place_words() or word in group_words():
        return False
    if len(word) < 2 or is_function_word(word) or word in _NEVER_NICKNAMES:
        return False  # "the lad had rung her", "dont think…"
    after = text[end:]
    if text[:start].endswith("the ") and a_family_of_them(word.title(), after, typed=False):
        return True  # "the rivers asked for cctv"
    if stands_without_naming(word, after):
        return False  # a pronoun, a plural: "bikes + scooters seen"
    if ROLE_IN_BRACKETS.match(after) or DONE_TO_SOMEONE.match(after) or AND_A_RELATIVE.match(after):
        return True  # "ashy (yp) said…", "yp says stumpy gave him the sim"
    called = _A_RELATIVE_CALLED.search(text[:start]) and word not in _AUXILIARIES
    done = person_state(after) or STRONG_AFTER.match(after)
    if called and not word.endswith(("ly", "ing", "ed")) and done:
        return True  # "his cousin sprocket seen at the rec"
    first = at_sentence_start(text, start)
    if (
        (first or _CLAUSE_OPENS.search(text[:start]) or _THOUGHT_BEFORE.search(text[:start]))
        and word in english_words()
        and not (is_function_word(word) or _A_NUMBER.fullmatch(word) or word in _AUXILIARIES)
        and person_subject(word, after)
        and not _A_PLURAL_ALONE.match(after)
    ):
        return True  # "gravel says the older ones pay"
    if first and AN_AGENCY_SAID.search(text[:start]) and person_state(after):
        return True  # "police: razor stopped n searched"
    topic = TOPIC_DASH.match(after)
    if first and topic and word not in _HEADINGS and _A_NOTE_ON_SOMEONE.match(after[topic.end() :]):
        return True  # "spanner - missing x2 this week", "sprocket – referral done"
    joined = _JOINED_NEXT.match(after)
    if first and joined:
        return person_state(after[joined.end() :])
    return bool(LISTED_FROM_THE_START.search(text[:start])) and person_state(after)


# a relative named by what they are called: "uncle …", "her cousin …" (never "mum also")
_A_RELATIVE_CALLED = re.compile(rf"\b(?:{KIN})\s+$", re.I)
CONTACT_VERBS = words("ask tell call ring text message contact phone")  # "Ask Pickle": not a title
HE_OR_SHE_NEXT = re.compile(r",\s+(?:he|she)\s+(?:is|was|has|knows|said|says|will|can)\b")


# two capitalised words joined by "and" that open the text, before a plural predicate
_PAIR_OPENS_BEFORE = re.compile(r"^\W*[A-Z][\w'’-]*\s+(?:and|&|\+)\s+$")
_PAIR_NEXT = re.compile(r"^\s+(?:and|&|\+)\s+[A-Z][\w'’-]*(?=\s)")
_ONE_OF_THEM = {"are": "is", "were": "was", "have": "has"}


def a_pair_opening_does(before: str, after: str) -> bool:
    """One of two words joined by "and" at the start, before what two people do or are ("…
    have been posting threats"), said of one of them."""
    pair = _PAIR_NEXT.match(after) if re.fullmatch(r"\W*", before) else None
    if not pair and not _PAIR_OPENS_BEFORE.search(before):
        return False
    rest = after[pair.end() :] if pair else after
    one = re.sub(r"^\s+(are|were|have)\b", lambda m: " " + _ONE_OF_THEM[m.group(1)], rest)
    if one == rest:
        return bool(_SEEN_DOING.match(rest))  # "Pip and Nutmeg seen at the underpass"
    return person_predicate(one, bare=False)


# seen where a person is, or doing what a person does, with no "was": minutes typed live
_SEEN_DOING = re.compile(
    r"\s+(?:seen|spotted|caught)\s+(?:at|in|on|near|outside|with|w/|[a-z]+ing)\b"
)


def quoted_inside_a_sentence(text: str, word: str, start: int) -> bool:
    """A capitalised word in quotes, not opening a sentence: a name or a nickname."""
    quoted = start > 0 and text[start - 1] in "'\"‘“"
    return quoted and word[0].isupper() and not at_sentence_start(text, start - 1)


# "confirmed that Pixie…": "that" after a verb of saying opens a clause
THAT_SAID = re.compile(
    r"\b(?:said|says|say|confirmed|noted|reported|explained|agreed|thinks|believes|felt|"
    r"advised|told\s+\w+)\s+that\s+$",
    re.I,
)


_SEEN_ACTING = re.compile(r"\s+(?:seen|spotted|caught)\s+([a-z]+ing)\b")


def seen_doing_what_a_person_does(after: str) -> bool:
    """Seen doing what only a person does, with no "was" ("… seen handing a bag to…"; not
    "… seen parking")."""
    acting = _SEEN_ACTING.match(after)
    return bool(acting and is_person_verb(acting.group(1)))


# a capitalised word after a word in lower case that is no "and", no article and no
# possessive: a proper noun, to confirm once ("… handed Gravel a phone"; not "Thistle and Anchor")
A_PROPER_NOUN_ALONE = re.compile(r"(?<![\w'’&-])(?!(?:and|or|n|nor)\s)[a-z]+\s+$")


PERSON_TAKING = words("for with against to from by about")
# after a name, what only follows someone doing or having something: a verb or a function word
CLAUSE_GOES_ON = re.compile(
    r"\s+(?:had|has|have|was|is|will|would|while|who|and|to|regularly|often|still|now)\b"
    r"|\s*(?:[.;!?]|$)"
)
