"""Issue 40, the eighteenth round (tuning set twenty-seven: Teesside, Bristol and North Wales
note-takers): each form the live flags now raise, each the names check now asks about, and the
ordinary sentences that must stay quiet. Every example is invented for this file."""

from __future__ import annotations

import pytest

from ctxtui.guard.privacy import scan_text
from tests.guard_probe import TODAY, asked, flagged


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


@pytest.mark.parametrize(
    "text",
    [
        "Referral made to the Welsh-language youth club at Canolfan Glanrhyd.",
        "Older lads gather on Lôn Ceiriog near the bakery.",
        "Ysgol Bro Teifion reported two pupils missing from period five.",
        "Last train from Porth Wennol leaves at 23:10.",
        "The Quayside Forum has offered two volunteers for the patrol.",
        "talked to the cabbies, they will ring it in if they hear owt",
    ],
)
def test_a_welsh_place_named_kind_first_a_forum_or_a_dialect_word_is_no_one(text):
    assert not flagged(text), scan_text(text, (), TODAY)


def test_a_welsh_court_with_a_house_number_is_an_address():
    hits = scan_text("Concerns: 4 Cwrt Eithin, older males coming and going.", (), TODAY)
    assert [h.category for h in hits] == ["address"], hits


def test_a_name_beside_a_welsh_place_is_still_a_name():
    assert "Gethin Price" in flagged("Gethin Price was seen outside Canolfan Glanrhyd.")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Iestyn has been sleeping at a friend's most nights.", "Iestyn"),
        ("Eilidh is doing better since the move.", "Eilidh"),
        ("Shvan from the tyre place pays the younger boys.", "Shvan"),
        ("Zabiullah and Karwan have both been late all week.", "Zabiullah"),
        ("Worry: Semhar. Out past midnight.", "Semhar"),
        ("Hibaq has been getting lifts from a man in a grey car.", "Hibaq"),
        ("Ask Yazan about the bikes.", "Yazan"),
        ("Tinashe has been sleeping at the garages.", "Tinashe"),
        ("Worry: Kreshnik. Not in school since May.", "Kreshnik"),
        ("Pirashanth and Dilshan have both been late all week.", "Pirashanth"),
        ("Morwenna from the chip shop lets the boys use her phone.", "Morwenna"),
        ("Sukhman is doing better since the mentoring began.", "Sukhman"),
        ("Oluwadamilare has been given a phone by an older male.", "Oluwadamilare"),
        ("Worry: Mumtahina. Collected late by unknown adults.", "Mumtahina"),
        ("Vladyslav from the valeting bay gives the boys cash.", "Vladyslav"),
    ],
)
def test_forenames_of_wales_scotland_and_newer_communities_are_names(text, name):
    assert name in flagged(text), scan_text(text, (), TODAY)


@pytest.mark.parametrize(
    "text",
    [
        "Dyfed-Powys Police will share the patrol times.",
        "Referral to Ysgol Dewi Sant's pastoral team is in place.",
        "The Safa and Marwa bakery on the parade closes at ten.",
    ],
)
def test_a_force_a_saint_s_school_or_a_shop_is_no_one(text):
    assert not flagged(text), scan_text(text, (), TODAY)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Teachers say Ogunleye has been falling asleep in class.", "Ogunleye"),
        ("The PCSO said Wozniak was at the front of the group.", "Wozniak"),
    ],
)
def test_a_family_name_alone_is_flagged_as_readily_as_a_word_on_no_list(text, name):
    assert name in flagged(text), scan_text(text, (), TODAY)


@pytest.mark.parametrize(
    "text",
    [
        "Bradford has opened a second youth hub on the ring road.",
        "Staff said Bolton was quieter than usual on Friday night.",
    ],
)
def test_a_town_that_is_a_family_name_is_still_a_town(text):
    assert not flagged(text), scan_text(text, (), TODAY)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Pebble and Sprout were both at the garages.", {"Pebble", "Sprout"}),
        ("Biscuit and Nettle were both outside the arcade after midnight.", {"Biscuit", "Nettle"}),
    ],
)
def test_two_plain_words_both_somewhere_are_two_people(text, names):
    assert names <= flagged(text), scan_text(text, (), TODAY)


@pytest.mark.parametrize(
    "text",
    [
        "Tesco and Aldi were both at capacity on Saturday.",
        "Mum and Dad were both at the meeting.",
        "Nan and Grandad have asked for help with the school run.",
    ],
)
def test_shops_or_relatives_together_are_no_names(text):
    assert not flagged(text) and not asked(text), scan_text(text, (), TODAY)


