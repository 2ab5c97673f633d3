"""Claims, conflicts and proposals: constructions read, one text of our own each (session 6 onwards)."""

from conftest import conflicting


def test_the_owner_of_a_count_states_it_and_is_not_what_it_counts(code_records):
    result = code_records("Nepal's home ministry said on Friday that at least 300 people had died in the floods, "
                          "more than the Red Cross's preliminary count of about 180 for the same days.")
    figure = next(c for c in result.claims if c.value == 180)
    assert figure.claimant is not None and "Red Cross" in figure.claimant.text
    assert figure.subject is None or figure.subject.country == "NPL"
    assert conflicting(result, "dead") == {(180, 300)}


def test_a_clause_before_a_semicolon_is_reported_by_the_first_speaker(code_records):
    result = code_records("The rights group Kayan said at least 40 people had been shot dead by soldiers during the "
                          "protests; the army acknowledged six deaths.")
    forty = next(c for c in result.claims if c.value == 40)
    assert forty.claimant is not None and "army" not in forty.claimant.text
    assert conflicting(result, "dead") == {(6, 40)}


def test_two_exact_counts_differ_unless_one_is_the_other_rounded(code_records):
    result = code_records("The ICRC said 412 prisoners had been exchanged. Rebel officials said 415 prisoners were "
                          "freed in the swap, and the government said 410.")
    assert conflicting(result, "captured") == {(412, 415)}


def test_a_count_for_a_month_is_compared_with_a_report_just_after_it(code_records):
    result = code_records("The junta said 40 of its soldiers had been killed during October. The "
                          "rebels said on Friday that as many as 150 junta troops were killed in the same fighting.",
                          "2023-11-04")
    assert conflicting(result, "dead") == {(40, 150)}


def test_a_running_total_since_a_month_is_not_compared_with_one_day(code_records):
    result = code_records("Police said 120 people were arrested at Saturday's march. The number arrested since the "
                          "protests began in June has passed 900, the interior ministry said.", "2024-08-12")
    assert conflicting(result, "arrested") == set()


def test_a_sides_bare_losses_and_its_soldiers_are_one_toll(code_records):
    result = code_records("Kigali said 14 of its soldiers were killed in the clashes. Kinshasa said Rwandan losses "
                          "were more than 60 dead.")
    assert conflicting(result, "dead") == {(14, 60)}


def test_an_earlier_figure_and_a_hedged_one_are_read(code_records):
    result = code_records("The health ministry raised its toll of people killed in the blast to 62, up from 41 a day "
                          "earlier. Hospital officials said only nine of the wounded were in a critical condition.")
    values = {c.value for c in result.claims}
    assert {62, 41, 9} <= values
    assert next(c for c in result.claims if c.value == 41).comparison


def test_an_announced_count_keeps_an_and_inside_the_last_item(code_records):
    result = code_records("The opposition said it would join the talks on three conditions: the release of "
                          "detainees, a new electoral commission, and freedom of assembly and of the press.")
    proposal = next(p for p in result.proposals if p.kind == "proposal")
    assert len(proposal.items) == 3


def test_one_sentence_per_item_after_an_announced_count(code_records):
    result = code_records("Rebel leaders in Mindanao sent a three-point proposal to Malaysian mediators on Monday. "
                          "The withdrawal of army units from the province is the first demand. They also want an "
                          "amnesty for their fighters. The last point asks for a referendum on autonomy.")
    proposal = next(p for p in result.proposals if p.kind == "proposal")
    assert len(proposal.items) == 3


def test_speakers_named_by_a_common_noun_or_telling_it_after_the_clause(code_records):
    result = code_records("Relatives said the police had been \"nowhere in sight\" during the attack. Baku dismissed "
                          "the report as \"a provocation\", a foreign ministry spokeswoman, Aykhan Hajizada, told "
                          "reporters.")
    quotes = {q.text: q for q in result.quotes}
    assert quotes["nowhere in sight"].speaker is not None and quotes["nowhere in sight"].speaker.text == "Relatives"
    assert "Hajizada" in quotes["a provocation"].speaker.text


def test_a_participle_naming_a_thing_is_no_speech_verb(code_records):
    result = code_records("Government troops shelled the UN-declared \"safe zone\" near Idlib on Monday.")
    assert all(q.kind == "scare" and q.speaker is None for q in result.quotes)


def test_captivity_a_deployment_and_a_figure_after_a_percentage(code_records):
    result = code_records("Kyiv's ombudsman said at least 7,000 Ukrainians remained in Russian captivity; a Russian "
                          "official put the number at about 5,000. Seoul said 12,000 North Korean troops had been sent "
                          "to Russia, while the Pentagon put the deployment at roughly 10,000. Floods displaced more "
                          "than 90,000 people in Chad, a rise of 40% since June, the UN said. The government gave a "
                          "figure of 60,000.")
    assert conflicting(result, "captured") == {(5000, 7000)}
    assert conflicting(result, "troops") == {(10000, 12000)}
    assert conflicting(result, "displaced") == {(60000, 90000)}


