"""Argument strategies, one construction each, on sentences of our own (events/slots.py, events/arguments.py).

Every coded event names the strategy that gave its source and target (evidence.source_strategy and
evidence.target_strategy); each test checks the actors and the strategy that found them."""

import pytest


def coded(code, text, pub_date="2024-03-12"):
    return {(e.event_type, e.source and e.source.country, e.target and e.target.country,
             e.evidence.source_strategy, e.evidence.target_strategy) for e in code(text, pub_date)}


def dyads_of(events):
    return {(kind, source, target) for kind, source, target, _, _ in events}


def test_leaders_of_two_countries_are_two_parties_of_a_reciprocal_event(code):
    events = coded(code, "The presidents of Kenya and Ethiopia signed a water-sharing accord in Nairobi on Monday.")
    assert dyads_of(events) == {("SUPPORT", "KEN", "ETH"), ("SUPPORT", "ETH", "KEN")}


def test_coordinated_parties_of_a_two_sided_kind_act_on_each_other(code):
    events = coded(code, "Brazil, Argentina and Chile have begun sharing intelligence on drug cartels.")
    assert dyads_of(events) == {("COOPERATE", "BRA", "ARG"), ("COOPERATE", "BRA", "CHL"),
                                ("COOPERATE", "ARG", "CHL")}
    assert {strategy for *_, strategy in events} == {"reciprocal.verb.subject"}


def test_a_promise_of_talks_by_two_parties_is_made_to_each_other(code):
    events = coded(code, "Serbia and Kosovo promised on Friday to resume talks next month.")
    assert dyads_of(events) == {("AGREE", "SRB", "XKX"), ("AGREE", "XKX", "SRB")}


@pytest.mark.parametrize("text, expected", [
    ("Japan lifted its ban on Chinese seafood on Tuesday, a move Beijing had long demanded.",
     ("REQUEST", "CHN", "JPN")),
    ("Russian troops left the town on Monday, completing a withdrawal demanded by Kyiv.",
     ("REQUEST", "UKR", "RUS")),
])
def test_a_clause_about_an_event_noun_is_aimed_at_who_carries_it_out(code, text, expected):
    events = coded(code, text)
    assert (*expected, "relative.event_agent") in {(k, s, t, via) for k, s, t, _, via in events}


def test_forces_sent_to_a_border_face_the_country_across_it(code):
    events = coded(code, "India has moved 5,000 troops to its border with China, officials said on Sunday.")
    assert ("MOBILIZE", "IND", "CHN", "verb.subject", "mobilize.border") in events


def test_killed_in_a_clash_with_a_force_names_the_attacker(code):
    events = coded(code, "Three Azerbaijani soldiers were killed in a clash with Armenian forces on Tuesday.")
    assert ("ASSAULT", "ARM", "AZE", "assault.event_noun", "verb.passive_subject") in events


def test_a_reaction_drawn_from_others_comes_from_them_and_is_aimed_at_what_drew_it(code):
    events = coded(code, "A court in Minsk jailed an opposition leader for 11 years on Monday. The verdict drew "
                         "criticism from Germany and France.")
    accuse = {(s, t, via) for k, s, t, via, _ in events if k == "ACCUSE"}
    assert accuse == {("DEU", "BLR", "nominal.from"), ("FRA", "BLR", "nominal.from")}


def test_appeals_despite_which_someone_refused_were_made_to_them(code):
    events = coded(code, "Hungary vetoed the aid package despite appeals from the European Commission.")
    assert ("REQUEST", "EU", "HUN", "nominal.from", "governor.verb.subject") in events


def test_agreeing_to_a_retreat_is_a_concession(code):
    events = coded(code, "Rwanda has agreed to withdraw its troops from eastern Congo, the foreign ministry said.")
    assert {k for k, *_ in events} == {"CONCEDE"}
    events = coded(code, "Thailand and Cambodia agreed to an immediate ceasefire on Monday.")
    assert dyads_of(events) == {("CONCEDE", "THA", "KHM"), ("CONCEDE", "KHM", "THA")}


def test_a_visit_in_an_opening_phrase_is_the_main_subjects(code):
    events = coded(code, "On a visit to Nairobi, the Turkish foreign minister praised Kenya's mediation role.")
    assert ("CONSULT", "TUR", "KEN", "nominal.clause_subject", "nominal.preposition") in events


def test_the_possessor_of_an_arrest_is_arrested_and_criticism_of_it_is_aimed_at_the_state(code):
    events = coded(code, "Washington condemned Ekrem Imamoglu's arrest on Wednesday.", "2025-03-20")
    assert ("ACCUSE", "USA", "TUR", "verb.subject", "verbal.state_of_patient") in events


