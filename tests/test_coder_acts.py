"""Constructions the coder reads, one test sentence of our own each (session 16 onwards; earlier ones are in
test_coder_readings.py and test_coder_constructions.py)."""

from conftest import dyads, kinds


def test_two_verbal_acts_of_different_kinds_each_on_its_own_object_are_two_events(code):
    events = code("Ankara condemned the shelling as an act of aggression and summoned the Syrian envoy on Monday.",
                  "2024-03-12")
    assert sorted(e.trigger for e in events if e.event_type == "ACCUSE") == ["condemned", "summoned"]
    assert ("ACCUSE", "TUR", "SYR") in dyads(events)
    # one act told twice stays one event
    events = code("Ankara condemned and denounced the shelling of its border posts by Syrian troops.", "2024-03-12")
    assert len([e for e in events if e.event_type == "ACCUSE"]) == 1


def test_a_meeting_where_two_named_parties_act_together_is_their_meeting(code):
    events = code("The presidents of Kenya and Ethiopia agreed on Monday to build a new railway link at a summit in "
                  "Nairobi.", "2024-03-12")
    assert ("CONSULT", "KEN", "ETH") in dyads(events) or ("CONSULT", "ETH", "KEN") in dyads(events)
    # one party acting at a body's meeting, or at a meeting it joins, is only where it acted
    events = code("Hungary blocked the aid package at an EU summit in Brussels on Thursday.", "2024-03-12")
    assert "CONSULT" not in kinds(events)


def test_two_named_sides_of_one_country_are_two_parties(code):
    events = code("Heavy fighting between Sudan's army and the Rapid Support Forces entered a third day on Monday. The "
                  "African Union urged both sides to return to talks.", "2024-03-12")
    asked = {(e.target.country, e.target.type) for e in events if e.event_type == "REQUEST"}
    assert asked == {("SDN", "MIL"), ("SDN", "REB")}
    # people of one country named in a list are one party
    events = code("Police in Minsk arrested opposition activists and journalists on Sunday.", "2024-03-12")
    assert len([e for e in events if e.event_type == "COERCE"]) == 1


def test_every_name_listed_after_from_is_a_party(code):
    events = code("Mutinous soldiers in Niger detained the president on Wednesday, drawing condemnation from the "
                  "African Union, ECOWAS and Washington.", "2024-03-12")
    assert {e.source.country for e in events if e.event_type == "ACCUSE"} == {"AU", "ECOWAS", "USA"}


def test_denying_a_part_in_an_attack_the_narrator_told_denies_doing_it(code):
    events = code("Gunmen opened fire on a bus carrying Afghan pilgrims near the border on Sunday, killing 12 people. "
                  "Islamabad denied any involvement in the attack.", "2024-03-12")
    denied = [e for e in events if e.negated]
    assert [(e.event_type, e.source.country, e.modality) for e in denied] == [("ASSAULT", "PAK", "claimed")]


def test_ordering_forces_somewhere_sends_them_and_ordering_people_out_expels_them(code):
    events = code("Ghana's president ordered 500 soldiers into the northern region on Tuesday.", "2024-03-12")
    assert ("MOBILIZE", "GHA", None) in dyads(events)
    events = code("Lithuania ordered three Belarusian embassy employees out of the country on Friday.", "2024-03-12")
    assert ("SANCTION", "LTU", "BLR") in dyads(events)
    # an order to do something is no deployment
    events = code("Ghana's president ordered the soldiers to withdraw from the town on Tuesday.", "2024-03-12")
    assert "MOBILIZE" not in kinds(events)


def test_a_ruler_fleeing_into_exile_steps_down(code):
    events = code("Bolivia's president Evo Morales flew into exile in Mexico on Monday after weeks of unrest.",
                  "2019-11-12")
    assert ("RETREAT", "BOL", None) in dyads(events)


def test_help_described_by_its_giver_goes_where_its_clause_brings_it(code):
    events = code("A cargo plane of tents and blankets donated by Japan landed in the Turkish city of Adana on "
                  "Wednesday.", "2023-02-15")
    assert ("AID", "JPN", "TUR") in dyads(events)