def test_people_forced_from_their_homes_or_uprooted_are_displaced(code_records):
    result = code_records("Fighting has forced an estimated 90,000 people from their homes in North Kivu over the past "
                          "month, the UN said. More than 1.5 million people have been uprooted across the province "
                          "since 2022, the government said.")
    assert {c.value for c in result.claims if c.category == "displaced"} >= {90000, 1500000}


def test_a_plan_put_forward_by_someone_is_theirs_and_a_list_keeps_its_announced_length(code_records):
    result = code_records("The peace plan presented by Egypt envisages three stages. First, a four-week truce. Second, "
                          "the release of all detainees. Third, talks on a permanent settlement.")
    proposal = next(p for p in result.proposals if p.kind == "proposal")
    assert proposal.actor is not None and proposal.actor.country == "EGY" and len(proposal.items) == 3
    result = code_records("The African Union's mediator said the plan asks the two sides for three things: Armenia's "
                          "recognition of the border, roads, railways and other links, the return of refugees, and a "
                          "pledge to renounce force.")
    proposal = next(p for p in result.proposals if p.kind == "proposal")
    assert len(proposal.items) == 3


def test_a_count_raised_to_a_figure_and_the_figure_it_was_up_from(code_records):
    result = code_records("The relief agency raised its count of confirmed dead in the flooded port to 2,140 on "
                          "Friday, up from 1,990 three days earlier. The provincial governor put the toll at 1,700.",
                          "2024-10-06")
    dead = {c.value for c in result.claims if c.category == "dead"}
    assert {2140, 1990, 1700} <= dead
    assert (1700, 2140) in conflicting(result, "dead")


def test_a_national_figure_is_compared_with_a_nationwide_one(code_records):
    result = code_records("The opposition said more than 3,000 of its members had been detained nationwide, while "
                          "the justice minister put the national figure at about 1,200.", "2024-02-10")
    assert conflicting(result, "arrested") == {(1200, 3000)}


def test_the_rate_given_again_without_a_date_is_the_latest_rate(code_records):
    result = code_records("The statistics office said annual inflation reached 61.4% in May. An independent group "
                          "of economists put the rate at 140%. The central bank raised its policy rate to 45% last "
                          "week.", "2024-06-02")
    assert conflicting(result, "percentage") == {(61.4, 140)}


def test_according_to_before_a_semicolon_names_the_source_of_its_own_clause(code_records):
    result = code_records("At least nine people were killed by police fire, according to officials; the movement "
                          "said its dead numbered more than 30.", "2024-06-02")
    nine = next(c for c in result.claims if c.value == 9)
    assert nine.claimant is not None and "official" in nine.claimant.text
    assert conflicting(result, "dead") == {(9, 30)}


def test_a_numbered_list_in_the_sentence_after_spells_out_the_demands(code_records):
    result = code_records("The rebels said they would join the talks only if their demands were met. These were: "
                          "1. releasing all political prisoners; 2. lifting the curfew in the north; 3. withdrawing "
                          "troops from the border districts; 4. reopening the airport.")
    proposal = next(p for p in result.proposals if p.kind == "proposal")
    assert len(proposal.items) == 4


def test_a_plan_presented_by_one_party_is_its_owners(code_records):
    result = code_records("The UN envoy on Monday outlined a Kenyan proposal for the region: 1) a ceasefire along "
                          "the river; 2) the return of displaced families; 3) talks in Nairobi within a month.")
    proposal = next(p for p in result.proposals if p.kind == "proposal")
    assert proposal.actor.country == "KEN" and len(proposal.items) == 3


def test_bare_verbs_listed_after_a_modal_are_items_of_the_plan(code_records):
    result = code_records("Qatari mediators proposed a truce under which both sides would free their captives, let "
                          "aid trucks through the checkpoints, and allow repairs to the power lines.")
    proposal = next(p for p in result.proposals if p.kind == "proposal")
    assert len(proposal.items) == 3


def test_a_quote_standing_alone_is_spoken_by_whom_the_warning_came_from(code_records):
    result = code_records("\"There is no more room in the camps.\" The warning came on Friday from Chad's "
                          "humanitarian minister, who said 40,000 refugees had arrived in a week.")
    quote = next(q for q in result.quotes if q.text.startswith("There is no more room"))
    assert quote.speaker is not None and "minister" in quote.speaker.text


def test_a_figure_for_the_same_period_is_compared_with_the_one_before(code_records):
    result = code_records("About 80,000 people had fled their homes in the province by the end of May, the UN "
                          "said in a report released on Tuesday. The provincial government, which stopped "
                          "publishing figures last year, put the number for the same date at 52,000.", "2024-06-20")
    assert conflicting(result, "displaced") == {(52000, 80000)}


def test_refugees_from_a_country_are_that_countrys(code_records):
    result = code_records("Uganda now hosts some 40,000 refugees from neighbouring South Sudan, the agency said.")
    refugees = next(c for c in result.claims if c.value == 40000)
    assert refugees.subject is not None and refugees.subject.country == "SSD"


def test_turnout_named_by_two_sources_is_one_count_and_unnamed_rates_are_not(code_records):
    result = code_records("The commission put turnout at 61 percent. Observers said their sample had turnout "
                          "at about 48 percent.")
    assert conflicting(result, "percentage") == {(48, 61)}
    result = code_records("Turnout was 86.1%, the tribunal said. A quick count had given the challenger 51.9%.")
    assert conflicting(result, "percentage") == set()
    result = code_records("The tribunal said the figure was 86.1%. The opposition said its own tally sheets "
                          "gave 50.8%.")
    assert conflicting(result, "percentage") == set()


