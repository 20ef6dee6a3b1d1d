"""Issue 40, the seventeenth round (tuning set twenty-six: nicknames, word-names, initials,
Irish Traveller, Filipino and Roma names, handles, loose ages and references): each form the
live flags now raise, each the names check now asks about, and the ordinary sentences that must
stay quiet. Every example is invented for this file."""

from __future__ import annotations

import pytest

from ctxtui.guard.privacy import scan_text
from tests.guard_probe import TODAY, asked, flagged, raised


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Noreen Ward told the PCSO that the caravans were being watched.", "Noreen Ward"),
        ("Alfie Day says he was offered money to carry a bag.", "Alfie Day"),
        ("Siobhan Bay has asked for a lift to the clinic.", "Siobhan Bay"),
    ],
)
def test_a_surname_that_names_things_too_before_what_someone_says_is_a_name(text, name):
    assert name in flagged(text), scan_text(text, (), TODAY)


@pytest.mark.parametrize(
    "text",
    [
        "Nightingale Ward is closed to visitors after eight.",
        "Cavell Ward said to be short of beds this winter.",
        "Ada Lovelace Day is on the school calendar.",
    ],
)
def test_a_ward_or_a_day_named_for_someone_is_still_a_thing(text):
    assert not flagged(text), scan_text(text, (), TODAY)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Brannoch Tilley works at the car wash and pays the boys in cash.", "Brannoch Tilley"),
        ("Jovelyn Sarmiento worked the late shift at the chicken shop.", "Jovelyn Sarmiento"),
    ],
)
def test_someone_who_works_somewhere_is_a_name(text, name):
    assert name in flagged(text), scan_text(text, (), TODAY)


@pytest.mark.parametrize(
    "text",
    [
        "The new lighting works well on the towpath.",
        "Early Help works with the family on a voluntary basis.",
        "Fairbank Motors works late on Fridays.",
    ],
)
def test_a_service_or_a_thing_that_works_is_not_a_name(text):
    assert not flagged(text), scan_text(text, (), TODAY)


@pytest.mark.parametrize(
    "text",
    [
        "Both girls, aged 12 and 15, were found at the flat above the bookies.",
        "Two lads aged 13 & 14 were stopped on the cycle path.",
        "Missing episode: female, 15, last seen near the bowling alley.",
        "misper report - male, 13 yrs, wearing a grey tracksuit",
    ],
)
def test_two_young_peoples_ages_and_a_missing_persons_age_are_flagged(text):
    assert flagged(text, "age"), scan_text(text, (), TODAY)


@pytest.mark.parametrize(
    "text",
    [
        "Boys aged 13 and 14 are the ones most approached at the arcade.",
        "The boxing club takes young people aged between 11 and 16.",
        "Male, 40 minutes late to the session, said the bus broke down.",
    ],
)
def test_who_a_group_is_and_other_numbers_are_not_ages(text):
    assert not flagged(text, "age"), scan_text(text, (), TODAY)


def test_a_youtube_channel_typed_short_is_a_handle():
    assert "quellmobb" in flagged("yt channel quellmobb posts the drill videos", "handle")


@pytest.mark.parametrize(
    "text",
    [
        "most yps on the rota say they feel safer since the patrols started",
        "The cyps' forum met at the library on Tuesday.",
        "Floodlights for the muga behind the leisure centre are broken.",
        "Two boys found with ket and a set of scales by the garages.",
        "Return home interviews (rhi) to be offered within 72 hours.",
    ],
)
def test_the_fields_short_words_are_not_asked_about(text):
    assert not asked(text), asked(text)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("his cousin sprocket seen at the rec again", "sprocket"),
        ("auntie teacup says she has not seen him", "teacup"),
    ],
)
def test_a_nickname_after_a_relatives_word_before_what_people_do_is_asked(text, word):
    assert word in asked(text), asked(text)


