"""Files shipped with the package."""

from __future__ import annotations

from pathlib import Path

_HERE = Path(__file__).resolve().parent
# The wheel ships ``styles/`` as ``ctxtui/styles``; in a source tree it sits beside ctxtui.
STYLES = _HERE / "styles" if (_HERE / "styles").is_dir() else _HERE.parent / "styles"


# Every style sheet: the app's, then one per kind of screen (each screen names its own); and the
# plain ASCII borders, loaded only where box drawing cannot show.
STYLE_SHEETS = ("app", "conference", "lists", "board", "dialogs", "forms")
ASCII_STYLE_SHEET = "ascii"


def style(name: str) -> Path:
    """One of the ``.tcss`` files."""
    return STYLES / f"{name}.tcss"
