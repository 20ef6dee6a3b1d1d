"""Issue 40, the sixteenth round (tuning set twenty-five: word-names, nicknames, initials, twelve
communities, handles): each form the live flags now raise, each the names check now asks about,
and the ordinary sentences that must stay quiet. Every example is invented for this file."""

from __future__ import annotations

import pytest

from ctxtui.guard.privacy import scan_text
from tests.guard_probe import TODAY, flagged, raised


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Qorvenna is a looked-after child placed out of borough.", "Qorvenna"),
        ("Brivelle is an unaccompanied young person staying at the hotel.", "Brivelle"),
        ("Tamsenko has started attending the Friday gym session.", "Tamsenko"),
        ("Orlith is no longer going to the arcade after school.", "Orlith"),
        ("Velquin has been posting videos of the fights online.", "Velquin"),
        ("Mr Brackwater is worried about the lads in the stairwell.", "Mr Brackwater"),
    ],
)
def test_a_word_on_no_list_said_to_be_a_child_or_to_act_is_flagged(text, name):
    assert name in flagged(text), scan_text(text, (), TODAY)


@pytest.mark.parametrize(
    "text",
    [
        "Drop-in is a safe space for the younger ones on the estate.",
        "Funding is a real worry for the youth service next year.",
        "Lighting is no longer working on the towpath by the lock.",
        "Footfall has started to rise at the market on Saturdays.",
    ],
)
def test_a_thing_said_to_be_for_children_is_not_a_name(text):
    assert not flagged(text), scan_text(text, (), TODAY)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Pargeter and Finch were named as the two men at the garage.", "Pargeter"),
        ("Hargreaves was identified by two neighbours as the older male.", "Hargreaves"),
        ("Zolvan's NRM referral went in on Monday.", "Zolvan"),
    ],
)
def test_who_someone_was_named_as_and_what_is_theirs_are_flagged(text, name):
    assert name in flagged(text), scan_text(text, (), TODAY)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Youth worker to speak to June about the fights.", "June"),
        ("Worry that Gristle has been supplying the younger lads.", "Gristle"),
    ],
)
def test_the_names_check_asks_about_a_month_spoken_to_and_a_word_after_that(text, name):
    assert name in raised(text)


@pytest.mark.parametrize(
    "text",
    [
        "The worry that Drill has been played loud at the bus stop is shared.",
        "We know that Homework Club has been full every week.",
        "From March to May the youth bus will park by the library.",
        "The streets were named by the council as the new ward.",
    ],
)
def test_a_thing_after_that_a_month_and_a_naming_council_are_not_asked(text):
    assert not raised(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The lads call the driver Snipz and say he pays them.", "Snipz"),
        ("The younger ones say Auntie Q lets them stay over.", "Auntie Q"),
        ("lads say Unc B drops them off by the tip", "Unc B"),
        ("k.t. says he was followed home from the bus", "k.t."),
        ("r.w.'s nan has asked for help with evenings", "r.w."),
        ("kt mum rang school to say she is worried", "kt"),
        ("pebble n orlaith seen w older lads at the garages", "orlaith"),
        ("dusty n willow seen by the shutters after dark", "willow"),
    ],
)
def test_nicknames_kin_letters_and_lower_case_initials_are_flagged(text, name):
    assert name in flagged(text), scan_text(text, (), TODAY)


@pytest.mark.parametrize(
    "text",
    [
        "Meet at 6 p.m. at the hub, e.g. for the detached walk.",
        "my mum said the lights are out again on the bridge",
        "sw mum meeting moved to Thursday",
        "Uncle Bill's Diner has CCTV over the car park.",
        "The teachers call the hall B block now.",
    ],
)
def test_times_abbreviations_and_named_places_are_not_flagged(text):
    assert not flagged(text), scan_text(text, (), TODAY)


@pytest.mark.parametrize(
    ("text", "detail"),
    [
        ("His discord is ghostline_7#0931 and he games all night.", "ghostline_7#0931"),
        ("snap: __moonbeam.x__", "__moonbeam.x__"),
    ],
)
def test_discord_tags_and_handles_wrapped_in_underscores_are_handles(text, detail):
    assert detail in flagged(text, "handle"), scan_text(text, (), TODAY)


@pytest.mark.parametrize(
    "text",
    [
        "Room#1234 is booked for the review.",
        "The youth club is forty minutes from the estate by bus.",
        'Staff said the word "grass" is being used to frighten the younger ones.',
        "The Ferryman's Rest pub has new CCTV over the beer garden.",
        "The Drover's Inn closes at eleven on weekdays.",
    ],
)
def test_a_room_a_youth_club_a_word_spoken_of_and_a_pub_are_not_flagged(text):
    assert not scan_text(text, (), TODAY), scan_text(text, (), TODAY)


