"""Where a person stands as the subject of a sentence: a word followed by a predicate whose
subject is a person (was spotted, hasn't been to lessons, drops them off, is the lad who, not
picking up), unless the word stands there without naming anyone: a pronoun or determiner, a
role, an agency or a family word ("Chairwoman proposed", "Auntie reckons"), a group in the
plural ("Shopkeepers reckon"), a place, or an abstract noun ("Engagement dipped"). The names
check asks about nicknames and ordinary words standing for someone ("Sparrow was spotted by
the kiosk") and forenames that are also words ("Faith not picking up calls") there. Pure
functions, no I/O."""

from __future__ import annotations

import functools
import re
from pathlib import Path

from ctxtui.guard.cues import KIN
from ctxtui.guard.word_lists import english_words, is_forename, more_english_words


def words(text: str) -> frozenset[str]:
    """The words of a list written as one string, split at spaces."""
    return frozenset(text.split())


def _forms(verbs: str) -> str:
    """Every form of the verbs given in the base form ("say said"; irregular forms written
    out): the base, -s, -ed and -ing, as one alternation for a regular expression."""
    forms: set[str] = set()
    for verb in verbs.split():
        forms.add(verb)
        if verb.endswith("e"):
            forms |= {verb + "s", verb + "d", verb[:-1] + "ing"}
        elif verb.endswith("y") and verb[-2] not in "aeiou":
            forms |= {verb[:-1] + "ies", verb[:-1] + "ied", verb + "ing"}
        elif re.search(r"(?:s|sh|ch|x|z)$", verb):
            forms |= {verb + "es", verb + "ed", verb + "ing"}
        else:
            forms |= {verb + "s", verb + "ed", verb + "ing"}
    return "|".join(sorted(forms, key=len, reverse=True))


