"""Each flag detector with positive and negative examples, and the category rules between them."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from triage import flags
from triage.flags import FlagInput, detect_flags
from triage.labels import Flag, Label

RECEIVED = datetime(2025, 11, 24, 10, 0, tzinfo=UTC)


def msg(text: str, category: Label = Label.COMPLAINT, subject: str | None = None) -> FlagInput:
    return FlagInput(text, subject, category, RECEIVED)


@pytest.mark.parametrize(
    "text",
    [
        "Not satisfied with your stage 1 response, I want this to go to stage 2",
        "not happy with ur reply. want stage 2. ref DS-2025-001187",
        "I don't accept your decision and want someone else to look at it",
        "Complaint reference CMP-20931: your response says the fencing was done. It wasn't.",
        "Got your letter about my complaint. I want to escalate it.",
    ],
)
def test_escalation_positive(text: str) -> None:
    assert flags.detect_escalation(msg(text))


@pytest.mark.parametrize(
    "text",
    [
        "Nobody came for the boiler again, third missed appointment",
        "I was told my ASB case can't go further, why?",
        "The gas leak was escalated to the emergency team",
    ],
)
def test_escalation_negative(text: str) -> None:
    assert flags.detect_escalation(msg(text)) is None


def test_escalation_belongs_to_complaints() -> None:
    text = "Please can you fix my tap, ref DS-2025-000123"
    assert flags.detect_escalation(msg(text, Label.SERVICE_REQUEST)) is None


@pytest.mark.parametrize(
    "text",
    [
        "I am writing on behalf of my constituent Mrs Holt",
        "Caseworker to Stuart Caldwell MP",
        "As ward councillor I have had 11 residents contact me",
        "Call from Cllr Patel's office about Mr Evans",
    ],
)
def test_designated_person_positive(text: str) -> None:
    assert flags.detect_designated_person(msg(text))


@pytest.mark.parametrize(
    "text",
    [
        "If this is not fixed I will be contacting my MP",
        "I have MS and use a wheelchair",
        "I've copied in my local councillor",
    ],
)
def test_designated_person_negative(text: str) -> None:
    assert flags.detect_designated_person(msg(text)) is None


@pytest.mark.parametrize(
    "text",
    [
        "I am writing on behalf of my father, Mr Peter Kessler",
        "Hi im messaging for my mum Mrs Davies, shes 74",
        "I am a support worker and write with the consent of my client",
        "Hi its Jade, im Mr Colin Watts' carer. He asked me to message and complain.",
        "We are instructed by the above-named tenant",
    ],
)
def test_representative_positive(text: str) -> None:
    assert flags.detect_representative(msg(text))


@pytest.mark.parametrize(
    "text",
    [
        "I am writing for the third time about the damp",
        "On behalf of the residents' association, we complain about the lift",
        "I am writing on behalf of my constituent, Mrs Holt",  # an MP's office: designated only
    ],
)
def test_representative_negative(text: str) -> None:
    assert flags.detect_representative(msg(text)) is None


@pytest.mark.parametrize(
    "text",
    [
        "I am 84 years of age and live alone",
        "I'm 32 weeks pregnant",
        "my son has asthma and the mould is making him worse",
        "I have MS and use a wheelchair",
        "She has a 3-month-old baby",
        "I suffer with depression and anxiety",
        "At 91 I don't get out much",
        "We are both in our late seventies",
        "My husband is 88 and can't manage the stairs",
        "Je suis enceinte de sept mois",
        "Hamileyim ve merdivenleri çıkamıyorum",
    ],
)
def test_vulnerability_positive(text: str) -> None:
    assert flags.detect_vulnerability(msg(text))


@pytest.mark.parametrize(
    "text",
    [
        "The bin store door is broken again",
        "I have lived here for 20 years",
        "What are your office opening hours?",
        "I'm at 84 Example Road",
        "We are 80 flats in this block",
        "I waited 90 minutes on hold",
    ],
)
def test_vulnerability_negative(text: str) -> None:
    assert flags.detect_vulnerability(msg(text)) is None


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("There is a strong smell of gas in my kitchen", Label.SERVICE_REQUEST),
        ("The socket in the hall is sparking", Label.SERVICE_REQUEST),
        ("Your electrician left bare wires hanging out the wall, 3rd visit", Label.COMPLAINT),
        ("Water is coming through the light fitting in the bathroom", Label.SERVICE_REQUEST),
        ("He is outside my door with a knife shouting he will stab me", Label.ASB_REPORT),
        ("Half the kitchen ceiling came down this morning", Label.COMPLAINT),
        ("The fire door on the 3rd floor is propped open and won't close", Label.FEEDBACK),
        ("No heating, it's minus 4 tonight and I'm 91 and live alone", Label.COMPLAINT),
        ("Black mould in the baby's room, she keeps getting chest infections", Label.COMPLAINT),
        ("Is it normal for the ceiling to be bulging like this?", Label.ENQUIRY),
        ("Thanks to Callum for the new sink! Only thing is since he left there's a strong gas "
         "smell by the meter cupboard", Label.COMPLIMENT),
        ("CO alarm screaming in the kitchen, we've all gone out to the car", Label.SERVICE_REQUEST),
        ("the socket behind the fridge is buzzing and smells like burning plastic",
         Label.COMPLIMENT),
        ("Tonight it's coming through the light fitting and the electrics have tripped",
         Label.COMPLAINT),
        ("Survey: 6/10. The smoke alarms in the corridor on our floor haven't worked since the "
         "refurb", Label.FEEDBACK),
        ("the window in my son's bedroom is coming out of its frame, we're on the 7th floor",
         Label.COMPLAINT),
        ("No heating and no hot water since last night. My son is four months old.",
         Label.COMPLAINT),  # received in November: winter
        ("he just threatened to put a brick through my 6yo's head", Label.ASB_REPORT),
        ("somebody keeps propping the fire exit door open and the escape stairs are blocked",
         Label.ASB_REPORT),
        ("Czuję gaz w kuchni od rana i boli mnie głowa", Label.SERVICE_REQUEST),
        ("Sąsiad znowu groził mi nożem na klatce schodowej", Label.ASB_REPORT),
        ("Nu avem încălzire de trei zile. Am un bebeluș de două luni.", Label.SERVICE_REQUEST),
    ],
)
def test_urgent_hazard_fires_in_any_category(text: str, category: Label) -> None:
    assert flags.detect_urgent_hazard(msg(text, category))


@pytest.mark.parametrize(
    "text",
    [
        "There is a loose slab on the path outside number 4",
        "Please can you fit a smoke alarm to fit in the hallway",
        "The boiler is making a noise",
        "No hot water since Monday",  # not cold weather with a vulnerable household
        "Thanks for fixing the gas smell so quickly last week",  # a compliment below
        "Thank u to the lad who came out for the gas leak, all sorted now",
        "Our carbon monoxide alarm hasn't gone off once, we just want it checked",
        "Chciałabym przełożyć przegląd gazowy na inny dzień",  # rebooking a gas safety check
        "The cover on the light switch has cracked, it still works and no wires showing",
        "A lot of shouting on both sides. No threats made, nobody hurt.",
        "What should I do if I ever smell gas? Everything's fine here",
        "Could I have a copy of the fire risk assessment for Baxter House?",
        "Your call centre cut me off again when I rang about the rent",
        "The new kitchen is FIRE, thank you so much",
        "The electrician came for the scorched socket, disconnected it and put a blanking plate on, "
        "all safe. Can you book the new socket in?",
    ],
)
def test_urgent_hazard_negative(text: str) -> None:
    category = Label.COMPLIMENT if text.startswith("Thank") else Label.SERVICE_REQUEST
    assert flags.detect_urgent_hazard(msg(text, category)) is None


@pytest.mark.parametrize(
    "text",
    [
        "I have instructed a solicitor about the disrepair",
        "My solicitor will be in touch",
        "If it is not booked within 14 days I will issue proceedings",
        "I've now issued a small claim through the county court",
    ],
)
def test_legal_action_positive(text: str) -> None:
    assert flags.detect_legal_action(msg(text))


@pytest.mark.parametrize(
    "text",
    [
        "You sent me a letter threatening me with legal action for no access",
        "Flat 3, Calder Court, the tap is dripping",
        "Pay within 24 hours to avoid legal action",
        "Thanks to Sue on reception",
    ],
)
def test_legal_action_negative(text: str) -> None:
    assert flags.detect_legal_action(msg(text)) is None


@pytest.mark.parametrize(
    "text",
    [
        "ur all useless c***s",
        "absolute morons the lot of u",
        "your housing officer is a lazy, incompetent waste of space",
        "next contractor who leaves without fixing it ill knock him out",
        "Caller became verbally abusive and called the advisor a stupid cow",
    ],
)
def test_abusive_positive(text: str) -> None:
    assert flags.detect_abusive(msg(text))


def test_abusive_negative_and_not_for_quoted_neighbour_abuse() -> None:
    assert flags.detect_abusive(msg("Your workman was rude and I am unhappy")) is None
    neighbour = msg("He called me a stupid cow and said watch your back", Label.ASB_REPORT)
    assert flags.detect_abusive(neighbour) is None


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Just letting u know the bins are always full. No need to reply", Label.FEEDBACK),
        ("Would you like someone to contact you? No", Label.FEEDBACK),
        ("Thanks so much to Callum. No need to respond.", Label.COMPLIMENT),
        ("Just an observation, not a complaint, don't send anyone", Label.FEEDBACK),
    ],
)
def test_no_response_wanted_positive(text: str, category: Label) -> None:
    assert flags.detect_no_response_wanted(msg(text, category))


def test_no_response_wanted_weak_cue_only_supports_feedback() -> None:
    text = "Shouting from no. 8 all night. Just letting you know as it's your tenant"
    assert flags.detect_no_response_wanted(msg(text, Label.ASB_REPORT)) is None
    assert flags.detect_no_response_wanted(msg("Please call me back", Label.FEEDBACK)) is None


@pytest.mark.parametrize(
    "text",
    [
        "Missed appointment again for the tap. Also the bedroom door handle has come off",
        "Leak still not fixed and now the bedroom window latch has snapped too",
        "I wish to complain about the fence. The downpipe has come away; not reported before.",
    ],
)
def test_also_service_request_positive_for_complaints(text: str) -> None:
    assert flags.detect_also_service_request(msg(text))


@pytest.mark.parametrize(
    "text",
    [
        "I've waited since March for the fence (ref 6012230). That's not good enough. More "
        "worrying: this morning I noticed a crack right across the front bedroom ceiling.",
        "Third week with no heating and nobody has come. Now the kitchen ceiling has a crack "
        "that's getting wider and it's started to sag in the middle",
        "The shower adaptation approved in July still hasn't been done and nobody rings back. I'd "
        "like this treated as a complaint. In the meantime, the grab rail by her toilet has come "
        "loose from the wall this week.",
        "Dzień dobry, piszę już trzeci raz w sprawie ogrzewania, kaloryfery dalej są zimne. Mam "
        "tego dość. Przy okazji: od wczoraj urwała się klamka w oknie w kuchni.",
        "Merhaba, iki aydır konut görevlinize ulaşamıyorum, bu kabul edilemez. Ayrıca mutfaktaki "
        "musluk dün akşamdan beri damlatıyor.",
    ],
)
def test_a_new_fault_beside_a_complaint_in_other_words(text: str) -> None:
    assert flags.detect_also_service_request(msg(text))


@pytest.mark.parametrize(
    "text",
    [
        "On another note the bathroom extractor fan has packed in.",
        "Furthermore, the front door lock is very stiff and hard to turn.",
        "There's also a problem with the shower, it's only running cold.",
        "Also my boiler is showing a fault code F28.",
        "Plus now there's a mouse problem in the kitchen.",
        "As well as this the extractor in the kitchen doesn't work.",
        "A further problem: my back door is letting water in under it when it rains.",
        "P.S. the toilet cistern keeps running.",
        "The bedroom radiator isn't working either.",
        "Separately, the stair carpet on the communal landing is ripped.",
        "Also, could someone cut back the overgrown tree in the communal garden?",
        "I'd also like a grab rail fitted by the bath as I'm struggling.",
        "The grass on the estate needs cutting too.",
    ],
)
def test_new_needs_told_in_many_ways_beside_a_complaint(text: str) -> None:
    complaint = "This is the third time I have written about the damp and nobody has come. "
    assert flags.detect_also_service_request(msg(complaint + text))


@pytest.mark.parametrize(
    "text",
    [
        "My fence was kicked down.",
        "The bike store lock has been cut.",
        "One of them punched a hole in the wall by the lift.",
        "They snapped the aerial off the roof.",
        "They've damaged my front door and it won't lock properly.",
    ],
)
def test_damage_left_by_asb_in_many_ways(text: str) -> None:
    report = "The teenagers from number 12 were shouting on the stairs until 3am again. "
    assert flags.detect_also_service_request(msg(report + text, Label.ASB_REPORT))


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("You've put a £95 recharge on my rent account for a lock change I never asked for. "
         "Please remove it. The toilet cistern won't stop running.", Label.COMPLAINT),
        ("The woman at the Mill Lane office laughed at me when I asked about my transfer. I "
         "want an apology. Can someone fix the bedroom window handle, it's come off.",
         Label.COMPLAINT),
        ("I waited in all day Tuesday for the gas service and nobody came or rang. The socket "
         "in the hall is cracked.", Label.COMPLAINT),  # another part of the home than the job
        ("Music from no. 9 until 3am, three nights running. The smoke alarm in my hall is "
         "chirping.", Label.ASB_REPORT),
        ("Big thank you to the caretaker for clearing the drying area. The kitchen extractor "
         "fan has stopped working.", Label.COMPLIMENT),
        # "if", "by", "downstairs" telling of the fault itself, not of its cause
        ("Nobody answers about my rent statement. The kitchen drawer runners have broken and it "
         "drops out if you pull it.", Label.COMPLAINT),
        ("The officer was rude when I asked about my transfer. The stair rail by the front door "
         "has worked loose.", Label.COMPLAINT),
        ("I was charged £40 for rubbish that wasn't mine. Downstairs toilet won't flush.",
         Label.COMPLAINT),
        # repair work talked of beside another matter (a rude plumber)
        ("The plumber you sent was rude and swore at my son, and the job was never finished. The "
         "bedroom window handle has snapped.", Label.COMPLAINT),
        # an emoji ends a sentence
        ("massive thanks to the caretaker for sorting the bins, he's a star 🌟 bathroom extractor "
         "fan has stopped working", Label.COMPLIMENT),
    ],
)
def test_a_new_fault_told_plainly_in_another_part_of_the_home(text: str, category: Label) -> None:
    """No "also", no "PS": a fault in a part of the home the rest of the message never names."""
    assert flags.detect_also_service_request(msg(text, category)).startswith("plain")


@pytest.mark.parametrize(
    "text",
    [
        # the same system in other words: the repair complained of
        "Six weeks I've waited for the boiler part and nobody rings back. The radiators are "
        "stone cold.",
        # a fault that opens the message is what it is about
        "The back door lock is broken. I rang about my rent statement and was cut off twice.",
        # chased, caused by something else, or in the job complained of
        "The man you sent about my recharge was rude. The kitchen tap is still dripping.",
        "I was charged for a missed appointment. The hall ceiling was damaged by the leak.",
        "Your contractor fitted my new bathroom badly and was rude to my mum. The extractor "
        "fan doesn't work.",
        # a vehicle, a neighbour's home, a list of the job's faults
        "Nobody replied about the noise from no. 4. Their visitors smashed my car window.",
        "The staff at the office were rude to me. My neighbour's fence is broken.",
        "I was charged for a missed appointment. Water is dripping through the bathroom ceiling "
        "from upstairs.",
        "The call centre cut me off twice. If the landing light is broken nobody can see the step.",
        "The caretaker was rude to my wife. The bin store door was smashed in by the kids.",
        # a message only about repair work: the fault is likely that work's
        "I waited in all day for the engineer and nobody came or rang to rearrange. The bedroom "
        "window handle has snapped.",
    ],
)
def test_a_plain_fault_tied_to_the_complaint_is_not_new(text: str) -> None:
    assert flags.detect_also_service_request(msg(text)) is None


def test_a_fault_begun_lately_and_told_first_is_the_complaint_itself() -> None:
    text = ("Hi, I'm writing for my dad. His heating has been off since Wednesday. He was given "
            "an engineer for Friday, and again for Saturday, and nobody came either time.")
    assert flags.detect_also_service_request(msg(text)) is None


@pytest.mark.parametrize(
    "text",
    [
        "Someone sprayed racist graffiti on the underpass, please get it covered",
        "Fly-tipped mattress and a fridge dumped in the bin store. Can you get them removed?",
        "Found 3 used needles in the sandpit this morning. Can it be cleaned up?",
    ],
)
def test_clearing_up_after_asb_is_the_report_not_a_new_repair(text: str) -> None:
    assert flags.detect_also_service_request(msg(text, Label.ASB_REPORT)) is None


@pytest.mark.parametrize(
    "text",
    [
        "Kids kicked the glass panel in the main entrance door and cracked it, it needs replacing",
        "Подростки опять разрисовали стены в лифте и сломали кнопки, прошу починить лифт",
        "des jeunes font du bruit et hier ils ont cassé la lumière. Pouvez-vous la réparer?",
    ],
)
def test_damage_left_by_asb_is_a_repair_to_raise(text: str) -> None:
    assert flags.detect_also_service_request(msg(text, Label.ASB_REPORT))


@pytest.mark.parametrize(
    "text",
    [
        "Third time I've chased the leak under the bath, still not fixed",
        "Nobody came again for the boiler repair, I took the day off",
    ],
)
def test_also_service_request_negative_when_only_chasing(text: str) -> None:
    assert flags.detect_also_service_request(msg(text)) is None


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Thank you so much to the grounds team, the garden looks beautiful. But the gate at the "
         "back doesn't latch anymore, it just swings open", Label.COMPLIMENT),
        ("Survey 9/10, the plasterer was great. Separate issue - the radiator in the front "
         "bedroom is not working", Label.FEEDBACK),
        ("Dee the cleaner is a legend. if anyone's about, the bin store light is out",
         Label.COMPLIMENT),
        ("Lovely new kitchen! slight problem tho, the cooker hood sparked and now there's a "
         "burning smell by the switch", Label.COMPLIMENT),  # a hazard is a repair to raise too
    ],
)
def test_also_service_request_in_thanks_and_surveys(text: str, category: Label) -> None:
    assert flags.detect_also_service_request(msg(text, category))


@pytest.mark.parametrize(
    "text",
    [
        "Jake was so helpful when I rang about my blocked toilet, thank you",
        "After a year of back and forth about the mould, it's finally gone. Thank you!",
        "Could you please send me a copy of my tenancy agreement?",
    ],
)
def test_also_service_request_not_for_a_past_repair_or_a_request_for_information(text: str) -> None:
    category = Label.ENQUIRY if text.startswith("Could") else Label.COMPLIMENT
    assert flags.detect_also_service_request(msg(text, category)) is None


def test_also_service_request_never_accompanies_a_service_request() -> None:
    text = "Tap is leaking. Also the door handle has come off"
    assert flags.detect_also_service_request(msg(text, Label.SERVICE_REQUEST)) is None


@pytest.mark.parametrize(
    ("category", "text"),
    [
        (Label.COMPLAINT, "I have had damp in the bedroom since March 2023"),
        (Label.SERVICE_REQUEST, "The gutter has dripped on the step for over two years"),
        (Label.ASB_REPORT, "Music from flat 5 nearly every night for the last 18 months"),
        (Label.FEEDBACK, "The garden has been left to go wild since 2022. No reply needed."),
    ],
)
def test_out_of_time_in_any_category_with_an_issue(category: Label, text: str) -> None:
    assert flags.detect_out_of_time(msg(text, category))


@pytest.mark.parametrize("category", [Label.COMPLIMENT, Label.ENQUIRY])
def test_out_of_time_not_for_thanks_or_questions(category: Label) -> None:
    text = "I have had damp in the bedroom since March 2023"
    assert flags.detect_out_of_time(msg(text)) and not flags.detect_out_of_time(msg(text, category))


def test_detect_flags_returns_sorted_flags_with_evidence() -> None:
    text = "Stage 2 please. I smell gas and I'm 84 years old. My solicitor will be in touch."
    found = detect_flags(msg(text))
    assert [flag for flag, _ in found] == sorted(
        [Flag.ESCALATION, Flag.URGENT_HAZARD, Flag.VULNERABILITY, Flag.LEGAL_ACTION]
    )
    assert all(isinstance(evidence, str) and evidence for _, evidence in found)


def test_quoted_email_history_is_ignored() -> None:
    text = "Thanks, sorted now.\n\nOn 2 Oct 2025, at 10:00, Repairs wrote:\n> smell of gas reported"
    assert flags.detect_urgent_hazard(msg(text, Label.FEEDBACK)) is None


@pytest.mark.parametrize(
    ("flag", "text", "category"),
    [
        (Flag.VULNERABILITY, "No heating again. My son is four months old.", Label.COMPLAINT),
        (Flag.VULNERABILITY, "Mould all over the wall, my daughter is 2 and in hospital again",
         Label.COMPLAINT),
        (Flag.VULNERABILITY, "3rd day no heating & Im on oxygen", Label.COMPLAINT),
        (Flag.VULNERABILITY, "Boję się wychodzić z domu z dziećmi", Label.ASB_REPORT),
        (Flag.REPRESENTATIVE, "I am writing for my neighbour, whose written English is limited",
         Label.COMPLAINT),
        (Flag.REPRESENTATIVE, "I'm filling this in for my mum, who doesn't use email",
         Label.FEEDBACK),
        (Flag.REPRESENTATIVE, "My mum's complaint was closed. I'm her son and I help with post",
         Label.COMPLAINT),
        (Flag.ESCALATION, "this is my second complaint and your reply was rubbish, copy and paste",
         Label.COMPLAINT),
        (Flag.ESCALATION, "the complaints lady said there's nothing more they can do. can this "
         "go to the next stage", Label.COMPLAINT),
        (Flag.ESCALATION, "your complaints team r a bunch of lying clowns. escalate it",
         Label.COMPLAINT),
        (Flag.ABUSIVE, "Karen in the rent team is a vile, jumped-up cow", Label.COMPLAINT),
        (Flag.ABUSIVE, "Tipa de la telefon e o proastă care nu știe nimic", Label.COMPLAINT),
        (Flag.NO_RESPONSE_WANTED, "Sugestão: cartas em português. Não precisa responder",
         Label.FEEDBACK),
        (Flag.NO_RESPONSE_WANTED, "The lift was out again today, just for your records",
         Label.FEEDBACK),
    ],
)
def test_wordings_beyond_the_core_tables(flag: Flag, text: str, category: Label) -> None:
    assert flags.DETECTORS[flag](msg(text, category))


@pytest.mark.parametrize(
    ("flag", "text", "category"),
    [
        (Flag.ESCALATION, "The rent increase letter was wrong, I want it corrected",
         Label.COMPLAINT),
        (Flag.ESCALATION, "I have reported the noise five times; I want someone senior to look",
         Label.COMPLAINT),
        (Flag.ABUSIVE, "This bloody boiler is a useless heap of junk", Label.SERVICE_REQUEST),
        (Flag.VULNERABILITY, "Can I book the appointment for 3 pm on the 4th?",
         Label.SERVICE_REQUEST),
    ],
)
def test_wordings_beyond_the_core_tables_negative(flag: Flag, text: str, category: Label) -> None:
    assert flags.DETECTORS[flag](msg(text, category)) is None


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("heatin's packed in and im 7 months gone, freezing in here", Label.SERVICE_REQUEST),
        ("Our heating isn't working, the boiler shows an F22 error. We have a baby who is 9 days "
         "old and it's 4 degrees outside", Label.SERVICE_REQUEST),
        ("im on oxygen 24/7 and the electric keeps tripping, the concentrator keeps cutting out",
         Label.SERVICE_REQUEST),
        ("toilet overflowing and won't stop, water going under the bathroom door into the hall",
         Label.SERVICE_REQUEST),
        ("Half the ridge tiles are off; one came down and smashed on the path by my door",
         Label.SERVICE_REQUEST),
        ("he keeps messaging that I'm 'dead' if I go to the police", Label.ASB_REPORT),
        ("Kombi bozuldu, evde ısıtma yok. Babam 83 yaşında, ev çok soğuk.", Label.SERVICE_REQUEST),
    ],
)
def test_urgent_hazard_more_wordings(text: str, category: Label) -> None:
    assert flags.detect_urgent_hazard(msg(text, category))


def test_swearing_at_staff_with_hate_is_abusive_but_threats_to_staff_are_not_a_hazard() -> None:
    text = "if ur engineer doesnt turn up again i'll be down ur office n someone will get hurt"
    assert flags.detect_abusive(msg(text)) and flags.detect_urgent_hazard(msg(text)) is None
    assert flags.detect_abusive(msg("I want someone English, not that foreign woman again"))


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Week 5 of no hot water. Now the boiler is also dripping from the same valve he replaced",
         Label.COMPLAINT),
        ("Chasing the leaking roof reported 3 weeks ago; same leak, no new issue", Label.COMPLAINT),
        ("They've just set fire to the bin store again, fire brigade here now", Label.ASB_REPORT),
        ("I reported a gas smell at 7am and an engineer was here in 35 minutes. He made it safe. "
         "Thank you!", Label.COMPLIMENT),
    ],
)
def test_also_service_request_not_for_the_same_repair_or_a_story(text: str, category: Label) -> None:
    assert flags.detect_also_service_request(msg(text, category)) is None


def test_a_hazard_raised_in_thanks_is_also_a_repair_to_raise() -> None:
    text = "big thanks to the lad who sorted our leak. only thing, there's a smell of gas by the cooker"
    assert flags.detect_also_service_request(msg(text, Label.COMPLIMENT))


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # a complaint that turns to a new fault, in many wordings
        ("Three weeks to answer an email. While I'm on, the bin store door won't shut properly",
         Label.COMPLAINT),
        ("Nobody rang me back about the survey. Unrelated but the porch light keeps flickering",
         Label.COMPLAINT),
        ("I am unhappy with the adviser's manner.\n\nP.S. Could someone also look at the back "
         "door lock - it has become very stiff", Label.COMPLAINT),
        ("Engineer no show again for the service. oh and the letterbox has come off its screws",
         Label.COMPLAINT),
        ("The caretaker never cleans the stairs.\nAnything else? There's a wasps nest in the "
         "eaves above my window", Label.COMPLAINT),
        ("Caller unhappy her case was closed. Before ending the call she mentioned the kitchen "
         "sink is draining slowly and smells.", Label.COMPLAINT),
        ("I must also take this opportunity to raise a safety matter. The fire door on the "
         "second floor has no closer fitted at all.", Label.COMPLAINT),
        ("3rd missed appointment for the window. And the bathroom light's gone as well",
         Label.COMPLAINT),
        ("Skarga na pracownika. Poza tym od wczoraj nie działa światło na klatce.",
         Label.COMPLAINT),
        ("Quiero poner una queja por la valla. Además, la cisterna no funciona desde ayer.",
         Label.COMPLAINT),
        ("أريد تقديم شكوى بسبب الموظف. أيضا، حنفية المطبخ تسرب الماء.", Label.COMPLAINT),
        ("Rwy'n anhapus gyda'r ymateb. Hefyd, mae'r golau yn y cyntedd wedi torri.",
         Label.COMPLAINT),
        # thanks or a comment with a further point
        ("Massive thanks to the ASB team for finally sorting the noise (while I've got you, my "
         "bedroom window won't lock)", Label.COMPLIMENT),
        ("Survey 7/10, guys were nice. PS the letterbox flap came off yesterday", Label.FEEDBACK),
        ("Thanks for the new kitchen! Only problem is there's a smell of gas near the hob since "
         "they connected it", Label.COMPLIMENT),
        ("Thank you to the gardeners. I should add that the guttering above my door has come "
         "loose.", Label.COMPLIMENT),
        ("Shoutout to the caretaker. Also FYI the fire exit has had a chain and padlock on it "
         "since yesterday", Label.COMPLIMENT),
        ("Muito obrigada pela reparação. Só uma coisa: a porta da varanda não fecha.",
         Label.COMPLIMENT),
        # damage left by anti-social behaviour
        ("Lads on the landing kicked the fire door off its hinges, it's lying on the floor",
         Label.ASB_REPORT),
        ("The dealers have broken the lock on the main entrance so anyone can get in",
         Label.ASB_REPORT),
        ("Building work next door all hours. Since last week a crack has appeared in my wall",
         Label.ASB_REPORT),
    ],
)
def test_also_service_request_new_repair_in_other_wordings(text: str, category: Label) -> None:
    assert flags.detect_also_service_request(msg(text, category))


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # the complained-of repair: chased, back again, worse, spreading, poor work on the job
        ("Week 5 with no hot water. Now the boiler is also dripping from the same valve",
         Label.COMPLAINT),
        ("The plumber said it was fixed. Also the toilet is leaking again from the joint",
         Label.COMPLAINT),
        ("Tap still dripping after 3 visits and it is now also leaking from the base",
         Label.COMPLAINT),
        ("The leak in the bathroom is now dripping into the kitchen as well.", Label.COMPLAINT),
        ("The new kitchen was fitted badly. The cupboard doors are also hanging off.",
         Label.COMPLAINT),
        ("The bathroom refit is poor: the tiles are uneven, the bath panel is loose and the fan "
         "also doesn't work.", Label.COMPLAINT),
        ("Mould in my son's room since June. It has started appearing in the bathroom too.",
         Label.COMPLAINT),
        ("Your complaints team said the fire door would be replaced. It still doesn't close, "
         "and now you've closed my complaint.", Label.COMPLAINT),
        ("It took far too long, I was on hold for 50 minutes too.", Label.COMPLAINT),
        ("The operative damaged my carpet as well and never apologised.", Label.COMPLAINT),
        ("He also says his emails have gone unanswered since August.", Label.COMPLAINT),
        ("Nadal nikt nie przyszedł w sprawie dachu. Woda kapie również do sypialni.",
         Label.COMPLAINT),
        # thanks, comments and questions about a repair already done, or no repair at all
        ("Not often I tweet a landlord but they sent someone within 2 hrs when dad's stairlift "
         "broke. Thank you.", Label.COMPLIMENT),
        ("Mark was so patient when she broke down on the phone, thank you", Label.COMPLIMENT),
        ("Survey: the job was done but it took three visits to fix the leaking tap.",
         Label.FEEDBACK),
        ("Feedback on the damp and mould leaflet: useful but should show what condensation "
         "mould looks like.", Label.FEEDBACK),
        ("The caretaker is great but the new cleaning rota is confusing.", Label.COMPLIMENT),
        ("The new repair text reminders come too early in the morning.", Label.FEEDBACK),
        ("I've noticed my rent account is in credit. Will it come off future rent?",
         Label.ENQUIRY),
        ("Can you tell me if the broken lift in Block A is on the list for replacement?",
         Label.ENQUIRY),
        # ASB without damage to put right, or damage to a car, or already put right or reported
        ("He kicked my door and screamed at me again last night.", Label.ASB_REPORT),
        ("Man downstairs smashed my car window and said he's coming up.", Label.ASB_REPORT),
        ("He's the one who broke our fence last year, which you fixed. Now it's loud music.",
         Label.ASB_REPORT),
        ("Teenagers smashed her window again. She has already reported the window to repairs "
         "and has a job number.", Label.ASB_REPORT),
        ("Thanks for fixing the bin store door after they kicked it in. They're back every night "
         "shouting on the stairs.", Label.ASB_REPORT),
        ("Cannabis smoke from flat 2 every night. Thanks for getting the broken door entry fixed "
         "last week.", Label.ASB_REPORT),
        ("Nobody came for the appointment about my boiler. The hall light is out as well but I "
         "reported that this morning.", Label.COMPLAINT),
        ("The couple upstairs smashed their own kitchen window in a row last night, screaming "
         "for hours.", Label.ASB_REPORT),
        ("I want to report drug dealing from the flat opposite, cars all night.",
         Label.ASB_REPORT),
    ],
)
def test_also_service_request_not_for_a_known_repair_or_none(text: str, category: Label) -> None:
    assert flags.detect_also_service_request(msg(text, category)) is None


def test_designated_person_skips_mention_removal_only_when_it_cannot_matter() -> None:
    """Without a designated-person word in the text there is nothing to find, so the mention
    removal is skipped; on the corpus the answer is what removing mentions first gives."""
    from triage import rules
    from triage.corpus_io import DEFAULT_TRAIN_DIR, load_corpus
    from triage.flags import find, find_designated_person

    if not DEFAULT_TRAIN_DIR.is_dir():
        pytest.skip(f"no training corpus at {DEFAULT_TRAIN_DIR}")

    def full(msg: FlagInput) -> str | None:
        text = msg.body
        for pattern in rules.DESIGNATED_MENTION_ONLY:
            text = pattern.sub(" ", text)
        return find(rules.DESIGNATED_PERSON, text.lower()) or find(rules.DESIGNATED_CAPS, text)

    for e in load_corpus():
        msg = FlagInput(e.text, e.subject, e.label, e.received_at)
        assert find_designated_person(msg) == full(msg)


@pytest.mark.parametrize(
    "text",
    [
        "He doesn't want to go down the route of solicitors or court, he wants it put right",
        "Dad has had three letters saying he is in arrears and threatening court action",
    ],
)
def test_legal_action_not_for_lawyers_ruled_out_or_the_landlords_own_letters(text: str) -> None:
    assert flags.detect_legal_action(msg(text, Label.COMPLAINT)) is None


@pytest.mark.parametrize("text", ["I'm dyslexic and asked for phone calls instead of letters",
                                  "My reasonable adjustment is being ignored"])
def test_disclosed_needs_for_adjustments_are_vulnerability(text: str) -> None:
    assert flags.detect_vulnerability(msg(text, Label.COMPLAINT)) is not None


@pytest.mark.parametrize(
    "text",
    [
        "Leak under sink all fixed, thanks to Mo. Dont reply to this its just a thank u",
        "Took 5 weeks to sort. Don't call me back about it, just wanted it noted.",
        "Please do not go to the trouble of writing back; I simply wanted them to know.",
        "Comment: he turned up at 3pm. Please don't contact me about this survey. Contact consent: No",
        "Não é preciso responder, é só um comentário.",
    ],
)
def test_no_response_wanted_in_more_words(text: str) -> None:
    assert flags.detect_no_response_wanted(msg(text, Label.FEEDBACK)) is not None


def test_not_answering_the_door_is_not_declining_a_reply() -> None:
    text = "Please text before anyone comes, I don't answer the door to people I don't know"
    assert flags.detect_no_response_wanted(msg(text, Label.SERVICE_REQUEST)) is None


@pytest.mark.parametrize(
    "text",
    [
        "Call from Lee Garner, son of tenant Mrs Valerie Garner, 19 Ash Row, about mould",
        "Hi this is Jamal, Mrs Aisha Farah's son. Mum got a card saying gas check thurs",
        "my friend Lisa in Rowan Court has been waiting five weeks for the ceiling",
    ],
)
def test_representative_in_more_words(text: str) -> None:
    assert flags.detect_representative(msg(text, Label.COMPLAINT)) is not None


def test_more_designated_person_wordings_and_mentions() -> None:
    panel = "I am writing as chair of the Designated Tenant Panel about Mr and Mrs Shah"
    assert flags.detect_designated_person(msg(panel, Label.COMPLAINT)) is not None
    for mention in ("Who is the local councillor for the Riverside estate?",
                    "He has spoken to his MP's office, who told him to ring us again",
                    "My rent account is wrong.\n\ncc: Office of Rt Hon Jane Doe MP"):
        assert flags.detect_designated_person(msg(mention, Label.COMPLAINT)) is None, mention


@pytest.mark.parametrize(
    "text",
    [
        "He made derogatory comments about Ms Yusuf's religion",
        "He said he didn't want to talk to a foreigner who can't speak proper English",
        "Your ASB officer Ms Granger is a spineless coward",
    ],
)
def test_abuse_of_staff_reported_or_insulting(text: str) -> None:
    assert flags.detect_abusive(msg(text, Label.COMPLAINT)) is not None


def test_escalating_to_the_papers_is_not_escalation() -> None:
    text = "I've reported the rats four times. I'll escalate it to the Gazette with the photos."
    assert flags.detect_escalation(msg(text, Label.COMPLAINT)) is None


def test_a_hazard_made_safe_but_still_there_is_still_a_hazard() -> None:
    text = "They capped the gas yesterday but I can still smell gas in the kitchen"
    assert flags.detect_urgent_hazard(msg(text, Label.COMPLAINT)) is not None