def test_a_past_tense_verb_after_a_modal_clause_goes_on_with_the_main_clause(code):
    events = code("ECOWAS gave Niger's junta a week to free the president, warning that it could use force, and "
                  "slapped sanctions on the country.", "2024-03-12")
    assert ("SANCTION", "ECOWAS", "NER") in dyads(events)
    events = code("The rebel group said on Monday it would disband and lay down its arms.", "2024-03-12")
    assert [e.modality for e in events if e.event_type in ("CONCEDE", "RETREAT")] in (["planned"], [])


def test_protests_named_without_protesters_are_the_publics_wherever_they_stand(code):
    events = code("Peru's government withdrew the bill that sparked three months of protests.", "2024-03-12")
    assert ("PROTEST", "PER", "PER") in dyads(events)
    # a campaign rally, or a strike that may be a military one, is no protest
    events = code("Houthi leaders vowed revenge after a second wave of joint strikes on Yemen.", "2024-03-12")
    assert "PROTEST" not in kinds(events)
    events = code("Peru's president told a campaign rally in Lima on Thursday that he would not resign.",
                  "2024-03-12")
    assert "PROTEST" not in kinds(events)


def test_a_warning_to_someone_or_of_consequences_threatens(code):
    events = code("Beijing warned Canberra that such provocations would not be left without consequences.",
                  "2024-03-12")
    assert ("THREATEN", "CHN", "AUS") in dyads(events)
    # a forecast warns of no one's act
    events = code("The central bank warned that high debt would weigh on growth.", "2024-03-12")
    assert "THREATEN" not in kinds(events)


def test_supplying_someone_with_arms_gives_them_to_the_object(code):
    events = code("Germany and Denmark said on Tuesday they would supply Ukraine with 100 refurbished battle tanks.",
                  "2024-03-12")
    assert {("AGREE", "DEU", "UKR"), ("AGREE", "DNK", "UKR")} <= dyads(events)  # a promised gift


def test_regret_or_concern_voiced_or_conveyed_is_an_act_of_the_one_who_voices_it(code):
    events = code("Tokyo conveyed its concerns to Beijing through diplomatic channels on Monday.", "2024-03-12")
    assert ("ACCUSE", "JPN", "CHN") in dyads(events)
    events = code("China expressed regret over the incident on Monday.", "2024-03-12")
    assert ("CONCEDE", "CHN", None) in dyads(events)
    # a concern no one voices to anyone is no event
    events = code("Analysts expressed concern that inflation could rise.", "2024-03-12")
    assert not events


def test_a_passive_act_and_a_conjoined_act_of_another_kind_are_two_events(code):
    events = code("Opposition leaders were detained in pre-dawn raids on Monday, and Myanmar's army then declared a "
                  "year-long state of emergency.", "2021-02-02")
    assert {e.trigger for e in events if e.event_type == "COERCE"} == {"detained", "declared"}


def test_a_crowd_defying_a_curfew_protests_and_a_state_defying_an_order_refuses(code):
    events = code("Thousands of protesters defied a night-time curfew in Khartoum on Friday.", "2024-03-12")
    assert "REJECT" not in kinds(events)
    events = code("Colombia defied an order from Washington to accept deportation flights.", "2024-03-12")
    assert ("REJECT", "COL", "USA") in dyads(events)


def test_fighting_told_with_no_one_named_is_between_the_two_sides_that_act_together(code):
    events = code("Armenia and Azerbaijan agreed to a truce on Tuesday after six weeks of fighting over the region.",
                  "2024-03-12")
    assert ("ASSAULT", "ARM", "AZE") in dyads(events)
    # a cessation of hostilities names fighting to end, not fighting told
    events = code("Armenia and Azerbaijan agreed on Tuesday to a permanent cessation of hostilities.", "2024-03-12")
    assert "ASSAULT" not in kinds(events)


def test_a_measure_hit_or_targeted_is_no_attack(code):
    events = code("Argentina's annual inflation hit a record 211 percent in December, the statistics agency said.",
                  "2024-03-12")
    assert "ASSAULT" not in kinds(events)
    events = code("The central bank said it would target long-term interest rates.", "2024-03-12")
    assert "ASSAULT" not in kinds(events)