def test_the_deaths_of_a_sides_fighters_are_its_dead(code_records):
    result = code_records("The army said its air strikes had killed 90 rebel fighters. The rebels acknowledged the "
                          "deaths of 12 of the movement's fighters in the raids.")
    assert conflicting(result, "dead") == {(12, 90)}


def test_two_running_totals_since_the_same_start_are_compared(code_records):
    result = code_records("Security forces have detained 2,300 people since the coup, a monitoring group said in a "
                          "tally released on Sunday. A junta spokesman put the number arrested since the coup at "
                          "about 900.", "2021-05-10")
    assert conflicting(result, "arrested") == {(900, 2300)}


def test_men_lost_by_an_armed_side_are_its_fighters(code_records):
    result = code_records("Congo's army said it had killed 60 M23 rebels in the offensive. The M23 said its "
                          "fighters had lost only 12 men.")
    assert conflicting(result, "dead") == {(12, 60)}


def test_a_figure_a_participle_restates_is_its_speakers_for_the_count_named(code_records):
    result = code_records("Seoul's spy agency said 200 Russian soldiers had been wounded. Kyiv put Russian losses "
                          "far higher, saying 900 had been wounded.")
    wounded = [c for c in result.claims if c.value == 900][0]
    assert wounded.subject is not None and wounded.subject.country == "RUS"
    assert wounded.claimant is not None and "Kyiv" in wounded.claimant.text
    assert conflicting(result, "wounded") == {(200, 900)}


def test_the_dead_among_troops_counted_before_are_a_count_of_their_own(code_records):
    result = code_records("Officials said 5,000 Eritrean troops had crossed the border, and that 40 of them had been "
                          "killed. Rebels said 150 had been killed.")
    dead = [c for c in result.claims if c.value == 40][0]
    assert not dead.partitive


def test_a_force_estimated_again_is_the_force_counted_before(code_records):
    result = code_records("Kyiv said Russia had massed 50,000 troops near the border. A U.S. official estimated the "
                          "force at 30,000.")
    again = [c for c in result.claims if c.value == 30000][0]
    assert again.subject is not None and again.subject.country == "RUS"
    assert conflicting(result, "troops") == {(30000, 50000)}


def test_a_share_of_the_vote_is_no_part_of_an_earlier_count_and_turnout_names_itself(code_records):
    result = code_records("The commission said the president won 54.3% of the vote, with turnout of 61.3%. His "
                          "rival, who took 35.8%, conceded. The president's campaign had claimed at least 57% of "
                          "ballots.", "2024-03-29")
    assert conflicting(result, "percentage") == {(54.3, 57)}


def test_a_year_given_for_comparison_does_not_make_a_figure_historical(code_records):
    result = code_records("The election commission said turnout was 47.6%, down from 52.1% in 2018.", "2024-02-10")
    assert not [c for c in result.claims if c.value == 47.6][0].historical


def test_a_quote_standing_alone_is_spoken_by_whom_the_words_came_from(code_records):
    result = code_records('"The enemy is retreating on every front." The words came from army spokesman Honore '
                          'Mbuyi, speaking on state radio.')
    assert "Mbuyi" in result.quotes[0].speaker_name


def test_shares_of_named_candidates_given_by_two_sides_conflict_pair_by_pair(code_records):
    result = code_records("The electoral tribunal declared Nicolas Maduro the winner of the election with 52.3% of the "
                          "vote, against 43.1% for opposition candidate Edmundo Gonzalez. The opposition said Gonzalez "
                          "had won 66% against 31% for Maduro.", "2024-07-30")
    assert conflicting(result, "percentage") == {(31, 52.3), (43.1, 66)}


def test_those_missing_after_an_abduction_are_the_abducted(code_records):
    result = code_records("Gunmen abducted 120 villagers in Zamfara on Friday, the local chief said. State "
                          "police put the number of those missing at about 40.", "2024-03-09")
    assert {c.category for c in result.claims} == {"captured", "missing"}
    assert conflicting(result, "captured") | conflicting(result, "missing") == {(40, 120)}


def test_a_bound_given_as_no_higher_than(code_records):
    result = code_records("Officials said turnout was 97.5 percent. The regional administration said real turnout had "
                          "been no higher than 20 percent.", "2022-09-28")
    low = [c for c in result.claims if c.value == 20][0]
    assert low.bound == "at_most" and conflicting(result, "percentage") == {(20, 97.5)}


def test_people_seized_or_taken_are_captives_and_goods_seized_are_not(code_records):
    result = code_records("Gunmen seized 120 villagers in Zamfara on Friday, the local chief said. State police said "
                          "80 villagers had been taken.", "2024-03-09")
    assert {c.category for c in result.claims} == {"captured"} and conflicting(result, "captured") == {(80, 120)}
    result = code_records("Customs officers seized 2,000 kilograms of cocaine in the port.")
    assert all(c.category != "captured" for c in result.claims)
    result = code_records("Police said 12,000 people had taken part in the rally.")
    assert [c.category for c in result.claims] == ["crowd"]


