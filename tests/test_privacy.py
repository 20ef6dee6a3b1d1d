"""The privacy guard: the labelled set's recall and false-alarm rate, the rules one by one,
speed, and the ``check`` command."""

from __future__ import annotations

import datetime as dt
import json
import time
from pathlib import Path

import pytest

from ctxtui.demo import demo_conference
from ctxtui.names import forenames, ordinary_words, surnames
from ctxtui.privacy import SECTIONS, STRUCTURED, scan, scan_text

TODAY = dt.date(2026, 11, 29)
SET = Path(__file__).with_name("data") / "privacy_sentences.tsv"
UNSEEN = Path(__file__).with_name("data") / "privacy_unseen.tsv"
ATTENDEES = ["Priya Okafor", "Tom Brennan", "Gwen Hollis", "Leon Marsh"]


def labelled(path: Path = SET) -> list[tuple[str, str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            label, sentence = line.split("\t", 1)
            rows.append((label, sentence))
    return rows


def figures(rows: list[tuple[str, str]], capsys, name: str) -> tuple[float, float, float]:
    """Structured recall, name recall and the share of clean sentences flagged; printed."""
    structured = [(label, s) for label, s in rows if label in STRUCTURED]
    names = [s for label, s in rows if label == "name"]
    clean = [s for label, s in rows if label == "clean"]
    recall_structured = sum(label in found(s) for label, s in structured) / len(structured)
    recall_names = sum("name" in found(s) for s in names) / len(names)
    flagged = sum(bool(found(s)) for s in clean) / len(clean)
    with capsys.disabled():
        print(
            f"\nprivacy {name}: structured recall {recall_structured:.1%} ({len(structured)}), "
            f"names recall {recall_names:.1%} ({len(names)}), "
            f"clean flagged {flagged:.1%} ({len(clean)})"
        )
    return recall_structured, recall_names, flagged


def found(sentence: str) -> set[str]:
    return {hit.category for hit in scan_text(sentence, ATTENDEES, TODAY)}


def test_the_labelled_set_meets_the_quality_targets(capsys):
    rows = labelled()
    clean = [s for label, s in rows if label == "clean"]
    assert len(rows) >= 400 and len(clean) >= len(rows) * 0.4
    assert {label for label, _ in rows if label in STRUCTURED} == set(STRUCTURED)
    structured, names, flagged = figures(rows, capsys, "tuned on")
    assert structured >= 0.95 and names >= 0.85 and flagged <= 0.05


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
        ("A black Audi, AB12 CDE, at the gate", "vehicle", "AB12 CDE"),
        ("a van yk21bmn parked up", "vehicle", "yk21bmn"),
        ("an old car, P123 ABC", "vehicle", "P123 ABC"),
        ("the plate was ABC 123D", "vehicle", "ABC 123D"),
        ("messaged by @lil.trapz07 at night", "handle", "@lil.trapz07"),
        ("her snap is jas_2011 and public", "handle", "jas_2011"),
        ("Instagram name drip.king99", "handle", "drip.king99"),
        ("she is fourteen and goes out", "age", "she is fourteen"),
        ("a fifteen-year-old was hurt", "age", "a fifteen-year-old"),
        ("he turned 16 last week", "age", "turned 16"),
        ("she (14) went missing", "age", "(14)"),
        ("her son, 14, was approached", "age", "14"),
        ("the Nowak brothers run it", "name", "the Nowak brothers"),
        ("Ms Adeyemi rang the school", "name", "Ms Adeyemi"),
        ("kai was stopped by police", "name", "kai"),
        ("Jordan Hill's sister is there", "name", "Jordan Hill"),
        ("Anna-Maria was sent messages", "name", "Anna-Maria"),
        ("Renée was picked up", "name", "Renée"),
        ("Police stopped Adeyinka at the shop", "name", "Adeyinka"),
    ],
)
def test_each_kind_is_found(text, category, matched):
    hits = scan_text(text, ATTENDEES, TODAY)
    assert [(h.category, h.text) for h in hits] == [(category, matched)]
    assert text[hits[0].start : hits[0].end] == matched


def test_a_name_beside_an_age_is_flagged_as_both():
    hits = scan_text("Jayden aged 14 was seen; Mariam (14) went missing", ATTENDEES, TODAY)
    assert [(h.category, h.text) for h in hits] == [
        ("name", "Jayden"),
        ("age", "aged 14"),
        ("name", "Mariam"),
        ("age", "(14)"),
    ]


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


def test_the_name_lists_are_large_and_come_from_their_sources():
    from tests.name_lists import DATA, build

    names = forenames()
    assert len(names) >= 8000 and len(surnames()) >= 8000
    assert {"Jayden", "Amelia", "Mohammed", "Siobhan", "Zoë", "Kacper", "Chidi"} <= names
    assert {"Grace", "Jack"} <= ordinary_words() <= names
    for name, text in build().items():  # the committed lists are what the script makes
        assert (DATA / name).read_text(encoding="utf-8") == text, f"run `make names`: {name}"


