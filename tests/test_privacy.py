"""The privacy guard: the labelled set's recall and false-alarm rate, the rules one by one,
speed, and the ``check`` command."""

from __future__ import annotations

import datetime as dt
import json
import re
import time
from pathlib import Path

import pytest

from ctxtui.cli.demo import demo_conference
from ctxtui.guard.privacy import SECTIONS, STRUCTURED, scan, scan_text
from ctxtui.guard.word_lists import (
    english_words,
    forenames,
    ordinary_words,
    place_names,
    surnames,
)
from ctxtui.meeting.editing import Editor

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
    # written before pupil and case references were a category (round four has them)
    assert {label for label, _ in rows if label in STRUCTURED} == set(STRUCTURED) - {"reference"}
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
        # issue 24's kinds: a bracketed area code, a birth date in words, gaming tags, a handle
        # after a platform's short name and a colon, a home address in lower case, spelt emails
        ("ring her on (0161) 496 0457", "phone", "(0161) 496 0457"),
        ("born on the fourth of May 2011", "date_of_birth", "born on the fourth of May 2011"),
        ("DOB is the 3rd of April 2012", "date_of_birth", "DOB is the 3rd of April 2012"),
        ("his Xbox gamertag is ShadowWolf77", "handle", "ShadowWolf77"),
        ("snap: kxng.d is where they talk", "handle", "kxng.d"),
        ("her username is kayzeee", "handle", "kayzeee"),
        ("staying at 14 elm road now", "address", "14 elm road"),
        ("mail kayz at mailbox dot com", "email", "kayz at mailbox dot com"),
        ("Besnik Gashi was seen by the shelter", "name", "Besnik Gashi"),
        ("staff saw besnik near the garages", "name", "besnik"),
        ("The Gashi boy runs for them", "name", "The Gashi boy"),
        ("A girl with the initials A.S. was crying", "name", "A.S."),
        ("an older male known as Smokey deals", "name", "Smokey"),
        # issue 40's identifiers, every example invented here
        ("d.o.b. 2 June 12 per the referral", "date_of_birth", "d.o.b. 2 June 12"),
        ("she was born Oct 2013 they think", "date_of_birth", "born Oct 2013"),
        ("his birthday is 9 May so soon", "date_of_birth", "birthday is 9 May"),
        ("UPN Q 1234 5678 9012 on file", "reference", "UPN Q 1234 5678 9012"),
        ("police log 5521 of last night", "reference", "log 5521"),
        ("crime ref 12/34567/26 for the theft", "reference", "ref 12/34567/26"),
        ("hospital number X1234567 on the letter", "reference", "number X1234567"),
        ("on tiktok - bando.kidd_ most nights", "handle", "bando.kidd_"),
        ("roblox name Quixotrel active late", "handle", "Quixotrel"),
        ("the telegram group 'Cedar Runners' again", "handle", "Cedar Runners"),
        ("living at 6 Larch Fold with an aunt", "address", "6 Larch Fold"),
        ("mum: pat.k.77 @ hotmail.co.uk", "email", "pat.k.77 @ hotmail.co.uk"),
        ("call +44 (0)113 496 0123 after six", "phone", "+44 (0)113 496 0123"),
        ("fourteen-year-old cousin joins them", "age", "fourteen-year-old"),
        ("YP3 is 15 and at college", "age", "YP3 is 15"),
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
        "943 476 5918 on the timetable board",  # ten digits, wrong check digit, no "NHS"
        "review on 20/04/2026",  # a meeting date, not a birth date
        "15 year olds gather here",  # a group, not one child
        "Police – community police; Youth Justice Service",
        "call 999 in an emergency",
        "the safeguarding inbox is enquiries@ridgemoor.gov.uk",  # a service's own mailbox
        "counts after 31/10/2026 may rise",  # a date, not a house number
        "route 27 bus from 2025 onwards",
        "in 2024 green spaces were reviewed",  # a year before a street-like word
    ],
)
def test_places_people_at_the_meeting_and_dates_are_not_flagged(text):
    assert scan_text(text, ATTENDEES, TODAY) == []


