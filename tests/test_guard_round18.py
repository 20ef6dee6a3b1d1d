"""Issue 40, the eighteenth round (tuning set twenty-seven: Teesside, Bristol and North Wales
note-takers): each form the live flags now raise, each the names check now asks about, and the
ordinary sentences that must stay quiet. Every example is invented for this file."""

from __future__ import annotations

import pytest

from ctxtui.guard.privacy import scan_text
from tests.guard_probe import TODAY, flagged


@pytest.mark.parametrize(
    ("text", "letters"),
    [
        ("The girl (WQ) told her teacher she had been given a phone.", "WQ"),
        ("(HZ) disclosed to the nurse that she owes money.", "HZ"),
        ("GT, BV and NX all missed registration on Tuesday.", "NX"),
        ("Detectives have linked FV to the thefts from the lockers.", "FV"),
        ("The youngest, referred to in these notes as ZB, is settled now.", "ZB"),
    ],
)
def test_initials_in_brackets_in_a_list_or_linked_to_something_are_a_person(text, letters):
    assert letters in flagged(text), scan_text(text, (), TODAY)


@pytest.mark.parametrize(
    "text",
    [
        "The Tanyard Lane Partnership (TLP) has agreed to fund the lights.",
        "Brackenhill Youth Forum (BYF) were consulted on the plan.",
        "PE, RE and DT all run late on Fridays.",
        "The review linked ASB to the closing time of the arcade.",
    ],
)
def test_an_abbreviation_spelt_out_or_a_list_of_subjects_is_no_one(text):
    assert not flagged(text), scan_text(text, (), TODAY)
