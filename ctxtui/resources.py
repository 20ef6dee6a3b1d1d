"""Files shipped with the package."""

from __future__ import annotations

from pathlib import Path

_HERE = Path(__file__).resolve().parent
# The wheel ships ``styles/`` as ``ctxtui/styles``; in a source tree it sits beside ctxtui.
STYLES = _HERE / "styles" if (_HERE / "styles").is_dir() else _HERE.parent / "styles"


def style(name: str) -> Path:
    """One of the ``.tcss`` files (the app loads the first screens' styles; forms and the board
    load their own as they open)."""
    return STYLES / f"{name}.tcss"