def test_the_name_lists_are_large_and_come_from_their_sources():
    from tests.name_lists import DATA, build

    names = forenames()
    assert len(names) >= 8000 and len(surnames()) >= 8000
    assert {"Jayden", "Amelia", "Mohammed", "Siobhan", "Zoë", "Kacper", "Chidi"} <= names
    assert {"Jess", "Georgie"} <= names and "Nan" not in names  # short forms, not family words
    assert {"Zhao", "Tanaka"} <= surnames() and not {"He", "She"} & surnames()  # romanized
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
    Editor(conference).dismiss_flags(["name:Leah"])
    assert [f.text for f in scan(conference, TODAY)] == ["Tyler Evans", "07700 900123"]


def test_scanning_a_point_takes_well_under_5ms():
    """The goal is 5 ms a point; the test asks for 1 ms on average so a slow machine passes."""
    from bench.export_bench import big_conference
    from ctxtui.guard.privacy import record_texts

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
    from ctxtui.guard.board_text import board_sections

    text = "Staff saw Mia, Jayden and Leo by the shops"
    assert [h.text for h in scan_text(text) if h.category == "name"] == ["Mia", "Jayden", "Leo"]
    assert scan_text("Officers from Housing, Police and Youth Services attended") == []
    conference = demo_conference()
    conference.points.concerns.append(text)
    shown = "\n".join(str(section) for section in board_sections(conference))
    assert "by the shops" in shown  # the point is there, its names held back
    assert "Jayden" not in shown and "Mia" not in shown and "Leo" not in shown


TUNING_THREE = Path(__file__).with_name("data") / "privacy_tuning3.tsv"
NAMES_DEV = Path(__file__).with_name("data") / "privacy_names_dev.tsv"
REALISTIC = Path(__file__).with_name("data") / "realistic_record.json"
FORMS = {"word_forename", "lower_case", "initials", "nickname", "the_surname"}


def three_columns(path: Path) -> list[list[str]]:
    """label, community (or the form a name takes; "-" when not a name), sentence."""
    rows = [
        line.split("\t")
        for line in path.read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    ]
    assert all(len(row) == 3 for row in rows)
    return rows


def two_tiers(rows: list[list[str]]) -> dict[str, object]:
    """Both tiers' figures on a labelled set: live flags alone, and live flags with the names
    check; name recall by community group (the lowest named)."""
    from ctxtui.guard.names_check import possible_names
    from ctxtui.guard.privacy import _allowed_words

    allowed = frozenset(_allowed_words(ATTENDEES))
    live: dict[str, list[bool]] = {}
    both: dict[str, list[bool]] = {}
    structured, clean_flagged, clean_asks = [], [], []
    for label, community, sentence in rows:
        hits = scan_text(sentence, allowed, TODAY)
        spans = [(hit.start, hit.end) for hit in hits]
        asks = bool(possible_names(sentence, allowed=allowed, flagged=spans))
        named = any(hit.category == "name" for hit in hits)
        if label == "name":
            live.setdefault(community, []).append(named)
            both.setdefault(community, []).append(named or asks)
        elif label == "clean":
            clean_flagged.append(bool(hits))
            clean_asks.append(asks)
        else:
            structured.append(label in {hit.category for hit in hits})

    def share(values: list[bool]) -> float:
        return sum(values) / len(values) if values else float("nan")  # a set of names only

    def everyone(groups: dict[str, list[bool]]) -> list[bool]:
        return [hit for hits in groups.values() for hit in hits]

    return {
        "names": len(everyone(live)),
        "live_names": share(everyone(live)),
        "with_check": share(everyone(both)),
        "structured": share(structured),
        "clean_flagged": share(clean_flagged),
        "clean_asks": share(clean_asks),
        "lowest_live": min(((share(h), g) for g, h in live.items()), default=(1.0, "-")),
        "lowest_with_check": min(((share(h), g) for g, h in both.items()), default=(1.0, "-")),
        "groups": {g: (share(h), share(both[g]), len(h)) for g, h in sorted(live.items())},
    }


def print_two_tiers(name: str, figures: dict, capsys) -> None:
    with capsys.disabled():
        print(
            f"\nprivacy {name}: live flags: names {figures['live_names']:.1%} "
            f"({figures['names']}), structured {figures['structured']:.1%}, clean flagged "
            f"{figures['clean_flagged']:.1%}; with the names check: names "
            f"{figures['with_check']:.1%}, clean sentences asking {figures['clean_asks']:.1%}; "
            f"lowest group live {figures['lowest_live'][1]} {figures['lowest_live'][0]:.0%}, "
            f"with the check {figures['lowest_with_check'][1]} "
            f"{figures['lowest_with_check'][0]:.0%}"
        )
        groups = figures["groups"]
        print(
            "  by group (live / with the check): "
            + ", ".join(f"{g} {a:.0%}/{b:.0%}" for g, (a, b, _n) in groups.items())
        )