@pytest.mark.parametrize(
    "text",
    [
        "mum also said he was out past midnight",
        "a girl being followed from the precinct by two men",
        "dad really upset after the call from school",
    ],
)
def test_a_relative_then_an_ordinary_word_is_not_asked(text):
    assert not asked(text), asked(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Mr V, who owns the lock-ups, lets the older boys store bikes there.", "Mr V"),
        ("Ms Q. has been collecting the girls from school in a taxi.", "Ms Q"),
    ],
)
def test_a_title_and_one_initial_is_a_name(text, name):
    assert any(hit.startswith(name) for hit in flagged(text)), scan_text(text, (), TODAY)


def test_a_letter_that_names_a_plan_or_a_block_is_not_a_titled_initial():
    assert not flagged("Plan B is to move the session to Block D on Thursdays.")


@pytest.mark.parametrize(
    ("text", "letters"),
    [
        ("qv and zt seen by the bins behind the chippy at 11", {"qv", "zt"}),
        ("Worries about W and his older cousin at the car wash.", {"W"}),
        ("Staff saw her best friend X near the taxi rank.", {"X"}),
    ],
)
def test_initials_typed_live_beside_what_people_do_or_a_relative_are_flagged(text, letters):
    assert letters <= flagged(text), scan_text(text, (), TODAY)


@pytest.mark.parametrize(
    "text",
    [
        "pc and dc went round to the flat on Tuesday evening",
        "Block F and his mates' usual bench were both cleared by the wardens.",
    ],
)
def test_officers_and_lettered_blocks_are_not_initials(text):
    assert not flagged(text), scan_text(text, (), TODAY)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Maura Ward's nan has asked the site manager to move the van.", "Maura Ward"),
        ("The girls refer to the older one as Whisper and avoid him.", "Whisper"),
        ("They call the younger one Pockets because he holds the cash.", "Pockets"),
    ],
)
def test_a_surname_before_a_relative_and_what_people_call_someone_are_names(text, name):
    assert name in flagged(text), scan_text(text, (), TODAY)


@pytest.mark.parametrize(
    "text",
    [
        "Tennyson Ward's nurses run the drop-in on Wednesdays.",
        "Parents call the new one Hollowbrook, after the old mill.",
    ],
)
def test_a_wards_staff_and_a_place_people_call_something_are_not_names(text):
    assert not flagged(text), scan_text(text, (), TODAY)


def test_a_word_on_no_list_believed_to_be_one_of_them_is_a_name():
    text = "Youth workers heard about Baby Quorrin, believed to be one of the lookouts."
    assert "Quorrin" in flagged(text), scan_text(text, (), TODAY)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Paddy was at the site when the van came.", "Paddy"),
        ("Worried about Biddy and her younger brother.", "Biddy"),
        ("Staff saw Bridgie Quinlan at the bus station.", "Bridgie Quinlan"),
        ("Oona Ward was seen at the lay-by with two older men.", "Oona Ward"),
        ("Danny Day is missing again since Friday.", "Danny Day"),
    ],
)
def test_pet_forms_of_irish_and_british_names_and_surnames_that_name_things_are_names(text, name):
    assert name in flagged(text), scan_text(text, (), TODAY)


@pytest.mark.parametrize(
    "text",
    [
        "Paddy Power staff have seen younger lads trying to place bets.",
        "John Lewis and Marks & Spencer security both joined the radio scheme.",
        "Holland & Barrett has agreed to display the posters.",
        "Ted Baker bags are turning up with no receipts.",
        "Nightingale Ward was closed for cleaning last week.",
    ],
)
def test_chains_named_for_a_person_and_a_ward_are_not_names(text):
    assert not flagged(text), scan_text(text, (), TODAY)


def test_a_chains_name_before_a_relative_is_still_someone():
    assert "John Lewis" in flagged("John Lewis's mum rang the school about the fights.")


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("9-y-o seen on the back of an e-scooter", "age"),
        ("the youngest (around 12) was crying at the bus stop", "age"),
        ("the boy - 13 - would not give his address", "age"),
        ("female 15 reported missing from the children's home", "age"),
        ("At 12 she was already being sent out of town.", "age"),
        ("her ig is moonrakerr and she accepts anyone", "handle"),
        ("control room log is 0317 of the 21st", "reference"),
        ("niche ref 25*778812 linked to the stabbing", "reference"),
    ],
)
def test_more_forms_of_an_age_a_handle_and_a_reference_are_flagged(text, category):
    assert flagged(text, category), scan_text(text, (), TODAY)