def test_banning_a_gathering_coerces_and_channelling_funds_gives_them(code):
    events = code("Police in Minsk banned Saturday's candlelight vigil for the detained protesters.", "2024-03-12")
    assert "COERCE" in kinds(events)
    events = code("Japan channelled 25 million dollars in emergency food assistance to Sudan on Thursday.",
                  "2024-03-12")
    assert ("AID", "JPN", "SDN") in dyads(events)


def test_branding_blames_whatever_shape_the_label_takes(code):
    events = code("Poland's prime minister branded the Belarusian regime illegitimate on Monday.", "2024-03-12")
    assert ("ACCUSE", "POL", "BLR") in dyads(events)
    events = code("President Lukashenko branded the opposition's march \"a foreign plot\".", "2024-03-12")
    assert "ACCUSE" in kinds(events)
    # a label hung on "as" blames too, but a label that justifies blames no one
    events = code("Uganda's president later described the riots as 'unpatriotic'.", "2024-03-12")
    assert "ACCUSE" in kinds(events)
    events = code("Japan held naval drills near the islands, which Tokyo described as defensive.", "2024-03-12")
    assert "ACCUSE" not in kinds(events)


def test_doubting_the_fairness_of_a_result_blames_it(code):
    events = code("Observers from the European Union questioned the credibility of Togo's election results on "
                  "Tuesday.", "2024-03-12")
    assert "ACCUSE" in kinds(events)
    events = code("Detectives questioned the former mayor of Lima for six hours.", "2024-03-12")
    assert "ACCUSE" not in kinds(events)


def test_closing_a_mission_cuts_relations(code):
    events = code("Canada shut Iran's embassy in Ottawa on Friday.", "2024-03-12")
    assert ("SANCTION", "CAN", "IRN") in dyads(events)


def test_two_conjoined_acts_of_one_kind_by_two_subjects_are_two_events(code):
    events = code("Seoul called the launch a provocation and Tokyo condemned it as a violation of UN resolutions.",
                  "2024-03-12")
    assert {e.source.country for e in events if e.event_type == "ACCUSE"} == {"KOR", "JPN"}


def test_a_crowd_gathering_for_a_protest_or_at_a_seat_of_power_protests(code):
    events = code("Hundreds of farmers gathered outside the parliament in Warsaw on Monday.", "2024-03-12")
    assert "PROTEST" in kinds(events)
    events = code("Police dispersed thousands of students who had gathered in the main square to denounce the new "
                  "education law.", "2024-03-12")
    assert "PROTEST" in kinds(events)
    # a crowd gathered to mourn, or troops massing, protest nothing
    events = code("Thousands gathered in the cathedral on Sunday to mourn the archbishop.", "2024-03-12")
    assert "PROTEST" not in kinds(events)


def test_a_disaster_told_around_the_dead_kills_no_one(code):
    # the parser hangs "killed" on the rain as a reduced relative: a disaster is never the victim
    events = code("Monsoon floods triggered by days of rain killed at least 30 people in Assam, officials said.",
                  "2024-03-12")
    assert "ASSAULT" not in kinds(events)
    events = code("At least nine people were killed in Peru, most of them buried by mudslides.", "2024-03-12")
    assert "ASSAULT" not in kinds(events)
    # the dead of an attack told the same way are still its victims
    events = code("Civilians killed in the shelling of Kharkiv were buried on Monday.", "2024-03-12")
    assert "ASSAULT" in kinds(events)


def test_what_a_policy_targets_is_not_attacked(code):
    events = code("Canada imposed new sanctions on Iran on Friday, targeting its drone programme.", "2024-03-12")
    assert "SANCTION" in kinds(events) and "ASSAULT" not in kinds(events)
    events = code("The EU adopted a package of measures that targets Russia's shadow fleet.", "2024-03-12")
    assert "ASSAULT" not in kinds(events)
    # forces targeting someone still attack
    events = code("Israeli jets struck Gaza overnight, targeting Hamas commanders.", "2024-03-12")
    assert "ASSAULT" in kinds(events)