def test_the_round_three_set_is_whole_and_still_meets_both_tiers(capsys):
    """Issue 24's set, held out then, a tuning set since issue 40 read its misses: a
    regression check on both tiers."""
    rows = three_columns(TUNING_THREE)
    labels = {label for label, _c, _s in rows}
    assert labels <= {"name", "clean", *STRUCTURED}
    names = [(community, s) for label, community, s in rows if label == "name"]
    communities = {c for c, _s in names} - FORMS
    assert len(names) >= 60 and len(communities) >= 25
    assert {c for c, _s in names} >= FORMS  # every form of name the issue lists
    assert len({s for _l, _c, s in rows}) == len(rows)  # no sentence twice
    figures = two_tiers(rows)
    print_two_tiers("round three (tuned on since issue 40)", figures, capsys)
    assert figures["live_names"] >= 0.95 and figures["clean_flagged"] <= 0.02
    assert figures["with_check"] >= 0.99 and figures["clean_asks"] <= 0.03
    assert figures["structured"] >= 0.9  # NI numbers given with the invalid prefix QQ


# Issue 40's tuning sets, each written by a helper that never read the rules and tuned on
# since its sentences were read (the figures first measured are in the README): the floors of
# live names, names with the check and identifiers, and the ceilings of clean sentences
# flagged and asking, as a regression check. None: the set holds none of that kind.
TUNING_SETS = {
    "privacy_tuning4.tsv": (0.95, 0.99, 0.98, 0.02, 0.11),
    "privacy_tuning5.tsv": (0.93, 0.99, 0.98, 0.02, 0.16),  # nicknames, letter names
    "privacy_tuning6.tsv": (0.96, 0.99, 0.99, 0.01, 0.09),  # after round six was committed
    "privacy_tuning7.tsv": (0.96, 0.99, 0.99, 0.02, 0.13),  # after the third round
    "privacy_tuning8.tsv": (0.86, 0.99, None, 0.08, 0.23),  # 60 traditions, weak positions
    "privacy_tuning9.tsv": (None, None, 0.99, None, None),  # identifiers in every format
    "privacy_tuning10.tsv": (0.89, 0.98, 0.95, 0.04, 0.14),  # hard forms
    # was held-out round eight (0.19: a word typed in lower case at a clause's start before a
    # person's verb is asked, and one clean point has "… threshold not met")
    "privacy_tuning11.tsv": (0.96, 0.99, 0.97, 0.035, 0.19),
    "privacy_tuning12.tsv": (None, None, 0.99, 0.01, 0.01),  # identifiers as case notes write them
    "privacy_tuning13.tsv": (0.98, 0.99, 0.99, 0.01, 0.06),  # was held-out round ten
    "privacy_tuning14.tsv": (0.95, 0.99, 0.99, 0.02, 0.11),  # communities lists lack
    "privacy_tuning15.tsv": (0.89, 0.99, 0.99, 0.01, 0.09),  # typed live, in lower case
    "privacy_tuning16.tsv": (0.93, 0.98, 0.99, 0.01, 0.05),  # half live, half written up
    "privacy_tuning17.tsv": (None, None, 0.96, 0.01, 0.02),  # identifiers in every form
    "privacy_tuning18.tsv": (0.82, 0.97, 0.99, 0.01, 0.08),  # word-names and nicknames, live
    "privacy_tuning19.tsv": (0.86, 0.99, 0.99, 0.03, 0.18),  # places and things named for people
    "privacy_tuning20.tsv": (0.86, 0.98, 0.99, 0.02, 0.10),  # fifteen chairs' habits
    "privacy_tuning21.tsv": (0.91, 0.98, 0.99, 0.05, 0.09),  # word-names, weak positions
    "privacy_tuning22.tsv": (0.95, 0.99, 0.98, 0.01, 0.15),  # coast and market towns, asides
    "privacy_tuning23.tsv": (0.95, 0.99, 0.99, 0.02, 0.06),  # word-names, nicknames, families
    # first measured 81.8 / 91.7 / 93.0 / 2.7 / 8.0
    "privacy_tuning24.tsv": (0.92, 0.97, 0.99, 0.03, 0.08),  # titles, families, handles, refs
    # first measured 84.8 / 95.8 / 98.4 / 2.0 / 5.3
    "privacy_tuning25.tsv": (0.93, 0.97, 0.99, 0.01, 0.06),  # word-names, nicknames, handles
    # first measured 91.1 / 99.0 / 95.8 / 3.4 / 15.7
    "privacy_tuning26.tsv": (0.94, 0.99, 0.98, 0.02, 0.11),  # the hardest forms, loose ages
    # first measured 89.7 / 96.8 / 98.3 / 4.0 / 5.2
    "privacy_tuning27.tsv": (0.93, 0.98, 0.99, 0.01, 0.06),  # Teesside, Bristol, North Wales
}