def test_votes_won_are_votes_and_participation_is_turnout(code_records):
    result = code_records("The interior ministry said turnout reached 49.8%. A monitoring network put participation at "
                          "no more than 30%. Pezeshkian won 16.3 million votes, the ministry said.", "2024-07-06")
    assert {c.category for c in result.claims if c.value > 1000} == {"votes"}
    assert conflicting(result, "percentage") == {(30, 49.8)}


def test_people_who_vanished_are_missing_and_those_taken_are_captives(code_records):
    result = code_records("The commission said it had confirmed 2,506 cases of people who vanished during the war. "
                          "A survivors' group said the true number of the disappeared was no fewer than 3,000.")
    assert {c.category for c in result.claims} == {"missing"} and conflicting(result, "missing") == {(2506, 3000)}


def test_a_turnout_given_after_a_share_is_a_turnout_and_below_is_a_bound(code_records):
    result = code_records("Officials said 93.1% of voters had backed the plan, on a turnout of 85.4%. The governor "
                          "said turnout had in reality been below 25%.", "2022-09-28")
    low = [c for c in result.claims if c.value == 25][0]
    assert low.bound == "at_most" and conflicting(result, "percentage") == {(25, 85.4)}


def test_the_number_deployed_counts_troops(code_records):
    result = code_records("Seoul's spy agency said about 11,000 North Korean troops were deployed in Kursk and that at "
                          "least 100 had been killed. Kyiv put the number deployed at 12,000.", "2024-12-20")
    assert [c.category for c in result.claims] == ["troops", "dead", "troops"]
    assert conflicting(result, "troops") == {(11000, 12000)}


def test_a_list_marker_is_no_figure(code_records):
    result = code_records("The plan says (1) fighters would leave the city, (2) they would gather in camps, and (3) "
                          "property taken from civilians would be returned.")
    assert not result.claims


def test_people_in_the_other_sides_hands_are_captured(code_records):
    result = code_records("The rebels say they captured 900 government soldiers, while the army says fewer than 300 of "
                          "its men are in rebel hands.")
    assert {c.value: c.category for c in result.claims} == {900: "captured", 300: "captured"}


def test_a_bare_number_taken_or_seized_counts_people(code_records):
    result = code_records("The governor put the number taken at 61. A local priest said 94 were seized in the attack "
                          "on the church.", "2024-06-02")
    assert {c.value: c.category for c in result.claims} == {61: "captured", 94: "captured"}


def test_a_count_recorded_by_its_own_counters_is_theirs(code_records):
    result = code_records("Medics in the capital counted at least 210 dead.")
    counted = next(c for c in result.claims if c.value == 210)
    assert counted.claimant is not None and "Medics" in counted.claimant.text


def test_a_rate_calculated_by_another_source_conflicts_with_the_official_one(code_records):
    result = code_records("Argentina's statistics agency said annual inflation reached 211% in December. A "
                          "group of private economists calculated the annual rate at 240%.", "2024-01-12")
    calculated = next(c for c in result.claims if c.value == 240)
    assert calculated.claimant is not None and "economists" in calculated.claimant.text
    assert {(a.value, b.value) for a in result.claims for b in result.claims
            if b.claim_id in a.conflicts_with and a.value < b.value} == {(211, 240)}


def test_a_determiner_tagged_with_its_number_leaves_the_noun_counted(code_records):
    result = code_records("State media said the overnight barrage included some 185 attack drones.")
    assert [(c.value, c.category, c.bound) for c in result.claims] == [(185, "weapons", "about")]


def test_repeated_to_infinitives_on_offer_are_one_item_each(code_records):
    result = code_records("Minsk's envoy said Belarus was prepared to free political prisoners, to allow observers "
                          "into its prisons and to hold new elections, in exchange for the lifting of sanctions.")
    offer = next(p for p in result.proposals if p.kind == "proposal")
    assert len(offer.items) == 3 and offer.conditions


def test_a_list_in_the_proposing_sentence_wins_over_the_sentences_after_it(code_records):
    result = code_records("Hamas's reply proposed a six-week truce, the release of 33 hostages and the return of "
                          "displaced people to the north, provided that Israel agreed to end the war. Israel's "
                          "paper offered two things, a truce of one week and the release of 300 prisoners, and said "
                          "a longer truce would come only in exchange for more hostages.")
    sizes = sorted(len(p.items) for p in result.proposals if p.kind == "proposal")
    assert sizes == [2, 3]


def test_a_figure_put_on_a_sides_losses_over_a_period_is_its_soldiers_dead(code_records):
    result = code_records("Myanmar's army said 38 of its soldiers had been killed this week. The rebel coalition put "
                          "junta losses over the same period at more than 250 dead.", "2023-11-10")
    rebels = next(c for c in result.claims if c.value == 250)
    assert rebels.claimant is not None and "coalition" in rebels.claimant.text
    assert conflicting(result, "dead") == {(38, 250)}


def test_the_number_held_counts_arrests(code_records):
    result = code_records("Police said they had detained 41 people and that six officers were hurt; lawyers said the "
                          "number held was closer to 90.")
    assert {c.value: c.category for c in result.claims} == {41: "arrested", 6: "wounded", 90: "arrested"}


