"""The privacy guard: the labelled set's recall and false-alarm rate, the rules one by one,
speed, and the ``check`` command."""

from __future__ import annotations

import datetime as dt
import json
import time
from pathlib import Path

import pytest

from ctxtui.demo import demo_conference
from ctxtui.privacy import SECTIONS, STRUCTURED, forenames, scan, scan_text

TODAY = dt.date(2026, 11, 29)
SET = Path(__file__).with_name("data") / "privacy_sentences.tsv"
ATTENDEES = ["Priya Okafor", "Tom Brennan", "Gwen Hollis", "Leon Marsh"]


def labelled() -> list[tuple[str, str]]:
    rows = []
    for line in SET.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            label, sentence = line.split("\t", 1)
            rows.append((label, sentence))
    return rows


def found(sentence: str) -> set[str]:
    return {hit.category for hit in scan_text(sentence, ATTENDEES, TODAY)}


def test_the_labelled_set_meets_the_quality_targets(capsys):
    rows = labelled()
    clean = [s for label, s in rows if label == "clean"]
    structured = [(label, s) for label, s in rows if label in STRUCTURED]
    names = [s for label, s in rows if label == "name"]
    assert len(rows) >= 300 and len(clean) >= len(rows) * 0.45
    assert {label for label, _ in structured} == set(STRUCTURED)
    recall_structured = sum(label in found(s) for label, s in structured) / len(structured)
    recall_names = sum("name" in found(s) for s in names) / len(names)
    false_alarms = sum(bool(found(s)) for s in clean) / len(clean)
    with capsys.disabled():
        print(
            f"\nprivacy: structured recall {recall_structured:.1%} ({len(structured)}), "
            f"names recall {recall_names:.1%} ({len(names)}), "
            f"clean flagged {false_alarms:.1%} ({len(clean)})"
        )
    assert recall_structured >= 0.95
    assert recall_names >= 0.85
    assert false_alarms <= 0.05


@pytest.mark.parametrize(
    ("text", "category", "matched"),
    [
        ("a 14-year-old was seen", "age", "a 14-year-old"),
        ("the girl, aged 13, said", "age", "aged 13"),
        ("seen with a 15yo", "age", "15yo"),
        ("DOB: 03/04/2012", "date_of_birth", "DOB: 03/04/2012"),
        ("born on 3 March 2011", "date_of_birth", "born on 3 March 2011"),
        ("seen on 14/06/2012 at the park", "date_of_birth", "14/06/2012"),
        ("NHS 943 476 5919", "nhs_number", "943 476 5919"),
        ("NINO JG 12 34 56 C", "ni_number", "JG 12 34 56 C"),
        ("ring 07700 900123", "phone", "07700 900123"),
        ("ring +44 7700 900 123", "phone", "+44 7700 900 123"),
        ("landline 0117 496 0123", "phone", "0117 496 0123"),
        ("mail a.b+c@example.co.uk now", "email", "a.b+c@example.co.uk"),
        ("lives at 42 Victoria Road", "address", "42 Victoria Road"),
        ("Flat 7, Tower Court", "address", "Flat 7"),
        ("postcode BS1 4DJ", "address", "BS1 4DJ"),
        ("Jayden Smith was there", "name", "Jayden Smith"),
        ("we spoke to Leah about it", "name", "Leah"),
        ("Kai's dad called", "name", "Kai"),
    ],
)
def test_each_kind_is_found(text, category, matched):
    hits = scan_text(text, ATTENDEES, TODAY)
    assert [(h.category, h.text) for h in hits] == [(category, matched)]
    assert text[hits[0].start : hits[0].end] == matched


@pytest.mark.parametrize(
    "text",
    [
        "Victoria Road is dark after 4pm",
        "St Mary's School corridor at lunch",
        "Ashton Park and Grace Court",
        "Priya Okafor said the lighting is fixed",  # an attendee
        "Tom will send the map",  # an attendee's first name
        "Year 10 pupils avoid the route",
        "sales to under-16s refused",
        "NHS 943 476 5918",  # wrong check digit
        "review on 20/04/2026",  # a meeting date, not a birth date
        "15 year olds gather here",  # a group, not one child
        "Police – community police; Youth Justice Service",
        "call 999 in an emergency",
    ],
)
def test_places_people_at_the_meeting_and_dates_are_not_flagged(text):
    assert scan_text(text, ATTENDEES, TODAY) == []


def test_forename_list_is_data_of_a_few_hundred_names():
    names = forenames()
    assert 250 <= len(names) <= 500
    assert {"Jayden", "Amelia", "Mohammed"} <= names
    assert not {"May", "June", "Will", "Hope"} & names


def test_a_record_scan_names_sections_and_respects_dismissals():
    conference = demo_conference()
    assert scan(conference, TODAY) == []  # the demo is clean
    conference.points.strengths.append("Leah's aunt runs the café")
    conference.actions[1].progress = "Spoke to Tyler Evans, 07700 900123"
    findings = scan(conference, TODAY)
    assert [(f.section, f.index, f.category, f.text) for f in findings] == [
        ("strengths", 4, "name", "Leah"),
        ("actions", 1, "name", "Tyler Evans"),
        ("actions", 1, "phone", "07700 900123"),
    ]
    assert {f.section for f in findings} <= set(SECTIONS)
    conference.dismissed_flags.append("name:Leah")
    assert [f.text for f in scan(conference, TODAY)] == ["Tyler Evans", "07700 900123"]


def test_scanning_300_points_takes_well_under_50ms():
    from bench.export_bench import big_conference

    conference = big_conference()
    scan(conference, TODAY)  # warm the forename list
    timings = []
    for _ in range(5):
        start = time.perf_counter()
        scan(conference, TODAY)
        timings.append(time.perf_counter() - start)
    assert min(timings) < 0.05


def test_check_command(cli, tmp_path):
    record = demo_conference().to_dict()
    source = tmp_path / "in.json"
    source.write_text(json.dumps(record), encoding="utf-8")
    conference_id = cli.ok("import", str(source)).strip()
    clean = cli("check", conference_id, "--json")
    assert (clean.returncode, json.loads(clean.stdout)) == (0, [])
    record["points"]["concerns"].append("Jayden Smith, aged 14, was seen there")
    source.write_text(json.dumps(record), encoding="utf-8")
    flagged_id = cli.ok("import", str(source)).strip()
    result = cli("check", flagged_id, "--json")
    assert result.returncode == 1
    assert json.loads(result.stdout) == [
        {"section": "concerns", "index": 4, "category": "name", "text": "Jayden Smith"},
        {"section": "concerns", "index": 4, "category": "age", "text": "aged 14"},
    ]
    text = cli("check", flagged_id)
    assert text.returncode == 1 and "Jayden Smith" in text.stdout and "concerns #5" in text.stdout


def test_ages_and_group_age_ranges_on_the_held_out_set(capsys):
    """Sentences written after the group-age-range rule and never used to tune it."""
    heldout = Path(__file__).with_name("data") / "privacy_heldout.tsv"
    rows = [
        line.split("\t", 1)
        for line in heldout.read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    ]
    ages = [s for label, s in rows if label == "age"]
    clean = [s for label, s in rows if label == "clean"]
    recall = sum("age" in found(s) for s in ages) / len(ages)
    flagged = sum(bool(found(s)) for s in clean) / len(clean)
    with capsys.disabled():
        print(
            f"\nprivacy held out: ages recall {recall:.1%} ({len(ages)}), "
            f"clean flagged {flagged:.1%} ({len(clean)})"
        )
    assert recall >= 0.9 and flagged <= 0.1