@pytest.mark.parametrize("name", sorted(TUNING_SETS, key=lambda n: int(n[14:-4])))
def test_each_tuning_set_meets_both_tiers(name, capsys):
    rows = three_columns(Path(__file__).with_name("data") / name)
    assert len({s for _l, _c, s in rows}) == len(rows)
    figures = two_tiers(rows)
    print_two_tiers(f"{name[8:-4].replace('tuning', 'tuning set ')} (tuned on)", figures, capsys)
    live, with_check, structured, clean_flagged, clean_asks = TUNING_SETS[name]
    floors = {"live_names": live, "with_check": with_check, "structured": structured}
    ceilings = {"clean_flagged": clean_flagged, "clean_asks": clean_asks}
    assert all(figures[k] >= v for k, v in floors.items() if v is not None), figures
    assert all(figures[k] <= v for k, v in ceilings.items() if v is not None), figures


# Issue 40's held-out sets, each written by a helper that never read the guard and committed
# before the rule work it measures (round nine the newest): only their shape is checked; their
# figures are printed, never asserted, and nobody reads their sentences or misses.
HELD_OUT = {"privacy_round4.tsv": 90, "privacy_round5.tsv": 100, "privacy_round6.tsv": 110}
HELD_OUT |= {"privacy_round7.tsv": 130, "privacy_round9.tsv": 130}
HELD_OUT |= {"privacy_round11.tsv": 210, "privacy_round12.tsv": 180, "privacy_round13.tsv": 230}
HELD_OUT |= {"privacy_round14.tsv": 270, "privacy_round15.tsv": 270, "privacy_round16.tsv": 280}
HELD_OUT |= {"privacy_round17.tsv": 300, "privacy_round18.tsv": 320, "privacy_round19.tsv": 300}
HELD_OUT |= {"privacy_round20.tsv": 310, "privacy_round21.tsv": 310, "privacy_round22.tsv": 310}
HELD_OUT |= {"privacy_round23.tsv": 250, "privacy_round24.tsv": 310, "privacy_round25.tsv": 290}
HELD_OUT |= {"privacy_round26.tsv": 300, "privacy_round27.tsv": 300}
HELD_OUT |= {"privacy_round28.tsv": 300, "privacy_round29.tsv": 300}


@pytest.mark.parametrize("name", sorted(HELD_OUT))
def test_each_held_out_set_is_measured_never_asserted(name, capsys):
    rows = three_columns(Path(__file__).with_name("data") / name)
    assert {label for label, _c, _s in rows} <= {"name", "clean", *STRUCTURED}
    assert sum(label == "name" for label, _c, _s in rows) >= HELD_OUT[name]
    assert sum(label == "clean" for label, _c, _s in rows) >= 80
    assert len({s for _l, _c, s in rows}) == len(rows)
    round_ = name[13:-4]  # the least names each holds is HELD_OUT's number
    print_two_tiers(f"round {round_} (held out, not asserted)", two_tiers(rows), capsys)


def test_the_names_tuning_set_meets_both_tiers(capsys):
    """The set this round's rules were tuned on (written after round three was committed)."""
    rows = three_columns(NAMES_DEV)
    figures = two_tiers(rows)
    print_two_tiers("names tuning set (tuned on)", figures, capsys)
    assert figures["live_names"] >= 0.99 and figures["with_check"] >= 0.99
    assert figures["structured"] >= 0.99 and figures["clean_flagged"] <= 0.01
    assert figures["clean_asks"] <= 0.06


def test_the_older_held_out_set_with_the_names_check(capsys):
    rows = [[label, "-", sentence] for label, sentence in labelled(UNSEEN)]
    figures = two_tiers(rows)
    print_two_tiers("older unseen set", figures, capsys)
    assert figures["with_check"] >= 0.99 and figures["clean_asks"] <= 0.03