def test_a_reaction_in_a_participle_is_aimed_at_the_main_clauses_actor(code):
    events = coded(code, "Azerbaijan closed its border with Iran on Friday, drawing condemnation from Tehran.")
    assert ("ACCUSE", "IRN", "AZE", "nominal.from", "nominal.drawn_by") in events


def test_a_reaction_drawn_by_an_event_noun_is_aimed_at_its_doer(code):
    events = coded(code, "Police in Belgrade broke up a student sit-in on Monday in a crackdown that drew criticism "
                         "from the European Union.")
    assert ("ACCUSE", "EU", "SRB", "nominal.from", "nominal.drawn_by_event") in events


@pytest.mark.parametrize("text, target", [
    ("Thousands of farmers marched in Lima on Sunday to oppose the new mining law.", "PER"),
    ("Anti-government protesters rallied in Tbilisi for a fifth night.", "GEO"),
])
def test_a_protest_against_state_policy_is_directed_at_the_government(code, text, target):
    protest = {(s, t) for k, s, t, *_ in coded(code, text) if k == "PROTEST"}
    assert protest == {(target, target)}


def test_a_meeting_in_an_adverbial_phrase_is_held_by_the_clause_subject_with_whom_it_addresses(code):
    events = coded(code, "The Georgian prime minister told Recep Tayyip Erdogan at talks in Ankara on Monday that "
                         "Tbilisi would buy Turkish drones.", "2023-05-16")
    assert ("CONSULT", "GEO", "TUR", "nominal.host_subject", "nominal.host_object") in events


def test_an_actor_is_not_its_own_target(code):
    events = coded(code, "Leaders of the Southern African Development Community held an extraordinary summit of the "
                         "bloc in Maputo on Sunday.", "2021-06-28")
    assert {(k, s, t) for k, s, t, *_ in events} == {("CONSULT", "SADC", None)}


@pytest.mark.parametrize("text, event", [
    ("Turkey lodged a formal complaint over the incident in talks with Greek diplomats on Monday.",
     ("ACCUSE", "TUR", "GRC")),
    ("Germany announced new funding, most of it for Ukrainian refugees, on Friday.", ("AID", "DEU", "UKR")),
])
def test_a_target_no_slot_names_is_the_other_party_of_the_clause(code, text, event):
    events = coded(code, text, "2023-06-15")
    assert (*event, "discourse.clause_party") in {(k, s, t, ts) for k, s, t, _, ts in events}


@pytest.mark.parametrize("text, accusation", [
    ("Russian troops began large-scale drills near the Polish border on Monday. Poland's government denounced the "
     "manoeuvres on Tuesday.", ("ACCUSE", "POL", "RUS")),
    ("Al-Shabaab fighters abducted 12 aid workers in Somalia on Friday. Kenya's government condemned the kidnapping.",
     ("ACCUSE", "KEN", "SOM")),
])
def test_condemning_an_event_named_by_its_noun_is_aimed_at_its_doer(code, text, accusation):
    events = coded(code, text, "2023-06-15")
    assert (*accusation, "verb.subject", "discourse.event_reference") in events


def test_a_participle_after_a_comma_is_done_by_the_main_clause_subject(code):
    events = coded(code, "Kenya told Uganda's envoy to leave the country on Monday, accusing Kampala of sheltering "
                         "rebels.", "2023-06-15")
    assert ("ACCUSE", "KEN", "UGA", "verb.subject", "verb.object") in events


@pytest.mark.parametrize("text, event", [
    # the other side named in the sentence before
    ("Serbia's president met Hungary's prime minister in Budapest on Friday. Croatia rejected the plan as dangerous.",
     ("REJECT", "HRV", "SRB")),
    # the other side named in the sentence, away from the trigger's own slots
    ("Relations with Argentina have soured for months, and on Tuesday Chile's foreign ministry condemned the remarks "
     "as unacceptable.", ("ACCUSE", "CHL", "ARG")),
])
def test_an_event_always_aimed_at_someone_is_aimed_at_the_salient_other_side(code, text, event):
    events = coded(code, text)
    assert event in dyads_of(events)
    assert any(strategy == "discourse.salient_party" for *_, strategy in events)


def test_nations_before_coordinated_nouns_modify_every_noun(code):
    events = coded(code, "U.S. and British warplanes and warships struck militant camps in northern Somalia on Monday.")
    assert {source for _, source, *_ in events} == {"USA", "GBR"}


def test_a_reaction_drawn_by_a_reported_event_is_aimed_at_its_doer(code):
    events = coded(code, "Iran test-fired a cruise missile over the Gulf on Sunday, Iraqi officials said, drawing "
                         "condemnation from Bahrain.")
    assert ("ACCUSE", "BHR", "IRN") in dyads_of(events)


