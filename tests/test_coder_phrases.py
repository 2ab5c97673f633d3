"""Constructions the coder reads, one test sentence of our own each (session 19 onwards; earlier ones are in
test_coder_readings.py and test_coder_constructions.py)."""

from conftest import dyads, kinds


def test_a_threatened_act_carried_out_by_a_verb_happens(code):
    events = code("Ankara launched a long-threatened offensive against Kurdish militias in Syria on Friday.",
                  "2019-10-12")
    assert "ASSAULT" in kinds(events) and "THREATEN" not in kinds(events)
    assert ("THREATEN", "CHN", "USA") in dyads(code("China warned on Friday against threatened US tariffs.",
                                                    "2019-05-11"))