def test_a_realistic_whole_record_has_no_flags_and_asks_about_few_words(capsys):
    """An invented record written like real minutes, with a date in every plan row."""
    from ctxtui.core.validation import conference_from_dict
    from ctxtui.guard.privacy import names_to_check

    conference = conference_from_dict(json.loads(REALISTIC.read_text(encoding="utf-8")))
    assert all(action.due for action in conference.actions)
    assert scan(conference, TODAY) == []
    words = {finding.text for finding in names_to_check(conference)}
    with capsys.disabled():
        print(f"\nprivacy realistic record: 0 flags; the names check asks about {len(words)}")
    assert len(words) <= 1


def _flags_and_asks(name: str) -> tuple[int, int]:
    from ctxtui.core.validation import conference_from_dict
    from ctxtui.guard.privacy import names_to_check

    path = Path(__file__).with_name("data") / name
    conference = conference_from_dict(json.loads(path.read_text(encoding="utf-8")))
    return len(scan(conference, TODAY)), len({f.text for f in names_to_check(conference)})


def test_a_realistic_sixty_point_record_asks_about_at_most_fifteen_words(capsys):
    """Issue 40: a fresh install asks about at most 15 words of a realistic 60-point record
    (written by a helper that never read the rules; tuned on since its words were read)."""
    flags, asks = _flags_and_asks("realistic_record_60.json")
    with capsys.disabled():
        print(f"\nprivacy realistic 60 points (tuned on): {flags} flags, {asks} words asked")
    assert flags == 0 and asks <= 4  # the goal is 15; 3 since issue 40's second round


def test_a_second_sixty_point_record_has_no_flags_and_asks_about_at_most_fifteen(capsys):
    """The second realistic record (once held out as 60b): its flags were read in issue 40's
    third round, so it is a tuning record now and asserted like the first."""
    flags, asks = _flags_and_asks("realistic_record_60_tuned2.json")
    with capsys.disabled():
        print(f"\nprivacy realistic 60 points, second (tuned on): {flags} flags, {asks} asked")
    assert flags == 0 and asks <= 15


def test_the_names_check_of_the_big_conference_is_quick(capsys):
    from bench.export_bench import big_conference
    from ctxtui.guard.privacy import scan_with_names

    conference = big_conference()
    scan_with_names(conference)  # the word lists are read once
    timings = []
    for _ in range(3):
        start = time.perf_counter()
        scan_with_names(conference)
        timings.append(time.perf_counter() - start)
    with capsys.disabled():
        print(f"\nprivacy: flags and names check of the big conference {min(timings):.3f} s")
    assert min(timings) < 0.5


def _examples_in_the_guard() -> set[str]:
    """Every example quoted in the guard's comments and docstrings that is a phrase of its own:
    five words or more, or two or more with a word no dictionary holds (a name, a place, a
    number, slang), in any case ("mum said bartek sleeps till noon")."""
    import ast
    import io
    import tokenize

    found: set[str] = set()
    for path in (Path(__file__).parent.parent / "ctxtui" / "guard").glob("*.py"):
        source = path.read_text(encoding="utf-8")
        texts = [
            token.string
            for token in tokenize.generate_tokens(io.StringIO(source).readline)
            if token.type == tokenize.COMMENT
        ]
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef):
                texts.append(ast.get_docstring(node) or "")
        for text in texts:
            for quoted in re.findall(r"[\"“]([^\"”]{3,80})[\"”]", text):
                words = re.findall(r"[^\W_][\w'’./-]*", quoted.lower())
                unknown = [w for w in words if re.sub(r"['’]s$", "", w) not in english_words()]
                if len(words) >= 5 or (len(words) >= 2 and unknown):
                    found.add(quoted.lower().strip("…. "))
    return found


def test_no_example_in_the_guard_comes_from_a_test_set():
    """Issue 40: no phrase of any labelled set (held out or tuned on) is quoted in the rules,
    so that their figures measure text the rules were not written from."""
    sentences = [
        line.lower()
        for path in (Path(__file__).parent / "data").glob("privacy_*.tsv")
        for line in path.read_text(encoding="utf-8").splitlines()
        if not line.startswith("#")
    ]
    examples = _examples_in_the_guard()
    assert len(examples) >= 20  # the guard still explains itself with examples
    assert sorted(e for e in examples if any(e in s for s in sentences)) == []