def test_a_youth_said_to_be_an_age_is_still_an_age():
    assert flagged("The youth in the red coat was 15, staff think.", "age")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("will and his mate seen on scooters by the lock-ups", "will"),
        ("Clover and her best friend were seen at the bus depot.", "Clover"),
        ("Tashkiran's boxing coach will come to the next review.", "Tashkiran"),
    ],
)
def test_a_word_name_beside_a_friend_and_a_coach_of_someones_are_flagged(text, name):
    assert name in flagged(text), scan_text(text, (), TODAY)


@pytest.mark.parametrize(
    "text",
    [
        "The youth service may and should run the late session.",
        "Staff will visit the family and her school on Monday.",
    ],
)
def test_a_verb_before_and_is_no_name(text):
    assert not flagged(text), scan_text(text, (), TODAY)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Grandad Stokes has said he will walk them back from the rec.", "Stokes"),
        ("The Pellews at number 4 have asked for a lock on the bin store.", "Pellews"),
    ],
)
def test_a_relatives_name_and_a_family_where_they_live_are_asked_about(text, name):
    assert name in raised(text)


def test_a_title_of_capitalised_words_is_still_no_name():
    assert not raised("The Summer Reading Scheme runs at the library in August.")


@pytest.mark.parametrize(
    ("text", "letters"),
    [
        ("QN says she was offered a lift by two men.", "QN"),
        ("Ask KD, she saw the whole thing at the bus stop.", "KD"),
        ("Youth worker to meet WT and mum at the hub.", "WT"),
        ("- PJ & RM: both open to the youth service now.", "PJ"),
        ("Two lads known as BZ and TQ hang around the school gates.", "BZ"),
        ("HF (the girl from the hostel) has not been seen since Sunday.", "HF"),
        ("worries re z.q. and the older group at the skate park", "z.q."),
    ],
)
def test_initials_where_a_person_stands_are_flagged(text, letters):
    assert letters in flagged(text), scan_text(text, (), TODAY)


@pytest.mark.parametrize(
    "text",
    [
        "The RC school says more pupils are walking home alone.",
        "Session ends at 9 p.m. and is ok for year 7s.",
        "PC and PCSO will both patrol on Friday.",
    ],
)
def test_abbreviations_beside_these_cues_are_not_initials(text):
    assert not flagged(text), scan_text(text, (), TODAY)


@pytest.mark.parametrize(
    ("text", "letters"),
    [
        ("Q and V both missing from the children's home on Friday.", "V"),
        ("Concerns about J and T — both out late on school nights.", "T"),
        ("worries re qz and the older lads at the lido", "qz"),
        ("feedback from wq: the underpass feels unsafe at night", "wq"),
    ],
)
def test_letters_for_two_people_and_lower_case_pairs_after_re_are_flagged(text, letters):
    assert letters in flagged(text), scan_text(text, (), TODAY)


@pytest.mark.parametrize(
    "text",
    [
        "Stairwells in Blocks Q and V are being used to store bikes.",
        "Plan A and B were both agreed by the panel.",
        "Waits at A and E were both long last weekend.",
        "update re gp and the school nurse next week",
    ],
)
def test_lettered_places_plans_and_services_are_not_initials(text):
    assert not flagged(text), scan_text(text, (), TODAY)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("smudge (yp) said the older lads pay in vapes", "smudge"),
        ("nutmeg n mates seen w/ masks behind the leisure centre", "nutmeg"),
        ("gravel and his cousin were at the garages again", "gravel"),
        ("twiggy (older brother) collects them in a van", "twiggy"),
    ],
)
def test_a_word_typed_in_lower_case_beside_who_the_person_is_is_flagged(text, name):
    assert name in flagged(text), scan_text(text, (), TODAY)


@pytest.mark.parametrize(
    "text",
    [
        "shop (run by a local man) sells single cigarettes",
        "police and others attended the fire at the garages",
        "staff (yp workers) will cover the late session",
        "cans and others were found under the bridge",
    ],
)
def test_a_word_typed_in_lower_case_beside_a_bracket_or_others_is_no_name(text):
    assert not flagged(text), scan_text(text, (), TODAY)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Nutmeg (yp) says the van comes on Fridays.", "Nutmeg"),
        ("Staff saw Biscuit and his cousin by the lock-ups.", "Biscuit"),
    ],
)
def test_a_capitalised_word_beside_who_the_person_is_is_flagged(text, name):
    assert name in flagged(text), scan_text(text, (), TODAY)