def test_a_sides_losses_given_as_soldiers_are_its_dead(code_records):
    result = code_records('The militia said government losses in the battle were "more than 150 soldiers".')
    assert [(c.value, c.category) for c in result.claims] == [(150, "dead")]


def test_it_after_another_figure_is_the_rate_given_before(code_records):
    result = code_records("The electoral board put turnout at 47.2%, while an observer group that sent 800 monitors "
                          "estimated it at about 41%.", "2024-03-27")
    observers = next(c for c in result.claims if c.value == 41)
    assert observers.counted == "turnout"


def test_a_lettered_list_cut_by_the_sentence_splitter_is_read_whole(code_records):
    result = code_records("Angolan mediators presented Burundi and Rwanda with a draft accord under which a) rebel "
                          "fighters would withdraw from Bujumbura within 30 days, b) Rwanda would pull back the "
                          "estimated 2,000 soldiers that UN experts say it has in the area, and c) Gitega would "
                          "dismantle the militia.")
    assert [len(p.items) for p in result.proposals if p.kind == "proposal"] == [3]


def test_an_unknown_front_proposes_for_the_country_its_sentence_is_about(code_records):
    result = code_records("The Sahel Liberation Front handed Malian mediators a proposal on Monday containing three "
                          "demands: the release of prisoners held in Bamako, the withdrawal of troops from Kidal and "
                          "the reopening of schools.")
    offer = next(p for p in result.proposals if p.kind == "proposal")
    assert (offer.actor.country, len(offer.items)) == ("MLI", 3)


def test_quotes_of_a_speaker_who_accused_after_and_across_a_colon_and_in_a_figure(code_records):
    result = code_records('The governor put the number displaced at 200,000 and accused relief agencies of "turning '
                          'their backs on us." The president rejected claims that soldiers had fired on crowds: '
                          '"Our army protects its people." The ministry put the toll at "about 300," while rebels '
                          'said 500.')
    speakers = {q.text.strip(' .,'): q.speaker and q.speaker.text for q in result.quotes}
    assert speakers["turning their backs on us"] == "The governor"
    assert speakers["Our army protects its people"] == "The president"
    assert speakers["about 300"] == "The ministry"


def test_the_words_before_an_estimate_name_who_made_it(code_records):
    result = code_records("Organisers said some 300,000 people marched in Santiago, while the city police estimate "
                          "was 90,000.")
    assert conflicting(result, "crowd") == {(90000, 300000)}


def test_a_share_credited_to_a_candidate_is_his_share_of_the_vote(code_records):
    result = code_records("The commission said turnout was 61%. Opposition leader Hakainde Hichilema, who was "
                          "credited with 41%, said his party's own count gave him 55%.", "2021-08-16")
    assert {(a.value, b.value) for a in result.claims for b in result.claims
            if b.claim_id in a.conflicts_with and a.value < b.value} == {(41, 55)}


def test_a_turnout_given_as_a_number_of_people_is_a_crowd(code_records):
    result = code_records("The union put turnout at more than 2.8 million on Tuesday.")
    assert [(c.value, c.category) for c in result.claims] == [(2800000, "crowd")]


def test_a_spokesman_for_a_body_speaks_for_it(code_records):
    result = code_records('A spokesman for the Amhara militia said: "We hold the road to Gondar."', "2023-08-10")
    assert [q.speaker.text for q in result.quotes] == ["A spokesman for the Amhara militia"]


def test_people_named_by_their_nationality_are_that_countrys(code_records):
    result = code_records("Seoul said about 100 North Koreans had died in Kursk, while Kyiv said some 300 North "
                          "Koreans had been killed there.", "2025-01-14")
    assert {(c.value, c.subject and c.subject.country) for c in result.claims} == {(100, "PRK"), (300, "PRK")}
    assert conflicting(result, "dead") == {(100, 300)}


def test_losses_put_at_a_bare_count_are_the_owners(code_records):
    result = code_records("The rebels said they had killed more than 300 soldiers in the assault on Bossangoa. The "
                          "Central African army said it had repelled the attack and put its own losses at 12 dead.",
                          "2024-09-23")
    assert conflicting(result, "dead") == {(12, 300)}


def test_quoted_words_naming_a_thing_in_a_phrase_are_scare_quotes(code_records):
    result = code_records("Police broke up a rally against a law on “foreign influence”, the ministry said.")
    assert [(q.kind, q.speaker) for q in result.quotes] == [("scare", None)]


def test_a_participle_after_the_content_clause_is_the_speakers(code_records):
    result = code_records("The minister said Moscow must first withdraw its troops, calling that “the only way to "
                          "a lasting peace.”")
    assert [q.speaker.text for q in result.quotes] == ["The minister"]


def test_a_body_that_counts_returnees_has_none_of_its_own(code_records):
    result = code_records("Pakistan's interior ministry said 541,000 Afghans had left the country since November. The "
                          "UN refugee agency counted nearly 490,000 returnees over the same period.")
    assert conflicting(result, "displaced") == {(490000, 541000)}


