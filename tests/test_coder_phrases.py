"""Constructions the coder reads, one test sentence of our own each (session 19 onwards; earlier ones are in
test_coder_readings.py and test_coder_constructions.py)."""

from conftest import dyads, kinds


def test_a_threatened_act_carried_out_by_a_verb_happens(code):
    events = code("Ankara launched a long-threatened offensive against Kurdish militias in Syria on Friday.",
                  "2019-10-12")
    assert "ASSAULT" in kinds(events) and "THREATEN" not in kinds(events)
    assert ("THREATEN", "CHN", "USA") in dyads(code("China warned on Friday against threatened US tariffs.",
                                                    "2019-05-11"))


def test_a_clause_on_a_noun_summing_up_the_sentence_is_aimed_at_its_actors(code):
    # the parser reads the verb after a speaker named twice as a participle on the name
    events = code("Chile and Peru recognised Kosovo on Monday, a move Serbia's foreign minister, Ivica Dacic, "
                  "condemned as illegal.", "2024-05-28")
    assert {("ACCUSE", "SRB", "CHL"), ("ACCUSE", "SRB", "PER")} <= dyads(events)


def test_a_noun_naming_a_physical_act_refers_to_no_statement_told_before(code):
    events = code("A convoy of Russian lorries crossed the border on Friday, which Kyiv's army chief called an "
                  "invasion. The European Union condemned the incursion.", "2014-08-23")
    assert ("ACCUSE", "EU", "RUS") in dyads(events)


def test_forces_sent_to_back_up_the_states_own_police_mobilise(code):
    events = code("Nepal's government deployed soldiers in Kathmandu on Friday to support the police.", "2025-09-12")
    assert ("MOBILIZE", "NPL", None) in dyads(events) and "AID" not in kinds(events)
    events = code("Rwanda deployed 1,000 soldiers to Mozambique on Friday to help the army fight insurgents.",
                  "2021-07-10")
    assert "AID" in kinds(events)


def test_a_relative_named_by_kinship_is_a_private_citizen(code):
    events = code("The mother of a jailed Iranian journalist urged France on Monday to press for his release.",
                  "2023-01-09")
    assert {(e.source.country, e.source.type) for e in events if e.event_type == "REQUEST"} == {("IRN", "CVL")}


def test_an_attack_that_harms_something_is_aimed_at_its_owner_and_done_by_who_claimed_it(code):
    events = code("Drone strikes claimed by Ukraine's military set ablaze a Russian oil refinery on Sunday.",
                  "2024-03-17")
    assert ("ASSAULT", "UKR", "RUS") in dyads(events)
    # a verb that codes violence of its own is the event
    events = code("Air strikes killed 20 civilians in Idlib on Monday.", "2024-03-17")
    assert [e.trigger for e in events] == ["killed"]


def test_demands_issued_by_states_are_theirs(code):
    events = code("Qatar rejected the demands issued by Saudi Arabia and Egypt on Monday.", "2017-07-05")
    assert {("REQUEST", "SAU", "QAT"), ("REQUEST", "EGY", "QAT")} <= dyads(events)


def test_a_total_of_people_is_read_as_the_people(code):
    events = code("Norway and Denmark expelled a total of 40 Russian diplomats on Tuesday.", "2022-04-12")
    assert {("SANCTION", "NOR", "RUS"), ("SANCTION", "DNK", "RUS")} <= dyads(events)
    assert "COERCE" not in kinds(events)


def test_a_resignation_or_an_investigation_names_whom_it_concerns_itself(code):
    events = code("Lawmakers in Colombo demanded his exit on Saturday. President Gotabaya Rajapaksa said he would "
                  "step down on Wednesday.", "2022-07-10")
    assert ("CONCEDE", "LKA", None) in dyads(events)
    events = code("Kenyan police fired tear gas at protesters in Nairobi. The interior ministry opened an "
                  "investigation on Monday.", "2024-06-26")
    assert ("ACCUSE", "KEN", None) in dyads(events)


def test_a_deal_a_body_brokered_is_not_the_bodys(code):
    events = code("Serbia's government on Monday approved the EU-brokered agreement with Kosovo.", "2013-04-22")
    assert ("SUPPORT", "SRB", "XKX") in dyads(events)
    events = code("Russia on Monday pulled out of the UN-brokered deal that had let Ukraine ship grain.", "2023-07-18")
    assert ("SANCTION", "RUS", "UN") not in dyads(events)


def test_judging_an_act_named_with_its_doers_pronoun_is_aimed_at_the_doer(code):
    events = code("China vetoed a resolution on Tuesday that would have deplored its blockade of Taiwan.",
                  "2024-05-28")
    assert {target for kind, _, target in dyads(events) if kind == "ACCUSE"} == {"CHN"}


def test_people_of_a_place_are_of_its_country(code):
    events = code("Israel's army on Monday ordered the inhabitants of Gaza City to leave their homes.", "2024-05-06")
    assert ("REQUEST", "ISR", "PSE") in dyads(events)
