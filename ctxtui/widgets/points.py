"""One heading's points, numbered, with privacy markers and the browsed point highlighted.

Display only: it never takes the focus. The capture line owns the keys (so a burst keeps its
order) and the screen redraws this list from the record after every change.
"""

from __future__ import annotations

from textual.content import Content
from textual.widgets.option_list import Option

from ctxtui.core.labels import TARGET_LABELS
from ctxtui.widgets.lists import Options


def numbered_point(number: int, point: str, width: int, flag: str) -> Content:
    """A point with its number (and a privacy marker). Textual's own Content, not a Rich
    renderable: measuring hundreds of options for wrapping is several times quicker."""
    label = f"{flag}{number}." if flag else f"{number}."
    return Content.assemble((label.ljust(width), "bold reverse" if flag else "dim"), point)


class PointList(Options, can_focus=False):
    """Holds options for a window of points around the one in view (twice as many as the pane
    has lines, once it has a size), not for all of them: a list lays out every option it
    holds, and 300 points would cost the first frame tens of milliseconds for lines nobody
    sees. ``point`` is the point in view.

    A list may be shown, marked and filled before it is mounted (the screen mounts a heading's
    list when it first shows): it then keeps what it was given and lays it out as it shows."""

    def __init__(self, target: str, **kwargs) -> None:
        super().__init__(**kwargs)
        self.target = target
        self.flagged: set[int] = set()
        self.border_title = TARGET_LABELS[target]
        self.points: list[str] = []
        self.marker = "!"
        self.first = 0  # the point the first option shows
        self.point = 0
        self.stale = False  # points changed while the pane was hidden: filled once it shows

    def show(
        self,
        points: list[str],
        highlight: int | None = None,
        flagged: set[int] | frozenset[int] = frozenset(),
        marker: str = "!",
    ) -> None:
        """Redraw from the record; keep the highlight near where it was. Points whose index is
        in ``flagged`` carry the privacy marker."""
        first_showing = not self.points
        self.points, self.flagged, self.marker = points, set(flagged), marker
        if highlight is not None:
            wanted = highlight
        else:  # first shown: the newest point, the one the chair is adding to, is in view
            wanted = len(points) - 1 if first_showing else self.point
        self.point = max(0, min(wanted, len(points) - 1))
        self.border_subtitle = f"{len(points)}"
        if self.is_attached and self.display:
            self._fill(self.point)
        else:  # a heading not on screen (one at a time on a narrow screen): laid out as it shows
            self.stale = True

    def set_current(self, current: bool) -> None:
        """Shown as the heading the capture line files into (or browses)."""
        self._set_mark_class(current, "-current")

    @property
    def window(self) -> int:
        return 2 * max(self.size.height, 6)

    def on_resize(self) -> None:
        if self.stale or self.option_count < min(self.window, len(self.points)):
            self._fill(self.point)  # shown at last, or taller
        # a window resized, or a flag line taking a row: the point in view stays in view
        self.call_after_refresh(self.scroll_to_highlight)

    def _fill(self, around: int) -> None:
        points, window = self.points, self.window
        self.stale = False
        self.first = max(0, min(around - window // 2, len(points) - window))
        width = len(str(len(points))) + 2 + len(self.marker)
        self.clear_options()
        self.add_options(
            Option(numbered_point(n, point, width, self.marker if n - 1 in self.flagged else ""))
            for n, point in enumerate(points[self.first : self.first + window], self.first + 1)
        )
        if points:
            self.highlighted = around - self.first

    def mark(self, index: int | None) -> None:
        """Show ``index`` as the browsed point (None: nothing browsed here)."""
        self._set_mark_class(index is not None, "-browsed")
        if index is not None and self.points:
            self.point = max(0, min(index, len(self.points) - 1))
            if self.stale:
                return  # not on screen: laid out around the point as it shows
            if not self.first <= self.point < self.first + self.option_count:
                self._fill(self.point)
            self.highlighted = self.point - self.first
            self.scroll_to_highlight()

    def _set_mark_class(self, on: bool, name: str) -> None:
        # not yet in the screen: styled once, as it is mounted, not now as well
        self.set_class(on, name, update=self.is_attached)