# Verbs whose subject is a person: what people say, do and feel, and where they go.
_PERSON_VERBS = (
    _forms(
        "say said tell spoke spoken speak talk chat refuse deny admit disclose answer reply "
        "respond "
        "engage attend skip truant abscond live stay sleep slept hang hung sell sold deal dealt "
        "carry message text ring rang phone film record fight fought threaten punch kick stab "
        "slash rob steal stole stolen shoplift shout swear swore cry scream laugh smile want "
        "know knew known think thought feel felt like love hate hide hid hidden arrive leave left "
        "return walk wait meet met visit smoke vape drink drank owe pay paid buy bought recruit "
        "supply groom brag boast claim agree promise decline miss join sit sat stand stood pick "
        "collect "
        "drive drove ride rode cycle bring brought give gave take took send sent receive ask try "
        "avoid escape behave struggle cope disappear wander lie lied lying pretend hit bully "
        "bullied follow chase grab push shove spit spat throw threw spend spent told delete report "
        "decline help work reckon travel share pass hand post"
    )
    # "… came up at the residents' meeting" is a topic; "… going to be" is what will happen
    + r"|(?:came|comes?)(?!\s+up\b)|got|went|go|goes|going(?!\s+to\s+be\b)|gone"
    + r"|(?:un)?block(?:ed|ing)"  # "blocks" is as often the plural ("the Brackenhurst blocks")
)
# Past forms that read as passive without an auxiliary (crates stolen from a van): a person did
# it only when an object or "to" follows ("Wobble stole the crate", "Wobble refused to go").
_PAST = re.compile(
    r"^(?:[a-z]+ed|spoke|spoken|slept|hung|sold|dealt|rang|fought|stole|stolen|swore|knew|"
    r"known|thought|felt|hid|hidden|left|met|drank|paid|bought|sat|stood|drove|rode|brought|"
    r"gave|took|sent|hit|spat|threw|told|said)$",
    re.I,
)
_OBJECT = re.compile(
    r"^\s+(?:to|the|a|an|his|her|their|them|him|me|us|it|i|you|we|that|this|some|any|no|one|money|"
    r"police|staff|everyone|someone|nobody|he|she|they|up|off|out|away|back|home|\d+|two|three|"
    r"four|five|six|every|each|all|both|most|several|another)\b",
    re.I,
)
# What is said of a person after "is", "was", "has been" or nothing at all (minutes drop the
# verb): done to someone, or a state or place only a person is in.
_PERSON_STATES = re.compile(
    r"(?:seen(?!\s+(?:an?\s+|some\s+)?(?:increase|rise|drop|fall|spike|reduction|decrease|"
    r"surge|number|lot|more|fewer|less|growth|change|shift)\b)|spotted|stopped|searched|arrested|picked\s+up|dropped\s+off|collected|"
    r"messaged|contacted|approached|chased|followed|assaulted|attacked|threatened|hurt|"
    r"injured|stabbed|robbed|mugged|targeted|excluded|suspended|expelled|groomed|exploited|recruited|"
    r"cautioned|charged|bailed|remanded|interviewed|missing|absent|referred|supported|offered|"
    r"described|doing\s+well|settled|settling|added|named|mentioned|found|trafficked|bullied|"
    r"being\s+[a-z]+ed|uasc|lac|cla|cin|on\s+a\s+(?:cp|cin)\s+plan|moved|unaccompanied|aware|"
    r"removed|identified|asleep|present\s+(?:when|at|during)|"
    r"(?:a\s+)?(?:good|positive|strong|close|trusting|great)\s+(?:relationship|bond|rapport)\s+"
    r"with\s+(?:her|his)\b|start(?:ed|s|ing)\s+(?:at\s+)?(?:school|college|sixth\s+form|work|"
    r"training|an?\s+(?:course|apprenticeship|placement))\b|(?:banned|barred)\s+from|on\s+(?:the\s+)?waiting\s+list|treated\s+(?:for|at|in|by)|mf[hc]\b|"
    r"out\s+(?:together\s+)?(?:till|until|til|late|all\s+night|overnight)|"
    r"in\s+(?:the\s+)?(?:group|gang|chat|photo|video)\b|"
    rf"with\s+(?:him|her|them|his|their|an?|the|older|other|some|friends|{KIN})\b|new\s+to|"
    r"known\s+to|close\s+to|friends\s+with|scared|frightened|afraid|upset|angry|withdrawn|"
    r"worried|anxious|tearful|(?:located|found|returned|traced)\s+safe|"
    r"involved|believed|keeps?\s+(?:turning\s+up|going\s+missing|coming\s+(?:back|round))|"
    r"turn(?:s|ed|ing)?\s+up\s+(?:at|with|to|late|drunk|high|again|outside)\b|"
    r"in\s+(?:school|college|class|lessons|care|custody|hospital|contact|touch|year|yr)\b|"
    r"(?:at|to)\s+(?:the\s+)?(?:conference|meeting)\b|(?:at|to)\s+the\s+review\b|"
    r"(?:at|to)\s+(?:school|college|home|lessons|class|classes|work|training|clubs?|"
    r"sessions?|madrassa|madrasa|mosque|church|youth\s+club)|home\b|off\s+(?:school|sick|the\s+radar)|"
    r"back\s+(?:in|at|home|to\s+(?:school|college|lessons|class)|"
    r"on\s+the\s+(?:site|estate|scene|streets?))|(?:goes|go|going|went|gone)\s+missing|"
    r"(?:comes?|came|coming)\s+(?:back|home|round)|"
    r"(?:runs?|running|ran)\s+(?:off|away|from\s+(?:police|officers|staff|security))|"
    # "the older one", "a looked-after younger child": describing words, then a person
    r"(?:the|a|an)\s+(?:(?!(?:of|for|to|with|in|on|at|and|or|the|a|an|who|that)\b)[a-z-]+\s+){0,2}"
    r"(?:one|girl|boy|lad|lass|adult|young\s+person|"
    r"bloke|guy|man|woman|male|female|kid|child|sibling|person|"
    r"teen|teenager|youngster|pupil|youngest|oldest|"
    r"eldest|leader|ringleader|friend|cousin|brother|sister|son|daughter|dealer|runner|yp|"
    r"driver|victim|suspect|nominal|lookout)\b|aged\b)\b",
    re.I,
)
# the states above that are a person's doing in a finite verb: they need no verb before them
_ACTS = re.compile(r"(?:goes|went|comes?|came|runs|ran)\b", re.I)
# done only to a person: with no verb before it, the passive of minutes typed in a hurry ("…
# cautioned for damage"), where "followed at once" or "found by the gate" could be a thing
_ONLY_TO_A_PERSON = re.compile(
    r"(?:arrested|cautioned|charged|bailed|remanded|excluded|suspended|expelled|groomed|"
    r"exploited|trafficked|stabbed|mugged|bullied|interviewed|assaulted)$",
    re.I,
)
# what someone is thought to be: "… believed to be the eldest boy", "… thought to be 16"
_THOUGHT_TO_BE = re.compile(
    r"^,?\s+(?:is\s+|are\s+|was\s+|were\s+)?(?:thought|believed|said|understood|suspected|"
    r"rumoured)\s+to\s+be\s+(?:one\s+of\s+)?(?:\d{1,2}\b|(?:the|an?)\s+(?:\w+\s+)?(?:males?|females?|"
    r"lookouts?|runners?|dealers?|leaders?|ringleaders?|members?|boys?|girls?|lads?|"
    r"brothers?|sisters?|cousins?|drivers?|elders?|olders?|youngers?|one|ones|adults?|men|man|"
    r"wom[ae]n))\b"
    # "… were the eldest boys there", "… are thought to be holding"
    r"|^\s+(?:are|were)\s+the\s+(?:\w+\s+){0,2}(?:lads|boys|girls|men|males|adults|"
    r"ringleaders|dealers|elders|olders|youngers)\b"
    r"|^\s+(?:is|are|was|were)\s+(?:both\s+)?(?:being\s+)?(?:named|identified|described)"
    r"(?:\s+by(?:\s+\w+){1,3}?)?\s+as\s+the\s+(?:\w+\s+){0,2}?"
    r"(?:one|ones|lads?|boys?|girls?|males?|females?|adults?|men|man|wom[ae]n)\b"
    r"|^\s+(?:is|are|was|were)\s+(?:thought|believed|said|suspected)\s+to\s+be\s+(?:holding|"
    r"running|dealing|carrying|grooming|recruiting)\b"
    # "… is the one who…", "… was the older lad that…"
    r"|^\s+(?:is|was)\s+(?:probably\s+|likely\s+)?the\s+(?:\w+\s+)?(?:one|person|lad|man|woman|"
    r"girl|boy|male|female|adult|driver|dealer|ringleader)\s+(?:who|that)\b",
    re.I,
)
# Around the word itself: a comma and "who", an age between commas, an age or school year in
# brackets or between commas
_AROUND = re.compile(
    r"^(?:,?\s+(?:who|whom|whose)\b|,\s*\d{1,2}\s*[,)]|\s*\(\s*(?:\d{1,2}|(?:y|yr|year)\s*"
    r"\d{1,2}|aged?\s+\d{1,2})\s*\)|,\s*(?:y|yr|year)\s*\d{1,2}\s*,)",
    re.I,
)
# an age after "is", "was" or "turned"
_AGE = re.compile(
    r"^(?:is|was|turned|turns)\s+(?:only\s+|just\s+|nearly\s+|almost\s+)?\d{1,2}"
    r"(?![\d%:.,]\d)\b(?!\s*%)",
    re.I,
)
_ADVERB = (
    r"(?:also|still|now|then|often|always|never|usually|just|reportedly|allegedly|apparently|"
    r"sometimes|regularly|recently|again|previously|currently|openly|already|rarely|"
    r"frequently|constantly|normally|reported|said|thought|believed|known|both|all|no\s+longer)\s+"
)
_AUX = (
    r"(?:(?:is|was|has|had|does|did|will|would|can|could|may|might|should|must)"
    r"(?:n['’]?t|\s+not|\s+never)?\s+(?:been\s+|be\s+|being\s+|have\s+been\s+|(?:started|begun)\s+(?=[a-z]+ing\b))?"
    r"|(?:not|never|keeps|kept|has\s+stopped|had\s+stopped|stopped|started|began|seems\s+to|"
    r"used\s+to|tends\s+to|wants\s+to|refuses\s+to|refused\s+to|continues\s+to|"
    r"continued\s+to)\s+"
    r"|['’]s\s+(?:been\s+)?|been\s+)"
)
# a finite verb next, as a clause's subject has: "… has told", "… kept"; not "… riding",
# "… quiz night" (before a noun or an "-ing" form a word names a thing)
FINITE_NEXT = re.compile(
    r"\s+(?:[a-z]{3,}ly\s+)?(?:[a-z]+(?:ed|[^s]s)|is|was|has|had|will|would|can|could|did|does|went|got|came|said|"
    r"told|left|seen|sent|took|ran|met|kept|not|never|still|also|now|just|isn|wasn|won|didn)\b"
)
_LEAD = re.compile(rf"^\s*(?:{_ADVERB})?(?P<aux>{_AUX})?(?P<then>{_ADVERB})?", re.I)
_VERB = re.compile(rf"^(?:{_PERSON_VERBS})\b", re.I)