@pytest.mark.parametrize(
    "text",
    ["yp 15 found behind the leisure centre at 2am", "boy 14 stopped by police near the tip"],
)
def test_an_age_typed_straight_after_who_it_is_is_an_age(text):
    assert "age" in {h.category for h in scan_text(text, (), TODAY)}


def test_a_bus_number_before_a_stop_is_no_age():
    assert scan_text("bus 14 stopped at the lights by the school", (), TODAY) == []


@pytest.mark.parametrize("text", ["kik: blossom_x22 sending the girls links", "on bereal as tia.k"])
def test_the_apps_young_people_use_are_not_asked_about(text):
    assert not asked(text), scan_text(text, (), TODAY)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("nell from the laundrette says the lads sleep behind the bins", "nell"),
        ("Wafer from the tyre place is the one they owe", "Wafer"),
        ("Pip from the scrapyard pays them in vapes", "Pip"),
    ],
)
def test_someone_named_by_the_place_they_come_from_is_asked_about(text, word):
    assert word in asked(text) | flagged(text), scan_text(text, (), TODAY)


@pytest.mark.parametrize(
    "text",
    [
        "Staff from the school said it was calm on Friday.",
        "Feedback from the youth club was positive.",
        "Someone from the council said the lights would be fixed.",
        "Ash from small bonfires has been found near the swings.",
    ],
)
def test_a_role_a_message_or_a_thing_from_a_place_is_not_asked_about(text):
    assert not asked(text) and not flagged(text), scan_text(text, (), TODAY)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Sprocket (the youngest) is being sent into shops.", "Sprocket"),
        ("Jonty (eldest of three) was seen at the garages.", "Jonty"),
    ],
)
def test_who_someone_is_in_the_family_in_brackets_marks_a_name(text, name):
    assert name in flagged(text), scan_text(text, (), TODAY)


def test_the_oldest_of_anything_else_in_brackets_is_no_one():
    assert not flagged("The Oak (eldest tree in the park) came down in the storm.")


@pytest.mark.parametrize(
    "text",
    ["H&C number 320 417 5562 is on the referral", "her health and care number is 4501239876"],
)
def test_northern_irelands_health_and_care_number_is_a_health_number(text):
    assert [h.category for h in scan_text(text, (), TODAY)] == ["nhs_number"]


def test_the_psni_is_a_service_not_a_name():
    assert not asked("PSNI attended twice on Saturday night.")


@pytest.mark.parametrize(
    "text",
    [
        "Vapes bought at Farmfoods and Costcutter after school.",
        "Boys were wearing Trapstar and Corteiz jackets.",
        "Payments go through Monzo and Revolut accounts.",
    ],
)
def test_shops_apps_and_clothes_young_people_name_are_no_one(text):
    assert not flagged(text) and not asked(text), scan_text(text, (), TODAY)


def test_a_forename_before_a_surname_that_names_a_thing_is_asked_about():
    assert "Tommy" in asked("Worries about Tommy Ward being collected by older men.")


def test_a_ward_named_for_a_surname_is_not_asked_about():
    assert not asked("Visiting hours on Nightingale Ward are changing.")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("tommy ward and his cousin on the wall shouting at the patrol", "tommy ward"),
        ("tommy ward's mum rang the school", "tommy ward"),
    ],
)
def test_a_forename_and_a_thing_naming_surname_in_lower_case_before_kin(text, name):
    assert name in flagged(text), scan_text(text, (), TODAY)


def test_a_ward_in_lower_case_is_still_a_ward():
    assert not flagged("the day ward and the clinic are shut on sundays")


def test_the_main_suspect_or_nominal_is_a_person():
    assert "Gravel" in flagged("Gravel is the main suspect in the shed fires.")


def test_a_vehicle_as_the_main_suspect_is_no_one():
    assert not flagged("The van is the main suspect vehicle in the thefts.")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Worry: Harj. Out past midnight most nights.", "Harj"),
        ("Ask Ibby about the bikes.", "Ibby"),
    ],
)
def test_short_forms_used_in_families_are_forenames(text, name):
    assert name in flagged(text), scan_text(text, (), TODAY)


@pytest.mark.parametrize(
    "text",
    ["exam UCI 52841K300417Q on the form", "her Oyster card 0612 4471 2290 was used at 1am"],
)
def test_an_exam_candidate_id_or_a_travel_card_number_is_a_reference(text):
    assert "reference" in {h.category for h in scan_text(text, (), TODAY)}


def test_a_travel_card_without_a_number_is_nothing():
    assert scan_text("Her Oyster card was topped up with 20 pounds.", (), TODAY) == []
