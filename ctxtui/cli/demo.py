"""An invented sample conference: every place, person and organisation here is made up."""

from __future__ import annotations

from ctxtui.core.record import (
    Action,
    Agenda,
    Attendee,
    Conference,
    Context,
    Contribution,
    Dates,
    Discussion,
    Points,
    Referral,
    Roles,
    Scaling,
    Score,
)


def demo_conference() -> Conference:
    attendees = [
        Attendee("Priya Okafor", "Chair", "Children's Social Care", "present"),
        Attendee("Tom Brennan", "Context assessor", "Children's Social Care", "present"),
        Attendee("Gwen Hollis", "Estate manager (location lead)", "Housing", "present"),
        Attendee("Sam Adeyemi", "Safer neighbourhoods sergeant", "Police – community police"),
        Attendee("Ruth Castellano", "Deputy head", "Education / local school", "present"),
        Attendee("Leon Marsh", "Detached youth worker", "Local youth provision", "present"),
        Attendee("Hana Kowalczyk", "Community safety officer", "Community safety", "present"),
        Attendee("Dev Raman", "Owner, Fieldgate Stores", "Local business", "apologies"),
        Attendee("Alys Pryce", "School nurse", "Health – school nurse", "apologies"),
        Attendee("Martin Osei", "Licensing officer", "Licensing", "absent"),
    ]
    for attendee in attendees[:7]:  # .example addresses can never reach anyone
        first, last = attendee.name.lower().split()
        attendee.email = f"{first}.{last}@council.example"
    scores = [
        Score("Priya Okafor", 3, "Goals agreed today; nothing has changed on the ground yet."),
        Score("Tom Brennan", 2, "Young people still describe the underpass as the worst spot."),
        Score("Gwen Hollis", 4, "Lighting repair is booked and caretakers are on board."),
        Score(
            "Sam Adeyemi", 3, "Reports have dropped since patrol times changed, from a high base."
        ),
        Score("Ruth Castellano", 4, "Staff now walk the route at home time twice a week."),
        Score("Leon Marsh", 2, "Older groups still gather by the garages most evenings."),
        Score("Hana Kowalczyk", None, "Wants the CCTV review back before giving a score."),
    ]
    actions = [
        Action(
            worry="Underpass is dark after 4pm in winter; young people report being stopped there.",
            helping="Caretakers report faults quickly; residents' group walks the route.",
            goal="Young people can use the underpass after school without feeling unsafe.",
            intervention="Replace the failed underpass lights; cut back planting on both ramps.",
            agency="Housing",
            timescale="By 15 February 2026",
            status="in-progress",
            progress="Lighting contractor booked for 9 February.",
        ),
        Action(
            worry="Older groups gather by the garage block and draw younger pupils in.",
            helping="Detached youth workers know the area and are trusted by pupils.",
            goal="Younger pupils have somewhere safe to go between 3:30 and 6pm.",
            intervention="Two detached youth work sessions a week at the garages and the green.",
            agency="Local youth provision",
            timescale="From February half-term, for 12 weeks",
        ),
        Action(
            worry="Shop staff see exchanges at the counter but do not know who to tell.",
            helping="Fieldgate Stores already refuses sales of energy drinks to under-16s.",
            goal="Staff on the parade know how to spot and report concerns.",
            intervention="Guardian training for shop and takeaway staff on Fieldgate Parade.",
            agency="Community safety",
            timescale="March 2026",
        ),
        Action(
            worry="Pupils say the route home is unsafe but adults do not know which stretches.",
            helping="School council is willing to lead the work.",
            goal="Adults know which parts of the route young people avoid, and why.",
            intervention="Safety mapping of routes to school with the school council.",
            agency="Education / local school",
            timescale="Before the review",
        ),
        Action(
            worry="Patrols finish before the busiest time at the garages.",
            helping="Neighbourhood team has flexibility in shift patterns.",
            goal="A visible, friendly presence at the garages at the busiest times.",
            intervention="Move two patrol slots a week to 5–7pm and record what is seen.",
            agency="Police – community police",
            timescale="Immediately, review in 6 weeks",
        ),
    ]
    return Conference(
        kind="initial",
        confidentiality_reminder="2026-01-20T10:02:00",  # read to the room before the points
        context=Context(
            name="Kestrel Fields estate and Millbrook underpass",
            type="neighbourhood",
            description=(
                "A low-rise estate, its garage block and the pedestrian underpass that links it "
                "to Fieldgate Parade and the secondary school."
            ),
            venue="Kestrel Fields Community Hall",
        ),
        dates=Dates(
            assessment_period="October to December 2025",
            mapping_meeting="2026-01-08",
            conference="2026-01-20",
            start_time="10:00",
            end_time="12:00",
            review="2026-04-20",
        ),
        roles=Roles(
            chair="Priya Okafor",
            lead_practitioner="Tom Brennan",
            location_lead="Gwen Hollis",
            minute_taker="Priya Okafor",
        ),
        attendees=attendees,
        danger_statement=(
            "Children's services, police and the school are worried that young people who use the "
            "Millbrook underpass and the garage block after school are being approached by older "
            "groups, pressured to carry items and exposed to violence. If nothing changes we think "
            "more young people will be drawn in and someone could be seriously hurt."
        ),
        priorities=[
            "Light the underpass and make the walk home safe",
            "Stop older groups recruiting pupils at the garage block",
        ],
        points=Points(
            concerns=[
                "Underpass lighting has been broken since October; it is fully dark by 4:30pm.",
                "Groups of older young people gather at the garage block most weekday evenings.",
                "Pupils describe being asked to 'hold' bags on the walk home.",
                "Two knife-related incidents reported near the parade this term.",
            ],
            complicating=[
                "The garage block has no clear owner; repairs stall between departments.",
                "Residents fear reprisals and rarely report what they see.",
                "Patrol shifts end at 5pm, before the busiest time.",
            ],
            strengths=[
                "Caretakers know the estate well and report faults the same day.",
                "The school council wants to lead work on safer routes.",
                "Fieldgate Stores staff are keen to help and already refuse some sales.",
                "Detached youth workers are trusted by many pupils.",
            ],
            safety_plan=[
                "Fix the underpass lighting and cut back the planting on the ramps.",
                "Start detached youth work at the garages after half-term.",
                "Offer guardian training to shop and takeaway staff on the parade.",
            ],
        ),
        safety_goals=[
            "Young people can walk between the estate and the school without being approached.",
            "Adults on the estate and the parade know how to spot and report concerns.",
            "Younger pupils have safe places to spend time after school.",
        ],
        scaling=Scaling(scores=scores),
        actions=actions,
        agenda=Agenda(),
        discussion=Discussion(
            involvement=[
                "Detached youth work two evenings a week on the estate.",
                "Safer schools officer visits the secondary school weekly.",
            ],
            location_lead_view="The garage block is the worst spot after dark; residents avoid it.",
            voice="The school council ran a short survey of pupils who walk the route.",
            young_people_affected="About 15, aged 11 to 16",
        ),
        referrals=[
            Referral("Children's Social Care", "2026-01-16", "One referral made before the meeting")
        ],
        core_group=["Gwen Hollis", "Leon Marsh"],
        contributions=[
            Contribution(
                agency="Millbrook Academy",
                author="Head of Year 9",
                received="2026-01-16T15:20:00",
                source="academy-contribution.txt",
                text=(
                    "Pupils tell us the underpass is the quickest way home but they feel unsafe "
                    "there after 4pm. Staff on bus duty have seen older boys waiting by the "
                    "garage block twice this month.\n\n"
                    "The breakfast club and the lunchtime mentoring are helping. We would "
                    "welcome a staffed presence at the bus stop at 3:30pm."
                ),
            )
        ],
    )