def test_a_figure_for_the_whole_country_is_no_rival_of_one_provinces(code_records):
    result = code_records("Fighting has driven 300,000 people in Ituri from their homes this year, the UN refugee "
                          "agency said. Across the whole of Congo, the International Organization for Migration "
                          "counts 6.1 million displaced people.")
    assert [c.scope for c in result.claims] == [None, "nationwide"] and not conflicting(result, "displaced")


def test_a_side_claiming_to_have_killed_is_the_claimant(code_records):
    result = code_records("The army said 40 of its soldiers had been killed, while the rebels claimed to have killed "
                          "as many as 300 government troops.")
    assert {(c.value, c.claimant.text) for c in result.claims} == {(40, "The army"), (300, "the rebels")}
    assert conflicting(result, "dead") == {(40, 300)}


def test_the_number_killed_restates_the_count_before_it(code_records):
    result = code_records("Kenyan police said they had detained 112 people during the protests, but lawyers said at "
                          "least 23 people had been shot dead across the country. The interior ministry put the "
                          "number killed at six.", "2024-06-27")
    assert conflicting(result, "dead") == {(6, 23)}


def test_the_sources_who_tell_a_toll_are_not_a_figure(code_records):
    result = code_records("Two security sources put the toll at between 60 and 100 soldiers.", "2025-06-04")
    assert [(c.value, c.category) for c in result.claims] == [(60, "dead")]


def test_tanks_lost_are_weapons_not_dead(code_records):
    result = code_records("Ukraine's general staff said it had lost two tanks in the sector this week.", "2023-06-16")
    assert [(c.value, c.category) for c in result.claims] == [(2, "weapons")]


def test_the_figure_put_by_another_is_for_the_same_period(code_records):
    result = code_records("As many as 1,400 people may have been killed during the crackdown on last year's protests, "
                          "the UN rights office said. The interim government's health ministry has put the figure at "
                          "834.", "2025-02-12")
    assert conflicting(result, "dead") == {(834, 1400)}


def test_captives_who_died_are_dead(code_records):
    result = code_records("A committee of inmates' relatives said at least 45 prisoners had died in the riot.")
    assert [(c.value, c.category) for c in result.claims] == [(45, "dead")]


def test_the_plan_named_again_in_the_next_sentence_lists_what_it_calls_for(code_records):
    result = code_records("Kenya has sent Somalia a four-point maritime proposal, officials in Nairobi said. The plan "
                          "calls for a joint survey of the disputed waters, a moratorium on new drilling licences, "
                          "shared fishing patrols and the referral of any dispute to the African Union.", "2025-03-04")
    proposal = next(p for p in result.proposals if p.kind == "proposal")
    assert proposal.actor.country == "KEN" and len(proposal.items) == 4


def test_a_numbered_entry_cut_after_and_and_its_number_is_still_an_item(code_records):
    result = code_records("The finance ministry offered striking doctors three concessions in return for an end to "
                          "the walkout: 1. a pay rise of 12% from January; 2. the hiring of 4,000 interns; and 3. "
                          "new housing allowances for rural posts. The health minister said the offer would lapse "
                          "\"unless the strike ends by Friday\".", "2025-09-10")
    proposal = next(p for p in result.proposals if p.kind == "proposal")
    assert len(proposal.items) == 3 and proposal.conditions == ["unless the strike ends by Friday"]


def test_a_sentence_opening_on_a_town_counts_that_town_only(code_records):
    result = code_records("More than 200,000 people rallied across Chile on Saturday, according to the police. In "
                          "Santiago, police counted 80,000 protesters; the organisers said 400,000.", "2025-05-12")
    assert conflicting(result, "crowd") == {(80000, 400000)}


def test_a_group_holding_people_holds_captives_and_which_names_who_says_so(code_records):
    result = code_records("The Lord's Resistance Army, which says it is holding fewer than 20 captives, denied the "
                          "abductions. Ugandan officials believe the group holds as many as 90 people.", "2024-10-02")
    figure = next(c for c in result.claims if c.value == 20)
    assert figure.claimant is not None and figure.claimant.text == "The Lord's Resistance Army"
    assert conflicting(result, "captured") == {(20, 90)}


def test_hostages_executed_are_dead(code_records):
    result = code_records("The kidnappers said they had executed three hostages after the deadline passed.")
    assert [(c.value, c.category) for c in result.claims] == [(3, "dead")]


def test_fighters_of_a_group_named_army_are_fighters(code_records):
    result = code_records("The junta said more than 70 Kachin Independence Army fighters had been killed in the "
                          "raids, while the group said only 12 of its fighters had died.", "2024-05-02")
    assert {(c.value, c.category) for c in result.claims} == {(70, "dead"), (12, "dead")}
    assert conflicting(result, "dead") == {(12, 70)}


def test_a_figure_the_parser_hangs_on_the_first_word_of_a_name_counts_the_noun_after_it(code_records):
    result = code_records("Police said on Monday that 11 officers and more than 45 Ta'ang National Liberation Army "
                          "fighters had been killed in two days of clashes near Hsipaw.", "2024-03-12")
    assert {(c.value, c.category) for c in result.claims} == {(11, "dead"), (45, "dead")}


def test_a_package_signed_is_a_deal_made_not_a_proposal(code_records):
    result = code_records("Japan signed a $3 billion package with Kenya on Monday, officials in Nairobi said. The "
                          "package includes $2 billion in loans, $700 million in investment and $300 million in "
                          "grants.",
                          "2025-03-04")
    assert not [p for p in result.proposals if p.kind == "proposal"]


