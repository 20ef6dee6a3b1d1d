"""Issue 40, the fourteenth round (tuning set twenty-three: word-names, nicknames, initials,
families): each form the live flags now raise, each the names check now asks about, and the
ordinary sentences that must stay quiet. Every example is invented for this file."""

from __future__ import annotations

import pytest

from ctxtui.guard.privacy import scan_text
from tests.guard_probe import TODAY, flagged, raised


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a verb after an adverb; "has said" before what was said; school, a bond, a block
        ("Ivy is still attending the boxing sessions twice a week.", "Ivy"),
        ("Hazel has said she wants to move schools.", "Hazel"),
        ("Clover has started college and likes the course.", "Clover"),
        ("Ivy has a close bond with her youth worker.", "Ivy"),
        ("Hazel has blocked her mum on every app.", "Hazel"),
        ("Juniper was present when the fight broke out.", "Juniper"),
        # with friends; who they are between commas; a relative or neighbour, then a bracket
        ("Wren and three friends were moved on from the car park.", "Wren"),
        ("Sunny, mum of the twins, came to the meeting.", "Sunny"),
        ("Basil, a local shopkeeper, sells single cigarettes to pupils.", "Basil"),
        ("Neighbour (Clement) reported lads on the roof of the garages.", "Clement"),
        ("The young person – Ivy – said she was frightened.", "Ivy"),
    ],
)
def test_the_live_flags_find_each_fourteenth_round_form(text, name):
    assert name in flagged(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Tinker, an adult who lives above the bookies, lets lads stay over.", "Tinker"),
        ("Resident (Sprocket) keeps watch from the balcony.", "Sprocket"),
    ],
)
def test_the_names_check_asks_about_each_fourteenth_round_form(text, name):
    assert name in raised(text)


def test_a_function_word_in_a_list_is_never_asked():
    assert raised("Hazel, an older girl, was at the bus station.") == {"Hazel"}


@pytest.mark.parametrize(
    "text",
    [
        "Housing officer for the Brackenhurst blocks sent apologies.",
        "The council has blocked the alley with new gates.",
        "Summer, a busy time for the park, brings more groups.",
        "Hope is that the new lighting will help.",
        "The project has started work on the new pitch.",
    ],
)
def test_the_fourteenth_round_leaves_ordinary_sentences_alone(text):
    assert flagged(text) == set()


@pytest.mark.parametrize(
    ("text", "letters"),
    [
        ("Youth worker to review TQ's safety plan next week.", "TQ"),
        ("It was agreed that VB should be offered a mentor.", "VB"),
        ("RW and RP (twins) both go to the skate park.", "RP"),
        ("The school counsellor is seeing VB about the threats.", "VB"),
        ("Both TQ and her younger sister were moved on by security.", "TQ"),
    ],
)
def test_the_live_flags_find_initials_where_a_person_stands(text, letters):
    assert letters in flagged(text)


@pytest.mark.parametrize(
    "text",
    [
        "The CSP plan is to be reviewed in spring.",
        "Both PCs and the DSL went to the gates.",
    ],
)
def test_initials_rules_leave_services_alone(text):
    assert flagged(text) == set()


@pytest.mark.parametrize(
    ("text", "category", "detail"),
    [
        ("Phone for the family: 0113 496 0777.", "phone", "0113 496 0777"),
        ("Misper record MISPER 31/0442 opened on Monday.", "reference", "31/0442"),
        ("Merlin report 31MER000871 sent to the MASH.", "reference", "31MER000871"),
        ("Intel log reference QX 7710452 was submitted.", "reference", "QX 7710452"),
        ("reg no: KDZ 4410 (blue van) at the lay-by", "vehicle", "KDZ 4410"),
    ],
)
def test_each_fourteenth_round_identifier_form_is_flagged(text, category, detail):
    hits = scan_text(text, (), TODAY)
    assert any(hit.category == category and detail in hit.text for hit in hits), hits


@pytest.mark.parametrize(
    "text",
    [
        "Ivy Walk is being resurfaced after the fire.",
        "The Bishop's Head has been asked to check ID at the door.",
    ],
)
def test_places_and_pubs_named_after_people_are_neither_flagged_nor_asked(text):
    assert raised(text) == set()


def test_a_person_named_like_a_place_is_still_flagged():
    assert "Agnieszka Hill" in flagged("Agnieszka Hill is being moved to another school.")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Siobhan Ward (mum) has asked for a meeting at the site.", "Siobhan"),
        ("Agnieszka Wood has not been back to school since half term.", "Agnieszka"),
    ],
)
def test_a_forename_then_a_place_word_that_is_a_family_name_is_asked(text, name):
    assert any(name in word for word in raised(text))


