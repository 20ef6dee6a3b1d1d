"""One heading's points as a list the chair can move through, edit, delete, reorder and move."""

from __future__ import annotations

from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from ..editing import TARGET_LABELS


def numbered_point(number: int, point: str, width: int, flag: str) -> Content:
    """A point with its number (and a privacy marker). Textual's own Content, not a Rich
    renderable: measuring hundreds of options for wrapping is several times quicker."""
    label = f"{flag}{number}." if flag else f"{number}."
    return Content.assemble((label.ljust(width), "bold reverse" if flag else "dim"), point)


class PointList(OptionList):
    """Points under one capture target. Keys act on the highlighted point; the screen does the
    change (through the editor) and redraws, so this widget only says what was asked."""

    HELP_GROUP = "List of points"
    BINDINGS = [
        Binding("enter,e", "request('edit')", "Edit point", id="points.edit"),
        Binding("delete,d,backspace", "request('delete')", "Delete point", id="points.delete"),
        Binding("z,ctrl+z", "screen.undo", "Undo delete", id="points.undo"),
        Binding(
            "shift+up,left_square_bracket",
            "request('up')",
            "Move point up",
            id="points.up",
            show=False,
        ),
        Binding(
            "shift+down,right_square_bracket",
            "request('down')",
            "Move point down",
            id="points.down",
            show=False,
        ),
        Binding("m", "request('move')", "Move to heading", id="points.move"),
        Binding("p", "request('plan')", "Plan row from point", id="points.plan"),
        Binding("x", "request('dismiss')", "Dismiss privacy flag", id="points.dismiss"),
        Binding("left", "screen.switch_pane(-1)", "Previous heading", id="points.prev", show=False),
        Binding("right", "screen.switch_pane(1)", "Next heading", id="points.next", show=False),
        Binding("escape,i,tab", "screen.focus_capture", "Back to typing", id="points.type"),
    ]

    class Requested(Message):
        def __init__(self, points: PointList, what: str, index: int) -> None:
            super().__init__()
            self.points = points
            self.what = what
            self.index = index

    def __init__(self, target: str, **kwargs) -> None:
        super().__init__(**kwargs)
        self.target = target
        self.flagged: set[int] = set()
        self.border_title = TARGET_LABELS[target]

    def show(
        self,
        points: list[str],
        highlight: int | None = None,
        flagged: set[int] = frozenset(),
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

    def action_request(self, what: str) -> None:
        if self.highlighted is not None and self.option_count:
            self.post_message(self.Requested(self, what, self.highlighted))