def test_an_attack_is_aimed_at_the_salient_other_side_but_an_attack_told_before_keeps_its_target(code):
    events = coded(code, "Riot police fired tear gas late on Saturday to clear opposition supporters who had "
                         "forced their way into the headquarters of Serbia's state broadcaster.")
    assert any(kind == "ASSAULT" and strategy == "discourse.salient_party" for kind, *_, strategy in events)
    claimed = coded(code, "A car bomb exploded at the gate of a military base in Mogadishu on Saturday, killing at "
                          "least 10 soldiers. The militant group al-Shabaab said it carried out the attack.")
    assert not any(strategy == "discourse.salient_party" for *_, strategy in claimed)


def test_parties_blaming_each_other_act_on_each_other(code):
    events = coded(code, "Armenia and Azerbaijan accused each other of violating the ceasefire on Sunday.")
    assert {("ACCUSE", "ARM", "AZE"), ("ACCUSE", "AZE", "ARM")} <= dyads_of(events)


def test_parties_pledging_together_pledge_to_each_other(code):
    events = coded(code, "During the visit, Kenya's president and Ethiopia's prime minister pledged to deepen trade.")
    assert {("AGREE", "KEN", "ETH"), ("AGREE", "ETH", "KEN")} <= dyads_of(events)


def test_a_report_that_names_only_places_is_about_their_country(code):
    events = coded(code, "Gunmen stormed a boarding school in Kankara, in northwestern Katsina state, on Friday. The "
                         "president ordered the armed forces to rescue the pupils.")
    assert ("MOBILIZE", "NGA", "NGA") in dyads_of(events)  # (a command to one's own forces: round 72)


def test_a_definite_noun_refers_back_to_the_body_it_is_the_head_word_of(code):
    events = coded(code, "The World Bank approved a loan for Pakistan on Monday. Islamabad thanked the "
                         "bank for its support.")
    assert ("SUPPORT", "PAK", "WB", "verb.subject", "verb.object") in events


def test_a_state_named_by_its_nationality_adjective_is_the_country(code):
    events = coded(code, "Mexico and Chile recognised a Palestinian state on Wednesday.")
    assert dyads_of(events) == {("SUPPORT", "MEX", "PSE"), ("SUPPORT", "CHL", "PSE")}


def test_parties_restoring_relations_restore_them_with_each_other(code):
    events = coded(code, "Morocco and Iran restored diplomatic relations on Thursday after a five-year rift.")
    assert dyads_of(events) == {("SUPPORT", "MAR", "IRN"), ("SUPPORT", "IRN", "MAR")}


@pytest.mark.parametrize("text", [
    "Canada expelled two Indian diplomats on Monday. New Delhi called the expulsions 'a hostile act'.",
    "Canada expelled two Indian diplomats on Monday. New Delhi branded the move a provocation.",
    "Canada expelled two Indian diplomats on Monday. New Delhi called the move political theatre.",
])
def test_naming_an_event_something_is_aimed_at_its_doer(code, text):
    events = coded(code, text)
    assert ("ACCUSE", "IND", "CAN") in dyads_of(events)


def test_parties_pledging_something_to_a_party_their_clause_names_pledge_it_to_that_party(code):
    events = coded(code, "Japan and South Korea pledged on Monday to invest $5 billion in Vietnam's power grid.")
    assert dyads_of(events) == {("AGREE", "JPN", "VNM"), ("AGREE", "KOR", "VNM")}


def test_a_country_a_thing_was_made_in_is_no_actor(code):
    events = coded(code, "Kenyan police seized 300 Turkish-made rifles at the port of Mombasa on Monday.")
    assert "TUR" not in {country for _, source, target, _, _ in events for country in (source, target)}


def test_an_administration_named_by_its_leader_is_the_leaders_state(code):
    events = coded(code, "The Biden administration suspended military aid to Niger on Tuesday.")
    assert ("SANCTION", "USA", "NER") in dyads_of(events)


@pytest.mark.parametrize("text", [
    "Russia vetoed a French-sponsored draft on Syria on Friday.",
    "China on Thursday vetoed a U.S.-drafted resolution on Myanmar.",
])
def test_rejecting_a_text_rejects_its_author(code, text):
    events = coded(code, text)
    assert {target for kind, _, target, _, _ in events if kind == "REJECT"} <= {"FRA", "USA"}
    assert any(kind == "REJECT" and target in ("FRA", "USA") for kind, _, target, _, _ in events)


def test_they_after_coordinated_countries_stands_for_each_of_them(code):
    events = coded(code, "Slovenia, Malta and Belgium said on Thursday they would recognise a Palestinian state.")
    assert {source for kind, source, _, _, _ in events if kind == "AGREE"} == {"SVN", "MLT", "BEL"}
