"""Keys rebound by binding id (``[keymap]`` in config.toml), and the one way keys are named.

Every key the app acts on is a Binding with an id, listed where it works: Textual applies the
keymap to the bindings it dispatches, the capture line looks its own keys up through
``keys_of``, and help, key line and titles name keys with ``key_display``, so a rebound key is
rebound everywhere at once.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence

from textual.binding import Binding
from textual.keys import KEY_NAME_REPLACEMENTS

Keymap = Mapping[str, str]
_SHOWN_AS = {
    "question_mark": "?",
    "left_square_bracket": "[",
    "right_square_bracket": "]",
    "left": "←",
    "right": "→",
    "up": "↑",
    "down": "↓",
}


def normalise(keys: str) -> str:
    """Keys as Textual names them: "Ctrl+N, ?" -> "ctrl+n,question_mark"."""
    names = []
    for key in keys.split(","):
        key = key.strip()
        if len(key) == 1 and not key.isalnum():
            name = unicodedata.name(key, key).lower().replace("-", "_").replace(" ", "_")
            key = KEY_NAME_REPLACEMENTS.get(name, name)
        elif len(key) > 1:
            key = key.lower()
        if key:
            names.append(key)
    return ",".join(names)


def keys_of(binding: Binding, keymap: Keymap) -> list[str]:
    """The keys ``binding`` answers to, the keymap applied."""
    chosen = keymap.get(binding.id, binding.key) if binding.id else binding.key
    return [key for key in normalise(chosen).split(",") if key]


def key_display(binding: Binding, keymap: Keymap) -> str:
    """ "Ctrl+T" / "Enter" / "?" – as the help, the key line and the titles show a key."""
    names = []
    for key in keys_of(binding, keymap):
        *modifiers, last = key.split("+")
        last = _SHOWN_AS.get(last, last)
        last = last.capitalize() if len(last) > 1 else last.upper() if modifiers else last
        names.append("+".join([*(m.capitalize() for m in modifiers), last]))
    return " / ".join(names)


def clashes(scopes: Mapping[str, Sequence[Binding]], keymap: Keymap) -> list[str]:
    """One sentence per key the keymap gives to two bindings that work at the same time (in
    one scope: a screen with the app's keys, a widget, one mode of the capture line)."""
    sentences = []
    for scope, bindings in scopes.items():
        holder: dict[str, str] = {}
        for binding in bindings:
            ident = binding.id or binding.action
            for key in keys_of(binding, keymap):
                other = holder.setdefault(key, ident)
                moved = binding.id in keymap or other in keymap
                if other != ident and moved:
                    sentences.append(f"{key} would be both {other} and {ident} ({scope})")
    return sorted(set(sentences))


def unknown(ids: Iterable[str], keymap: Keymap) -> list[str]:
    known = set(ids)
    return sorted(ident for ident in keymap if ident not in known)


def declared_bindings(cls: type, attribute: str = "BINDINGS") -> list[Binding]:
    """Bindings declared by ctxtui's own classes (not Textual's defaults), nearest first."""
    found: list[Binding] = []
    for klass in cls.__mro__:
        if klass.__module__.startswith("ctxtui") and attribute in klass.__dict__:
            found += [b for b in klass.__dict__[attribute] if isinstance(b, Binding)]
    return found


_PLACE = re.compile(r"\{([a-z_]+\.[a-z_]+)\}")


def with_keys(text: str, bindings: Iterable[object], keymap: Keymap) -> str:
    """``text`` with each ``{binding id}`` replaced by the first key that binding answers to
    ("{table.add}: add" -> "a: add"): titles and hints never spell a key by hand."""
    by_id = {b.id: b for b in bindings if isinstance(b, Binding) and b.id}

    def first_key(match: re.Match[str]) -> str:
        binding = by_id[match[1]]
        first = keys_of(binding, keymap)[0]
        return key_display(Binding(first, binding.action), keymap)

    return _PLACE.sub(first_key, text)