def thought_to_be_someone(after: str) -> bool:
    """What someone is thought or believed to be: "… thought to be the ringleader"."""
    return bool(_THOUGHT_TO_BE.match(after))


def is_person_verb(word: str) -> bool:
    """A form of a verb whose subject is a person: "said", "rang", "visits"."""
    irregular = _PAST.fullmatch(word) and not word.lower().endswith("ed")
    return bool(_VERB.fullmatch(word) or irregular)


def person_around(after: str) -> bool:
    """Right after a word, what only follows a person: a relative "who", an age or a school
    year."""
    return bool(_AROUND.match(after))


def is_kin(word: str) -> bool:
    """A family word: "mum", "Nan", "cousin"."""
    return word.lower() in _KIN


def is_role(word: str) -> bool:
    """A pronoun, determiner or other function word, a family word, a role or an agency."""
    lower = word.lower()
    return lower in _FUNCTION_WORDS or lower in _KIN or lower in role_words()


def is_function_word(word: str) -> bool:
    """A pronoun, determiner, preposition, conjunction or sentence adverb."""
    return word.lower() in _FUNCTION_WORDS


def person_state(after: str) -> bool:
    """Right after a word, a state only a person is in, with or without a verb before it:
    "… stopped in the underpass", "… not in since the easter break" (minutes typed live drop
    "was")."""
    if not after[:1].isspace():
        return False
    lead = _LEAD.match(after)
    assert lead is not None  # every part of it is optional
    rest = after.lstrip()
    return bool(
        _PERSON_STATES.match(rest)
        or _PERSON_STATES.match(after[lead.end() :])
        or re.match(r"not\s+in\b(?!\s+(?:the|a|an|any)\b)", rest)
    )


