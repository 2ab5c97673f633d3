"""Claims, quotes, proposals and positions on real text: the long example report and our own records test set."""

import datetime as dt

import pytest

from conftest import REPORT, ROOT, conflicting
from eventcoder import Document
from eventcoder.evaluation import run_records

FLOORS = {"claims": 0.9, "quotes": 0.9, "proposals": 0.85}


@pytest.fixture(scope="module")
def seed(coder):
    text = (REPORT).read_text(encoding="utf-8")
    return next(coder.code([Document(id="seed", text=text, pub_date=dt.date(2022, 3, 30))]))


def test_casualty_figures_conflict_by_claimant(seed):
    dead = {c.value: c for c in seed.claims if c.category == "dead" and c.subject and c.subject.country == "RUS"}
    ministry, pentagon = dead[1351], dead[7000]
    assert (ministry.claimant.country, ministry.hedge) == ("RUS", "acknowledge")
    assert (pentagon.claimant.country, pentagon.claimant.type, pentagon.bound) == ("USA", "MIL", "up_to")
    assert ministry.group_id == pentagon.group_id and pentagon.claim_id in ministry.conflicts_with
    assert pentagon.ratio == pytest.approx(7000 / 1351, rel=1e-3)
    soviet = next(c for c in seed.claims if c.value == 15000)
    assert soviet.historical and soviet.group_id is None and soviet.bound == "at_most"


def test_money_has_currency_and_magnitude(seed):
    money = sorted((c.value, c.currency) for c in seed.claims if c.category == "money")
    assert money == [(682_000_000, "USD"), (813_000_000_000, "USD")]


def test_quotes_have_speakers_and_scare_quotes_have_none(seed):
    quotes = {q.text.strip(".,"): q for q in seed.quotes}
    butcher = quotes["butcher"]
    assert (butcher.kind, butcher.speaker.name, butcher.cue) == ("partial", "Joe Biden", "call")
    assert quotes["gaffe"].kind == "scare" and quotes["gaffe"].speaker is None
    assert quotes["revelations"].kind == "scare"
    kirby = quotes["nobody should be fooling"]
    assert (kirby.speaker.country, kirby.speaker.type) == ("USA", "MIL")


def test_four_point_proposal(seed):
    proposal = next(p for p in seed.proposals if p.kind == "proposal")
    assert (proposal.actor.country, proposal.recipient.country) == ("UKR", "RUS")
    assert [i.topic for i in proposal.items] == ["neutrality", "territory/status", "territory/status", "membership"]
    assert any(c.startswith("In exchange for security guarantees") for c in proposal.items[0].conditions)
    assert any(c.startswith("unless all states") for c in proposal.items[0].conditions)


def test_zelensky_rejects_territorial_concessions(seed):
    position = next(p for p in seed.proposals if p.kind == "position" and p.actor.country == "UKR")
    assert (position.stance, position.items[0].topic) == ("rejects", "territory/status")
    assert position.event_id is not None


def test_records_test_set_precision_and_recall(coder):
    report = run_records(coder, ROOT / "tests" / "data" / "records_gold.jsonl")
    for name, floor in FLOORS.items():
        assert report[name]["precision"] >= floor and report[name]["recall"] >= floor, (name, report[name])


def test_cli_writes_records_beside_events_and_links_claims_across_documents(tmp_path):
    import json

    from typer.testing import CliRunner

    from eventcoder.cli import app

    out = tmp_path / "events.jsonl"
    result = CliRunner().invoke(app, ["code", str(REPORT),
                                      str(ROOT / "examples" / "istanbul-talks.txt"), "--pub-date", "2022-03-30",
                                      "--records", "events,claims,quotes,proposals", "-o", str(out)])
    assert result.exit_code == 0, result.output
    records = {name: [json.loads(line) for line in (tmp_path / f"{name}.jsonl").read_text().splitlines()]
               for name in ("events", "claims", "quotes", "proposals")}
    assert all(records.values())
    assert all(r["doc_id"] in ("istanbul-talks-report", "istanbul-talks") for rs in records.values() for r in rs)
    example = next(c for c in records["claims"] if c["doc_id"] == "istanbul-talks" and c["value"] == 1351)
    assert any(other.startswith("istanbul-talks-report:") for other in example["conflicts_with"])


def test_unknown_record_type_is_refused(tmp_path):
    from typer.testing import CliRunner

    from eventcoder.cli import app

    result = CliRunner().invoke(app, ["code", str(ROOT / "examples" / "istanbul-talks.txt"), "--records",
                                      "events,rumours", "-o", str(tmp_path / "e.jsonl")])
    assert result.exit_code == 2


def test_casualty_figure_is_attached_to_its_event(code):
    events = code("At least seven civilians were killed in a Russian drone attack on the southern city of Kherson "
                  "on Saturday, Ukrainian officials said.", "2024-06-03")
    attack = next(e for e in events if e.event_type == "ASSAULT")
    assert [(f.value, f.bound, f.claimant.country) for f in attack.fatalities] == [(7, "at_least", "UKR")]


