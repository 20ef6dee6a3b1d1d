"""Sharing bases on the attendance and distribution lists: each person's basis beneath their
row, and the key that records an information-sharing agreement they signed (a small form: the
day, and the agreement's version or reference). Every change goes through the Meeting."""

from __future__ import annotations

from typing import Any

from textual.binding import Binding

from ctxtui.screens.forms import Field, FormScreen, Values

AGREEMENT_BINDING = Binding("s", "agreement", "Agreement signed", id="sharing.agreement")


def basis_note(screen: Any, person: Any) -> str:
    """ " · sharing: statutory partner" (or the agreement, or how to record one)."""
    basis = screen.meeting.basis(person)
    if basis.kind == "statutory":
        return " · sharing: statutory partner"
    if basis.kind == "agreement":
        return f" · sharing: agreement signed {basis.signed} ({basis.reference})"
    key = screen.with_keys("{sharing.agreement}")
    return f" · no sharing basis: {key} records a signed agreement"


def _standing(basis: Any) -> str:
    if basis.kind == "statutory":
        return "a statutory partner (an agreement is kept all the same)"
    if basis.kind == "agreement":
        return f"agreement signed {basis.signed} ({basis.reference}) recorded"
    return "not a statutory partner, and no agreement recorded yet"


def record_agreement(screen: Any, table: str) -> None:
    """Open the agreement form for the selected person of ``table`` (attendees or
    distribution); Done records it, undoably (both fields emptied takes it off)."""
    index = screen.selected()
    if index is None:
        screen.notify("Nobody here yet: add the person first.", timeout=4)
        return
    if screen.refused():
        return
    meeting = screen.meeting
    person = getattr(meeting.conference, table)[index]
    signed, reference = meeting.agreement_values(table, index)

    def file(values: Values) -> bool:
        def change() -> int:
            return meeting.record_agreement(table, index, values["signed"], values["reference"])

        done, count = screen.edit(change)
        if done:
            if values["signed"].strip():
                both = " (on both lists)" if count and count > 1 else ""
                screen.notify(f"Agreement recorded{both}: the minutes may go to them.", timeout=4)
            else:
                screen.notify("Agreement taken off. Ctrl+Z puts it back.", timeout=4)
        return done

    who = person.name or person.email or f"row {index + 1}"
    form = FormScreen(
        f"Information-sharing agreement signed by {who}",
        [
            Field("signed", "Signed on", "date", placeholder="YYYY-MM-DD"),
            Field("reference", "Version or reference"),
        ],
        {"signed": signed, "reference": reference},
        meeting=meeting,
        file=file,
        notes=[
            f"{person.agency or 'No agency'}: {_standing(meeting.basis(person))}.",
            "Empty both fields to take a recorded agreement off.",
        ],
    )
    screen.app.push_screen(form)


__all__ = ["AGREEMENT_BINDING", "basis_note", "record_agreement"]