def person_predicate(after: str, *, bare: bool = True) -> bool:
    """What follows a word (``after``) is said of a person: was spotted, hasn't been to
    lessons, drops them off, a relative "who", an age. ``bare``: a state with no verb before
    it counts (minutes drop the verb: "Faith seen at the lido"); for an ordinary word it does
    not (a van spotted there is a van)."""
    if _AROUND.match(after) or _THOUGHT_TO_BE.match(after):
        return True
    if not after[:1].isspace() and not after.startswith(("'", "’")):
        return False
    lead = _LEAD.match(after)
    assert lead is not None  # every part of it is optional
    rest = after[lead.end() :]
    state = _PERSON_STATES.match(rest)
    if not state and lead.group("then"):  # "is known to police": "known" is the state here
        state = _PERSON_STATES.match(after[lead.start("then") :])
        rest = after[lead.start("then") :] if state else rest
    if state and not lead.group("aux") and not bare and not _ACTS.match(state.group(0)):
        return False
    if state and (
        lead.group("aux")
        or not state.group(0).endswith("ed")
        or _ONLY_TO_A_PERSON.match(state.group(0))
    ):
        return True
    if state:  # "Wobble stopped by police", not "the talk followed at once"
        return bool(re.match(r"\s+by\b", rest[state.end() :]))
    if lead.end() <= 1 and _AGE.match(rest):
        return True
    verb = _VERB.match(rest)
    then = (lead.group("then") or lead.group(0)).strip().lower()
    if not verb and then in ("reported", "said"):
        # "… reported that her phone…", "… has said she might": the verb, not "reportedly"
        rest = after[lead.start("then") :] if lead.group("then") else after.lstrip()
        verb = _VERB.match(rest)
    if not verb:
        return False
    if lead.group("aux") or not _PAST.match(verb.group(0)):
        return True
    return bool(_OBJECT.match(rest[verb.end() :]))  # an object: the active voice


# A verb that agrees with one person, not a group: is, has, was, picks.
_SINGULAR_VERB = re.compile(
    r"^\s+(?:(?:also|still|now|often|always|never|usually|just)\s+)?"
    r"(?:is|was|has|isn['’]?t|wasn['’]?t|hasn['’]?t|does|doesn['’]?t|[a-z]+[^s\W]s)\b"
)