@pytest.mark.parametrize(
    "text",
    [
        "Childline is on 0800 1111 and the council on 0300 123 4567",
        "The charity's helpline is 0808 800 5000",
        "About 15 young people and 20 boys use the rec",
        "The Mary Seacole Centre and the Jack Petchey Foundation",
        "The Polish boys and the Year 9 girls",
        "Snapchat is used to arrange meetings at 10.30pm",
        "Grace Court, Jordan Road and Hope Centre",
        "Housing said it would fix the lights",
        "The meeting was 10 minutes late and there were 12 incidents",
    ],
)
def test_services_counts_and_places_named_after_people_are_not_flagged(text):
    assert scan_text(text, ATTENDEES, TODAY) == []


def test_the_unseen_set_meets_the_goals(capsys):
    """Written before this round's rules and never tuned on: the figures fall where they fall."""
    structured, names, flagged = figures(labelled(UNSEEN), capsys, "unseen")
    assert structured >= 0.95 and names >= 0.9 and flagged <= 0.05


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


def test_scanning_a_point_takes_well_under_5ms():
    """The goal is 5 ms a point; the test asks for 1 ms on average so a slow machine passes."""
    from bench.export_bench import big_conference
    from ctxtui.privacy import record_texts

    conference = big_conference()
    scan(conference, TODAY)  # load the name lists
    points = len(list(record_texts(conference)))
    timings = []
    for _ in range(5):
        start = time.perf_counter()
        scan(conference, TODAY)
        timings.append(time.perf_counter() - start)
    assert points >= 300 and min(timings) / points < 0.001


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
    rows = labelled(Path(__file__).with_name("data") / "privacy_heldout.tsv")
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


def test_dates_in_every_plan_row_are_not_birth_dates():
    """Issue 24: a day of 01-22 was read as a two-digit year, so every ISO date was a DOB."""
    conference = demo_conference()
    for n, action in enumerate(conference.actions):
        action.due = f"2027-01-{n + 1:02d}"
        action.timescale = f"From 2027-01-{n + 5:02d}, review set for 2027-02-15"
    assert [f for f in scan(conference) if f.hit.category == "date_of_birth"] == []
    assert [h.category for h in scan_text("born 2012-03-04")] == ["date_of_birth"]


def test_code_in_a_point_is_not_an_age():
    assert scan_text("someone typed alert(1) into the form") == []
    assert [h.category for h in scan_text("Mariam (14) was seen")] == ["name", "age"]


def test_every_name_in_a_list_is_flagged_and_held_back_on_the_board():
    from ctxtui.board_text import board_sections

    text = "Staff saw Mia, Jayden and Leo by the shops"
    assert [h.text for h in scan_text(text) if h.category == "name"] == ["Mia", "Jayden", "Leo"]
    assert scan_text("Officers from Housing, Police and Youth Services attended") == []
    conference = demo_conference()
    conference.points.concerns.append(text)
    shown = "\n".join(str(section) for section in board_sections(conference))
    assert "by the shops" in shown  # the point is there, its names held back
    assert "Jayden" not in shown and "Mia" not in shown and "Leo" not in shown


ROUND_THREE = Path(__file__).with_name("data") / "privacy_round3.tsv"
FORMS = {"word_forename", "lower_case", "initials", "nickname", "the_surname"}


def test_the_round_three_held_out_set_is_whole_and_its_figures_are_printed(capsys):
    """Issue 24's held-out set, written before any rule of the names check and never tuned on:
    its shape is checked; the figures (live flags only, for now) are printed as they fall."""
    rows = [
        line.split("\t")
        for line in ROUND_THREE.read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    ]
    assert all(len(row) == 3 for row in rows)
    labels = {label for label, _c, _s in rows}
    assert labels <= {"name", "clean", *STRUCTURED}
    names = [(community, s) for label, community, s in rows if label == "name"]
    communities = {c for c, _s in names} - FORMS
    assert len(names) >= 60 and len(communities) >= 25
    assert {c for c, _s in names} >= FORMS  # every form of name the issue lists
    assert sum(label in STRUCTURED for label, _c, _s in rows) >= 40
    assert sum(label == "clean" for label, _c, _s in rows) >= 80
    assert len({s for _l, _c, s in rows}) == len(rows)  # no sentence twice
    recall, flagged, lowest = round_three_figures(rows)
    with capsys.disabled():
        print(
            f"\nprivacy round three (live flags only): names recall {recall['name']:.1%} "
            f"({len(names)}), structured recall {recall['structured']:.1%}, clean flagged "
            f"{flagged:.1%}; lowest group {lowest[1]} {lowest[0]:.0%}"
        )


def round_three_figures(rows: list[list[str]]) -> tuple[dict[str, float], float, tuple]:
    by_group: dict[str, list[bool]] = {}
    structured_hits = []
    clean_flagged = []
    for label, community, sentence in rows:
        found_here = found(sentence)
        if label == "name":
            by_group.setdefault(community, []).append("name" in found_here)
        elif label == "clean":
            clean_flagged.append(bool(found_here))
        else:
            structured_hits.append(label in found_here)
    names = [hit for hits in by_group.values() for hit in hits]
    recall = {
        "name": sum(names) / len(names),
        "structured": sum(structured_hits) / len(structured_hits),
    }
    lowest = min((sum(h) / len(h), group) for group, h in by_group.items())
    return recall, sum(clean_flagged) / len(clean_flagged), lowest
