"""One heading's points, numbered, with privacy markers and the browsed point highlighted.

Display only: it never takes the focus. The capture line owns the keys (so a burst keeps its
order) and the screen redraws this list from the record after every change.
"""

from __future__ import annotations

from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from ..labels import TARGET_LABELS


def numbered_point(number: int, point: str, width: int, flag: str) -> Content:
    """A point with its number (and a privacy marker). Textual's own Content, not a Rich
    renderable: measuring hundreds of options for wrapping is several times quicker."""
    label = f"{flag}{number}." if flag else f"{number}."
    return Content.assemble((label.ljust(width), "bold reverse" if flag else "dim"), point)


class PointList(OptionList, can_focus=False):
    def __init__(self, target: str, **kwargs) -> None:
        super().__init__(**kwargs)
        self.target = target
        self.flagged: set[int] = set()
        self.border_title = TARGET_LABELS[target]

    def show(
        self,
        points: list[str],
        highlight: int | None = None,
        flagged: set[int] | frozenset[int] = frozenset(),
        marker: str = "!",
    ) -> None:
        """Redraw from the record; keep the highlight near where it was. Points whose index is
        in ``flagged`` carry the privacy marker."""
        old = self.highlighted
        self.flagged = set(flagged)
        self.clear_options()
        width = len(str(len(points))) + 2 + len(marker)
        self.add_options(
            Option(numbered_point(n, point, width, marker if n - 1 in flagged else ""))
            for n, point in enumerate(points, 1)
        )
        self.border_subtitle = f"{len(points)}"
        if points:
            wanted = highlight if highlight is not None else (old if old is not None else 0)
            self.highlighted = max(0, min(wanted, len(points) - 1))

    def mark(self, index: int | None) -> None:
        """Show ``index`` as the browsed point (None: nothing browsed here)."""
        self.set_class(index is not None, "-browsed")
        if index is not None and self.option_count:
            self.highlighted = max(0, min(index, self.option_count - 1))
            self.scroll_to_highlight()