def test_a_capitalised_plural_or_acronym_beside_others_is_no_name():
    assert not flagged("Bikes and others were dumped in the canal.")
    assert not flagged("CAMHS and others will attend the review.")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("yp says twig gave him the sim and a charger", "twig"),
        ("she said moth told her to keep the bag at home", "moth"),
    ],
)
def test_a_word_in_lower_case_said_to_have_done_something_to_the_speaker_is_flagged(text, name):
    assert name in flagged(text), scan_text(text, (), TODAY)


@pytest.mark.parametrize(
    "text",
    [
        "yp says school told him to stay home on Friday",
        "she said someone gave her a lift home",
        "yp says police gave him a warning at the park",
    ],
)
def test_a_role_or_pronoun_said_to_have_done_something_is_no_name(text):
    assert not flagged(text), scan_text(text, (), TODAY)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Staff saw Qiaolin at the bus station with two men.", "Qiaolin"),
        ("Li Haoxuan waits outside the school for the older boys.", "Li Haoxuan"),
    ],
)
def test_chinese_given_names_of_two_pinyin_syllables_are_forenames(text, name):
    assert name in flagged(text), scan_text(text, (), TODAY)


@pytest.mark.parametrize(
    "text",
    [
        "Huawei and Xiaomi phones were found in the bag.",
        "The group meets at Shenzhen Garden restaurant on Fridays.",
        "The Fanta cans were left by the bins again.",
    ],
)
def test_brands_places_and_words_of_pinyin_shape_are_not_names(text):
    assert not flagged(text), scan_text(text, (), TODAY)


def test_the_pinyin_shape_needs_two_syllables_and_a_mark_of_pinyin():
    from ctxtui.guard.pinyin import pinyin_given_name

    assert pinyin_given_name("Zihan") and pinyin_given_name("Xinyi")
    assert not pinyin_given_name("Fanta")  # two syllables, nothing only pinyin has
    assert not pinyin_given_name("Banana")  # three
    assert not pinyin_given_name("ZIHAN")


def test_vietnamese_names_typed_without_their_accents_are_forenames():
    from ctxtui.guard.word_lists import is_forename

    assert is_forename("Phuong") and is_forename("Huong")
    assert "Phuong" in flagged("Staff saw Phuong at the bus station with two men.")


def test_bulgarian_russian_and_ukrainian_names_in_english_letters_are_forenames():
    from ctxtui.guard.word_lists import is_forename

    assert is_forename("Stoyan") and is_forename("Svitlana")
    assert "Stoyan" in flagged("Police stopped Stoyan near the car wash on Sunday.")


@pytest.mark.parametrize(
    "text",
    [
        "The Hill family have asked for help with the boys.",
        "the Lane brothers are dealing from the flat",
        "Both Green twins were stopped near the station.",
    ],
)
def test_a_place_word_before_a_family_or_siblings_is_a_family(text):
    assert flagged(text), scan_text(text, (), TODAY)


def test_a_place_word_before_boys_is_still_a_group_from_there():
    assert not flagged("the Estate boys were at the park again")


@pytest.mark.parametrize(
    "text",
    [
        "the foster family are struggling with the late nights",
        "we met the foster family at the hub today",
    ],
)
def test_a_foster_family_typed_in_lower_case_is_no_name(text):
    assert not flagged(text), scan_text(text, (), TODAY)


def test_a_name_on_no_dictionary_before_a_family_word_is_still_flagged():
    assert flagged("the brankley girls were seen at the garages")


@pytest.mark.parametrize(
    "text",
    [
        "hope is that the new lighting reduces gatherings at the rec",
        "patience is needed while the housing transfer goes through",
        "dawn patrols by the pcsos have started on the estate",
    ],
)
def test_an_idea_said_of_and_an_acronyms_plural_are_not_asked(text):
    assert not raised(text)


def test_a_word_name_typed_in_lower_case_doing_what_people_do_is_still_asked():
    assert "hope" in raised("hope is missing again, last seen at the rec")


def test_a_restaurant_named_with_someones_possessive_is_not_flagged():
    assert not flagged("Drivers from Tomasz's restaurant were approached by the group.")


def test_a_brand_named_with_a_title_before_what_it_sells_is_not_flagged():
    assert not flagged("Mrs Kettlewell sweets are sold at the kiosk by the pier.")


def test_a_word_ending_in_double_s_is_no_plural_where_a_person_stands():
    assert "Duchess" in flagged("Duchess was not at school on Monday and has not been seen since.")
    assert not flagged("Access was not possible to the stairwell on Monday.")


def test_a_titled_name_before_a_verb_that_is_also_a_shop_is_still_a_name():
    assert "Mr Brackwater" in flagged("Mr Brackwater shops at the market with the boys.")