@pytest.mark.parametrize("text, proposer, n_items", [
    # numbered inside a sentence
    ("Peru's government put a proposal to the striking miners on Monday that would 1) raise wages by 8 percent, "
     "2) cap working hours and 3) fund a new clinic.", "PER", 3),
    # lettered
    ("Serbia proposed on Friday that Belgrade and Pristina (a) reopen the border crossings, (b) free detained "
     "police officers and (c) resume talks in Brussels.", "SRB", 3),
    # colon list inside a sentence, with a condition closing it
    ("Chile's government offered the truckers a deal on Tuesday: a freeze on fuel prices, the release of 12 detained "
     "drivers and talks with the transport minister, provided that the blockades end by Friday.", "CHL", 3),
    # First / second / third as sentences of their own
    ("Ethiopia's prime minister laid out his offer to the rebels on Sunday. First, federal troops would leave the "
     "region's towns. Second, aid convoys would be allowed through. Third, jailed commanders would be freed.",
     "ETH", 3),
    # coordinated demands in prose
    ("A Turkish proposal handed to both sides on Monday calls for Armenian troops to leave the villages, for "
     "Azerbaijan to reopen the corridor and for observers to patrol the border.", "TUR", 3),
    # bullet lines
    ("Kenya's government offered the doctors the following terms on Monday:\n\n- a 10 percent pay rise;\n\n- "
     "new hospital equipment;\n\n- no sanctions for the strike.", "KEN", 3),
    # numbered lines the sentence splitter keeps together
    ("The World Bank has set out three steps that Ghana must take to receive a $300 million loan:\n1. cut energy "
     "subsidies;\n2. publish the audit of the cocoa board;\n3. cap new borrowing by state firms.\nThe board will "
     "vote in June.", "WB", 3),
    # ordinals in sentences of their own, the last ones in one sentence
    ("Colombian President Gustavo Petro presented a peace plan to Congress on Monday. First, the ELN would release "
     "every hostage. Second, the army would suspend operations in Arauca. Third, a commission would verify the "
     "truce; and fourth, talks would resume in Havana.", "COL", 4),
    # conditional sentences after an offer, one item each, a misparsed one among them
    ("Mozambique's government on Friday offered a deal to the insurgents in Cabo Delgado. Fighters who lay down "
     "their arms would receive an amnesty. Villagers detained under the curfew would be freed. The army would "
     "leave the markets once local police could keep order.", "MOZ", 3),
    # a plan named by its number of points
    ("Arab League foreign ministers meeting in Cairo adopted a four-point plan for Sudan: an immediate truce, safe "
     "corridors for aid, the return of civilian rule and talks in Jeddah.", "ARL", 4),
    # a list of conditions in the stating clause, lettered
    ("Houthi leaders said they would accept a truce only if a list of conditions was met: (a) the blockade of "
     "Hodeidah must end; (b) salaries must be paid; and (c) foreign forces must leave.", "YEM", 3),
    # the list opens in the sentence after the proposal
    ("Serbia has handed Kosovo a four-point proposal. Under it, each side would:\n- recognise the other's "
     "documents;\n- open two border crossings;\n- free detained police officers;\n- set up a joint commission.",
     "SRB", 4),
    # numbered terms inside a sentence that states them, with no proposal word
    ("Israeli Prime Minister Benjamin Netanyahu said the war would end provided that Hamas (1) freed every hostage, "
     "(2) gave up its weapons and (3) left Gaza.", "ISR", 3),
    # "first that ..., second that ... and third that ..."
    ("Nigerian President Bola Tinubu put forward a plan at the summit, proposing first that the junta free the "
     "president, second that elections be held within a year and third that sanctions be eased.", "NGA", 3),
    # demands as that-clauses
    ("The African Union demanded that the junta in Gabon free the president, that it publish a timetable for "
     "elections and that soldiers return to barracks.", "AU", 3),
    # ordinals inside a condition, and a verb of giving that is no proposing
    ("The Sudanese army said it would return to talks only if the RSF, first, withdraws from homes in Khartoum, "
     "second, hands over its heavy weapons and, third, gathers its fighters in camps.", "SDN", 3),
    # conditions someone else must meet are the stater's; names listed inside an item stay in it
    ("Kenya's president said talks could resume if the rebels met two conditions: the withdrawal of their "
     "fighters from Lamu, Garissa and Mandera counties, and the release of all hostages.", "KEN", 2),
    # numbered entries the sentence splitter cuts after their numbers
    ("In exchange for the loan, Athens offered to: 1. raise sales tax on hotels; 2. cut defence spending; 3. sell "
     "the port of Piraeus.", "GRC", 3),
    # modal sentences with two coordinated clauses each
    ("Bougainville President Ishmael Toroama has set out a plan for independence. The referendum result would be "
     "ratified by 2025, and independence would take effect by 2027. Port Moresby would keep defence during the "
     "transition, and a joint commission would divide debts.", "PNG", 4),
    # suggested, then reported as that-clauses
    ("Turkish President Recep Tayyip Erdogan on Friday suggested a way out of the standoff. He said both navies "
     "could pull back from the disputed waters, that a hotline could be set up, and that talks should resume in "
     "Ankara.", "TUR", 3),
    # coordinated things demanded, one of them carrying a clause of its own
    ("Peru's opposition on Sunday called for the resignation of the interior minister, the release of students it "
     "says were detained illegally and an independent inquiry into the shootings.", "PER", 3),
    # the proposer after "by"; modal clauses joined by semicolons in one sentence
    ("Yemen's warring parties met in Muscat to discuss a proposal by UN envoy Hans Grundberg. Under it, all roads "
     "into Taiz would reopen; salaries would be paid from oil revenue; and flights from Sanaa would resume.", "UN", 3),
    # things demanded, the first of them where the parse did not coordinate it
    ("Venezuela's opposition called for the lifting of bans that bar its candidates from office, an update of the "
     "voter roll to include citizens abroad, and the release of prisoners.", "VEN", 3),
    # a colon list after a demanding verb, and after "terms"
    ("Kenya's opposition leader Raila Odinga called on the government to do three things: cut fuel prices; reopen "
     "the universities; and free the detained students.", "KEN", 3),
    ("Armenia's prime minister said Yerevan was ready to sign a treaty on its own terms: mutual recognition of "
     "borders; the withdrawal of foreign troops; and the reopening of roads.", "ARM", 3),
    # numbers in words opening one sentence each
    ("Georgia's opposition parties issued a joint list of demands. One: new elections under international "
     "supervision. Two: the release of detained protesters. Three: the resumption of EU talks.", "GEO", 3),
    # a body the knowledge base does not know belongs to the country the report is about
    # points named as such, one sentence each ("The first point ..., The second ..., Another ..., The last point")
    ("Colombia's ELN rebels presented the government with a five-point plan on Thursday. The first point calls for "
     "a ceasefire in January. The second would raise grants for former fighters. The third asks for an amnesty. "
     "Another would create a joint body. The last point ties disarmament to an election.", "COL", 5),
    # "The offer" refers back to the offer just set out, whose list follows in a sentence of its own
    ("Sri Lanka's finance ministry set out a restructuring offer on Tuesday. The offer has three parts. First, "
     "investors would swap the bonds for new notes. Second, the coupon would be lowered. Third, unpaid interest "
     "would be settled in cash.", "LKA", 3),
    # one sentence per demand, each "They want ..."
    ("Police fired on protesters in Kathmandu on Monday. Nepal's student leaders laid out their demands on "
     "Tuesday. They want the ban on social media lifted at once. They want the home minister to resign. And they "
     "want an independent commission to investigate the shootings.", "NPL", 3),
    # things wanted, coordinated, the first one a clause of its own
    ("Thousands of farmers marched through Asuncion on Tuesday. The National Peasant Federation wants evictions "
     "from disputed land to stop, a moratorium on farmers' bank debts and an end to the aerial spraying of soya "
     "fields.", "PRY", 3),
    # a council the knowledge base does not know
    ("Pakistani tribal elders met in Khar on Monday. The jirga's demands came in three parts. Families must be "
     "allowed to return home. The government must compensate every owner. And security forces must stop searching "
     "homes.", "PAK", 3),
    ("Iraqi protesters blocked roads in Basra for a third day over power cuts. In a statement, the protest "
     "coordination committee called for the dismissal of the provincial governor, round-the-clock electricity for "
     "residents and jobs for unemployed graduates.", "IRQ", 3),
    # what a side says it would do, on a condition, is an offer (the parse may break the list)
    ("The European Union told Belgrade on Monday that it would restore visa-free travel, release frozen funds and "
     "resume accession talks, on condition that Serbia recognises the election result.", "EU", 3),
    # what the other side is to do, two things after a colon
    ("Colombia's ELN rebels said they would free the hostages in exchange for two steps: an end to the air "
     "strikes and the release of their commanders.", "COL", 2),
    # coordinated things proposed, with a condition after the last one
    ("Tajikistan proposed a joint border commission, a pullback of heavy weapons and a hotline between the "
     "interior ministries, on condition that Kyrgyzstan stops building roads in the disputed valley.", "TJK", 3),
    # a name set off from its verb by an aside is still its subject
    ("Indonesia, as host of the talks, put forward a plan under which, first, both navies would leave the reef; "
     "second, fishermen would keep their access; and third, a joint patrol would begin.", "IDN", 3),
    # whoever drafted a plan proposes it; an apposition past the verb is none
    ("A Turkish-drafted plan calls for a truce, the return of displaced families and the release of detainees.",
     "TUR", 3),
    # base forms tagged apart, and a demand opening at its "that"
    ("Qatari mediators proposed on Friday that both sides agree to a truce, open the crossings and withdraw their "
     "fighters from the hospitals.", "QAT", 3),
    # that-clauses after a time phrase
    ("Mediators from the African Union proposed on Monday that the army release the prime minister, that the "
     "militias withdraw from the capital and that a council draft a timetable.", "AU", 3),
    # a plan the parties committed to is set out by whoever reports it
    ("UN envoy Hans Grundberg said on Friday that Yemen's parties had committed to a plan with three elements: (1) a "
     "ceasefire; (2) the payment of salaries; and (3) the reopening of roads.", "UN", 3),
    # a modal carried over semicolons in the sentence after the proposal ("Under it, ... would A; B; and C")
    ("Norway has presented Colombia's government and the ELN with a draft accord. Under it, the two sides would "
     "declare a truce; free all hostages; and open talks in Oslo.", "NOR", 3),
    # a phrase that opens with a preposition stays in the item before it
    ("Armenia proposed a set of steps on Monday: a hotline between the armies, the return of detainees, and a "
     "ceasefire on land and at sea lasting a month.", "ARM", 3),
])
def test_proposals_in_any_list_shape(code_records, text, proposer, n_items):
    result = code_records(text)
    proposal = next(p for p in result.proposals if p.kind == "proposal")
    assert (proposal.actor.country, len(proposal.items)) == (proposer, n_items)