def test_a_count_including_a_part_gives_the_part_its_category(code_records):
    result = code_records("Air strikes on the city killed 214 people on Sunday, including 41 children, and wounded "
                          "780, the health ministry said.", "2024-10-07")
    assert [(c.value, c.category, c.partitive) for c in result.claims] == [
        (214, "dead", False), (41, "dead", True), (780, "wounded", False)]
    assert next(c for c in result.claims if c.value == 780).counted == "people"


def test_attendance_put_by_one_side_and_an_estimated_crowd_by_another(code_records):
    result = code_records("The interior ministry put attendance at about 12,000, while the organisers said an "
                          "estimated 90,000 people had marched through the capital.", "2025-01-20")
    crowd = next(c for c in result.claims if c.value == 90000)
    assert crowd.claimant is not None and crowd.claimant.text == "the organisers"
    assert conflicting(result, "crowd") == {(12000, 90000)}


def test_an_amount_of_a_material_is_a_figure(code_records):
    result = code_records("Inspectors estimate that the plant holds some 300 kilograms of enriched uranium; the "
                          "government puts the figure at under 200 kilograms.", "2025-05-12")
    assert [(c.value, c.category) for c in result.claims] == [(300, "other"), (200, "other")]
    assert conflicting(result, "other") == {(200, 300)}


def test_a_figure_an_agency_registered_is_the_agencys(code_records):
    result = code_records("Ethiopia's government said on Monday that more than 800,000 people had fled the fighting, "
                          "while the UN refugee agency had registered about 450,000.", "2025-02-04")
    registered = next(c for c in result.claims if c.value == 450000)
    assert registered.claimant is not None and "refugee agency" in registered.claimant.text
    assert conflicting(result, "displaced") == {(450000, 800000)}


def test_victims_of_homicide_are_dead_in_the_year_their_clause_names(code_records):
    result = code_records("The statistics office said on Monday that 12,400 people were victims of homicide in 2024. "
                          "The interior ministry had put last year's killings at 11,100.", "2025-06-10")
    assert {(c.value, c.category, c.date) for c in result.claims} == {(12400, "dead", "2024"),
                                                                     (11100, "dead", "2024")}
    assert conflicting(result, "dead") == {(11100, 12400)}


def test_a_rate_that_eased_and_the_rate_for_its_month_given_by_others(code_records):
    result = code_records("The central bank said annual inflation slowed to 31.4 percent in March. Independent "
                          "economists put the March rate at 58.2 percent.", "2025-04-08")
    assert conflicting(result, "percentage") == {(31.4, 58.2)}


def test_losses_among_troops_are_the_troops_dead(code_records):
    result = code_records("The army said 14 of its soldiers had been killed in the offensive. The rebels claimed "
                          "losses among government troops were more than 90.", "2024-11-20")
    assert conflicting(result, "dead") == {(14, 90)}


def test_a_participle_after_a_relative_clause_goes_on_with_its_subject(code_records):
    result = code_records("The rebels said they had killed 150 soldiers near Goma, a figure the army dismissed, "
                          "saying its own losses were fewer than 20.", "2024-11-20")
    low = next(c for c in result.claims if c.value == 20)
    assert low.claimant is not None and low.claimant.text == "the army"


def test_places_counted_are_no_toll(code_records):
    result = code_records("The air force said it had killed 60 militants at four sites and struck some 900 targets.",
                          "2024-09-30")
    assert {(c.value, c.category) for c in result.claims} == {(60, "dead"), (900, "other")}


def test_barely_bounds_a_figure_from_above(code_records):
    result = code_records("The opposition said its own count showed turnout of barely 30 percent.", "2024-05-10")
    assert [(c.value, c.bound) for c in result.claims] == [(30, "at_most")]


def test_a_speaker_named_in_apposition_is_named_though_the_tagger_calls_the_name_a_place(code_records):
    result = code_records("\"Forty pupils and two teachers were taken,\" the principal, Sani Abdullahi, told "
                          "reporters in Zaria.", "2024-03-09")
    assert [q.speaker.text for q in result.quotes] == ["Sani Abdullahi"]


def test_a_forecast_and_a_monthly_rate_contradict_no_annual_figure(code_records):
    result = code_records("The statistics office said monthly inflation eased to 3.1% in April. The finance minister "
                          "said annual inflation stood at 98%, while analysts polled by the central bank had forecast "
                          "an April reading of 3.9%.", "2025-05-14")
    assert not [c for c in result.claims if c.conflicts_with]


def test_half_a_million_and_only_about_are_read_as_numbers(code_records):
    result = code_records("The government said \"over half a million\" people had fled the floods, while the Red Cross "
                          "put the number displaced at only about 300,000.", "2024-09-02")
    assert {(c.value, c.bound) for c in result.claims} == {(500000, "at_least"), (300000, "about")}
    assert conflicting(result, "displaced") == {(300000, 500000)}


def test_a_body_that_lists_people_as_missing_states_the_figure(code_records):
    result = code_records("The national search commission lists more than 90,000 people as missing.", "2024-06-02")
    figure = result.claims[0]
    assert figure.category == "missing" and figure.claimant is not None and "commission" in figure.claimant.text