@pytest.mark.parametrize(
    "text",
    [
        "Meet at 14 Orchard Row at 3pm.",
        "The session runs from 10 to 12 - 14 young people came.",
        "her ig is private now so staff cannot see it",
        "the meeting log is 12 pages long",
    ],
)
def test_numbers_and_words_that_are_not_ages_handles_or_references(text):
    hits = {hit.category for hit in scan_text(text, (), TODAY)}
    assert not hits & {"age", "handle", "reference"}, hits


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Staff think Blessing and two older boys are being paid to carry.", "Blessing"),
        ("police brought hazel home at 3am and she would not talk", "hazel"),
    ],
)
def test_a_word_name_with_other_young_people_or_brought_home_is_a_name(text, name):
    assert name in flagged(text), scan_text(text, (), TODAY)


def test_a_shop_with_others_of_its_kind_is_not_a_name():
    assert not flagged("Greggs and two other shops have agreed to join the scheme.")


def test_the_first_of_a_pair_typed_live_whose_second_has_a_place_word_surname_is_a_name():
    text = "mikey and biddy hill both by the garages again last night"
    assert "mikey" in flagged(text), scan_text(text, (), TODAY)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Gravel and Ember both seen by the canal steps after dark.", {"Gravel", "Ember"}),
        ("Sprout and Vortz were both seen getting into a taxi.", {"Sprout", "Vortz"}),
    ],
)
def test_two_capitalised_words_both_doing_what_people_do_are_names(text, names):
    assert names <= flagged(text), scan_text(text, (), TODAY)


@pytest.mark.parametrize(
    "text",
    [
        "Police and Housing both at the meeting on Thursday.",
        "Lidl and Aldi both at the retail park have agreed to help.",
    ],
)
def test_services_and_shops_both_doing_something_are_not_names(text):
    assert not flagged(text), scan_text(text, (), TODAY)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Sunny painted the mural outside the youth club last week.", "Sunny"),
        ("Ember kept the phone hidden under the mattress.", "Ember"),
    ],
)
def test_a_word_name_opening_a_sentence_before_its_verb_is_asked(text, word):
    assert word in raised(text), raised(text)


@pytest.mark.parametrize(
    "text",
    [
        "Holly bushes by the car park were cut back in October.",
        "Summer holidays are the busiest time for the detached team.",
        "May half term saw more groups at the skate park.",
        "Will the council fund the lighting next year?",
    ],
)
def test_a_word_name_opening_a_sentence_before_a_noun_is_not_asked(text):
    assert not raised(text), raised(text)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("CHI 2207114398 added to the health referral", "nhs_number"),
        ("school gave her SCN 445120983 for the exam board", "reference"),
        ("WCCIS id 5520931 for the older brother", "reference"),
        ("staying at 9 Stryd Fawr above the takeaway", "address"),
        ("lives at 17 Nungate Vennel with her aunt", "address"),
    ],
)
def test_scottish_and_welsh_numbers_and_streets_are_identifiers(text, category):
    assert flagged(text, category), scan_text(text, (), TODAY)


def test_a_tai_chi_class_number_is_no_health_number():
    hits = scan_text("tai chi class on 0161 496 0123 is free for carers", (), TODAY)
    assert "nhs_number" not in {hit.category for hit in hits}


def test_a_forename_and_a_surname_that_names_a_thing_seen_by_staff_is_a_name():
    text = "Staff saw Oonagh Ward at the bus station with two men."
    assert "Oonagh Ward" in flagged(text), scan_text(text, (), TODAY)
    assert not flagged("Staff visited Nightingale Ward on Tuesday afternoon.")