@pytest.mark.parametrize("text", [
    # money offered is aid, not an offer of terms
    "Japan pledged $40 million in aid for Myanmar on Monday, adding to $25 million offered by Australia last month.",
    # commas around an aside inside the thing demanded are no list
    "The rebel spokesman demanded an end to the siege of a city where, according to the Red Cross, the fighting had "
    "killed thousands, wrecked the hospital and cut the water supply.",
])
def test_no_proposal_in_aid_figures_or_an_aside(code_records, text):
    assert [p for p in code_records(text).proposals if p.kind == "proposal"] == []


def test_an_offer_lapsing_unless_or_given_in_exchange_is_a_condition_not_an_item(code_records):
    lapse = code_records("Mali's government on Monday offered a deal to the rebels. Fighters who surrender would be "
                         "pardoned. Prisoners would be released. The offer lapses unless the rebels reply within a "
                         "week, a government spokesman said.")
    offer = next(p for p in lapse.proposals if p.kind == "proposal")
    assert (len(offer.items), offer.conditions) == (2, ["unless the rebels reply within a week"])
    swap = code_records("Kenyan President William Ruto suggested a way out of the strike on Monday. He said nurses "
                        "could get a 5 percent rise, that arrears could be paid by June, and that no one should "
                        "be sacked. In return, he said, the union should call off the strike.")
    offer = next(p for p in swap.proposals if p.kind == "proposal")
    assert len(offer.items) == 3 and offer.conditions[0].startswith("In return")