def test_an_attack_supposed_in_a_pact_or_a_warning_is_not_told(code):
    events = code("Japan and the Philippines signed a pact pledging mutual help should either country come under "
                  "attack.", "2024-03-12")
    assert "ASSAULT" not in kinds(events)
    events = code("New Zealand will defend Fiji in the event of foreign aggression, the prime minister said.",
                  "2024-03-12")
    assert "ASSAULT" not in kinds(events)


def test_markets_rally_and_past_waves_of_protest_are_background(code):
    events = code("Brazilian bonds rallied on Monday and the real firmed after the central bank cut rates.",
                  "2024-03-12")
    assert "PROTEST" not in kinds(events)
    events = code("The president pardoned 40 students convicted over the 2019 protests, state media said.",
                  "2024-03-12")
    assert "PROTEST" not in kinds(events)
    # a crowd rallying is still a protest
    events = code("Thousands of Serbs rallied outside parliament in Belgrade on Sunday.", "2024-03-12")
    assert "PROTEST" in kinds(events)


def test_the_two_leaders_are_the_only_two_states_just_named(code):
    events = code("Kenyan President William Ruto was greeted by Tanzanian President Samia Suluhu Hassan at Dar es "
                  "Salaam airport on Sunday. The two leaders agreed to build a new road link.", "2024-03-12")
    assert {("AGREE", "KEN", "TZA"), ("AGREE", "TZA", "KEN")} <= dyads(events)
    events = code("Uganda said Kenyan police had detained its fishermen on Lake Victoria, while Nairobi blamed Ugandan "
                  "patrols for the clash. The two countries' police chiefs later agreed to hold joint patrols.",
                  "2024-03-12")
    assert {("AGREE", "KEN", "UGA"), ("AGREE", "UGA", "KEN")} <= dyads(events)


def test_a_fixed_phrase_after_the_object_still_completes_the_verb(code):
    events = code("Sudan's army said on Monday it had taken the prime minister into custody.", "2024-03-12")
    assert "COERCE" in kinds(events)


def test_tearing_up_an_accord_with_a_state_cuts_ties(code):
    events = code("Burkina Faso's junta revoked a military cooperation accord with France on Monday.", "2024-03-12")
    assert ("SANCTION", "BFA", "FRA") in dyads(events)
    # scrapping one's own tariffs concedes
    events = code("China scrapped its punitive tariffs on Australian barley on Friday.", "2024-03-12")
    assert "SANCTION" not in kinds(events)


def test_summoning_a_charge_d_affaires_and_talking_to_the_press(code):
    events = code("Berlin summoned Russia's chargé d'affaires on Tuesday.", "2024-03-12")
    assert ("ACCUSE", "DEU", "RUS") in dyads(events)
    events = code("The Turkish president spoke to reporters in Ankara on Tuesday.", "2024-03-12")
    assert "CONSULT" not in kinds(events)
    events = code("The Turkish president spoke to Vladimir Putin by telephone on Tuesday.", "2024-03-12")
    assert ("CONSULT", "TUR", "RUS") in dyads(events)


def test_praise_of_what_a_definite_object_refers_back_to_is_for_the_other_side(code):
    events = code("Turkey said on Monday it would extend the grain corridor by 60 days. Ukrainian officials welcomed "
                  "the decision.", "2024-03-12")
    assert ("SUPPORT", "UKR", "TUR") in dyads(events)
    events = code("The World Bank approved a $500 million loan for Ghana on Friday. President Nana Akufo-Addo thanked "
                  "the lender.", "2024-03-12")
    assert ("SUPPORT", "GHA", "WB") in dyads(events)


def test_a_relative_told_of_a_reaction_is_its_sources(code):
    events = code("Mali's junta expelled the Danish troops on Monday, drawing condemnation from Paris and Berlin, "
                  "which warned Bamako of further sanctions.", "2024-03-12")
    assert {("THREATEN", "FRA", "MLI"), ("THREATEN", "DEU", "MLI")} <= dyads(events)


