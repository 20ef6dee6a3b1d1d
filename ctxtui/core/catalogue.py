"""Interventions a conference often agrees, grouped by the kind of context. Suggestions only:
the chair can type anything. Written for this project from the kinds of work the guidance names."""

from __future__ import annotations

from ctxtui.core.record import CONTEXT_TYPES

COMMON: tuple[str, ...] = (
    "Safety mapping with young people: where they feel safe and unsafe, and why",
    "Share the conference's concerns with partners who were not in the room",
    "Bring the network back together to review progress",
    "Consult young people and parents on the proposed changes",
)

BY_TYPE: dict[str, tuple[str, ...]] = {
    "neighbourhood": (
        "Improve street and path lighting at the identified spots",
        "Cut back planting and trees that block sight lines",
        "Review CCTV coverage and who monitors it",
        "Detached youth work sessions at the times young people gather",
        "Change police patrol times to match when harm happens",
        "Guardian training for shop, takeaway and transport staff",
        "Licensing review of premises linked to the concerns",
        "Environmental clean-up: graffiti, litter, needles, broken fencing",
        "Secure empty garages, stairwells or bin stores",
        "Work with housing on the use of communal spaces",
        "Residents' walkabout with the council and police",
        "Extend opening hours of local youth provision",
    ),
    "school": (
        "Bystander programme for staff and students",
        "Review school policies on harmful sexual behaviour and link them to safeguarding",
        "Staff presence in corridors and toilets at the busiest times",
        "Wellbeing survey across year groups, with questions about corridor culture",
        "Review the routes to and from school with transport and police",
        "Training for staff on spotting and responding to peer-on-peer abuse",
        "Student voice: a school council group on feeling safe in school",
        "Review supervision of the site before and after the school day",
    ),
    "peer-group": (
        "Group work with the peer group led by a trusted youth worker",
        "Offer positive activities at the times the group meets",
        "Share a consistent message across schools and youth services",
        "Map where the group spends time and who else is there",
        "Mentoring offer through a voluntary or community organisation",
    ),
    "online": (
        "Online safety sessions for young people and parents",
        "Report harmful accounts and content to the platforms",
        "Review how schools respond to online incidents that spill into school",
        "Advice for parents on the platforms and games in use",
    ),
    "other": (),
}

assert set(BY_TYPE) == set(CONTEXT_TYPES)


def interventions_for(context_type: str) -> list[str]:
    """Suggestions for this kind of context first, then the others, then the common ones."""
    first = list(BY_TYPE.get(context_type, ()))
    others = [i for t, items in BY_TYPE.items() if t != context_type for i in items]
    return list(dict.fromkeys([*first, *COMMON, *others]))


# Which agencies are statutory safeguarding partners, or agencies bound to cooperate with them:
# they keep the minutes as they keep child protection conference minutes, so the minutes and
# the invitation may go to them. Every other agency (the guidance names local businesses
# first) needs an information-sharing agreement signed before anything is sent to it. An agency
# counts when it is typed as a name here, or as the name and then " – " (or " - ", " (", ":",
# ",") and more: "Police – community police", "Health (school nursing)". A service changes the
# list with ``statutory_partners`` in the ``[sharing]`` table of config.toml (core/sharing.py).
STATUTORY_PARTNERS: tuple[str, ...] = (
    "Children's Social Care",
    "Council representative",
    "Community safety",
    "Environmental health",
    "Licensing",
    "Education / local school",
    "Education",
    "School",
    "Police",
    "Youth Justice Service",
    "CAMHS",
    "Health",
    "School nursing",
    "Youth service",  # the council's own; youth provision others run signs an agreement
    "Housing",  # the council's own housing service; a housing association signs an agreement
)

# Named so that the list says what it leaves out on purpose; any agency on neither list needs
# an agreement too. Transport is here because buses and trains are run by companies (a council's
# transport team can be added to the service's list).
NOT_STATUTORY_PARTNERS: tuple[str, ...] = (
    "Transport",
    "Parents' forum",
    "Young people / school council",
    "Local youth provision",  # unless commissioned by the council: the service's list says so
    "Voluntary and community organisation",
    "Local business",
    "Residents' association",
    "Tenants' association",
)