def test_a_condition_on_the_whole_offer_is_kept_apart_from_its_items(code_records):
    result = code_records("Chile's government offered the truckers a deal on Tuesday: a freeze on fuel prices, the "
                          "release of 12 detained drivers and talks with the transport minister, provided that the "
                          "blockades end by Friday.")
    proposal = next(p for p in result.proposals if p.kind == "proposal")
    assert proposal.conditions == ["provided that the blockades end by Friday"]
    assert all(not item.text.startswith("provided") for item in proposal.items)


def test_a_figure_and_its_parts_never_conflict_but_two_tolls_do(code_records):
    result = code_records("The health ministry said 400 people were killed in the flooding, including 120 children. "
                          "The United Nations put the death toll at 520.")
    assert conflicting(result, "dead") == {(400, 520)}
    toll = next(c for c in result.claims if c.value == 520)
    assert toll.conflict_basis and toll.conflict_basis.startswith("same count (dead")


def test_each_sides_own_losses_are_different_counts(code_records):
    result = code_records("The Israeli army said 46 of its soldiers had been killed, while the Gaza health ministry "
                          "said 11,200 Palestinians had died.")
    assert conflicting(result, "dead") == set()


def test_a_figure_given_for_comparison_is_not_linked(code_records):
    result = code_records("Turnout reached 61 percent, the election commission said, up from 55 percent in 2019.")
    figures = {c.value: c for c in result.claims if c.category == "percentage"}
    assert figures[55].comparison and not figures[55].conflicts_with and not figures[61].conflicts_with


def test_the_figure_refers_to_the_figure_just_given(code_records):
    result = code_records("Officials said 300 people died in the attack on the market. "
                          "Rescuers later put the figure at more than 450.")
    later = next(c for c in result.claims if c.value == 450)
    assert (later.category, later.bound, later.claimant.text) == ("dead", "at_least", "Rescuers")
    assert conflicting(result, "dead") == {(300, 450)}


def test_bare_dead_and_wounded_count_the_people_the_sentence_counted(code_records):
    result = code_records("The army said 90 soldiers were killed and 200 wounded, while rebels put the figure as "
                          "high as 400 dead and 900 wounded.")
    assert conflicting(result, "dead") == {(90, 400)}
    assert conflicting(result, "wounded") == {(200, 900)}