@pytest.mark.parametrize(
    "text",
    [
        "Agnieszka Fields was added to the patrol route.",
        "The Agnieszka Hall has been booked for the fun day.",
        "Agnieszka Street has been closed for resurfacing.",
    ],
)
def test_a_place_named_after_a_forename_is_not_asked(text):
    assert raised(text) == set()


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Younger pupils refer to Tinsel as the one who pays.", "Tinsel"),
        ("wren and ivy were out together until 2am on friday", "wren"),
        ("Staff believe Ivy has been supplying vapes to year 8s.", "Ivy"),
    ],
)
def test_a_name_spoken_of_or_out_late_or_supplying_is_raised(text, name):
    assert name in raised(text)


def test_a_place_referred_to_as_one_is_not_a_nickname():
    assert raised("Residents refer to Tinsel as a hotspot after dark.") == set()


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The youth club will invite Quennell to the cooking group.", "Quennell"),
        ("The clip was filmed by Quillon and shared widely.", "Quillon"),
        ("Door staff escorted Gristle out of the arcade.", "Gristle"),
        ("The little ones look up to Gristle.", "Gristle"),
    ],
)
def test_a_word_on_no_list_acted_on_as_a_person_is_flagged(text, name):
    assert name in flagged(text)


@pytest.mark.parametrize(
    "text",
    [
        "Several pupils told Childline they feel unsafe on the bus.",
        "Licensing to visit The Anchor after reports of under-18s served.",
        "Trading Standards to visit Nimbus Vapes about underage sales.",
        "Staff warned Lantern is being used as a meeting point.",
    ],
)
def test_services_shops_and_apps_acted_on_are_not_flagged(text):
    assert flagged(text) == set()


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("ivy - cin referral done, waiting to hear", "ivy"),
        ("Ivy? – not seen at the hub since monday", "Ivy"),
        ("college excluded ivy carter 3 days after the row", "ivy"),
    ],
)
def test_the_names_check_asks_about_a_note_under_a_name_and_a_full_name_in_lower_case(text, name):
    assert any(name in word for word in raised(text))


@pytest.mark.parametrize(
    "text",
    ["summer holidays - more groups at the park", "we hope carter lane gets new lights"],
)
def test_lower_case_words_in_ordinary_notes_are_not_asked(text):
    assert raised(text) == set()


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("note - zeynep okonkwo has asthma, school aware", "zeynep okonkwo"),
        ("foster carer says dzhamal shah getting lifts from a van", "dzhamal shah"),
    ],
)
def test_a_full_name_typed_in_lower_case_is_flagged(text, name):
    assert name in flagged(text)


def test_a_word_on_no_list_before_a_verb_of_being_is_no_full_name():
    assert flagged("Wagwan and peng were heard in the chat, but the words are no concern.") == set()


@pytest.mark.parametrize(
    "text",
    [
        "Tinsel told the nurse that an older boy had asked her to carry a bag.",
        "The wardens will visit the shops that are selling to young people.",
    ],
)
def test_an_auxiliary_in_lower_case_is_never_asked(text):
    assert {"had", "are"} & raised(text) == set()


def test_a_word_after_think_before_a_persons_verb_is_asked():
    assert "gristle" in raised("dont think gristle knows the older ones use her flat")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("staff saw ivy outside the bookies with a bottle", "ivy"),
        ("PCSOs observed Juniper with older lads by the garages.", "Juniper"),
    ],
)
def test_a_word_name_seen_somewhere_is_flagged(text, name):
    assert name in flagged(text)


def test_seeing_hope_in_something_is_no_name():
    assert flagged("staff saw hope in the way the group worked together") == set()


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Worries about Gristle, who is thought to recruit younger pupils.", "Gristle"),
        ("Tinsel (street name) has been seen driving the car.", "Tinsel"),
    ],
)
def test_a_nickname_with_who_or_a_street_name_is_flagged(text, name):
    assert name in flagged(text)


def test_a_nickname_said_to_be_the_person_who_does_something_is_raised():
    assert "Gristle" in raised("School believe Gristle is the person sending the voice notes.")


def test_a_brand_with_who_is_not_flagged():
    assert flagged("Thanks to Barclays, who funded the kit.") == set()


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("cousin wren also in the snap video, school to check", "wren"),
        ("feedback from ivy: bus stop feels unsafe after dark", "ivy"),
        ("hazel + 2 others moved on from the precinct", "hazel"),
    ],
)
def test_a_word_name_in_lower_case_beside_a_relative_or_speaker_is_flagged(text, name):
    assert name in flagged(text)