def test_the_proper_words_hold_no_person_and_no_brand_made_of_one():
    """Issue 40: the words the names check takes as safe are never a person's name."""
    from tests.name_lists import UK_PROPER_WORDS, _read

    people = {n.lower() for n in forenames() | surnames()}
    mine = _read(UK_PROPER_WORDS)
    for word in mine:
        base = re.sub(r"['’]?s$", "", word).lower()
        assert base not in people or word in place_names(), word


def test_a_fourth_sixty_point_record_has_no_flags_and_asks_about_few(capsys):
    """Written with tuning set seven (its flags and questions read): the context's own name
    is never flagged, and a fresh install asks about at most 15 words."""
    flags, asks = _flags_and_asks("realistic_record_60d.json")
    with capsys.disabled():
        print(f"\nprivacy realistic 60 points, fourth (tuned on): {flags} flags, {asks} asked")
    assert flags == 0 and asks <= 15


def test_a_third_sixty_point_record_is_measured_never_asserted(capsys):
    """A third realistic record (issue 40, written with round six, never read): printed only."""
    flags, asks = _flags_and_asks("realistic_record_60c.json")
    with capsys.disabled():
        print(
            f"\nprivacy realistic 60 points, third (held out, not asserted): {flags} flags, "
            f"{asks} asked"
        )