@pytest.mark.parametrize("text, quoted, speaker", [
    # what the evidence shows is not a speaker: the one who says it is
    ('The opposition leader, Maria Duarte, said the vote count showed the government was "a sore loser".',
     "a sore loser", "Maria Duarte"),
    # a spokesman named in apposition
    ('Its spokeswoman, Ana Lindqvist, said the raids were "plainly unlawful" and would be challenged.',
     "plainly unlawful", "Ana Lindqvist"),
    # judging in words
    ('Chancellor Olaf Scholz hailed "a new chapter for Europe" after the vote.', "a new chapter for Europe",
     "Olaf Scholz"),
    ('The miners\' union rejected the pay offer as "an insult" on Monday.', "an insult", "union"),
    # the speaker after a long subject
    ('"We will not leave the square until the minister resigns," the April 6 movement, which organised the sit-in, '
     'said in a statement.', "We will not leave the square until the minister resigns", "movement"),
    # the speaker's words under a preposition are still the speaker's
    ('The foreign minister said the plan rested on "wishful thinking".', "wishful thinking", "minister"),
    # blaming and directing in quoted words, the speaker shared up a coordination
    ('President Emmerson Mnangagwa blamed "foreign agents" for the riots.', "foreign agents", "Emmerson Mnangagwa"),
    ('President Emmerson Mnangagwa said Harare had been attacked by looters and authorised the army to "restore '
     'order by all means".', "restore order by all means", "Emmerson Mnangagwa"),
    # words inside a second that-clause, or a relative clause, of what was said
    ("Interior minister Karim Haddad said police had raided three flats and that \"foreign agents\" had been "
     "arrested.", "foreign agents", "Karim Haddad"),
    ("Interior minister Karim Haddad said police had stopped boats that had \"illegally entered\" the port.",
     "illegally entered", "Karim Haddad"),
    # speech not yet made is no cue: the one who says it will be is the speaker
    ('Foreign Ministry spokesman Ali Rezaei said Tehran would respond "at the right moment".', "at the right moment",
     "Ali Rezaei"),
    # a second speech verb the parse hung on the first one's content
    ('Army spokesman Kyaw Lin said about 20 people had died and insisted that jets had hit a "meeting of '
     'terrorists".', "meeting of terrorists", "Kyaw Lin"),
    # a name in apposition the tagger does not know as a person
    ("The rebels' spokesman, Odak Tarbo, called the government's offer \"a demand for surrender\".",
     "a demand for surrender", "Odak Tarbo"),
    # a pronoun or a title standing for a person the knowledge base does not know
    ('Coast guard spokesman Ramon Cruz showed photographs of the ships. "These boats are not fishing," he said.',
     "These boats are not fishing", "Ramon Cruz"),
    ('Governor Ada Obi toured the camp on Friday. Aid workers said food was short. Rain fell all night. "We will '
     'rebuild every home," the governor said.', "We will rebuild every home", "Ada Obi"),
    # a speech verb the parse left without subject after the quote
    ('"We are offering the capital a partnership, not a divorce," the region\'s independence minister, Ezekiel '
     'Masiu, told reporters.', "We are offering the capital a partnership, not a divorce", "Ezekiel Masiu"),
    # a spokesman named in apposition judges in words
    ('A government spokesman, Tesfaye Alemu, called the UN figure "inflated" on Monday.', "inflated",
     "Tesfaye Alemu"),
    # the quoted words are the predicate the speaker gives ('called the figure "fabricated"')
    ('Defence ministry spokesman Dragan Petkovic called the figure "fabricated" on Friday.', "fabricated",
     "Dragan Petkovic"),
    # "calling the campaign '...'" after a noun that can name things: still the caller's words
    ('Minister Rafael Merino said on Thursday 83,000 people had been held, calling the campaign "the end of the '
     'gangs\' empire".', "the end of the gangs' empire", "Rafael Merino"),
    # "in the words of X"
    ('Azerbaijan accused Armenia of "large-scale provocations", in the words of defence ministry spokesman Kamran '
     'Huseynov.', "large-scale provocations", "Kamran Huseynov"),
    # a figure in quotation marks before its noun is a quoted figure, not a name
    ('The Baloch Liberation Army said its fighters had killed "no fewer than 40" soldiers.', "no fewer than 40",
     "Baloch Liberation Army"),
    # "That was the message X delivered"
    ('"We are not defaulting; we are asking for time." That was the message Finance Minister Ahmed Rasheed '
     'delivered to bondholders on Monday.', "We are not defaulting; we are asking for time", "Ahmed Rasheed"),
])
def test_quote_speakers(code_records, text, quoted, speaker):
    quote = next(q for q in code_records(text).quotes if q.text.strip(".,") == quoted)
    assert quote.kind != "scare" and speaker.lower() in (quote.speaker_name or "").lower()


@pytest.mark.parametrize("text", [
    '"Nobody will be allowed to divide this country." Those were the words of President Gustavo Petro, who spoke in '
    'Cali on Monday.',
    '"Nobody will be allowed to divide this country." The words were Gustavo Petro\'s own, spoken in Cali on Monday.',
    'Officials said 40 people had fled. "Nobody will be allowed to divide this country. We will rebuild every '
    'village," President Gustavo Petro told a rally in Cali.',
])
def test_a_quote_attributed_after_its_sentences_end(code_records, text):
    quote = next(q for q in code_records(text).quotes if q.text.startswith("Nobody"))
    assert "Petro" in (quote.speaker_name or "")


def test_a_quoted_sentence_continues_the_quote_before_it(code_records):
    result = code_records('"These numbers are invented," Foreign Minister Ivan Petrov said on Tuesday. "Thousands '
                          'have already returned home."')
    first, second = result.quotes
    assert "Ivan Petrov" in first.speaker_name and second.speaker_name == first.speaker_name


def test_a_quote_standing_as_a_sentence_is_attributed_by_the_next(code_records):
    result = code_records('"Not one soldier will cross this river." With those words, President Paul Kagame '
                          'rejected the ultimatum on Monday.')
    quote = result.quotes[0]
    assert quote.kind == "direct" and "Kagame" in quote.speaker_name


def test_a_quote_standing_as_a_sentence_after_what_a_named_person_did_is_theirs(code_records):
    result = code_records('The interior minister, Amara Diallo, put the toll at 41. Diallo defended the figure. '
                          '"We count only the victims we have identified by name."')
    assert "Diallo" in result.quotes[0].speaker_name
    result = code_records('Rebels shelled the town on Monday. "We count only the victims we have identified by '
                          'name."')
    assert result.quotes[0].speaker is None


def test_quotes_in_coordinated_phrases_share_their_speaker(code_records):
    result = code_records('The junta rejected the report as "one-sided" and based on "invented testimony".')
    assert [q.kind for q in result.quotes] == ["partial", "partial"]
    assert result.quotes[1].speaker is not None


def test_a_label_the_narrator_names_a_thing_by_is_a_scare_quote(code_records):
    result = code_records('Officials said most voters had backed independence in a "referendum" that the United '
                          'Nations refused to recognise.')
    assert [(q.text, q.kind, q.speaker) for q in result.quotes] == [("referendum", "scare", None)]


def test_the_definite_toll_is_the_count_given_before(code_records):
    result = code_records("Al-Shabaab said it had killed 60 Kenyan soldiers. President William Ruto said 19 of his "
                          "country's troops had died. A Somali officer put the Kenyan death toll at roughly 30.")
    assert conflicting(result, "dead") == {(19, 60), (30, 60), (19, 30)}


