"""Identifiers read out a character at a time and typed as heard: "oh seven seven double oh,
nine hundred, …", "delta kilo four two …", "kay em two seven …". A run of digits, the
words for digits, letters' names and the phonetic alphabet is spelt out, then read as a phone,
NHS or National Insurance number or a registration. Pure functions."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ctxtui.guard.hits import Hit
from ctxtui.guard.identifiers import NHS_SAID, NI, nhs_valid

_DIGITS = {
    **{"zero": "0", "oh": "0", "nought": "0", "nil": "0", "one": "1", "two": "2", "three": "3"},
    **{"four": "4", "five": "5", "six": "6", "seven": "7", "eight": "8", "nine": "9"},
}
_LETTER_NAMES = {
    **{"ay": "a", "bee": "b", "see": "c", "cee": "c", "dee": "d", "ee": "e", "eff": "f"},
    **{"gee": "g", "aitch": "h", "haitch": "h", "eye": "i", "jay": "j", "kay": "k", "el": "l"},
    "ell": "l",
    **{"em": "m", "en": "n", "pee": "p", "cue": "q", "queue": "q", "ar": "r", "ess": "s"},
    **{"tee": "t", "you": "u", "vee": "v", "ex": "x", "why": "y", "zed": "z", "zee": "z"},
}
_PHONETIC = {
    **{"alpha": "a", "alfa": "a", "bravo": "b", "charlie": "c", "delta": "d", "echo": "e"},
    **{"foxtrot": "f", "golf": "g", "hotel": "h", "india": "i", "juliet": "j", "juliett": "j"},
    **{"kilo": "k", "lima": "l", "mike": "m", "november": "n", "oscar": "o", "papa": "p"},
    **{"quebec": "q", "romeo": "r", "sierra": "s", "tango": "t", "uniform": "u"},
    **{"victor": "v", "whiskey": "w", "whisky": "w", "xray": "x", "x-ray": "x", "yankee": "y"},
    "zulu": "z",
}
_SAID = {**_DIGITS, **_LETTER_NAMES, **_PHONETIC}
_REPEAT = {"double": 2, "triple": 3}
_TOKEN = re.compile(
    r"\d+|x-ray|" + "|".join(sorted({*_SAID, *_REPEAT, "hundred", "thousand"}, key=len)[::-1]),
    re.I,
)
# a run of such tokens, a space, comma, full stop or dash apart
_RUN = re.compile(
    rf"(?<![\w-])(?:{_TOKEN.pattern})(?:[\s,.-]+(?:{_TOKEN.pattern}))+(?![\w-])",
    re.I,
)
_PLATE = re.compile(r"[a-z]{2}\d{2}[a-z]{3}")


def _spelt(run: str) -> str:
    """The characters a run of tokens says: "double oh" is "00", "nine hundred" is "900"."""
    out: list[str] = []
    repeat = 1
    for token in _TOKEN.findall(run.lower()):
        if token in _REPEAT:
            repeat = _REPEAT[token]
        elif token in ("hundred", "thousand"):
            out.append("00" if token == "hundred" else "000")
        else:
            out.append((token if token.isdigit() else _SAID[token]) * repeat)
            repeat = 1
    return "".join(out)


def read_out(text: str) -> Iterator[Hit]:
    """Phone, NHS and National Insurance numbers and registrations read out and typed so."""
    for match in _RUN.finditer(text):
        run = match.group(0)
        if run.replace(" ", "").isdigit() or len(_TOKEN.findall(run)) < 4:
            continue  # digits alone are the other finders' to read
        said = _spelt(run)
        before = text[max(0, match.start() - 40) : match.start()]
        if not (_PLATE.fullmatch(said) or NI.fullmatch(said)):  # "oh ess two six…": O, not 0
            letters = _spelt(re.sub(r"(?i)\boh\b", "oscar", run))
            said = letters if _PLATE.fullmatch(letters) or NI.fullmatch(letters) else said
        if len(said) == 11 and said.startswith("0") and said.isdigit():
            yield Hit("phone", run, match.start(), match.end())
        elif len(said) == 10 and said.isdigit() and (nhs_valid(said) or NHS_SAID.search(before)):
            yield Hit("nhs_number", run, match.start(), match.end())
        elif NI.fullmatch(said) or re.fullmatch(r"[a-z]{2}\d{6}[a-d]", said):
            yield Hit("ni_number", run, match.start(), match.end())
        elif _PLATE.fullmatch(said):
            yield Hit("vehicle", run, match.start(), match.end())