# Words that stand before a verb without naming anyone: pronouns, determiners, quantifiers,
# conjunctions and adverbs that open a sentence.
_FUNCTION_WORDS = words(
    "i you he she it we they me him her us them my your his its our their mine yours "
    "hers ours theirs myself yourself himself herself itself ourselves themselves "
    "someone somebody anyone anybody everyone everybody nobody noone none one another "
    "other others each either neither both all many much most more some several few "
    "less least nothing something everything anything enough lots plenty half "
    "the a an this that these those which what who whom whose whoever whatever such "
    "and but or nor so because although though while whilst when whenever where if as "
    "since unless until whereas yet also however meanwhile overall again currently "
    "previously there here instead therefore otherwise still already sometimes often "
    "usually today tonight yesterday tomorrow now then later earlier recently lately "
    "overnight afterwards before after during never always once twice perhaps maybe "
    "nor only even just very too quite rather please thanks thank yes no not "
    "about above across after against along among amongst around as at before behind "
    "below beneath beside besides between beyond by despite down during except for from "
    "in including inside into near next of off on onto out outside over past per "
    "regarding round through throughout till to towards under upon up via with within "
    "without approximately roughly around almost nearly somewhere nowhere anywhere everywhere"
)
# Modal verbs that are forenames or months too ("May", "Will"): a name only before a verb
# that agrees with a person ("was", "said"), not before a bare verb ("will attend").
MODALS = words("will may can might must should could would shall")
_AGREES = re.compile(
    r"^\s+(?:is|was|has|had|isn['’]?t|wasn['’]?t|hasn['’]?t|said|told|went|came|left|"
    r"[a-z]+[^s\W]s|[a-z]+ed)\b"
)
_ABSTRACT = re.compile(
    r"(?:ing|tion|sion|ment|ness|ity|ance|ence|ism|ship|age|ure|cy|ery|ics|dom|hood|th)$"
)


@functools.lru_cache(maxsize=1)
def role_words() -> frozenset[str]:
    """Roles, agencies and kinds of people, in lower case: they stand as a subject without
    naming anyone ("Chairwoman proposed", "Licensing objected"); family words are in
    ``_KIN``."""
    path = Path(__file__).with_name("data") / "role_words.txt"
    words = path.read_text(encoding="utf-8").split("\n")
    return frozenset(w for w in words if w and w[0] != "#")


_KIN = frozenset(KIN.split("|"))


def _plural(lower: str) -> bool:
    """A plural noun: "residents", "parties", "boxes"."""
    if not lower.endswith("s") or lower.endswith("ss") or len(lower) < 4:
        return False
    stem = lower[:-1]
    bases = [stem, lower[:-2]]
    if lower.endswith("ies"):
        bases.append(lower[:-3] + "y")
    if lower.endswith("ves"):
        bases += [lower[:-3] + "f", lower[:-3] + "fe"]  # "knives", "wolves"
    return any(base in english_words() or base in more_english_words() for base in bases)


def stands_without_naming(word: str, after: str, *, name_word: bool = False) -> bool:
    """A word that can be the subject of a person's verb without being anyone's name. For a
    forename that is also a word (``name_word``), only a function word, a role or a modal verb
    before a bare verb."""
    lower = word.lower()
    if lower in _FUNCTION_WORDS or lower in _KIN:
        return True
    if lower in MODALS:
        return not _AGREES.match(after)
    if lower in role_words():
        # a role that is a surname too ("Head", "Mayor") is the role; a forename is someone's
        return not (name_word and is_forename(word))
    if name_word:
        return False
    if lower.endswith("ly") and lower[:-2] in english_words():
        return True  # an adverb
    if _ABSTRACT.search(lower) and len(lower) > 5:
        return True  # an abstract noun: attendance, lighting, engagement
    # a group ("Shopkeepers reckon"), not one ("Mittens is the lass who")
    return _plural(lower) and not _SINGULAR_VERB.match(after)


def person_subject(word: str, after: str, *, name_word: bool = False) -> bool:
    """``word`` is the subject of a predicate that belongs to a person, and is no word that
    stands there without naming anyone."""
    return person_predicate(after, bare=name_word) and not stands_without_naming(
        word, after, name_word=name_word
    )


# "… from the tyre place says": someone named by where they work or live, then what they do
_FROM_A_PLACE_THEN_ACTS = re.compile(
    r"\s+from\s+(?:the\s+)?(?:[a-z][\w'’-]*\s+){1,3}?(?:says|said|told|reckons|pays|gives|gave|"
    r"runs|ran|sells|sold|lets|let|drives|keeps|(?:is|was)\s+the|has\s+(?!been\b)[a-z]+)\b"
)


def from_a_place_then_acts(word: str, after: str) -> bool:
    """A word named by the place it comes from, then what a person does: "nell from the
    laundrette says", "Pip from the tyre place pays them"; never a plural, a role or a message
    ("staff from the school said", "feedback from the youth club was")."""
    lower = word.lower()
    if lower in _FUNCTION_WORDS or lower in role_words() or _plural(lower):
        return False
    if _ABSTRACT.search(lower) or lower in _MESSAGES:
        return False
    return bool(_FROM_A_PLACE_THEN_ACTS.match(after))


_MESSAGES = words(
    "feedback info information intel update news letter report email message support help "
    "advice evidence footage data someone somebody anyone anybody everyone nobody one "
    "contact referral request call text concern worry input word testimony statement account "
    "ash smoke dust litter rubbish noise light"
)