def test_a_year_quoted_by_a_speaker_does_not_make_a_figure_historical(code_records):
    result = code_records("\"Nothing like this has happened since 1989,\" the mayor said, as organisers said about "
                          "200,000 people had joined the march. Police put the number at 60,000.", "2024-10-06")
    assert conflicting(result, "crowd") == {(60000, 200000)}


def test_a_lower_estimate_is_another_count_of_the_same(code_records):
    result = code_records("Kyiv said Russia had massed about 100,000 troops on the border. A NATO official gave a "
                          "lower estimate of 70,000.", "2022-01-20")
    assert conflicting(result, "troops") == {(70000, 100000)}


def test_people_driven_across_a_border_are_displaced(code_records):
    result = code_records("The fighting has driven some 80,000 people across the border into Uganda, the UN said.",
                          "2024-04-04")
    assert [(c.value, c.category) for c in result.claims] == [(80000, "displaced")]


def test_a_count_given_of_people_named_before_with_whom(code_records):
    result = code_records("The group freed all the hostages it held, whom the army had put at 25.", "2024-04-04")
    assert [(c.value, c.category) for c in result.claims] == [(25, "captured")]


def test_the_attackers_losses_are_not_the_soldiers_the_attackers_killed(code_records):
    result = code_records("The army said 12 of its soldiers had been killed in the ambush and that the attackers' "
                          "losses were more than 40. The rebels said they had killed 35 soldiers.", "2024-07-30")
    assert conflicting(result, "dead") == {(12, 35)}


def test_a_plan_laid_out_in_clauses_each_with_its_own_subject(code_records):
    result = code_records("Under a plan drafted by the African Union, Ethiopia would withdraw its troops from the "
                          "border, Eritrea would reopen its embassy in Addis Ababa, and both sides would free their "
                          "prisoners of war.", "2025-03-20")
    proposal = next(p for p in result.proposals if p.kind == "proposal")
    assert proposal.actor.country == "AU" and len(proposal.items) == 3


def test_members_an_armed_group_says_it_lost_are_its_fighters(code_records):
    result = code_records("The army said its strikes had killed about 60 Houthi fighters over the past week. The "
                          "Houthis have announced the deaths of 14 members over the same period.", "2024-07-12")
    assert conflicting(result, "dead") == {(14, 60)}


def test_the_day_of_a_rally_dates_the_crowd_counted_at_it(code_records):
    result = code_records("Police estimated that 40,000 people attended Sunday's rally in Tbilisi, the largest since "
                          "the protests of last March. Organisers put attendance at 150,000.", "2024-04-29")
    assert conflicting(result, "crowd") == {(40000, 150000)}


def test_a_body_named_again_by_its_head_noun_speaks_under_its_full_name(code_records):
    result = code_records("Kenya's foreign ministry summoned the Ugandan envoy on Monday. \"This is a grave breach of "
                          "our sovereignty,\" a ministry spokesman said.", "2024-03-12")
    assert [q.speaker_name for q in result.quotes] == ["Kenya's foreign ministry"]


def test_things_counted_then_told_one_sentence_each_are_the_items(code_records):
    result = code_records("Ethiopia's prime minister said he would sign a ceasefire only if three things happened "
                          "first. First, the rebels must leave the towns they hold. Second, their fighters must hand "
                          "over heavy weapons. Third, aid convoys must be allowed through.", "2024-03-01")
    proposal = next(p for p in result.proposals if p.kind == "proposal")
    assert proposal.actor.country == "ETH" and len(proposal.items) == 3


def test_demands_counted_then_listed_by_what_the_side_wants(code_records):
    result = code_records("Iran will not resume talks unless three demands are met, its foreign ministry said. Tehran "
                          "wants all sanctions lifted, guarantees against a new attack, and compensation for the "
                          "damage to its nuclear sites.", "2025-07-01")
    proposal = next(p for p in result.proposals if p.kind == "proposal")
    assert proposal.actor.country == "IRN" and len(proposal.items) == 3


def test_the_rate_a_change_started_from_and_a_rate_expected_contradict_nothing(code_records):
    result = code_records("Egypt's annual inflation eased to 24.0 percent in March from 33.3 percent in February, the "
                          "statistics agency said. Independent economists put annual inflation at 41 percent for "
                          "March. The central bank expects inflation to fall to 15 percent by the end of the year.",
                          "2025-04-10")
    assert conflicting(result, "percentage") == {(24.0, 41.0)}


def test_words_quoted_in_a_condition_are_the_speakers_who_set_it(code_records):
    result = code_records('Kenya said it would sign the accord only if Somalia showed "real good faith" at the talks.',
                          "2024-03-12")
    assert [(q.speaker_name, q.cue) for q in result.quotes] == [("Kenya", "say")]


def test_a_body_named_again_by_its_description_speaks_under_its_name(code_records):
    result = code_records('The Bangkok-based group Myanmar Human Rights Network said 900 people were held. "These '
                          'detentions are unlawful," the group said.', "2024-03-12")
    assert [q.speaker_name for q in result.quotes] == ["Myanmar Human Rights Network"]
