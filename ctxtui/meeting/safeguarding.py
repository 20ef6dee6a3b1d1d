"""The open record with the meeting's own safeguards: each person's sharing basis, checked
(and logged) before the minutes or the invitation go to anyone; the confidentiality reminder;
the recording and each point's offset into it. No UI.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ctxtui.core.catalogue import STATUTORY_PARTNERS
from ctxtui.core.recording import mark_of, points_filed
from ctxtui.core.sharing import Basis, Person, basis_of, counts, refusal, without_basis
from ctxtui.meeting.guarding import GuardedRecord
from ctxtui.meeting.safeguard_edits import PEOPLE
from ctxtui.storage import config

if TYPE_CHECKING:
    from ctxtui.core.record import Attendee, Recipient


class Safeguarded(GuardedRecord):
    """An open conference with its sharing bases, reminder and recording."""

    _reminder_late_told = False  # the chair is told once per meeting, not at every point

    # -- sharing

    def statutory_partners(self) -> tuple[str, ...]:
        """The service's list (config.toml's [sharing]) or else the catalogue's. A config file
        that cannot be read gives the catalogue's list here; sending says what is wrong."""
        try:
            configured = config.statutory_partners()
        except config.ConfigError:
            configured = None
        return STATUTORY_PARTNERS if configured is None else configured

    def basis(self, person: Person) -> Basis:
        return basis_of(person, self.statutory_partners())

    def check_sharing(self, people: Sequence[Person], what: str) -> None:
        """Refuse (SendError, one sentence) when anyone in ``people`` has no sharing basis;
        every check goes in the audit log, with counts and the refused addresses."""
        from ctxtui.mail.circulate import SendError  # smtplib: loaded when mail is sent

        try:
            configured = config.statutory_partners()
        except config.ConfigError as error:
            raise SendError(f"nothing was sent: {error}") from None
        partners = STATUTORY_PARTNERS if configured is None else configured
        missing = without_basis(people, partners)
        outcome = "refused " + ", ".join(p.email for p in missing) if missing else "passed"
        detail = f"{what}: {counts(people, partners)}: {outcome}"
        self.store.audit.record("sharing", self.conference.id, detail)
        if missing:
            sentence = refusal(missing, what)
            if self.editor.final:
                sentence += " (amend the final minutes first, Ctrl+O m, then finalise again)"
            raise SendError(sentence)

    def agreement_values(self, table: str, index: int) -> tuple[str, str]:
        """What the agreement form starts with: the day and reference recorded for this
        person, else no day and the service's usual reference (or the last one used here)."""
        rows: list[Attendee] | list[Recipient] = getattr(self.conference, table)
        if 0 <= index < len(rows) and rows[index].agreement_signed:
            return rows[index].agreement_signed, rows[index].agreement_reference
        try:
            usual = config.agreement_reference()
        except config.ConfigError:
            usual = ""
        people: list[Person] = [*self.conference.attendees, *self.conference.distribution]
        used = [p.agreement_reference for p in people if p.agreement_reference]
        return "", usual or (used[-1] if used else "")

    def record_agreement(
        self, table: str, index: int, signed: str, reference: str, *, amend_reason: str = ""
    ) -> int:
        """Record the information-sharing agreement a person signed (undoable); both empty
        takes it off. How many rows carry it (the same person on both lists). Final minutes
        are refused (Finalised) unless ``amend_reason`` is given: they are then amended for it,
        with that reason, and finalised again, so they stay final. Each change is an
        ``agreement`` line in the audit log (the row and its address, never the agreement)."""
        edits = self.editor.safeguards
        if self.editor.final and amend_reason:
            edits.check_agreement(table, index, signed, reference)  # refused: nothing amended
            self.editor.amend(f"Sharing agreement: {amend_reason}")
            self.store.audit.record("amend", self.conference.id)  # the reason is minute text
            count = edits.record_agreement(table, index, signed, reference)
            self.editor.finalise()
            self.store.audit.record("finalise", self.conference.id)
        else:
            count = edits.record_agreement(table, index, signed, reference)
        person: Person = getattr(self.conference, table)[index]
        address = f" <{person.email}>" if person.email else ""
        done = "recorded" if person.agreement_signed else "taken off"
        detail = f"{PEOPLE[table]} {index + 1}{address}: {done} ({count} row(s))"
        self.store.audit.record("agreement", self.conference.id, detail)
        return count

    def person_with(self, email: str) -> tuple[str, int] | None:
        """Where the person with this address is: (table, index), the attendance list first
        (an agreement recorded there reaches the distribution list too); None if nowhere."""
        wanted = email.strip().lower()
        for table in PEOPLE:
            rows: list[Person] = getattr(self.conference, table)
            for index, person in enumerate(rows):
                if wanted and person.email.strip().lower() == wanted:
                    return table, index
        return None

    # -- the confidentiality reminder

    def give_reminder(self) -> str:
        """Record that the chair read the confidentiality reminder, now (undoable)."""
        return self.editor.safeguards.give_reminder()

    def reminder_late(self) -> bool:
        """True once a meeting, when a point stands and the reminder was not yet given, on
        the conference day (or an undated one): the chair is told then, and not again at
        every point, nor when minutes are tidied on another day."""
        held = self.conference.dates.conference
        if (
            self._reminder_late_told
            or self.conference.confidentiality_reminder
            or not points_filed(self.conference)
            or (held and held != self.now().date().isoformat())
        ):
            return False
        self._reminder_late_told = True
        return True

    # -- the recording

    def start_or_stop_recording(self) -> str:
        """Start the recording, or stop it if it runs (undoable): "started" or "stopped"."""
        return self.editor.safeguards.start_or_stop_recording()

    def set_recording_reference(self, reference: str) -> None:
        self.editor.safeguards.set_recording_reference(reference)

    def point_offset(self, target: str, index: int) -> str:
        """Where the point at ``index`` under ``target`` stands in the recording ("" if it
        was filed while the meeting was not recorded)."""
        mark = mark_of(self.conference, target, index)
        return mark.offset if mark is not None else ""