@pytest.mark.parametrize(
    "text",
    ["her bf said he would keep away from the park", "plan activities from july onwards"],
)
def test_a_verb_or_a_month_beside_a_relative_is_not_flagged(text):
    assert flagged(text) == set()


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Stepdad (Rocket) has refused a home visit.", "Rocket"),
        ("Gristle, a local landlord, lets lads stay over.", "Gristle"),
    ],
)
def test_an_ordinary_word_named_as_a_relative_or_who_they_are_is_flagged(text, name):
    assert name in flagged(text)


@pytest.mark.parametrize(
    "text",
    [
        "The Brankleys have asked for the lighting to be fixed.",
        "The Delahuntys told housing about the stairwell.",
    ],
)
def test_a_family_in_the_plural_acting_is_flagged(text):
    assert flagged(text)


def test_a_place_in_the_plural_is_not_a_family():
    assert flagged("The Meadows have been closed for works.") == set()


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Gristle was seen handing a bag to a younger boy.", "Gristle"),
        ("Staff believe that Tinsel has been carrying for the older lads.", "Tinsel"),
    ],
)
def test_a_nickname_as_the_subject_of_what_people_do_is_flagged(text, name):
    assert name in flagged(text)


@pytest.mark.parametrize(
    "text",
    [
        "Housing said they would fix the lights.",
        "Catering has refused to serve energy drinks.",
        "Quaymaster has asked that the gate be locked.",
        "Brackenhurst Vale rangers have agreed to lock the car park.",
    ],
)
def test_services_and_roles_as_subjects_are_not_flagged(text):
    assert flagged(text) == set()


def test_a_word_name_in_lower_case_as_the_subject_mid_sentence_is_asked():
    assert "wren" in raised("shop owner reckons wren comes in most days after school")


def test_a_word_name_after_a_determiner_is_not_asked():
    assert raised("the lads said the hope comes from the youth club") == set()


@pytest.mark.parametrize(
    ("text", "handle"),
    [
        ("his snap is brackenfern", "brackenfern"),
        ("goes by quillzz on insta", "quillzz"),
        ("added on snap by trapzlordd", "trapzlordd"),
    ],
)
def test_an_account_name_in_lower_case_on_a_platform_is_a_handle(text, handle):
    hits = scan_text(text, (), TODAY)
    assert ("handle", handle) in {(hit.category, hit.text) for hit in hits}


@pytest.mark.parametrize("text", ["his snap is private now", "her insta is full of fight videos"])
def test_an_ordinary_word_about_a_platform_is_no_handle(text):
    assert scan_text(text, (), TODAY) == []


def test_turning_up_somewhere_is_what_a_person_does():
    assert "Quillon" in raised("per the youth worker, Quillon keeps turning up with new trainers")
    assert "Quillon" in flagged("Quillon turned up at the youth club with a black eye.")


def test_a_forename_and_ward_after_that_is_asked():
    assert any(
        "Siobhan" in word
        for word in raised("Family say that Siobhan Ward has not been back on the site since May.")
    )


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("kwabena + thiagoo both at the chippy til late", "kwabena"),
        ("everyone except mirzokhid has now left the group chat", "mirzokhid"),
    ],
)
def test_a_word_on_no_list_typed_in_lower_case_where_people_stand_is_flagged(text, name):
    assert name in flagged(text)


def test_two_things_joined_are_not_both_people():
    assert flagged("bikes + scooters both left in the stairwell") == set()


def test_a_river_is_a_place_unless_a_person_stands_there():
    assert flagged("Scooters were dumped in the River Wendle again.") == set()
    assert "River Okoro" in flagged("River Okoro seen at the skate bowl with older lads.")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("pcso to say hi to hazel on patrols, build trust", "hazel"),
        ("sw to check on ivy baker after school", "ivy"),
    ],
)
def test_a_word_name_after_what_is_done_for_a_person_is_asked(text, name):
    assert any(name in word for word in raised(text))


def test_a_function_word_is_never_asked_in_lower_case():
    assert raised("the group look out for each other on the way home") == set()


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("It is unclear whether Gristle is aware of the risks.", "Gristle"),
        ("The manager confirmed that Hazel regularly waits outside after closing.", "Hazel"),
        ("A referral has been made in respect of Gristle.", "Gristle"),
        ("The housing officer will meet the Okonkwos about a managed move.", "Okonkwos"),
    ],
)
def test_the_fourteenth_rounds_last_forms_are_flagged(text, name):
    assert name in flagged(text)


def test_a_place_in_the_plural_visited_is_not_a_family():
    assert flagged("Wardens will visit the Meadows on Friday.") == set()
