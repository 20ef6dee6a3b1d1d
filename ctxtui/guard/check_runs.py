"""How the names check's words make runs: a list of names ("Hazel, Jaylen and Ruby"), one name
of several words ("Ilir Dervishi"), or a place or organisation ("Kestrel Road", "St Ebba's").
Pure functions over the check's words (``Token``s, in order)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ctxtui.guard.name_positions import Token, a_business_run, a_given_name_shape, a_verb_here
from ctxtui.guard.subjects import is_function_word
from ctxtui.guard.word_lists import place_words

_LIST_JOIN = re.compile(r"^\s*(?:,|and\b|&|or\b|\+|/)\s*$", re.I)


def run_end(text: str, words: Sequence[Token], n: int) -> int:
    """Where the run of capitalised words holding word ``n`` ends."""
    while (
        n + 1 < len(words)
        and words[n + 1].text[0].isupper()
        and text[words[n].end : words[n + 1].start] == " "
    ):
        n += 1
    return words[n].end


def names_in_lists(text: str, words: Sequence[Token], asked: list[bool]) -> None:
    """In "Hazel, Jaylen and Ruby", once one item of a list is asked, every item that is a
    forename or surname is."""
    for n in range(len(words) - 1):
        joined = text[words[n].end : words[n + 1].start].strip()
        pair = (n, n + 1)
        if words[n + 1].text in ("and", "n") and n + 2 < len(words):
            pair, joined = (n, n + 2), words[n + 1].text  # "ivy and wren", in lower case
            if text[words[n].end : words[n + 2].start] != f" {joined} " or not (
                words[n].text.islower() and words[n + 2].text.islower()
            ):
                continue
        elif not _LIST_JOIN.match(text[words[n].end : words[n + 1].start]):
            continue
        if any(asked[i] for i in pair):
            for i in pair:
                # "Hazel and Ruby"; typed in a hurry, "wren + lark", "ivy and wren"
                if (
                    words[i].kind == "word_name"
                    and not is_function_word(words[i].text)  # "Hazel, an older girl"
                    and (words[i].text[0].isupper() or joined in ("+", "&", "/", ",", "and", "n"))
                ):
                    asked[i] = True


def joins(text: str, words: Sequence[Token], a: int, b: int, asked: list[bool]) -> bool:
    """Whether two neighbouring words belong to one name: capitalised, one space apart, and
    both asked, or one of them a forename or surname."""
    left, right = words[a], words[b]
    if text[left.end : right.start] != " " or text[left.end : left.end + 2] in ("'s", "’s"):
        return False
    if not (left.text[0].isupper() and right.text[0].isupper()):
        return False
    return (asked[a] or left.kind in ("name", "word_name")) and (
        asked[b] or right.kind in ("name", "word_name")
    )


def place_run(text: str, words: Sequence[Token], first: int, last: int) -> bool:
    """ "Kestrel Road", "St Ebba's", "the Amberley Youth Hub": a place or organisation, not
    a person. A place word ends the run, or comes after it among capitalised words (or as the
    first word in lower case after it)."""
    if any(a_given_name_shape(w.text) for w in words[first : last + 1]):
        return False  # "Ha-eun Park"
    if a_business_run([w.text for w in words[first : last + 1]]):
        return True
    if last > first and words[last].text.lower() in place_words():
        return True
    i = last
    after = words[last + 1] if last + 1 < len(words) else None
    if (
        after
        and text[words[last].end : after.start] in ("'s ", "’s ")
        and after.text[0].isupper()
        and after.text.lower() in place_words()
    ):
        return True  # "Lord Alder's Meadow", "Ferris's Yard"
    while i + 1 < len(words) and text[words[i].end : words[i + 1].start] in (" ", " of "):
        following = words[i + 1]
        if following.text.lower() in place_words():
            # "Ardley close" is a place; "Ardley stores the bags" a person doing something
            return following.text[0].isupper() or not a_verb_here(
                following.text.lower(), text[following.end :]
            )
        if not following.text[0].isupper():
            break
        i += 1
    before = text[max(0, words[first].start - 8) : words[first].start]
    return bool(re.search(r"\b(?:St|Saint|Mount|Fort|Port|Cape)\.?\s+$", before))