def test_a_figure_given_for_comparison_keeps_its_own_date(code_records):
    result = code_records("The number of people displaced in Sudan has risen to 9,100,000, up from 7,400,000 in "
                          "June, the migration agency said on Tuesday. The army-backed government put the figure at "
                          "about 5,000,000.", pub_date="2024-10-03")
    figures = {c.value: c for c in result.claims}
    assert figures[7_400_000].date == "2024-06" and figures[9_100_000].date == "2024-10-01"
    assert conflicting(result, "displaced") == {(5_000_000, 9_100_000)}


def test_of_them_names_a_part_and_an_announced_toll_its_source(code_records):
    result = code_records("Armenia's defence ministry issued its own toll on Sunday. Forty Armenians had been "
                          "killed, 25 of them soldiers. Azerbaijan's army said it had killed more than 200 Armenian "
                          "soldiers.")
    figures = {c.value: c for c in result.claims}
    assert figures[40].claimant.country == "ARM" and figures[25].counted == "soldiers"
    assert conflicting(result, "dead") == {(25, 200)}


def test_according_to_a_tally_outweighs_a_later_clause(code_records):
    result = code_records("Security forces have killed 560 people since the coup, according to a tally by the "
                          "Assistance Association for Political Prisoners; the junta put the figure at 150.")
    figures = {c.value: c for c in result.claims}
    assert "Assistance Association" in figures[560].claimant.text and figures[150].claimant.text == "the junta"
    assert conflicting(result, "dead") == {(150, 560)}


def test_a_nationwide_figure_and_a_figure_for_one_place_are_not_one_count(code_records):
    result = code_records("Unions said 400,000 people marched in Santiago on Thursday and two million across the "
                          "country. Police put the Santiago crowd at 50,000.")
    assert conflicting(result, "crowd") == {(50_000, 400_000)}


def test_vague_amounts_and_decades_ago_contradict_no_figure(code_records):
    result = code_records("Police said they had detained 2,100 people, while student groups said hundreds more "
                          "were held. About 30,000 people were arrested in the crackdown of the early 1990s.",
                          pub_date="2024-05-02")
    assert conflicting(result, "arrested") == set()


def test_a_range_counts_the_noun_after_its_upper_end(code_records):
    result = code_records("India's army said Pakistan had launched 300 to 400 drones against Indian cities.")
    drones = next(c for c in result.claims if c.value == 300)
    assert (drones.category, drones.value_max) == ("weapons", 400)


@pytest.mark.parametrize("text, value, category", [
    ("Police said they had recovered at least 26 bodies after the ambush.", 26, "dead"),
    ("The toll has climbed to 94, with another 60 people unaccounted for, officials said.", 60, "missing"),
    ("The IOM said at least 21,000 of the returnees had been deported after arrest.", 21_000, "displaced"),
    ("The UN said it had recorded the displacement of about 30,000 people in the area.", 30_000, "displaced"),
    ("The Commission expects the assets to yield between €2.5 billion and €3 billion a year.", 2.5e9, "money"),
])
def test_what_a_figure_counts_by_its_word_class(code_records, text, value, category):
    assert next(c for c in code_records(text).claims if c.value == value).category == category


def test_the_agent_of_a_forcing_participle_is_no_claimant(code_records):
    result = code_records("The number of people forced from their homes by floods has risen to more than 60,000, "
                          "the UN said.")
    figure = next(c for c in result.claims if c.value == 60_000)
    assert figure.category == "displaced" and figure.claimant.country == "UN"
    strength = code_records("The army estimates that the rebels have some 5,800 members, while the think tank "
                            "Indepaz puts the group's total strength at about 7,000.")
    assert next(c for c in strength.claims if c.value == 7_000).claimant.text == "the think tank Indepaz"


@pytest.mark.parametrize("text, value, category, claimant", [
    # "at" hung on the participle of the counted noun
    ("An Amnesty report puts the number killed since March at about 900, while a tally by the newspaper El Heraldo "
     "counted 700 deaths over the same period.", 900, "dead", "An Amnesty report"),
    # a figure on the estimating verb without its "at"
    ("The rebels say they have about 20,000 fighters, a number Western officials dispute, putting it nearer 8,000.",
     8_000, "troops", None),
    # a pronoun believing inside a report is its reporter; buried alive are dead
    ("The country's disaster agency said it believed more than 300 people had been buried alive.", 300, "dead",
     "The country's disaster agency"),
    # the figure far from the word saying what it counts
    ("The Taliban said in a statement that the army's losses over the same period were more than 200.", 200, "dead",
     None),
])
def test_figures_put_on_counts_in_looser_shapes(code_records, text, value, category, claimant):
    figure = next(c for c in code_records(text).claims if c.value == value)
    assert figure.category == category
    assert claimant is None or figure.claimant.text == claimant


def test_a_count_since_a_date_runs_to_the_report(code_records):
    result = code_records("Floods have driven more than 50,000 people in Sindh from their homes since June, the UN "
                          "said. The provincial government put the number of displaced at roughly 90,000.",
                          pub_date="2024-09-10")
    assert conflicting(result, "displaced") == {(50_000, 90_000)}