def test_a_regions_bloc_is_its_regional_body(code):
    events = code("West Africa's main regional bloc imposed sanctions on Guinea on Sunday.", "2024-03-12")
    assert ("SANCTION", "ECOWAS", "GIN") in dyads(events)
    events = code("The Southeast Asian bloc urged Myanmar's junta to free its prisoners.", "2024-03-12")
    assert ("REQUEST", "ASEAN", "MMR") in dyads(events)
    # a country's bloc of parties is no regional body
    events = code("Egypt's main opposition bloc boycotted the vote.", "2024-03-12")
    assert all(e.source.country == "EGY" for e in events)


def test_ordering_an_envoy_out_and_state_forces_capturing_at_home(code):
    # the parser hangs "out of the country" on the ambassador
    events = code("Niger's junta had also ordered the French ambassador out of the country in August.", "2024-03-12")
    assert ("SANCTION", "NER", "FRA") in dyads(events)
    events = code("Colombian troops captured a FARC commander on Monday.", "2024-03-12")
    assert ("COERCE", "COL", "COL") in dyads(events)
    # soldiers of another state captured in war are abducted
    events = code("Ukrainian forces captured two North Korean soldiers in Kursk.", "2024-03-12")
    assert "ASSAULT" in kinds(events) and "COERCE" not in kinds(events)


def test_the_public_boycotting_protests_and_officials_ordered_out_are_expelled(code):
    events = code("Students at the University of Nairobi boycotted classes on Monday.", "2024-03-12")
    assert "PROTEST" in kinds(events) and "REJECT" not in kinds(events)
    events = code("Russia boycotted the meeting of the Security Council.", "2024-03-12")
    assert "REJECT" in kinds(events)
    events = code("Eritrea ordered four senior African Union officials to leave the country on Friday.", "2024-03-12")
    assert ("SANCTION", "ERI", "AU") in dyads(events)


def test_a_relative_after_a_list_is_each_members_and_a_light_verbs_act_is_its_own(code):
    events = code("Australia and Japan, which had imposed sanctions on Russian officials, said on Monday they would "
                  "widen them.", "2024-03-12")
    assert {e.source.country for e in events if e.event_type == "SANCTION"} == {"AUS", "JPN"}
    # a relative before the rest of the list is its first member's
    events = code("Israel, which had imposed sanctions on Iranian officials, and Canada said on Monday they would "
                  "widen them.", "2024-03-12")
    assert {e.source.country for e in events if e.event_type == "SANCTION"} == {"ISR"}
    events = code("The European Union suspended Niger's trade preferences on Monday and imposed travel bans on the "
                  "junta's leaders.", "2024-03-12")
    assert sorted(e.trigger for e in events if e.event_type == "SANCTION") == ["imposed travel bans", "suspended"]


def test_reacting_to_an_act_states_did_together_reacts_to_each(code):
    events = code("Chile and Peru recognised Kosovo's independence on Monday. Serbia denounced the decision.",
                  "2024-03-12")
    assert {("ACCUSE", "SRB", "CHL"), ("ACCUSE", "SRB", "PER")} <= dyads(events)


def test_an_institution_named_by_what_it_does_refers_back(code):
    events = code("The World Bank approved a $500 million loan for Kenya on Monday. President William Ruto thanked "
                  "the lender and vowed to press ahead with tax rises that have triggered strikes by doctors.",
                  "2023-03-21")
    assert ("SUPPORT", "KEN", "WB") in dyads(events)


def test_whom_a_report_is_told_to_is_no_party_to_what_it_tells(code):
    events = code("Canada will expel four Chinese diplomats, its largest such expulsion in decades, Prime Minister "
                  "Justin Trudeau told parliament on Monday.", "2024-03-12")
    expel = next(e for e in events if e.event_type == "SANCTION")
    assert expel.target is None or (expel.target.country, expel.target.type) != ("CAN", "LEG")


def test_a_call_for_something_addressed_to_no_one_has_no_target(code):
    events = code("Israeli jets struck Houthi positions in Yemen on Friday. Oman called for restraint and an "
                  "independent inquiry.", "2024-03-12")
    assert ("REQUEST", "OMN", None) in dyads(events)
    # an addressee in its own words is kept
    events = code("Oman called on Israel to show restraint.", "2024-03-12")
    assert ("REQUEST", "OMN", "ISR") in dyads(events)
