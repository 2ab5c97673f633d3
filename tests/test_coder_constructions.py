"""Constructions the coder reads, one test sentence of our own each (session 6 onwards)."""

import pytest

from conftest import dyads


def test_a_relational_noun_stands_for_the_other_party_named_before(code):
    events = code("Morocco recalled its ambassador to Algeria on Saturday, accusing its neighbour of arming "
                  "separatists.", "2021-08-24")
    assert ("ACCUSE", "MAR", "DZA") in dyads(events)
    events = code("Talks between Peru and Chile stalled. Lima accused its neighbour of bad faith.", "2021-08-24")
    assert ("ACCUSE", "PER", "CHL") in dyads(events)


def test_allies_named_by_example_are_those_named(code):
    events = code("The Dutch government said it would deliver jets to Ukraine and allow allies such as Denmark to "
                  "re-export theirs.", "2023-08-20")
    assert {target for kind, _, target in dyads(events) if kind == "CONCEDE"} == {"DNK"}


@pytest.mark.parametrize("text, expected", [
    ("The Arab League gave Baghdad's government ten days to release the detained journalists.",
     ("THREATEN", "ARL", "IRQ")),
    ("Ankara gave Dutch consular staff 48 hours to leave the country.", ("SANCTION", "TUR", "NLD")),
])
def test_a_deadline_to_act_is_an_ultimatum_and_a_deadline_to_leave_an_expulsion(code, text, expected):
    assert expected in dyads(code(text, "2022-03-01"))


def test_a_past_tense_verb_is_coordinated_with_the_finite_verb_not_the_infinitive(code):
    events = code("The African Union gave Gabon's junta a month to restore civilian rule and suspended the country "
                  "from the bloc.", "2023-08-31")
    assert ("SANCTION", "AU", "GAB") in dyads(events)


def test_the_actors_own_label_for_what_it_did_is_no_accusation(code):
    events = code("Turkish jets bombed depots in northern Iraq on Friday in what Ankara called a counter-terrorism "
                  "operation.", "2022-04-22")
    assert "ACCUSE" not in {kind for kind, _, _ in dyads(events)}


def test_firing_into_the_air_attacks_no_one(code):
    events = code("Supporters of the winning candidate fired rifles into the air across Kabul on Sunday.", "2019-02-03")
    assert "ASSAULT" not in {kind for kind, _, _ in dyads(events)}


def test_a_demand_made_while_acting_in_public_is_a_protest(code):
    events = code("Crowds gathered outside the presidential palace in Lima, demanding that President Dina Boluarte "
                  "step down.", "2023-01-20")
    kinds = {kind for kind, _, _ in dyads(events)}
    assert "PROTEST" in kinds and "REQUEST" not in kinds


def test_barring_people_from_what_they_may_do_restricts_them(code):
    events = code("Iran's election council barred reformist candidates from running in Friday's vote.", "2024-02-27")
    assert "COERCE" in {kind for kind, _, _ in dyads(events)}
    assert "REJECT" not in {kind for kind, _, _ in dyads(events)}


def test_a_repeated_preposition_adds_a_party(code):
    events = code("Mali expelled the French ambassador on Monday, drawing criticism from Paris and from the "
                  "European Union.", "2022-01-31")
    assert {("ACCUSE", "FRA", "MLI"), ("ACCUSE", "EU", "MLI")} <= dyads(events)


def test_a_sentence_parsed_without_a_verb_gets_its_verb_back(code):
    events = code("Thousands of students protested in Dhaka on Friday.", "2018-08-03")
    assert {kind for kind, _, _ in dyads(events)} == {"PROTEST"}
