"""One form base for every form and text dialog, driven by a table of fields.

Keys arrive in bursts over SSH; the app hands them out one at a time, each handled to its end
(``widgets/keyqueue.py``), so nothing here waits for keys. Tab, Shift+Tab and Enter are
priority bindings so that they move between fields from a text box too (where they would
otherwise be typed).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from rich.text import Text
from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widget import Widget
from textual.widgets import Input, Label, Select, Static, TextArea

from ctxtui.core.validation import typed_value_problem
from ctxtui.guard.privacy import Hit
from ctxtui.meeting.meeting import Meeting, flag_sentence
from ctxtui.resources import style
from ctxtui.screens.base import run_change, undo_or_redo
from ctxtui.widgets.fields import ChoiceField, FieldInput
from ctxtui.widgets.host import host
from ctxtui.widgets.keyhints import KeyHints

Values = dict[str, str]


@dataclass(frozen=True)
class Field:
    """One row of a form. ``kind``: text, choice (from ``choices``), date or time."""

    name: str
    label: str
    kind: str = "text"
    choices: tuple[str, ...] = ()
    suggestions: tuple[str, ...] = ()  # offered as you type; Ctrl+L lists them
    pick_title: str = ""
    placeholder: str = ""


class FormScreen(ModalScreen[Values | None]):
    """Fields from a table; Done returns (or files) their values, Escape cancels.

    ``file``, when given, puts the values into the record and says whether that worked; the
    form then also holds a draft with the meeting, so a hang-up or quit files what was typed.
    """

    CSS_PATH = [style("dialogs"), style("forms")]
    HELP_GROUP = "Form"
    HINT = "Enter/Tab: next field · Space: open a list · Ctrl+S: done · Esc: cancel"
    ENTER_ON_LAST_IS_DONE = True
    BINDINGS = [
        Binding("tab", "next_field", "Next field", id="form.next", priority=True, show=False),
        Binding(
            "shift+tab",
            "previous_field",
            "Previous field",
            id="form.previous",
            priority=True,
            show=False,
        ),
        Binding("enter", "enter", "Next field", id="form.enter", priority=True, show=False),
        Binding("ctrl+s", "done", "Done", id="form.done", priority=True),
        Binding("ctrl+l", "pick", "Pick from a list", id="form.pick"),
        Binding("escape", "cancel", "Cancel", id="form.cancel", priority=True),
        Binding("f9", "dismiss_flags", "Dismiss privacy flag", id="form.dismiss", show=False),
    ]

    def __init__(
        self,
        title: str,
        fields: list[Field],
        values: Values | None = None,
        *,
        meeting: Meeting | None = None,
        file: Callable[[Values], bool] | None = None,
        notes: list[str] | None = None,
        guarded: Iterable[str] = (),
    ) -> None:
        super().__init__()
        self.guarded = frozenset(guarded)  # the fields the privacy guard reads as typed
        self.title_text = title
        self.fields = fields
        self.initial = {f.name: (values or {}).get(f.name, "") for f in fields}
        self.meeting = meeting
        self.file = file
        self.notes = notes or []
        self.first_field: str | None = None
        self.at_start: Values = dict(self.initial)  # what the fields show before any key
        self._filed = False

    # -- layout

    def compose(self) -> ComposeResult:
        with Vertical(id="form-box", classes="dialog form"):
            yield Label(Text(self.title_text, style="bold"), classes="dialog-title")
            if self.notes:
                with VerticalScroll(classes="details"):
                    yield Static(Text("\n".join(self.notes)))
            with VerticalScroll(id="form", can_focus=False):
                for field in self.fields:
                    with Horizontal(classes="field-row"):
                        yield Label(field.label, classes="field-label")
                        yield self._widget(field)
                    yield Static("", id=f"{field.name}-note", classes="field-note")
            yield Static(id="pick-hint")
            yield Label(self.HINT, classes="hint")
        yield KeyHints()

    def _widget(self, field: Field) -> Widget:
        value = self.initial[field.name]
        if field.kind == "choice":
            return ChoiceField(field.choices, value, id=field.name)
        if field.kind == "lines":
            return TextArea(value, soft_wrap=True, show_line_numbers=False, id=field.name)
        suggester = (
            SuggestFromList(field.suggestions, case_sensitive=False) if field.suggestions else None
        )
        return FieldInput(value, id=field.name, suggester=suggester, placeholder=field.placeholder)

    # Textual calls each class's message handlers in turn, base classes included: subclasses
    # add their own ``on_mount`` or ``on_input_changed`` without calling these.
    def on_mount(self) -> None:
        self.at_start = self.values()  # with each drop-down's shown choice
        self.field(self.first_field or self.fields[0].name).focus()
        for field in self.fields:
            if field.name in self.guarded:
                self.show_note(field.name, self._flags(field.name, self.initial[field.name]))
        if self.meeting is not None and self.file is not None:
            self.meeting.hold_draft(self, self.file_draft)

    def on_unmount(self) -> None:
        if self.meeting is not None:
            self.meeting.drop_draft(self)

    # -- values

    def field(self, name: str) -> Widget:
        return self.query_one(f"#{name}")

    def values(self) -> Values:
        out: Values = {}
        for f in self.fields:
            widget = self.field(f.name)
            if isinstance(widget, TextArea):
                out[f.name] = widget.text
            else:
                out[f.name] = str(widget.value) if isinstance(widget, Select | Input) else ""
        return out

    def problems(self, values: Values) -> dict[str, str]:
        found = {f.name: typed_value_problem(f.kind, values[f.name].strip()) for f in self.fields}
        return {name: problem for name, problem in found.items() if problem}

    def on_input_changed(self, event: Input.Changed) -> None:
        kind = next((f.kind for f in self.fields if f.name == event.input.id), "text")
        problem = typed_value_problem(kind, event.value.strip())
        name = event.input.id or ""
        self.show_note(name, problem or self._flags(name, event.value))
        event.input.set_class(bool(problem), "-invalid")

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        name = event.text_area.id or ""
        if any(f.name == name for f in self.fields):
            self.show_note(name, self._flags(name, event.text_area.text))

    # -- the privacy guard, field by field

    def guard(self) -> Meeting | None:
        """The meeting whose attendees and dismissed flags the guard reads (None: no guard)."""
        return self.meeting

    def _hits(self, name: str, text: str) -> list[Hit]:
        meeting = self.guard()
        if meeting is None or name not in self.guarded or not text.strip():
            return []
        return meeting.open_hits(text)

    def _flags(self, name: str, text: str) -> str | None:
        hits = self._hits(name, text)
        return f"{host(self).symbols['flag']} {flag_sentence(hits, 'F9')}" if hits else None

    def action_dismiss_flags(self) -> None:
        meeting, focused = self.guard(), self.focused
        field = next((f for f in self.fields if focused and f.name == focused.id), None)
        text = (
            focused.text
            if isinstance(focused, TextArea)
            else str(focused.value)
            if isinstance(focused, Input)
            else ""
        )
        hits = self._hits(field.name, text) if field else []
        if meeting is None or field is None or not hits:
            self.notify("Nothing in this field is flagged.", timeout=3)
            return
        if run_change(self, lambda: meeting.dismiss_flags([h.key for h in hits]))[0]:
            self.show_note(field.name, None)
            self.notify("Flag dismissed: the text stays as it is.", timeout=3)

    def show_note(self, name: str, note: str | None) -> None:
        widget = self.query_one(f"#{name}-note", Static)
        widget.update(Text(note or ""))
        widget.set_class(bool(note), "-shown")

    def on_descendant_focus(self, event) -> None:
        field = next((f for f in self.fields if f.name == event.widget.id), None)
        hint = f"Ctrl+L: {field.pick_title.lower()}" if field and field.pick_title else ""
        self.query_one("#pick-hint", Static).update(hint)

    # -- keys that move between fields: priority, so they act in the order typed

    def field_widgets(self) -> list[Widget]:
        return [self.field(f.name) for f in self.fields]

    def _list_open(self) -> bool:
        """An open drop-down list has Enter, Escape and the arrows."""
        return any(isinstance(w, Select) and w.expanded for w in self.field_widgets())

    def _step(self, delta: int) -> None:
        """Tab and Shift+Tab go round the fields and nowhere else."""
        widgets = self.field_widgets()
        here = widgets.index(self.focused) if self.focused in widgets else -delta
        widgets[(here + delta) % len(widgets)].focus()

    def action_next_field(self) -> None:
        if self._list_open():
            raise SkipAction()
        self._step(1)

    def action_previous_field(self) -> None:
        if self._list_open():
            raise SkipAction()
        self._step(-1)

    async def action_enter(self) -> None:
        focused = self.focused
        if self._list_open() or not isinstance(focused, Input | Select):
            raise SkipAction()  # an open list picks; a text box takes a new line
        texts = list(self.query(Input))
        last = focused is self.field_widgets()[-1] or (bool(texts) and focused is texts[-1])
        if self.ENTER_ON_LAST_IS_DONE and last:
            await self.action_done()
        else:
            self._step(1)

    async def action_done(self) -> None:
        values = self.values()
        if self.file is not None and values == self.at_start:
            new = not any(self.initial.values())
            self.notify("Nothing was typed, so nothing was added." if new else "Nothing changed.")
            self.dismiss(None)
            return
        problems = self.problems(values)
        if problems:
            for name, problem in problems.items():
                self.show_note(name, problem)
            self.field(next(iter(problems))).focus()
            return
        if self.file is not None:
            if not self.file(values):
                return
            self._filed = True
        self.dismiss(values)

    async def action_cancel(self) -> None:
        if self._list_open():
            raise SkipAction()  # Escape closes the open drop-down list
        if self.file is None or self.values() == self.at_start:
            self.dismiss(None)
            return
        from ctxtui.screens.dialogs import ChoiceDialog

        def chosen(answer: str | None) -> None:
            if answer == "save":
                self.run_worker(self.action_done(), exclusive=True)
            elif answer == "discard":
                self.dismiss(None)

        entries = [
            ("s", "Save what was typed", "save"),
            ("d", "Discard it", "discard"),
            ("b", "Back to the form", "back"),
        ]
        self.app.push_screen(ChoiceDialog("Leave this form? It is not saved.", entries), chosen)

    def file_draft(self) -> None:
        """File what the form holds, if anything was typed (hang-up, quit)."""
        values = self.values()
        if self.file is None or self._filed or values == self.at_start or self.problems(values):
            return
        self._filed = self.file(values)

    def action_pick(self) -> None:
        from ctxtui.screens.dialogs import ChoiceDialog

        focused = self.focused
        field = next((f for f in self.fields if focused and f.name == focused.id), None)
        if field is None or not field.pick_title or not isinstance(focused, Input):
            self.notify("There is no list to pick from for this field.")
            return
        options = field.suggestions

        def chosen(key: str | None) -> None:
            if key is not None:
                focused.value = options[int(key)]
                focused.cursor_position = len(focused.value)
            focused.focus()

        entries = [(None, option, str(i)) for i, option in enumerate(options)]
        self.app.push_screen(ChoiceDialog(field.pick_title, entries, numbered=True), chosen)


class LiveForm(FormScreen):
    """A form whose fields are kept in the record as they are typed (details, discussion):
    Escape and Ctrl+S go back, Ctrl+Z and Ctrl+R undo and redo and show the fields again.
    Subclasses apply a changed field and say what each field shows (``value_of``)."""

    HINT = "Kept as you type · Enter or Tab: next field · Escape: back · Ctrl+Z: undo"
    ENTER_ON_LAST_IS_DONE = False
    BINDINGS = [
        Binding("ctrl+z", "undo", "Undo", id="live.undo"),
        Binding("ctrl+r", "redo", "Redo", id="live.redo", show=False),
        Binding("escape", "cancel", "Back", id="live.back", priority=True),
    ]

    def __init__(
        self, title: str, fields: list[Field], meeting: Meeting, guarded: Iterable[str] = ()
    ) -> None:
        super().__init__(title, fields, {f.name: "" for f in fields}, guarded=guarded)
        self.meeting_edited = meeting
        self.initial = {f.name: self.value_of(f.name) for f in fields}
        self.add_class("-full")

    def value_of(self, name: str) -> str:
        raise NotImplementedError

    def put_back(self, name: str, value: str) -> None:
        """Keep ``value`` in field ``name`` again (what it held when the form opened); forms
        whose fields can hold something they cannot keep do it through the record at once."""
        widget = self.field(name)
        if isinstance(widget, Input):
            widget.value = value

    def guard(self) -> Meeting | None:
        return self.meeting_edited

    def apply(self, change: Callable[[], object]) -> None:
        """One change through the one path (a refusal becomes a notice)."""
        run_change(self, change)

    def action_undo(self) -> None:
        if undo_or_redo(self, self.meeting_edited):
            self.show_values()

    def action_redo(self) -> None:
        if undo_or_redo(self, self.meeting_edited, redo=True):
            self.show_values()

    def show_values(self) -> None:
        """Every field as the record now has it (after an undo, say)."""
        with self.prevent(Input.Changed, Select.Changed, TextArea.Changed):
            for f in self.fields:
                widget = self.field(f.name)
                if isinstance(widget, TextArea):
                    widget.text = self.value_of(f.name)
                elif isinstance(widget, Input | Select):
                    widget.value = self.value_of(f.name)

    async def action_done(self) -> None:
        """Back to the minutes; a field that holds something it cannot keep asks first (its
        text stays visible until then, and what it held before is offered back)."""
        problems = self.problems(self.values())
        if not problems:
            self.dismiss(None)
            return
        from ctxtui.screens.dialogs import ChoiceDialog

        name, problem = next(iter(problems.items()))
        label = next(f.label for f in self.fields if f.name == name)
        before = self.initial[name]

        def chosen(answer: str | None) -> None:
            if answer == "restore":
                self.put_back(name, before)
                self.dismiss(None)
            else:
                self.field(name).focus()

        entries = [
            ("b", f"Back to {label} to put it right", "back"),
            ("r", f"Put back what it held: {before or '(empty)'}", "restore"),
        ]
        self.app.push_screen(ChoiceDialog(f"{label}: {problem}", entries), chosen)

    async def action_cancel(self) -> None:
        await self.action_done()
