"""Key events as a terminal (and Textual's Pilot) makes them, from public names only."""

from __future__ import annotations

import unicodedata

from textual import events
from textual.keys import ASCII_KEY_NAMES, KEY_NAME_REPLACEMENTS, REPLACED_KEYS, key_to_character


def key_name(character: str) -> str:
    """The key Textual names for a typed character ("." -> "full_stop", "a" -> "a")."""
    if character.isalnum():
        return character
    try:
        name = unicodedata.name(character).lower().replace("-", "_").replace(" ", "_")
    except ValueError:
        name = ASCII_KEY_NAMES.get(character, character)
    return KEY_NAME_REPLACEMENTS.get(name, name)


def key_event(key: str) -> events.Key:
    """The event Pilot makes for ``key`` (a key name, or a single character)."""
    if len(key) == 1 and not key.isalnum():
        key = key_name(key)
    character = key_to_character(REPLACED_KEYS.get(key, key))
    return events.Key(key, character)