@pytest.mark.parametrize("text, category", [
    # one place "alone" of a wider count
    ("The health ministry said 120 people had died across the province. Local activists said at least 60 people "
     "had died in the town of Kasese alone.", "dead"),
    # the first instalment of a total
    ("The first 200 Rwandan soldiers arrived in Bangui on Monday, the army said. Kigali has pledged 1,000 troops "
     "in all.", "troops"),
])
def test_a_part_of_a_wider_count_contradicts_nothing(code_records, text, category):
    assert conflicting(code_records(text), category) == set()


def test_deaths_on_their_side_are_the_staters_own(code_records):
    result = code_records("Kyrgyzstan said 59 of its citizens had been killed in the border fighting. Tajik "
                          "officials reported 41 deaths on their side.")
    assert next(c for c in result.claims if c.value == 41).subject.country == "TJK"
    assert conflicting(result, "dead") == set()


@pytest.mark.parametrize("text, quoted", [
    ("Beijing launched war games code-named \"Strait Thunder\" on Tuesday.", "Strait Thunder"),
    ("Police ran the campaign under the name \"Clean Streets\" for two years.", "Clean Streets"),
    ("Organisers from the citizens' movement \"Enough\" put the crowd at 40,000.", "Enough"),
    ("The emergency regime known locally as the \"state of exception\" was extended.", "state of exception"),
    # a name modifying the noun after it, a title-cased name after a determiner
    ("Police detained 73 fighters enforcing \"ghost town\" lockdowns in the region.", "ghost town"),
    ("Officials said 541,000 Afghans had left since the launch of its \"Illegal Foreigners Repatriation Plan\".",
     "Illegal Foreigners Repatriation Plan"),
])
def test_a_name_given_to_a_thing_is_no_quote(code_records, text, quoted):
    quote = next(q for q in code_records(text).quotes if q.text == quoted)
    assert quote.kind == "scare" and quote.speaker is None


def test_a_quote_continues_after_a_quote_over_two_sentences_but_not_into_another_report(code_records):
    result = code_records('"Let nobody doubt us. We will find them," Governor Ada Obi said. "No effort will be '
                          'spared." The army said it had sent troops to the forest.')
    quote = next(q for q in result.quotes if q.text.startswith("No effort"))
    assert "Ada Obi" in (quote.speaker_name or "")
    alone = code_records('Doctor Ana Ruiz described the ward as overwhelmed. "We are running out of beds." The army '
                         'said it had sent medics to the city.')
    quote = next(q for q in alone.quotes if q.text.startswith("We are"))
    assert quote.speaker is None or "army" not in quote.speaker.text.lower()


@pytest.mark.parametrize("text, category, linked", [
    # a toll over years is not the toll of one day
    ("Police said 26 people were killed in Monday's ambush. A church group says clan fighting has killed about 150 "
     "people in the province over the past two years.", "dead", set()),
    # "N of them" is a part of the figure just given
    ("The death toll has risen to at least 210, according to a tally by the Prothom Alo newspaper. A count by the "
     "AFP news agency put the number at 174, at least 103 of them killed by gunfire.", "dead", {(174, 210)}),
    # one place "alone", named before the figure
    ("In Jalisco alone, prosecutors said 1,221 people had gone missing this year. The national registry lists more "
     "than 114,000 missing people.", "missing", set()),
])
def test_counts_of_other_periods_parts_and_places_are_not_linked(code_records, text, category, linked):
    assert conflicting(code_records(text), category) == linked


def test_a_nationality_adjective_on_the_losses_names_whose_dead(code_records):
    result = code_records('Kyrgyzstan\'s security chief said Tajik losses were "more than 100 dead".')
    assert next(c for c in result.claims if c.value == 100).subject.country == "TJK"


def test_two_figures_nobody_gives_are_the_reports_own_account(code_records):
    result = code_records("The storm killed 12 people in the port city on Monday. By Tuesday evening, 30 people had "
                          "died in the storm.")
    assert conflicting(result, "dead") == set()


@pytest.mark.parametrize("text, part", [
    ("Russia's defence ministry said it had destroyed 41 drones, including 12 approaching Moscow.", 12),
    ("Taiwan's defence ministry detected 71 Chinese aircraft on Tuesday. Of the aircraft, 45 crossed the median "
     "line, the ministry said.", 45),
])
def test_a_figure_included_in_the_one_before_is_a_part(code_records, text, part):
    assert next(c for c in code_records(text).claims if c.value == part).partitive


def test_another_incident_is_another_count_but_another_statement_is_not(code_records):
    fires = code_records("Wildfires killed 46 people near Concepcion, the interior ministry said. Further south, a "
                         "separate blaze killed three forestry workers, regional officials said.")
    assert conflicting(fires, "dead") == set()
    unrest = code_records("Police said 38 people had died in the unrest. The interior ministry, in a separate "
                          "statement, put the number of dead at 51.")
    assert conflicting(unrest, "dead") == {(38, 51)}


def test_a_lower_bound_conflicts_with_a_figure_below_it_however_near(code_records):
    result = code_records("The floods have killed about 1,900 people, according to a tally by the Red Cross. The "
                          "government put the death toll at more than 2,000.")
    assert conflicting(result, "dead") == {(1900, 2000)}


def test_a_toll_of_a_figure_given_by_someone_is_their_dead(code_records):
    result = code_records("The army said 200 of them had been killed in the assault. A local official gave a far "
                          "higher death toll of about 600.")
    toll = next(c for c in result.claims if c.value == 600)
    assert (toll.category, toll.claimant.text) == ("dead", "A local official")
    assert conflicting(result, "dead") == {(200, 600)}