def names_flagged(text: str) -> list[str]:
    return [hit.text for hit in scan_text(text, ATTENDEES, TODAY) if hit.category == "name"]


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # a street can be named like a person: what police do to it says it is one
        ("Officers stopped Reuben Hill near the garages with two phones.", ["Reuben Hill"]),
        ("Dexter Hill was arrested outside the arcade on Friday.", ["Dexter Hill"]),
        ("Youth workers met young people at Reuben Hill after school.", []),
        ("Reuben Hill reopens its youth room next month.", []),
        ("The Reuben Hill Centre has agreed to host the review.", []),
        # a word on no dictionary and a surname of the lists, both in lower case
        ("cctv asked for the night adebola balogun went missing", ["adebola balogun"]),
        ("according to tharindu, the lads meet at the garages", ["tharindu"]),
        ("tenants worried about cuckooing in the top flats", []),
        ("staff recognised the van from the earlier incident", []),
        # a word on no list before what a person did, or known or given to like one
        ("Zerrin came to the session on Thursday.", ["Zerrin"]),
        ("Tamsyn got a Saturday job at the bakery, mum relieved.", ["Tamsyn"]),
        ("Kingsgate came top in the survey of unsafe places.", []),
        ("Funding went to the youth hub.", []),
        ("the guard said he knows Fatmira by name", ["Fatmira"]),
        ("a lift home was offered to oyelaran", ["oyelaran"]),
        ("so plan activities from july", []),
        ("Outreach staff work with Kingsgate residents on Fridays.", []),
        # a forename that is an ordinary word, found, shown or with a relative
        ("park keeper found Amber asleep in the bandstand", ["Amber"]),
        ("Hope and her cousin seen near the canal after dark", ["Hope"]),
        ("CCTV shows Ivy handing something through the car window", ["Ivy"]),
        ("staff found Hope Street closed after the fire", []),
        ("Patrols found Grace Park quiet at the weekend.", []),
    ],
)
def test_the_live_flags_name_someone_only_where_a_person_stands(text, flagged):
    """Issue 40, the twelfth round: positions that show a person, beside the same words where
    they name a place, a thing or a time."""
    assert names_flagged(text) == flagged


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # who someone is, in brackets straight after the name
        ("Marigold (nan) has asked for a lift to the review.", ["Marigold"]),
        ("Tovi (the lad on the scooter) was named by two girls.", ["Tovi"]),
        # done only to a person, or a finite verb of a person's after a word-name at the start
        ("Juniper was jumped near the skate bowl on Friday.", ["Juniper"]),
        ("Honey has missed the last four sessions at the hub.", ["Honey"]),
        ("Amber reports feeling unsafe near the garages.", ["Amber"]),
        ("BTP intel that Wren travels on the last train most weekends", ["Wren"]),
        ("We agreed that Hope Street needs better lighting.", []),
        # in brackets after a relative; spoken to with an adverb between; with a relative
        ("The older sibling (Tobenna) was seen at the garages.", ["Tobenna"]),
        ("Has anyone spoken directly to Ikenna about it?", ["Ikenna"]),
        ("Youth workers met Carter Derby and his mum at the hub.", ["Carter Derby"]),
        # typed in lower case: what someone did to a number of things, out late, missing
        ("youth service: tobi attended three of the four sessions", ["tobi"]),
        ("grandad says kofi was out till 4am on saturday", ["kofi"]),
        ("kwabena – mfh x2 this month", ["kwabena"]),
        ("update from security – hazel banned from the shop for a month", ["hazel"]),
        # a forename-word typed in lower case after a relative's bracket, "spoke w/" or "per"
        ("mum (hazel) v worried, wants a move off the estate", ["hazel"]),
        ("per wren, the lads at the garages pay in trainers", ["wren"]),
        ("joy riding reported on the playing fields", []),
        ("per school, attendance is up this term", []),
        # an ordinary word, capitalised, thought to be someone or owning a person's things
        ("Wisp thought to be the ringleader of the group", ["Wisp"]),
        ("Wisp's phone was taken off them at the bus stop.", ["Wisp"]),
        ("Mind's helpline is open late on Fridays.", []),
        # one letter or dotted initials just after what is done to a person
        ("wardens stopped r.t. by the lock", ["r.t."]),
        ("spoke to J earlier; he says hes ok", ["J"]),
        ("Police believe the stairwells in Blocks A and C hold drugs.", []),
        ("Plan B was agreed by everyone.", []),
        ("Flint seen handing a bag to a lad on a bike", ["Flint"]),
        ("The van was out late again.", []),
        # a word on no list before a dash or a colon and a person's state, or sharing
        ("Zoryana Hrytsenko - missing twice this month", ["Zoryana Hrytsenko"]),
        ("CAMHS: Tavita on the waiting list, school to support.", ["Tavita"]),
        ("Update on Eluned: back in school full time.", ["Eluned"]),
        ("Olusola has shared screenshots of the group chat.", ["Olusola"]),
        ("Westgate: back to normal after the works.", []),
        ("The gate was kicked in overnight.", []),
        ("Joy riding has been reported on the ring road again.", []),
        ("Marvel quiz night at the hub drew thirty young people.", []),
        # a family word said in Wales; a short name after a word of size
        ("Tegan Hall's nain called the police about the lads.", ["Tegan Hall"]),
        ("Big Tez and his lot were outside the arcade again.", ["Big Tez"]),
        ("Mini Vek was at the park with the older lads.", ["Mini Vek"]),
        ("k-dog was seen w/ older lads at the garages", ["k-dog"]),
        ("a young person (KD) said the older lads pay for food", ["KD"]),
        # a thing: after "the", an acronym's crew, a role made of two words, a contraction
        ("Young people say the Quillsby Tollhouse feels unsafe after dark.", []),
        ("The YMCA crew cleared the path by the lock on Saturday.", []),
        ("Quaymaster has asked for the gate to be locked at night.", []),
        ("staff said its quiet but theyre not sure the cameras work", []),
    ],
)
def test_the_thirteenth_rounds_live_flags(text, flagged):
    """Issue 40, the thirteenth round: signs of a person the flags now read, beside things."""
    assert names_flagged(text) == flagged


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("mentor drops him at 9b larkspur st after club", "address"),
        ("she lives at no 27, top floor, by the chippy", "address"),
        ("the eldest of the three is twelve and still at primary", "age"),
        ("silver hatchback, partial reg 'KM71', parked by the garages", "vehicle"),
        ("a blue van with a reg ending 4WX waits outside most days", "vehicle"),
        ("she'll be 15 by the summer holidays, so the plan runs till then", "age"),
        ("The lad on the scooter is 13 (no helmet, no lights).", "age"),
        ("PSN: zZgullwingZz, the account the older ones message him on", "handle"),
    ],
)
def test_identifiers_typed_live_in_short_forms(text, category):
    assert category in {hit.category for hit in scan_text(text, ATTENDEES, TODAY)}


@pytest.mark.parametrize(
    "text",
    [
        "We'll be 12 in the group once the new starters come.",
        "The bus is 14 (minutes late) most mornings.",
        "Xbox: Fortnite nights at the hub are popular.",
    ],
)
def test_the_same_short_forms_that_are_no_identifier(text):
    assert scan_text(text, ATTENDEES, TODAY) == []
