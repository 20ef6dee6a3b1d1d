"""The open record under the privacy guard: the flags in each text (scans cached by text),
the flags the chair dismissed that still hold, the names check and the chair's answers to it.

The guard's code loads when first asked, not before the first frame. No UI.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from ctxtui.core.rules import Refused
from ctxtui.meeting.changes import RecordChanges
from ctxtui.storage.audit import current_user

if TYPE_CHECKING:
    from ctxtui.guard.privacy import Finding, Hit


def describe_place(finding: Finding) -> str:
    """Where a finding stands: "danger statement", "concerns #3"."""
    if finding.section == "danger_statement":
        return "danger statement"
    return f"{finding.section.replace('_', ' ')} #{finding.index + 1}"


def describe_finding(finding: Finding) -> str:
    """One line for a privacy finding, the same in the app and from ``ctxtui check``."""
    from ctxtui.guard.privacy import DESCRIPTIONS

    return f"{describe_place(finding)}: {DESCRIPTIONS[finding.category]}: {finding.text}"


def flag_sentence(hits: list[Hit], key: str | None) -> str:
    """What the chair reads beside flagged text, naming the key that dismisses it (None: text
    not yet in the minutes, such as a written contribution's sentence)."""
    reasons = "; ".join(dict.fromkeys(hit.reason() for hit in hits))
    if key is None:
        return f"{reasons}. Reword it in the line before you file it."
    return f"{reasons}. Reword it, or {key} dismisses the flag."


class GuardedRecord(RecordChanges):
    """An open conference with what the guard finds in it."""

    # what the guard has read, kept until it may have changed
    _local_words: frozenset[str] | None = None
    local_words_problem = ""
    _dismissed: tuple[int, frozenset[str]] | None = None

    @functools.cached_property
    def _scans(self) -> dict[tuple[str, tuple[str, ...], tuple[str, ...]], list[Hit]]:
        return {}

    def open_hits(self, text: str, allowed: tuple[str, ...] | None = None) -> list[Hit]:
        """Findings in one text that the chair has not dismissed (scans cached by text)."""
        if allowed is None:
            allowed = self.allowed_names()
        marked = tuple(self.conference.names_check.names)
        key = (text, allowed, marked)
        hits = self._scans.get(key)
        if hits is None:
            from ctxtui.guard.privacy import (
                scan_text,  # not before the first frame: see ConferenceScreen
            )

            hits = self._scans[key] = scan_text(text, allowed, marked=frozenset(marked))
        dismissed = self._standing_dismissals()
        return [hit for hit in hits if hit.key not in dismissed]

    def _standing_dismissals(self) -> frozenset[str]:
        """The dismissed flags that still hold, worked out once for each version."""
        if self._dismissed is None or self._dismissed[0] != self.editor.version:
            from ctxtui.guard.confirmations import DISMISSED, standing

            self._dismissed = (self.editor.version, standing(self.conference, DISMISSED))
        return self._dismissed[1]

    def open_hits_in(self, texts: list[str]) -> list[Hit]:
        """The open findings in several texts (one row of a table, a whole form), once each."""
        allowed = self.allowed_names()
        found = {hit.key: hit for text in texts for hit in self.open_hits(text, allowed)}
        return list(found.values())

    def allowed_names(self) -> tuple[str, ...]:
        from ctxtui.guard.privacy import attendee_names

        return tuple(attendee_names(self.conference))

    def findings(self) -> list[Finding]:
        """Every open finding in the record, in the order of the minutes."""
        from ctxtui.guard.privacy import scan

        return scan(self.conference)

    def names_to_check(self) -> list[Finding]:
        """The names check: words that could be a person's name, not flagged, not answered."""
        return self.findings_and_names()[1]

    def findings_and_names(self) -> tuple[list[Finding], list[Finding]]:
        """The open findings and the names check, in one pass over the record. A local words
        file that cannot be read is said once (``local_words_problem``)."""
        if self._local_words is None:
            from ctxtui.storage.words import known_words

            self._local_words, self.local_words_problem = known_words(self.store.service_words())
        from ctxtui.guard.privacy import scan_with_names

        return scan_with_names(self.conference, self._local_words)

    def answer_names(self, words: list[str], answer: str) -> list[str]:
        """The chair's answer to the names check for ``words``: ``name`` (flagged wherever it
        stands, and never learned as safe by the service), ``here`` (not a name, in this
        conference), ``service`` (not a name, for every conference of the service). The words
        the service list refused, because they were confirmed as names."""
        from ctxtui.storage.words import WordsError, words_of

        words_list = self.store.service_words()
        if answer == "name":
            self.editor.answer_names(words, is_name=True)
            try:
                words_list.note_names(words_of(words))
            except WordsError as error:
                self.local_words_problem = str(error)
            return []
        if answer == "here":
            self.editor.answer_names(words, is_name=False)
            return []
        try:
            _added, refused = words_list.add(
                words_of(words), current_user(), self.now().replace(microsecond=0).isoformat()
            )
        except WordsError as error:
            raise Refused(str(error)) from None
        self._local_words = None  # read again: the list changed
        return refused