def test_a_force_counted_by_two_sources_is_one_count(code_records):
    result = code_records("Seoul estimates that about 3,000 Chinese troops have been deployed to the border, while "
                          "Tokyo has put the contingent at 5,000.")
    assert conflicting(result, "troops") == {(3000, 5000)}


def test_a_year_naming_an_event_does_not_date_the_figure(code_records):
    result = code_records("The shadow government formed after the 2019 coup said on Monday that more than 800 "
                          "people had died in the fighting.")
    figure = next(c for c in result.claims if c.value == 800)
    assert not figure.historical and figure.date != "2019"


def test_a_figure_for_last_year_holds_one_for_a_period_within_it(code_records):
    result = code_records("About 900 people were killed in the unrest last year, according to a tally by the UN "
                          "published on Wednesday. The government has put the toll for the same period, July 3 to "
                          "August 20, at 420.")
    assert conflicting(result, "dead") == {(420, 900)}


def test_an_armys_losses_are_its_soldiers(code_records):
    result = code_records("Al-Shabaab said on Monday that it had killed 60 soldiers in the attack on the base. "
                          "The Somali army said its losses were 11 dead.")
    assert conflicting(result, "dead") == {(11, 60)}


def test_two_exact_counts_differ_however_near_and_a_number_tagged_as_a_date_is_a_figure(code_records):
    result = code_records("The ombudsman said on Friday that 58 people had died in the clashes. The health ministry "
                          "put the number killed in the clashes at 55.")
    assert conflicting(result, "dead") == {(55, 58)}


def test_what_a_count_is_of_says_what_it_counts(code_records):
    result = code_records("Air strikes on the port killed 74 people and wounded 171, the health ministry said on "
                          "Friday. A government official said the number of dead was closer to 30.")
    assert next(c for c in result.claims if c.value == 30).category == "dead"
    assert conflicting(result, "dead") == {(30, 74)}


def test_a_toll_after_a_part_refers_to_the_whole(code_records):
    result = code_records("Police said 96 people, including 17 police officers, had died in the unrest. A civil "
                          "society group put the death toll over the same period at 278.")
    assert conflicting(result, "dead") == {(96, 278)}


def test_a_forces_own_dead_put_at_a_figure_are_its_soldiers(code_records):
    result = code_records("The rebels said 52 government soldiers were killed in the assault; the Malian army put "
                          "its own dead at eight.")
    eight = next(c for c in result.claims if c.value == 8)
    assert eight.claimant is not None and "army" in eight.claimant.text
    assert conflicting(result, "dead") == {(8, 52)}


def test_a_part_of_its_people_among_the_dead_is_a_part_and_what_a_partitive_does_says_its_category(code_records):
    result = code_records("The army said 30 people were killed, and that 9 of its soldiers were among the dead. "
                          "The opposition says more than 2,000 of its supporters remain in detention; the government "
                          "says the number is below 400.")
    assert next(c for c in result.claims if c.value == 9).partitive
    assert next(c for c in result.claims if c.value == 2000).category == "arrested"
    assert conflicting(result, "arrested") == {(400, 2000)}


def test_a_proposal_whose_verb_the_parser_hung_on_its_proposer(code_records):
    result = code_records("Venezuela's opposition coalition, the Unitary Platform, offered on Monday to rejoin talks "
                          "if three conditions were met: the release of detained activists; the return of exiled "
                          "leaders; and an end to the ban on rallies.")
    proposal = [p for p in result.proposals if p.kind == "proposal"][0]
    assert proposal.actor is not None and len(proposal.items) == 3


def test_a_list_of_phrases_on_semicolons_after_a_verb(code_records):
    result = code_records("The Arab League's plan asks both sides to commit to an immediate truce; the exchange of all "
                          "prisoners; the reopening of border crossings; and talks on a final settlement.")
    proposal = [p for p in result.proposals if p.kind == "proposal"][0]
    assert [i.text for i in proposal.items][0] == "an immediate truce" and len(proposal.items) == 4


def test_the_broker_of_a_plan_proposes_it_wherever_the_parser_hangs_the_participle(code_records):
    result = code_records("The peace deal between Ethiopia and Eritrea brokered by Riyadh sets out three steps: "
                          "Ethiopian troops would leave Badme; Eritrea would reopen the border; and observers would "
                          "monitor the line.")
    proposal = [p for p in result.proposals if p.kind == "proposal"][0]
    assert proposal.actor is not None and proposal.actor.country == "SAU" and len(proposal.items) == 3


@pytest.mark.parametrize("text, proposer, n_items", [
    # the clauses of "a plan under which ..."
    ("Egypt has circulated a plan under which Hamas would free the hostages, Israel would pull its troops back to "
     "the border, and aid convoys would enter daily, on condition that both sides respect a truce.", "EGY", 3),
    # what the main clause says would be done, after "Under the framework ..."
    ("Under the plan brokered by Turkey, the two sides would reopen the ports, clear the mines and let grain ships "
     "sail, provided that Moscow's exports are not blocked.", "TUR", 3),
    # a counted list after a colon, whatever the noun
    ("Pyongyang's envoy said the country was ready to accept two limits on its programme: a halt to missile tests "
     "and the return of inspectors to Yongbyon.", "PRK", 2),
])
def test_proposals_laid_out_in_prose(code_records, text, proposer, n_items):
    proposals = [p for p in code_records(text).proposals if p.kind == "proposal"]
    assert proposals and proposals[0].actor.country == proposer and len(proposals[0].items) == n_items
